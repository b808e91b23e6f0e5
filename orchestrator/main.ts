/**
 * Entry: `tsx orchestrator/main.ts`. Environment checked with zod (see config.ts),
 * engine reconciled, then the API listens on ORCHESTRATOR_HOST (loopback by default).
 */
import { exitWithParent } from "../scripts/lib/exit-with-parent";
import { configFromEnv } from "./config";
import { startApiServer } from "./http/server";
import { createOrchestrator } from "./service";

async function main(): Promise<void> {
  const config = configFromEnv();
  if (!["127.0.0.1", "::1", "localhost"].includes(config.host)) {
    config.log("warn", `listening on ${config.host}: environments must not reach this API; keep the host firewall on`);
  }
  const orch = createOrchestrator(config);
  await orch.start();
  const api = await startApiServer(orch);
  config.log("info", `listening on http://${config.host}:${api.port}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    config.log("info", `${signal}: stopping (environments keep running and are adopted at the next start)`);
    await api.close();
    await orch.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
  // Started by `npm start`: stop when it is gone, so nothing keeps the port.
  exitWithParent((why) => void stop(why));
}

main().catch((err: unknown) => {
  console.error(`[orchestrator] cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
