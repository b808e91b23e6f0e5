/** What the attempt use-cases reach outside themselves; tests pass their own orchestrator. */
import "server-only";
import type { PrismaClient } from "@prisma/client";
import { db } from "../db/client";
import { orchestrator, type OrchestratorClient } from "../orchestrator-client/client";

export interface Deps {
  db: PrismaClient;
  orchestrator: OrchestratorClient;
  now: () => Date;
}

export function defaultDeps(overrides: Partial<Deps> = {}): Deps {
  return { db, orchestrator, now: () => new Date(), ...overrides };
}
