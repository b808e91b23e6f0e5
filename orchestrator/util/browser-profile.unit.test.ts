import assert from "node:assert/strict";
import { test } from "node:test";
import { browserHeaders, pickProfile, requestKind } from "./browser-profile";

const MARKERS = /firedrill|node|undici|axios|curl|wget|python|go-http|mock|bot|test/i;

test("50 visitors bring many browsers, none of them a marker", () => {
  const profiles = Array.from({ length: 50 }, () => pickProfile());
  const agents = new Set(profiles.map((p) => p.userAgent));
  assert.ok(agents.size >= 15, `only ${agents.size} user agents across 50 visitors`);
  assert.ok(new Set(profiles.map((p) => p.family)).size >= 3);
  assert.ok(new Set(profiles.map((p) => p.language)).size >= 5);
  for (const p of profiles) {
    for (const kind of ["page", "api"] as const) {
      const h = browserHeaders(p, kind, { host: "10.0.0.2", referer: "http://10.0.0.2/", method: "POST" });
      for (const [name, value] of Object.entries(h)) {
        assert.ok(!MARKERS.test(name) && !MARKERS.test(value), `${name}: ${value}`);
      }
      assert.match(h["user-agent"] ?? "", /^Mozilla\/5\.0 \(/);
    }
  }
});

test("page loads look like navigations, API calls like fetches from the page", () => {
  const chrome = pickProfile(() => 0.1); // < 0.62: Chrome
  assert.equal(chrome.family, "chrome");
  const nav = browserHeaders(chrome, "page", { host: "shop" });
  assert.equal(nav["sec-fetch-mode"], "navigate");
  assert.equal(nav["sec-fetch-dest"], "document");
  assert.equal(nav["sec-fetch-site"], "none");
  assert.equal(nav["upgrade-insecure-requests"], "1");
  assert.match(nav.accept ?? "", /^text\/html/);
  assert.match(nav["sec-ch-ua"] ?? "", /Google Chrome/);

  const fetch = browserHeaders(chrome, "api", {
    host: "shop",
    referer: "http://shop/upload",
    method: "POST",
    contentType: "image/jpeg",
    cookie: "sid=1",
    acceptEncoding: true,
  });
  assert.equal(fetch["sec-fetch-mode"], "cors");
  assert.equal(fetch["sec-fetch-dest"], "empty");
  assert.equal(fetch["sec-fetch-site"], "same-origin");
  assert.equal(fetch.referer, "http://shop/upload");
  assert.equal(fetch.origin, "http://shop");
  assert.equal(fetch.cookie, "sid=1");
  assert.equal(fetch["content-type"], "image/jpeg");
  assert.match(fetch["accept-encoding"] ?? "", /gzip/);
  assert.equal(browserHeaders(chrome, "api", { host: "shop" }).origin, undefined, "no Origin on a GET");

  const firefox = pickProfile(() => 0.75);
  assert.equal(firefox.family, "firefox");
  assert.equal(browserHeaders(firefox, "page")["sec-ch-ua"], undefined, "Firefox sends no client hints");
  assert.match(firefox.userAgent, /Gecko\/20100101 Firefox\/\d+\.0$/);
  const safari = pickProfile(() => 0.9);
  assert.equal(safari.family, "safari");
  assert.match(safari.userAgent, /Version\/18\.\d.* Safari\//);
});

test("requestKind: pages are navigations, the API and health are fetches", () => {
  assert.equal(requestKind("/"), "page");
  assert.equal(requestKind("/signup"), "page");
  assert.equal(requestKind("/api/products?q=oak"), "api");
  assert.equal(requestKind("/healthz"), "api");
});
