/**
 * Demo accounts for a fresh database: one per role plus a second player, and
 * "Blue Team" led by the lead with both players. Does nothing once any user
 * exists. Takes its own client so start scripts can call it before the app's
 * environment is complete.
 */
import { type PrismaClient, type Role } from "@prisma/client";
import { hashPassword } from "../auth/password";

export interface DemoAccount {
  email: string;
  name: string;
  role: Role;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { email: "admin@firedrill.local", name: "Ada Admin", role: "ADMIN" },
  { email: "facilitator@firedrill.local", name: "Fran Facilitator", role: "FACILITATOR" },
  { email: "lead@firedrill.local", name: "Lee Lead", role: "LEAD" },
  { email: "player@firedrill.local", name: "Pat Player", role: "PLAYER" },
  { email: "player2@firedrill.local", name: "Sam Player", role: "PLAYER" },
];

export const DEMO_TEAM = "Blue Team";

export interface SeedResult {
  /** Accounts created now (empty when the database already had users). */
  created: DemoAccount[];
  /** The demo accounts were created on an earlier start and are still there. */
  existing: boolean;
  /** The demo accounts in the database now, to print. */
  accounts: DemoAccount[];
}

async function presentDemoAccounts(db: PrismaClient): Promise<DemoAccount[]> {
  const rows = await db.user.findMany({
    where: { email: { in: DEMO_ACCOUNTS.map((a) => a.email) }, disabledAt: null },
    select: { email: true, name: true, role: true },
  });
  const order = DEMO_ACCOUNTS.map((a) => a.email);
  return rows.sort((a, b) => order.indexOf(a.email) - order.indexOf(b.email));
}

export async function seedDemoAccounts(db: PrismaClient, password: string): Promise<SeedResult> {
  if (password.length < 8) throw new Error("seedDemoAccounts: the demo password must be at least 8 characters");
  if ((await db.user.count()) > 0) {
    const accounts = await presentDemoAccounts(db);
    return { created: [], existing: accounts.length > 0, accounts };
  }
  const hashes = await Promise.all(DEMO_ACCOUNTS.map(() => hashPassword(password)));
  const created = await db.$transaction(async (tx) => {
    // Re-check inside the transaction: two starts racing must not both seed.
    if ((await tx.user.count()) > 0) return false;
    const ids = new Map<string, string>();
    for (const [i, a] of DEMO_ACCOUNTS.entries()) {
      const u = await tx.user.create({ data: { ...a, passwordHash: hashes[i]! }, select: { id: true } });
      ids.set(a.email, u.id);
    }
    await tx.team.create({
      data: {
        name: DEMO_TEAM,
        leadId: ids.get("lead@firedrill.local")!,
        members: { connect: [{ email: "player@firedrill.local" }, { email: "player2@firedrill.local" }] },
      },
    });
    return true;
  });
  const accounts = await presentDemoAccounts(db);
  return { created: created ? [...DEMO_ACCOUNTS] : [], existing: !created && accounts.length > 0, accounts };
}
