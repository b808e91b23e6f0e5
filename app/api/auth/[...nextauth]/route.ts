import NextAuth from "next-auth";
import { guardedRoute } from "@/server/auth/guard";
import { authOptions } from "@/server/auth/options";

// Options are built per request so a bad environment fails the request, not the build.
const handler = guardedRoute("/api/auth/[...nextauth]", async ({ req, ctx }) => {
  const params = ctx.params as Promise<{ nextauth: string[] }>;
  return (await NextAuth(req, { params }, authOptions())) as Response;
});

export { handler as GET, handler as POST };
