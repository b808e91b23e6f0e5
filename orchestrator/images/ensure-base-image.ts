/**
 * The base image every stack builds FROM: debian:bookworm-slim when a registry
 * answers (the fast path on a user's machine), otherwise a debootstrapped
 * rootfs. Cached: nothing happens when the image exists.
 */
import { inspectImage, pullImage, tagImage } from "../docker/images";
import { messageOf } from "../errors";
import { debootstrapImage } from "./debootstrap-rootfs";
import { BASE_IMAGE, BASE_IMAGE_REPO, BASE_IMAGE_TAG, UPSTREAM_BASE } from "./names";

export interface BaseImage {
  ref: string;
  id: string;
  source: "cached" | "pulled" | "debootstrap";
}

export async function ensureBaseImage(onLine: (l: string) => void, pullTimeoutMs = 20_000): Promise<BaseImage> {
  const cached = await inspectImage(BASE_IMAGE);
  if (cached) return { ref: BASE_IMAGE, id: cached.Id, source: "cached" };

  let source: BaseImage["source"] = "pulled";
  try {
    onLine(`trying to pull ${UPSTREAM_BASE} (${pullTimeoutMs / 1000} s at most)`);
    await pullImage(UPSTREAM_BASE, pullTimeoutMs, onLine);
    await tagImage(UPSTREAM_BASE, BASE_IMAGE_REPO, BASE_IMAGE_TAG);
  } catch (err) {
    onLine(`pull failed (${messageOf(err).split("\n")[0]}); building the base image with debootstrap`);
    source = "debootstrap";
    await debootstrapImage(BASE_IMAGE_REPO, BASE_IMAGE_TAG, onLine);
  }
  const image = await inspectImage(BASE_IMAGE);
  if (!image) throw new Error(`${BASE_IMAGE} missing after ${source}`);
  return { ref: BASE_IMAGE, id: image.Id, source };
}
