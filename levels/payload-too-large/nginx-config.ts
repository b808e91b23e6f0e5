/** Reading `client_max_body_size` out of `nginx -T` (the full configuration, file by file). */

/** The size a player's customers upload: the mock client's `bytes` in level.yaml. */
export const UPLOAD_BYTES = 2_000_000;
/** Above this the proxy's limit no longer protects anything: the app itself refuses more than 25 MB. */
export const SANE_MAX_BYTES = 100 * 1024 * 1024;

export interface BodySizeSetting {
  file: string;
  line: number;
  value: string;
  /** null when the value is not a size nginx understands. */
  bytes: number | null;
}

/** nginx sizes: 512, 512k, 2m, 1g (case-insensitive). */
export function parseNginxSize(value: string): number | null {
  const m = /^(\d+)([kmg]?)$/i.exec(value.trim());
  if (!m) return null;
  const unit = (m[2] ?? "").toLowerCase();
  const factor = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  return Number(m[1]) * factor;
}

export function findBodySizeSettings(dump: string): BodySizeSetting[] {
  const settings: BodySizeSetting[] = [];
  let file = "nginx.conf";
  let line = 0;
  for (const raw of dump.split("\n")) {
    const header = /^# configuration file (.+):$/.exec(raw);
    if (header) {
      file = header[1] ?? file;
      line = 0;
      continue;
    }
    line += 1;
    const code = raw.replace(/#.*$/, "");
    for (const m of code.matchAll(/\bclient_max_body_size\s+([^;\s]+)\s*;/g)) {
      const value = m[1] ?? "";
      settings.push({ file, line, value, bytes: parseNginxSize(value) });
    }
  }
  return settings;
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
