// The report as a list of blocks in one language — title page, headings, paragraphs, tables and charts — which the
// .docx and .pdf adapters (src/adapters/report/) only lay out, so both formats say the same in the same words.
// Every chart is followed by a table with its numbers (a reader who cannot see the chart loses nothing).
import { LOCALE_OF, t, type Lang } from '../i18n.ts';
import type { ReportModel } from './compose.ts';

/** A bar chart: one bar per label, values in the same unit. */
export interface ChartSpec {
  title: string;
  labels: string[];
  values: number[];
  /** One colour per bar (CSS hex), or one for all. */
  colours: string[];
}

/** One block of the document, in reading order. */
export type Block =
  | { kind: 'heading'; level: 1 | 2 | 3; text: string }
  | { kind: 'paragraph'; text: string; bold?: boolean }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; headers: string[]; rows: string[][] }
  | { kind: 'chart'; chart: ChartSpec; alt: string };

/** The document: its title page's lines, footer text and blocks. */
export interface ReportOutline {
  lang: Lang;
  title: string;
  subtitle: string;
  titleLines: string[];
  /** The heading of the table of contents. */
  contentsTitle: string;
  footer: string;
  blocks: Block[];
}

/** The parts of a request the document prints besides the model. */
export interface OutlineOptions {
  lang: Lang;
  /** Plain text, paragraphs separated by blank lines. */
  introduction: string;
  /** The approver's name and the local date (YYYY-MM-DD, the programme's time zone) of the approval. */
  approved?: { byName: string; date: string };
}

const STATUS_COLOURS = { 'op-koers': '#2e7d32', aandacht: '#f9a825', risico: '#c62828', none: '#9e9e9e' } as const;

/** "november 2026" / "November 2026" for a YYYY-MM month. */
function monthName(month: string, lang: Lang): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return new Intl.DateTimeFormat(LOCALE_OF[lang], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(y, m - 1, 1)),
  );
}

const num = (n: number, lang: Lang) => n.toLocaleString(LOCALE_OF[lang], { maximumFractionDigits: 2 });

function summaryBlocks(m: ReportModel, lang: Lang): Block[] {
  const c = { opKoers: 0, aandacht: 0, risico: 0, none: 0 };
  for (const w of m.werkgroepen) c[w.status === 'op-koers' ? 'opKoers' : w.status] += 1;
  const median =
    m.medianLeadTimeDays === null
      ? t('report.noValue', {}, lang)
      : t('report.days', { count: m.medianLeadTimeDays }, lang);
  const labels = (['op-koers', 'aandacht', 'risico', 'none'] as const).map((s) => t(`report.status.${s}`, {}, lang));
  const values = [c.opKoers, c.aandacht, c.risico, c.none];
  const title = t('report.chart.status', {}, lang);
  return [
    { kind: 'heading', level: 1, text: t('report.h.summary', {}, lang) },
    {
      kind: 'bullets',
      items: [
        t('report.summary.werkgroepen', { total: m.werkgroepen.length, ...c }, lang),
        t(
          'report.summary.decisions',
          { taken: m.decisionsTaken.length, waiting: m.decisionsWaiting.length, median },
          lang,
        ),
        t('report.summary.actions', { overdue: m.overdue.length, blocked: m.blocked.length }, lang),
      ],
    },
    {
      kind: 'chart',
      chart: { title, labels, values, colours: Object.values(STATUS_COLOURS) },
      alt: t('report.chart.alt', { title }, lang),
    },
    {
      kind: 'table',
      headers: [t('report.col.status', {}, lang), t('report.col.count', {}, lang)],
      rows: labels.map((l, i) => [l, String(values[i])]),
    },
  ];
}

