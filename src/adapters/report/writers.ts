// The report's document writers, one per format, as the ReportRenderer takes them (src/app/report/render.ts).
// Each loads its library (docx; pdfkit and resvg) on first use, so the server and the CLI start without them.
import type { DocumentWriters } from '../../app/report/render.ts';

/** .docx with `docx`, .pdf with pdfkit; both with the same charts. */
export const reportWriters: DocumentWriters = {
  docx: async (outline) => (await import('./docx.ts')).writeDocx(outline),
  pdf: async (outline) => (await import('./pdf.ts')).writePdf(outline),
};
