import Link from "next/link";
import { buttonClass } from "@/components/Button";
import { Logo } from "@/components/NavBar";

export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-md text-center">
        <div className="mb-8 flex justify-center text-slate-900">
          <Logo />
        </div>
        <p className="text-sm font-semibold text-ember-700">404</p>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight text-slate-900">Page not found</h1>
        <p className="mt-3 text-sm text-slate-600">That page doesn&apos;t exist, or it moved.</p>
        <div className="mt-6 flex justify-center">
          <Link href="/" className={buttonClass("primary")}>
            Go to my home
          </Link>
        </div>
      </div>
    </main>
  );
}
