/**
 * The postmortem's merge rule: which fields are choices (replaced whole)
 * rather than free text. Used by the server when a save arrives late and by
 * the browser when a teammate's save arrives mid-typing.
 */
import { mergeContent } from "../collab/merge-content";
import type { PostmortemContent } from "./postmortem-schema";

const POSTMORTEM_CHOICES = ["kind", "at"] as const;

export function mergePostmortem(
  base: PostmortemContent,
  mine: PostmortemContent,
  theirs: PostmortemContent,
): PostmortemContent {
  return mergeContent(base, mine, theirs, { atomic: POSTMORTEM_CHOICES });
}
