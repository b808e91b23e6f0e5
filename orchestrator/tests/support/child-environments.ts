/** Environments on a child orchestrator, over its HTTP API: provision and wait, read the process's memory. */
import { readFileSync } from "node:fs";
import type { EnvironmentView } from "../../../lib/contracts/orchestrator-api";
import type { Child } from "./child-orchestrator";
import { LEVEL } from "./harness";

export async function provisionReady(child: Child, id: string, timeoutMs = 240_000): Promise<EnvironmentView> {
  const created = await child.api<EnvironmentView>("POST", "/environments", {
    id,
    attemptId: `attempt-${id}`,
    levelId: LEVEL,
    seed: id,
  });
  if (created.status !== 202) throw new Error(`provision ${id}: ${created.status} ${JSON.stringify(created.body)}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { body } = await child.api<EnvironmentView>("GET", `/environments/${id}`);
    if (body.state === "ready") return body;
    if (body.state === "failed") throw new Error(`provision ${id} failed: ${JSON.stringify(body)}`);
    if (Date.now() > deadline) throw new Error(`provision ${id}: still ${body.state}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** Resident memory of a process, in MB (Linux). */
export function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
  return m ? Math.round(Number(m[1]) / 1024) : NaN;
}
