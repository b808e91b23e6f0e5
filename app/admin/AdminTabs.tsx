"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { cx } from "@/components/cx";

const TABS = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/users", label: "People" },
  { href: "/admin/teams", label: "Teams" },
  { href: "/admin/pools", label: "Pools" },
];

export function AdminTabs() {
  const pathname = usePathname();
  return (
    <nav aria-label="Admin" className="mb-6 border-b border-slate-200">
      <ul className="-mb-px flex gap-6">
        {TABS.map((t) => {
          const current = t.href === "/admin" ? pathname === "/admin" : pathname.startsWith(t.href);
          return (
            <li key={t.href}>
              <Link
                href={t.href}
                aria-current={current ? "page" : undefined}
                className={cx(
                  "inline-block border-b-2 px-1 pb-3 text-sm font-medium",
                  current
                    ? "border-ember-600 text-slate-900"
                    : "border-transparent text-slate-500 hover:border-slate-300 hover:text-slate-800",
                )}
              >
                {t.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
