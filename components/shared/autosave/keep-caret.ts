"use client";
/**
 * Keeps the person typing where they were when a merge replaces the form's
 * values: the caret stays beside the same words (a controlled input would jump
 * to the end), and in lists of rows, where a teammate's row may have been
 * inserted above, focus follows the row holding the text being typed (rows are
 * marked `data-collab-field`, the same value for one column of every row).
 * Capture before the new value is set, restore after React has written it.
 */
import { mapOffset, textDistance } from "@/lib/collab/map-offset";

type TextField = HTMLTextAreaElement | HTMLInputElement;

function asTextField(el: Element | null): TextField | null {
  if (el instanceof HTMLTextAreaElement) return el;
  if (el instanceof HTMLInputElement && el.type === "text") return el;
  return null;
}

export function captureCaret(): (() => void) | null {
  if (typeof document === "undefined") return null;
  const field = asTextField(document.activeElement);
  if (!field || field.selectionStart === null || field.selectionEnd === null) return null;
  const before = field.value;
  const start = field.selectionStart;
  const end = field.selectionEnd;
  const direction = field.selectionDirection ?? undefined;
  const column = field.dataset.collabField;
  return () => {
    const focus = document.activeElement;
    if (focus !== field && focus !== null && focus !== document.body) return; // they moved on meanwhile
    let target: TextField = field;
    if (column) {
      // The row's text may now sit in another row's input: follow the closest text, preferring where focus is.
      let best = field.isConnected ? textDistance(before, field.value) : Infinity;
      for (const el of document.querySelectorAll(`[data-collab-field="${CSS.escape(column)}"]`)) {
        const candidate = asTextField(el);
        if (!candidate || candidate === field) continue;
        const d = textDistance(before, candidate.value);
        if (d < best) {
          best = d;
          target = candidate;
        }
      }
    }
    if (!target.isConnected || (target === field && field.value === before)) return;
    if (document.activeElement !== target) target.focus({ preventScroll: true });
    target.setSelectionRange(mapOffset(before, target.value, start), mapOffset(before, target.value, end), direction);
  };
}
