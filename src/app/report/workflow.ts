// Use cases of the monthly voortgangsrapportage's workflow (issue 16 §2): the month's state (its latest version or
// the empty draft, with the summary figures), the projectleider's introduction (saved only at the version it was
// read at: a conflict is 409 and nothing is overwritten), and the approval, which renders both formats of both
// variants through the report port (./port.ts), keeps them with a new approved version, and queues the summary cards
// in the bot's delivery ledger in the same transaction: the `regiegroep` version to the regiegroep's channel, the
// `informed` version to every other body the report goes to (communication.report.to; by default the regiegroep
// only). Approving a version twice is answered with the version as it is; a correction after approval is the next
// version, and the approved one stays downloadable as it went out.
import { decide, type Caller, type Permission } from '../access.ts';
import type {
  ApproveResponse,
  IntroductionInput,
  IntroductionResponse,
  ReportMonthResponse,
  ReportsResponse,
  ReportVersionView,
} from '../contract.ts';
import type { StoredReport } from '../../adapters/store/report-records.ts';
import { both, type MessageKey } from '../../domain/i18n.ts';
import { dueDate, MONTH, monthOf, reportPlanOf } from '../../domain/report/due.ts';
import { meetingOccurrences } from '../../domain/bot/rhythm.ts';
import { fail, ok, type AppDeps, type Result } from '../result.ts';
import type { ReportFormat, ReportMonth, ReportRenderer, ReportSummary, ReportVariant } from './port.ts';

/** What the workflow works with: the use cases' deps and the report's renderer (./port.ts). */
export interface ReportDeps extends AppDeps {
  renderer: ReportRenderer;
}

/** The delivery kind of the report's summary card in the bot's ledger (composed by ./delivery.ts). */
const REPORT_KIND = 'report';

/** Thrown by a renderer that is not available on this server (see unavailableRenderer). */
class ReportRendererUnavailableError extends Error {
  constructor() {
    super('the report renderer is not available');
    this.name = 'ReportRendererUnavailableError';
  }
}

/** A renderer that refuses every call: the server's renderer until the report's content is wired in. */
export const unavailableRenderer: ReportRenderer = {
  render: () => Promise.reject(new ReportRendererUnavailableError()),
  summary: () => Promise.reject(new ReportRendererUnavailableError()),
};

const VARIANTS: readonly ReportVariant[] = ['regiegroep', 'informed'];
const FORMATS: readonly ReportFormat[] = ['docx', 'pdf'];

const etagOf = (r: { version: number; revision: number }) => `${r.version}.${r.revision}`;

/** A version's ETag from If-Match (`<version>.<revision>`); undefined when it is not one. */
const parseEtag = (s: string): { version: number; revision: number } | undefined => {
  const m = /^(\d{1,6})\.(\d{1,9})$/.exec(s);
  return m ? { version: Number(m[1]), revision: Number(m[2]) } : undefined;
};

/** Runs a renderer call; its unavailability as a refusal, anything else thrown on. */
async function rendered<T>(f: () => Promise<T>): Promise<Result<T>> {
  try {
    return ok(await f());
  } catch (err) {
    if (err instanceof ReportRendererUnavailableError) return fail('not_possible', 'rapport.rendererUnavailable');
    throw err;
  }
}

/** 400 for anything but a YYYY-MM month; undefined when it is one. */
const badMonth = (month: string) =>
  MONTH.test(month) ? undefined : fail('bad_input', 'rapport.badMonth', { month: month.slice(0, 40) });

/** A refusal of the report's permissions, with the report's own message. */
function refusedReport(d: AppDeps, caller: Caller, what: Permission, key: MessageKey) {
  const v = decide(d.programme, caller, what);
  if (v.allowed) return undefined;
  const no = fail('forbidden', v.reason === 'notInProgramme' ? 'api.notInProgramme' : key);
  no.error.refusal = v.reason;
  return no;
}

/** The documents of a kept version the caller may download, with their paths. */
function documentsFor(d: AppDeps, caller: Caller, r: StoredReport): ReportVersionView['documents'] {
  return r.documents
    .filter((x) => decide(d.programme, caller, { do: 'report.read', variant: x.variant }).allowed)
    .map((x) => ({
      variant: x.variant,
      format: x.format,
      path: `/rapporten/${r.month}/${r.version}.${x.format}?variant=${x.variant}`,
    }));
}

const viewOf = (d: AppDeps, caller: Caller, r: StoredReport): ReportVersionView => ({
  version: r.version,
  state: r.state,
  etag: etagOf(r),
  introduction: r.introduction,
  updatedAt: r.updatedAt.toISOString(),
  approved: r.approved ? { at: r.approved.at.toISOString(), byName: r.approved.byName } : null,
  documents: documentsFor(d, caller, r),
});

