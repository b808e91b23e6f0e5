"use client";
/** Whose edits were last merged into this page ("Updated with X's edits"), shown for a little while. */
import { useEffect, useState } from "react";

const SHOWN_MS = 20_000;

export function useMergedNote(): [string | null, (name: string | null) => void] {
  const [mergedFrom, setMergedFrom] = useState<string | null>(null);
  useEffect(() => {
    if (!mergedFrom) return;
    const t = setTimeout(() => setMergedFrom(null), SHOWN_MS);
    return () => clearTimeout(t);
  }, [mergedFrom]);
  return [mergedFrom, setMergedFrom];
}
