/**
 * The job that eats the app instance's CPU: a "quick" database backup taken from the app server and
 * compressed there at the strongest setting, split over several gzip streams at once (as pigz would)
 * so it "finishes faster", then run again.
 */
export interface BackupJob {
  job: string;
  ticket: string | number;
  streams: number;
}

export const BACKUP_DIR = "/var/backups/shop";
export const BACKUP_DIR_SETUP = `install -d -o app -g app ${BACKUP_DIR}`;

/**
 * The job's script (`/usr/local/bin/<job>`): one backup, then it exits. It compresses the latest dump
 * first (so it takes the CPU as soon as it starts, at boot too), then takes the next dump.
 */
export function backupScript(b: BackupJob): string {
  const dumpNext = `pg_dump --no-owner --table=products --table=users "$DATABASE_URL" > "$dump.tmp" && mv "$dump.tmp" "$dump"`;
  return [
    `#!/bin/sh`,
    `# ${b.job}: backup of the shop database before the migration of OPS-${b.ticket}.`,
    `# Compresses the latest dump here, ${b.streams} streams in parallel so it finishes faster, then dumps again.`,
    `# TODO: move to the backup host.`,
    `set -a; . /etc/app/app.env; set +a`,
    `dump=${BACKUP_DIR}/shop.sql`,
    `[ -s "$dump" ] || ${dumpNext}`,
    `rm -f ${BACKUP_DIR}/shop.sql.part-*`,
    `split -n r/${b.streams} --filter='gzip -9 > $FILE.gz' "$dump" "$dump.part-"`,
    dumpNext,
  ].join("\n");
}
