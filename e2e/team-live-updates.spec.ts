/**
 * What each person of a game day sees, live, in three browsers (facilitator,
 * Pat, Sam) on "Uploads that vanish": the panel tabs fit at 1440×900 and
 * 1280×720; the facilitator coaches from the Watch room and the banner does
 * not push the terminal down; a stakeholder's deadline shows outside the
 * channel; the facilitator's severity fills the report with one "Incident
 * declared"; the channel opens at the first unread item; Reply stays visible;
 * a fired second fault cannot be fired again; and — timed — a teammate's
 * passed check, a handed-in postmortem and a facilitator's grade reach the
 * others without a reload. The latencies are logged and attached. Each room
 * page (the Watch room and its Injects and Coach, a player's room, the
 * channel) gets an axe scan: no serious or critical violations.
 *
 * Runs after player-loop and replay (file order): Pat's graded team attempt
 * must not count in their "0 levels passed" start.
 */
import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type Page } from "@playwright/test";
import { parse } from "yaml";
import { DEMO, expect, test } from "./fixtures";
import { GameDaysPage, joinFromHome, signedIn } from "./game-days";
import { IncidentRoom } from "./room";
import { expectAccessible } from "./support/a11y";

const LEVEL_ID = "payload-too-large";
const SHOTS = process.env.E2E_SHOTS_DIR ?? "test-results/screens";
/** xterm's screen (the shell's own output) is left out of the scans, as in player-loop. */
const TERMINAL_SCREEN = { exclude: [".xterm-screen"] };

function referenceFix(): { instance: string; run: string }[] {
  const manifest = parse(readFileSync(path.resolve("levels", LEVEL_ID, "level.yaml"), "utf8")) as {
    referenceFix: { instance: string; run: string }[];
  };
  return manifest.referenceFix.map((s) => ({ instance: s.instance, run: s.run.trim().replace(/\s*\n\s*/g, " ") }));
}

/**
 * Resolves to the page's own clock (Date.now(), the same machine's clock as this
 * process) at the first moment `cond` held, checked every 20 ms. Start it before the action.
 */
function stampWhen(page: Page, cond: () => boolean, timeout = 60_000): Promise<number> {
  return page
    .waitForFunction(`(${cond.toString()})() ? Date.now() : false`, null, { polling: 20, timeout })
    .then((h) => h.jsonValue() as Promise<number>);
}

/** Every tab of the room's panel strip is fully inside the strip and the viewport (none clipped or off-screen). */
async function expectTabsFit(page: Page, who: string): Promise<void> {
  const strip = page.getByRole("tablist", { name: "Panels" });
  const box = (await strip.boundingBox())!;
  const vw = page.viewportSize()!.width;
  for (const tab of await strip.getByRole("tab").all()) {
    const b = (await tab.boundingBox())!;
    const name = await tab.textContent();
    expect(b.x, `${who}: "${name}" starts inside the strip`).toBeGreaterThanOrEqual(box.x - 0.5);
    expect(b.x + b.width, `${who}: "${name}" ends inside the strip`).toBeLessThanOrEqual(box.x + box.width + 0.5);
    expect(b.x + b.width, `${who}: "${name}" is on screen`).toBeLessThanOrEqual(vw);
    await expect(tab, `${who}: "${name}" is visible`).toBeInViewport({ ratio: 1 });
  }
}

