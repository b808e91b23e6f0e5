"use client";
/**
 * The page's one connection to the web app's live server (socket.io at
 * /live, same origin, the session cookie authenticates it). It reconnects on
 * its own; rooms are re-joined by the hooks that joined them.
 */
import { io, type Socket } from "socket.io-client";

let socket: Socket | null = null;

export function liveSocket(): Socket {
  if (socket) return socket;
  socket = io({
    path: "/live",
    transports: ["websocket"],
    withCredentials: true,
    reconnectionDelayMax: 5000,
  });
  // The server ended this session (revoked, expired, account disabled): sign in again, with a full
  // reload so nothing of the old session's state survives in the page.
  // eslint-disable-next-line @next/next/no-location-assign-relative-destination
  socket.on("session-ended", () => window.location.assign("/signin"));
  return socket;
}

export type LiveResult<T> = { ok: true; data: T } | { ok: false; error: { code: string; message: string } };

/** Emits an event and waits for the server's ack (or a clear error when it does not come). */
export function liveRequest<T = unknown>(event: string, payload: unknown, timeoutMs = 10_000): Promise<LiveResult<T>> {
  const s = liveSocket();
  return new Promise((resolve) => {
    s.timeout(timeoutMs).emit(event, payload, (err: Error | null, reply: LiveResult<T> | undefined) => {
      if (err || !reply)
        resolve({ ok: false, error: { code: "UNAVAILABLE", message: "The live connection did not answer; retry." } });
      else resolve(reply);
    });
  });
}
