/**
 * How a background job keeps coming back on the app instance, for the `resources` levels
 * (memory-exhausted, cpu-hog). The job itself is `/usr/local/bin/<job>` (one run, as user app);
 * what starts it again is the variant:
 *   - "runit":       its own supervised service, /etc/sv/<job> linked in /etc/service (killed: back in 1 s);
 *   - "periodic":    a file in /etc/periodic.d, run by the team's job runner (`periodic`, a runit
 *                    service running `run-parts /etc/periodic.d` every 15 s);
 *   - "boot-script": a loop started by the app's own run script (/etc/sv/app/run), so it comes back
 *                    with every `sv restart app` and every boot.
 * All three start again at boot (the links in /etc/service survive a reboot).
 */
import { enableService } from "./runit";

export const RESPAWNERS = ["runit", "periodic", "boot-script"] as const;
export type Respawner = (typeof RESPAWNERS)[number];

/** Seconds between two runs of the `periodic` job runner. */
export const PERIODIC_SECONDS = 15;

export function isRespawner(value: unknown): value is Respawner {
  return typeof value === "string" && (RESPAWNERS as readonly string[]).includes(value);
}

/**
 * Shell (for a fault, as root) that installs `/usr/local/bin/<job>` with `body` and makes `respawner`
 * start it again and again. `body` is a complete `sh` script; `why` is the comment an operator finds.
 */
export function installJob(respawner: Respawner, job: string, why: string, body: string): string {
  const bin = `/usr/local/bin/${job}`;
  const lines = [`set -e`, `cat > ${bin} <<'JOB'`, body.trimEnd(), `JOB`, `chmod 755 ${bin}`];
  if (respawner === "runit") {
    lines.push(
      `mkdir -p /etc/sv/${job}`,
      `cat > /etc/sv/${job}/run <<'RUN'`,
      `#!/bin/sh`,
      `# ${job}: ${why}`,
      `exec 2>&1`,
      `exec chpst -u app:app ${bin}`,
      `RUN`,
      `chmod 755 /etc/sv/${job}/run`,
      ...enableService(job),
    );
  } else if (respawner === "periodic") {
    lines.push(
      `mkdir -p /etc/sv/periodic /etc/periodic.d`,
      `cat > /etc/sv/periodic/run <<'RUN'`,
      `#!/bin/sh`,
      `# periodic: the team's job runner. Runs every executable in /etc/periodic.d, one after the other,`,
      `# then again ${PERIODIC_SECONDS} s later. Add a job: drop an executable file (no dots in its name) there.`,
      `exec 2>&1`,
      `while :; do`,
      `  run-parts --regex '^[a-zA-Z0-9_-]+$' /etc/periodic.d`,
      `  sleep ${PERIODIC_SECONDS}`,
      `done`,
      `RUN`,
      `chmod 755 /etc/sv/periodic/run`,
      `cat > /etc/periodic.d/${job} <<'RUN'`,
      `#!/bin/sh`,
      `# ${why}`,
      `exec chpst -u app:app ${bin}`,
      `RUN`,
      `chmod 755 /etc/periodic.d/${job}`,
      ...enableService("periodic"),
    );
  } else {
    // A line added to the app's run script, before it starts the app: the job loops next to it (one loop, however
    // often the app restarts).
    const loop = `while :; do ${bin}; sleep 5; done`;
    const hook = `pgrep -u app -f '^sh -c ${loop}$' >/dev/null || chpst -u app:app sh -c '${loop}' >/dev/null 2>&1 </dev/null & # ${job}: ${why}`;
    lines.push(
      `grep -q '^cd /srv/app$' /etc/sv/app/run`,
      `awk -v hook=${shellWord(hook)} '$0 == "cd /srv/app" { print hook } { print }' /etc/sv/app/run > /etc/sv/app/run.new`,
      `chmod 755 /etc/sv/app/run.new && mv /etc/sv/app/run.new /etc/sv/app/run`,
      `sv restart app >/dev/null || true`,
    );
  }
  return lines.join("\n");
}

function shellWord(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}
