// The report outline as a Word document, with the `docx` package (https://docx.js.org; declarative OOXML, no Word
// needed): a title page, a table of contents (Word fills it in when the document is opened: updateFields),
// Heading 1–3 styles, tables with a repeated header row, and charts as PNG images with alt text.
import {
  AlignmentType,
  Document,
  Footer,
  HeadingLevel,
  ImageRun,
  Packer,
  PageBreak,
  Paragraph,
  Table,
  TableCell,
  TableOfContents,
  TableRow,
  TextRun,
  WidthType,
} from 'docx';
import type { Block, ReportOutline } from '../../domain/report/outline.ts';
import { chartPng, CHART_SIZE } from './chart.ts';

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** Chart width on the page in pixels at 96 dpi (A4 minus margins is about 6.3 inch). */
const CHART_WIDTH = 600;

function table(headers: string[], rows: string[][]): Table {
  const cell = (text: string, bold: boolean) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: headers.map((h) => cell(h, true)) }),
      ...rows.map((r) => new TableRow({ children: r.map((c) => cell(c, false)) })),
    ],
  });
}

function blockOf(b: Block): (Paragraph | Table)[] {
  switch (b.kind) {
    case 'heading':
      return [new Paragraph({ text: b.text, heading: HEADINGS[b.level] })];
    case 'paragraph':
      return [new Paragraph({ children: [new TextRun({ text: b.text, bold: b.bold === true })] })];
    case 'bullets':
      return b.items.map((text) => new Paragraph({ text, bullet: { level: 0 } }));
    case 'table':
      return [table(b.headers, b.rows), new Paragraph({})];
    case 'chart':
      return [
        new Paragraph({
          children: [
            new ImageRun({
              type: 'png',
              data: chartPng(b.chart),
              transformation: {
                width: CHART_WIDTH,
                height: Math.round((CHART_WIDTH * CHART_SIZE.height) / CHART_SIZE.width),
              },
              altText: { name: b.chart.title, title: b.chart.title, description: b.alt },
            }),
          ],
        }),
      ];
  }
}

/** The outline as .docx bytes. Throws on a rendering failure. */
export async function writeDocx(outline: ReportOutline): Promise<Uint8Array> {
  const contentsTitle = outline.contentsTitle;
  const titlePage = [
    new Paragraph({ text: outline.title, heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER }),
    new Paragraph({
      alignment: AlignmentType.CENTER,
      children: [new TextRun({ text: outline.subtitle, bold: true, size: 32 })],
    }),
    ...outline.titleLines.map((text) => new Paragraph({ text, alignment: AlignmentType.CENTER })),
    new Paragraph({ children: [new PageBreak()] }),
    new Paragraph({ text: contentsTitle, heading: HeadingLevel.HEADING_1 }),
    new TableOfContents(contentsTitle, { hyperlink: true, headingStyleRange: '1-2' }),
    new Paragraph({ children: [new PageBreak()] }),
  ];
  const doc = new Document({
    title: `${outline.title} ${outline.subtitle}`,
    features: { updateFields: true },
    sections: [
      {
        footers: {
          default: new Footer({ children: [new Paragraph({ text: outline.footer, alignment: AlignmentType.CENTER })] }),
        },
        children: [...titlePage, ...outline.blocks.flatMap(blockOf)],
      },
    ],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}
