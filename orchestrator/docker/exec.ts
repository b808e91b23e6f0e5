/**
 * Docker exec: one-shot commands with captured output, and interactive TTYs.
 */
import type { Duplex } from "node:stream";
import { PassThrough } from "node:stream";
import { OrchestratorError } from "../errors";
import { call, docker } from "./client";

export interface ExecOptions {
  user?: string;
  env?: string[];
  timeoutMs?: number;
  workingDir?: string;
}

export interface ExecOutput {
  exitCode: number;
  stdout: string;
  stderr: string;
}

const MAX_CAPTURE = 1024 * 1024;

function capture(stream: PassThrough): () => string {
  const chunks: Buffer[] = [];
  let size = 0;
  stream.on("data", (c: Buffer) => {
    if (size < MAX_CAPTURE) chunks.push(c);
    size += c.length;
  });
  return () => {
    const text = Buffer.concat(chunks).toString("utf8");
    return size > MAX_CAPTURE ? `${text}\n[… ${size - MAX_CAPTURE} more bytes cut]` : text;
  };
}

/** Exit code of a finished exec; Docker may report Running a moment after the stream ended. */
async function exitCodeOf(execId: string): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const info = await call("inspect exec", (d) => d.getExec(execId).inspect());
    if (!info.Running && info.ExitCode !== null && info.ExitCode !== undefined) return info.ExitCode;
    await new Promise((r) => setTimeout(r, 20));
  }
  return -1;
}

/**
 * Run argv in a container and collect its output. The command runs under
 * coreutils `timeout` so a runaway command is killed inside the container too;
 * a timeout yields exit code 124 (never throws for a non-zero exit).
 */
export async function runExec(containerId: string, argv: string[], opts: ExecOptions = {}): Promise<ExecOutput> {
  const timeoutMs = opts.timeoutMs ?? 30_000;
  const seconds = Math.max(1, Math.ceil(timeoutMs / 1000));
  const cmd = ["timeout", "-k", "2", String(seconds), ...argv];
  const exec = await call(`exec in ${containerId.slice(0, 12)}`, (d) =>
    d.getContainer(containerId).exec({
      Cmd: cmd,
      User: opts.user ?? "",
      Env: opts.env ?? [],
      WorkingDir: opts.workingDir,
      AttachStdout: true,
      AttachStderr: true,
      Tty: false,
    }),
  );
  const stream = await call("start exec", () => exec.start({ hijack: false, stdin: false }));
  const out = new PassThrough();
  const err = new PassThrough();
  const stdout = capture(out);
  const stderr = capture(err);
  docker().modem.demuxStream(stream, out, err);
  let timedOut = false;
  await new Promise<void>((resolve, reject) => {
    // Backstop: if the container freezes, do not wait forever for the stream.
    const guard = setTimeout(() => {
      timedOut = true;
      stream.destroy();
      resolve();
    }, timeoutMs + 5_000);
    stream.on("end", () => (clearTimeout(guard), resolve()));
    stream.on("close", () => (clearTimeout(guard), resolve()));
    stream.on(
      "error",
      (e) => (clearTimeout(guard), reject(new OrchestratorError("internal", `exec stream: ${e.message}`))),
    );
  });
  const exitCode = timedOut ? 124 : await exitCodeOf(exec.id);
  return { exitCode, stdout: stdout(), stderr: stderr() + (timedOut ? "\n[timed out]" : "") };
}

export interface TtyExec {
  stream: Duplex;
  resize(cols: number, rows: number): Promise<void>;
  exitCode(): Promise<number>;
}

/** An interactive TTY exec (the player's terminal). Output is raw (no multiplexing). */
export async function openTtyExec(containerId: string, argv: string[], opts: ExecOptions = {}): Promise<TtyExec> {
  const exec = await call(`open terminal in ${containerId.slice(0, 12)}`, (d) =>
    d.getContainer(containerId).exec({
      Cmd: argv,
      User: opts.user ?? "",
      Env: opts.env ?? [],
      WorkingDir: opts.workingDir,
      AttachStdin: true,
      AttachStdout: true,
      AttachStderr: true,
      Tty: true,
    }),
  );
  const stream: Duplex = await call("start terminal", () => exec.start({ hijack: true, stdin: true, Tty: true }));
  return {
    stream,
    resize: async (cols, rows) => {
      await call("resize terminal", () => exec.resize({ w: cols, h: rows }));
    },
    exitCode: () => exitCodeOf(exec.id),
  };
}
