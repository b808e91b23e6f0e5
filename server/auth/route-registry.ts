/**
 * Every page, route handler and server action, with the access it needs. Pages
 * and handlers call `guardPage(path)` / `guardRoute(req, path)` and actions
 * `guardAction(name)`, which look their access up here; the authorisation
 * matrix test enumerates this list and fails when an app file is missing from it.
 * A route's `writes` is what its POST/PUT/PATCH/DELETE may carry (server/http/screen-write.ts):
 * by default JSON from the game's own origin, at most 64 KB.
 */
import type { WritePolicy } from "../http/screen-write";
import type { Access } from "../../lib/auth/permissions";

export interface PageEntry {
  kind: "page";
  path: string;
  file: string;
  access: Access;
}
export interface RouteEntry {
  kind: "route";
  path: string;
  file: string;
  methods: ("GET" | "POST" | "PUT" | "PATCH" | "DELETE")[];
  access: Access;
  writes?: WritePolicy;
}
export interface ActionEntry {
  kind: "action";
  name: string;
  file: string;
  access: Access;
}
export type RegistryEntry = PageEntry | RouteEntry | ActionEntry;

export const PAGES = [
  { kind: "page", path: "/", file: "app/page.tsx", access: "public" },
  { kind: "page", path: "/signin", file: "app/signin/page.tsx", access: "public" },
  { kind: "page", path: "/invite/[token]", file: "app/invite/[token]/page.tsx", access: "public" },
  { kind: "page", path: "/play", file: "app/play/page.tsx", access: "play" },
  { kind: "page", path: "/facilitate", file: "app/facilitate/page.tsx", access: "facilitate" },
  { kind: "page", path: "/lead", file: "app/lead/page.tsx", access: "lead" },
  { kind: "page", path: "/admin", file: "app/admin/page.tsx", access: "admin" },
  { kind: "page", path: "/admin/users", file: "app/admin/users/page.tsx", access: "admin" },
  { kind: "page", path: "/admin/users/[id]", file: "app/admin/users/[id]/page.tsx", access: "admin" },
  { kind: "page", path: "/admin/teams", file: "app/admin/teams/page.tsx", access: "admin" },
  { kind: "page", path: "/admin/pools", file: "app/admin/pools/page.tsx", access: "admin" },
  // The incident (issue 5): per-object authorisation inside the use-cases.
  { kind: "page", path: "/attempts/[id]", file: "app/attempts/[id]/page.tsx", access: "signedIn" },
  {
    kind: "page",
    path: "/attempts/[id]/postmortem",
    file: "app/attempts/[id]/postmortem/page.tsx",
    access: "signedIn",
  },
  // Session replay: per-object authorisation (authorizeAttempt read) inside the use-cases.
  { kind: "page", path: "/attempts/[id]/replay", file: "app/attempts/[id]/replay/page.tsx", access: "signedIn" },
  { kind: "page", path: "/facilitate/review", file: "app/facilitate/review/page.tsx", access: "facilitate" },
  // Game days (issue 6): scheduled and run by facilitators.
  { kind: "page", path: "/facilitate/game-days", file: "app/facilitate/game-days/page.tsx", access: "facilitate" },
  { kind: "page", path: "/facilitate/board", file: "app/facilitate/board/page.tsx", access: "facilitate" },
  // Assignments (issue 13): leads only within their teams, decided in lib/assignments.
  { kind: "page", path: "/assignments", file: "app/assignments/page.tsx", access: "assign" },
  { kind: "page", path: "/people/[id]", file: "app/people/[id]/page.tsx", access: "assign" },
  {
    kind: "page",
    path: "/facilitate/grade/[attemptId]",
    file: "app/facilitate/grade/[attemptId]/page.tsx",
    access: "facilitate",
  },
] as const satisfies readonly PageEntry[];

/** A report or postmortem save: every section at its longest, twice (the merge base rides along). */
const DOCUMENT_BODY = { maxBytes: 4 * 1024 * 1024 } as const;

