/**
 * Fixed when, after the app instance reboots, a user who signs up now is on
 * today's list (through the proxy and straight from the app, and really in the
 * database), and that holds at every hour: the app's calendar and the
 * database's agree all year. Any real fix passes: the app back on UTC, the app's
 * database role or database set to the app's zone, or a code fix (deployed with
 * `deploy`) that computes "today" consistently.
 *
 * Trusted observations only: behaviour over HTTP from outside, the database through
 * pinned SQL, the app process's real environment from the kernel, /etc/localtime from
 * the engine. When the two calendars agree at this hour but not all year, behaviour
 * cannot tell a fix in the code from luck, and the check says it cannot judge yet.
 */
import { unjudged, type CheckContext, type Verdict } from "../_sdk";
import { requestJson, shown } from "../_lib/http";
import { appZone } from "./app-zone";
import { databaseZone } from "./database-zone";
import { agreeAllYear, dateIn, nextDisagreement } from "./zones";

interface Listed {
  proxied: boolean;
  direct: boolean;
  date: unknown;
}

async function todaysListHas(ctx: CheckContext, id: string): Promise<Listed> {
  const has = (json: Record<string, unknown> | undefined) =>
    Array.isArray(json?.users) && (json.users as { id?: unknown }[]).some((u) => String(u.id) === id);
  const proxied = await requestJson(ctx.observe, "/api/users/today");
  const direct = await ctx.observe.direct("app", 3000, "/api/users/today", {
    headers: { accept: "application/json" },
    timeoutMs: 5000,
  });
  let directJson: Record<string, unknown> | undefined;
  try {
    directJson = JSON.parse(direct.body) as Record<string, unknown>;
  } catch {
    directJson = undefined;
  }
  return { proxied: has(proxied.json), direct: has(directJson), date: proxied.json?.date ?? directJson?.date };
}

export default async function check(ctx: CheckContext): Promise<Verdict> {
  ctx.log("rebooting the app instance to prove the fix survives it");
  await ctx.restart("app");
  const up = await ctx.waitUntil(
    async () => (await ctx.observe.direct("app", 3000, "/api/users/today")).status === 200,
    30_000,
  );
  if (!up) return { passed: false, message: "After a reboot of the app instance the app does not answer." };

  const email = `clock-check-${Date.now()}@example.com`;
  const created = await requestJson(ctx.observe, "/api/users", {
    method: "POST",
    json: { name: "Clock Check", email },
  });
  const rawId = (created.json?.user as { id?: unknown } | undefined)?.id;
  const id = typeof rawId === "string" || typeof rawId === "number" ? String(rawId) : "";
  const stored = id
    ? await ctx.observe.sql(
        "SELECT u.id::pg_catalog.text AS id FROM public.users u WHERE u.email OPERATOR(pg_catalog.=) $1",
        [email],
      )
    : [];
  if (created.status !== 201 || !id)
    return { passed: false, message: `Signing up does not work (${created.status || "no answer"}).` };
  if (stored[0]?.id !== id)
    return {
      passed: false,
      message: `A sign-up answers ${created.status}, yet no such user is stored in the users table.`,
    };

  const listed = await todaysListHas(ctx, id);
  if (!listed.proxied || !listed.direct) {
    return {
      passed: false,
      message: `A user who signed up just now (id ${id}) is not on today's list, which the app computes for ${shown(listed.date ?? "?")}.`,
    };
  }

  // Right at this hour the list is right. Is it right at every hour?
  const [app, db] = await Promise.all([appZone(ctx), databaseZone(ctx)]);
  if (!app.zone)
    return unjudged(
      `The list is right at this hour, but the check cannot tell which time zone the app runs on (${app.why}).`,
    );
  const now = new Date();
  if (agreeAllYear(app.zone, db.zone)) {
    return {
      passed: true,
      message: `New users show up on today's list, and the app's calendar (${app.zone}) matches the database's (${db.zone}) all year.`,
    };
  }
  if (dateIn(app.zone, now) !== dateIn(db.zone, now)) {
    // The calendars differ right now, yet today's list is right: "today" is computed consistently in the code.
    return {
      passed: true,
      message: `New users show up on today's list although the app runs on ${app.zone} and the database on ${db.zone}: "today" is computed consistently.`,
    };
  }
  const next = nextDisagreement(app.zone, db.zone, now);
  return unjudged(
    `Today's list is right at this hour, but the app's clock runs on ${app.zone} while its database sessions use ${db.zone}. ` +
      `Right now both are on the same date, so the check cannot tell a fix in the code from luck` +
      (next ? `: try again after ${next.toISOString().slice(11, 16)} UTC, or make the two agree.` : "."),
  );
}
