/**
 * A product's thumbnail for the search page's cards, drawn by the app: a wood-grain swatch in the
 * product's two colours (picked from its SKU), drawn at four times the size and scaled down for smooth
 * edges, encoded as a PNG at the best compression. Pure computation, a few milliseconds of CPU per
 * thumbnail (no cache yet: every card is drawn again, on every request).
 */
import { deflateSync } from "node:zlib";

export const THUMB_SIZE = 96;

const CRC_TABLE = Int32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c;
});

function crc32(bytes: Buffer): number {
  let c = -1;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ -1) >>> 0;
}

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

const PNG_SIGNATURE = Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]);

/** Each thumbnail pixel averages this many samples per side (drawn larger, then scaled down: smooth edges). */
export const SUPERSAMPLE = 4;

/** The PNG bytes of `key`'s swatch, `size` pixels square. */
export function thumbnailPng(key: string, size = THUMB_SIZE): Buffer {
  let seed = hash(key);
  const next = () => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return Math.floor((seed / 4294967296) * 256);
  };
  const [r0, g0, b0, r1, g1, b1] = [next(), next(), next(), next(), next(), next()];
  const stride = size * 3 + 1;
  const raw = Buffer.alloc(stride * size); // each row: filter byte 0, then RGB
  const n = SUPERSAMPLE;
  const big = size * n;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let t = 0;
      for (let sy = y * n; sy < (y + 1) * n; sy++) {
        const wave = Math.sin(sy * 0.037) * 6;
        for (let sx = x * n; sx < (x + 1) * n; sx++)
          t += ((sx + sy) / (2 * big)) * (Math.sin(sx * 0.1 + wave) * 0.5 + 0.5);
      }
      t /= n * n;
      const o = y * stride + 1 + x * 3;
      raw[o] = r0 + (r1 - r0) * t;
      raw[o + 1] = g0 + (g1 - g0) * t;
      raw[o + 2] = b0 + (b1 - b0) * t;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header[8] = 8; // bits per channel
  header[9] = 2; // RGB
  return Buffer.concat([
    PNG_SIGNATURE,
    pngChunk("IHDR", header),
    pngChunk("IDAT", deflateSync(raw, { level: 9 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}