function phaseBlocks(m: ReportModel, lang: Lang): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 1, text: t('report.h.phases', {}, lang) }];
  if (m.phases.length > 0)
    out.push({
      kind: 'table',
      headers: [t('report.col.phase', {}, lang), t('report.col.period', {}, lang), t('report.col.state', {}, lang)],
      rows: m.phases.map((p) => [
        `${p.number}. ${p.name}`,
        `${p.start} – ${p.end}`,
        t(`report.phase.${p.state}`, {}, lang),
      ]),
    });
  if (m.milestones.length === 0) out.push({ kind: 'paragraph', text: t('report.noMilestones', {}, lang) });
  else
    out.push({
      kind: 'table',
      headers: [t('report.col.date', {}, lang), t('report.col.milestone', {}, lang), t('report.col.state', {}, lang)],
      rows: m.milestones.map((x) => [
        x.date,
        x.celebrate ? `${x.title} ${t('report.milestone.celebrate', {}, lang)}` : x.title,
        t(`report.milestone.${x.state}`, {}, lang),
      ]),
    });
  return out;
}

function werkgroepBlocks(m: ReportModel, lang: Lang): Block[] {
  const named = m.variant === 'regiegroep';
  const headers = [
    t('report.col.werkgroep', {}, lang),
    ...(named ? [t('report.col.trekker', {}, lang)] : []),
    t('report.col.status', {}, lang),
    t('report.col.open', {}, lang),
    t('report.col.overdue', {}, lang),
    t('report.col.blocked', {}, lang),
  ];
  const out: Block[] = [
    { kind: 'heading', level: 1, text: t('report.h.werkgroepen', {}, lang) },
    {
      kind: 'table',
      headers,
      rows: m.werkgroepen.map((w) => [
        w.name,
        ...(named ? [w.trekker ?? ''] : []),
        t(`report.status.${w.status}`, {}, lang),
        String(w.open),
        String(w.overdue),
        String(w.blocked),
      ]),
    },
  ];
  for (const w of m.werkgroepen) {
    out.push({ kind: 'heading', level: 2, text: `${w.name} — ${t(`report.status.${w.status}`, {}, lang)}` });
    const u = w.update;
    if (!u) {
      out.push({ kind: 'paragraph', text: t('report.update.none', {}, lang) });
      continue;
    }
    const items = [t('report.update.progress', { text: u.progress }, lang)];
    if (u.successes) items.push(t('report.update.successes', { text: u.successes }, lang));
    if (u.blockers) items.push(t('report.update.blockers', { text: u.blockers }, lang));
    if (u.decisionsNeeded) items.push(t('report.update.decisionsNeeded', { text: u.decisionsNeeded }, lang));
    if (u.nextSteps) items.push(t('report.update.nextSteps', { text: u.nextSteps }, lang));
    out.push(
      { kind: 'paragraph', text: t('report.update.of', { date: u.date }, lang), bold: true },
      { kind: 'bullets', items },
    );
  }
  return out;
}

