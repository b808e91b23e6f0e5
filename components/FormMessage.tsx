import { cx } from "./cx";

/** A form's outcome, announced politely to screen readers. Always rendered so the live region exists before it fills. */
export function FormMessage({
  status,
  message,
  id,
}: {
  status: "idle" | "ok" | "error";
  message?: string | undefined;
  id?: string;
}) {
  return (
    <div id={id} role="status" aria-live="polite" aria-atomic="true">
      {message ? (
        <p
          className={cx(
            "rounded-md border px-3 py-2 text-sm",
            status === "error"
              ? "border-red-200 bg-red-50 text-red-800"
              : "border-green-200 bg-green-50 text-green-800",
          )}
        >
          {message}
        </p>
      ) : null}
    </div>
  );
}
