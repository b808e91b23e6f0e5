/**
 * socket.io /terminal: auth { token, instance, session? } at the handshake;
 * "input" (rw only) and "resize" validated; "output", "ready", "exit", "error" out.
 */
import type { Namespace, Socket } from "socket.io";
import { z } from "zod";
import { OrchestratorError } from "../errors";
import type { Orchestrator } from "../service";
import type { TerminalSession } from "../terminals/terminal-session";
import { authorizeEnvironment, authorizeInstance, authorizeToken } from "./authorize";
import { handshakeError, socketErrorBody } from "./socket-errors";

const AuthSchema = z.object({ token: z.string().min(1), instance: z.string().min(1), session: z.string().optional() });
const ResizeSchema = z
  .object({ cols: z.number().int().min(2).max(1000), rows: z.number().int().min(2).max(1000) })
  .strict();
const InputSchema = z.string().max(64 * 1024);

interface TerminalData {
  envId: string;
  mode: "rw" | "ro";
  session: TerminalSession;
}

export function registerTerminalNamespace(nsp: Namespace, orch: Orchestrator): void {
  nsp.use((socket, next) => {
    void (async () => {
      const auth = AuthSchema.safeParse(socket.handshake.auth);
      if (!auth.success) throw new OrchestratorError("bad_request", "auth must be { token, instance, session? }");
      const payload = authorizeToken(auth.data.token, orch.config.secret);
      const rec = orch.deps.envs.get(payload.env);
      authorizeEnvironment(payload, rec);
      if (!rec || rec.state !== "ready")
        throw new OrchestratorError("conflict", `environment ${payload.env} is ${rec?.state ?? "gone"}`);
      const instance = authorizeInstance(auth.data.instance, orch.deps.levels.get(rec.levelId).manifest.shells);
      const session = await orch.terminals.open({
        envId: rec.id,
        slot: rec.slot,
        instance,
        session: auth.data.session,
        mode: payload.mode,
        user: payload.name || payload.sub,
      });
      socket.data = { envId: rec.id, mode: payload.mode, session } satisfies TerminalData;
    })().then(
      () => next(),
      (err) => next(handshakeError(err)),
    );
  });

  nsp.on("connection", (socket: Socket) => {
    const { envId, mode, session } = socket.data as TerminalData;
    const refuse = (err: OrchestratorError) => socket.emit("error", socketErrorBody(err));
    const replay = session.attach(socket.id, {
      output: (text) => socket.emit("output", text),
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
      session.write(data.data);
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
