/**
 * The guards transports call first. Pages: signed-out → /signin, wrong role →
 * the 403 page (forbidden()). Server actions: the same. Route handlers: a JSON
 * 401/403. Each looks its access up in the route registry, so the matrix test
 * and the app agree by construction.
 */
import "server-only";
import { type NextRequest } from "next/server";
import { cookies } from "next/headers";
import { forbidden, redirect } from "next/navigation";
import { cache } from "react";
import { db } from "../../lib/db/client";
import { AppError } from "../../lib/errors";
import { appOrigins } from "../http/allowed-origins";
import { errorResponse } from "../http/respond";
import { screenRequest } from "../http/screen-write";
import { type Actor } from "../../lib/auth/actor";
import { actorFromToken, decide } from "./check-access";
import { type Access } from "../../lib/auth/permissions";
import {
  type ACTIONS,
  type ActionName,
  type PAGES,
  type PagePath,
  type ROUTES,
  type RoutePath,
  actionAccess,
  pageAccess,
  routeAccess,
  routeWrites,
} from "./route-registry";
import { sessionCookieName, tokenFromCookieHeader } from "./session-token";

type ActorFor<A extends Access> = A extends "public" ? Actor | null : Actor;
type PageActor<P extends PagePath> = ActorFor<Extract<(typeof PAGES)[number], { path: P }>["access"]>;
type RouteActor<P extends RoutePath> = ActorFor<Extract<(typeof ROUTES)[number], { path: P }>["access"]>;
type ActionActor<N extends ActionName> = ActorFor<Extract<(typeof ACTIONS)[number], { name: N }>["access"]>;

/** The signed-in user of this request, or null. Deduplicated per request. */
export const getCurrentUser = cache(async (): Promise<Actor | null> => {
  const store = await cookies();
  return actorFromToken(db, store.get(sessionCookieName())?.value);
});

/** For server components that are not a registered page: redirect or 403 unless the user has `access`. */
export async function requireUser(access: Exclude<Access, "public"> = "signedIn"): Promise<Actor> {
  const decision = decide(await getCurrentUser(), access);
  if (!decision.allowed) {
    if (decision.reason === "signed-out") redirect("/signin");
    forbidden();
  }
  return decision.actor!;
}

export async function guardPage<P extends PagePath>(path: P): Promise<PageActor<P>> {
  const decision = decide(await getCurrentUser(), pageAccess(path));
  if (!decision.allowed) {
    if (decision.reason === "signed-out") redirect("/signin");
    forbidden();
  }
  return decision.actor as PageActor<P>;
}

export async function guardAction<N extends ActionName>(name: N): Promise<ActionActor<N>> {
  const decision = decide(await getCurrentUser(), actionAccess(name));
  if (!decision.allowed) {
    if (decision.reason === "signed-out") redirect("/signin");
    forbidden();
  }
  return decision.actor as ActionActor<N>;
}

export const GUARD_HEADER = "x-firedrill-guard";

export interface RouteContext {
  params: Promise<Record<string, string | string[] | undefined>>;
}

/**
 * Wraps a route handler: screens the request (sane URL; a write must come from
 * the game's own origin with the route's content type and within its size cap,
 * server/http/screen-write.ts), checks access from the request's own cookie (so
 * tests can call handlers with a plain Request), then maps AppError to JSON once.
 */
export function guardedRoute<P extends RoutePath>(
  path: P,
  handler: (args: { req: NextRequest; ctx: RouteContext; actor: RouteActor<P> }) => Promise<Response>,
): (req: NextRequest, ctx: RouteContext) => Promise<Response> {
  return async (original, ctx) => {
    try {
      // Before the session is even looked up: a cross-site write never reaches the database.
      const req = await screenRequest(original, routeWrites(path), appOrigins());
      const actor = await actorFromToken(db, tokenFromCookieHeader(req.headers.get("cookie")));
      const decision = decide(actor, routeAccess(path));
      if (!decision.allowed) {
        const res = errorResponse(
          decision.reason === "signed-out"
            ? new AppError("UNAUTHENTICATED", "Sign in first.")
            : new AppError("FORBIDDEN", "You don't have access to this."),
        );
        // Tells a refusal by role apart from one by a use-case (per object), for clients and the matrix test.
        res.headers.set(GUARD_HEADER, "denied");
        return res;
      }
      return await handler({ req, ctx, actor: decision.actor as RouteActor<P> });
    } catch (err) {
      return errorResponse(err);
    }
  };
}
