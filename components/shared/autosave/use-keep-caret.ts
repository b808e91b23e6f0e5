"use client";
/**
 * The caret across a merged value (see keep-caret): call the returned
 * function just before setting `value` to merged content; the caret goes back
 * beside the words it was next to once React has written it.
 */
import { useCallback, useLayoutEffect, useRef } from "react";
import { captureCaret } from "./keep-caret";

export function useKeepCaret(value: unknown): () => void {
  const restore = useRef<(() => void) | null>(null);
  useLayoutEffect(() => {
    restore.current?.();
    restore.current = null;
  }, [value]);
  return useCallback(() => {
    restore.current = captureCaret();
  }, []);
}
