// What our next-auth callbacks put on the user and the token.
import "next-auth";
import "next-auth/jwt";

declare module "next-auth" {
  interface User {
    /** Session row opened by the credentials provider. */
    sid?: string;
  }
}

declare module "next-auth/jwt" {
  interface JWT {
    sid?: string;
  }
}
