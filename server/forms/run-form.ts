/**
 * Runs a form's use-case and maps the outcome in one place: AppError and zod
 * errors become an error state with the typed values kept; anything else is
 * logged and shown as a generic failure. Next's redirect/forbidden pass through.
 */
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { isAppError } from "../../lib/errors";
import { type FormState } from "../../lib/forms/form-state";

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = String(issue.path[0] ?? "form");
    fields[key] ??= issue.message;
  }
  return fields;
}

export async function runForm(
  values: Record<string, string>,
  work: () => Promise<{ message: string; data?: Record<string, string> }>,
): Promise<FormState> {
  const seq = Date.now();
  try {
    const done = await work();
    return { status: "ok", message: done.message, values: {}, seq, ...(done.data ? { data: done.data } : {}) };
  } catch (err) {
    unstable_rethrow(err);
    if (err instanceof z.ZodError) {
      return { status: "error", message: "Check the highlighted fields.", fields: fieldErrors(err), values, seq };
    }
    if (isAppError(err)) {
      return { status: "error", message: err.message, ...(err.fields ? { fields: err.fields } : {}), values, seq };
    }
    console.error("form action failed", err);
    return { status: "error", message: "Something went wrong on our side. Try again.", values, seq };
  }
}
