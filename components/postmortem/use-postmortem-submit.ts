"use client";
/**
 * Handing the postmortem in: save what is typed, submit that exact content, and
 * on a refusal keep everything, name each missing section beside it and scroll
 * to the first one.
 */
import { useRouter } from "next/navigation";
import { useState } from "react";
import { api } from "@/components/shared/api";
import type { PostmortemContent } from "@/lib/postmortems/postmortem-schema";
import type { useAutosave } from "@/components/shared/autosave/use-autosave";
import { sectionId } from "./postmortem-sections";

export function usePostmortemSubmit(attemptId: string, doc: ReturnType<typeof useAutosave<PostmortemContent>>) {
  const router = useRouter();
  const [fields, setFields] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit() {
    setBusy(true);
    setMessage(null);
    await doc.save();
    // What is in the form now: a save just merged a teammate's edits in, which this render's content predates.
    const sent = doc.currentContent();
    const r = await api<{ version: number }>(`/api/attempts/${attemptId}/postmortem/submit`, {
      method: "POST",
      body: { version: doc.currentVersion(), content: sent },
    });
    setBusy(false);
    if (r.ok) {
      router.push(`/attempts/${attemptId}`);
      router.refresh();
      return;
    }
    const f = { ...(r.error.fields ?? {}) };
    if (f.version) {
      // Refused for missing sections: the draft was saved as sent. A conflict saved nothing: fetch the latest.
      if (r.error.code === "INVALID_INPUT") doc.markSaved(sent, Number(f.version));
      else void doc.refresh();
      delete f.version;
    }
    setFields(f);
    setMessage(r.error.message);
    const first = Object.keys(f)[0];
    if (first)
      document.getElementById(sectionId(first.split(".")[0]!))?.scrollIntoView({ behavior: "smooth", block: "center" });
  }

  return { submit, busy, message, fields, err: (path: string) => fields[path] };
}
