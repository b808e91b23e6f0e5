/**
 * The authorisation matrix: every page, route handler and server action (from
 * the one registry, server/auth/route-registry.ts), called as every role, signed
 * out, and with dead sessions, against what the spec below says. The first
 * tests fail when an app file is missing from the registry or does not call
 * its guard, so nothing new can dodge this test.
 */
import "./support/env";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { after, before, test } from "node:test";
import { type Role } from "@prisma/client";
import { encode } from "next-auth/jwt";
import { NextRequest } from "next/server";
import { type Actor } from "../../lib/auth/actor";
import { checkAccess } from "../../server/auth/check-access";
import { GUARD_HEADER } from "../../server/auth/guard";
import { type Access } from "../../lib/auth/permissions";
import { ACTIONS, type ActionName, PAGES, REGISTRY, ROUTES } from "../../server/auth/route-registry";
import { sessionCookieName } from "../../server/auth/session-token";
import { AppError } from "../../lib/errors";
import { cancelGameDay } from "../../lib/game-days/cancel-game-day";
import { endGameDay } from "../../lib/game-days/end-game-day";
import { scheduleGameDay } from "../../lib/game-days/schedule-game-day";
import { startGameDay } from "../../lib/game-days/start-game-day";
import { acceptInvite } from "../../lib/invites/accept-invite";
import { createInvite } from "../../lib/invites/create-invite";
import { revokeSession } from "../../lib/sessions/revoke-session";
import { revokeUserSessions } from "../../lib/sessions/revoke-user-sessions";
import { createTeam } from "../../lib/teams/create-team";
import { setTeamLead } from "../../lib/teams/set-team-lead";
import { createUser } from "../../lib/users/create-user";
import { setUserDisabled } from "../../lib/users/set-user-disabled";
import { setUserRole } from "../../lib/users/set-user-role";
import { setUserTeam } from "../../lib/users/set-user-team";
import { assignLevel } from "../../lib/assignments/assign-level";
import { cancelAssignment } from "../../lib/assignments/cancel-assignment";
import { FakeOrchestrator, makeLevel } from "./support/incident";
import { db, makeUser, signIn, uid, uniqueEmail } from "./support/people";

const ROOT = path.resolve(import.meta.dirname, "../..");

// ─── The spec, written out independently of lib/auth/permissions.ts ──────────

const ALLOWED: Record<Access, readonly Role[] | "anyone"> = {
  public: "anyone",
  signedIn: ["PLAYER", "FACILITATOR", "LEAD", "ADMIN"],
  play: ["PLAYER", "ADMIN"],
  facilitate: ["FACILITATOR", "ADMIN"],
  lead: ["LEAD", "ADMIN"],
  assign: ["FACILITATOR", "LEAD", "ADMIN"],
  admin: ["ADMIN"],
};

interface Caller {
  label: string;
  /** The role the caller acts with, or null when the token leads to nobody. */
  role: Role | null;
  token: string | undefined;
  actor: Actor | null;
}

function expectAllowed(access: Access, caller: Caller): boolean {
  const allowed = ALLOWED[access];
  if (allowed === "anyone") return true;
  return caller.role !== null && allowed.includes(caller.role);
}

const callers: Caller[] = [];

before(async () => {
  callers.push({ label: "signed out", role: null, token: undefined, actor: null });
  for (const role of ["PLAYER", "FACILITATOR", "LEAD", "ADMIN"] as const) {
    const s = await signIn(await makeUser(role));
    callers.push({ label: role, role, token: s.token, actor: s.actor });
  }
  // Dead sessions of an admin: each must count as signed out everywhere.
  const revoked = await signIn(await makeUser("ADMIN"));
  await db.session.update({ where: { id: revoked.sessionId }, data: { revokedAt: new Date() } });
  const expired = await signIn(await makeUser("ADMIN"));
  await db.session.update({ where: { id: expired.sessionId }, data: { expiresAt: new Date(Date.now() - 1000) } });
  const disabledUser = await makeUser("ADMIN");
  const disabled = await signIn(disabledUser);
  await db.user.update({ where: { id: disabledUser.id }, data: { disabledAt: new Date() } });
  const live = await signIn(await makeUser("ADMIN"));
  const forged = await encode({ token: { sid: live.sessionId }, secret: "not-the-secret-not-the-secret-000000" });
  callers.push(
    { label: "revoked admin session", role: null, token: revoked.token, actor: null },
    { label: "expired admin session", role: null, token: expired.token, actor: null },
    { label: "disabled admin", role: null, token: disabled.token, actor: null },
    { label: "forged admin token", role: null, token: forged, actor: null },
  );
});

