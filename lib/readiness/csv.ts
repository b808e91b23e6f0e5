/**
 * CSV as RFC 4180 says (CRLF between records, a field with a comma, quote, CR
 * or LF is quoted and its quotes doubled), safe to open in a spreadsheet: a
 * text cell that starts with = + - @ (or a tab / CR, which some spreadsheets
 * skip before looking) is prefixed with ' so it is never run as a formula.
 * Numbers are written as numbers; null is an empty field. Pure.
 */
export type CsvValue = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
