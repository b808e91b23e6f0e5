/** Sizes shared by the fault, the check and the tests. */

/** The size a player's customers upload: the mock client's `bytes` in level.yaml. */
export const UPLOAD_BYTES = 2_000_000;
/**
 * What the check announces to prove the proxy still has a limit: more than any sane limit (the app
 * itself refuses more than 25 MB, a proxy limit above 100 MB protects nothing), so nginx must answer
 * 413 at once instead of waiting for the body.
 */
export const PROBE_BYTES = 150 * 1024 * 1024;

/** nginx sizes: 512, 512k, 2m, 1g (case-insensitive). Used by the tests to vet the fault's limits. */
export function parseNginxSize(value: string): number | null {
  const m = /^(\d+)([kmg]?)$/i.exec(value.trim());
  if (!m) return null;
  const unit = (m[2] ?? "").toLowerCase();
  const factor = unit === "k" ? 1024 : unit === "m" ? 1024 ** 2 : unit === "g" ? 1024 ** 3 : 1;
  return Number(m[1]) * factor;
}
