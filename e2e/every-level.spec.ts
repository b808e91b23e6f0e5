/**
 * Every level in the catalogue, played in the browser as a new hire plays it: a
 * player of its own starts it from /play, every shell the level offers echoes a
 * keystroke, the success-rate chart shows the outage, "Check my fix" says it is
 * not fixed, the level's reference fix (for this attempt's variant) is typed
 * into the terminals, the chart recovers, the check passes, and the report and
 * postmortem are handed in through their forms (which releases the environment).
 *
 * What the levels' own suites prove through the orchestrator (tampers, symptom
 * fixes, alternative fixes) is not repeated here: this is the room, per level.
 * FD_E2E_LEVELS=a,b plays only those levels.
 */
import { randomUUID } from "node:crypto";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "@playwright/test";
import pg from "pg";
import { parse } from "yaml";
import { expandTemplate, type ResolvedParams } from "../lib/levels/params";
import { apiSignIn, expect, test } from "./fixtures";
import { IncidentRoom } from "./room";
import { notJustBeforeUtcMidnight } from "../levels/tests/support/utc-midnight";

const DB_URL = `postgresql://postgres:firedrill-local@127.0.0.1:${process.env.FIREDRILL_DB_PORT ?? 54322}/firedrill_e2e`;

interface Step {
  instance: string;
  user?: string;
  run: string;
}
interface Manifest {
  id: string;
  title: string;
  shells: string[];
  referenceFix: Step[];
}

const weight = (id: string) => (id === "cpu-hog" ? -1 : id === "memory-exhausted" ? 1 : 0);

function catalogue(): Manifest[] {
  const only = (process.env.FD_E2E_LEVELS ?? "").split(",").filter(Boolean);
  return (
    readdirSync("levels")
      .filter((d) => !d.startsWith("_") && existsSync(path.join("levels", d, "level.yaml")))
      .filter((d) => only.length === 0 || only.includes(d))
      // The two levels that load the host on purpose (played alone, in their own project) go first and last.
      .sort((a, b) => weight(a) - weight(b) || a.localeCompare(b))
      .map((d) => parse(readFileSync(path.join("levels", d, "level.yaml"), "utf8")) as Manifest)
  );
}

async function withDb<T>(fn: (db: pg.Client) => Promise<T>): Promise<T> {
  const db = new pg.Client({ connectionString: DB_URL });
  await db.connect();
  try {
    return await fn(db);
  } finally {
    await db.end();
  }
}

