// The ReportRenderer (src/app/report/port.ts): the month's data from the store, composed by the domain
// (src/domain/report/) into one outline per language and variant, written as .docx or .pdf by the writers the
// entry point injects (src/adapters/report/: `reportWriters`). Reads the store on every call: a report shows the
// data as it is when it is rendered.
import { DateTime } from 'luxon';
import type { Store } from '../../adapters/store/store.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { composeReport, type ReportModel } from '../../domain/report/compose.ts';
import { reportOutline, type ReportOutline } from '../../domain/report/outline.ts';
import type { Clock } from '../../domain/time/clock.ts';
import { today } from '../sync.ts';
import { gatherReportData } from './gather.ts';
import type { ReportFormat, ReportMonth, ReportRenderer, ReportRequest, ReportSummary, ReportVariant } from './port.ts';

/** Writes an outline as a document's bytes; one per format. Throws on a rendering failure. */
export type DocumentWriters = Record<ReportFormat, (outline: ReportOutline) => Promise<Uint8Array>>;

export interface ReportRendererDeps {
  store: Pick<Store, 'bot' | 'actions' | 'decisions' | 'indicators'>;
  programme: Programme;
  clock: Clock;
  writers: DocumentWriters;
}

/** The local date (YYYY-MM-DD) of an ISO instant in the programme's time zone. */
const localDate = (iso: string, p: Programme): string =>
  DateTime.fromISO(iso, { setZone: true }).setZone(p.programme.timeZone).toISODate() ?? iso.slice(0, 10);

/** The report model of `month` for `variant` as the store holds it now. Throws RangeError for a malformed month. */
async function reportModelOf(
  deps: Omit<ReportRendererDeps, 'writers'>,
  month: ReportMonth,
  variant: ReportVariant,
): Promise<ReportModel> {
  const data = await gatherReportData(deps.store, deps.programme);
  return composeReport({
    programme: deps.programme,
    month,
    variant,
    today: today(deps.programme, deps.clock),
    ...data,
  });
}

/** The summary card's figures of a composed month (counts only, no personal data). */
function summaryOf(m: ReportModel): ReportSummary {
  const count = (s: string) => m.werkgroepen.filter((w) => w.status === s).length;
  return {
    month: m.month,
    werkgroepen: {
      total: m.werkgroepen.length,
      opKoers: count('op-koers'),
      aandacht: count('aandacht'),
      risico: count('risico'),
      none: count('none'),
    },
    decisionsTaken: m.decisionsTaken.length,
    decisionsWaiting: m.decisionsWaiting.length,
    medianLeadTimeDays: m.medianLeadTimeDays,
    overdueActions: m.overdue.length,
    blockedActions: m.blocked.length,
    // Milestones reached within the month only (earlier ones were in earlier months' reports).
    milestonesReached: m.milestones
      .filter((x) => x.state === 'reachedIn')
      .map((x) => ({ title: x.title, date: x.date })),
  };
}

/**
 * The renderer of `deps.programme`'s reports. `render` throws RangeError for a malformed month (callers validate
 * first: isReportMonth), and whatever the store or a writer throws.
 */
export function createReportRenderer(deps: ReportRendererDeps): ReportRenderer {
  return {
    async render(request: ReportRequest): Promise<Uint8Array> {
      const model = await reportModelOf(deps, request.month, request.variant);
      const outline = reportOutline(model, {
        lang: request.lang,
        introduction: request.introduction,
        ...(request.approved
          ? { approved: { byName: request.approved.byName, date: localDate(request.approved.at, deps.programme) } }
          : {}),
      });
      return deps.writers[request.format](outline);
    },
    async summary(month: ReportMonth): Promise<ReportSummary> {
      return summaryOf(await reportModelOf(deps, month, 'informed'));
    },
  };
}