function decisionBlocks(m: ReportModel, lang: Lang): Block[] {
  const days = (count: number) => t('report.days', { count }, lang);
  const out: Block[] = [
    { kind: 'heading', level: 1, text: t('report.h.decisions', {}, lang) },
    { kind: 'heading', level: 2, text: t('report.h.decisionsTaken', { month: monthName(m.month, lang) }, lang) },
  ];
  if (m.decisionsTaken.length === 0) out.push({ kind: 'paragraph', text: t('report.none', {}, lang) });
  else
    out.push({
      kind: 'table',
      headers: [
        'report.col.decision',
        'report.col.werkgroep',
        'report.col.outcome',
        'report.col.leadTime',
        'report.col.perLevel',
      ].map((k) => t(k as 'report.col.decision', {}, lang)),
      rows: m.decisionsTaken.map((d) => [
        d.title,
        d.werkgroep,
        `${t(`report.outcome.${d.outcome}`, {}, lang)} (${d.on})`,
        days(d.totalDays),
        d.levels.map((l) => `${l.level}: ${String(l.days)}`).join('; '),
      ]),
    });
  if (m.leadTimesPerLevel.length > 0) {
    const title = t('report.chart.leadTimes', {}, lang);
    out.push(
      {
        kind: 'chart',
        chart: {
          title,
          labels: m.leadTimesPerLevel.map((l) => l.level),
          values: m.leadTimesPerLevel.map((l) => l.medianDays),
          colours: ['#1565c0'],
        },
        alt: t('report.chart.alt', { title }, lang),
      },
      {
        kind: 'table',
        headers: [t('report.col.level', {}, lang), t('report.col.median', {}, lang), t('report.col.count', {}, lang)],
        rows: m.leadTimesPerLevel.map((l) => [l.level, num(l.medianDays, lang), String(l.count)]),
      },
    );
  }
  out.push({ kind: 'heading', level: 2, text: t('report.h.decisionsWaiting', {}, lang) });
  if (m.decisionsWaiting.length === 0) out.push({ kind: 'paragraph', text: t('report.none', {}, lang) });
  else
    out.push({
      kind: 'table',
      headers: [
        'report.col.decision',
        'report.col.werkgroep',
        'report.col.level',
        'report.col.since',
        'report.col.waiting',
        'report.col.leadTime',
      ].map((k) => t(k as 'report.col.decision', {}, lang)),
      rows: m.decisionsWaiting.map((d) => [
        d.title,
        d.werkgroep,
        d.level,
        d.since,
        days(d.daysAtLevel),
        days(d.totalDays),
      ]),
    });
  return out;
}

function indicatorBlocks(m: ReportModel, lang: Lang): Block[] {
  const out: Block[] = [{ kind: 'heading', level: 1, text: t('report.h.indicators', {}, lang) }];
  if (m.indicators.length === 0) return [...out, { kind: 'paragraph', text: t('report.noIndicators', {}, lang) }];
  const groupName = (g: ReportModel['indicators'][number]['group']) =>
    g.kind === 'k' && ['kwaliteit', 'kwetsbaarheid', 'kosten', 'kansen'].includes(g.id)
      ? t(`report.k.${g.id as 'kosten'}`, {}, lang)
      : g.name;
  const value = (p?: { on: string; value: number }) =>
    p ? `${num(p.value, lang)} (${p.on})` : t('report.noValue', {}, lang);
  out.push({
    kind: 'table',
    headers: [
      'report.col.criterion',
      'report.col.indicator',
      'report.col.unit',
      'report.col.latest',
      'report.col.previous',
      'report.col.trend',
    ].map((k) => t(k as 'report.col.unit', {}, lang)),
    rows: m.indicators.map((i) => [
      groupName(i.group),
      i.name,
      i.unit,
      value(i.latest),
      value(i.previous),
      t(`report.trend.${i.direction}`, {}, lang),
    ]),
  });
  for (const i of m.indicators) {
    if (i.points.length < 2) continue;
    const title = t('report.chart.indicator', { name: i.name, unit: i.unit }, lang);
    out.push(
      { kind: 'heading', level: 3, text: `${groupName(i.group)}: ${i.name}` },
      {
        kind: 'chart',
        chart: { title, labels: i.points.map((p) => p.on), values: i.points.map((p) => p.value), colours: ['#6a1b9a'] },
        alt: t('report.chart.alt', { title }, lang),
      },
      {
        kind: 'table',
        headers: [t('report.col.date', {}, lang), t('report.col.value', {}, lang)],
        rows: i.points.map((p) => [p.on, num(p.value, lang)]),
      },
    );
  }
  return out;
}

