// Fonts for the report charts. Noto Sans KR ships inside an npm package (@fontsource/noto-sans-kr): Hangul
// renders the same on a laptop, in CI and in the Docker image, and nothing is downloaded at run time. Skia reads
// its woff2 files directly. The package splits the font by script; we register the Latin and the Korean parts
// under two family names and name both in every `ctx.font`, Latin first, so English terms and digits use the
// Latin cut and Hangul falls through to the Korean one.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { GlobalFonts } from '@napi-rs/canvas';

const latinFamily = 'ConceptBot Latin';
const koreanFamily = 'ConceptBot Korean';
const weights = [400, 700] as const;

/** The `font-family` part of every `ctx.font` the charts set. */
export const chartFontFamilies = `"${latinFamily}", "${koreanFamily}"`;

let registered = false;

/** Registers the chart fonts once per process. Throws if the font package is missing (a broken install). */
export function registerChartFonts(): void {
  if (registered) return;
  const require = createRequire(import.meta.url);
  for (const weight of weights) {
    for (const [subset, family] of [
      ['latin', latinFamily],
      ['korean', koreanFamily],
    ] as const) {
      const file = require.resolve(`@fontsource/noto-sans-kr/files/noto-sans-kr-${subset}-${weight}-normal.woff2`);
      if (!GlobalFonts.register(readFileSync(file), family)) throw new Error(`The chart font ${file} could not be loaded`);
    }
  }
  registered = true;
}

export function chartFont(sizePx: number, weight: 400 | 700 = 400): string {
  return `${weight} ${sizePx}px ${chartFontFamilies}`;
}