after(() => db.$disconnect());

// ─── Nothing escapes the registry ─────────────────────────────────────────────

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}
const appFiles = walk(path.join(ROOT, "app")).map((f) => path.relative(ROOT, f).split(path.sep).join("/"));

/** app/admin/users/[id]/page.tsx → /admin/users/[id]; route groups "(x)" vanish. */
function urlPathOf(file: string): string {
  const segments = file
    .split("/")
    .slice(1, -1)
    .filter((s) => !/^\(.*\)$/.test(s));
  return `/${segments.join("/")}`;
}

test("every app/**/page.tsx and route.ts is in the registry, at the path its folder gives it", () => {
  const pages = appFiles.filter((f) => /\/page\.(tsx|ts|jsx|js)$/.test(f));
  const routes = appFiles.filter((f) => /\/route\.(ts|js)$/.test(f));
  for (const f of pages) {
    const entry = PAGES.find((p) => p.file === f);
    assert.ok(entry, `${f} is not in server/auth/route-registry.ts (PAGES)`);
    assert.equal(entry.path, urlPathOf(f), `${f}: registry path`);
  }
  for (const f of routes) {
    const entry = ROUTES.find((r) => r.file === f);
    assert.ok(entry, `${f} is not in server/auth/route-registry.ts (ROUTES)`);
    assert.equal(entry.path, urlPathOf(f), `${f}: registry path`);
  }
  for (const e of [...PAGES, ...ROUTES])
    assert.ok(appFiles.includes(e.file), `registry lists ${e.file}, which does not exist`);
});

test("every page and route handler calls its guard with its own registry path", async () => {
  for (const p of PAGES) {
    assert.ok(
      readFileSync(path.join(ROOT, p.file), "utf8").includes(`guardPage("${p.path}")`),
      `${p.file} must call guardPage("${p.path}")`,
    );
  }
  for (const r of ROUTES) {
    const source = readFileSync(path.join(ROOT, r.file), "utf8");
    assert.ok(
      source.includes(`guardedRoute("${r.path}"`),
      `${r.file} must wrap its handlers in guardedRoute("${r.path}", …)`,
    );
    const mod = (await import(path.join(ROOT, r.file))) as Record<string, unknown>;
    const exported = ["GET", "POST", "PUT", "PATCH", "DELETE"].filter((m) => typeof mod[m] === "function");
    assert.deepEqual(exported.sort(), [...r.methods].sort(), `${r.file}: exported methods match the registry`);
  }
});

