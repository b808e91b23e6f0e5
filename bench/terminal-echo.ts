/**
 * Keystroke echo round trip through the whole path (socket.io → orchestrator →
 * Docker exec TTY → bash readline → back), with 20 terminals typing at once
 * across two environments. Each terminal types one key, waits for its echo,
 * thinks 50 ms, types the next.
 *   tsx bench/terminal-echo.ts   (BENCH_TERMINALS=20, BENCH_SECONDS=20, BENCH_LEVEL=<id>)
 */
import { io, type Socket } from "socket.io-client";
import { signAccessToken } from "../lib/contracts/access-token";
import { startApiServer } from "../orchestrator/http/server";
import { benchOrchestrator, machine, pickLevel, saveResult, summary } from "./lib/bench-kit";

const TERMINALS = Number(process.env.BENCH_TERMINALS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const SECRET = "bench-secret-bench-secret-bench";
const ORIGIN = "http://localhost:3000";
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function typist(socket: Socket, until: number, rtts: number[]): Promise<void> {
  let pending: { ch: string; at: number; done: () => void } | undefined;
  socket.on("output", (text: string) => {
    if (pending && text.includes(pending.ch)) {
      rtts.push(performance.now() - pending.at);
      pending.done();
    }
  });
  let typed = 0;
  while (Date.now() < until) {
    const ch = String.fromCharCode(97 + (typed % 26));
    await new Promise<void>((done) => {
      const timer = setTimeout(done, 5000); // a lost echo counts as nothing; move on
      pending = { ch, at: performance.now(), done: () => (clearTimeout(timer), done()) };
      socket.emit("input", ch);
    });
    pending = undefined;
    if (++typed % 60 === 0) socket.emit("input", "\u0015"); // ctrl-U: keep the line short
    await sleep(50);
  }
}

async function main(): Promise<void> {
  const orch = benchOrchestrator({ secret: SECRET, allowedOrigins: [ORIGIN] });
  await orch.start();
  const api = await startApiServer(orch, 0, "127.0.0.1");
  const levelId = pickLevel(orch.levels().levels);
  const level = orch.deps.levels.get(levelId).manifest;
  const envs = [`echo-${process.pid}-a`, `echo-${process.pid}-b`];
  const sockets: Socket[] = [];
  try {
    await Promise.all(envs.map((id) => orch.provision({ id, attemptId: id, levelId, seed: id })));
    for (let i = 0; i < TERMINALS; i++) {
      const env = envs[i % envs.length] as string;
      const token = signAccessToken({ env, attempt: env, sub: `u${i}`, name: `bench ${i}`, mode: "rw" }, SECRET, 900);
      const instance = level.shells[i % level.shells.length] as string;
      const s = io(`http://127.0.0.1:${api.port}/terminal`, {
        auth: { token, instance, session: `t${i}` },
        transports: ["websocket"],
        extraHeaders: { origin: ORIGIN },
        reconnection: false,
      });
      await new Promise<void>((resolve, reject) => {
        s.once("ready", () => resolve());
        s.once("connect_error", reject);
      });
      sockets.push(s);
    }
    await sleep(1500); // prompts printed
    const rtts: number[] = [];
    const until = Date.now() + SECONDS * 1000;
    await Promise.all(sockets.map((s) => typist(s, until, rtts)));
    const s = summary(rtts);
    const p99 = Math.round([...rtts].sort((a, b) => a - b)[Math.ceil(0.99 * rtts.length) - 1] ?? NaN);
    console.log(
      `keystroke echo, ${TERMINALS} terminals typing for ${SECONDS} s over 2 environments of ${levelId}; ${machine()}`,
    );
    console.log(
      `${s.n} keystrokes (${Math.round(s.n / SECONDS)}/s): p50 ${s.p50} ms, p95 ${s.p95} ms, p99 ${p99} ms, max ${s.max} ms`,
    );
    saveResult("terminal-echo", { levelId, terminals: TERMINALS, seconds: SECONDS, ...s, p99 });
  } finally {
    for (const s of sockets) s.disconnect();
    for (const id of envs) await orch.destroy(id).catch(() => undefined);
    await api.close();
    await orch.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
