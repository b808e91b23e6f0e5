/**
 * POST /api/users: sign up (and queue a welcome email in the outbox).
 * GET /api/users/today: the people who signed up today.
 */
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { HttpError, readJson, sendJson } from "../http-util";
import type { AppContext, Handler } from "../server";
import { today } from "../today";

export const createUser: Handler = async (ctx, req, res) => {
  const body = await readJson(req);
  const name = typeof body.name === "string" ? body.name.trim() : "";
  const email = typeof body.email === "string" ? body.email.trim().toLowerCase() : "";
  if (!name || name.length > 100) throw new HttpError(400, "name is required (at most 100 characters)");
  if (!/^[^@\s]+@[^@\s]+$/.test(email) || email.length > 200) throw new HttpError(400, "a valid email is required");

  const client = await ctx.pool.connect();
  try {
    await client.query("BEGIN");
    const { rows } = await client.query(
      "INSERT INTO users (name, email) VALUES ($1, $2) RETURNING id, name, email, created_at",
      [name, email],
    );
    const user = rows[0] as { id: string; name: string; email: string };
    await queueWelcomeEmail(ctx, user);
    await client.query("COMMIT");
    sendJson(res, 201, { user });
  } catch (err) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw err;
  } finally {
    client.release();
  }
};

/** The mailer picks files up from the outbox; a sign-up without its welcome email is rolled back. */
async function queueWelcomeEmail(ctx: AppContext, user: { id: string; name: string; email: string }): Promise<void> {
  const file = join(ctx.config.outboxDir, `welcome-${user.id}.eml`);
  const text = `To: ${user.email}\nSubject: Welcome to the shop, ${user.name}!\n\nThanks for signing up.\n`;
  try {
    await writeFile(file, text);
  } catch (err) {
    throw new Error(`could not queue the welcome email ${file}: ${(err as Error).message}`);
  }
}

export async function findTodaysUsers(ctx: AppContext): Promise<{ date: string; users: Record<string, unknown>[] }> {
  const date = today();
  const { rows } = await ctx.pool.query(
    `SELECT id, name, email, created_at FROM users
      WHERE created_at >= $1::date AND created_at < $1::date + 1
      ORDER BY created_at DESC LIMIT 100`,
    [date],
  );
  return { date, users: rows };
}

export const listTodaysUsers: Handler = async (ctx, _req, res) => {
  sendJson(res, 200, await findTodaysUsers(ctx));
};