test("every server action is in the registry and calls guardAction with its own name", () => {
  const found: { name: string; file: string }[] = [];
  for (const file of appFiles.filter((f) => /\.(ts|tsx)$/.test(f))) {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    if (!/^\s*["']use server["']/.test(source)) continue;
    const exports = [...source.matchAll(/export\s+(?:async\s+)?function\s+(\w+)/g)];
    exports.forEach((m, i) => {
      const name = m[1]!;
      const body = source.slice(m.index, exports[i + 1]?.index ?? source.length);
      found.push({ name, file });
      assert.ok(body.includes(`guardAction("${name}")`), `${file}: ${name} must call guardAction("${name}") first`);
    });
    assert.ok(
      !/export\s+const\s+\w+\s*=/.test(source),
      `${file}: export actions as functions so this test can see them`,
    );
  }
  for (const a of found) {
    assert.ok(
      ACTIONS.some((e) => e.name === a.name && e.file === a.file),
      `${a.file}: ${a.name} is not in server/auth/route-registry.ts (ACTIONS)`,
    );
  }
  for (const e of ACTIONS)
    assert.ok(
      found.some((a) => a.name === e.name && a.file === e.file),
      `registry lists ${e.name} in ${e.file}, which is not there`,
    );
});

// ─── Pages and route handlers ─────────────────────────────────────────────────

test("pages: each caller is allowed or denied as the spec says (signed-out → sign in, wrong role → 403)", async () => {
  for (const page of PAGES) {
    for (const caller of callers) {
      const decision = await checkAccess(db, caller.token, page.access);
      const want = expectAllowed(page.access, caller);
      assert.equal(decision.allowed, want, `${page.path} as ${caller.label}`);
      if (!decision.allowed)
        assert.equal(decision.reason, caller.role ? "forbidden" : "signed-out", `${page.path} as ${caller.label}`);
    }
  }
});

function concretePath(pattern: string, ids: Record<string, string>): string {
  return pattern.replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => ids[name] ?? "x");
}

test("route handlers: called for real; refused callers get 401/403 from the guard, allowed ones get past it", async () => {
  const target = await makeUser("PLAYER");
  const params: Record<string, string> = { id: target.id, nextauth: "session" };
  for (const route of ROUTES) {
    if (route.path.startsWith("/api/auth/")) {
      // next-auth's own endpoints (public by design) need Next's request scope; check the decision.
      for (const caller of callers)
        assert.equal((await checkAccess(db, caller.token, route.access)).allowed, expectAllowed(route.access, caller));
      continue;
    }
    const mod = (await import(path.join(ROOT, route.file))) as Record<
      string,
      (req: NextRequest, ctx: unknown) => Promise<Response>
    >;
    for (const method of route.methods) {
      for (const caller of callers) {
        const want = expectAllowed(route.access, caller);
        const label = `${method} ${route.path} as ${caller.label}`;
        if (want && method !== "GET") {
          // Allowed writes would really run (start attempts, grade…): check the guard's decision only.
          assert.equal((await checkAccess(db, caller.token, route.access)).allowed, true, label);
          continue;
        }
        const url = `http://localhost:3000${concretePath(route.path, params)}`;
        // A write as the game's own page sends it (tests/integration/cross-site-writes.test.ts covers the rest).
        const headers: Record<string, string> =
          method === "GET" ? {} : { origin: "http://localhost:3000", "content-type": "application/json" };
        if (caller.token) headers.cookie = `${sessionCookieName()}=${caller.token}`;
        const res = await mod[method]!(new NextRequest(url, { method, headers }), { params: Promise.resolve(params) });
        if (want) {
          // Past the guard; a use-case may still say 404/403 for this particular object.
          assert.notEqual(res.headers.get(GUARD_HEADER), "denied", `${label}: ${res.status}`);
          assert.notEqual(res.status, 401, label);
        } else {
          assert.equal(res.status, caller.role ? 403 : 401, label);
          assert.equal(res.headers.get(GUARD_HEADER), "denied", label);
        }
      }
    }
  }
});

// ─── Server actions: the guard's decision, and the use-case each one calls ────

/** What each action runs, with fresh inputs. Typed over every action name, so a new action must be added here. */
const USE_CASES: Record<ActionName, (actor: Actor) => Promise<unknown>> = {
  createUserAction: (actor) =>
    createUser(actor, {
      email: uniqueEmail("matrix"),
      name: "Matrix",
      role: "PLAYER",
      password: "long-enough-pw",
      teamId: null,
    }),
  inviteUserAction: (actor) =>
    createInvite(actor, { email: uniqueEmail("matrix-invite"), role: "PLAYER", teamId: null }),
  setRoleAction: async (actor) => setUserRole(actor, { userId: (await makeUser("PLAYER")).id, role: "LEAD" }),
  setDisabledAction: async (actor) => setUserDisabled(actor, { userId: (await makeUser("PLAYER")).id, disabled: true }),
  setTeamAction: async (actor) =>
    setUserTeam(actor, { userId: (await makeUser("PLAYER")).id, teamId: (await newTeam()).id }),
  revokeSessionAction: async (actor) =>
    revokeSession(actor, { sessionId: (await signIn(await makeUser("PLAYER"))).sessionId }),
  revokeAllSessionsAction: async (actor) => {
    const target = await makeUser("PLAYER");
    await signIn(target);
    return revokeUserSessions(actor, { userId: target.id });
  },
  createTeamAction: (actor) => createTeam(actor, { name: `Matrix ${uid()}`, leadId: null }),
  setTeamLeadAction: async (actor) =>
    setTeamLead(actor, { teamId: (await newTeam()).id, leadId: (await makeUser("LEAD")).id }),
  addTeamMemberAction: async (actor) =>
    setUserTeam(actor, { userId: (await makeUser("PLAYER")).id, teamId: (await newTeam()).id }),
  removeTeamMemberAction: async (actor) => {
    const team = await newTeam();
    return setUserTeam(actor, { userId: (await makeUser("PLAYER", { teamId: team.id })).id, teamId: null });
  },
  scheduleGameDayAction: async (actor) => {
    const team = await newTeam();
    await makeUser("PLAYER", { teamId: team.id });
    return scheduleGameDay(actor, { title: "Matrix", teamId: team.id, levelId: null, scheduledAt: new Date() });
  },
  startGameDayAction: async (actor) =>
    startGameDay(actor, (await newGameDay("SCHEDULED")).id, new FakeOrchestrator().deps()),
  cancelGameDayAction: async (actor) => cancelGameDay(actor, (await newGameDay("SCHEDULED")).id),
  endGameDayAction: async (actor) => endGameDay(actor, (await newGameDay("RUNNING")).id),
  assignLevelAction: async (actor) => {
    const team = await db.team.create({
      data: { name: `Matrix team ${uid()}`, leadId: actor.role === "LEAD" ? actor.id : null },
    });
    const player = await makeUser("PLAYER", { teamId: team.id });
    return assignLevel(actor, { userIds: [player.id], pick: "RANDOM" });
  },
  cancelAssignmentAction: async (actor) => {
    const team = await db.team.create({
      data: { name: `Matrix team ${uid()}`, leadId: actor.role === "LEAD" ? actor.id : null },
    });
    const player = await makeUser("PLAYER", { teamId: team.id });
    const facilitator = await makeUser("FACILITATOR");
    const a = await db.assignment.create({
      data: { assigneeId: player.id, pick: "RANDOM", assignedById: facilitator.id },
    });
    return cancelAssignment(actor, a.id);
  },
  // Public: the invite token is the credential, whoever (if anyone) is signed in.
  acceptInviteAction: async () => {
    const admin = (await signIn(await makeUser("ADMIN"))).actor;
    const { token } = await createInvite(admin, {
      email: uniqueEmail("matrix-accept"),
      role: "PLAYER",
      teamId: null,
    });
    return acceptInvite({ token, name: "Accepted", password: "long-enough-pw", confirm: "long-enough-pw" });
  },
};

function newTeam() {
  return db.team.create({ data: { name: `Matrix team ${uid()}` } });
}

/** A game day of a fresh team with one player, on a fresh level, in the given state. */
async function newGameDay(status: "SCHEDULED" | "RUNNING") {
  const team = await newTeam();
  await makeUser("PLAYER", { teamId: team.id });
  const facilitator = await makeUser("FACILITATOR");
  return db.gameDay.create({
    data: {
      title: `Matrix game day ${uid()}`,
      teamId: team.id,
      levelId: await makeLevel(),
      facilitatorId: facilitator.id,
      scheduledAt: new Date(),
      status,
    },
  });
}

test("server actions: the guard's decision and the use-case's own check both follow the spec", async () => {
  for (const action of ACTIONS) {
    for (const caller of callers) {
      const want = expectAllowed(action.access, caller);
      const label = `${action.name} as ${caller.label}`;
      assert.equal((await checkAccess(db, caller.token, action.access)).allowed, want, `guard: ${label}`);
      if (!caller.actor) continue; // nobody to hand to a use-case: the guard above is what stops them
      const run = USE_CASES[action.name](caller.actor);
      if (want) await assert.doesNotReject(run, `use-case: ${label}`);
      else
        await assert.rejects(
          run,
          (e: unknown) => e instanceof AppError && e.code === "FORBIDDEN",
          `use-case: ${label} must be FORBIDDEN`,
        );
    }
  }
});

test("matrix size", (t) => {
  const line = `authorisation matrix: ${REGISTRY.length} entries (${PAGES.length} pages, ${ROUTES.length} route handlers, ${ACTIONS.length} server actions) × ${callers.length} callers (${callers.map((c) => c.label).join(", ")}) = ${REGISTRY.length * callers.length} checks`;
  t.diagnostic(line);
  console.log(line);
  assert.equal(callers.length, 9);
});
