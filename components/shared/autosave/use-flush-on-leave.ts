"use client";
/**
 * Leaving the page with unsaved typing: `flush` sends one last save that
 * outlives the page (keepalive) on pagehide; `stop` runs when the page unmounts
 * or the inputs change (a pending save timer is cleared).
 */
import { useEffect } from "react";

export function useFlushOnLeave(enabled: boolean, flush: () => void, stop: () => void): void {
  useEffect(() => {
    if (!enabled) return;
    window.addEventListener("pagehide", flush);
    return () => {
      window.removeEventListener("pagehide", flush);
      stop();
    };
  }, [enabled, flush, stop]);
}
