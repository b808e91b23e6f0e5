/**
 * Pub/sub of per-environment events behind an interface: in memory today; a
 * Redis or Postgres implementation lets several orchestrator or web nodes share
 * them later without touching publishers or the socket handlers.
 */
import type { EnvironmentView, InstanceStats, SliSample } from "../../lib/contracts/orchestrator-api";

export type EnvironmentEvent =
  | { type: "state"; view: EnvironmentView }
  | { type: "sli"; sample: SliSample }
  | { type: "stats"; stats: InstanceStats[] }
  | { type: "log"; instance: string; line: string }
  | { type: "warning"; reason: "idle" | "age"; destroyAt: string; message: string }
  /** An instance died and is being restarted ("down"), runs again ("started"), answers ("up"), or could not be saved ("lost"). */
  | { type: "instance"; instance: string; state: "down" | "started" | "up" | "lost"; message: string; at: string }
  | { type: "destroyed" };

export type Listener = (event: EnvironmentEvent) => void;

export interface EventBus {
  publish(envId: string, event: EnvironmentEvent): void;
  subscribe(envId: string, listener: Listener): () => void;
  subscribers(envId: string): number;
}

export class InMemoryEventBus implements EventBus {
  private readonly topics = new Map<string, Set<Listener>>();

  publish(envId: string, event: EnvironmentEvent): void {
    for (const listener of this.topics.get(envId) ?? []) {
      try {
        listener(event);
      } catch {
        // One broken listener must not starve the others.
      }
    }
  }

  subscribe(envId: string, listener: Listener): () => void {
    let set = this.topics.get(envId);
    if (!set) this.topics.set(envId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.topics.delete(envId);
    };
  }

  subscribers(envId: string): number {
    return this.topics.get(envId)?.size ?? 0;
  }
}
