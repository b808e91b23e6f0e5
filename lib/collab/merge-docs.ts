/**
 * The shared documents. Each document's own merge rules (which fields are
 * choices, replaced whole, rather than free text) live beside its schema:
 * lib/reports/merge-report.ts, lib/postmortems/merge-postmortem.ts.
 */
export type CollabDoc = "report" | "postmortem";
