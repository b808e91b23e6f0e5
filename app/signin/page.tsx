import { redirect } from "next/navigation";
import { Logo } from "@/components/NavBar";
import { env } from "@/lib/env";
import { guardPage } from "@/server/auth/guard";
import { oidcEnabled } from "@/server/auth/options";
import { HOME } from "@/lib/auth/permissions";
import { SignInForm } from "./SignInForm";
import { safeCallbackUrl, signInErrorMessage } from "./messages";

export const metadata = { title: "Sign in" };

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await guardPage("/signin");
  const params = await searchParams;
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);
  const callbackUrl = safeCallbackUrl(first(params.callbackUrl));
  if (user) redirect(callbackUrl ?? HOME[user.role]);

  const e = env();
  const error = first(params.error);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-slate-100 to-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center text-xl text-slate-900">
          <Logo />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-7 shadow-sm">
          <h1 className="text-xl font-semibold tracking-tight text-slate-900">Sign in</h1>
          <p className="mt-1 text-sm text-slate-500">Incident training on real broken systems.</p>
          <SignInForm
            initialEmail={first(params.email) ?? ""}
            initialError={error ? signInErrorMessage(error) : undefined}
            notice={first(params.welcome) ? "Your account is ready. Sign in with your new password." : undefined}
            callbackUrl={callbackUrl ?? "/"}
            sso={oidcEnabled(e) ? { name: e.OIDC_NAME } : null}
          />
        </div>
        <p className="mt-6 text-center text-xs text-slate-500">No account? Ask a Firedrill admin for an invite.</p>
      </div>
    </main>
  );
}
