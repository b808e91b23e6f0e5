/**
 * The job that eats the app instance's CPU: a "quick" database backup taken from the app server and
 * compressed there at the strongest setting, split over several gzip streams at once (as pigz would)
 * so it "finishes faster", then run again. The dump streams straight into the compressors, and the
 * compressed parts land in /var/backups, a size-capped volume: a backup can never fill the instance's
 * own disk (a full volume only makes the run fail, and the next one starts over).
 */
export interface BackupJob {
  job: string;
  ticket: string | number;
  streams: number;
}

export const BACKUP_DIR = "/var/backups/shop";
export const BACKUP_DIR_SETUP = `install -d -o app -g app ${BACKUP_DIR}`;

/** The job's script (`/usr/local/bin/<job>`): one backup, then it exits. */
export function backupScript(b: BackupJob): string {
  return [
    `#!/bin/sh`,
    `# ${b.job}: backup of the shop database before the migration of OPS-${b.ticket}.`,
    `# Streams the dump into ${b.streams} gzip -9 streams in parallel so it finishes faster.`,
    `# TODO: move to the backup host.`,
    `set -a; . /etc/app/app.env; set +a`,
    `cd ${BACKUP_DIR} || exit 1`,
    `rm -f shop.sql.part-*`,
    `pg_dump --no-owner --table=products --table=users "$DATABASE_URL" | split -n r/${b.streams} --filter='gzip -9 > $FILE.gz' - shop.sql.part-`,
  ].join("\n");
}
