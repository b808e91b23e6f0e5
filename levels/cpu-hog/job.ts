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

/** The job's script (`/usr/local/bin/<job>`): one backup (dump, then compress), then it exits. */
export function backupScript(b: BackupJob): string {
  return [
    `#!/bin/sh`,
    `# ${b.job}: backup of the shop database before the migration of OPS-${b.ticket}.`,
    `# Dumps, then compresses here, ${b.streams} streams in parallel so it finishes faster.`,
    `# TODO: move to the backup host.`,
    `set -a; . /etc/app/app.env; set +a`,
    `dump=${BACKUP_DIR}/shop.sql`,
    `pg_dump --no-owner --table=products --table=users "$DATABASE_URL" > "$dump.tmp" && mv "$dump.tmp" "$dump"`,
    `rm -f ${BACKUP_DIR}/shop.sql.part-*`,
    `split -n r/${b.streams} --filter='gzip -9 > $FILE.gz' "$dump" "$dump.part-"`,
  ].join("\n");
}
