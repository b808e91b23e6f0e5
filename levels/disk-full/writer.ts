/**
 * The runaway writer as the host's `ps` sees it (observe.processes): whatever its service
 * supervisor (`runsv <service>`) runs, and any process still carrying the writer's own
 * command line (`yes … DEBUG <service>: captured request …`, or the `sh -c` loop around it),
 * stopped, blocked or running. A file swapped for a FIFO or a /dev/null link leaves it alive.
 */
import type { ProcessFacts } from "../_sdk";

/** The fault's marker in the writer's command line (see fault.ts). */
export function writerMarker(service: string | number): string {
  return `DEBUG ${service}: captured request`;
}

export function writerProcesses(ps: ProcessFacts[], service: string | number): ProcessFacts[] {
  const found = new Set<number>();
  const marker = writerMarker(service);
  for (const p of ps) {
    if (p.command.trim() === `runsv ${service}`) found.add(p.pid);
    // The loop and its `yes`: a program run with the marker in its arguments, not a search for it.
    if (/^(\S*\/)?(yes|sh|dash|bash|chpst)\s/.test(p.command) && p.command.includes(marker)) found.add(p.pid);
  }
  // Everything under those (runsv's run script, the loop's children).
  let grew = true;
  while (grew) {
    grew = false;
    for (const p of ps)
      if (!found.has(p.pid) && found.has(p.ppid)) {
        found.add(p.pid);
        grew = true;
      }
  }
  // runsv itself only supervises: a service that is down leaves it idle, and that is fine.
  return ps.filter((p) => found.has(p.pid) && p.command.trim() !== `runsv ${service}`);
}

/** "pid 812 (stopped): yes 2024-05-01T… DEBUG request-tracer…" */
export function describeProcess(p: ProcessFacts): string {
  const state = p.state.startsWith("T") ? "stopped" : p.state.startsWith("R") ? "running" : "waiting";
  const command = p.command.length > 70 ? `${p.command.slice(0, 70)}…` : p.command;
  return `pid ${p.pid} (${state}): ${command}`;
}
