/**
 * The mailer: every few seconds it "sends" the emails queued in OUTBOX_DIR
 * (this shop has no real mail server: sending means logging and removing).
 */
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Logger } from "./log";

export function startMailer(outboxDir: string, log: Logger, everyMs = 5000): NodeJS.Timeout {
  const timer = setInterval(() => {
    void sendQueued(outboxDir, log);
  }, everyMs);
  timer.unref();
  return timer;
}

async function sendQueued(outboxDir: string, log: Logger): Promise<void> {
  try {
    const files = (await readdir(outboxDir)).filter((f) => f.endsWith(".eml"));
    for (const file of files) await rm(join(outboxDir, file), { force: true });
    if (files.length) log.info(`mailer: sent ${files.length} email(s)`);
  } catch (err) {
    log.warn(`mailer: ${(err as Error).message}`);
  }
}