export const ROUTES = [
  { kind: "route", path: "/api/health", file: "app/api/health/route.ts", methods: ["GET"], access: "public" },
  { kind: "route", path: "/api/ready", file: "app/api/ready/route.ts", methods: ["GET"], access: "public" },
  {
    kind: "route",
    path: "/api/auth/[...nextauth]",
    file: "app/api/auth/[...nextauth]/route.ts",
    methods: ["GET", "POST"],
    access: "public",
    // next-auth's own forms (its CSRF token still applies); same origin like every other write.
    writes: { accepts: ["application/x-www-form-urlencoded", "application/json"], maxBytes: 16 * 1024 },
  },
  { kind: "route", path: "/api/me", file: "app/api/me/route.ts", methods: ["GET"], access: "signedIn" },
  { kind: "route", path: "/api/admin/users", file: "app/api/admin/users/route.ts", methods: ["GET"], access: "admin" },
  { kind: "route", path: "/api/admin/teams", file: "app/api/admin/teams/route.ts", methods: ["GET"], access: "admin" },
  {
    kind: "route",
    path: "/api/admin/users/[id]/sessions",
    file: "app/api/admin/users/[id]/sessions/route.ts",
    methods: ["GET"],
    access: "admin",
  },
  // The incident (issue 5): attempt routes check membership per object in their use-cases.
  { kind: "route", path: "/api/attempts", file: "app/api/attempts/route.ts", methods: ["POST"], access: "play" },
  {
    kind: "route",
    path: "/api/attempts/[id]/state",
    file: "app/api/attempts/[id]/state/route.ts",
    methods: ["GET"],
    access: "signedIn",
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/token",
    file: "app/api/attempts/[id]/token/route.ts",
    methods: ["POST"],
    access: "signedIn",
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/hints",
    file: "app/api/attempts/[id]/hints/route.ts",
    methods: ["POST"],
    access: "signedIn",
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/check",
    file: "app/api/attempts/[id]/check/route.ts",
    methods: ["POST"],
    access: "signedIn",
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/commands",
    file: "app/api/attempts/[id]/commands/route.ts",
    methods: ["POST"],
    access: "signedIn",
    // Typed by the room's terminals only: 50 lines of 2,000 characters, UTF-8 at its widest.
    writes: { maxBytes: 384 * 1024, pagesOnly: true },
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/abandon",
    file: "app/api/attempts/[id]/abandon/route.ts",
    methods: ["POST"],
    access: "signedIn",
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/retry",
    file: "app/api/attempts/[id]/retry/route.ts",
    methods: ["POST"],
    access: "signedIn",
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/code",
    file: "app/api/attempts/[id]/code/route.ts",
    methods: ["GET"],
    access: "signedIn",
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/report",
    file: "app/api/attempts/[id]/report/route.ts",
    methods: ["GET", "PUT"],
    access: "signedIn",
    writes: DOCUMENT_BODY,
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/report/submit",
    file: "app/api/attempts/[id]/report/submit/route.ts",
    methods: ["POST"],
    access: "signedIn",
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/postmortem",
    file: "app/api/attempts/[id]/postmortem/route.ts",
    methods: ["GET", "PUT"],
    access: "signedIn",
    writes: DOCUMENT_BODY,
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/postmortem/submit",
    file: "app/api/attempts/[id]/postmortem/submit/route.ts",
    methods: ["POST"],
    access: "signedIn",
    writes: DOCUMENT_BODY,
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/grade",
    file: "app/api/attempts/[id]/grade/route.ts",
    methods: ["POST"],
    access: "facilitate",
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/recordings",
    file: "app/api/attempts/[id]/recordings/route.ts",
    methods: ["GET"],
    access: "signedIn",
  },
  {
    kind: "route",
    path: "/api/attempts/[id]/recordings/[session]",
    file: "app/api/attempts/[id]/recordings/[session]/route.ts",
    methods: ["GET"],
    access: "signedIn",
  },
  // Readiness (issue 13): the CSV exports; readinessScope decides whom per team.
  {
    kind: "route",
    path: "/api/readiness/coverage",
    file: "app/api/readiness/coverage/route.ts",
    methods: ["GET"],
    access: "lead",
  },
  {
    kind: "route",
    path: "/api/readiness/attempts",
    file: "app/api/readiness/attempts/route.ts",
    methods: ["GET"],
    access: "lead",
  },
  // Acknowledging the incident stops the time-to-detect clock: members only (authorizeAttempt write).
  {
    kind: "route",
    path: "/api/attempts/[id]/acknowledge",
    file: "app/api/attempts/[id]/acknowledge/route.ts",
    methods: ["POST"],
    access: "signedIn",
  },
  // The incident channel (issue 6): authorizeAttempt(read) inside the use-case.
  {
    kind: "route",
    path: "/api/attempts/[id]/channel",
    file: "app/api/attempts/[id]/channel/route.ts",
    methods: ["GET"],
    access: "signedIn",
  },
] as const satisfies readonly RouteEntry[];

