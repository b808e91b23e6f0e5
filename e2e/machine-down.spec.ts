/**
 * A machine of the player's environment dies (the engine kills its container, as an OOM or a
 * crash would): the room says so on the machine's tab and in its event list within seconds,
 * says when it is back, and the attempt's timeline keeps both; the player's shell there is
 * replaced and works again.
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import Docker from "dockerode";
import { LABEL } from "../orchestrator/driver/labels";
import { orchestratorIdFor } from "../orchestrator/driver/names";
import type { Page } from "@playwright/test";
import { DEMO, DEMO_PASSWORD, SignInPage, expect, test } from "./fixtures";
import { IncidentRoom } from "./room";

const LEVEL_ID = "timezone";
const STATE_DIR = path.resolve(".data/e2e/orchestrator");

/** The container of one machine of the attempt's environment: its slot from the orchestrator's own record. */
async function containerOf(docker: Docker, attemptId: string, instance: string): Promise<string> {
  const dir = path.join(STATE_DIR, "environments");
  for (const f of readdirSync(dir).filter((n) => n.endsWith(".json"))) {
    const rec = JSON.parse(readFileSync(path.join(dir, f), "utf8")) as { attemptId: string; slot: string };
    if (rec.attemptId !== attemptId) continue;
    const [c] = await docker.listContainers({
      filters: {
        label: [
          `${LABEL.orchestrator}=${orchestratorIdFor(STATE_DIR)}`,
          `${LABEL.slot}=${rec.slot}`,
          `${LABEL.instance}=${instance}`,
        ],
      },
    });
    if (c) return c.Id;
  }
  throw new Error(`no ${instance} container for attempt ${attemptId} (records in ${dir})`);
}

test("a killed machine: the room says it is down, then back; the timeline keeps it; the shell works again", async ({
  page,
}) => {
  test.setTimeout(6 * 60_000);
  const room = new IncidentRoom(page);
  await new SignInPage(page).goto();
  await new SignInPage(page).signIn(DEMO.PLAYER2.email, DEMO_PASSWORD);
  await expect(page).toHaveURL("/play");
  await page.getByTestId(`start-${LEVEL_ID}`).click();
  await expect(page).toHaveURL(/\/attempts\/[a-z0-9]+$/, { timeout: 60_000 });
  const attemptId = new URL(page.url()).pathname.split("/").pop()!;
  try {
    await playThrough(page, room, attemptId);
  } finally {
    // Leave nothing running for the specs after this one (nor for a retry of this one).
    await page.request.post(`/api/attempts/${attemptId}/abandon`, { data: {} });
  }
});

async function playThrough(page: Page, room: IncidentRoom, attemptId: string): Promise<void> {
  await expect(room.root()).toHaveAttribute("data-status", "ACTIVE", { timeout: 5 * 60_000 });
  await room.openShell("db");
  await room.type("db", "echo before-$((6*7))");
  await room.expectOutput("db", "before-42");

  const t0 = Date.now();
  const docker = new Docker();
  await docker.getContainer(await containerOf(docker, attemptId, "db")).kill({ signal: "SIGKILL" });

  const tabState = page.getByTestId("machine-state-db");
  await expect(tabState).toHaveText(/down — restarting/, { timeout: 10_000 });
  const told = (Date.now() - t0) / 1000;
  const events = page.getByTestId("machine-events");
  await expect(events).toContainText(/db is down \(exit 137\) — restarting/);
  await expect(events).toBeVisible();
  await page.screenshot({ path: test.info().outputPath("machine-down.png") });
  await expect(events).toContainText(/db is back/, { timeout: 120_000 });
  await expect(tabState).toHaveCount(0);
  const back = (Date.now() - t0) / 1000;
  console.log(`machine down: room told in ${told.toFixed(1)} s, back in ${back.toFixed(1)} s`);

  // The shell on db ended with its container; a new one works.
  await room.openShell("db");
  await room.type("db", "echo after-$((6*7))");
  await room.expectOutput("db", "after-42", 60_000);

  // The attempt's timeline keeps both: the postmortem's drafted timeline shows them.
  await expect
    .poll(
      async () => {
        const r = await page.request.get(`/api/attempts/${attemptId}/postmortem`);
        return r.ok() ? await r.text() : "";
      },
      { timeout: 30_000, message: "the timeline has the machine's down and back" },
    )
    .toMatch(/Machine db is down[\s\S]*Machine db is back/);
}