test("a game day's live updates reach everyone, each timed, and each person's room is usable", async ({ browser }) => {
  test.setTimeout(20 * 60_000);
  mkdirSync(SHOTS, { recursive: true });
  const shot = (p: Page, name: string) => p.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const fac = await signedIn(browser, DEMO.FACILITATOR.email);
  const pat = await signedIn(browser, DEMO.PLAYER.email);
  const sam = await signedIn(browser, DEMO.PLAYER2.email);
  await fac.page.setViewportSize({ width: 1440, height: 900 });
  await pat.page.setViewportSize({ width: 1280, height: 720 });
  await sam.page.setViewportSize({ width: 1280, height: 720 });
  fac.page.on("dialog", (d) => void d.accept());
  const title = `E2E live ${Date.now().toString(36)}`;
  const gameDays = new GameDaysPage(fac.page, title);
  const latencies: Record<string, number> = {};
  const record = (name: string, ms: number) => {
    latencies[name] = ms;
    console.log(`latency ${name}: ${ms} ms`);
    test.info().annotations.push({ type: `latency: ${name}`, description: `${ms} ms` });
  };

  try {
    await gameDays.schedule(LEVEL_ID);
    const roomUrl = await gameDays.startAndFindRoom();
    const attemptId = roomUrl.split("/").pop()!;
    for (const p of [pat, sam]) await joinFromHome(p.page, roomUrl);
    await fac.page.goto(roomUrl);
    const patRoom = new IncidentRoom(pat.page, { shellTimeout: 60_000 });
    const samRoom = new IncidentRoom(sam.page, { shellTimeout: 60_000 });
    const facRoom = new IncidentRoom(fac.page, { shellTimeout: 60_000 });
    for (const r of [patRoom, samRoom, facRoom])
      await expect(r.root()).toHaveAttribute("data-status", "ACTIVE", { timeout: 5 * 60_000 });

    // ── Tabs fit: the Watch room at 1440×900 (with Injects and Coach), a player's at 1280×720 ──
    await expectTabsFit(fac.page, "facilitator 1440×900");
    await expectTabsFit(pat.page, "player 1280×720");
    await shot(fac.page, "watch-room-1440x900");
    await shot(pat.page, "player-room-1280x720");
    // ── Axe on the game-day room pages: the Watch room (its Injects and Coach too) and a player's team room ──
    await expectAccessible(fac.page, "facilitator's Watch room", TERMINAL_SCREEN);
    await expectAccessible(pat.page, "a player's team room", TERMINAL_SCREEN);

    // ── The facilitator coaches from the Watch room; the banner sits over the terminal, not above it ──
    await patRoom.openShell("proxy");
    const terminalsTop = async () => (await pat.page.getByRole("region", { name: "Terminals" }).boundingBox())!.y;
    const topBefore = await terminalsTop();
    await facRoom.tab("Coach");
    await fac.page.getByTestId("room-coach").getByLabel("Hint", { exact: true }).check();
    const hint = `Compare the proxy's and the app's logs ${Date.now().toString(36)}`;
    await fac.page.getByTestId("coach-text").fill(hint);
    await fac.page.getByTestId("coach-send").click();
    await expect(fac.page.getByText("Hint sent to the players.")).toBeVisible();
    await expectAccessible(fac.page, "Watch room, Coach", TERMINAL_SCREEN);
    for (const p of [pat, sam]) {
      const banner = p.page.getByTestId("coach-message").filter({ hasText: hint });
      await expect(banner).toBeVisible({ timeout: 15_000 });
      await expect(banner).toHaveAttribute("data-kind", "hint");
    }
    expect(await terminalsTop(), "a coach banner does not push the terminals down").toBe(topBefore);
    await shot(pat.page, "player-coach-hint");
    // In the channel a hint does not look like chat.
    await samRoom.tab("Channel");
    await expect(samRoom.channel().getByTestId("channel-hint").filter({ hasText: hint })).toBeVisible();
    await pat.page
      .getByTestId("coach-message")
      .getByRole("button", { name: /Dismiss/ })
      .click();
    await expect(pat.page.getByTestId("coach-message")).toHaveCount(0);

    // ── Severity from the facilitator fills the report, once ──
    await facRoom.tab("Injects");
    await fac.page.getByTestId("inject-severity-SEV2").click();
    await expect(fac.page.getByText("Severity set to SEV2.")).toBeVisible();
    await expectAccessible(fac.page, "Watch room, Injects", TERMINAL_SCREEN);
    for (const r of [patRoom, samRoom]) {
      await expect(r.page.getByTestId("room-severity")).toHaveText("SEV2", { timeout: 15_000 });
      await r.tab("Report");
      await expect(r.page.getByLabel("Severity")).toHaveValue("SEV2", { timeout: 15_000 });
    }
    await pat.page.getByLabel("Impact").fill("Every upload fails with 413.");
    await expect
      .poll(
        async () =>
          (
            (await (await pat.page.request.get(`/api/attempts/${attemptId}/report`)).json()) as {
              content: { impact: string; severity: string };
            }
          ).content,
        { timeout: 15_000, message: "Pat's report is saved with the facilitator's severity" },
      )
      .toEqual(expect.objectContaining({ impact: "Every upload fails with 413.", severity: "SEV2" }));
    await patRoom.tab("Channel");
    await expect(patRoom.channel()).toContainText("Incident declared at SEV2");
    await expect(patRoom.channel().getByText(/Incident declared/)).toHaveCount(1);

    // ── A stakeholder's deadline shows outside the channel; Reply stays fully visible ──
    const question = `Customers ask about uploads ${Date.now().toString(36)}. What do we say?`;
    await fac.page.getByTestId("inject-stakeholder-message").fill(question);
    await fac.page.getByTestId("inject-stakeholder-minutes").fill("5");
    await fac.page.getByTestId("inject-stakeholder-send").click();
    await samRoom.tab("Report");
    await expect(sam.page.getByTestId("room-stakeholder-deadline")).toContainText(/[0-4]:\d\d to answer/, {
      timeout: 15_000,
    });
    await shot(sam.page, "player-stakeholder-deadline-header");

    // ── The channel opens at the first unread item, not at the top ──
    for (let i = 1; i <= 14; i++) {
      await pat.page.getByTestId("channel-input").fill(`Pat's note ${i}: checking the proxy`);
      await pat.page.getByTestId("channel-input").press("Enter");
      await expect(pat.page.getByTestId("channel-input")).toHaveValue("");
    }
    await expect(samRoom.page.getByRole("tab", { name: /^Channel \(\d+\)/ })).toBeVisible({ timeout: 15_000 });
    await samRoom.tab("Channel");
    const firstUnread = samRoom.channel().locator('[data-first-unread="true"]');
    await expect(firstUnread).toBeInViewport();
    await shot(sam.page, "player-channel-opened-at-unread");
    await expectAccessible(sam.page, "team channel", TERMINAL_SCREEN);
    await sam.page.getByTestId("room-stakeholder-deadline").click();
    const asked = sam.page.getByTestId("stakeholder-message").filter({ hasText: question });
    await asked.scrollIntoViewIfNeeded();
    await asked.getByTestId("reply-stakeholder").click();
    await expect(asked.getByTestId("reply-stakeholder")).toBeInViewport({ ratio: 1 });
    await expect(sam.page.getByTestId("channel-input")).toBeInViewport({ ratio: 1 });
    await shot(sam.page, "player-reply-mode");
    await expectAccessible(sam.page, "team channel, replying to a stakeholder", TERMINAL_SCREEN);
    await sam.page.getByTestId("channel-as-status").check();
    await sam.page.getByTestId("channel-input").fill("Uploads fail for everyone; fix expected within 15 minutes.");
    await sam.page.getByTestId("channel-input").press("Enter");
    await expect(sam.page.getByTestId("channel-input")).toHaveValue("");
    await expect(sam.page.getByTestId("channel-as-status"), "the status box resets after posting").not.toBeChecked();
    await expect(sam.page.getByTestId("room-stakeholder-deadline")).toHaveCount(0, { timeout: 15_000 });

    // ── The board: chat counts as activity, and rows hold still under the pointer ──
    await fac.page.goto("/facilitate/board");
    const boardRow = fac.page.locator(`[data-testid="board-row"][data-attempt-id="${attemptId}"]`);
    await expect(boardRow).toBeVisible({ timeout: 15_000 });
    await boardRow.hover();
    await expect(fac.page.getByTestId("board-table")).toHaveAttribute("data-order-held", "true");
    await fac.page.waitForTimeout(3_000);
    await pat.page.getByTestId("channel-input").fill("Still on it");
    await pat.page.getByTestId("channel-input").press("Enter");
    await expect(boardRow.getByTestId("board-idle")).toHaveText(/^[0-2]s$/, { timeout: 10_000 });
    await shot(fac.page, "board-held-under-pointer");
    await fac.page.mouse.move(2, 2);
    await expect(fac.page.getByTestId("board-table")).toHaveAttribute("data-order-held", "false");
    await fac.page.goto(roomUrl);
    await expect(facRoom.root()).toHaveAttribute("data-status", "ACTIVE", { timeout: 30_000 });

    // ── A second fault, fired once: its Trigger is then disabled ──
    await facRoom.tab("Injects");
    await fac.page.getByTestId("inject-fault-app-stopped").click();
    await expect(fac.page.getByText("Triggered: The app service is stopped.")).toBeVisible({ timeout: 90_000 });
    await expect(fac.page.getByTestId("inject-fault-app-stopped")).toBeDisabled({ timeout: 15_000 });
    await expect(fac.page.getByTestId("inject-fault-app-stopped")).toHaveText("Already triggered");
    await shot(fac.page, "watch-room-injects-after-fault");
    await patRoom.openShell("app");
    await patRoom.type("app", "sv up app && sleep 1 && echo APP-UP");
    await patRoom.expectOutput("app", "APP-UP", 60_000);

    // ── Pat's failing check shows in Sam's room; then the fix, and the pass is timed ──
    await patRoom.tab("Briefing");
    await pat.page.getByTestId("check-fix").click();
    await expect(pat.page.getByTestId("check-result")).toHaveAttribute("data-passed", "false", { timeout: 120_000 });
    await expect(sam.page.getByTestId("check-result")).toContainText(`${DEMO.PLAYER.name}'s check`, {
      timeout: 15_000,
    });
    for (const step of referenceFix()) {
      await patRoom.openShell(step.instance);
      await patRoom.type(step.instance, `${step.run} && echo FIX-APPLIED`);
      await patRoom.expectOutput(step.instance, "FIX-APPLIED", 60_000);
    }
    await expect
      .poll(() => patRoom.successRate(), { timeout: 120_000, message: "the chart recovers" })
      .toBeGreaterThanOrEqual(0.95);
    await pat.page.waitForTimeout(10_500); // one check per 10 s
    const mitigated = () =>
      document.querySelector('[data-testid="incident-room"]')?.getAttribute("data-status") === "MITIGATED";
    const samSees = stampWhen(sam.page, mitigated, 240_000);
    const facSees = stampWhen(fac.page, mitigated, 240_000);
    const patSees = stampWhen(pat.page, mitigated, 240_000);
    await pat.page.getByTestId("check-fix").click();
    const [tPat, tSam, tFac] = await Promise.all([patSees, samSees, facSees]);
    const channel = (await (await pat.page.request.get(`/api/attempts/${attemptId}/channel`)).json()) as {
      events: { kind: string; at: string; data: { passed?: boolean } }[];
    };
    const passed = channel.events.findLast((e) => e.kind === "CHECK" && e.data.passed)!;
    const tRecorded = Date.parse(passed.at);
    record("check passed (verdict recorded) → teammate's room", tSam - tRecorded);
    record("check passed (verdict recorded) → facilitator's room", tFac - tRecorded);
    record("check passed: checker's room → teammate's room", tSam - tPat);
    expect(tSam - tRecorded, "a passed check reaches a teammate in well under 2 s").toBeLessThan(2_000);
    // The teammate's old "Not fixed yet" is gone under "Mitigated."
    await expect(sam.page.getByTestId("check-result")).toHaveCount(0);
    await expect(sam.page.getByText("Mitigated.", { exact: true })).toBeVisible();
    await shot(sam.page, "teammate-mitigated");

    // ── The report, then the postmortem: Pat hands it in, Sam's open page says who ──
    await patRoom.tab("Report");
    await pat.page.getByLabel("How it was detected").fill("The success-rate chart dropped to zero for uploads.");
    await pat.page.getByLabel("Symptoms").fill("POST /api/uploads gets 413 from nginx.");
    await pat.page.getByRole("button", { name: "Add hypothesis" }).click();
    await pat.page.getByLabel("Hypothesis 1", { exact: true }).fill("The proxy refuses large request bodies");
    await pat.page
      .getByLabel("Actions taken")
      .fill("Found client_max_body_size 1k in the proxy, raised it to 25m, reloaded nginx; started the app.");
    await pat.page.getByLabel("Mitigation", { exact: true }).fill("Raised client_max_body_size to 25m.");
    await pat.page.getByRole("button", { name: "Submit incident report" }).click();
    await expect(pat.page.getByTestId("report-form").getByText("Submitted", { exact: true })).toBeVisible();
    await pat.page.goto(`${roomUrl}/postmortem`);
    await sam.page.goto(`${roomUrl}/postmortem`);
    await pat.page.getByLabel("Summary").fill("Uploads failed until the proxy's body limit was raised.");
    await pat.page.getByLabel("Root cause").fill("client_max_body_size had been lowered to 1k in the proxy config.");
    await pat.page.getByLabel("Trigger").fill("A proxy configuration change.");
    await pat.page.getByLabel("What went well").fill("The proxy logs pointed at the 413s.");
    await pat.page.getByLabel("What went badly").fill("No alert on 4xx rates at the proxy.");
    await pat.page.getByRole("button", { name: "Add action item" }).click();
    await pat.page.getByLabel("Owner of action 1").fill("Platform team");
    await pat.page.getByLabel("Action 1", { exact: true }).fill("Validate proxy body limits in CI.");
    const submittedShown = () => document.querySelector('[data-testid="postmortem-submitted-by"]') !== null;
    const samSeesPm = stampWhen(sam.page, submittedShown, 60_000);
    const tSubmitClick = Date.now();
    await pat.page.getByTestId("submit-postmortem").click();
    await expect(pat.page).toHaveURL(roomUrl, { timeout: 30_000 });
    const tSamPm = await samSeesPm;
    record("postmortem submitted (click) → teammate's page says so", tSamPm - tSubmitClick);
    await expect(sam.page.getByTestId("postmortem-submitted-by")).toContainText(`Submitted by ${DEMO.PLAYER.name}`);
    await shot(sam.page, "teammate-postmortem-submitted");

    // ── The facilitator grades it; both players' open pages show the grade ──
    await sam.page.goto(roomUrl);
    await expect(pat.page.getByTestId("attempt-outcome")).toHaveText("Waiting for a grade");
    await expect(sam.page.getByTestId("attempt-outcome")).toHaveText("Waiting for a grade");
    await fac.page.goto(`/facilitate/grade/${attemptId}`);
    await expect(fac.page.getByTestId("grade-form")).toBeVisible();
    for (const outOf of await fac.page.getByTestId("score-out-of").all()) {
      const h = await outOf.evaluate((el) => el.getBoundingClientRect().height);
      expect(h, "“/ N” stays on one line").toBeLessThan(24);
    }
    await expect(fac.page.getByTestId("grade-form")).not.toContainText(/Communication\s*\(?communication/);
    await shot(fac.page, "grade-form");
    for (const input of await fac.page.locator('input[type="number"][id^="score-"]').all())
      await input.fill((await input.getAttribute("max")) ?? "0");
    await fac.page.getByLabel("Overall comment").fill("Good teamwork.");
    const graded = () => document.querySelector('[data-testid="grade-rubric"]') !== null;
    const patSeesGrade = stampWhen(pat.page, graded, 60_000);
    const samSeesGrade = stampWhen(sam.page, graded, 60_000);
    const gradeResponse = fac.page.waitForResponse((r) => r.url().endsWith(`/api/attempts/${attemptId}/grade`));
    const tGradeClick = Date.now();
    await fac.page.getByTestId("final-grade").click();
    await gradeResponse;
    const tGradeResponse = Date.now();
    const [tPatGrade, tSamGrade] = await Promise.all([patSeesGrade, samSeesGrade]);
    record("final grade (click) → player Pat's page", tPatGrade - tGradeClick);
    record("final grade (click) → player Sam's page", tSamGrade - tGradeClick);
    record("final grade (response) → slower player's page", Math.max(tPatGrade, tSamGrade) - tGradeResponse);
    for (const p of [pat, sam]) await expect(p.page.getByTestId("attempt-outcome")).toHaveText("Graded");
    const summary = pat.page.getByTestId("grade");
    await expect(summary).not.toContainText(/Communication\s*communication/);
    await expect(summary).not.toContainText("UTC UTC");
    await shot(pat.page, "player-graded-live");
    // ── The replay: the terminal fits its panel, shells' tabs are told apart, 16× means 16× ──
    await pat.page.goto(`${roomUrl}/replay`);
    await expect(pat.page.getByTestId("replay-player")).toBeVisible();
    await expect(pat.page.getByTestId("replay-skip-idle")).not.toBeChecked();
    const tabNames = await pat.page.getByTestId("replay-tab").allTextContents();
    expect(new Set(tabNames).size, `shell tabs are distinct: ${tabNames.join(" | ")}`).toBe(tabNames.length);
    const term = pat.page.getByTestId("replay-terminal").filter({ visible: true }).first();
    await expect(term.locator(".xterm-screen")).toBeVisible();
    const fits = await term.evaluate((el) => {
      const screen = el.querySelector(".xterm-screen")!.getBoundingClientRect();
      const panel = el.getBoundingClientRect();
      return { screen: Math.round(screen.width), panel: Math.round(panel.width) };
    });
    expect(fits.screen, `the recorded terminal fits its panel (${JSON.stringify(fits)})`).toBeLessThanOrEqual(
      fits.panel,
    );
    await shot(pat.page, "replay");

    await test.info().attach("latencies.json", {
      body: JSON.stringify(latencies, null, 2),
      contentType: "application/json",
    });
  } finally {
    await gameDays.endIfRunning();
    await Promise.all([fac.context.close(), pat.context.close(), sam.context.close()]);
  }
});
