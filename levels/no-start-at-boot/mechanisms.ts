/** The ways the fault breaks the app's boot: shell run as root on the app instance, before the reboot. */

export const MECHANISMS = ["down-file", "link-removed", "env-moved", "not-executable", "wrong-exec"] as const;

export function breakBoot(mechanism: string, ticket: number): string {
  switch (mechanism) {
    case "down-file":
      // A maintenance window kept the app from starting while the data volume was checked; nobody took it out.
      return [
        "set -e",
        `printf '# CHG-${ticket}: keep the app down while the data volume is checked. Remove after the window.\\n' > /etc/sv/app/down`,
      ].join("\n");
    case "link-removed":
      // A clean-up of "unused services" removed the app's link; runsvdir stops it at its next scan.
      return ["set -e", "rm /etc/service/app"].join("\n");
    case "env-moved":
      // A configuration-management run renamed the file it no longer manages.
      return ["set -e", `mv /etc/app/app.env /etc/app/app.env.${ticket}.bak`].join("\n");
    case "not-executable":
      // Restored from a backup that did not keep file modes.
      return ["set -e", "chmod 644 /etc/sv/app/run"].join("\n");
    case "wrong-exec":
      // A build change renamed the bundle from server.js to server.cjs; the run script was edited by hand
      // on another machine and copied back with the old name.
      return [
        "set -e",
        `sed -i 's|^exec chpst -u app:app node dist/server.cjs$|exec chpst -u app:app node dist/server.js  # CHG-${ticket}|' /etc/sv/app/run`,
        "grep -q 'dist/server.js ' /etc/sv/app/run",
      ].join("\n");
    default:
      throw new Error(`unknown mechanism ${mechanism}`);
  }
}
