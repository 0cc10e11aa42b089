// Draws images/icon.png (128×128): a note page on a teal tile, with a cluster of chalky
// deposits at its corner. No dependencies: shapes are signed-distance fields, antialiased,
// written as an RGBA PNG with node:zlib. Usage: node scripts/make-icon.mjs [out.png]
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const out = process.argv[2] ?? 'images/icon.png';

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const TEAL = hex('#0e5f6b');
const PAGE = hex('#f7f5ef');
const LINE = hex('#9bb8bd');
const DEPOSIT = hex('#f2d58a');
const DEPOSIT_EDGE = hex('#b98b2e');

/** Signed distance to a rounded rectangle (negative inside). */
function roundRect(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const qx = Math.abs(x - cx) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - cy) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
}
const circle = (x, y, cx, cy, r) => Math.hypot(x - cx, y - cy) - r;
/** Coverage of a shape from its distance, one pixel of antialiasing. */
const cover = (d) => Math.min(1, Math.max(0, 0.5 - d));

const deposits = [
  [88, 90, 15],
  [106, 80, 10],
  [103, 104, 9],
];

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
  for (let px = 0; px < SIZE; px++) {
    const x = px + 0.5;
    const y = py + 0.5;
    let color = [0, 0, 0];
    let alpha = 0;
    const paint = (c, a) => {
      if (a <= 0) return;
      const outA = a + alpha * (1 - a);
      color = color.map((v, i) => (c[i] * a + v * alpha * (1 - a)) / outA);
      alpha = outA;
    };
    paint(TEAL, cover(roundRect(x, y, 4, 4, 124, 124, 24)));
    paint(PAGE, cover(roundRect(x, y, 24, 16, 92, 108, 7)));
    for (const [y0, x1] of [[34, 78], [46, 80], [58, 72], [70, 78]]) {
      paint(LINE, cover(roundRect(x, y, 34, y0, x1, y0 + 5, 2.5)));
    }
    for (const [cx, cy, r] of deposits) {
      paint(DEPOSIT_EDGE, cover(circle(x, y, cx, cy, r)));
      paint(DEPOSIT, cover(circle(x, y, cx - 1, cy - 1, r - 3)));
    }
    const o = (py * SIZE + px) * 4;
    rgba[o] = Math.round(color[0]);
    rgba[o + 1] = Math.round(color[1]);
    rgba[o + 2] = Math.round(color[2]);
    rgba[o + 3] = Math.round(alpha * 255);
  }
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', ihdr),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, png);
console.log(`wrote ${out} (${png.length} bytes)`);
