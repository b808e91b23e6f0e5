/**
 * A supervised child (web app, orchestrator) stops by itself when the `npm start`
 * that supervises it is gone (kill -9 of the supervisor): nothing outlives its
 * owner. The supervisor passes its pid in FIREDRILL_SUPERVISOR_PID.
 */
export function exitWithParent(stop: (reason: string) => void, everyMs = 1000): void {
  const supervisor = Number(process.env.FIREDRILL_SUPERVISOR_PID);
  if (!Number.isInteger(supervisor) || supervisor <= 0) return;
  const timer = setInterval(() => {
    if (process.ppid !== supervisor) {
      clearInterval(timer);
      stop(`supervisor ${supervisor} is gone`);
    }
  }, everyMs);
  timer.unref();
}
