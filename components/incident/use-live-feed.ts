"use client";
/**
 * The environment's live feed from the orchestrator's /environment namespace:
 * SLI samples (kept as a rolling series for the chart), per-instance stats and
 * log lines. Every message is validated before it reaches the page.
 */
import { useEffect, useState } from "react";
import { io } from "socket.io-client";
import { z } from "zod";
import {
  InstanceStatsSchema,
  SliSampleSchema,
  type InstanceStats,
  type SliSample,
} from "@/lib/contracts/orchestrator-api";
import { keepTokenFresh } from "./keep-token-fresh";
import type { AccessToken } from "./use-access-token";

const MAX_SAMPLES = 240;
const MAX_LOG_LINES = 500;
const LogSchema = z.object({ instance: z.string(), line: z.string() });
const WarningSchema = z.object({ message: z.string() }).loose();
const InstanceEventSchema = z.object({
  instance: z.string(),
  state: z.enum(["down", "started", "up", "lost"]),
  message: z.string(),
  at: z.string(),
});
const MAX_MACHINE_EVENTS = 20;

/** What the orchestrator said about a machine that died: "db is down — restarting", then "db is back". */
export type MachineEvent = z.infer<typeof InstanceEventSchema> & { id: number };

export interface LogLine {
  id: number;
  instance: string;
  line: string;
}

export interface LiveFeed {
  connected: boolean;
  samples: SliSample[];
  stats: InstanceStats[];
  logs: LogLine[];
  /** The orchestrator's latest warning, e.g. that an idle environment will soon be shut down. */
  warning: string | null;
  /** The latest event per machine (its tab shows it while it is not "up"). */
  machines: Record<string, MachineEvent>;
  /** Every machine event heard since the room opened, oldest first. */
  machineEvents: MachineEvent[];
}

export function useLiveFeed(publicUrl: string | null, fresh: () => Promise<AccessToken | null>): LiveFeed {
  const [connected, setConnected] = useState(false);
  const [samples, setSamples] = useState<SliSample[]>([]);
  const [stats, setStats] = useState<InstanceStats[]>([]);
  const [logs, setLogs] = useState<LogLine[]>([]);
  const [warning, setWarning] = useState<string | null>(null);
  const [machineEvents, setMachineEvents] = useState<MachineEvent[]>([]);

  useEffect(() => {
    if (!publicUrl) return;
    let nextLogId = 0;
    const socket = io(`${publicUrl}/environment`, {
      transports: ["websocket"],
      reconnectionDelayMax: 5000,
      auth: (cb) => {
        void fresh().then((t) => cb({ token: t?.token ?? "" }));
      },
    });
    const stopRenewing = keepTokenFresh(socket, fresh);
    socket.on("connect", () => setConnected(true));
    socket.on("disconnect", (reason) => {
      setConnected(false);
      // The server ends the feed when its token expires: come back with a fresh one.
      if (reason === "io server disconnect") socket.connect();
    });
    socket.on("sli", (raw: unknown) => {
      const s = SliSampleSchema.safeParse(raw);
      if (!s.success) return;
      setSamples((prev) => {
        if (prev.length > 0 && prev[prev.length - 1]!.at === s.data.at) return prev;
        const next = [...prev, s.data];
        return next.length > MAX_SAMPLES ? next.slice(next.length - MAX_SAMPLES) : next;
      });
    });
    socket.on("warning", (raw: unknown) => {
      const w = WarningSchema.safeParse(raw);
      if (w.success) setWarning(w.data.message);
    });
    socket.on("instance", (raw: unknown) => {
      const e = InstanceEventSchema.safeParse(raw);
      if (!e.success) return;
      setMachineEvents((prev) => [...prev, { id: nextLogId++, ...e.data }].slice(-MAX_MACHINE_EVENTS));
    });
    socket.on("stats", (raw: unknown) => {
      const s = z.array(InstanceStatsSchema).safeParse(raw);
      if (s.success) setStats(s.data);
    });
    socket.on("log", (raw: unknown) => {
      const l = LogSchema.safeParse(raw);
      if (!l.success) return;
      setLogs((prev) => {
        const next = [...prev, { id: nextLogId++, ...l.data }];
        return next.length > MAX_LOG_LINES ? next.slice(next.length - MAX_LOG_LINES) : next;
      });
    });
    return () => {
      stopRenewing();
      socket.removeAllListeners();
      socket.disconnect();
    };
  }, [publicUrl, fresh]);

  const machines: Record<string, MachineEvent> = {};
  for (const e of machineEvents) machines[e.instance] = e;
  return { connected, samples, stats, logs, warning, machines, machineEvents };
}
