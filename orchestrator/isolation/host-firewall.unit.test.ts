import assert from "node:assert/strict";
import { test } from "node:test";
import { applyHostFirewall, CHAIN, firewallSteps, type Run } from "./host-firewall";

/** A fake iptables keeping a rule set, answering -C/-N/-I/-A/-S like the real one. */
function fakeIptables(): { run: Run; rules: Set<string>; calls: string[][] } {
  const rules = new Set<string>();
  const chains = new Set(["INPUT"]);
  const calls: string[][] = [];
  const answer = (cmd: string, args: string[]): { code: number; stderr: string } => {
    calls.push([cmd, ...args]);
    const a = args.filter((x, i) => !(x === "-w" || args[i - 1] === "-w"));
    const [op, chain, ...rest] = a;
    const key = (parts: string[]) => `${chain} ${parts.filter((p, i) => !(i === 0 && /^\d+$/.test(p))).join(" ")}`;
    switch (op) {
      case "-S":
        return { code: 0, stderr: "" };
      case "-N":
        if (chains.has(chain as string)) return { code: 1, stderr: "iptables: Chain already exists." };
        chains.add(chain as string);
        return { code: 0, stderr: "" };
      case "-C":
        return { code: rules.has(key(rest)) ? 0 : 1, stderr: "" };
      case "-I":
      case "-A":
        rules.add(key(rest));
        return { code: 0, stderr: "" };
    }
    return { code: 2, stderr: `unknown ${op}` };
  };
  const run: Run = (cmd, args) => Promise.resolve(answer(cmd, args));
  return { run, rules, calls };
}

test("the plan drops what fd-* bridges send to the host, except replies", () => {
  const adds = firewallSteps().map((s) => s.add.join(" "));
  assert.deepEqual(adds, [
    `-N ${CHAIN}`,
    `-I ${CHAIN} 1 -m conntrack --ctstate ESTABLISHED,RELATED -j RETURN`,
    `-A ${CHAIN} -j DROP`,
    `-I INPUT 1 -i fd-+ -j ${CHAIN}`,
  ]);
});

test("applying twice adds the rules once (idempotent)", async () => {
  const fw = fakeIptables();
  const first = await applyHostFirewall(fw.run, true, ["iptables"]);
  assert.equal(first.applied, true);
  assert.equal(fw.rules.size, 3);
  assert.match(first.details[0] ?? "", /4 rule\(s\) added/);
  const second = await applyHostFirewall(fw.run, true, ["iptables"]);
  assert.equal(fw.rules.size, 3);
  assert.match(second.details[0] ?? "", /already in place/);
});

test("argv arrays only, with -w so a busy xtables lock waits instead of failing", async () => {
  const fw = fakeIptables();
  await applyHostFirewall(fw.run, true, ["iptables"]);
  for (const call of fw.calls) {
    assert.equal(call[0], "iptables");
    assert.equal(call[1], "-w");
    assert.ok(call.every((part) => !part.includes(";") && !part.includes("&&")));
  }
});

test("not root, or no iptables: nothing is attempted, and it says why", async () => {
  const fw = fakeIptables();
  const notRoot = await applyHostFirewall(fw.run, false);
  assert.equal(notRoot.applied, false);
  assert.equal(fw.calls.length, 0);
  const missing = await applyHostFirewall(() => Promise.resolve({ code: 127, stderr: "spawn iptables ENOENT" }), true, [
    "iptables",
  ]);
  assert.equal(missing.applied, false);
  assert.match(missing.details[0] ?? "", /unavailable/);
});
