/**
 * A fault's service starts at once, not at runsvdir's next look (every 5 s): `enableService` asks
 * runsvdir to look now (SIGALRM), on the real stack image. Without the asking, a service linked 0.3 s
 * after runsvdir's first look waits about 4.7 s.
 */
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { test } from "node:test";
import { ensureStackImage } from "../../orchestrator/images/ensure-stack-image";
import { enableService } from "../_lib/runit";

test(
  "a service enabled by a fault is supervised within 2 s, wherever runsvdir is in its 5 s wait",
  { timeout: 300_000 },
  async () => {
    const image = await ensureStackImage("levels", "_stack", () => undefined);
    const trial = (delay: number, name: string) =>
      [
        `mkdir -p /etc/sv/${name} && printf '#!/bin/sh\\nexec sleep 600\\n' > /etc/sv/${name}/run && chmod 755 /etc/sv/${name}/run`,
        `sleep ${delay}`,
        `a=$(date +%s%N)`,
        ...enableService(name),
        `test -e /etc/service/${name}/supervise/ok`,
        `echo "${delay} $(( ($(date +%s%N) - a) / 1000000 ))"`,
      ].join("\n");
    const script = [
      `set -e`,
      `mkdir -p /etc/service && runsvdir -P /etc/service & sleep 0.2`,
      trial(0.3, "first"),
      trial(1.6, "second"),
      trial(3.1, "third"),
    ].join("\n");
    const out = execFileSync("docker", ["run", "--rm", "--entrypoint", "bash", image.tag, "-c", script], {
      encoding: "utf8",
      timeout: 120_000,
    });
    const times = out
      .trim()
      .split("\n")
      .map((l) => l.split(" ").map(Number) as [number, number]);
    console.log(`# linked after (s) → supervised after (ms): ${JSON.stringify(times)}`);
    assert.equal(times.length, 3, out);
    for (const [delay, ms] of times)
      assert.ok(ms < 2000, `linked ${delay} s into runsvdir's wait: supervised after ${ms} ms`);
  },
);
