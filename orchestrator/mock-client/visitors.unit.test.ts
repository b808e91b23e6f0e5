import assert from "node:assert/strict";
import { test } from "node:test";
import { Visitors } from "./visitors";

test("visitors come and go, each keeping its browser and cookies for its visit", () => {
  const v = new Visitors(4);
  const seen = new Map<number, string>();
  for (let i = 0; i < 400; i++) {
    const visitor = v.take();
    const ua = seen.get(visitor.id);
    assert.equal(ua ?? visitor.profile.userAgent, visitor.profile.userAgent, "a visitor changed browser");
    seen.set(visitor.id, visitor.profile.userAgent);
  }
  assert.ok(v.count() >= 30, `${v.count()} visitors in 400 actions`);
  assert.ok(new Set(seen.values()).size >= 10, "many browsers");
});

test("a request from a page goes to a visitor who has it open, when there is one", () => {
  const v = new Visitors(3, () => 0.5);
  const a = v.take();
  a.page = "/upload";
  for (let i = 0; i < 3; i++) assert.equal(v.take("/upload").page, "/upload");
  // Nobody on /signup: someone (who will open it) is chosen.
  assert.ok(v.take("/signup"));
});
