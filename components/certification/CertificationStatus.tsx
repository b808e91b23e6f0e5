/**
 * The player's certification card: where they stand (certified, expiring soon,
 * expired, not yet), until when, and which levels to replay in certification
 * mode to renew it; before the first award, the progress toward the rule.
 */
import { MedalIcon } from "@/components/icons";
import { StartLevelButton } from "@/components/incident/StartLevelButton";
import type { PlayerProgress } from "@/lib/certification/get-player-progress";
import { formatDate } from "@/lib/format";
import { StandingBadge } from "./StandingBadge";

function Bar({ label, have, need, testId }: { label: string; have: number; need: number; testId?: string }) {
  return (
    <div>
      <div className="mb-1 flex justify-between text-sm">
        <span className="text-slate-600">{label}</span>
        <span className="font-semibold tabular-nums" data-testid={testId}>
          {have} / {need}
        </span>
      </div>
      <div className="h-2 overflow-hidden rounded bg-slate-200">
        <div className="h-full bg-ember-500" style={{ width: `${Math.min(100, (100 * have) / need)}%` }} />
      </div>
    </div>
  );
}

function Renew({ home, heading }: { home: PlayerProgress; heading: string }) {
  if (home.standing.renew.length === 0) return null;
  return (
    <div data-testid="renew">
      <p className="mb-1 text-sm font-medium text-slate-800">{heading}</p>
      <ul className="space-y-2">
        {home.standing.renew.map((l) => (
          <li key={l.levelId} className="flex items-start justify-between gap-2 text-sm">
            <span>
              {l.title} <span className="text-xs text-slate-500">{l.category}</span>
              <span className="block text-xs text-slate-500">
                pass {Date.parse(l.expiresAt) <= Date.parse(home.now) ? "expired" : "expires"}{" "}
                {formatDate(new Date(l.expiresAt))}
              </span>
            </span>
            <StartLevelButton levelId={l.levelId} mode="CERTIFICATION" label="Certify" size="sm" variant="secondary" />
          </li>
        ))}
      </ul>
    </div>
  );
}

export function CertificationStatus({ home }: { home: PlayerProgress }) {
  const { standing, progress, rule } = home;
  const until = standing.validUntil ? formatDate(new Date(standing.validUntil)) : null;
  if (standing.state === "certified" || standing.state === "expiring-soon")
    return (
      <div className="space-y-3" data-testid="certified">
        <div className="flex items-center gap-3">
          <span
            className="flex h-12 w-12 items-center justify-center rounded-full bg-green-100 text-green-700"
            aria-hidden
          >
            <MedalIcon />
          </span>
          <div>
            <p className="font-semibold text-green-800">Certified for on-call</p>
            <p className="text-sm text-slate-600">
              <StandingBadge state={standing.state} /> {until ? `valid until ${until}` : "no expiry"}
            </p>
          </div>
        </div>
        <Renew
          home={home}
          heading={
            standing.state === "expiring-soon"
              ? "Practice decays: replay these in certification mode to renew it"
              : "To keep it past that date, replay in certification mode"
          }
        />
      </div>
    );
  return (
    <div className="space-y-3" data-testid="progress">
      {standing.state === "expired" && (
        <p className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800" data-testid="expired">
          <StandingBadge state="expired" /> Your certification lapsed: passes count for {rule.validDays} days. Replay
          levels in certification mode to renew it.
        </p>
      )}
      <Bar label="Levels passed" have={progress.passedLevels.length} need={rule.levels} testId="levels-passed" />
      <Bar label="Categories covered" have={progress.passedCategories.length} need={rule.categories} />
      <p className="text-sm text-slate-600">
        Still to do:{" "}
        {progress.levelsLeft > 0
          ? `${progress.levelsLeft} more level${progress.levelsLeft === 1 ? "" : "s"}`
          : "no more levels"}
        {progress.categoriesLeft > 0
          ? `, in ${progress.categoriesLeft} more categor${progress.categoriesLeft === 1 ? "y" : "ies"}`
          : ""}
        {rule.requireCertMode ? ", in certification mode (the Certify buttons)" : ""}.
      </p>
      <Renew home={home} heading="Replay these in certification mode to renew it" />
    </div>
  );
}
