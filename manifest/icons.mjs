// Draws the two Teams app icons from a few shapes, so they can be regenerated and reviewed as code:
//   node manifest/icons.mjs            writes manifest/color.png and manifest/outline.png
//   node manifest/icons.mjs --check    exits 1 if the committed PNGs are not what this script draws
// Motif: a clipboard with a checklist, the agenda; the last row is a voting dot.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pngjs from 'pngjs';

const { PNG } = pngjs;
const SAMPLES = 4; // 4×4 samples per pixel give smooth edges without any drawing library.

// Signed distances (negative inside), in the icon's own pixel coordinates.
const roundRect = (x0, y0, x1, y1, r) => (x, y) => {
  const qx = Math.abs(x - (x0 + x1) / 2) - ((x1 - x0) / 2 - r);
  const qy = Math.abs(y - (y0 + y1) / 2) - ((y1 - y0) / 2 - r);
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const segment = (ax, ay, bx, by, width) => (x, y) => {
  const [dx, dy] = [bx - ax, by - ay];
  const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(x - ax - t * dx, y - ay - t * dy) - width / 2;
};
const circle = (cx, cy, r) => (x, y) => Math.hypot(x - cx, y - cy) - r;
const union = (...shapes) => (x, y) => Math.min(...shapes.map((s) => s(x, y)));
const ring = (shape, width) => (x, y) => Math.abs(shape(x, y)) - width / 2;
const check = (x, y, s, width) => union(segment(x, y, x + s * 0.35, y + s * 0.35, width),
  segment(x + s * 0.35, y + s * 0.35, x + s, y - s * 0.45, width));

/** Renders layers [{ shape, rgb }] back to front; returns RGBA bytes. Uncovered pixels are transparent white. */
function render(size, layers) {
  const data = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let [r, g, b, a] = [0, 0, 0, 0];
      for (let sy = 0; sy < SAMPLES; sy++) {
        for (let sx = 0; sx < SAMPLES; sx++) {
          const [x, y] = [px + (sx + 0.5) / SAMPLES, py + (sy + 0.5) / SAMPLES];
          const top = layers.findLast((layer) => layer.shape(x, y) <= 0);
          if (top) {
            [r, g, b, a] = [r + top.rgb[0], g + top.rgb[1], b + top.rgb[2], a + 1];
          }
        }
      }
      const i = (py * size + px) * 4;
      const opaque = a > 0 ? a : 1;
      data[i] = a > 0 ? Math.round(r / opaque) : 255;
      data[i + 1] = a > 0 ? Math.round(g / opaque) : 255;
      data[i + 2] = a > 0 ? Math.round(b / opaque) : 255;
      data[i + 3] = Math.round((255 * a) / (SAMPLES * SAMPLES));
    }
  }
  return { width: size, height: size, data };
}

export const ACCENT = [0x1f, 0x5f, 0xa8];
const NAVY = [0x12, 0x3a, 0x6b];
const WHITE = [255, 255, 255];
const LINE = [0x9d, 0xb6, 0xd6];
const DOT = [0xf2, 0xb7, 0x05];

/** 192×192, full colour: a white clipboard on the accent colour (Teams rounds the corners itself). */
export function drawColor() {
  const rows = [78, 108];
  return render(192, [
    { shape: roundRect(0, 0, 192, 192, 0), rgb: ACCENT },
    { shape: roundRect(46, 38, 146, 166, 12), rgb: WHITE },
    { shape: roundRect(74, 26, 118, 52, 8), rgb: NAVY },
    ...rows.map((y) => ({ shape: check(62, y, 20, 7), rgb: ACCENT })),
    ...rows.map((y) => ({ shape: segment(94, y, 128, y, 8), rgb: LINE })),
    { shape: circle(72, 138, 9), rgb: DOT },
    { shape: segment(94, 138, 128, 138, 8), rgb: LINE },
  ]);
}

/** 32×32, white on transparent, as Teams requires for the outline icon. */
export function drawOutline() {
  const shape = union(
    ring(roundRect(6.5, 5.5, 25.5, 29.5, 3), 2),
    roundRect(11, 3, 21, 8, 1.5),
    check(9.5, 13.5, 5, 2), segment(17, 13.5, 22, 13.5, 2),
    check(9.5, 19.5, 5, 2), segment(17, 19.5, 22, 19.5, 2),
    circle(11.5, 24.5, 1.8), segment(17, 24.5, 22, 24.5, 2),
  );
  return render(32, [{ shape, rgb: WHITE }]);
}

export function encode({ width, height, data }) {
  const png = new PNG({ width, height });
  data.copy(png.data);
  return PNG.sync.write(png, { colorType: 6 });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const here = dirname(fileURLToPath(import.meta.url));
  const icons = { 'color.png': drawColor(), 'outline.png': drawOutline() };
  if (process.argv.includes('--check')) {
    // Pixels, not bytes: another zlib may compress the same image differently.
    const stale = Object.entries(icons)
      .filter(([name, image]) => !PNG.sync.read(readFileSync(join(here, name))).data.equals(image.data))
      .map(([name]) => name);
    if (stale.length > 0) {
      console.error(`icons: ${stale.join(', ')} differ from what icons.mjs draws; run node manifest/icons.mjs and commit`);
      process.exit(1);
    }
    console.log('icons: color.png and outline.png are what icons.mjs draws');
  } else {
    Object.entries(icons).forEach(([name, image]) => writeFileSync(join(here, name), encode(image)));
    console.log('icons: wrote manifest/color.png (192×192) and manifest/outline.png (32×32)');
  }
}
