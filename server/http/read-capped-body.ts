/**
 * A request body read with a size cap that holds before anything is read: a
 * declared Content-Length over the cap is refused at once, and a chunked body is
 * counted as it streams and dropped the moment it passes the cap.
 */
import { AppError } from "../../lib/errors";

function tooLarge(maxBytes: number): AppError {
  const size = maxBytes >= 1 << 20 ? `${maxBytes / (1 << 20)} MB` : `${Math.round(maxBytes / 1024)} KB`;
  return new AppError("PAYLOAD_TOO_LARGE", `The request body is larger than this route takes (${size}).`);
}

export async function readCappedBody(req: Request, maxBytes: number): Promise<string> {
  const declared = req.headers.get("content-length");
  if (declared !== null) {
    if (!/^\s*\d+\s*$/.test(declared)) throw new AppError("INVALID_INPUT", "Content-Length is not a number.");
    if (Number(declared) > maxBytes) throw tooLarge(maxBytes);
  }
  if (!req.body) return "";
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new AppError("INVALID_INPUT", "The request body is not valid UTF-8 text.");
  }
}
