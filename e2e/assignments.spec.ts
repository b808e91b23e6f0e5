/**
 * Assignments and certification in the browser, against the running game:
 * a facilitator assigns a level from the form (keyboard only), the player sees
 * it on their home with its due date and starts it in one click, a final grade
 * completes it; overdue ones are marked for the player, the facilitator and the
 * lead; a certification attempt shows no hints and no step-naming objectives;
 * an ageing certification says it is expiring, then expired, and what to replay.
 * Writing the report and postmortem is the player-loop spec's business: here
 * the submitted state is set in the database, then graded through the UI.
 */
import pg from "pg";
import { mkdirSync } from "node:fs";
import { type Page } from "@playwright/test";
import { DEMO, apiSignIn, expect, test } from "./fixtures";

const DB_URL = `postgresql://postgres:firedrill-local@127.0.0.1:${process.env.FIREDRILL_DB_PORT ?? 54322}/firedrill_e2e`;
const SHOTS = process.env.E2E_SHOTS_DIR ?? "test-results/screens";
const DAY = 24 * 60 * 60_000;

async function sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: DB_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

async function userId(email: string): Promise<string> {
  return (await sql<{ id: string }>(`SELECT id FROM "User" WHERE email = $1`, [email]))[0]!.id;
}

async function shot(page: Page, name: string) {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: `${SHOTS}/${name}.png`, fullPage: true });
}

