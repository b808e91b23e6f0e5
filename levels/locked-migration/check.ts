/**
 * Fixed when nothing in the database is stuck (no session waits for a lock, none sits
 * idle inside a transaction) and the app, rebooted through the engine, starts and serves
 * the shop's real products through the proxy and directly. The deploy may have been
 * finished (then its column really exists in the table, whatever schema_migrations claims)
 * or rolled back (its migration neither deployed nor recorded).
 *
 * Messages tell what an operator sees (the shop not answering, the boot waiting on the
 * database), never the session that holds the lock: hint 3 sells that. A machine too busy
 * to boot the app or answer in time gets "could not judge", not "not fixed".
 */
import type { CheckContext, Verdict } from "../_sdk";
import { unjudged } from "../_sdk";
import { answeringSql, sqlErrorCode } from "../_lib/answering-sql";
import { formatMs } from "../_lib/http";
import { stillStarting } from "./boot";
import { migrationFile, migrationState, migrationVersion } from "./migration";
import { isStuck, stuckSessions, type StuckSessions } from "./sessions";
import { firstPage, productList, sameProducts, sideName, type ListAnswer, type Side } from "./shop";

const fail = (message: string): Verdict => ({ passed: false, message });
const BOOT_WAIT_MS = 45_000;
const BUSY = "The machine is too busy to judge right now";

function stuckMessage(stuck: StuckSessions, shopAnswers: boolean, status: number): string {
  if (!shopAnswers)
    return `The shop still answers ${status || "nothing"} through the proxy: the app has not finished starting, it waits on the database.`;
  if (stuck.waiting > 0)
    return `The shop answers, but ${stuck.waiting} database session(s) still wait for a lock: writes to that table, and the next deploy, would hang the same way.`;
  return "The shop answers, but the database still holds locks for work that never finishes: writes to that table, and the next deploy, would hang the same way.";
}

/** One side's product list, asked again when the answer is only late. */
async function listWithRetries(ctx: CheckContext, side: Side): Promise<ListAnswer> {
  let res = await productList(ctx.observe, side, 8_000);
  for (let i = 0; i < 2 && res.timedOut; i++) res = await productList(ctx.observe, side, 8_000);
  return res;
}

export default async function check(ctx: CheckContext): Promise<Verdict> {
  const table = String(ctx.params.table);
  const column = String(ctx.params.column);
  const version = migrationVersion(column, table);
  const observe = answeringSql(ctx.observe);

  // A fix made a moment ago may still be settling (the freed migration finishing): give it a few seconds.
  let stuck = await stuckSessions(observe);
  if (isStuck(stuck)) await ctx.waitUntil(async () => !isStuck((stuck = await stuckSessions(observe))), 8_000, 500);
  if (isStuck(stuck)) {
    const shop = await productList(observe, "proxy", 5_000);
    return fail(stuckMessage(stuck, shop.items !== null, shop.status));
  }

  ctx.log("rebooting the app instance to prove the shop starts cleanly");
  await ctx.restart("app");
  const rebooted = Date.now(); // the container runs again from here (the restart itself can take a while)
  const up = await ctx.waitUntil(
    async () => (await productList(observe, "app", 5_000)).items !== null,
    BOOT_WAIT_MS,
    1_000,
  );
  if (!up) {
    stuck = await stuckSessions(observe);
    const last = await productList(observe, "proxy", 5_000);
    if (isStuck(stuck)) return fail(stuckMessage(stuck, false, last.status));
    if (await stillStarting(observe, (Date.now() - rebooted) / 1000))
      return unjudged(
        `${BUSY}: the app is still starting ${formatMs(Date.now() - rebooted)} after a reboot. Try again.`,
      );
    return fail(
      `After a reboot of the app instance the shop does not come back (it answers ${last.status || "nothing"} through the proxy); see /var/log/app/app.log.`,
    );
  }

  let real: string[] | null;
  try {
    real = await firstPage(observe, 20);
  } catch (err) {
    // Only a lock the read waited for is a verdict; any other failure to answer is "could not judge".
    if (sqlErrorCode(err) !== "55P03") throw err;
    return fail("After a reboot the database does not serve the product list in time: something still holds it.");
  }
  if (!real) return fail("After a reboot the shop's products table is not a table any more.");
  let slowest = 0;
  for (const side of ["proxy", "app"] as Side[]) {
    const res = await listWithRetries(ctx, side);
    if (res.timedOut) return unjudged(`${BUSY}: the shop ${sideName(side)} did not answer within 8 s. Try again.`);
    if (!sameProducts(res.items, real))
      return fail(
        `After a reboot the shop ${sideName(side)} does not list the shop's products (it answers ${res.status || "nothing"}${res.items ? " with other products" : ""}).`,
      );
    slowest = Math.max(slowest, res.ms);
  }

  stuck = await stuckSessions(observe);
  if (isStuck(stuck)) return fail(stuckMessage(stuck, true, 200));

  const deployed = (await observe.file("app", migrationFile(version))) !== null;
  const state = await migrationState(observe, table, column, version);
  if ((deployed || state.recorded) && !state.columnExists) {
    const claim = state.recorded ? "is recorded as applied" : "is still deployed";
    return fail(
      `The shop answers, but migration ${version} ${claim} while ${table}.${column} does not exist in the database: the release that needs it would break.`,
    );
  }
  const how =
    deployed || state.recorded
      ? `migration ${version} is applied (${table}.${column} exists)`
      : `the deploy is rolled back (${version} is neither deployed nor recorded)`;
  return {
    passed: true,
    message: `Nothing in the database is stuck, ${how}, and after a reboot the shop lists its products again (${formatMs(slowest)}).`,
  };
}
