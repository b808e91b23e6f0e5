/** The ways the fault takes the app user's write access away: shell run as root on the app instance. */

export const MECHANISMS = ["owner-root", "mode-readonly", "parent-locked", "group-no-write"] as const;

/** The directories the app writes into (uploads, the outbox of welcome emails) and their parent, the data volume. */
export const APP_DIRS = ["/var/lib/app", "/var/lib/app/uploads", "/var/lib/app/outbox"] as const;

export function takeWriteAccess(mechanism: string, ticket: number): string {
  switch (mechanism) {
    case "owner-root":
      // The uploads were restored from last night's backup, as root, with tar's defaults: root owns them now.
      return [
        "set -e",
        `tar -C /var/lib/app -cf /root/uploads-${ticket}.tar uploads`,
        "rm -rf /var/lib/app/uploads",
        `tar -C /var/lib/app --no-same-owner -xf /root/uploads-${ticket}.tar`,
        "chown -R root:root /var/lib/app/uploads && chmod 755 /var/lib/app/uploads",
      ].join("\n");
    case "mode-readonly":
      // A "freeze" of the uploads during an audit, never lifted.
      return [
        "set -e",
        `chmod 0555 /var/lib/app/uploads`,
        `echo 'CHG-${ticket}: uploads frozen for the audit' >&2`,
      ].join("\n");
    case "parent-locked":
      // A hardening script locked the data volume's root down to root only: nothing below it can be reached.
      return ["set -e", "chown root:root /var/lib/app", "chmod 0700 /var/lib/app"].join("\n");
    case "group-no-write":
      // Ownership moved to root with the app's group, meant to be group-writable; the write bit was forgotten.
      return ["set -e", "chown root:app /var/lib/app/uploads", "chmod 0755 /var/lib/app/uploads"].join("\n");
    default:
      throw new Error(`unknown mechanism ${mechanism}`);
  }
}
