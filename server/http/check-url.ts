/**
 * URL sanity for the web server's screen and every route handler. No Next.js
 * imports here: scripts/web-server.ts loads this before Next is prepared.
 */
import { AppError } from "../../lib/errors";

/** A NUL anywhere or a broken %-escape in the path or query ("/a/b?c=d") is the client's mistake: 400, never a 500. */
export function checkUrl(pathAndQuery: string): void {
  if (pathAndQuery.includes("\0") || /%00/i.test(pathAndQuery))
    throw new AppError("INVALID_INPUT", "The address contains a NUL character.");
  for (const part of pathAndQuery.split(/[/?&=]/)) {
    try {
      decodeURIComponent(part.replace(/\+/g, " "));
    } catch {
      throw new AppError("INVALID_INPUT", "The address is not valid (a broken %-escape).");
    }
  }
}
