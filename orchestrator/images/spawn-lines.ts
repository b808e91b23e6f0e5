/** Spawn a host program with an argv array (never a shell string) and stream its output lines. */
import { spawn, type SpawnOptions } from "node:child_process";
import { OrchestratorError } from "../errors";

export function spawnLines(
  cmd: string,
  args: string[],
  onLine: (line: string) => void,
  opts: SpawnOptions & { timeoutMs?: number } = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ["ignore", "pipe", "pipe"] });
    const tail: string[] = [];
    const split = (buf: Buffer) => {
      for (const line of buf.toString("utf8").split("\n")) {
        if (!line.trim()) continue;
        onLine(line);
        tail.push(line);
        if (tail.length > 20) tail.shift();
      }
    };
    child.stdout?.on("data", split);
    child.stderr?.on("data", split);
    const timer = opts.timeoutMs ? setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs) : undefined;
    child.on("error", (err) => {
      clearTimeout(timer);
      reject(new OrchestratorError("failed", `${cmd}: ${err.message}`));
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      if (code === 0) return resolve();
      reject(
        new OrchestratorError("failed", `${cmd} ${args[0] ?? ""} exited with ${signal ?? code}:\n${tail.join("\n")}`),
      );
    });
  });
}