export const ACTIONS = [
  { kind: "action", name: "createUserAction", file: "app/admin/users/actions.ts", access: "admin" },
  { kind: "action", name: "inviteUserAction", file: "app/admin/users/actions.ts", access: "admin" },
  { kind: "action", name: "setRoleAction", file: "app/admin/users/[id]/actions.ts", access: "admin" },
  { kind: "action", name: "setDisabledAction", file: "app/admin/users/[id]/actions.ts", access: "admin" },
  { kind: "action", name: "setTeamAction", file: "app/admin/users/[id]/actions.ts", access: "admin" },
  { kind: "action", name: "revokeSessionAction", file: "app/admin/users/[id]/actions.ts", access: "admin" },
  { kind: "action", name: "revokeAllSessionsAction", file: "app/admin/users/[id]/actions.ts", access: "admin" },
  { kind: "action", name: "createTeamAction", file: "app/admin/teams/actions.ts", access: "admin" },
  { kind: "action", name: "setTeamLeadAction", file: "app/admin/teams/actions.ts", access: "admin" },
  { kind: "action", name: "addTeamMemberAction", file: "app/admin/teams/actions.ts", access: "admin" },
  { kind: "action", name: "removeTeamMemberAction", file: "app/admin/teams/actions.ts", access: "admin" },
  { kind: "action", name: "acceptInviteAction", file: "app/invite/[token]/actions.ts", access: "public" },
  { kind: "action", name: "scheduleGameDayAction", file: "app/facilitate/game-days/actions.ts", access: "facilitate" },
  { kind: "action", name: "startGameDayAction", file: "app/facilitate/game-days/actions.ts", access: "facilitate" },
  { kind: "action", name: "cancelGameDayAction", file: "app/facilitate/game-days/actions.ts", access: "facilitate" },
  { kind: "action", name: "endGameDayAction", file: "app/facilitate/game-days/actions.ts", access: "facilitate" },
  { kind: "action", name: "assignLevelAction", file: "app/assignments/actions.ts", access: "assign" },
  { kind: "action", name: "cancelAssignmentAction", file: "app/assignments/actions.ts", access: "assign" },
] as const satisfies readonly ActionEntry[];

export type PagePath = (typeof PAGES)[number]["path"];
export type RoutePath = (typeof ROUTES)[number]["path"];
export type ActionName = (typeof ACTIONS)[number]["name"];

export const REGISTRY: readonly RegistryEntry[] = [...PAGES, ...ROUTES, ...ACTIONS];

export function pageAccess(path: PagePath): Access {
  return PAGES.find((p) => p.path === path)!.access;
}
export function routeAccess(path: RoutePath): Access {
  return ROUTES.find((r) => r.path === path)!.access;
}
export function routeWrites(path: RoutePath): WritePolicy {
  return (ROUTES as readonly RouteEntry[]).find((r) => r.path === path)!.writes ?? {};
}
/** The largest body any route takes: the web server refuses anything declaring more before Next sees it. */
export const MAX_ANY_BODY = Math.max(
  ...(ROUTES as readonly RouteEntry[]).map((r) => r.writes?.maxBytes ?? 0),
  64 * 1024,
);
export function actionAccess(name: ActionName): Access {
  return ACTIONS.find((a) => a.name === name)!.access;
}
