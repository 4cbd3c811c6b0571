// A report's bar chart as an image: an SVG drawn here (a handful of rects and labels, no library needed) rasterised
// to PNG by @resvg/resvg-js (Rust's resvg, prebuilt per platform through optionalDependencies, no install script;
// https://github.com/thx/resvg-js). Word takes PNG (docx's ImageRun); the PDF draws the same layout as vectors
// (src/adapters/report/pdf.ts). Labels use the system's sans fonts; without any, the bars still draw and the numbers
// stay in the table under every chart.
import { existsSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-js';
import type { ChartSpec } from '../../domain/report/outline.ts';

/** Pixel size of the chart images (the documents scale them to the page). */
export const CHART_SIZE = { width: 1000, height: 420 } as const;

const escape = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A value printed on a bar: at most one decimal. */
const label = (n: number) => String(Math.round(n * 10) / 10);

/** The SVG source of `chart`: vertical bars from zero (negative values are drawn as zero-height bars). */
function chartSvg(chart: ChartSpec): string {
  const { width, height } = CHART_SIZE;
  const top = 60;
  const bottom = 70;
  const left = 40;
  const plot = height - top - bottom;
  const max = Math.max(1, ...chart.values);
  const slot = (width - 2 * left) / Math.max(1, chart.values.length);
  const bar = Math.min(120, slot * 0.6);
  const bars = chart.values.map((v, i) => {
    const h = Math.max(0, (v / max) * plot);
    const x = left + i * slot + (slot - bar) / 2;
    const y = top + plot - h;
    const colour = chart.colours[i] ?? chart.colours[0] ?? '#1565c0';
    const name = escape(chart.labels[i] ?? '');
    return [
      `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${bar.toFixed(1)}" height="${h.toFixed(1)}" fill="${colour}"/>`,
      `<text x="${(x + bar / 2).toFixed(1)}" y="${(y - 8).toFixed(1)}" font-size="20" text-anchor="middle">${label(v)}</text>`,
      `<text x="${(x + bar / 2).toFixed(1)}" y="${(top + plot + 28).toFixed(1)}" font-size="18" text-anchor="middle">${name}</text>`,
    ].join('');
  });
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<g font-family="DejaVu Sans, Liberation Sans, Arial, sans-serif" fill="#212121">`,
    `<text x="${left}" y="34" font-size="22" font-weight="bold">${escape(chart.title)}</text>`,
    `<line x1="${left}" y1="${top + plot}" x2="${width - left}" y2="${top + plot}" stroke="#616161" stroke-width="2"/>`,
    ...bars,
    '</g></svg>',
  ].join('');
}

/**
 * The font files the labels use: Debian's DejaVu Sans when present (loading one file takes milliseconds, scanning
 * every system font about 300 ms per chart), else the system's fonts.
 */
const FONT_FILES = [
  '/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf',
  '/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf',
].filter((f) => existsSync(f));

/** The last charts drawn, by their SVG: a month's two variants (.docx) draw the same charts. */
const drawn = new Map<string, Uint8Array>();
const DRAWN_MAX = 64;

/** `chart` as PNG bytes (CHART_SIZE). Throws when resvg cannot render the SVG (a bug here, not bad input). */
export function chartPng(chart: ChartSpec): Uint8Array {
  const svg = chartSvg(chart);
  const known = drawn.get(svg);
  if (known) return known;
  const resvg = new Resvg(svg, {
    font:
      FONT_FILES.length > 0
        ? { fontFiles: FONT_FILES, loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' }
        : { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  const png = new Uint8Array(resvg.render().asPng());
  if (drawn.size >= DRAWN_MAX) drawn.delete(drawn.keys().next().value ?? '');
  drawn.set(svg, png);
  return png;
}
