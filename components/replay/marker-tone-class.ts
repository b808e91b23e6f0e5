/**
 * How the UI draws a replay marker's tone (lib/replay/markers.ts decides the
 * tone; the classes are the UI's business).
 */
import type { MarkerTone } from "@/lib/replay/markers";

/** Tailwind classes per tone (background of the marker, text of the list badge). */
export const TONE_CLASS: Record<MarkerTone, { dot: string; text: string }> = {
  pass: { dot: "bg-green-600", text: "text-green-700" },
  fail: { dot: "bg-red-600", text: "text-red-700" },
  healthy: { dot: "bg-emerald-500", text: "text-emerald-700" },
  degraded: { dot: "bg-amber-500", text: "text-amber-700" },
  down: { dot: "bg-red-500", text: "text-red-700" },
  talk: { dot: "bg-blue-600", text: "text-blue-700" },
  inject: { dot: "bg-violet-600", text: "text-violet-700" },
  hint: { dot: "bg-amber-400", text: "text-amber-700" },
  other: { dot: "bg-slate-500", text: "text-slate-600" },
};
