/** Everything the incident room renders first; the live parts then come from polling and the sockets. */
import type { Role } from "@prisma/client";
import type { Actor } from "../auth/actor";
import type { PublicLevel } from "../levels/manifest-schema";
import { getReport, type ReportView } from "../reports/get-report";
import { readEventData } from "../timeline/event-data";
import { authorizeAttempt, type AttemptMode } from "../core/attempt-access";
import { defaultDeps, type Deps } from "../core/deps";
import { manifestOf, publicLevel } from "../core/level-manifest";

export interface RoomMember {
  userId: string;
  name: string;
  /** The incident role: PLAYER (a responder), COMMANDER, OPERATOR or COMMUNICATIONS. */
  role: string;
}

export interface RoomView {
  attemptId: string;
  mode: AttemptMode;
  /** CERTIFICATION: the level's own objectives and its hints are withheld. */
  playMode: "TRAINING" | "CERTIFICATION";
  kind: "SOLO" | "TEAM";
  /** Who is looking (the room shows facilitators their inject panel). */
  viewer: { id: string; role: Role };
  members: RoomMember[];
  severity: string | null;
  gameDayTitle: string | null;
  /** The level's second faults, for facilitators watching only (empty for everyone else). */
  injects: { id: string; title: string; description: string }[];
  level: PublicLevel;
  status: string;
  /** The environment was ready when the page was made: the room asks for its shells at once (a pooled claim). */
  environmentReady: boolean;
  startedAt: string;
  mitigatedAt: string | null;
  detectedAt: string | null;
  budgetBurned: number;
  checksTried: number;
  players: string[];
  hints: { taken: { index: number; text: string; cost: number }[]; costs: number[] };
  lastCheck: { passed: boolean; unjudged: boolean; message: string; at: string } | null;
  report: ReportView;
  postmortemStatus: string | null;
}

export async function getRoom(actor: Actor, attemptId: string, deps: Deps = defaultDeps()): Promise<RoomView> {
  const { attempt, mode } = await authorizeAttempt(deps.db, actor, attemptId, "read");
  const manifest = manifestOf(attempt.level);
  const [hintEvents, lastCheck, report, postmortem, gameDay] = await Promise.all([
    deps.db.timelineEvent.findMany({ where: { attemptId, kind: "HINT" }, orderBy: { at: "asc" } }),
    deps.db.timelineEvent.findFirst({ where: { attemptId, kind: "CHECK" }, orderBy: { at: "desc" } }),
    getReport(actor, attemptId, deps),
    deps.db.postmortem.findUnique({ where: { attemptId }, select: { status: true } }),
    attempt.gameDayId
      ? deps.db.gameDay.findUnique({ where: { id: attempt.gameDayId }, select: { title: true } })
      : Promise.resolve(null),
  ]);
  const certifying = attempt.playMode === "CERTIFICATION";
  const facilitating = mode === "ro" && (actor.role === "FACILITATOR" || actor.role === "ADMIN");
  const taken = hintEvents.flatMap((e) => {
    const d = readEventData("HINT", e.data);
    return d ? [{ index: d.index, text: d.text, cost: d.cost }] : [];
  });
  const check = lastCheck ? readEventData("CHECK", lastCheck.data) : undefined;
  return {
    attemptId,
    mode,
    playMode: attempt.playMode,
    kind: attempt.kind,
    viewer: { id: actor.id, role: actor.role },
    members: attempt.members.map((m) => ({ userId: m.userId, name: m.user.name, role: m.role })),
    severity: attempt.severity,
    gameDayTitle: gameDay?.title ?? null,
    injects: facilitating
      ? manifest.injects.map((i) => ({ id: i.id, title: i.title, description: i.description }))
      : [],
    level: publicLevel(manifest, attempt.playMode),
    status: attempt.status,
    environmentReady: attempt.environment?.state === "READY",
    startedAt: attempt.startedAt.toISOString(),
    mitigatedAt: attempt.mitigatedAt?.toISOString() ?? null,
    detectedAt: attempt.detectedAt?.toISOString() ?? null,
    budgetBurned: attempt.budgetBurned,
    checksTried: attempt.checksTried,
    players: attempt.members.map((m) => m.user.name),
    hints: certifying ? { taken: [], costs: [] } : { taken, costs: manifest.hints.map((h) => h.cost) },
    lastCheck:
      check && lastCheck
        ? {
            passed: check.passed,
            unjudged: Boolean(check.unjudged),
            message: check.message,
            at: lastCheck.at.toISOString(),
          }
        : null,
    report,
    postmortemStatus: postmortem?.status ?? null,
  };
}
