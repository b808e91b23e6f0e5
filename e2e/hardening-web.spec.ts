/**
 * The web app's hardening (issue 11) against the running game: a hostile page on
 * another port of the game's host name (as a player's app is served) makes a
 * signed-in facilitator's browser post to the grading route; a 40 MB body; a NUL
 * in the URL; spoofed X-Forwarded-For at the sign-in form.
 */
import { createServer, type Server } from "node:http";
import { connect } from "node:net";
import { DEMO, apiSignIn, expect, test } from "./fixtures";

const HOSTILE_PORT = 4199;

test.describe("web hardening", () => {
  let hostile: Server;
  test.beforeAll(async () => {
    // What a player could serve from their environment: a page that fetch()es the game's API.
    hostile = createServer((_, res) => {
      res.setHeader("content-type", "text/html");
      res.end(`<!doctype html><title>cat pictures</title><script>
        const body = JSON.stringify({ outcome: "FINAL", comment: "pwned", criteria: [{ criterionId: "impact", score: 4 }] });
        for (const type of ["application/json", "text/plain"])
          fetch("http://localhost:3000/api/attempts/no-such-attempt/grade", {
            method: "POST", credentials: "include", mode: type === "text/plain" ? "no-cors" : "cors",
            headers: { "content-type": type }, body,
          }).catch(() => {});
      </script>`);
    });
    await new Promise<void>((r) => hostile.listen(HOSTILE_PORT, "127.0.0.1", r));
  });
  test.afterAll(() => new Promise<void>((r) => hostile.close(() => r())));

  test("a page on another port of the game's host cannot post with the facilitator's cookie", async ({ page }) => {
    await apiSignIn(page.request, DEMO.FACILITATOR.email);
    // The same request from the game's own page reaches the use-case (404: no such attempt)…
    await page.goto("/facilitate");
    const own = await page.evaluate(async () => {
      const r = await fetch("/api/attempts/no-such-attempt/grade", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ outcome: "FINAL", comment: "", criteria: [{ criterionId: "impact", score: 4 }] }),
      });
      return r.status;
    });
    expect(own).toBe(404);
    // …from the hostile page it is refused before anything runs (text/plain is a "simple" request: no preflight).
    const seen: number[] = [];
    page.on("response", (r) => {
      if (r.url().includes("/grade") && r.request().method() === "POST") seen.push(r.status());
    });
    await page.goto(`http://localhost:${HOSTILE_PORT}/`);
    await expect.poll(() => seen.length, { timeout: 10_000 }).toBeGreaterThanOrEqual(1);
    // A preflighted JSON post is stopped by the browser itself (no CORS grant); whatever reaches the server is 403.
    await page.waitForTimeout(500);
    expect(
      seen.every((s) => s === 403),
      `statuses ${seen.join(",")}`,
    ).toBe(true);
  });

  test("a body declaring 40 MB is refused before it is read; a NUL or broken URL is 400", async ({ page, request }) => {
    const answer = await new Promise<string>((resolve, reject) => {
      const s = connect(3000, "127.0.0.1", () => {
        s.write(
          "POST /api/attempts/x/grade HTTP/1.1\r\nHost: localhost:3000\r\nContent-Type: application/json\r\n" +
            `Content-Length: ${40 * 1024 * 1024}\r\n\r\n` +
            "x".repeat(1024),
        );
      });
      let text = "";
      s.on("data", (d) => (text += d.toString()));
      s.on("close", () => resolve(text));
      s.on("error", reject);
      setTimeout(() => s.destroy(), 5000);
    });
    expect(answer.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
    for (const path of ["/api/attempts/%00/state", "/api/attempts/%E0%A4%A/state", "/signin?x=%00"]) {
      const res = await request.get(path);
      expect(res.status(), path).toBe(400);
    }
    // Malformed JSON from a signed-in player is a 400 too.
    await apiSignIn(page.request, DEMO.PLAYER.email);
    const bad = await page.request.post("/api/attempts", {
      headers: { "content-type": "application/json" },
      data: "{ not json",
    });
    expect(bad.status()).toBe(400);
  });

  test("spoofing X-Forwarded-For does not get past the per-address sign-in limit", async ({ request }) => {
    const email = `ghost-${Date.now()}@firedrill.local`;
    const attempt = async (i: number) => {
      const csrf = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const res = await request.post("/api/auth/callback/credentials", {
        headers: { "x-forwarded-for": `203.0.113.${i}` },
        form: { csrfToken: csrf.csrfToken, email, password: `guess-${i}`, json: "true" },
      });
      return decodeURIComponent(((await res.json()) as { url?: string }).url ?? "");
    };
    for (let i = 1; i <= 5; i++) expect(await attempt(i)).toContain("Wrong email or password");
    // A sixth guess claiming yet another address is still this address's sixth.
    expect(await attempt(6)).toMatch(/Too many attempts, try again in \d+ seconds/);
  });

  test("signing in gives the browser a known-device cookie, only for sign-in", async ({ page, context }) => {
    await apiSignIn(page.request, DEMO.PLAYER2.email);
    const device = (await context.cookies()).find((c) => c.name === "firedrill.device");
    expect(device?.httpOnly).toBe(true);
    expect(device?.path).toBe("/api/auth");
  });
});
