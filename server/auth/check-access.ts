/**
 * The access decision every guard makes, free of Next.js so tests can call it
 * with a real session token: who is this token, and may they use `access`?
 */
import "server-only";
import { type PrismaClient } from "@prisma/client";
import { type Actor } from "../../lib/auth/actor";
import { type Access, can } from "../../lib/auth/permissions";
import { resolveSession } from "../../lib/auth/resolve-session";
import { sidFromToken } from "./session-token";

export type AccessDecision =
  { allowed: true; actor: Actor | null } | { allowed: false; reason: "signed-out" | "forbidden"; actor: Actor | null };

export async function actorFromToken(db: PrismaClient, token: string | null | undefined): Promise<Actor | null> {
  const sid = await sidFromToken(token);
  return sid ? resolveSession(db, sid) : null;
}

export function decide(actor: Actor | null, access: Access): AccessDecision {
  if (can(actor?.role, access)) return { allowed: true, actor };
  return { allowed: false, reason: actor ? "forbidden" : "signed-out", actor };
}

export async function checkAccess(
  db: PrismaClient,
  token: string | null | undefined,
  access: Access,
): Promise<AccessDecision> {
  return decide(await actorFromToken(db, token), access);
}
