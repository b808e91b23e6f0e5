import Link from "next/link";
import { type Actor } from "@/lib/auth/actor";
import { HOME, ROLE_LABEL, navFor } from "@/lib/auth/permissions";
import { NavLinks } from "./NavLinks";
import { SignOutButton } from "./SignOutButton";

export function Logo() {
  return (
    <span className="flex items-center gap-2 font-semibold tracking-tight">
      <svg aria-hidden="true" viewBox="0 0 24 24" className="h-6 w-6 text-ember-500" fill="currentColor">
        <path d="M12 2c.6 3.2-1 5.3-2.6 7.2C7.9 11 6.5 12.7 6.5 15a5.5 5.5 0 0 0 11 0c0-2.1-.9-3.6-1.9-4.9-.2 1.3-.8 2.3-1.8 2.9.3-3.6-.5-7.6-1.8-11Z" />
      </svg>
      Firedrill
    </span>
  );
}

export function NavBar({ user }: { user: Actor }) {
  return (
    <header className="no-print bg-slate-900 text-white">
      <nav aria-label="Main" className="mx-auto flex h-14 max-w-6xl items-center gap-6 px-4">
        <Link href={HOME[user.role]} className="rounded-md text-white">
          <Logo />
        </Link>
        <NavLinks items={navFor(user.role)} />
        <div className="ml-auto flex items-center gap-3">
          <div className="text-right leading-tight">
            <p className="text-sm font-medium" data-testid="nav-user">
              {user.name}
            </p>
            <p className="text-xs text-slate-400" data-testid="nav-role">
              {ROLE_LABEL[user.role]}
            </p>
          </div>
          <div className="[&_button]:text-slate-200 [&_button:hover]:bg-slate-800 [&_button:hover]:text-white">
            <SignOutButton />
          </div>
        </div>
      </nav>
    </header>
  );
}
