import assert from "node:assert/strict";
import { test } from "node:test";
import { ACCESS, HOME, ROLES, can, navFor } from "../../lib/auth/permissions";
import { ACTIONS, PAGES, REGISTRY, ROUTES } from "../../server/auth/route-registry";

test("the matrix: admins everything; each other role its own area; nobody signed out past public", () => {
  const expected: Record<string, string[]> = {
    play: ["PLAYER", "ADMIN"],
    facilitate: ["FACILITATOR", "ADMIN"],
    lead: ["LEAD", "ADMIN"],
    assign: ["FACILITATOR", "LEAD", "ADMIN"],
    admin: ["ADMIN"],
    signedIn: ["PLAYER", "FACILITATOR", "LEAD", "ADMIN"],
    public: ["PLAYER", "FACILITATOR", "LEAD", "ADMIN"],
  };
  assert.deepEqual(Object.keys(ACCESS).sort(), Object.keys(expected).sort());
  for (const [access, roles] of Object.entries(expected)) {
    for (const role of ROLES) {
      assert.equal(can(role, access as keyof typeof ACCESS), roles.includes(role), `${role} → ${access}`);
    }
    assert.equal(can(null, access as keyof typeof ACCESS), access === "public", `signed out → ${access}`);
  }
});

test("a player cannot open the facilitator's area", () => {
  assert.equal(can("PLAYER", "facilitate"), false);
});

test("every role's home is a page that role may open", () => {
  for (const role of ROLES) {
    const page = PAGES.find((p) => p.path === HOME[role]);
    assert.ok(page, `${role}'s home ${HOME[role]} is a registered page`);
    assert.ok(can(role, page.access), `${role} may open ${HOME[role]}`);
  }
});

test("the navigation shows each role only what it may open", () => {
  assert.deepEqual(
    navFor("PLAYER").map((n) => n.href),
    ["/play"],
  );
  assert.deepEqual(
    navFor("FACILITATOR").map((n) => n.href),
    ["/facilitate", "/facilitate/board", "/facilitate/game-days", "/assignments"],
  );
  assert.deepEqual(
    navFor("LEAD").map((n) => n.href),
    ["/lead", "/assignments"],
  );
  assert.deepEqual(
    navFor("ADMIN").map((n) => n.href),
    ["/play", "/facilitate", "/facilitate/board", "/facilitate/game-days", "/lead", "/assignments", "/admin"],
  );
});

test("the route registry is well formed: unique paths, names and files, known access levels", () => {
  assert.equal(new Set(PAGES.map((p) => p.path)).size, PAGES.length);
  assert.equal(new Set(ROUTES.map((r) => r.path)).size, ROUTES.length);
  assert.equal(new Set(ACTIONS.map((a) => a.name)).size, ACTIONS.length);
  for (const e of REGISTRY) assert.ok(e.access in ACCESS, `${e.file}: ${e.access}`);
  // Everything under /admin and /api/admin is admin-only.
  for (const e of [...PAGES, ...ROUTES]) {
    if (e.path.startsWith("/admin") || e.path.startsWith("/api/admin")) assert.equal(e.access, "admin", e.path);
  }
  for (const a of ACTIONS) if (a.file.startsWith("app/admin/")) assert.equal(a.access, "admin", a.name);
});
