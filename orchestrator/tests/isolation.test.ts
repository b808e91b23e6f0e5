/**
 * Isolation matrix and security posture, measured from inside a real environment.
 * Only addresses on this machine are probed (container IPs, bridge gateways, the
 * host's own addresses); for the internet we only look at routes and rules.
 */
import assert from "node:assert/strict";
import { createServer, type Server } from "node:net";
import { networkInterfaces } from "node:os";
import { spawnSync } from "node:child_process";
import { after, before, test } from "node:test";
import { engineSecurityOptions } from "../docker/client";
import { inspectNetwork } from "../docker/networks";
import { bridgeName, networkName } from "../driver/names";
import { labelled, REAL_STACK, request, SHELL_INSTANCE, testOrchestrator } from "./support/harness";

const orch = testOrchestrator();
const listeners: Server[] = [];
let anyPort = 0;
let loopPort = 0;

function listen(host: string): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer((sock) => sock.end("hello\n"));
    listeners.push(s);
    s.listen(0, host, () => resolve((s.address() as { port: number }).port));
  });
}

before(async () => {
  await orch.start();
  await Promise.all([orch.provision(request("iso-a")), orch.provision(request("iso-b", "seed-2"))]);
  anyPort = await listen("0.0.0.0");
  loopPort = await listen("127.0.0.1");
});

after(async () => {
  for (const s of listeners) s.close();
  await Promise.all(["iso-a", "iso-b"].map((id) => orch.destroy(id).catch(() => undefined)));
  await orch.stop();
  assert.deepEqual(await labelled(orch.config.orchestratorId), { containers: [], networks: [], volumes: [] });
});

/**
 * Try TCP connects from inside iso-a, ten at a time (each costs three processes; all at once
 * could hit the instance's pids limit and lose a probe); returns "ip:port" → open?
 */
async function probe(targets: string[]): Promise<Map<string, boolean>> {
  const result = new Map<string, boolean>();
  for (let i = 0; i < targets.length; i += 10) {
    const batch = targets.slice(i, i + 10);
    const script = batch
      .map((t) => {
        const [ip, port] = t.split(":");
        return `( if timeout 2 bash -c 'exec 3<>/dev/tcp/${ip}/${port}' 2>/dev/null; then echo "${t} open"; else echo "${t} closed"; fi ) &`;
      })
      .join("\n");
    const r = await orch.exec("iso-a", SHELL_INSTANCE, `${script}\nwait`, { timeoutMs: 20_000 });
    const seen = new Set<string>();
    for (const line of r.stdout.trim().split("\n")) {
      const [t, state] = line.split(" ");
      if (t) {
        seen.add(t);
        result.set(t, state === "open");
      }
    }
    assert.equal(seen.size, new Set(batch).size, r.stdout + r.stderr);
  }
  assert.equal(result.size, new Set(targets).size);
  return result;
}

async function addresses(envId: string): Promise<string[]> {
  const rec = orch.deps.envs.get(envId);
  assert.ok(rec);
  return (await orch.deps.driver.instances(rec.slot)).map((i) => i.address).filter((a): a is string => Boolean(a));
}

test("inside one environment, instances reach each other (the probe works)", async () => {
  const port = REAL_STACK ? 80 : 80;
  const [proxy] = (await orch.deps.driver.instances("iso-a")).filter((i) => i.name === "proxy").map((i) => i.address);
  const r = await probe([`${proxy}:${port}`]);
  assert.equal(r.get(`${proxy}:${port}`), true);
});

test("zero connections to another environment, the bridge gateway or the host", async () => {
  const net = await inspectNetwork(networkName(orch.config.orchestratorId, "iso-a"));
  const gateway = net?.IPAM?.Config?.[0]?.Gateway;
  assert.ok(gateway, "the network has a gateway address");
  const hostIps = Object.values(networkInterfaces())
    .flat()
    .filter((i) => i && i.family === "IPv4" && !i.internal)
    .map((i) => i!.address);
  const other = await addresses("iso-b");
  assert.ok(other.length >= 3);
  const hostPorts = [22, 80, 3000, 4100, 5432, anyPort, loopPort];
  const targets = [
    ...other.flatMap((ip) => [80, 3000, 5432, 8080].map((p) => `${ip}:${p}`)),
    ...hostPorts.map((p) => `${gateway}:${p}`),
    ...hostIps.filter((ip) => ip !== gateway).flatMap((ip) => [anyPort, 3000, 4100].map((p) => `${ip}:${p}`)),
  ];
  const results = await probe(targets);
  const open = [...results].filter(([, ok]) => ok).map(([t]) => t);
  assert.deepEqual(open, [], `connections that succeeded: ${open.join(", ")}`);
  console.log(`# isolation: ${targets.length} targets probed, 0 reachable`);
});

