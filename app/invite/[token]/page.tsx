import Link from "next/link";
import { buttonClass } from "@/components/Button";
import { Logo } from "@/components/NavBar";
import { guardPage } from "@/server/auth/guard";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { findInvite } from "@/lib/invites/find-invite";
import { AcceptInviteForm } from "./AcceptInviteForm";

export const metadata = { title: "Accept your invite", robots: { index: false } };

const PROBLEM = {
  used: { title: "This invite was already used", body: "Sign in with the email and password you chose." },
  expired: { title: "This invite has expired", body: "Ask a Firedrill admin to send you a new one." },
  unknown: {
    title: "This invite link isn't valid",
    body: "Check that you copied the whole link, or ask an admin for a new one.",
  },
} as const;

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  await guardPage("/invite/[token]");
  const { token } = await params;
  const invite = await findInvite(token);
  return (
    <main className="flex min-h-screen items-center justify-center bg-gradient-to-b from-slate-100 to-slate-50 px-4 py-12">
      <div className="w-full max-w-sm">
        <div className="mb-8 flex justify-center text-xl text-slate-900">
          <Logo />
        </div>
        <div className="rounded-xl border border-slate-200 bg-white p-7 shadow-sm">
          {invite.state === "valid" ? (
            <>
              <h1 className="text-xl font-semibold tracking-tight text-slate-900">Join Firedrill</h1>
              <p className="mt-1 text-sm text-slate-500">
                You&apos;re invited as a{" "}
                <strong className="font-medium text-slate-700">
                  {ROLE_LABEL[invite.role as keyof typeof ROLE_LABEL]}
                </strong>
                {invite.teamName ? ` in ${invite.teamName}` : ""}. Choose your name and password.
              </p>
              <AcceptInviteForm token={token} email={invite.email} />
            </>
          ) : (
            <>
              <h1 className="text-xl font-semibold tracking-tight text-slate-900">{PROBLEM[invite.state].title}</h1>
              <p className="mt-2 text-sm text-slate-600">{PROBLEM[invite.state].body}</p>
              <Link href="/signin" className={buttonClass("primary", "md", "mt-6 w-full")}>
                Go to sign in
              </Link>
            </>
          )}
        </div>
      </div>
    </main>
  );
}
