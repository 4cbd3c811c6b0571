// The seam between the monthly voortgangsrapportage's content (what the month's data says, rendered as .docx or
// .pdf: src/app/report/render.ts) and its workflow (introduction, approval, versions, delivery:
// src/app/report/workflow.ts). The workflow only sees this interface, so each side is tested on its own.
import type { Lang } from '../../domain/i18n.ts';

/** A report month, `YYYY-MM` (local, the programme's time zone). */
export type ReportMonth = string;

/** File formats the report is written in. */
export type ReportFormat = 'docx' | 'pdf';

/**
 * Who the version is for: `regiegroep` gets the whole report (per werkgroep, capacity per person); `informed` (the
 * stuurgroep-plus, an ondernemingsraad) gets the programme-level version without figures about named people.
 */
export type ReportVariant = 'regiegroep' | 'informed';

/** One request to render a month's report. */
export interface ReportRequest {
  month: ReportMonth;
  variant: ReportVariant;
  format: ReportFormat;
  /** The projectleider's introduction (plain text, paragraphs separated by blank lines); may be empty. */
  introduction: string;
  /** Set once approved: printed in the document's colophon. Person id and ISO 8601 instant. */
  approved?: { by: string; byName: string; at: string };
  lang: Lang;
}

/** The headline figures a summary card shows (counts, no personal data). */
export interface ReportSummary {
  month: ReportMonth;
  /** Werkgroepen per status of their latest update in the month; `none` = no update that month. */
  werkgroepen: { total: number; opKoers: number; aandacht: number; risico: number; none: number };
  decisionsTaken: number;
  decisionsWaiting: number;
  /** Median lead time of the decisions taken in the month, in days; null when none were taken. */
  medianLeadTimeDays: number | null;
  overdueActions: number;
  blockedActions: number;
  milestonesReached: { title: string; date: string }[];
}

/** Renders reports from the store's data for the month. Throws only on a store or rendering failure. */
export interface ReportRenderer {
  /** The document's bytes in `format`. */
  render(request: ReportRequest): Promise<Uint8Array>;
  /** The headline figures of `month`. */
  summary(month: ReportMonth): Promise<ReportSummary>;
}
