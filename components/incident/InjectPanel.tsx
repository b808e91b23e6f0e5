"use client";
/**
 * The facilitator's injects while a team plays: change the severity, speak as
 * a stakeholder who wants an answer by a deadline, trigger a second fault from
 * the level. Shown to facilitators and admins watching the room only.
 */
import { useId, useState } from "react";
import { Button } from "@/components/Button";
import { liveRequest } from "@/components/live/live-socket";
import { SEVERITIES, SEVERITY_LABEL } from "@/lib/reports/report-schema";
import { fieldClass } from "@/components/forms/field-styles";

const control = fieldClass();

export function InjectPanel({
  attemptId,
  severity,
  live,
  injects,
  triggered,
}: {
  attemptId: string;
  severity: string | null;
  /** The incident is ACTIVE or MITIGATED. */
  live: boolean;
  injects: { id: string; title: string; description: string }[];
  /** Inject ids already triggered in this attempt. */
  triggered: string[];
}) {
  const ids = useId();
  const [from, setFrom] = useState("Head of Customer Support");
  const [message, setMessage] = useState("");
  const [minutes, setMinutes] = useState("5");
  const [busy, setBusy] = useState<string | null>(null);
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);

  async function send(key: string, payload: Record<string, unknown>, done: string): Promise<boolean> {
    setBusy(key);
    setOutcome(null);
    const r = await liveRequest("inject:send", { attemptId, ...payload });
    setBusy(null);
    setOutcome(r.ok ? { ok: true, text: done } : { ok: false, text: r.error.message });
    return r.ok;
  }

  async function sendStakeholder() {
    const n = Number(minutes);
    if (!message.trim()) return setOutcome({ ok: false, text: "Write the stakeholder's message first." });
    if (!Number.isInteger(n) || n < 1 || n > 240)
      return setOutcome({ ok: false, text: "Answer within: a whole number of minutes, 1 to 240." });
    const ok = await send(
      "stakeholder",
      { type: "stakeholder", from: from.trim(), message: message.trim(), answerWithinMinutes: n },
      "Stakeholder message sent.",
    );
    if (ok) setMessage("");
  }

  return (
    <div className="space-y-5 text-sm" data-testid="inject-panel">
      {!live && (
        <p className="rounded-md bg-slate-50 px-3 py-2 text-slate-600">
          Injects can be sent while the incident is live.
        </p>
      )}
      <section className="space-y-2" aria-labelledby={`${ids}-sev`}>
        <h3 id={`${ids}-sev`} className="font-semibold text-slate-900">
          Severity <span className="font-normal text-slate-500">(now {severity ?? "not declared"})</span>
        </h3>
        <div className="flex flex-wrap gap-2">
          {SEVERITIES.map((s) => (
            <Button
              key={s}
              size="sm"
              variant={s === severity ? "primary" : "secondary"}
              disabled={!live || busy !== null || s === severity}
              title={SEVERITY_LABEL[s]}
              onClick={() => void send(`sev-${s}`, { type: "severity", severity: s }, `Severity set to ${s}.`)}
              data-testid={`inject-severity-${s}`}
            >
              {s}
            </Button>
          ))}
        </div>
      </section>

      <section className="space-y-2" aria-labelledby={`${ids}-sh`}>
        <h3 id={`${ids}-sh`} className="font-semibold text-slate-900">
          A stakeholder asks
        </h3>
        <div>
          <label htmlFor={`${ids}-from`} className="text-xs font-medium text-slate-700">
            From
          </label>
          <input id={`${ids}-from`} className={control} value={from} onChange={(e) => setFrom(e.target.value)} />
        </div>
        <div>
          <label htmlFor={`${ids}-msg`} className="text-xs font-medium text-slate-700">
            Message
          </label>
          <textarea
            id={`${ids}-msg`}
            rows={3}
            className={control}
            value={message}
            placeholder="Customers are calling about failed uploads. What do I tell them, and when is it fixed?"
            onChange={(e) => setMessage(e.target.value)}
            data-testid="inject-stakeholder-message"
          />
        </div>
        <div className="flex items-end gap-2">
          <div className="w-36">
            <label htmlFor={`${ids}-min`} className="text-xs font-medium text-slate-700">
              Answer within (minutes)
            </label>
            <input
              id={`${ids}-min`}
              type="number"
              min={1}
              max={240}
              className={control}
              value={minutes}
              onChange={(e) => setMinutes(e.target.value)}
              data-testid="inject-stakeholder-minutes"
            />
          </div>
          <Button
            size="sm"
            disabled={!live || busy !== null}
            onClick={() => void sendStakeholder()}
            data-testid="inject-stakeholder-send"
          >
            {busy === "stakeholder" ? "Sending…" : "Send"}
          </Button>
        </div>
      </section>

      <section className="space-y-2" aria-labelledby={`${ids}-fault`}>
        <h3 id={`${ids}-fault`} className="font-semibold text-slate-900">
          Second fault
        </h3>
        {injects.length === 0 ? (
          <p className="text-slate-500">This level has no second fault to inject.</p>
        ) : (
          <ul className="space-y-2">
            {injects.map((i) => (
              <li key={i.id} className="rounded-md border border-slate-200 p-2">
                <p className="font-medium text-slate-900">
                  {i.title}
                  {triggered.includes(i.id) && (
                    <span className="ml-2 rounded bg-red-100 px-1.5 py-0.5 text-xs font-semibold text-red-800">
                      fired
                    </span>
                  )}
                </p>
                <p className="mb-2 text-xs text-slate-600">{i.description}</p>
                <Button
                  size="sm"
                  variant="danger"
                  disabled={!live || busy !== null || triggered.includes(i.id)}
                  onClick={() => {
                    if (window.confirm(`Trigger “${i.title}” in the team's environment now?`))
                      void send(`fault-${i.id}`, { type: "fault", injectId: i.id }, `Triggered: ${i.title}.`);
                  }}
                  data-testid={`inject-fault-${i.id}`}
                >
                  {busy === `fault-${i.id}`
                    ? "Triggering…"
                    : triggered.includes(i.id)
                      ? "Already triggered"
                      : "Trigger"}
                </Button>
              </li>
            ))}
          </ul>
        )}
      </section>

      <p
        role="status"
        aria-live="polite"
        className={outcome ? (outcome.ok ? "text-emerald-700" : "text-red-700") : "sr-only"}
      >
        {outcome?.text}
      </p>
    </div>
  );
}
