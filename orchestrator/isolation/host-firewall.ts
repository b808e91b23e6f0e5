/**
 * Defence beyond Docker's defaults: drop what environments send to the host
 * itself. Docker's `Internal` networks stop forwarding (no internet, no other
 * environment) but the host's own addresses stay reachable from a container
 * through its bridge, so any host service bound to 0.0.0.0 (a dev server, a
 * database) would be exposed to players. Every firedrill bridge is named
 * `fd-…`, so one INPUT rule covers them all:
 *
 *   INPUT -i fd-+ -j FIREDRILL-INPUT
 *   FIREDRILL-INPUT -m conntrack --ctstate ESTABLISHED,RELATED -j RETURN   (replies to the host's own requests: mock client, app proxy)
 *   FIREDRILL-INPUT -j DROP
 *
 * Rules are checked with -C before being added, so applying twice changes nothing.
 * Spawned with argv arrays, never a shell string.
 */
import { spawn } from "node:child_process";

export const CHAIN = "FIREDRILL-INPUT";
export const BRIDGE_MATCH = "fd-+";

export type Run = (cmd: string, args: string[]) => Promise<{ code: number; stderr: string }>;

interface Step {
  /** Skip `add` when `check` exits 0. */
  check?: string[];
  add: string[];
  /** An `add` failing with this in stderr is fine (e.g. the chain exists). */
  okIf?: RegExp;
}

export function firewallSteps(): Step[] {
  const established = ["-m", "conntrack", "--ctstate", "ESTABLISHED,RELATED", "-j", "RETURN"];
  const jump = ["-i", BRIDGE_MATCH, "-j", CHAIN];
  return [
    { add: ["-N", CHAIN], okIf: /already exists/i },
    { check: ["-C", CHAIN, ...established], add: ["-I", CHAIN, "1", ...established] },
    { check: ["-C", CHAIN, "-j", "DROP"], add: ["-A", CHAIN, "-j", "DROP"] },
    { check: ["-C", "INPUT", ...jump], add: ["-I", "INPUT", "1", ...jump] },
  ];
}

export const spawnRun: Run = (cmd, args) =>
  new Promise((resolve) => {
    const child = spawn(cmd, args, { stdio: ["ignore", "ignore", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (b: Buffer) => (stderr += b.toString()));
    child.on("error", (err) => resolve({ code: 127, stderr: err.message }));
    child.on("close", (code) => resolve({ code: code ?? 1, stderr }));
  });

export interface FirewallResult {
  applied: boolean;
  /** Per tool (iptables, ip6tables): what happened. */
  details: string[];
}

export async function applyHostFirewall(
  run: Run = spawnRun,
  isRoot = process.getuid?.() === 0,
  tools = ["iptables", "ip6tables"],
): Promise<FirewallResult> {
  if (!isRoot) return { applied: false, details: ["not root: relying on loopback-only host services"] };
  const details: string[] = [];
  let applied = false;
  for (const tool of tools) {
    const probe = await run(tool, ["-w", "5", "-S", "INPUT"]);
    if (probe.code !== 0) {
      details.push(`${tool}: unavailable (${probe.stderr.trim().split("\n")[0] ?? probe.code})`);
      continue;
    }
    let added = 0;
    let failed = "";
    for (const step of firewallSteps()) {
      if (step.check && (await run(tool, ["-w", "5", ...step.check])).code === 0) continue;
      const res = await run(tool, ["-w", "5", ...step.add]);
      if (res.code === 0) added++;
      else if (!step.okIf?.test(res.stderr)) {
        failed = `${step.add.join(" ")}: ${res.stderr.trim()}`;
        break;
      }
    }
    if (failed) details.push(`${tool}: failed at ${failed}`);
    else {
      applied = applied || tool === "iptables";
      details.push(`${tool}: ${added ? `${added} rule(s) added` : "already in place"}`);
    }
  }
  return { applied, details };
}
