import { type Role } from "@prisma/client";
import { type ReactNode } from "react";
import { ROLE_LABEL } from "@/lib/auth/permissions";
import { cx } from "./cx";

export type Tone = "slate" | "ember" | "green" | "red" | "blue" | "violet";

const tones: Record<Tone, string> = {
  slate: "bg-slate-100 text-slate-700 ring-slate-200",
  ember: "bg-ember-50 text-ember-700 ring-orange-200",
  green: "bg-green-50 text-green-700 ring-green-200",
  red: "bg-red-50 text-red-700 ring-red-200",
  blue: "bg-blue-50 text-blue-700 ring-blue-200",
  violet: "bg-violet-50 text-violet-700 ring-violet-200",
};

export function Badge({ tone = "slate", children }: { tone?: Tone; children: ReactNode }) {
  return (
    <span
      className={cx(
        "inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ring-1 ring-inset",
        tones[tone],
      )}
    >
      {children}
    </span>
  );
}

const roleTone: Record<Role, Tone> = { PLAYER: "blue", FACILITATOR: "violet", LEAD: "green", ADMIN: "ember" };

export function RoleBadge({ role }: { role: Role }) {
  return <Badge tone={roleTone[role]}>{ROLE_LABEL[role]}</Badge>;
}
