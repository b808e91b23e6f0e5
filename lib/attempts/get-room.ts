/** Everything the incident room renders first; the live parts then come from polling and the sockets. */
import type { Actor } from "../auth/actor";
import type { PublicLevel } from "../levels/manifest-schema";
import { getReport, type ReportView } from "../reports/get-report";
import { readEventData } from "../timeline/event-data";
import { authorizeAttempt, type AttemptMode } from "./attempt-access";
import { defaultDeps, type Deps } from "./deps";
import { manifestOf, publicLevel } from "./level-manifest";

export interface RoomView {
  attemptId: string;
  mode: AttemptMode;
  level: PublicLevel;
  status: string;
  startedAt: string;
  mitigatedAt: string | null;
  budgetBurned: number;
  checksTried: number;
  players: string[];
  hints: { taken: { index: number; text: string; cost: number }[]; costs: number[] };
  lastCheck: { passed: boolean; message: string; at: string } | null;
  report: ReportView;
  postmortemStatus: string | null;
}

export async function getRoom(actor: Actor, attemptId: string, deps: Deps = defaultDeps()): Promise<RoomView> {
  const { attempt, mode } = await authorizeAttempt(deps.db, actor, attemptId, "read");
  const manifest = manifestOf(attempt.level);
  const [hintEvents, lastCheck, report, postmortem] = await Promise.all([
    deps.db.timelineEvent.findMany({ where: { attemptId, kind: "HINT" }, orderBy: { at: "asc" } }),
    deps.db.timelineEvent.findFirst({ where: { attemptId, kind: "CHECK" }, orderBy: { at: "desc" } }),
    getReport(actor, attemptId, deps),
    deps.db.postmortem.findUnique({ where: { attemptId }, select: { status: true } }),
  ]);
  const taken = hintEvents.flatMap((e) => {
    const d = readEventData("HINT", e.data);
    return d ? [{ index: d.index, text: d.text, cost: d.cost }] : [];
  });
  const check = lastCheck ? readEventData("CHECK", lastCheck.data) : undefined;
  return {
    attemptId,
    mode,
    level: publicLevel(manifest),
    status: attempt.status,
    startedAt: attempt.startedAt.toISOString(),
    mitigatedAt: attempt.mitigatedAt?.toISOString() ?? null,
    budgetBurned: attempt.budgetBurned,
    checksTried: attempt.checksTried,
    players: attempt.members.map((m) => m.user.name),
    hints: { taken, costs: manifest.hints.map((h) => h.cost) },
    lastCheck:
      check && lastCheck ? { passed: check.passed, message: check.message, at: lastCheck.at.toISOString() } : null,
    report,
    postmortemStatus: postmortem?.status ?? null,
  };
}
