/** Run orchestrator/main.ts as a child process (to kill it for real) and talk to it over HTTP. */
import { spawn, type ChildProcess } from "node:child_process";
import { resolve } from "node:path";
import { SECRET } from "./harness";

const ROOT = resolve(import.meta.dirname, "../../..");

export interface Child {
  proc: ChildProcess;
  port: number;
  output: string[];
  api<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  exited: Promise<number | null>;
}

export async function startChild(env: Record<string, string>, timeoutMs = 60_000): Promise<Child> {
  const proc = spawn(process.execPath, ["--import", "tsx", "orchestrator/main.ts"], {
    cwd: ROOT,
    env: { ...process.env, ORCHESTRATOR_SECRET: SECRET, ORCHESTRATOR_PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  const exited = new Promise<number | null>((r) => proc.on("exit", (code) => r(code)));
  const port = await new Promise<number>((resolvePort, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`orchestrator did not listen in time:\n${output.join("")}`)),
      timeoutMs,
    );
    const onData = (b: Buffer) => {
      output.push(b.toString());
      const m = /listening on http:\/\/[^:]+:(\d+)/.exec(output.join(""));
      if (m) {
        clearTimeout(timer);
        resolvePort(Number(m[1]));
      }
    };
    proc.stdout.on("data", onData);
    proc.stderr.on("data", onData);
    void exited.then(
      (code) => (clearTimeout(timer), reject(new Error(`orchestrator exited (${code}):\n${output.join("")}`))),
    );
  });
  return {
    proc,
    port,
    output,
    exited,
    async api<T>(method: string, path: string, body?: unknown) {
      const res = await fetch(`http://127.0.0.1:${port}${path}`, {
        method,
        headers: { authorization: `Bearer ${SECRET}`, ...(body ? { "content-type": "application/json" } : {}) },
        body: body ? JSON.stringify(body) : undefined,
      });
      return { status: res.status, body: (await res.json()) as T };
    },
  };
}
