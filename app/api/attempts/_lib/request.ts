/** Request parsing shared by the attempt routes: the `[id]` param and a JSON body checked with a schema. */
import { type z } from "zod";
import type { RouteContext } from "@/server/auth/guard";
import { AppError } from "@/lib/errors";

export async function idParam(ctx: RouteContext, name = "id"): Promise<string> {
  const value = (await ctx.params)[name];
  if (typeof value !== "string" || value.length === 0 || value.length > 64)
    throw new AppError("NOT_FOUND", "No such attempt.");
  return value;
}

const NUL = new Error("NUL in JSON");
// PostgreSQL text cannot hold U+0000: refuse it here as bad input rather than fail in the database.
function refuseNul(key: string, value: unknown): unknown {
  if (key.includes("\0") || (typeof value === "string" && value.includes("\0"))) throw NUL;
  return value;
}

export async function readJson<S extends z.ZodType>(req: Request, schema: S): Promise<z.infer<S>> {
  let body: unknown;
  try {
    const text = await req.text();
    body = text ? JSON.parse(text, refuseNul) : {};
  } catch (err) {
    if (err === NUL) throw new AppError("INVALID_INPUT", "Text may not contain NUL characters (\\u0000).");
    throw new AppError("INVALID_INPUT", "The request body is not valid JSON.");
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) fields[issue.path.join(".") || "body"] ??= issue.message;
    throw new AppError("INVALID_INPUT", "The request is not valid.", fields);
  }
  return parsed.data;
}
