/**
 * Fixed when, after a restart of the app: a user created now is on today's
 * list, and the app's clock is UTC all year, like the database's. The second
 * part does not depend on the time of day the check runs at.
 */
import type { LevelContext, Verdict } from "../_sdk";
import { requestJson, shown } from "../_lib/http";
import { mustExec, waitFor } from "../_lib/shell";
import { isUtcAllYear, offsetMinutes } from "./zones";

function formatOffset(minutes: number): string {
  const sign = minutes < 0 ? "-" : "+";
  const abs = Math.abs(minutes);
  return `UTC${sign}${String(Math.floor(abs / 60)).padStart(2, "0")}:${String(abs % 60).padStart(2, "0")}`;
}

export default async function check(ctx: LevelContext): Promise<Verdict> {
  ctx.log("restarting the app to prove the fix survives it");
  await mustExec(ctx, "app", "sv restart app >/dev/null");
  const health = await waitFor(
    async () => {
      const res = await requestJson(ctx, "/healthz", { timeoutMs: 2000 });
      return res.status === 200 && typeof res.json?.timeZone === "string" ? res.json : undefined;
    },
    20_000,
    500,
  );
  if (!health)
    return { passed: false, message: "The app does not come back after a restart: see /var/log/app/app.log." };

  const email = `tz-check-${Date.now()}@example.com`;
  const created = await requestJson(ctx, "/api/users", { method: "POST", json: { name: "Clock Check", email } });
  const user = created.json?.user as { id?: unknown } | undefined;
  if (created.status !== 201 || user?.id === undefined) {
    return { passed: false, message: `Signing up fails (${created.status || "no answer"}).` };
  }
  const today = await requestJson(ctx, "/api/users/today");
  const listed =
    Array.isArray(today.json?.users) && (today.json.users as { id?: unknown }[]).some((u) => u.id === user.id);
  if (!listed) {
    return {
      passed: false,
      message: `A user signed up just now (id ${shown(user.id)}) is not on today's list, which the app computes for ${shown(today.json?.date ?? "?")}.`,
    };
  }

  const zone = String(health.timeZone);
  if (!isUtcAllYear(zone)) {
    let offset = "an unknown offset";
    try {
      offset = formatOffset(offsetMinutes(zone, new Date()));
    } catch {
      // a zone name the check's clock does not know
    }
    return {
      passed: false,
      message: `Today's list looks right at this hour, but the app's clock runs on ${zone} (${offset}) while the database keeps UTC: it will be wrong again for part of every day.`,
    };
  }
  return {
    passed: true,
    message: `New users show up on today's list and the app's clock is ${zone}, like the database's.`,
  };
}