/** A player of its own per level (one open incident per player), with the demo player's password. */
async function newPlayer(levelId: string): Promise<string> {
  const email = `every-${levelId}-${randomUUID().slice(0, 6)}@firedrill.local`;
  await withDb((db) =>
    db.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", role, "updatedAt")
       SELECT $1, $2, $3, "passwordHash", 'PLAYER', now() FROM "User" WHERE email = 'player@firedrill.local'`,
      [`e2e${randomUUID().replace(/-/g, "").slice(0, 21)}`, email, `Player of ${levelId}`],
    ),
  );
  return email;
}

/** The variant this attempt was dealt (what the facilitator's solution notes expand with). */
async function paramsOf(attemptId: string): Promise<ResolvedParams> {
  const rows = await withDb(
    async (db) =>
      (await db.query<{ params: ResolvedParams }>(`SELECT params FROM "Attempt" WHERE id = $1`, [attemptId])).rows,
  );
  return rows[0]!.params;
}

/**
 * Types one step of the fix as a script fed to a shell, the way a responder pastes a runbook: as the
 * step's user, and followed by its exit status, which must be 0.
 */
async function typeStep(room: IncidentRoom, n: number, step: Step, params: ResolvedParams): Promise<void> {
  const shell = step.user ? `su -s /bin/bash ${step.user}` : "bash";
  const body = expandTemplate(step.run, params).replace(/\t/g, "  ").trimEnd().split("\n");
  await room.openShell(step.instance);
  // History expansion would rewrite a "!" typed at an interactive prompt, here-document lines included.
  await room.type(step.instance, "set +H");
  await room.type(step.instance, `${shell} <<'FD_FIX'; echo "fix-${n}-exit-$?"`);
  if (step.user) await room.type(step.instance, "cd /tmp");
  for (const line of body) await room.type(step.instance, line);
  await room.type(step.instance, "FD_FIX");
  await room.expectOutput(step.instance, new RegExp(`fix-${n}-exit-\\d+`), 5 * 60_000);
  await room.expectOutput(step.instance, `fix-${n}-exit-0`, 1_000);
}

/** Clicks "Check my fix" until it judges (a busy host may answer "could not judge, try again"). */
async function checkOnce(page: Page): Promise<{ passed: boolean; text: string }> {
  for (let attempt = 1; ; attempt++) {
    await expect(page.getByTestId("check-fix")).toBeEnabled({ timeout: 60_000 });
    const [res] = await Promise.all([
      page.waitForResponse((r) => r.url().endsWith("/check") && r.request().method() === "POST", {
        timeout: 4 * 60_000,
      }),
      page.getByTestId("check-fix").click(),
    ]);
    const body = (await res.json()) as { passed?: boolean; unjudged?: boolean; message?: string };
    if (body.passed) return { passed: true, text: body.message ?? "" };
    // What the player reads: the verdict under the header.
    const shown = page.getByTestId("check-result");
    await expect(shown).toBeVisible();
    const text = await shown.innerText();
    // A check refused as too soon (429) says so in the same place: try again too.
    if ((body.unjudged !== true && res.status() !== 429) || attempt === 5) return { passed: false, text };
    // "Try again in a minute", the player is told: a busy host calms down between tries.
    await page.waitForTimeout(20_000);
  }
}

async function writeUp(page: Page, room: IncidentRoom, title: string): Promise<void> {
  await room.tab("Report");
  await page.getByLabel("Severity").selectOption("SEV2");
  await page.getByLabel("How it was detected").fill("The success-rate chart dropped.");
  await page.getByLabel("Impact").fill(`Customers hit errors: ${title}.`);
  await page.getByLabel("Symptoms").fill("Failing and slow requests in the chart and the logs.");
  await page.getByRole("button", { name: "Add hypothesis" }).click();
  await page.getByLabel("Hypothesis 1", { exact: true }).fill("The level's fault, as the hints describe it");
  await page.getByLabel("Outcome of hypothesis 1").selectOption("confirmed");
  await page.getByLabel("Actions taken").fill("Investigated in the terminals and applied the fix.");
  await page.getByLabel("Mitigation", { exact: true }).fill("The fix removed the cause; the check passed.");
  await page.getByRole("button", { name: "Submit incident report" }).click();
  await expect(page.getByTestId("report-form").getByText("Submitted", { exact: true })).toBeVisible();

  const attemptUrl = new URL(page.url()).pathname;
  await page.getByRole("link", { name: "Write the postmortem →" }).click();
  await expect(page).toHaveURL(`${attemptUrl}/postmortem`);
  await page.getByLabel("Summary").fill(`${title}: found and fixed in the browser.`);
  await page.getByLabel("Root cause").fill("The fault the level dealt, removed at its source.");
  await page.getByLabel("Trigger").fill("A change in the environment.");
  await page.getByLabel("What went well").fill("The chart showed the outage at once.");
  await page.getByLabel("What went badly").fill("No alert fired.");
  await page.getByRole("button", { name: "Add action item" }).click();
  await page.getByLabel("Owner of action 1").fill("Platform team");
  await page.getByLabel("Action 1", { exact: true }).fill("Alert on the success rate.");
  await page.getByTestId("submit-postmortem").click();
  await expect(page).toHaveURL(attemptUrl, { timeout: 30_000 });
  await expect(page.getByText("Waiting for a grade")).toBeVisible();
}

/** What a level needs before it starts (timezone: not in the last minutes of a UTC day). */
const BEFORE_START: Record<string, () => Promise<void>> = { timezone: notJustBeforeUtcMidnight };

for (const level of catalogue()) {
  test(`${level.id}: played end to end in the browser`, async ({ browser }) => {
    test.setTimeout(15 * 60_000);
    const context = await browser.newContext();
    const page = await context.newPage();
    const room = new IncidentRoom(page, { shellTimeout: 60_000 });
    const t0 = Date.now();
    let attemptId: string | undefined;
    const mark = (what: string) =>
      test.info().annotations.push({ type: what, description: `${((Date.now() - t0) / 1000).toFixed(1)} s` });
    try {
      await BEFORE_START[level.id]?.();
      await apiSignIn(page.request, await newPlayer(level.id));
      await page.goto("/play");
      await page.getByTestId(`start-${level.id}`).click();
      await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/, { timeout: 60_000 });
      attemptId = new URL(page.url()).pathname.split("/").pop()!;
      await expect(room.root()).toHaveAttribute("data-status", "ACTIVE", { timeout: 5 * 60_000 });

      // Every machine the level offers has a working shell.
      for (const shell of level.shells) {
        await room.openShell(shell);
        await room.type(shell, `echo ready-$((6*7))-${shell}`);
        await room.expectOutput(shell, `ready-42-${shell}`);
      }
      mark("shells usable");

      await expect
        .poll(() => room.successRate(), { timeout: 120_000, message: "the chart shows the outage" })
        .toBeLessThan(0.95);
      mark("outage in the chart");
      const before = await checkOnce(page);
      expect(before.passed, `the check before any fix: ${before.text}`).toBe(false);
      expect(before.text).toMatch(/Not fixed yet/);
      await page.screenshot({ path: test.info().outputPath(`${level.id}-outage.png`) });

      const params = await paramsOf(attemptId);
      test.info().annotations.push({ type: "variant", description: JSON.stringify(params) });
      for (const [i, step] of level.referenceFix.entries()) await typeStep(room, i + 1, step, params);
      mark("fix typed");
      await expect
        .poll(() => room.successRate(), { timeout: 150_000, message: "the chart recovers" })
        .toBeGreaterThanOrEqual(0.9);
      mark("chart recovered");
      const after = await checkOnce(page);
      expect(after.passed, `the check after the reference fix: ${after.text}`).toBe(true);
      await expect(room.root()).toHaveAttribute("data-status", "MITIGATED", { timeout: 30_000 });
      mark("check passed");
      await page.screenshot({ path: test.info().outputPath(`${level.id}-mitigated.png`) });

      await writeUp(page, room, level.title);
      mark("postmortem handed in");
    } finally {
      // A level that failed half-way still holds a broken environment (some burn CPU): give it up, so
      // the levels still playing are not slowed by it. An incident already handed in refuses (409).
      if (attemptId) await page.request.post(`/api/attempts/${attemptId}/abandon`, { data: {} }).catch(() => undefined);
      await context.close();
    }
  });
}
