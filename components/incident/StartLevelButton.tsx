"use client";
/** Starts a level (a named one, an assignment, or a random one) and opens its incident room. */
import { useRouter } from "next/navigation";
import { useState, useSyncExternalStore } from "react";
import { Button, type ButtonSize, type ButtonVariant } from "@/components/Button";
import { api } from "@/components/shared/api";

const noSubscription = () => () => undefined;

export function StartLevelButton({
  levelId,
  assignmentId,
  mode,
  label,
  variant = "primary",
  size = "md",
}: {
  levelId?: string;
  assignmentId?: string;
  /** Certification mode: no hints, generic objectives, a variant not trained on. */
  mode?: "TRAINING" | "CERTIFICATION";
  label: string;
  variant?: ButtonVariant;
  size?: ButtonSize;
}) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  // Disabled until hydrated: a click on the server-rendered button would otherwise be lost.
  const hydrated = useSyncExternalStore(
    noSubscription,
    () => true,
    () => false,
  );
  const [error, setError] = useState<{ message: string; attemptId?: string } | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    const r = await api<{ attemptId: string }>("/api/attempts", {
      method: "POST",
      body: { levelId, assignmentId, mode },
    });
    if (r.ok) {
      router.push(`/attempts/${r.data.attemptId}`);
      return;
    }
    setBusy(false);
    setError({ message: r.error.message, attemptId: r.error.fields?.attemptId });
  }

  return (
    <span className="inline-flex flex-col items-end gap-1">
      <Button
        variant={variant}
        size={size}
        onClick={() => void start()}
        disabled={busy || !hydrated}
        data-testid={
          assignmentId
            ? `start-assignment-${assignmentId}`
            : levelId
              ? `${mode === "CERTIFICATION" ? "certify" : "start"}-${levelId}`
              : "start-random"
        }
      >
        {busy ? "Starting…" : label}
      </Button>
      {error && (
        <span role="alert" className="max-w-xs text-right text-xs text-red-700">
          {error.message}{" "}
          {error.attemptId && (
            <a className="font-medium underline" href={`/attempts/${error.attemptId}`}>
              Open it
            </a>
          )}
        </span>
      )}
    </span>
  );
}
