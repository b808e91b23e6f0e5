/**
 * The web's forecast for the pre-broken pools (PUT /pools/demand), pure: per level, how many
 * starts to expect soon and why, from facts the database holds. Sources, each its own entry
 * (the orchestrator adds a level's entries up and caps them at 20):
 * - a game day starting within 30 min whose level is named: 1 per game day, until 15 min after
 *   its start (a game day with "a random level" is dealt only when it starts, so it is skipped);
 * - assignments of a named level due within 48 h (or without a due date, made in the last 24 h)
 *   whose assignee has not started them: one per person, until the latest due date;
 * - recent starts: half the people who started the level in the last 2 h, rounded up;
 * - "random pick": 1 for every other level a random start may deal, so a quiet moment's first
 *   player still finds one ready.
 * Only levels the orchestrator pools are named. Entries without an end of their own lapse after
 * 30 min, so a forecast the web stopped sending does not hold for ever.
 */
import type { PoolDemand } from "../contracts/orchestrator-api";
import { formatWeekdayTime } from "../format";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const RECENT_STARTS_MS = 2 * HOUR;
export const DUE_AHEAD_MS = 48 * HOUR;
export const NEW_ASSIGNMENT_MS = 24 * HOUR;
export const GAME_DAY_AHEAD_MS = 30 * MINUTE;
export const GAME_DAY_HOLD_MS = 15 * MINUTE;
export const FORECAST_TTL_MS = 30 * MINUTE;
const MAX_WANT = 20;
const MAX_ENTRIES = 200;
const MAX_REASON = 200;

export interface DemandFacts {
  /** Levels a start may deal (enabled in the catalogue) that the orchestrator pools (manifest `pool` not "off"). */
  poolableLevelIds: readonly string[];
  /** Training attempts a player started alone (certification ones never take a pooled environment). */
  recentStarts: readonly { levelId: string; userId: string; startedAt: Date }[];
  /** Training assignments of one named level, not completed, with no attempt under way or played. */
  openAssignments: readonly { levelId: string; assigneeId: string; dueAt: Date | null; createdAt: Date }[];
  /** Scheduled game days; `levelId` null when the level is dealt at the start. */
  gameDays: readonly { title: string; levelId: string | null; scheduledAt: Date }[];
}

type Entry = PoolDemand["levels"][number];

export function planDemand(facts: DemandFacts, now: Date): PoolDemand {
  const t = now.getTime();
  const poolable = new Set(facts.poolableLevelIds);
  const ttl = new Date(t + FORECAST_TTL_MS).toISOString();
  const entries = [
    ...gameDayEntries(facts, poolable, t),
    ...assignmentEntries(facts, poolable, t),
    ...recentStartEntries(facts, poolable, t, ttl),
  ];
  const wanted = new Set(entries.map((e) => e.levelId));
  const quiet = [...poolable].filter((id) => !wanted.has(id)).sort();
  return { levels: [...entries, ...quiet.map((id) => entry(id, 1, "random pick", ttl))].slice(0, MAX_ENTRIES) };
}

function entry(levelId: string, want: number, reason: string, until: string): Entry {
  const clipped = reason.length > MAX_REASON ? `${reason.slice(0, MAX_REASON - 1)}…` : reason;
  return { levelId, want: Math.min(MAX_WANT, want), reason: clipped, until };
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

function gameDayEntries(facts: DemandFacts, poolable: ReadonlySet<string>, t: number): Entry[] {
  return facts.gameDays
    .flatMap((g) => (g.levelId !== null && poolable.has(g.levelId) ? [{ ...g, levelId: g.levelId }] : []))
    .filter((g) => g.scheduledAt.getTime() <= t + GAME_DAY_AHEAD_MS && g.scheduledAt.getTime() + GAME_DAY_HOLD_MS > t)
    .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime())
    .map((g) =>
      entry(
        g.levelId,
        1,
        `game day '${g.title}' at ${formatWeekdayTime(g.scheduledAt)}`,
        new Date(g.scheduledAt.getTime() + GAME_DAY_HOLD_MS).toISOString(),
      ),
    );
}

/** One per person and level (the earliest due first); dated and undated ones are separate entries. */
function assignmentEntries(facts: DemandFacts, poolable: ReadonlySet<string>, t: number): Entry[] {
  const byPerson = new Map<string, { levelId: string; until: number; dated: boolean }>();
  const candidates = facts.openAssignments
    .filter((a) => poolable.has(a.levelId) && !startedSince(facts, a))
    .map((a) => ({
      levelId: a.levelId,
      assigneeId: a.assigneeId,
      dated: a.dueAt !== null,
      until: a.dueAt ? a.dueAt.getTime() : a.createdAt.getTime() + NEW_ASSIGNMENT_MS,
    }))
    .filter((a) => a.until > t && (!a.dated || a.until <= t + DUE_AHEAD_MS))
    .sort((a, b) => Number(b.dated) - Number(a.dated) || a.until - b.until);
  for (const a of candidates) {
    const key = `${a.levelId}\u0000${a.assigneeId}`;
    if (!byPerson.has(key)) byPerson.set(key, a);
  }
  const groups = new Map<string, { levelId: string; dated: boolean; count: number; until: number }>();
  for (const a of byPerson.values()) {
    const key = `${a.levelId}\u0000${a.dated}`;
    const g = groups.get(key) ?? { levelId: a.levelId, dated: a.dated, count: 0, until: 0 };
    groups.set(key, { ...g, count: g.count + 1, until: Math.max(g.until, a.until) });
  }
  return [...groups.values()]
    .sort((a, b) => a.levelId.localeCompare(b.levelId) || Number(b.dated) - Number(a.dated))
    .map((g) =>
      entry(
        g.levelId,
        g.count,
        g.dated
          ? `${plural(g.count, "assignment", "assignments")} due by ${formatWeekdayTime(new Date(g.until))}`
          : `${plural(g.count, "new assignment", "new assignments")} without a due date`,
        new Date(g.until).toISOString(),
      ),
    );
}

/** The assignee already started the level since it was assigned: that start is counted, the assignment not. */
function startedSince(facts: DemandFacts, a: DemandFacts["openAssignments"][number]): boolean {
  return facts.recentStarts.some(
    (s) => s.userId === a.assigneeId && s.levelId === a.levelId && s.startedAt.getTime() >= a.createdAt.getTime(),
  );
}

/** Half the people who started each level lately, rounded up (one person starting again counts once). */
function recentStartEntries(facts: DemandFacts, poolable: ReadonlySet<string>, t: number, until: string): Entry[] {
  const people = new Map<string, Set<string>>();
  for (const s of facts.recentStarts) {
    const at = s.startedAt.getTime();
    if (!poolable.has(s.levelId) || at <= t - RECENT_STARTS_MS || at > t) continue;
    people.set(s.levelId, (people.get(s.levelId) ?? new Set()).add(s.userId));
  }
  return [...people.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([levelId, who]) =>
      entry(
        levelId,
        Math.ceil(who.size / 2),
        `started by ${plural(who.size, "person", "people")} in the last 2 h`,
        until,
      ),
    );
}
