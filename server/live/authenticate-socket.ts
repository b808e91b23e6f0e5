/**
 * The live socket's handshake: the page's origin must be ours (a cookie alone
 * is not enough, or any site could open a socket as the visitor), and the
 * next-auth session cookie must name a live session.
 */
import type { PrismaClient } from "@prisma/client";
import type { IncomingHttpHeaders } from "node:http";
import type { Actor } from "../../lib/auth/actor";
import { resolveSession } from "../../lib/auth/resolve-session";
import { sidFromToken, tokenFromCookieHeader } from "../auth/session-token";
import { AppError } from "../../lib/errors";

export async function authenticateSocket(
  db: PrismaClient,
  headers: IncomingHttpHeaders,
  origins: ReadonlySet<string>,
): Promise<Actor> {
  const origin = headers.origin;
  if (!origin || !origins.has(origin)) throw new AppError("FORBIDDEN", `origin ${origin ?? "(none)"} is not allowed`);
  const sid = await sidFromToken(tokenFromCookieHeader(headers.cookie));
  const actor = sid ? await resolveSession(db, sid) : null;
  if (!actor) throw new AppError("UNAUTHENTICATED", "Sign in first.");
  return actor;
}
