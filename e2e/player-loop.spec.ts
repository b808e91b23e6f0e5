/**
 * The player's incident end to end, against a real level in real containers:
 * sign in, start "Uploads that vanish", type the level's reference fix into the
 * terminal, watch the chart recover, pass Check my fix, submit the report and
 * the postmortem (an incomplete one first), get graded, see the grade and the
 * progress move. On the way: a reload mid-report keeps the draft, and another
 * player can open neither the room nor a terminal token. Every page it visits
 * is scanned with axe, and its forms and tab strips are checked usable at
 * 1280×720 and 1440×900 (e2e/support/usable.ts).
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { DEMO, DEMO_PASSWORD, SignInPage, apiSignIn, expect, test } from "./fixtures";
import { IncidentRoom } from "./room";
import { expectAccessible } from "./support/a11y";
import { expectUsable } from "./support/usable";

const LEVEL_ID = "payload-too-large";
// The terminal's screen shows what programs in the player's environment print, in their colours: not
// the game's UI (xterm's own input keeps its label and is scanned).
const TERMINAL_SCREEN = { exclude: [".xterm-screen"] };

interface Step {
  instance: string;
  run: string;
}

/** The level's reference fix (B's level.yaml), as the commands a player would type, per instance. */
function referenceFix(): Step[] {
  const manifest = parse(readFileSync(path.resolve("levels", LEVEL_ID, "level.yaml"), "utf8")) as {
    referenceFix: Step[];
  };
  for (const s of manifest.referenceFix) expect(s.run, "this spec types fixes without parameters").not.toMatch(/\{\{/);
  return manifest.referenceFix.map((s) => ({ instance: s.instance, run: s.run.trim().replace(/\s*\n\s*/g, " ") }));
}

test.describe.configure({ mode: "serial" });

test("a player fixes a real broken environment, writes it up, and a facilitator grades it", async ({
  page,
  browser,
}) => {
  test.setTimeout(15 * 60_000);
  const room = new IncidentRoom(page);

  // ── Sign in and start the level; time to a usable terminal ─────────────────
  const signin = new SignInPage(page);
  await signin.goto();
  await expectAccessible(page, "sign-in");
  const t0 = Date.now();
  await signin.signIn(DEMO.PLAYER.email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/play");
  await expect(page.getByTestId("levels-passed")).toHaveText(/^0 \//);
  await expectAccessible(page, "player home");
  await page.getByTestId(`start-${LEVEL_ID}`).click();
  await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/, { timeout: 60_000 });
  const attemptUrl = new URL(page.url()).pathname;
  const attemptId = attemptUrl.split("/").pop()!;
  await expect(room.root()).toHaveAttribute("data-status", "ACTIVE", { timeout: 5 * 60_000 });
  await room.openShell("proxy");
  await room.type("proxy", "echo ready-$((6*7))");
  await room.expectOutput("proxy", "ready-42");
  const seconds = (Date.now() - t0) / 1000;
  console.log(`time from sign-in to a usable terminal: ${seconds.toFixed(1)} s`);
  test.info().annotations.push({ type: "sign-in to usable terminal", description: `${seconds.toFixed(1)} s` });

  // The broken service shows in the chart: users are failing.
  await expect
    .poll(() => room.successRate(), { timeout: 90_000, message: "the chart shows the outage" })
    .toBeLessThan(0.95);
  await expectAccessible(page, "incident room", TERMINAL_SCREEN);
  await expectUsable(page, "incident room");

  // The proxy's access log is in the Logs panel while traffic flows (nginx logs to files, and to its output).
  await room.tab("Logs");
  await page.getByRole("group", { name: "Filter logs by instance" }).getByRole("button", { name: "proxy" }).click();
  const logs = page.getByTestId("logs");
  await expect(
    logs
      .locator('[data-instance="proxy"]')
      .filter({ hasText: /"(GET|POST) \/api\/\S+ HTTP\/1\.[01]" \d{3}/ })
      .first(),
  ).toBeVisible({
    timeout: 30_000,
  });
  await expect(logs.locator('[data-instance="proxy"]').filter({ hasText: / 413 / }).first()).toBeVisible({
    timeout: 30_000,
  });
  // Long lines wrap: nothing is cut off at the right edge.
  const overflow = await logs.evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow, "log lines wrap instead of running off the panel").toBeLessThanOrEqual(1);
  await page.screenshot({ path: test.info().outputPath("room-logs.png") });

  // The Code panel names every file by its full path, as the hints and the shell do.
  await room.tab("Code");
  const files = page.getByTestId("code-files").getByRole("button");
  await expect(files.first()).toBeVisible({ timeout: 30_000 });
  const names = await files.allInnerTexts();
  expect(names.length).toBeGreaterThan(0);
  for (const n of names) expect(n, "a full path").toMatch(/^\/srv\/app\/src\//);
  await files.filter({ hasText: "/srv/app/src/routes/uploads.ts" }).click();
  await expect(page.getByTestId("code-file")).toHaveText("/srv/app/src/routes/uploads.ts");
  await expectUsable(page, "incident room, Code tab");
  await page.screenshot({ path: test.info().outputPath("room-code.png") });

  // ── The time-to-detect clock runs until the player acknowledges ────────────
  const detectClock = page.getByTestId("detect-clock");
  await expect(detectClock).toHaveAttribute("data-state", "running");
  await expect(detectClock).toContainText("Time-to-detect clock running");
  await page.getByTestId("acknowledge").click();
  await expect(detectClock).toHaveAttribute("data-state", "stopped");
  await expect(detectClock).toContainText(/Detected after \d+:\d\d/);

  // ── Another player can open neither the room nor a terminal ────────────────
  const other = await browser.newContext();
  try {
    const otherPage = await other.newPage();
    await apiSignIn(otherPage.request, DEMO.PLAYER2.email);
    const token = await otherPage.request.post(`/api/attempts/${attemptId}/token`, { data: {} });
    expect(token.status()).toBe(404);
    expect(await token.text()).not.toContain('"token"');
    expect((await otherPage.request.get(`/api/attempts/${attemptId}/report`)).status()).toBe(404);
    const res = await otherPage.goto(attemptUrl);
    expect(res?.status()).toBe(404);
    await expect(otherPage.getByTestId("incident-room")).toHaveCount(0);
    await expect(otherPage.locator(".xterm")).toHaveCount(0);
  } finally {
    await other.close();
  }

  // ── A facilitator can watch the player's shell, read-only ──────────────────
  const watcher = await browser.newContext();
  try {
    const watchPage = await watcher.newPage();
    await apiSignIn(watchPage.request, DEMO.FACILITATOR.email);
    await watchPage.goto(attemptUrl);
    const watching = new IncidentRoom(watchPage);
    await watching.openShell("proxy");
    await watching.expectOutput("proxy", "ready-42");
    await expect(watching.terminal("proxy")).toContainText("watching (read-only)");
    await expect(watchPage.getByTestId("check-fix")).toHaveCount(0);
    // The facilitator's room has one more tab (Injects): every tab still shows at both sizes.
    await expectUsable(watchPage, "facilitator watching the room");
    await expectAccessible(watchPage, "facilitator watching the room", TERMINAL_SCREEN);
  } finally {
    await watcher.close();
  }

  // ── The incident report; a reload mid-typing keeps the draft ───────────────
  await room.tab("Report");
  await expectUsable(page, "incident report", { within: '[data-testid="report-form"]', minFields: 4 });
  await page.getByLabel("Severity").selectOption("SEV2");
  await page
    .getByLabel("How it was detected")
    .fill("The success-rate chart dropped; customers report uploads doing nothing.");
  await page.getByLabel("Impact").fill("Every upload fails with 413; browsing and search still work.");
  await page.reload();
  await room.tab("Report");
  await expect(page.getByLabel("Impact")).toHaveValue("Every upload fails with 413; browsing and search still work.");
  await expect(page.getByLabel("Severity")).toHaveValue("SEV2");
  // The shell survived the reload: the same session is re-attached with its screen.
  await room.openShell("proxy");
  await room.expectOutput("proxy", "ready-42");
  await page.getByLabel("Symptoms").fill("POST /api/uploads gets 413 from nginx; nothing in the app's log.");
  await page.getByRole("button", { name: "Add hypothesis" }).click();
  await page.getByLabel("Hypothesis 1", { exact: true }).fill("The proxy refuses large request bodies");
  await page.getByLabel("Outcome of hypothesis 1").selectOption("confirmed");
  await expectUsable(page, "incident report with a hypothesis", {
    within: '[data-testid="report-form"]',
    minFields: 6,
  });
  await expectAccessible(page, "incident report", TERMINAL_SCREEN);
  await page.screenshot({ path: test.info().outputPath("room-report.png") });

  // ── Type the fix; the chart recovers; the check passes ─────────────────────
  for (const step of referenceFix()) {
    await room.openShell(step.instance);
    await room.type(step.instance, `${step.run} && echo FIX-APPLIED`);
    await room.expectOutput(step.instance, "FIX-APPLIED", 60_000);
  }
  await expect
    .poll(() => room.successRate(), { timeout: 120_000, message: "the chart recovers" })
    .toBeGreaterThanOrEqual(0.95);
  await page.getByTestId("check-fix").click();
  await expect(room.root()).toHaveAttribute("data-status", "MITIGATED", { timeout: 4 * 60_000 });

  await room.tab("Report");
  await page
    .getByLabel("Actions taken")
    .fill("Compared app and proxy logs, found client_max_body_size 1k, raised it to 25m, reloaded nginx.");
  await page.getByLabel("Mitigation", { exact: true }).fill("Raised client_max_body_size to 25m and reloaded nginx.");
  await page.getByRole("button", { name: "Submit incident report" }).click();
  await expect(page.getByTestId("report-form").getByText("Submitted", { exact: true })).toBeVisible();

  // ── The postmortem: incomplete first (what is missing is named, typing kept) ─
  await page.getByRole("link", { name: "Write the postmortem →" }).click();
  await expect(page).toHaveURL(`${attemptUrl}/postmortem`);
  // The timeline is drafted from the record: the page, the outage, the commands, the check.
  const entries = page.getByLabel(/^Entry \d+$/);
  await expect(entries.first()).toBeVisible();
  const drafted = await entries.evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value).join("\n"));
  expect(drafted).toMatch(/Incident began/);
  // The outage as the mock client saw it: "down" or "degraded", by how many of its requests were uploads
  // (the only ones the 413 fails) in the sampled windows.
  expect(drafted).toMatch(/Service (down|degraded)/);
  expect(drafted).toMatch(/Investigated on proxy: .*client_max_body_size/);
  expect(drafted).toMatch(/Fix check passed/);
  // Ordered and settled: nothing after the passing check says the service is still degraded or down.
  const afterPass = drafted.split("\n").slice(drafted.split("\n").findIndex((t) => /^Fix check passed/.test(t)));
  expect(afterPass.filter((t) => /^Service (degraded|down)/.test(t))).toEqual([]);
  // Every timeline row, section and action field can be read and typed in.
  await expectUsable(page, "postmortem", { minFields: 12 });
  await expectAccessible(page, "postmortem");
  await page.screenshot({ path: test.info().outputPath("postmortem.png"), fullPage: true });
  await page.getByLabel("Summary").fill("Uploads failed for everyone until the proxy's body limit was raised.");
  await page.getByTestId("submit-postmortem").click();
  const errors = page.getByTestId("postmortem-errors");
  await expect(errors).toBeVisible();
  await expect(errors).toContainText("Explain the root cause");
  await expect(errors).toContainText("Add at least one action item");
  await expect(page.locator("#pm-rootCause-error")).toBeVisible();
  await expect(page.getByLabel("Summary")).toHaveValue(
    "Uploads failed for everyone until the proxy's body limit was raised.",
  );

  await page
    .getByLabel("Root cause")
    .fill("client_max_body_size had been lowered to 1k in the proxy config, so nginx refused every upload body.");
  await page.getByLabel("Trigger").fill("A proxy configuration change.");
  await page.getByLabel("What went well").fill("The proxy logs pointed straight at the 413s.");
  await page.getByLabel("What went badly").fill("No alert on 4xx rates at the proxy.");
  await page.getByRole("button", { name: "Add action item" }).click();
  await page.getByLabel("Owner of action 1").fill("Platform team");
  await page
    .getByLabel("Action 1", { exact: true })
    .fill("Validate proxy body limits in CI against the app's MAX_UPLOAD_MB.");
  await expectUsable(page, "postmortem with an action item", { minFields: 15 });
  await page.getByTestId("submit-postmortem").click();
  await expect(page).toHaveURL(attemptUrl, { timeout: 30_000 });
  await expect(page.getByText("Waiting for a grade")).toBeVisible();

  // ── A facilitator grades it ────────────────────────────────────────────────
  const fac = await browser.newContext();
  try {
    const facPage = await fac.newPage();
    await apiSignIn(facPage.request, DEMO.FACILITATOR.email);
    await facPage.goto("/facilitate/review");
    await expectAccessible(facPage, "review queue");
    await facPage.locator(`a[href="/facilitate/grade/${attemptId}"]`).click();
    await expect(facPage.getByTestId("grade-form")).toBeVisible();
    await expectUsable(facPage, "grading", { minFields: 3 });
    await expectAccessible(facPage, "grading");
    await facPage.screenshot({ path: test.info().outputPath("grading.png"), fullPage: true });
    for (const input of await facPage.locator('input[type="number"][id^="score-"]').all()) {
      await input.fill((await input.getAttribute("max")) ?? "0");
    }
    await facPage.locator('textarea[id^="comment-"]').first().fill("Clear impact statement.");
    await facPage.getByLabel("Overall comment").fill("Well handled: fast diagnosis and a durable fix.");
    await facPage.getByTestId("final-grade").click();
    await expect(facPage).toHaveURL("/facilitate/review");
  } finally {
    await fac.close();
  }

  // ── The player sees the grade and the progress moves ───────────────────────
  await page.reload();
  await expect(page.getByTestId("grade-rubric")).toContainText("(100 %)");
  await expect(page.getByText("Well handled: fast diagnosis and a durable fix.")).toBeVisible();
  await expect(page.getByText("Clear impact statement.")).toBeVisible();
  await expect(page.getByTestId("score")).toBeVisible();
  await expectAccessible(page, "graded attempt");
  await page.goto("/play");
  // The level is ticked as passed; toward certification only certification-mode passes count (CERT_REQUIRE_CERT_MODE).
  await expect(page.getByTestId("levels-passed")).toHaveText(/^0 \//);
  await expect(page.getByTestId(`start-${LEVEL_ID}`)).toHaveText("Play again");
});
