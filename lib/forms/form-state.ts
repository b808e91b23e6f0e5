/**
 * What a server action hands back to its form: a message, field errors, and the
 * values as typed so nothing is lost on an error. Passwords are never echoed.
 * Browser-safe; the server half is run-form.ts.
 */
export interface FormState {
  status: "idle" | "ok" | "error";
  message?: string;
  fields?: Record<string, string>;
  values: Record<string, string>;
  /** Extra data for a successful submit, e.g. an invite link shown once. */
  data?: Record<string, string>;
  /**
   * Changes with every submit. Selects use it as their React key so they re-mount
   * with the kept value: React's automatic form reset does not apply a <select>'s
   * new defaultValue.
   */
  seq?: number;
}

export const IDLE: FormState = { status: "idle", values: {} };

/** The submitted text fields, minus anything secret. */
export function formValues(
  form: FormData,
  secret: readonly string[] = ["password", "confirm"],
): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of form.entries()) {
    if (typeof value === "string" && !key.startsWith("$") && !secret.includes(key)) values[key] = value;
  }
  return values;
}
