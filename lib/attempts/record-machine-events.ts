/**
 * A machine that died and was healed goes on the attempt's timeline ("db is down (exit 137) —
 * restarting", "db is back (answering 2.3 s after it stopped)"), once each, at the moment the
 * orchestrator saw it, however often the environment's view is read.
 */
import type { Prisma, PrismaClient } from "@prisma/client";
import type { MachineEvent } from "../contracts/orchestrator-api";
import { recordEvent } from "../timeline/record-event";

type Tx = Prisma.TransactionClient | PrismaClient;

/** "started" is a step on the way back, said in the room only; down, back and lost are the story. */
const TOLD: ReadonlySet<MachineEvent["state"]> = new Set(["down", "up", "lost"]);

export function machineMessage(e: MachineEvent): string {
  return `Machine ${e.message}`.slice(0, 500);
}

export async function recordMachineEvents(tx: Tx, attemptId: string, events: MachineEvent[]): Promise<number> {
  const told = events.filter((e) => TOLD.has(e.state) && !Number.isNaN(Date.parse(e.at)));
  if (told.length === 0) return 0;
  const times = told.map((e) => new Date(e.at));
  const already = await tx.timelineEvent.findMany({
    where: { attemptId, kind: "SYSTEM", at: { in: times } },
    select: { at: true, data: true },
  });
  const seen = new Set(already.map((r) => `${r.at.toISOString()}|${(r.data as { message?: string }).message ?? ""}`));
  let recorded = 0;
  for (const e of told) {
    const at = new Date(e.at);
    const message = machineMessage(e);
    if (seen.has(`${at.toISOString()}|${message}`)) continue;
    seen.add(`${at.toISOString()}|${message}`);
    await recordEvent(tx, { attemptId, kind: "SYSTEM", data: { message }, at });
    recorded++;
  }
  return recorded;
}
