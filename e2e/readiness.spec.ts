/**
 * The lead's readiness page with seeded data (e2e/readiness-seed.ts): at 1280×720
 * the at-a-glance figures, on-call list and coverage show; charts render with
 * their points; a coverage cell and a chart point open the attempt; both CSVs
 * download and parse; the team and period filters change what is shown; a team
 * nobody has played in shows the empty state; a player is refused.
 */
import fs from "node:fs";
import { expect, test } from "./fixtures";
import { seedReadiness, type Seeded } from "./readiness-seed";
import { parseCsv } from "./parse-csv";

let seeded: Seeded;
test.beforeAll(async () => {
  seeded = await seedReadiness();
});
test.use({ viewport: { width: 1280, height: 720 } });

test("a lead reads readiness at a glance, drills down, exports and filters", async ({ page, signInAs }, info) => {
  test.setTimeout(2 * 60_000);
  await signInAs("LEAD");
  await page.goto(`/lead?team=${seeded.teamId}&period=90`);
  await expect(page.getByRole("heading", { name: "Team readiness" })).toBeVisible();

  const glance = page.getByTestId("at-a-glance");
  await expect(glance).toBeVisible();
  await expect(glance.getByText("People", { exact: true }).locator("..")).toContainText("3");
  await expect(glance.getByText("Can go on call").locator("..")).toContainText("1");
  await expect(glance.getByText("Close to certified").locator("..")).toContainText("1");
  await expect(glance.getByText("Uncovered categories").locator("..")).toContainText("filesystem");

  // Who can go on call: Rita certified, Omar close with what is missing, Nia not yet.
  const onCall = page.getByRole("table", { name: "Who can go on call" });
  await expect(onCall.locator('[data-state="certified"]')).toContainText("Rita Ready");
  await expect(onCall.locator('[data-state="close"]')).toContainText("Omar Close");
  await expect(onCall.locator('[data-state="close"]')).toContainText(/1 more category \(e\.g\. [^)]*filesystem/);
  await expect(onCall.locator('[data-state="not-yet"]')).toContainText("Nia New");

  // Coverage: filesystem stands out as uncovered in the last 90 days; cells carry recency.
  const coverage = page.getByRole("table", { name: "Coverage by category" });
  // (Categories of levels nobody in the seed played, e.g. network, are uncovered too.)
  await expect(coverage.getByTestId("uncovered").filter({ hasText: "filesystem" })).toHaveText(
    /filesystem · uncovered/,
  );
  await expect(coverage.locator('[data-recency="fresh"]').first()).toBeVisible();
  await expect(coverage.locator('[data-recency="aging"]').first()).toBeVisible();

  await page.screenshot({ path: info.outputPath("readiness-top.png") });
  await expect(coverage.locator('[data-below-bar="true"]')).toHaveCount(1); // Nia's 37.5

  // Charts render, with the seeded points, as drawn canvases.
  for (const m of ["score", "minutesToDetect", "minutesToMitigate", "hintsUsed", "checksTried"]) {
    const chart = page.getByTestId(`chart-${m}`);
    await chart.scrollIntoViewIfNeeded();
    await expect(chart.locator("canvas")).toBeVisible();
    const box = await chart.locator("canvas").boundingBox();
    expect(box!.width).toBeGreaterThan(200);
    expect(box!.height).toBeGreaterThan(100);
  }
  await expect(page.getByTestId("chart-score")).toHaveAttribute("data-points", "9");
  await expect(page.getByTestId("chart-minutesToDetect")).toHaveAttribute("data-points", "10");
  await expect(page.getByRole("table", { name: "Median against par, per level" }).getByTestId("par-row")).toHaveCount(
    4,
  );

  await page.getByTestId("chart-score").scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath("readiness-charts.png") });
  await page.screenshot({ path: info.outputPath("readiness-full.png"), fullPage: true });

  // CSV: the table and the attempts behind it download and parse.
  const [tableDl] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Table as CSV" }).click(),
  ]);
  expect(tableDl.suggestedFilename()).toMatch(/^firedrill-readiness-\d{4}-\d{2}-\d{2}\.csv$/);
  const table = parseCsv(fs.readFileSync(await tableDl.path(), "utf8"));
  expect(table[0]!.slice(0, 4)).toEqual(["person", "email", "team", "on call"]);
  expect(table).toHaveLength(4);
  expect(table.find((r) => r[0]!.startsWith("Rita Ready"))![3]).toBe("Certified");
  const [attemptsDl] = await Promise.all([
    page.waitForEvent("download"),
    page.getByRole("link", { name: "Attempts as CSV" }).click(),
  ]);
  const rows = parseCsv(fs.readFileSync(await attemptsDl.path(), "utf8"));
  expect(rows[0]![0]).toBe("attempt id");
  expect(rows).toHaveLength(1 + 10); // Rita's filesystem attempt is 140 days old: outside the period.
  expect(rows.every((r) => r.length === rows[0]!.length)).toBe(true);

  // Drill-down from a coverage cell: the attempt, its grade and score, postmortem and replay.
  const ritaRow = coverage.getByRole("row", { name: /Rita Ready/ });
  await ritaRow.getByTestId("coverage-cell").first().click();
  await expect(page).toHaveURL(/\/attempts\/e2e/);
  await expect(page.getByTestId("score-total")).toBeVisible();
  await expect(page.getByTestId("grade-rubric")).toContainText("rubric points");
  await expect(page.getByRole("link", { name: "Replay", exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: "Postmortem", exact: true })).toBeVisible();
  await page.screenshot({ path: info.outputPath("drill-down-cell.png") });

  // Drill-down from a chart point.
  await page.goto(`/lead?team=${seeded.teamId}&period=90`);
  const canvas = page.getByTestId("chart-score").locator(".u-over");
  await canvas.scrollIntoViewIfNeeded();
  const over = (await canvas.boundingBox())!;
  await page.mouse.move(over.x + over.width - 4, over.y + over.height / 2);
  await page.mouse.click(over.x + over.width - 4, over.y + over.height / 2);
  await expect(page).toHaveURL(/\/attempts\/e2e/);
  expect(seeded.attemptIds).toContain(page.url().split("/").pop());

  // Filters: all time brings the old filesystem pass back (stale), so filesystem is covered.
  await page.goto(`/lead?team=${seeded.teamId}`);
  await page.getByLabel("Period").selectOption("all");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/period=all/);
  await expect(
    page
      .getByRole("table", { name: "Coverage by category" })
      .getByTestId("uncovered")
      .filter({ hasText: "filesystem" }),
  ).toHaveCount(0);
  await expect(page.getByRole("table", { name: "Coverage by category" }).locator('[data-recency="stale"]')).toHaveCount(
    1,
  );
  await expect(page.getByTestId("chart-score")).toHaveAttribute("data-points", "10");

  // A team nobody has played in: the empty state says what to do.
  await page.getByLabel("Team").selectOption(seeded.quietTeamId);
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No drills in this period yet")).toBeVisible();
  await expect(page.getByText(/assign levels or schedule a\s+game day/)).toBeVisible();
  await expect(page.getByTestId("trends")).toHaveCount(0);
  await page.screenshot({ path: info.outputPath("readiness-empty.png") });
});

test("a player may not see readiness or its exports", async ({ page, signInAs }) => {
  await signInAs("PLAYER");
  const res = await page.goto("/lead");
  expect(res?.status()).toBe(403);
  expect((await page.request.get("/api/readiness/attempts")).status()).toBe(403);
});
