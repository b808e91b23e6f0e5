/**
 * A supervised child (web app, orchestrator) stops by itself when the `npm start`
 * that supervises it is gone (kill -9 of the supervisor): nothing outlives its
 * owner. The supervisor passes its pid in FIREDRILL_SUPERVISOR_PID.
 */
export function exitWithParent(stop: (reason: string) => void, everyMs = 1000, graceMs = 10_000): void {
  const supervisor = Number(process.env.FIREDRILL_SUPERVISOR_PID);
  if (!Number.isInteger(supervisor) || supervisor <= 0) return;
  // Our stdout and stderr are pipes to the supervisor: once it is gone a write fails with
  // EPIPE, and an unhandled stream error would end up in whatever catches exceptions.
  for (const stream of [process.stdout, process.stderr]) stream.on("error", () => undefined);
  const timer = setInterval(() => {
    if (process.ppid === supervisor) return;
    clearInterval(timer);
    // A stop that hangs (a socket that will not close) must not keep the port.
    setTimeout(() => process.exit(1), graceMs);
    stop(`supervisor ${supervisor} is gone`);
  }, everyMs);
  timer.unref();
}