function actionBlocks(m: ReportModel, lang: Lang): Block[] {
  const named = m.variant === 'regiegroep';
  const col = (k: string) => t(k as 'report.col.action', {}, lang);
  const out: Block[] = [{ kind: 'heading', level: 1, text: t('report.h.successes', {}, lang) }];
  if (m.successes.length === 0) out.push({ kind: 'paragraph', text: t('report.none', {}, lang) });
  else
    out.push({
      kind: 'table',
      headers: [col('report.col.source'), col('report.col.success')],
      rows: m.successes.map((s) => [s.source, s.text]),
    });
  out.push({ kind: 'heading', level: 1, text: t('report.h.blocked', {}, lang) });
  if (m.blocked.length === 0) out.push({ kind: 'paragraph', text: t('report.none', {}, lang) });
  else
    out.push({
      kind: 'table',
      headers: [
        'report.col.action',
        'report.col.werkgroep',
        ...(named ? ['report.col.owners'] : []),
        'report.col.waitsOn',
        'report.col.daysWaiting',
      ].map(col),
      rows: m.blocked.map((a) => [
        a.title,
        a.werkgroep,
        ...(named ? [a.owners.join(', ')] : []),
        (a.waitsOn ?? []).join('; '),
        String(a.days),
      ]),
    });
  out.push({ kind: 'heading', level: 1, text: t('report.h.overdue', {}, lang) });
  if (m.overdue.length === 0) out.push({ kind: 'paragraph', text: t('report.none', {}, lang) });
  else
    out.push({
      kind: 'table',
      headers: [
        'report.col.action',
        'report.col.werkgroep',
        ...(named ? ['report.col.owners'] : []),
        'report.col.due',
        'report.col.daysOverdue',
      ].map(col),
      rows: m.overdue.map((a) => [
        a.title,
        a.werkgroep,
        ...(named ? [a.owners.join(', ')] : []),
        a.due ?? '',
        String(a.days),
      ]),
    });
  const c = m.capacity;
  out.push(
    { kind: 'heading', level: 1, text: t('report.h.capacity', {}, lang) },
    {
      kind: 'paragraph',
      text: t(
        'report.capacity.total',
        { people: c.people, load: num(c.loadHours, lang), hours: num(c.hoursPerWeek, lang), over: c.overLimit },
        lang,
      ),
    },
  );
  if (named && c.persons.length > 0)
    out.push(
      { kind: 'paragraph', text: t('report.capacity.overLimit', {}, lang) },
      {
        kind: 'table',
        headers: ['report.col.person', 'report.col.load', 'report.col.hours', 'report.col.actions'].map(col),
        rows: c.persons.map((p) => [p.name, num(p.loadHours, lang), num(p.hoursPerWeek, lang), String(p.openActions)]),
      },
    );
  return out;
}

/** The document for `model` in `options.lang`, with the projectleider's introduction and the approval, if any. */
export function reportOutline(m: ReportModel, options: OutlineOptions): ReportOutline {
  const { lang } = options;
  const month = monthName(m.month, lang);
  const approved = options.approved
    ? m.variant === 'informed'
      ? t('report.approvedByRole', { date: options.approved.date }, lang)
      : t('report.approvedBy', { name: options.approved.byName, date: options.approved.date }, lang)
    : t('report.draft', {}, lang);
  const paragraphs = options.introduction
    .split(/\n\s*\n/)
    .map((x) => x.trim())
    .filter((x) => x !== '');
  return {
    lang,
    title: t('report.title', {}, lang),
    subtitle: t('report.subtitle', { programme: m.programme.name, month }, lang),
    titleLines: [
      t(`report.variant.${m.variant}`, {}, lang),
      t('report.generated', { date: m.today }, lang),
      t('report.asOf', { date: m.asOf }, lang),
      approved,
    ],
    contentsTitle: t('report.contents', {}, lang),
    footer: t('report.footer', { programme: m.programme.name, month }, lang),
    blocks: [
      { kind: 'heading', level: 1, text: t('report.h.introduction', {}, lang) },
      ...(paragraphs.length > 0
        ? paragraphs.map((text): Block => ({ kind: 'paragraph', text }))
        : [{ kind: 'paragraph', text: t('report.noIntroduction', {}, lang) } as Block]),
      ...summaryBlocks(m, lang),
      ...phaseBlocks(m, lang),
      ...werkgroepBlocks(m, lang),
      ...decisionBlocks(m, lang),
      ...indicatorBlocks(m, lang),
      ...actionBlocks(m, lang),
    ],
  };
}
