// Draws the extension's icon (client/assets/icon.png, 128×128 RGBA) from code, so it needs no image tools:
// three replicas linked in a triangle on a rounded square. Usage: node client/assets/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const SIZE = 128;
const SAMPLES = 4; // supersampling per axis, for smooth edges

const hex = (h) => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];
const background = hex('#1b2a41');
const edge = hex('#8fb8de');
const nodes = [
  { x: 64, y: 30, r: 15, color: hex('#ff9f1c') }, // the primary
  { x: 30, y: 92, r: 13, color: hex('#2ec4b6') },
  { x: 98, y: 92, r: 13, color: hex('#2ec4b6') },
];

function roundedSquare(x, y) {
  const half = SIZE / 2 - 4;
  const radius = 24;
  const dx = Math.max(Math.abs(x - SIZE / 2) - (half - radius), 0);
  const dy = Math.max(Math.abs(y - SIZE / 2) - (half - radius), 0);
  return Math.hypot(dx, dy) <= radius;
}

function segmentDistance(px, py, a, b) {
  const vx = b.x - a.x;
  const vy = b.y - a.y;
  const t = Math.max(0, Math.min(1, ((px - a.x) * vx + (py - a.y) * vy) / (vx * vx + vy * vy)));
  return Math.hypot(px - (a.x + t * vx), py - (a.y + t * vy));
}

/** The colour of one sample point, or undefined outside the icon. */
function sample(x, y) {
  if (!roundedSquare(x, y)) return undefined;
  for (const n of nodes) {
    const d = Math.hypot(x - n.x, y - n.y);
    if (d <= n.r - 3) return n.color;
    if (d <= n.r) return [255, 255, 255];
  }
  for (let i = 0; i < nodes.length; i++) {
    if (segmentDistance(x, y, nodes[i], nodes[(i + 1) % nodes.length]) <= 3) return edge;
  }
  return background;
}

const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
  raw[y * (SIZE * 4 + 1)] = 0; // filter: none
  for (let x = 0; x < SIZE; x++) {
    const sum = [0, 0, 0, 0];
    for (let sy = 0; sy < SAMPLES; sy++) {
      for (let sx = 0; sx < SAMPLES; sx++) {
        const c = sample(x + (sx + 0.5) / SAMPLES, y + (sy + 0.5) / SAMPLES);
        if (!c) continue;
        sum[0] += c[0];
        sum[1] += c[1];
        sum[2] += c[2];
        sum[3] += 255;
      }
    }
    const covered = sum[3] / 255;
    const o = y * (SIZE * 4 + 1) + 1 + x * 4;
    for (let k = 0; k < 3; k++) raw[o + k] = covered ? Math.round(sum[k] / covered) : 0;
    raw[o + 3] = Math.round(sum[3] / (SAMPLES * SAMPLES));
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
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
const header = Buffer.alloc(13);
header.writeUInt32BE(SIZE, 0);
header.writeUInt32BE(SIZE, 4);
header[8] = 8; // bit depth
header[9] = 6; // RGBA
const png = Buffer.concat([
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
  chunk('IHDR', header),
  chunk('IDAT', deflateSync(raw, { level: 9 })),
  chunk('IEND', Buffer.alloc(0)),
]);
const out = new URL('./icon.png', import.meta.url);
writeFileSync(out, png);
console.log(`${out.pathname}: ${png.length} bytes`);
