/**
 * Replaying an attempt for the debrief, on the attempt player-loop.spec.ts
 * plays and gets graded (files run in order, one worker): the recorded proxy
 * shell shows what was typed up to the passing check and nothing before it
 * started, Space plays, the .cast downloads under the attempt's name, a
 * facilitator may replay it and another player may not.
 */
import { DEMO, apiSignIn, expect, test } from "./fixtures";
import { expectAccessible } from "./support/a11y";

const LEVEL_TITLE = "Uploads that vanish";

test("the graded attempt replays: terminals, markers, seek, play, download; strangers get 404", async ({
  page,
  browser,
  signInAs,
}) => {
  test.setTimeout(3 * 60_000);
  await signInAs("PLAYER");
  await page.goto("/play");
  const link = page.getByRole("table", { name: "Your incidents" }).getByRole("link", { name: LEVEL_TITLE }).first();
  test.skip((await link.count()) === 0, "needs the attempt e2e/player-loop.spec.ts plays");
  const attemptId = (await link.getAttribute("href"))!.split("/").pop()!;

  await page.goto(`/attempts/${attemptId}`);
  await page.getByRole("link", { name: "Replay", exact: true }).click();
  await expect(page).toHaveURL(`/attempts/${attemptId}/replay`);
  const player = page.getByTestId("replay-player");
  await expect(player).toBeVisible();
  // The recorded terminal's screen is the environment's own output, in its colours (as in the room).
  await expectAccessible(page, "replay", { exclude: [".xterm-screen"] });
  // The replay's chart is not live: no "now", no "waiting for traffic…".
  const chart = page.getByTestId("sli-chart");
  await expect(chart).toContainText("What users saw");
  await expect(chart).not.toContainText("now");
  await expect(chart).not.toContainText("waiting for traffic");

  // Markers: the outage and the passing check are on the axis. payload-too-large fails only uploads, so the
  // outage can read "degraded" rather than "down" (as player-loop.spec.ts accepts on the timeline).
  await expect(
    page.locator('[data-testid="replay-marker"]:is([data-tone="down"], [data-tone="degraded"])').first(),
  ).toBeAttached();
  const passed = page.locator('[data-testid="replay-marker"][data-tone="pass"]').first();
  await expect(passed).toBeAttached();

  // The proxy shell at the passing check shows the fix; at the start it shows nothing yet.
  await page
    .getByRole("tab", { name: /^proxy/ })
    .first()
    .click();
  const screen = page.getByRole("region", { name: /Recorded shell proxy/ }).locator(".xterm-rows");
  await passed.click({ force: true });
  await expect(screen).toContainText("FIX-APPLIED");
  await expect(screen).toContainText("ready-42");
  await page.getByTestId("replay-slider").fill("0");
  await expect(screen).not.toContainText("ready-42");

  // Space plays from where the clock stands.
  await page.getByTestId("replay-clock").click();
  const before = Number(await player.getAttribute("data-time"));
  await page.keyboard.press("Space");
  await expect.poll(async () => Number(await player.getAttribute("data-time"))).toBeGreaterThan(before);
  await page.keyboard.press("Space");
  await page.screenshot({ path: test.info().outputPath("replay.png"), fullPage: true });

  // The recording downloads under the attempt's name and plays in asciinema.
  const download = page.waitForEvent("download");
  await page.getByTestId("replay-download").first().click();
  expect((await download).suggestedFilename()).toMatch(new RegExp(`^${attemptId}-[a-z0-9_-]+-[A-Za-z0-9_.-]+\\.cast$`));

  // A facilitator replays it; another player is told it does not exist.
  const fac = await browser.newContext();
  const other = await browser.newContext();
  try {
    const facPage = await fac.newPage();
    await apiSignIn(facPage.request, DEMO.FACILITATOR.email);
    await facPage.goto(`/attempts/${attemptId}/replay`);
    await expect(facPage.getByTestId("replay-player")).toBeVisible();
    const otherPage = await other.newPage();
    await apiSignIn(otherPage.request, DEMO.PLAYER2.email);
    expect((await otherPage.goto(`/attempts/${attemptId}/replay`))?.status()).toBe(404);
    expect((await otherPage.request.get(`/api/attempts/${attemptId}/recordings`)).status()).toBe(404);
  } finally {
    await fac.close();
    await other.close();
  }
});
