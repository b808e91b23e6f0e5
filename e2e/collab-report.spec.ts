/**
 * Two members of a team write the incident report at the same time, each in
 * their own browser: edits to different fields reach the other within
 * seconds, typing into the same field at the same moment keeps both people's
 * words, the quiet "Updated with X's edits" note names the teammate, and a
 * reload shows everything saved. The team attempt comes from a game day
 * started by the facilitator, as in game-day.spec.ts; it is ended at the end.
 */
import { type Page } from "@playwright/test";
import { DEMO, expect, test } from "./fixtures";
import { GameDaysPage, joinFromHome, signedIn } from "./game-days";
import { IncidentRoom } from "./room";

const LEVEL_ID = "payload-too-large";

async function openReport(page: Page): Promise<void> {
  await new IncidentRoom(page).tab("Report");
  await expect(page.getByTestId("report-form")).toBeVisible();
}

const field = (page: Page, key: string) => page.locator(`#report-${key}`);
const saved = (page: Page) => expect(page.getByTestId("save-status")).toHaveAttribute("data-status", "saved");

test("two team members type into the report at once and nobody's words are lost", async ({ browser }) => {
  test.setTimeout(10 * 60_000);
  const fac = await signedIn(browser, DEMO.FACILITATOR.email);
  const pat = await signedIn(browser, DEMO.PLAYER.email);
  const sam = await signedIn(browser, DEMO.PLAYER2.email);
  const title = `E2E report ${Date.now().toString(36)}`;
  const gameDays = new GameDaysPage(fac.page, title);
  fac.page.on("dialog", (d) => void d.accept());

  try {
    // ── A game day for Blue Team (Pat and Sam), started now ──
    await gameDays.schedule(LEVEL_ID);
    const roomUrl = await gameDays.startAndFindRoom();

    for (const p of [pat, sam]) await joinFromHome(p.page, roomUrl);
    for (const p of [pat, sam])
      await expect(p.page.getByTestId("incident-room")).toHaveAttribute("data-status", "ACTIVE", {
        timeout: 5 * 60_000,
      });
    await openReport(pat.page);
    await openReport(sam.page);

    // ── Different fields: each sees the other's within seconds, and who wrote it ──
    await field(pat.page, "impact").fill("Pat: every upload fails");
    await field(sam.page, "symptoms").fill("Sam: 413 from /api/uploads");
    await expect(field(pat.page, "symptoms")).toHaveValue("Sam: 413 from /api/uploads", { timeout: 15_000 });
    await expect(field(sam.page, "impact")).toHaveValue("Pat: every upload fails", { timeout: 15_000 });
    await saved(pat.page);
    await saved(sam.page);

    // ── Sam alone edits a field while Pat is idle: it arrives live, named ──
    await field(sam.page, "detectedHow").fill("Sam: the success-rate chart");
    await expect(field(pat.page, "detectedHow")).toHaveValue("Sam: the success-rate chart", { timeout: 15_000 });
    await expect(pat.page.getByTestId("save-merged")).toHaveText(`Updated with ${DEMO.PLAYER2.name}'s edits`);

    // ── The same field at the same moment (neither has saved when the other types) ──
    await field(pat.page, "actions").pressSequentially("Pat read nginx.conf", { delay: 5 });
    await field(sam.page, "actions").pressSequentially("Sam tailed the error log", { delay: 5 });
    for (const p of [pat, sam]) {
      await expect(field(p.page, "actions")).toHaveValue(/Pat read nginx\.conf/, { timeout: 15_000 });
      await expect(field(p.page, "actions")).toHaveValue(/Sam tailed the error log/, { timeout: 15_000 });
    }

    // ── Sam keeps typing in the middle of the field while Pat's save lands: the caret stays with Sam's words ──
    await field(pat.page, "mitigation").fill("Raised client_max_body_size");
    await saved(pat.page);
    await field(sam.page, "mitigation").click();
    await expect(field(sam.page, "mitigation")).toHaveValue("Raised client_max_body_size", { timeout: 15_000 });
    await sam.page.keyboard.press("End");
    await sam.page.keyboard.type(" and reloaded nginx", { delay: 5 });
    await saved(sam.page);
    await expect(field(pat.page, "mitigation")).toHaveValue("Raised client_max_body_size and reloaded nginx", {
      timeout: 15_000,
    });

    // ── Everything is on the server: a reload shows both people's words ──
    await pat.page.reload();
    await openReport(pat.page);
    await expect(field(pat.page, "impact")).toHaveValue("Pat: every upload fails");
    await expect(field(pat.page, "symptoms")).toHaveValue("Sam: 413 from /api/uploads");
    await expect(field(pat.page, "actions")).toHaveValue(/Pat read nginx\.conf/);
    await expect(field(pat.page, "actions")).toHaveValue(/Sam tailed the error log/);
  } finally {
    await gameDays.endIfRunning();
    await Promise.all([fac.context.close(), pat.context.close(), sam.context.close()]);
  }
});
