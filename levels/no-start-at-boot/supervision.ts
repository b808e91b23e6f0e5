/** Who runs the shop: the app's node processes and whether runit supervises each one. */
import type { ProcessFacts } from "../_sdk";

const NODE = /^(\S*\/)?node(js)?(\s|$)/;

export interface Supervision {
  /** node processes on the instance. */
  nodes: ProcessFacts[];
  /** Those whose parent is not a `runsv` (started by hand, orphaned by a one-shot hook…). */
  unsupervised: ProcessFacts[];
}

export function supervision(processes: ProcessFacts[]): Supervision {
  const byPid = new Map(processes.map((p) => [p.pid, p]));
  const nodes = processes.filter((p) => NODE.test(p.command));
  const unsupervised = nodes.filter((p) => !/^runsv\s/.test(byPid.get(p.ppid)?.command ?? ""));
  return { nodes, unsupervised };
}

export function describe(p: ProcessFacts): string {
  return `pid ${p.pid}, \`${p.command.slice(0, 80)}\``;
}
