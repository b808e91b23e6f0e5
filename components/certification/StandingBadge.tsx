/** Certification standing as a badge: certified, expiring soon, expired, not certified. */
import { Badge, type Tone } from "@/components/Badge";
import type { StandingState } from "@/lib/certification/certification-standing";

export const STANDING: Record<StandingState, { label: string; tone: Tone }> = {
  certified: { label: "Certified", tone: "green" },
  "expiring-soon": { label: "Expiring soon", tone: "ember" },
  expired: { label: "Expired", tone: "red" },
  "not-certified": { label: "Not certified", tone: "slate" },
};

export function StandingBadge({ state }: { state: StandingState }) {
  return (
    <span data-testid="standing" data-state={state}>
      <Badge tone={STANDING[state].tone}>{STANDING[state].label}</Badge>
    </span>
  );
}
