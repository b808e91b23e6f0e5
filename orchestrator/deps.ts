/** What the use-cases share, built once by createOrchestrator (service.ts). */
import type { OrchestratorConfig } from "./config";
import type { EnvironmentDriver } from "./driver/types";
import type { EnvironmentRecord } from "./state/environment-record";
import type { EventBus } from "./events/event-bus";
import type { StackImages } from "./images/stack-images";
import type { LevelRegistry } from "./levels/level-registry";
import type { JsonDirStore } from "./state/json-dir-store";
import type { Gate } from "./util/gate";
import type { KeyedLock } from "./util/keyed-lock";

export interface Deps {
  config: OrchestratorConfig;
  driver: EnvironmentDriver;
  /** Environment records, one file each under <stateDir>/environments. */
  envs: JsonDirStore<EnvironmentRecord>;
  /** Warm-pool slot records under <stateDir>/pool. */
  pool: JsonDirStore<EnvironmentRecord>;
  /** Pre-broken pooled environments (fault applied, per level) under <stateDir>/pools. */
  pools: JsonDirStore<EnvironmentRecord>;
  /** Pre-broken pools' claims (level id → times in ms), for sizing by recent demand. */
  poolClaims: Map<string, number[]>;
  levels: LevelRegistry;
  images: StackImages;
  bus: EventBus;
  /** Per environment id (and per pool slot id). */
  locks: KeyedLock;
  /** Players' cold boots, a few at a time (config.bootParallel). */
  bootGate: Gate;
  /** Provisioning work running in this process, by environment id. */
  inflight: Map<string, Promise<EnvironmentRecord>>;
  /** Environments whose destroy was asked while provisioning: the provision stops at its next stage. */
  cancelled: Set<string>;
  /** Warm-pool slots (and pre-broken pooled environments) being handed to an environment right now. */
  claiming: Set<string>;
  /** `slot/instance` keys being restarted on purpose (a check, the restart route): not outages to heal. */
  restarting: Set<string>;
  now(): Date;
  /** Called before an environment's objects are removed: stop traffic, terminals and streams first. */
  onDestroy: ((envId: string) => void)[];
}