/** YYYY-MM-DD, n days from now (UTC), and how the game prints that day. */
function day(n: number): { iso: string; shown: string } {
  const d = new Date(Date.now() + n * DAY);
  const shown = new Intl.DateTimeFormat("en-GB", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(d);
  return { iso: d.toISOString().slice(0, 10), shown };
}

test.describe.configure({ mode: "serial" });

test("a facilitator assigns a level; the player sees it with its due date, starts it in one click; a final grade completes it", async ({
  page,
  browser,
}) => {
  test.setTimeout(10 * 60_000);
  const due = day(5);
  const note = `Before on-call ${Date.now()}`;

  // ── The facilitator assigns from their home, with the keyboard ─────────────
  const fac = await browser.newContext();
  const facPage = await fac.newPage();
  await apiSignIn(facPage.request, DEMO.FACILITATOR.email);
  await facPage.goto("/facilitate");
  await expect(facPage.getByRole("heading", { name: "Overdue assignments" })).toBeVisible();
  await facPage.getByTestId("assign-levels").click();
  await expect(facPage).toHaveURL(/\/assignments/);
  const form = facPage.getByTestId("assign-form");
  await expect(form).toBeVisible();
  const pat = form.getByRole("checkbox", { name: /Pat Player/ });
  await expect(pat).toBeVisible();
  await pat.focus();
  await facPage.keyboard.press("Space");
  await expect(pat).toBeChecked();
  // An empty "who" is refused in place, keeping what was typed.
  await pat.uncheck();
  await form.getByLabel("Note").fill(note);
  await form.getByRole("button", { name: "Assign" }).click();
  await expect(form.getByText("Choose at least one person or a team.")).toBeVisible();
  await expect(form.getByLabel("Note")).toHaveValue(note);
  await pat.check();
  const what = form.getByLabel("What to play");
  await expect(what).toBeEnabled();
  await what.selectOption("level:payload-too-large");
  const dueField = form.getByLabel("Due");
  await expect(dueField).toBeEditable();
  await dueField.fill(due.iso);
  await form.getByRole("button", { name: "Assign" }).focus();
  await facPage.keyboard.press("Enter");
  await expect(form.getByText("Assigned to 1 person.")).toBeVisible();
  await facPage.reload();
  const row = facPage.locator('[data-testid^="assignment-"]', { hasText: note });
  await expect(row).toBeVisible();
  await expect(row).toContainText("Pat Player");
  await expect(row).toContainText(due.shown);
  await shot(facPage, "assignments-page");

  // ── The player sees it on their home and starts it in one click ────────────
  await apiSignIn(page.request, DEMO.PLAYER.email);
  await page.goto("/play");
  const mine = page.locator('[data-testid^="my-assignment-"]', { hasText: note });
  await expect(mine).toBeVisible();
  await expect(mine).toContainText(`due ${due.shown}`);
  await expect(mine).toContainText("from Fran Facilitator");
  // What they were asked to do leads the page: its Start button is on screen without scrolling (1280×720).
  await expect(mine.getByRole("button", { name: "Start" })).toBeInViewport();
  await shot(page, "play-with-assignment");
  const assignmentId = (await mine.getAttribute("data-testid"))!.replace("my-assignment-", "");
  const start = mine.getByRole("button", { name: "Start" });
  await expect(start).toBeEnabled();
  await start.click();
  await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/, { timeout: 60_000 });
  const attemptId = new URL(page.url()).pathname.split("/").pop()!;
  await expect(page.getByTestId("incident-room")).toHaveAttribute("data-play-mode", "TRAINING");
  const [started] = await sql<{ levelId: string; assignmentId: string }>(
    `SELECT "levelId", "assignmentId" FROM "Attempt" WHERE id = $1`,
    [attemptId],
  );
  expect(started).toEqual({ levelId: "payload-too-large", assignmentId });

  // Done with the machines; the write-up is submitted (the player-loop spec types one for real).
  expect((await page.request.post(`/api/attempts/${attemptId}/abandon`, { data: {} })).status()).toBe(200);
  await sql(`UPDATE "Attempt" SET status = 'SUBMITTED', "mitigatedAt" = now(), "endedAt" = now() WHERE id = $1`, [
    attemptId,
  ]);
  await sql(
    `INSERT INTO "Postmortem" (id, "attemptId", content, status, "submittedAt", "updatedAt") VALUES ($1, $2, '{}', 'SUBMITTED', now(), now())`,
    [`pm-${attemptId}`, attemptId],
  );

  // ── The facilitator finds it by assignment in the review queue and grades it ─
  await facPage.goto("/facilitate/review");
  const filters = facPage.getByTestId("review-filters");
  await filters.getByLabel("Assignment").selectOption(assignmentId);
  await filters.getByRole("button", { name: "Filter" }).click();
  await expect(facPage).toHaveURL(new RegExp(`assignment=${assignmentId}`));
  await expect(facPage.locator(`a[href="/facilitate/grade/${attemptId}"]`)).toBeVisible();
  await shot(facPage, "review-filtered");
  await facPage.locator(`a[href="/facilitate/grade/${attemptId}"]`).click();
  await expect(facPage.getByTestId("grade-form")).toBeVisible();
  for (const input of await facPage.locator('input[type="number"][id^="score-"]').all()) {
    await input.fill((await input.getAttribute("max")) ?? "0");
  }
  await facPage.getByTestId("final-grade").click();
  await expect(facPage).toHaveURL("/facilitate/review");

  // ── Completed for the player ──────────────────────────────────────────────
  await page.goto("/play");
  await expect(mine).toHaveAttribute("data-state", "done");
  await expect(mine.getByText("Done", { exact: true })).toBeVisible();
  await expect(mine.getByRole("button", { name: "Start" })).toHaveCount(0);
  // A training pass ticks the level but does not count toward certification (certification mode does).
  await expect(page.getByTestId("levels-passed")).toHaveText(/^0 \//);
  await fac.close();
});

test("overdue assignments are marked for the player, the facilitator and the lead", async ({ page, browser }) => {
  const sam = await userId(DEMO.PLAYER2.email);
  const fran = await userId(DEMO.FACILITATOR.email);
  const note = `Overdue ${Date.now()}`;
  await sql(
    `INSERT INTO "Assignment" (id, pick, "assigneeId", "assignedById", note, "dueAt") VALUES ($1, 'RANDOM', $2, $3, $4, $5)`,
    [`od-${Date.now()}`, sam, fran, note, new Date(Date.now() - 2 * DAY)],
  );
  await apiSignIn(page.request, DEMO.PLAYER2.email);
  await page.goto("/play");
  const mine = page.locator('[data-testid^="my-assignment-"]', { hasText: note });
  await expect(mine).toHaveAttribute("data-state", "overdue");
  await expect(mine.getByText("Overdue", { exact: true })).toBeVisible();
  await expect(mine.getByRole("button", { name: "Start" })).toBeEnabled();

  for (const who of [DEMO.FACILITATOR, DEMO.LEAD]) {
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await apiSignIn(p.request, who.email);
    await p.goto(who.home);
    const overdue = p.getByTestId("overdue-assignments").locator("tr", { hasText: note });
    await expect(overdue).toBeVisible();
    await expect(overdue.getByText("Overdue", { exact: true })).toBeVisible();
    await expect(overdue.getByRole("link", { name: "Sam Player" })).toBeVisible();
    if (who === DEMO.LEAD) {
      await shot(p, "lead-overdue");
      // The person's page, reachable from the row, has its own assign form preset to them.
      await overdue.getByRole("link", { name: "Sam Player" }).click();
      await expect(p.getByRole("heading", { name: "Sam Player", exact: true })).toBeVisible();
      await expect(p.getByRole("checkbox", { name: /Sam Player/ })).toBeChecked();
      await shot(p, "person-page");
    }
    await ctx.close();
  }
});

test("a certification attempt has no hints and no objectives that name the steps", async ({ page }) => {
  test.setTimeout(5 * 60_000);
  await apiSignIn(page.request, DEMO.PLAYER.email);
  await page.goto("/play");
  const certify = page.getByTestId("certify-timezone");
  await expect(certify).toBeEnabled();
  await certify.click();
  await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/, { timeout: 60_000 });
  const attemptId = new URL(page.url()).pathname.split("/").pop()!;
  const room = page.getByTestId("incident-room");
  await expect(room).toHaveAttribute("data-play-mode", "CERTIFICATION");
  await expect(page.getByTestId("certification-badge")).toBeVisible();
  await expect(page.getByRole("tab", { name: /Hints/ })).toHaveCount(0);
  await expect(page.getByText("Find the root cause and fix it so it stays fixed")).toBeVisible();
  await expect(page.getByText("Find out that the problem is due to time zones")).toHaveCount(0);
  const hint = await page.request.post(`/api/attempts/${attemptId}/hints`, { data: {} });
  expect(hint.status()).toBe(403);
  await shot(page, "certification-room");
  expect((await page.request.post(`/api/attempts/${attemptId}/abandon`, { data: {} })).status()).toBe(200);
});

