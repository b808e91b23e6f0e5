/** Response bodies as a browser's script sees them: decoded per Content-Encoding. */
import { brotliDecompressSync, gunzipSync, inflateRawSync, inflateSync } from "node:zlib";
import type { HttpAnswer } from "./http-request";

/** The body as the page's script sees it: decoded per Content-Encoding (null when it cannot be). */
export function decodeBody(answer: Pick<HttpAnswer, "bytes" | "headers">): Buffer | null {
  const raw = answer.headers["content-encoding"];
  const encoding = (Array.isArray(raw) ? raw.join(",") : (raw ?? "")).trim().toLowerCase();
  try {
    if (!encoding || encoding === "identity") return answer.bytes;
    if (encoding === "gzip" || encoding === "x-gzip") return gunzipSync(answer.bytes);
    if (encoding === "br") return brotliDecompressSync(answer.bytes);
    if (encoding === "deflate") {
      try {
        return inflateSync(answer.bytes);
      } catch {
        return inflateRawSync(answer.bytes);
      }
    }
  } catch {
    return null;
  }
  return null;
}
