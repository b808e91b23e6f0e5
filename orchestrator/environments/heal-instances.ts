/**
 * Heal fast and say so: when the engine reports that a container of a ready
 * environment stopped (crash, OOM, `docker kill`), it is started again within a
 * second or two instead of at the next reconcile, and the room hears each step:
 * "db is down — restarting", then "db is back". A deliberate restart (a check
 * proving a fix survives one) is back before the look, and says nothing. A dead
 * keeper took the tmpfs volumes with it: the environment is lost, as reconcile
 * would decide.
 */
import type { Deps } from "../deps";
import type { InstanceExit } from "../driver/types";
import { messageOf } from "../errors";
import type { EnvironmentEvent } from "../events/event-bus";
import { save } from "./environment-view";
import { markLost } from "./reconcile";
import { waitHealthy } from "./wait-healthy";

/** Let a restart finish (die → start in milliseconds) before deciding the instance is down. */
const SETTLE_MS = 300;

function why(e: InstanceExit): string {
  if (e.action === "oom") return "out of memory";
  return e.exitCode === null ? e.action : `exit ${e.exitCode}`;
}

export function healInstances(deps: Deps, isStopped: () => boolean): () => void {
  const pending = new Map<string, InstanceExit>();
  const announce = async (
    envId: string,
    event: Omit<Extract<EnvironmentEvent, { type: "instance" }>, "type" | "at">,
  ) => {
    const at = deps.now().toISOString();
    deps.config.log(event.state === "up" ? "info" : "warn", `${envId}: ${event.message}`);
    deps.bus.publish(envId, { type: "instance", at, ...event });
    // Kept on the record too (under the environment's lock): the web puts it on the attempt's timeline.
    const cur = deps.envs.get(envId);
    if (cur) await save(deps, { ...cur, machineEvents: [...cur.machineEvents, { ...event, at }].slice(-20) });
  };

  const heal = async (slot: string, exit: InstanceExit) => {
    const rec = deps.envs.all().find((r) => r.slot === slot && r.state === "ready");
    if (!rec || isStopped() || deps.restarting.has(`${slot}/${exit.instance}`)) return;
    await deps.locks.run(rec.id, async () => {
      const current = deps.envs.get(rec.id);
      if (current?.state !== "ready") return;
      const down = (await deps.driver.instances(slot)).filter(
        (i) => i.state !== "running" && !deps.restarting.has(`${slot}/${i.name}`),
      );
      // Restarted already (a deliberate restart); a keeper is not listed among instances: always look.
      if (down.length === 0 && exit.instance !== "keeper") return;
      const downAt = exit.at;
      for (const i of down) {
        await announce(rec.id, {
          instance: i.name,
          state: "down",
          message: `${i.name} is down (${i.name === exit.instance ? why(exit) : i.state}) — restarting`,
        });
      }
      const started = await deps.driver.startStopped(slot);
      if (started.includes("keeper")) {
        await announce(rec.id, {
          instance: "keeper",
          state: "lost",
          message: "the environment lost its volumes and cannot be restored; start a new one",
        });
        await markLost(deps, current, "its volumes were lost when their keeper stopped", new Set());
        return;
      }
      const seconds = () => ((Date.now() - downAt) / 1000).toFixed(1);
      for (const name of started) {
        await announce(rec.id, {
          instance: name,
          state: "started",
          message: `${name} restarted — waiting for it to answer`,
        });
      }
      // Its service may take a while to answer (recovery after a kill): the room hears when it does.
      const stack = await deps.levels.stack(current.stack);
      await Promise.all(
        started.map(async (name) => {
          const spec = stack.instances.find((s) => s.name === name);
          const outcome = spec
            ? await waitHealthy(deps.driver, slot, spec, 120_000, { failWhenExited: true })
            : { healthy: true, state: "running" };
          await announce(rec.id, {
            instance: name,
            state: outcome.healthy ? "up" : "down",
            message: outcome.healthy
              ? `${name} is back (answering ${seconds()} s after it stopped)`
              : `${name} restarted but does not answer (${outcome.state})`,
          });
        }),
      );
    });
  };

  return deps.driver.watchExits(
    (exit) => {
      if (isStopped()) return;
      if (pending.has(exit.slot)) {
        // The "die" that follows a "kill" says more (the exit code).
        if (exit.action !== "kill") pending.set(exit.slot, exit);
        return;
      }
      pending.set(exit.slot, exit);
      setTimeout(() => {
        const latest = pending.get(exit.slot) ?? exit;
        pending.delete(exit.slot);
        heal(exit.slot, latest).catch((err) => deps.config.log("warn", `healing ${exit.slot}: ${messageOf(err)}`));
      }, SETTLE_MS).unref();
    },
    (trouble) => deps.config.log("warn", trouble),
  );
}
