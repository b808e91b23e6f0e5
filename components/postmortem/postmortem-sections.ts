/** The postmortem template's written sections, in the order the form shows them (the timeline follows the first two). */

export type TextKey =
  | "summary"
  | "impact"
  | "rootCause"
  | "trigger"
  | "contributingFactors"
  | "detection"
  | "resolution"
  | "wentWell"
  | "wentBadly"
  | "gotLucky";

export interface TextSectionSpec {
  key: TextKey;
  label: string;
  help: string;
  rows: number;
  optional?: boolean;
}

export const SECTIONS: TextSectionSpec[] = [
  { key: "summary", label: "Summary", help: "Two or three sentences a busy reader can take away.", rows: 3 },
  { key: "impact", label: "Impact", help: "Who was affected, how badly, for how long; use the SLI figures.", rows: 3 },
  {
    key: "rootCause",
    label: "Root cause",
    help: "Why it happened — the condition, not a person. Ask why until it stops being useful.",
    rows: 4,
  },
  { key: "trigger", label: "Trigger", help: "What set it off at that moment.", rows: 2 },
  {
    key: "contributingFactors",
    label: "Contributing factors",
    help: "What made it worse or harder to see.",
    rows: 3,
    optional: true,
  },
  { key: "detection", label: "Detection", help: "How we found out, and how we could have found out sooner.", rows: 2 },
  { key: "resolution", label: "Resolution", help: "What mitigated it and what fixed it for good.", rows: 3 },
  { key: "wentWell", label: "What went well", help: "", rows: 2 },
  { key: "wentBadly", label: "What went badly", help: "", rows: 2 },
  { key: "gotLucky", label: "Where we got lucky", help: "", rows: 2, optional: true },
];

/** The element id of a section (or the timeline, the action items), which a refused submit scrolls to. */
export const sectionId = (key: string) => `pm-${key}`;
