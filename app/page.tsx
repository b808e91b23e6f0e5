import { redirect } from "next/navigation";
import { guardPage } from "@/server/auth/guard";
import { HOME } from "@/lib/auth/permissions";

/** Signed in: your role's home. Signed out: the sign-in page. */
export default async function Index() {
  const user = await guardPage("/");
  redirect(user ? HOME[user.role] : "/signin");
}
