#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16.png … icon-80.png) with no image library: a rounded
 * square in the Fluent brand blue with a white tick over three "rows", rendered by supersampling
 * signed distances, written as RGBA PNG with zlib. Deterministic: the same bytes every run.
 *
 *   node scripts/make-icons.mjs [outDir]      (default: assets/)
 */
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = [16, 32, 64, 80];
const BLUE = [0x0f, 0x6c, 0xbd];
const WHITE = [0xff, 0xff, 0xff];
const LIGHT = [0xb4, 0xd6, 0xfa];

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
export function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  }
  const sig = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([sig, chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw, { level: 9 })), chunk('IEND', Buffer.alloc(0))]);
}

// Shapes in a unit square (0..1), as signed distances (negative inside).
function roundedSquare(x, y, inset, radius) {
  const cx = Math.abs(x - 0.5) - (0.5 - inset - radius);
  const cy = Math.abs(y - 0.5) - (0.5 - inset - radius);
  const outside = Math.hypot(Math.max(cx, 0), Math.max(cy, 0));
  return outside + Math.min(Math.max(cx, cy), 0) - radius;
}
function segment(x, y, ax, ay, bx, by, half) {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - t * dx, py - t * dy) - half;
}

function draw(size) {
  const rgba = Buffer.alloc(size * size * 4);
  const ss = 6; // supersamples per axis
  const small = size < 32;
  const stroke = small ? 0.085 : 0.07;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = (px + (sx + 0.5) / ss) / size;
          const y = (py + (sy + 0.5) / ss) / size;
          if (roundedSquare(x, y, small ? 0.03 : 0.05, 0.16) > 0) continue;
          let c = BLUE;
          // three list rows on the left (only where there is room for them)
          if (!small) for (const ry of [0.3, 0.5, 0.7]) if (segment(x, y, 0.2, ry, 0.42, ry, 0.035) <= 0) c = LIGHT;
          // the tick
          const tick = small
            ? Math.min(segment(x, y, 0.22, 0.52, 0.42, 0.72, stroke), segment(x, y, 0.42, 0.72, 0.8, 0.3, stroke))
            : Math.min(segment(x, y, 0.4, 0.55, 0.55, 0.7, stroke), segment(x, y, 0.55, 0.7, 0.82, 0.34, stroke));
          if (tick <= 0) c = WHITE;
          r += c[0]; g += c[1]; b += c[2]; a += 1;
        }
      }
      const n = ss * ss;
      const i = (py * size + px) * 4;
      if (a > 0) {
        rgba[i] = Math.round(r / a);
        rgba[i + 1] = Math.round(g / a);
        rgba[i + 2] = Math.round(b / a);
      }
      rgba[i + 3] = Math.round((255 * a) / n);
    }
  }
  return encodePng(size, rgba);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2] ?? join(ROOT, 'assets');
  mkdirSync(out, { recursive: true });
  for (const size of SIZES) {
    const file = join(out, `icon-${size}.png`);
    writeFileSync(file, draw(size));
    console.log(`wrote ${file}`);
  }
}
