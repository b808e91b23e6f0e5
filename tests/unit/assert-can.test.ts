import assert from "node:assert/strict";
import { test } from "node:test";
import { type Role } from "@prisma/client";
import { type Actor } from "../../lib/auth/actor";
import { assertAllowed, canSeePerson, canUseAttempt } from "../../lib/auth/assert-can";
import { AppError } from "../../lib/errors";

const actor = (id: string, role: Role, teamId: string | null = null): Actor => ({
  id,
  role,
  teamId,
  email: `${id}@x`,
  name: id,
});
const pat = actor("pat", "PLAYER", "blue");
const sam = actor("sam", "PLAYER", "blue");
const rex = actor("rex", "PLAYER", "red");
const fran = actor("fran", "FACILITATOR");
const lee = actor("lee", "LEAD");
const ada = actor("ada", "ADMIN");

test("assertAllowed: signed out is UNAUTHENTICATED, wrong role is FORBIDDEN, public is open", () => {
  assert.throws(
    () => assertAllowed(null, "play"),
    (e: unknown) => e instanceof AppError && e.code === "UNAUTHENTICATED",
  );
  assert.throws(
    () => assertAllowed(pat, "facilitate"),
    (e: unknown) => e instanceof AppError && e.code === "FORBIDDEN",
  );
  assert.doesNotThrow(() => assertAllowed(pat, "play"));
  assert.doesNotThrow(() => assertAllowed(ada, "facilitate"));
  assert.doesNotThrow(() => assertAllowed(null, "public"));
});

test("a player sees only their own data; staff see everyone; a lead sees their teams", () => {
  assert.equal(canSeePerson(pat, pat, []), true);
  assert.equal(canSeePerson(pat, sam, []), false, "not even a teammate");
  assert.equal(canSeePerson(fran, rex, []), true);
  assert.equal(canSeePerson(ada, rex, []), true);
  assert.equal(canSeePerson(lee, pat, ["blue"]), true);
  assert.equal(canSeePerson(lee, rex, ["blue"]), false);
  assert.equal(
    canSeePerson(lee, { id: "nobody", teamId: null }, ["blue"]),
    true,
    "a lead reaches people without a team",
  );
  assert.equal(canSeePerson(pat, { id: "nobody", teamId: null }, []), false, "a player does not");
});

test("only an attempt's members may play it; staff and the team's lead may watch it", () => {
  const solo = { memberIds: ["pat"], teamId: null };
  const team = { memberIds: ["pat", "sam"], teamId: "blue" };
  assert.equal(canUseAttempt(pat, solo, "play", []), true);
  assert.equal(canUseAttempt(sam, solo, "play", []), false);
  assert.equal(canUseAttempt(sam, solo, "watch", []), false, "a player cannot watch someone else's attempt");
  assert.equal(canUseAttempt(fran, solo, "watch", []), true);
  assert.equal(canUseAttempt(fran, solo, "play", []), false, "facilitators shadow, they do not type");
  assert.equal(canUseAttempt(ada, solo, "play", []), false);
  assert.equal(canUseAttempt(lee, team, "watch", ["blue"]), true);
  assert.equal(canUseAttempt(lee, team, "watch", ["red"]), false);
  assert.equal(canUseAttempt(lee, solo, "watch", ["blue"]), false, "no member teams known: no");
  const teamless = { memberIds: ["nia"], teamId: null, memberTeamIds: [null] };
  assert.equal(canUseAttempt(lee, teamless, "watch", []), true, "a teamless person's attempt: any lead watches");
  assert.equal(canUseAttempt(lee, teamless, "play", []), false, "and never plays it");
  const joinedRed = { memberIds: ["pat"], teamId: null, memberTeamIds: ["red"] };
  assert.equal(
    canUseAttempt(lee, joinedRed, "watch", ["blue"]),
    false,
    "made teamless, now in a team another lead leads",
  );
  assert.equal(canUseAttempt(lee, joinedRed, "watch", ["red"]), true, "…which that team's lead sees");
  assert.equal(canUseAttempt(sam, teamless, "watch", []), false, "a player never watches strangers");
  assert.equal(canUseAttempt(sam, team, "play", []), true);
});
