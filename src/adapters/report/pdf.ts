// The report outline as a PDF, with pdfkit (https://pdfkit.org): pure JavaScript, no native build, its own table
// layout (doc.table, page breaks included) and PDF bookmarks for the headings. The standard Helvetica fonts cover
// Dutch text (WinAnsi: ë, é, ï, €); the charts are drawn as vectors in the layout of the .docx's PNG images.
import PDFDocument from 'pdfkit';
import type { Block, ChartSpec, ReportOutline } from '../../domain/report/outline.ts';
import { CHART_SIZE } from './chart.ts';

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const SIZES = { 1: 18, 2: 14, 3: 12 } as const;

/** Characters outside WinAnsi (the standard fonts' encoding) that the outline uses, as WinAnsi look-alikes. */
const winAnsi = (s: string) => s.replace(/→/g, '->').replace(/[‘’]/g, "'").replace(/[“”]/g, '"');

type Doc = InstanceType<typeof PDFDocument>;

function ensureSpace(doc: Doc, height: number): void {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

function heading(doc: Doc, level: 1 | 2 | 3, text: string, parents: PDFKit.PDFOutline[]): void {
  ensureSpace(doc, SIZES[level] * 4);
  doc.moveDown(level === 1 ? 1 : 0.6);
  doc.font(BOLD).fontSize(SIZES[level]).fillColor('#0d47a1').text(winAnsi(text));
  doc.fillColor('#000000').font(FONT).fontSize(10).moveDown(0.3);
  // Bookmarks: level 1 under the root, level 2 under the last level 1; level 3 stays out of the outline.
  if (level === 1) parents[0] = doc.outline.addItem(winAnsi(text));
  else if (level === 2) (parents[0] ?? doc.outline).addItem(winAnsi(text));
}

/**
 * A bar chart drawn as vectors (the same layout as the .docx's PNG: src/adapters/report/chart.ts): sharp at any zoom,
 * and much faster than embedding a PNG with an alpha channel, which pdfkit splits pixel by pixel.
 */
function drawChart(doc: Doc, chart: ChartSpec, x: number, y: number, width: number, height: number): void {
  const scale = width / CHART_SIZE.width;
  const top = 60 * scale;
  const plot = height - top - 70 * scale;
  const left = 40 * scale;
  const max = Math.max(1, ...chart.values);
  const slot = (width - 2 * left) / Math.max(1, chart.values.length);
  const bar = Math.min(120 * scale, slot * 0.6);
  doc.save();
  doc
    .font(BOLD)
    .fontSize(11)
    .fillColor('#212121')
    .text(winAnsi(chart.title), x + left, y + 12 * scale, { lineBreak: false });
  doc.font(FONT).fontSize(8);
  chart.values.forEach((v, i) => {
    const h = Math.max(0, (v / max) * plot);
    const bx = x + left + i * slot + (slot - bar) / 2;
    const by = y + top + plot - h;
    doc.rect(bx, by, bar, h).fill(chart.colours[i] ?? chart.colours[0] ?? '#1565c0');
    doc.fillColor('#212121');
    doc.text(String(Math.round(v * 10) / 10), bx - slot / 2 + bar / 2, by - 11, {
      width: slot,
      align: 'center',
      lineBreak: false,
    });
    doc.text(winAnsi(chart.labels[i] ?? ''), bx - slot / 2 + bar / 2, y + top + plot + 6, {
      width: slot,
      align: 'center',
      lineBreak: false,
    });
  });
  doc
    .moveTo(x + left, y + top + plot)
    .lineTo(x + width - left, y + top + plot)
    .lineWidth(1)
    .strokeColor('#616161')
    .stroke();
  doc.restore();
  doc.font(FONT).fontSize(10).fillColor('#000000');
}

function block(doc: Doc, b: Block, parents: PDFKit.PDFOutline[]): void {
  const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
  switch (b.kind) {
    case 'heading':
      heading(doc, b.level, b.text, parents);
      return;
    case 'paragraph':
      doc
        .font(b.bold ? BOLD : FONT)
        .fontSize(10)
        .text(winAnsi(b.text))
        .font(FONT)
        .moveDown(0.4);
      return;
    case 'bullets':
      doc.fontSize(10).list(b.items.map(winAnsi), { bulletRadius: 2, indent: 12, textIndent: 12 }).moveDown(0.4);
      return;
    case 'table':
      // The header row and a first row together, not a header alone at the foot of a page.
      ensureSpace(doc, 60);
      doc.x = doc.page.margins.left;
      doc.fontSize(9).table({
        // The first column names the row (a werkgroep, a decision, an action): a third of the width, so names are
        // not broken mid-word; the others share the rest.
        columnStyles: b.headers.map((_, i) => (i === 0 && b.headers.length > 2 ? Math.round(width / 3) : '*')),
        data: [
          b.headers.map((text) => ({
            text: winAnsi(text),
            type: 'TH' as const,
            font: { src: BOLD },
            backgroundColor: '#e3f2fd',
          })),
          ...b.rows.map((r) => r.map(winAnsi)),
        ],
        defaultStyle: { padding: 3, border: 0.5, borderColor: '#9e9e9e' },
      });
      doc.font(FONT).fontSize(10).moveDown(0.6);
      doc.x = doc.page.margins.left;
      return;
    case 'chart': {
      const height = (width * CHART_SIZE.height) / CHART_SIZE.width;
      ensureSpace(doc, height + 10);
      const y = doc.y;
      drawChart(doc, b.chart, doc.page.margins.left, y, width, height);
      doc.y = y + height + 6;
      doc.x = doc.page.margins.left;
      return;
    }
  }
}

/** The outline as PDF bytes (A4). Throws on a rendering failure. */
export function writePdf(outline: ReportOutline): Promise<Uint8Array> {
  const doc = new PDFDocument({
    size: 'A4',
    margin: 56,
    bufferPages: true,
    info: { Title: winAnsi(`${outline.title} ${outline.subtitle}`), Subject: winAnsi(outline.footer) },
    lang: outline.lang,
    displayTitle: true,
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    doc.on('error', reject);
  });
  doc.moveDown(8);
  doc.font(BOLD).fontSize(28).text(winAnsi(outline.title), { align: 'center' });
  doc.moveDown(0.5).fontSize(18).text(winAnsi(outline.subtitle), { align: 'center' });
  doc.moveDown(2).font(FONT).fontSize(11);
  for (const line of outline.titleLines) doc.text(winAnsi(line), { align: 'center' }).moveDown(0.3);
  doc.addPage();
  const parents: PDFKit.PDFOutline[] = [];
  for (const b of outline.blocks) block(doc, b, parents);
  const range = doc.bufferedPageRange();
  for (let i = range.start; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor('#616161')
      .text(
        `${winAnsi(outline.footer)} · ${String(i + 1)}/${String(range.count)}`,
        doc.page.margins.left,
        doc.page.height - 36,
        {
          align: 'center',
          width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
          lineBreak: false,
        },
      );
    doc.page.margins.bottom = bottom;
  }
  doc.end();
  return done;
}
