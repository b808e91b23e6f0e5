/**
 * Who may see what: the one access matrix. Pages, route handlers, server
 * actions and use-cases all ask `can(role, access)`; change it here only.
 * Pure (no Prisma runtime import) so the browser bundle and unit tests can use it.
 */
import type { Role } from "@prisma/client";

export const ROLES = ["PLAYER", "FACILITATOR", "LEAD", "ADMIN"] as const satisfies readonly Role[];

/** Areas of the app and the roles that may use them. Admins may use everything. */
export const ACCESS = {
  /** Anyone, signed in or not. */
  public: "anyone",
  /** Any signed-in, enabled user. */
  signedIn: ["PLAYER", "FACILITATOR", "LEAD", "ADMIN"],
  play: ["PLAYER", "ADMIN"],
  facilitate: ["FACILITATOR", "ADMIN"],
  lead: ["LEAD", "ADMIN"],
  /** Assigning levels and seeing a person's page: leads only for their own teams (lib/assignments). */
  assign: ["FACILITATOR", "LEAD", "ADMIN"],
  admin: ["ADMIN"],
} as const satisfies Record<string, "anyone" | readonly Role[]>;

export type Access = keyof typeof ACCESS;

export function can(role: Role | null | undefined, access: Access): boolean {
  const allowed = ACCESS[access];
  if (allowed === "anyone") return true;
  if (!role) return false;
  return (allowed as readonly Role[]).includes(role);
}

/** Each role's home, where `/` and sign-in send it. */
export const HOME: Record<Role, string> = {
  PLAYER: "/play",
  FACILITATOR: "/facilitate",
  LEAD: "/lead",
  ADMIN: "/admin",
};

export const ROLE_LABEL: Record<Role, string> = {
  PLAYER: "Player",
  FACILITATOR: "Facilitator",
  LEAD: "Lead",
  ADMIN: "Admin",
};

/** The main navigation, filtered per role by the same matrix. */
export const NAV: { href: string; label: string; access: Access }[] = [
  { href: "/play", label: "Play", access: "play" },
  { href: "/facilitate", label: "Facilitate", access: "facilitate" },
  { href: "/facilitate/board", label: "Live board", access: "facilitate" },
  { href: "/facilitate/game-days", label: "Game days", access: "facilitate" },
  { href: "/lead", label: "Team readiness", access: "lead" },
  { href: "/assignments", label: "Assignments", access: "assign" },
  { href: "/admin", label: "Admin", access: "admin" },
];

export function navFor(role: Role): { href: string; label: string }[] {
  return NAV.filter((item) => can(role, item.access));
}