test("certification expires: the player is told it is expiring, then expired, and what to replay", async ({ page }) => {
  const sam = await userId(DEMO.PLAYER2.email);
  const fran = await userId(DEMO.FACILITATOR.email);
  const levels = ["disk-full", "locked-migration", "missing-index", "payload-too-large", "timezone"];
  const gradedAt = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY);
  // Five certification-mode passes in four categories (the default rule), the oldest 170 days ago.
  for (const [i, levelId] of levels.entries()) {
    const id = `cert-${levelId}-${Date.now()}`;
    await sql(
      `INSERT INTO "Attempt" (id, "levelId", "startedById", "variantSeed", params, "playMode", status, score, "updatedAt") VALUES ($1, $2, $3, $4, '{}', 'CERTIFICATION', 'GRADED', 90, now())`,
      [id, levelId, sam, `seed-${i}`],
    );
    await sql(`INSERT INTO "AttemptMember" ("attemptId", "userId") VALUES ($1, $2)`, [id, sam]);
    await sql(
      `INSERT INTO "Grade" (id, "attemptId", "graderId", criteria, percent, outcome, "createdAt") VALUES ($1, $2, $3, '[]', 90, 'FINAL', $4)`,
      [`g-${id}`, id, fran, gradedAt(levelId === "timezone" ? 170 : 20)],
    );
  }
  await sql(`INSERT INTO "Certification" (id, "userId", rule, "awardedAt") VALUES ($1, $2, '{}', $3)`, [
    `c-${Date.now()}`,
    sam,
    gradedAt(20),
  ]);
  await apiSignIn(page.request, DEMO.PLAYER2.email);
  await page.goto("/play");
  await expect(page.getByTestId("standing")).toHaveAttribute("data-state", "expiring-soon");
  await expect(page.getByTestId("certified")).toContainText("Expiring soon");
  await expect(page.getByTestId("certified")).toContainText(/valid until \d+ \w+ \d{4}/);
  const renew = page.getByTestId("renew");
  await expect(renew).toContainText("The missing sign-ups");
  await expect(renew.getByRole("button", { name: "Certify" })).toBeEnabled();
  await shot(page, "play-expiring");

  await sql(`UPDATE "Grade" SET "createdAt" = $1 WHERE "attemptId" LIKE 'cert-timezone-%'`, [gradedAt(200)]);
  await page.reload();
  await expect(page.getByTestId("expired")).toBeVisible();
  await expect(page.getByTestId("standing").first()).toHaveAttribute("data-state", "expired");
  await expect(page.getByTestId("renew")).toContainText("expired");
  await expect(page.getByTestId("renew").getByRole("button", { name: "Certify" })).toBeEnabled();
  await shot(page, "play-expired");
});
