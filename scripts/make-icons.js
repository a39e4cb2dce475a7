#!/usr/bin/env node
/**
 * Draws the add-in icon (green rounded square, white 2x2 sheet grid, yellow check mark)
 * into assets/icon-<size>.png using only Node built-ins: shapes are rendered with
 * supersampled coverage and written by a small hand-written PNG encoder (zlib + CRC-32).
 *
 * Usage: node scripts/make-icons.js [outDir]   (default: assets/)
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];

// ---------------------------------------------------------------- PNG encoder

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([len, typeAndData, crc]);
}

/** Encodes an RGBA8 image (Uint8Array of width*height*4) as PNG. */
function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter method
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}

// ---------------------------------------------------------------- drawing

const GREEN = [16, 124, 65]; // Excel-like green
const WHITE = [255, 255, 255];
const YELLOW = [255, 205, 40];

function insideRoundedRect(x, y, x0, y0, x1, y1, r) {
  if (x < x0 || x > x1 || y < y0 || y > y1) return false;
  const cx = Math.min(Math.max(x, x0 + r), x1 - r);
  const cy = Math.min(Math.max(y, y0 + r), y1 - r);
  return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

function distToSegment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  const qx = ax + t * dx - px;
  const qy = ay + t * dy - py;
  return Math.sqrt(qx * qx + qy * qy);
}

/**
 * Colour layers for a point in unit coordinates (0..1); returns [r,g,b] or null (transparent).
 * `px` is the size of one pixel in unit coordinates, used to keep lines at least ~1px wide.
 */
function shade(x, y, px) {
  if (!insideRoundedRect(x, y, 0.02, 0.02, 0.98, 0.98, 0.2)) return null;
  let colour = GREEN;

  // A white sheet outline with a 2x2 grid (upper-left area).
  const line = Math.max(0.07, 1.1 * px) / 2;
  const gx0 = 0.16;
  const gy0 = 0.16;
  const gx1 = 0.66;
  const gy1 = 0.62;
  const onV = [gx0, (gx0 + gx1) / 2, gx1].some(
    (gx) => Math.abs(x - gx) <= line && y >= gy0 - line && y <= gy1 + line
  );
  const onH = [gy0, (gy0 + gy1) / 2, gy1].some(
    (gy) => Math.abs(y - gy) <= line && x >= gx0 - line && x <= gx1 + line
  );
  if (onV || onH) colour = WHITE;

  // A bold check mark (lower right) with a green halo so it stands out from the grid.
  const a = [0.42, 0.62];
  const b = [0.58, 0.78];
  const c = [0.86, 0.38];
  const d = Math.min(
    distToSegment(x, y, a[0], a[1], b[0], b[1]),
    distToSegment(x, y, b[0], b[1], c[0], c[1])
  );
  const stroke = Math.max(0.085, 1.4 * px);
  if (d <= stroke + Math.max(0.05, 1.0 * px)) colour = GREEN;
  if (d <= stroke) colour = YELLOW;
  return colour;
}

function drawIcon(size) {
  const ss = 8; // supersampling per axis
  const rgba = new Uint8Array(size * size * 4);
  const px = 1 / size;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let hits = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const c = shade((x + (sx + 0.5) / ss) / size, (y + (sy + 0.5) / ss) / size, px);
          if (c) {
            r += c[0];
            g += c[1];
            b += c[2];
            hits++;
          }
        }
      }
      const o = (y * size + x) * 4;
      if (hits > 0) {
        rgba[o] = Math.round(r / hits);
        rgba[o + 1] = Math.round(g / hits);
        rgba[o + 2] = Math.round(b / hits);
        rgba[o + 3] = Math.round((255 * hits) / (ss * ss));
      }
    }
  }
  return encodePng(size, size, rgba);
}

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  for (const size of SIZES) {
    const file = path.join(outDir, `icon-${size}.png`);
    fs.writeFileSync(file, drawIcon(size));
    console.log(`wrote ${path.relative(process.cwd(), file)} (${size}x${size})`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, crc32, drawIcon, SIZES };
