/**
 * socket.io /terminal: auth { token, instance, session? } at the handshake;
 * "input" (rw only), "resize" and "token" (a fresh token) validated; "output",
 * "ready", "exit", "error" out. Output goes through a per-socket byte budget,
 * and the socket ends when its token expires or is revoked.
 */
import type { Namespace, Socket } from "socket.io";
import { z } from "zod";
import type { AccessTokenPayload } from "../../lib/contracts/access-token";
import { OrchestratorError } from "../errors";
import type { Orchestrator } from "../service";
import type { TerminalSession } from "../terminals/terminal-session";
import { OutputBudget } from "./output-budget";
import { handshakeError, socketErrorBody } from "./socket-errors";
import { bindTokenLifetime } from "./token-lifetime";

const AuthSchema = z.object({ token: z.string().min(1), instance: z.string().min(1), session: z.string().optional() });
const ResizeSchema = z
  .object({ cols: z.number().int().min(2).max(1000), rows: z.number().int().min(2).max(1000) })
  .strict();
const InputSchema = z.string().max(64 * 1024);

interface TerminalData {
  envId: string;
  mode: "rw" | "ro";
  session: TerminalSession;
  payload: AccessTokenPayload;
}

const skippedNotice = (bytes: number): [string, string] => [
  "output",
  `\r\n\x1b[33m[${Math.ceil(bytes / 1024)} KB of output skipped: your connection fell behind]\x1b[0m\r\n`,
];

export function registerTerminalNamespace(nsp: Namespace, orch: Orchestrator): void {
  nsp.use((socket, next) => {
    void (async () => {
      const auth = AuthSchema.safeParse(socket.handshake.auth);
      if (!auth.success) throw new OrchestratorError("bad_request", "auth must be { token, instance, session? }");
      const payload = orch.access.verify(auth.data.token);
      const session = await orch.openTerminal(payload, { instance: auth.data.instance, session: auth.data.session });
      socket.data = { envId: payload.env, mode: payload.mode, session, payload } satisfies TerminalData;
    })().then(
      () => next(),
      (err) => next(handshakeError(err)),
    );
  });

  nsp.on("connection", (socket: Socket) => {
    const { envId, mode, session, payload } = socket.data as TerminalData;
    bindTokenLifetime(socket, orch.access, payload);
    const refuse = (err: OrchestratorError) => socket.emit("error", socketErrorBody(err));
    const budget = new OutputBudget(socket, (skipped) =>
      orch.config.log("warn", `terminal viewer ${socket.id} on ${envId} dropped: ${skipped} bytes behind`),
    );
    const replay = session.attach(socket.id, {
      output: (text) => void budget.emit("output", text, text.length, skippedNotice),
      exit: (code) => {
        socket.emit("exit", { code });
        socket.disconnect(true);
      },
    });
    socket.emit("ready", { session: session.id, mode });
    if (replay) socket.emit("output", replay);

    socket.on("input", (raw: unknown) => {
      if (mode !== "rw") return refuse(new OrchestratorError("forbidden", "read-only: you are watching this terminal"));
      const data = InputSchema.safeParse(raw);
      if (!data.success) return refuse(new OrchestratorError("bad_request", "input must be a string up to 64 KB"));
      if (!session.write(data.data))
        return refuse(new OrchestratorError("conflict", "the terminal is not reading its input; try again shortly"));
      orch.touch(envId);
    });
    socket.on("resize", (raw: unknown) => {
      if (mode !== "rw") return; // a watcher's window size must not reflow the player's screen
      const size = ResizeSchema.safeParse(raw);
      if (!size.success)
        return refuse(new OrchestratorError("bad_request", "resize must be { cols, rows } integers 2–1000"));
      void session.resize(size.data.cols, size.data.rows);
    });
    socket.on("disconnect", () => session.detach(socket.id));
  });
}