test("no way out: the network is internal and the engine drops forwarding off its subnet", async () => {
  const net = await inspectNetwork(networkName(orch.config.orchestratorId, "iso-a"));
  assert.equal(net?.Internal, true);
  const bridge = bridgeName(networkName(orch.config.orchestratorId, "iso-a"));
  assert.equal(net?.Options?.["com.docker.network.bridge.name"], bridge);
  const subnet = net?.IPAM?.Config?.[0]?.Subnet;
  // Only look at the rules: no packet leaves for a public address.
  const rules = spawnSync("iptables", ["-w", "5", "-S"], { encoding: "utf8" }).stdout;
  assert.ok(rules.includes(`! -d ${subnet} -i ${bridge} -j DROP`), `forward drop for ${bridge}`);
  assert.match(rules, /-A INPUT -i fd-\+ -j FIREDRILL-INPUT/);
  // The route lookup happens in the kernel only (no packet is sent).
  const route = await orch.exec(
    "iso-a",
    SHELL_INSTANCE,
    "ip route get 1.1.1.1 2>&1 || true; cat /etc/resolv.conf | grep -c nameserver || true",
  );
  console.log(`# route to a public address from inside: ${route.stdout.split("\n")[0]}`);
});

/** Linux capability numbers (include/uapi/linux/capability.h). */
const CAPS = [
  "CHOWN",
  "DAC_OVERRIDE",
  "DAC_READ_SEARCH",
  "FOWNER",
  "FSETID",
  "KILL",
  "SETGID",
  "SETUID",
  "SETPCAP",
  "LINUX_IMMUTABLE",
  "NET_BIND_SERVICE",
  "NET_BROADCAST",
  "NET_ADMIN",
  "NET_RAW",
  "IPC_LOCK",
  "IPC_OWNER",
  "SYS_MODULE",
  "SYS_RAWIO",
  "SYS_CHROOT",
  "SYS_PTRACE",
  "SYS_PACCT",
  "SYS_ADMIN",
  "SYS_BOOT",
  "SYS_NICE",
  "SYS_RESOURCE",
  "SYS_TIME",
  "SYS_TTY_CONFIG",
  "MKNOD",
  "LEASE",
  "AUDIT_WRITE",
  "AUDIT_CONTROL",
  "SETFCAP",
  "MAC_OVERRIDE",
  "MAC_ADMIN",
  "SYSLOG",
  "WAKE_ALARM",
  "BLOCK_SUSPEND",
  "AUDIT_READ",
  "PERFMON",
  "BPF",
  "CHECKPOINT_RESTORE",
];

function capsOf(hex: string): string[] {
  const bits = BigInt(`0x${hex}`);
  return CAPS.filter((_, i) => (bits >> BigInt(i)) & 1n).sort();
}

test("posture: capabilities, no-new-privileges, seccomp, no Docker socket, memory and pids limits", async () => {
  const stack = await orch.deps.levels.stack(orch.deps.envs.get("iso-a")!.stack);
  const seccomp = (await engineSecurityOptions()).some((o) => o.includes("seccomp"));
  for (const inst of stack.instances) {
    const r = await orch.exec(
      "iso-a",
      inst.name,
      [
        "grep -E '^(CapEff|CapBnd|NoNewPrivs|Seccomp):' /proc/1/status",
        "echo sock=$(ls /var/run/docker.sock /run/docker.sock 2>/dev/null | wc -l)",
        "echo mem=$(cat /sys/fs/cgroup/memory/memory.limit_in_bytes 2>/dev/null || cat /sys/fs/cgroup/memory.max)",
        "echo pids=$(cat /sys/fs/cgroup/pids/pids.max 2>/dev/null || cat /sys/fs/cgroup/pids.max)",
        "echo nofile=$(ulimit -n)",
      ].join("; "),
    );
    const v = Object.fromEntries(
      r.stdout
        .trim()
        .split("\n")
        .map((l) => l.split(/[:=]\s*/) as [string, string]),
    );
    const allowed = [...inst.capAdd].sort();
    assert.deepEqual(capsOf(v.CapBnd ?? ""), allowed, `${inst.name} bounding set`);
    assert.ok(
      capsOf(v.CapEff ?? "").every((c) => allowed.includes(c)),
      `${inst.name} effective ⊆ allowed`,
    );
    assert.equal(v.NoNewPrivs, "1", `${inst.name} no-new-privileges`);
    if (seccomp) assert.equal(v.Seccomp, "2", `${inst.name} seccomp filter`);
    assert.equal(v.sock, "0", `${inst.name} has no Docker socket`);
    assert.equal(Number(v.mem), inst.memoryMb * 1024 * 1024, `${inst.name} memory limit`);
    assert.equal(Number(v.pids), inst.pids, `${inst.name} pids limit`);
    assert.equal(Number(v.nofile), inst.nofile, `${inst.name} open files`);
  }
  if (!seccomp)
    console.log("# this engine reports no seccomp support; the default profile applies where the engine has one");
});
