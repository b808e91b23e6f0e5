/**
 * Shared set-up for the orchestrator's Docker tests: a levels folder made of
 * the fixtures plus the real victim stack (levels/_stack) when it exists, a
 * fresh data folder per orchestrator, and a look at what is left labelled.
 */
import { existsSync, mkdtempSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { signAccessToken } from "../../../lib/contracts/access-token";
import { listContainers } from "../../docker/containers";
import { listNetworks } from "../../docker/networks";
import { listVolumes } from "../../docker/volumes";
import { ownedFilter } from "../../driver/labels";
import { createOrchestrator, type Orchestrator, type OrchestratorOptions } from "../../service";

const ROOT = resolve(import.meta.dirname, "../../..");
const FIXTURES = join(ROOT, "orchestrator/tests/fixtures/levels");
/** FD_TEST_STACK=mini forces the tiny fixture stack (quick runs while the real stack is rebuilt). */
export const REAL_STACK = existsSync(join(ROOT, "levels/_stack/stack.yaml")) && process.env.FD_TEST_STACK !== "mini";
/** The level the tests provision: on the real shop stack when it exists, else on the tiny fixture stack. */
export const LEVEL = REAL_STACK ? "fixture-shop" : "fixture-broken-file";
/** An instance that has bash, curl or /dev/tcp, and a volume. */
export const SHELL_INSTANCE = REAL_STACK ? "app" : "proxy";
export const SECRET = "test-secret-test-secret-test-secret";

let levelsDir: string | undefined;

export function testLevelsDir(): string {
  if (levelsDir) return levelsDir;
  const dir = mkdtempSync(join(tmpdir(), "fd-levels-"));
  // One stack only: the warm pool keeps a slot per stack in use, and CI need not build both.
  if (!REAL_STACK) {
    symlinkSync(join(FIXTURES, "_mini"), join(dir, "_mini"));
    symlinkSync(join(FIXTURES, "fixture-broken-file"), join(dir, "fixture-broken-file"));
  } else {
    symlinkSync(join(ROOT, "levels/_stack"), join(dir, "_stack"));
    symlinkSync(join(FIXTURES, "fixture-shop"), join(dir, "fixture-shop"));
  }
  levelsDir = dir;
  return dir;
}

export function tempDataDir(): string {
  return mkdtempSync(join(tmpdir(), "fd-data-"));
}

const quiet = () => undefined;

export function testOrchestrator(opts: OrchestratorOptions = {}): Orchestrator {
  return createOrchestrator({
    dataDir: tempDataDir(),
    levelsDir: testLevelsDir(),
    warmPool: 0,
    poolFloor: 0,
    secret: SECRET,
    reconcileSeconds: 3600,
    log: process.env.FD_TEST_LOG
      ? (l, m) => console.log(`${new Date().toISOString().slice(11, 23)} [${l}] ${m}`)
      : quiet,
    ...opts,
  });
}

/** Everything this orchestrator has labelled, by kind. */
export async function labelled(
  orchestratorId: string,
): Promise<{ containers: string[]; networks: string[]; volumes: string[] }> {
  const f = ownedFilter(orchestratorId);
  const [c, n, v] = await Promise.all([listContainers(f), listNetworks(f), listVolumes(f)]);
  return {
    containers: c.map((x) => x.Names[0] ?? x.Id),
    networks: n.map((x) => x.Name),
    volumes: v.map((x) => x.Name),
  };
}

export function token(env: string, attempt: string, mode: "rw" | "ro" = "rw", name = "tester"): string {
  return signAccessToken({ env, attempt, sub: `user-${name}`, name, mode }, SECRET);
}

export function request(id: string, seed = "seed-1") {
  return { id, attemptId: `attempt-${id}`, levelId: LEVEL, seed };
}
