/** The median of the numbers given (nulls ignored); null when there are none. Pure. */
export function median(values: readonly (number | null | undefined)[]): number | null {
  const xs = values.filter((v): v is number => typeof v === "number" && Number.isFinite(v)).sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 === 1 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** One decimal, as every measure is shown. */
export function round1(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}
