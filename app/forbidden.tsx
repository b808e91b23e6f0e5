import Link from "next/link";
import { buttonClass } from "@/components/Button";
import { Logo } from "@/components/NavBar";

export const metadata = { title: "403 — No access" };

export default function Forbidden() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md text-center">
        <div className="mb-8 flex justify-center text-slate-900">
          <Logo />
        </div>
        <p className="text-sm font-semibold text-ember-700">403</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">
          403 — you don&apos;t have access to this page
        </h1>
        <p className="mt-3 text-sm text-slate-600">
          Your role doesn&apos;t include this part of Firedrill. If you think it should, ask an admin to change your
          role.
        </p>
        <div className="mt-6 flex justify-center gap-3">
          <Link href="/" className={buttonClass("primary")}>
            Go to my home
          </Link>
        </div>
      </div>
    </main>
  );
}
