// The API contract of the monthly voortgangsrapportage's workflow (issue 16 §2), re-exported by ./contract.ts:
//   GET  /api/rapporten                                  the months with a report, and their versions
//   GET  /api/rapporten/:maand                           the month: its latest version (or the empty draft), the
//                                                        summary figures, every version with its documents
//   PUT  /api/rapporten/:maand/inleiding                 the projectleider's introduction (If-Match: the ETag read)
//   POST /api/rapporten/:maand/goedkeuren                approve (If-Match): renders, keeps, sends the cards
//   GET  /api/rapporten/:maand/:versie.(docx|pdf)?variant=regiegroep|informed   an approved version's document
// A month is YYYY-MM (local, the programme's time zone). A version's ETag is `<version>.<revision>`: what the person
// read; the empty draft of a month without any version is `1.0`. Pure: the tab imports it.
import { z } from 'zod';
import type { ReportFormat, ReportSummary, ReportVariant } from './report/port.ts';

/** The body of PUT /api/rapporten/:maand/inleiding: plain text, paragraphs separated by blank lines. */
export const IntroductionInput = z.strictObject({ introduction: z.string().max(20_000) });
export type IntroductionInput = z.infer<typeof IntroductionInput>;

/** A kept document of an approved version, with the path that downloads it (under /api). */
interface ReportDocumentView {
  variant: ReportVariant;
  format: ReportFormat;
  /** `/rapporten/<month>/<version>.<format>?variant=<variant>`, relative to the API's base. */
  path: string;
}

/** One version of a month's report. */
export interface ReportVersionView {
  version: number;
  state: 'draft' | 'approved';
  /** The ETag an edit or an approval of this version sends in If-Match. */
  etag: string;
  introduction: string;
  /** ISO 8601; null for the empty draft of a month nothing was saved for. */
  updatedAt: string | null;
  approved: { at: string; byName: string } | null;
  /** Only the documents the caller may download. */
  documents: ReportDocumentView[];
}

/** 200 GET /api/rapporten/:maand. */
export interface ReportMonthResponse {
  month: string;
  /** The local date (YYYY-MM-DD) the month's report is due. */
  due: string;
  /** Names of the bodies it goes to (the regiegroep's first). */
  to: string[];
  /** The programme file has no communication.report: set when the defaults apply (a message, Dutch and English). */
  defaults?: string;
  /** The latest version; the empty draft (version 1, ETag 1.0) when nothing was saved. */
  latest: ReportVersionView;
  /** The latest version's figures: as approved, or the month's as they are now for a draft. */
  summary: ReportSummary;
  /** Every version, latest first (empty when nothing was saved). */
  versions: ReportVersionView[];
  /** Whether the caller may write the introduction and approve; `why` (Dutch and English) when not. */
  mayApprove: { allowed: true } | { allowed: false; why: string };
}

/** 200 PUT …/inleiding: the version as saved (a correction of an approved version is a new version). */
export type IntroductionResponse = ReportVersionView;

/** 200 POST …/goedkeuren: the approved version, and whether this call approved it or it already was. */
export interface ApproveResponse {
  month: string;
  version: ReportVersionView;
  /** false when the version was already approved (approving is idempotent per version). */
  approvedNow: boolean;
  /** The deliveries queued in the bot's ledger (their keys). */
  deliveries: string[];
}

/** 200 GET /api/rapporten. */
export interface ReportsResponse {
  months: { month: string; versions: ReportVersionView[] }[];
}
