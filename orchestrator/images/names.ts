/** Image names and labels the orchestrator owns. */
export const BASE_IMAGE_REPO = "firedrill/debian";
/** Bumped when the base's content changes (bookworm-slim-2: no docs, manuals, translations or apt cache). */
export const BASE_IMAGE_TAG = "bookworm-slim-2";
export const BASE_IMAGE = `${BASE_IMAGE_REPO}:${BASE_IMAGE_TAG}`;
export const UPSTREAM_BASE = "debian:bookworm-slim";

/** `_stack` → `firedrill/stack-stack`: Docker repository names allow no leading `_` or `-_`. */
export function stackImageRepo(stack: string): string {
  const clean = stack
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, "-")
    .replace(/^[._-]+|[._-]+$/g, "")
    .replace(/[._-]{2,}/g, "-");
  return `firedrill/stack-${clean || "default"}`;
}

export function stackImageTag(stack: string, hash: string): string {
  return `${stackImageRepo(stack)}:${hash.slice(0, 16)}`;
}

export const IMAGE_LABELS = {
  managed: "firedrill.managed",
  stack: "firedrill.stack",
  inputs: "firedrill.inputs",
} as const;
