"use client";
/**
 * The service's source code, read-only, fetched through the attempt's code
 * route. Files are named by their full path in the instance
 * (/srv/app/src/routes/users.ts), as the hints and the shell name them.
 */
import { useEffect, useState } from "react";
import { api } from "@/components/shared/api";

export function CodePanel({ attemptId, active }: { attemptId: string; active: boolean }) {
  const [files, setFiles] = useState<string[] | null>(null);
  const [file, setFile] = useState<string | null>(null);
  const [content, setContent] = useState<string>("");
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!active || files !== null) return;
    void api<{ files: string[] }>(`/api/attempts/${attemptId}/code`).then((r) => {
      if (r.ok) setFiles(r.data.files);
      else setError(r.error.message);
    });
  }, [active, files, attemptId]);

  async function open(f: string) {
    setFile(f);
    setContent("Loading…");
    const r = await api<{ content: string; truncated: boolean }>(
      `/api/attempts/${attemptId}/code?file=${encodeURIComponent(f)}`,
    );
    setContent(r.ok ? r.data.content + (r.data.truncated ? "\n… (truncated)" : "") : r.error.message);
  }

  if (error) return <p className="text-sm text-red-700">{error}</p>;
  if (files === null) return <p className="text-sm text-slate-500">Loading the file list…</p>;
  if (files.length === 0) return <p className="text-sm text-slate-500">This level has no code to read.</p>;
  return (
    <div className="flex h-full min-h-0 flex-col gap-2">
      <ul
        className="max-h-40 shrink-0 overflow-auto rounded border border-slate-200 text-xs"
        aria-label="Files"
        data-testid="code-files"
      >
        {files.map((f) => (
          <li key={f}>
            <button
              type="button"
              onClick={() => void open(f)}
              aria-current={f === file ? "true" : undefined}
              className={`block w-full break-all px-2 py-1 text-left font-mono ${f === file ? "bg-slate-800 text-white" : "hover:bg-slate-100"}`}
            >
              {f}
            </button>
          </li>
        ))}
      </ul>
      {file && (
        <p className="break-all font-mono text-xs font-medium text-slate-700" data-testid="code-file">
          {file}
        </p>
      )}
      <pre
        className="min-h-64 flex-1 overflow-auto rounded bg-slate-50 p-2 text-[11px] leading-4 text-slate-800"
        aria-label={file ?? "No file open"}
        tabIndex={0}
      >
        {file ? content : "Choose a file to read it."}
      </pre>
    </div>
  );
}
