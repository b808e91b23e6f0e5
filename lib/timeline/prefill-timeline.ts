/**
 * The postmortem's timeline, drafted from what the attempt recorded: the start,
 * declarations, commands (runs of them grouped so the draft stays readable),
 * checks, SLI changes, hints and mitigation. The player edits it from there.
 * An SLI worsening while a check ran or settled is the check's doing and is
 * left out, so the draft never says "Service degraded" right after the pass.
 */
import { describeEvent, type TimelineEventLike } from "./describe-event";
import { readEventData, type SliState } from "./event-data";
import { checkRuns } from "./check-runs";
import { duringCheck, isSliChange, RANK_OF } from "./sli";

export interface TimelineEntry {
  /** ISO timestamp. */
  at: string;
  text: string;
}

/** Commands on the same instance less than this apart are one entry. */
const COMMAND_GROUP_MS = 90_000;
const MAX_COMMANDS_PER_ENTRY = 6;

export function prefillTimeline(input: {
  startedAt: Date;
  mitigatedAt: Date | null;
  events: TimelineEventLike[];
}): TimelineEntry[] {
  const out: TimelineEntry[] = [
    { at: input.startedAt.toISOString(), text: "Incident began: the on-call engineer was paged with the briefing" },
  ];
  const events = [...input.events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const runs = checkRuns(events);
  let sli: SliState | null = null;
  let group: { instance: string; first: Date; last: Date; commands: string[] } | undefined;
  const flush = () => {
    if (!group) return;
    const shown = group.commands.slice(0, MAX_COMMANDS_PER_ENTRY);
    const more = group.commands.length - shown.length;
    const list = shown.map((c) => `\`${c}\``).join(", ") + (more > 0 ? ` and ${more} more` : "");
    out.push({ at: group.first.toISOString(), text: `Investigated on ${group.instance}: ${list}` });
    group = undefined;
  };
  for (const e of events) {
    if (e.kind === "COMMAND") {
      const d = readEventData("COMMAND", e.data);
      if (!d) continue;
      if (group && group.instance === d.instance && e.at.getTime() - group.last.getTime() < COMMAND_GROUP_MS) {
        group.commands.push(d.command);
        group.last = e.at;
      } else {
        flush();
        group = { instance: d.instance, first: e.at, last: e.at, commands: [d.command] };
      }
      continue;
    }
    // Chat, roles and the game's own bookkeeping (started, submitted…) are not the incident's story;
    // a machine that died and came back is.
    const machine = e.kind === "SYSTEM" ? readEventData("SYSTEM", e.data)?.message : undefined;
    if (machine?.startsWith("Machine ")) {
      flush();
      out.push({ at: e.at.toISOString(), text: machine });
      continue;
    }
    if (e.kind === "CHAT" || e.kind === "ROLE" || e.kind === "SYSTEM") continue;
    if (e.kind === "SLI") {
      // Older records hold the rolling window's half-way point of a recovery as "degraded": not news.
      const state = readEventData("SLI", e.data)?.state;
      if (state && !isSliChange(sli, state)) continue;
      // Nor a worsening while a check ran or settled (recorded before starts were): the check's own doing.
      if (state && sli !== null && RANK_OF[state] > RANK_OF[sli] && runs.some((r) => duringCheck(e.at.getTime(), r)))
        continue;
      if (state) sli = state;
    }
    flush();
    out.push({ at: e.at.toISOString(), text: describeEvent(e) });
  }
  flush();
  const checkPassed = events.some((e) => e.kind === "CHECK" && readEventData("CHECK", e.data)?.passed);
  if (input.mitigatedAt && !checkPassed)
    out.push({
      at: input.mitigatedAt.toISOString(),
      text: "Mitigated: the fix was verified and the service recovered",
    });
  return out.sort((a, b) => a.at.localeCompare(b.at));
}