const emptyDraft: ReportVersionView = {
  version: 1,
  state: 'draft',
  etag: '1.0',
  introduction: '',
  updatedAt: null,
  approved: null,
  documents: [],
};

/** Every month with a report and its versions, latest first (programme.read, by the route). */
export async function reportMonths(d: AppDeps, caller: Caller): Promise<ReportsResponse> {
  const months = new Map<string, ReportVersionView[]>();
  for (const r of await d.store.reports.list(d.programme.programme.id))
    months.set(r.month, [...(months.get(r.month) ?? []), viewOf(d, caller, r)]);
  return { months: [...months].map(([month, versions]) => ({ month, versions })) };
}

/** The bodies the report goes to, by id and name, and each one's variant. */
function receivers(d: AppDeps) {
  const plan = reportPlanOf(d.programme);
  const bodies = plan.to.flatMap((id) => {
    const b = d.programme.bodies.find((x) => x.id === id);
    return b
      ? [{ id: b.id, name: b.name, variant: (b.kind === 'regiegroep' ? 'regiegroep' : 'informed') as ReportVariant }]
      : [];
  });
  return { plan, bodies };
}

/**
 * The month's report: its latest version (or the empty draft), its figures (as approved; else the month's now), every
 * version, its due date and receivers, and whether the caller may approve. Errors: bad_input (not a month),
 * not_possible (the renderer is not available for a draft's figures).
 */
export async function reportMonth(
  d: ReportDeps,
  caller: Caller,
  month: ReportMonth,
): Promise<Result<ReportMonthResponse>> {
  const bad = badMonth(month);
  if (bad) return bad;
  const stored = await d.store.reports.versions(d.programme.programme.id, month);
  const latest = stored[0];
  const summary: Result<ReportSummary> = latest?.summary
    ? ok(latest.summary)
    : await rendered(() => d.renderer.summary(month));
  if (!summary.ok) return summary;
  const { plan, bodies } = receivers(d);
  const approve = refusedReport(d, caller, { do: 'report.approve' }, 'rapport.notApprover');
  return ok({
    month,
    due: dueDate(d.programme, plan.due, month, meetingOccurrences(d.programme)),
    to: bodies.map((b) => b.name),
    ...(plan.defaulted ? { defaults: both('rapport.defaults', { bodies: bodies.map((b) => b.name).join(', ') }) } : {}),
    latest: latest ? viewOf(d, caller, latest) : emptyDraft,
    summary: summary.value,
    versions: stored.map((r) => viewOf(d, caller, r)),
    mayApprove: approve ? { allowed: false, why: both(approve.error.key, approve.error.params) } : { allowed: true },
  });
}

/** The 409 of a version that changed since it was read, naming the month's latest version. */
async function changed(d: AppDeps, month: string) {
  const latest = (await d.store.reports.versions(d.programme.programme.id, month))[0];
  return fail('changed', 'rapport.changed', {
    month,
    version: latest?.version ?? 1,
    state: latest?.state ?? 'draft',
  });
}

/** The person id a change is recorded with ('app' for the product itself). */
const byOf = (caller: Caller): string => (caller.kind === 'person' ? caller.person.id : 'app');

/**
 * Saves the introduction at the version read (`version`: its ETag, If-Match). An approved version is not changed: the
 * text becomes the next version's draft (a correction). Errors: bad_input, forbidden (report.edit), version_required,
 * changed (409: another change came first; nothing was saved).
 */
export async function saveIntroduction(
  d: AppDeps,
  caller: Caller,
  month: string,
  input: IntroductionInput,
  version: string | undefined,
): Promise<Result<IntroductionResponse>> {
  const bad = badMonth(month);
  if (bad) return bad;
  const no = refusedReport(d, caller, { do: 'report.edit' }, 'rapport.notEditor');
  if (no) return no;
  if (version === undefined) return fail('version_required', 'rapport.versionRequired');
  const expected = parseEtag(version);
  if (!expected) return changed(d, month);
  const r = await d.store.reports.saveIntroduction(d.programme.programme.id, month, {
    expected,
    introduction: input.introduction,
    by: byOf(caller),
    at: d.clock.now(),
  });
  return r.outcome === 'saved' ? ok(viewOf(d, caller, r.report)) : changed(d, month);
}

/** Queues the deliveries that are due now (the report's cards) to the bot's delivery jobs. */
export type DeliverNow = () => Promise<unknown>;

/**
 * Approves the version read (`version`: its ETag, If-Match): renders .docx and .pdf of both variants, keeps them with
 * the version, and queues the cards to the receiving bodies' channels, all in one transaction; then hands them to the
 * delivery jobs at once (`deliverNow`). Approving an approved version again answers it as it is (approvedNow false).
 * Errors: bad_input, forbidden (report.approve: the projectleider), version_required, changed, not_possible (the
 * month has not begun; the renderer is not available).
 */
