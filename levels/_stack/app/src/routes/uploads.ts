/**
 * POST /api/uploads: the raw request body is the file (name in `x-filename`),
 * stored under UPLOAD_DIR and recorded in the uploads table.
 * GET /api/uploads: the latest uploads.
 * GET /api/uploads/:id: one kept upload's bytes, as they were stored.
 */
import { createHash, randomUUID } from "node:crypto";
import { createReadStream, createWriteStream } from "node:fs";
import { rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { HttpError, sendJson } from "../http-util";
import type { AppContext, Handler } from "../server";

export const createUpload: Handler = async (ctx, req, res) => {
  const limit = ctx.config.maxUploadMb * 1024 * 1024;
  const declared = Number(req.headers["content-length"] ?? 0);
  if (declared > limit) throw new HttpError(413, `uploads are limited to ${ctx.config.maxUploadMb} MB`);

  const filename =
    String(req.headers["x-filename"] ?? "upload.bin")
      .replace(/[^\w.-]/g, "_")
      .slice(0, 100) || "upload.bin";
  const id = randomUUID();
  const tmp = join(ctx.config.uploadDir, `.${id}.part`);
  const hash = createHash("sha256");
  let size = 0;
  const meter = new Transform({
    transform(chunk: Buffer, _enc, done) {
      size += chunk.length;
      if (size > limit) return done(new HttpError(413, `uploads are limited to ${ctx.config.maxUploadMb} MB`));
      hash.update(chunk);
      done(null, chunk);
    },
  });
  try {
    await pipeline(req, meter, createWriteStream(tmp));
    await rename(tmp, join(ctx.config.uploadDir, id));
  } catch (err) {
    await rm(tmp, { force: true });
    if (err instanceof HttpError) throw err;
    throw new Error(`could not store the upload: ${(err as Error).message}`);
  }

  const { rows } = await ctx.pool.query(
    "INSERT INTO uploads (id, filename, size_bytes, sha256) VALUES ($1, $2, $3, $4) RETURNING id, filename, size_bytes, sha256, created_at",
    [id, filename, size, hash.digest("hex")],
  );
  ctx.log.info(`stored upload ${id} (${filename}, ${size} bytes)`);
  sendJson(res, 201, { upload: rows[0] });
  await pruneUploads(ctx);
};

/** Keep the latest KEEP_UPLOADS files; older ones were processed long ago. */
async function pruneUploads(ctx: AppContext): Promise<void> {
  const { rows } = await ctx.pool.query<{ id: string }>(
    "DELETE FROM uploads WHERE id IN (SELECT id FROM uploads ORDER BY created_at DESC OFFSET $1) RETURNING id",
    [ctx.config.keepUploads],
  );
  for (const row of rows) await rm(join(ctx.config.uploadDir, row.id), { force: true });
}

export const listUploads: Handler = async (ctx, _req, res) => {
  const { rows } = await ctx.pool.query(
    "SELECT id, filename, size_bytes, sha256, created_at FROM uploads ORDER BY created_at DESC LIMIT 20",
  );
  sendJson(res, 200, { uploads: rows });
};

/** The bytes of a kept upload (older ones are pruned: 404). */
export const getUpload: Handler = async (ctx, _req, res, _url, match) => {
  const id = match[1] ?? "";
  const { rows } = await ctx.pool.query<{ filename: string; size_bytes: string; sha256: string }>(
    "SELECT filename, size_bytes, sha256 FROM uploads WHERE id = $1",
    [id],
  );
  const row = rows[0];
  const path = join(ctx.config.uploadDir, id);
  const size = row
    ? await stat(path).then(
        (s) => (s.isFile() ? s.size : null),
        () => null,
      )
    : null;
  if (!row || size === null) throw new HttpError(404, `no upload ${id}`);
  res.writeHead(200, {
    "content-type": "application/octet-stream",
    "content-length": size,
    "content-disposition": `attachment; filename="${row.filename}"`,
    "x-sha256": row.sha256,
  });
  await pipeline(createReadStream(path), res);
};
