// The report's document writers, one per format, as the ReportRenderer takes them (src/app/report/render.ts).
import type { DocumentWriters } from '../../app/report/render.ts';
import { writeDocx } from './docx.ts';
import { writePdf } from './pdf.ts';

/** .docx with `docx`, .pdf with pdfkit; both with the same PNG charts. */
export const reportWriters: DocumentWriters = { docx: writeDocx, pdf: writePdf };