export async function approveReport(
  d: ReportDeps,
  caller: Caller,
  month: string,
  version: string | undefined,
  deliverNow?: DeliverNow,
): Promise<Result<ApproveResponse>> {
  const bad = badMonth(month);
  if (bad) return bad;
  const no = refusedReport(d, caller, { do: 'report.approve' }, 'rapport.notApprover');
  if (no) return no;
  if (version === undefined) return fail('version_required', 'rapport.versionRequired');
  if (month > monthOf(d.today())) return fail('not_possible', 'rapport.monthNotStarted', { month });
  const expected = parseEtag(version);
  const pid = d.programme.programme.id;
  const latest = (await d.store.reports.versions(pid, month))[0];
  if (!expected) return changed(d, month);
  if (latest?.state === 'approved' && latest.version === expected.version)
    return ok({ month, version: viewOf(d, caller, latest), approvedNow: false, deliveries: [] });
  if (latest ? etagOf(latest) !== version : version !== '1.0') return changed(d, month);
  const person = caller.kind === 'person' ? caller.person : undefined;
  const at = d.clock.now();
  const approved = { by: byOf(caller), byName: person?.name ?? 'Regiekamer', at: at.toISOString() };
  const introduction = latest?.introduction ?? '';
  const summary = await rendered(() => d.renderer.summary(month));
  if (!summary.ok) return summary;
  const documents: { variant: ReportVariant; format: ReportFormat; bytes: Uint8Array }[] = [];
  for (const variant of VARIANTS)
    for (const format of FORMATS) {
      const bytes = await rendered(() =>
        d.renderer.render({ month, variant, format, introduction, approved, lang: 'nl' }),
      );
      if (!bytes.ok) return bytes;
      documents.push({ variant, format, bytes: bytes.value });
    }
  const n = latest?.version ?? 1;
  const deliveries = receivers(d).bodies.map((b) => ({
    key: `${REPORT_KIND}|${month}|v${n}|channel:${b.id}`,
    kind: REPORT_KIND,
    recipient: `channel:${b.id}`,
    payload: { month, version: n, variant: b.variant },
  }));
  const r = await d.store.reports.approve(pid, month, {
    expected,
    at,
    by: approved.by,
    byName: approved.byName,
    summary: summary.value,
    documents,
    deliveries,
  });
  if (r.outcome !== 'saved') return changed(d, month);
  await deliverNow?.();
  return ok({
    month,
    version: viewOf(d, caller, r.report),
    approvedNow: true,
    deliveries: deliveries.map((x) => x.key),
  });
}

/** A downloaded document: its bytes, file name and media type. */
export interface ReportDocument {
  bytes: Uint8Array;
  fileName: string;
  contentType: string;
}

const CONTENT_TYPES: Record<ReportFormat, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  pdf: 'application/pdf',
};

/**
 * A kept document of an approved version. One cleared by an erasure (AVG) is rendered again from the version as
 * stored — its approver now the pseudonym — and kept. Errors: bad_input, forbidden (report.read of the variant),
 * not_found (no such approved version), not_possible (it must be rendered again and the renderer is not available).
 */
export async function reportDocument(
  d: ReportDeps,
  caller: Caller,
  ref: { month: string; version: number; variant: ReportVariant; format: ReportFormat },
): Promise<Result<ReportDocument>> {
  const bad = badMonth(ref.month);
  if (bad) return bad;
  const no = refusedReport(d, caller, { do: 'report.read', variant: ref.variant }, 'rapport.notReader');
  if (no) return no;
  const pid = d.programme.programme.id;
  let bytes = await d.store.reports.document(pid, ref);
  if (bytes === undefined) return fail('not_found', 'rapport.notFound', { month: ref.month, version: ref.version });
  if (bytes === null) {
    const r = (await d.store.reports.versions(pid, ref.month)).find((x) => x.version === ref.version);
    if (!r?.approved) return fail('not_found', 'rapport.notFound', { month: ref.month, version: ref.version });
    const { by, byName, at } = r.approved;
    const again = await rendered(() =>
      d.renderer.render({
        month: ref.month,
        variant: ref.variant,
        format: ref.format,
        introduction: r.introduction,
        approved: { by, byName, at: at.toISOString() },
        lang: 'nl',
      }),
    );
    if (!again.ok) return again;
    await d.store.reports.restoreDocument(pid, ref, again.value, d.clock.now());
    bytes = again.value;
  }
  const suffix = ref.variant === 'informed' ? '-informed' : '';
  return ok({
    bytes,
    fileName: `voortgangsrapportage-${pid}-${ref.month}-v${ref.version}${suffix}.${ref.format}`,
    contentType: CONTENT_TYPES[ref.format],
  });
}
