// Every card the bot sends, as Adaptive Card 1.5 JSON (Teams renders 1.5 at most). Pure builders: the
// adapters send them; the tests validate each against the 1.5 schema.
import { DateTime } from 'luxon';
import { t, type Lang } from '../i18n.ts';
import { FOUR_KS, type Programme } from '../programme/schema.ts';
import type { Action, Decision } from '../work/model.ts';
import { daysBetween, isOpenAction } from '../work/model.ts';
import { currentLevel, isOverdue } from '../work/figures.ts';
import { bt } from './messages.ts';
import {
  kNoteField,
  MAX_TEXT,
  UPDATE_STATUSES,
  type FieldError,
  type UpdateRecord,
  type UpdateStatus,
} from './update.ts';

export type Card = Record<string, unknown>;
type Element = Record<string, unknown>;

const SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
const MAX_ITEMS = 15;

function card(body: Element[], actions: Element[] = [], extra: Record<string, unknown> = {}): Card {
  return {
    type: 'AdaptiveCard',
    $schema: SCHEMA,
    version: '1.5',
    body,
    ...(actions.length > 0 ? { actions } : {}),
    ...extra,
  };
}

/**
 * User text shown as text, not markup, length bounded. Teams renders only bold, italic, lists and links in a
 * TextBlock, so only what can start those is escaped: every `*`, a `_` that is not inside a word, and `[` `]`
 * (no link). Other characters stay as typed, since some Teams clients show the backslash of an escape.
 */
export function plain(text: string, max = 2000): string {
  let cut = text;
  if (text.length > max) {
    cut = text.slice(0, max - 1);
    // Never leave half of a surrogate pair (an emoji) behind.
    if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
    cut = `${cut}…`;
  }
  // A backslash is doubled only where it would otherwise escape what follows (a Windows path stays as typed).
  return cut.replace(/\\(?=[\\*_[\]])|[*[\]]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, (ch) => `\\${ch}`);
}

const text = (t: string, o: Element = {}): Element => ({ type: 'TextBlock', text: t, wrap: true, ...o });
const heading = (t: string): Element => text(t, { size: 'Medium', weight: 'Bolder', style: 'heading' });
const facts = (pairs: [string, string][]): Element => ({
  type: 'FactSet',
  facts: pairs.map(([title, value]) => ({ title, value })),
});
const werkgroepName = (p: Programme, id: string) => p.bodies.find((b) => b.id === id)?.name ?? id;
const STATUS_COLOR: Record<UpdateStatus, string> = { 'op-koers': 'Good', aandacht: 'Warning', risico: 'Attention' };

function when(iso: string, timeZone: string, lang: Lang): string {
  return DateTime.fromISO(iso, { zone: timeZone })
    .setLocale(lang)
    .toFormat(bt('format.submittedAt', {}, lang));
}

function dateLabel(date: string, lang: Lang): string {
  return DateTime.fromISO(date, { zone: 'UTC' }).setLocale(lang).toFormat('d LLL yyyy');
}

function more(items: Element[], total: number, lang: Lang): Element[] {
  return total > items.length
    ? [...items, text(bt('more', { n: total - items.length }, lang), { isSubtle: true })]
    : items;
}

export function helpCard(lang: Lang, unknownText?: string): Card {
  const rows: [string, string][] = [
    ['help', bt('help.help', {}, lang)],
    [bt('help.cmd.mine', {}, lang), bt('help.mine', {}, lang)],
    // Not <werkgroep>: Teams may take angle brackets for an HTML tag and drop them.
    [`status ‹${bt('field.werkgroep', {}, lang)}›`, bt('help.status', {}, lang)],
    ['update', bt('help.update', {}, lang)],
    [bt('help.cmd.decisions', {}, lang), bt('help.decisions', {}, lang)],
    [t('botloop.help.cmd.besluit', {}, lang), t('botloop.help.besluit', {}, lang)],
    [t('botloop.help.cmd.agenda', {}, lang), t('botloop.help.agenda', {}, lang)],
  ];
  return card([
    ...(unknownText !== undefined
      ? [text(bt('help.unknown', { text: plain(unknownText, 80) }, lang), { color: 'Attention' })]
      : []),
    heading(bt('help.title', {}, lang)),
    text(bt('help.intro', {}, lang)),
    facts(rows),
  ]);
}

export interface UpdateCardOptions {
  programme: Programme;
  werkgroep: string;
  period: string;
  periodLabel: string;
  values?: Record<string, string>;
  errors?: FieldError[];
  submitted?: { byName: string; at: string; timeZone: string };
  editable: boolean;
  editableUntil?: string;
  openActions: { id: string; title: string }[];
  refreshUserIds: string[];
  intro?: string;
  /** Shown with the update's "decisions needed" (the "Maak voorstel" action, ./proposal-card.ts). */
  decisionsNeededAction?: Element;
  lang: Lang;
}

export function updateCard(o: UpdateCardOptions): Card {
  const { lang } = o;
  const v = o.values ?? {};
  const tz = o.submitted?.timeZone ?? o.programme.programme.timeZone;
  const body: Element[] = updateCardHead(o, tz);
  if (!o.editable) {
    body.push(text(bt('update.closed', {}, lang), { isSubtle: true }));
    body.push(facts(closedUpdateRows(v, lang)));
    if (o.decisionsNeededAction && v['decisionsNeeded']) body.push(o.decisionsNeededAction);
    return card(body);
  }
  if (o.editableUntil)
    body.push(
      text(bt('update.editableUntil', { at: when(o.editableUntil, tz, lang) }, lang), {
        isSubtle: true,
        spacing: 'None',
      }),
    );
  body.push(...updateCardInputs(o, v));
  const data = { werkgroep: o.werkgroep, period: o.period };
  return card(
    body,
    [
      {
        type: 'Action.Execute',
        title: bt(o.submitted ? 'update.resubmit' : 'update.submit', {}, lang),
        verb: 'update.submit',
        data,
        style: 'positive',
      },
    ],
    {
      refresh: {
        action: { type: 'Action.Execute', title: 'refresh', verb: 'update.refresh', data },
        userIds: o.refreshUserIds.slice(0, 60),
      },
    },
  );
}

/** The update card's top: intro, the refusals, title, period and who submitted when. */
function updateCardHead(o: UpdateCardOptions, tz: string): Element[] {
  const { lang } = o;
  const wgName = werkgroepName(o.programme, o.werkgroep);
  const body: Element[] = [];
  if (o.intro) body.push(text(plain(o.intro, 500)));
  if (o.errors && o.errors.length > 0) {
    body.push({
      type: 'Container',
      style: 'attention',
      items: [
        text(bt('update.errors', {}, lang), { weight: 'Bolder', color: 'Attention' }),
        ...o.errors.map((e) => text(`• ${plain(e.message, 300)}`, { color: 'Attention', spacing: 'None' })),
      ],
    });
  }
  body.push(
    heading(bt('update.title', { werkgroep: wgName }, lang)),
    text(bt('update.period', { period: o.periodLabel }, lang), { isSubtle: true, spacing: 'None' }),
  );
  if (o.submitted)
    body.push(
      text(bt('update.submitted', { name: plain(o.submitted.byName, 100), at: when(o.submitted.at, tz, lang) }, lang), {
        color: 'Good',
      }),
    );
  return body;
}

/** A closed update card's facts: the values as they were submitted. */
function closedUpdateRows(v: Record<string, string>, lang: Lang): [string, string][] {
  const status = v['status'] as UpdateStatus | undefined;
  const rows: [string, string][] = [];
  if (status && (UPDATE_STATUSES as readonly string[]).includes(status))
    rows.push([bt('update.status', {}, lang), bt(`status.${status}`, {}, lang)]);
  for (const [f, key] of [
    ['progress', 'update.progress'],
    ['successes', 'update.successes'],
    ['nextSteps', 'update.nextSteps'],
    ['blockers', 'update.blockers'],
    ['decisionsNeeded', 'update.decisionsNeeded'],
  ] as const) {
    if (v[f]) rows.push([bt(key, {}, lang), plain(v[f] as string)]);
  }
  for (const k of FOUR_KS)
    if (v[kNoteField(k)]) rows.push([bt(`k.${k}`, {}, lang), plain(v[kNoteField(k)] as string, 500)]);
  return rows;
}

/** An open update card's inputs, filled with the values entered and their errors. */
function updateCardInputs(o: UpdateCardOptions, v: Record<string, string>): Element[] {
  const { lang } = o;
  const errorOf = (field: string) => o.errors?.find((e) => e.field === field)?.message;
  const input = (id: string, label: string, extra: Element = {}): Element => ({
    type: 'Input.Text',
    id,
    label,
    isMultiline: true,
    maxLength: MAX_TEXT,
    ...(v[id] ? { value: v[id] } : {}),
    ...(errorOf(id) ? { errorMessage: errorOf(id) } : {}),
    ...extra,
  });
  const body: Element[] = [];
  body.push({
    type: 'Input.ChoiceSet',
    id: 'status',
    label: bt('update.status', {}, lang),
    isRequired: true,
    style: 'expanded',
    errorMessage: errorOf('status') ?? bt('err.status', {}, lang),
    choices: UPDATE_STATUSES.map((s) => ({ title: bt(`status.${s}`, {}, lang), value: s })),
    ...(v['status'] ? { value: v['status'] } : {}),
  });
  body.push(
    input('progress', bt('update.progress', {}, lang), {
      isRequired: true,
      placeholder: bt('update.progress.placeholder', {}, lang),
      errorMessage: errorOf('progress') ?? bt('err.required', { field: bt('update.progress', {}, lang) }, lang),
    }),
  );
  body.push(input('successes', bt('update.successes', {}, lang)));
  body.push(input('nextSteps', bt('update.nextSteps', {}, lang)));
  body.push(input('blockers', bt('update.blockers', {}, lang)));
  body.push(input('decisionsNeeded', bt('update.decisionsNeeded', {}, lang)));
  if (o.decisionsNeededAction && v['decisionsNeeded']) body.push(o.decisionsNeededAction);
  body.push({
    type: 'Input.ChoiceSet',
    id: 'ks',
    label: bt('update.ks', {}, lang),
    isMultiSelect: true,
    style: 'expanded',
    choices: FOUR_KS.map((k) => ({ title: bt(`k.${k}`, {}, lang), value: k })),
    ...(v['ks'] ? { value: v['ks'] } : {}),
    ...(errorOf('ks') ? { errorMessage: errorOf('ks') } : {}),
  });
  for (const k of FOUR_KS)
    body.push(
      input(kNoteField(k), bt('update.kNote', { k: bt(`k.${k}`, {}, lang) }, lang), {
        isMultiline: false,
        maxLength: 500,
      }),
    );
  if (o.openActions.length > 0) {
    body.push({
      type: 'Input.ChoiceSet',
      id: 'actions',
      label: bt('update.actions', {}, lang),
      isMultiSelect: true,
      style: 'compact',
      choices: o.openActions.slice(0, 100).map((a) => ({ title: a.title.slice(0, 200), value: a.id })),
      ...(v['actions'] ? { value: v['actions'] } : {}),
      ...(errorOf('actions') ? { errorMessage: errorOf('actions') } : {}),
    });
  }
  return body;
}

/** The update card with the question before the regiegroep meeting on top. */
export function askCard(o: Omit<UpdateCardOptions, 'intro'> & { meetingLabel: string }): Card {
  return updateCard({
    ...o,
    intro: bt('update.ask', { meeting: o.meetingLabel, werkgroep: werkgroepName(o.programme, o.werkgroep) }, o.lang),
  });
}

/** The update card with a reminder on top (the update is still missing). */
export function nudgeCard(o: Omit<UpdateCardOptions, 'intro'> & { meetingLabel: string }): Card {
  return updateCard({
    ...o,
    intro: bt('update.nudge', { meeting: o.meetingLabel, werkgroep: werkgroepName(o.programme, o.werkgroep) }, o.lang),
  });
}

/**
 * "today", "3 days ago": from an instant (ISO 8601, UTC) to `today` (local date), both read in the programme's time
 * zone `zone` (IANA) — an update sent at 23:30 UTC in winter is tomorrow's in Amsterdam.
 */
function ageLabel(fromIso: string, today: string, zone: string, lang: Lang): string {
  const local = DateTime.fromISO(fromIso, { zone: 'UTC' }).setZone(zone).toISODate() ?? fromIso.slice(0, 10);
  return ageOf(daysBetween(local, today), lang);
}

const ageOf = (n: number, lang: Lang): string => bt('age', { n: Math.max(0, n) }, lang);

/** A link into the tab's view (a card's way into the dashboard). */
const openTab = (url: string | undefined, lang: Lang): Element[] =>
  url ? [{ type: 'Action.OpenUrl', title: bt('open.tab', {}, lang), url }] : [];

export function statusCard(o: {
  werkgroepName: string;
  latest?: UpdateRecord & { byName: string };
  /** Local date (YYYY-MM-DD) in `timeZone`. */
  today: string;
  /** The programme's IANA time zone: the update's instant is read in it. */
  timeZone: string;
  openActions: number;
  overdue: number;
  blocked: number;
  tabUrl?: string;
  lang: Lang;
}): Card {
  const { lang } = o;
  const body: Element[] = [heading(bt('status.title', { werkgroep: plain(o.werkgroepName, 200) }, lang))];
  if (!o.latest) body.push(text(bt('status.none', {}, lang), { isSubtle: true }));
  else {
    const l = o.latest;
    body.push(
      text(
        bt(
          'status.latest',
          {
            status: bt(`status.${l.status}`, {}, lang),
            age: ageLabel(l.submittedAt, o.today, o.timeZone, lang),
            name: plain(l.byName, 100),
          },
          lang,
        ),
        { color: STATUS_COLOR[l.status], weight: 'Bolder' },
      ),
    );
    const rows: [string, string][] = [[bt('update.progress', {}, lang), plain(l.progress)]];
    if (l.successes) rows.push([bt('update.successes', {}, lang), plain(l.successes)]);
    if (l.nextSteps) rows.push([bt('update.nextSteps', {}, lang), plain(l.nextSteps)]);
    if (l.blockers) rows.push([bt('update.blockers', {}, lang), plain(l.blockers)]);
    if (l.decisionsNeeded) rows.push([bt('update.decisionsNeeded', {}, lang), plain(l.decisionsNeeded)]);
    for (const k of l.ks) rows.push([bt(`k.${k.k}`, {}, lang), plain(k.note, 500)]);
    body.push(facts(rows));
  }
  body.push(text(bt('status.actions', { open: o.openActions, overdue: o.overdue, blocked: o.blocked }, lang)));
  return card(body, openTab(o.tabUrl, lang));
}

export function myActionsCard(o: {
  personName: string;
  actions: Action[];
  today: string;
  werkgroepNames: Record<string, string>;
  lang: Lang;
}): Card {
  const { lang } = o;
  const open = o.actions
    .filter(isOpenAction)
    .sort((a, b) => (a.due ?? '9999').localeCompare(b.due ?? '9999') || a.title.localeCompare(b.title));
  const items = open.slice(0, MAX_ITEMS).map((a) => {
    const due = !a.due
      ? bt('mine.noDue', {}, lang)
      : isOverdue(a, o.today)
        ? bt('mine.overdue', { due: dateLabel(a.due, lang) }, lang)
        : bt('mine.due', { due: dateLabel(a.due, lang) }, lang);
    return text(
      `**${plain(a.title, 200)}** · ${plain(o.werkgroepNames[a.werkgroep] ?? a.werkgroep, 100)} · ${due}`,
      isOverdue(a, o.today) ? { color: 'Attention' } : {},
    );
  });
  return card([
    heading(bt('mine.title', { name: plain(o.personName, 100) }, lang)),
    ...(open.length === 0 ? [text(bt('mine.none', {}, lang))] : more(items, open.length, lang)),
  ]);
}

export function decisionsCard(o: {
  decisions: Decision[];
  today: string;
  levelNames?: Record<string, string>;
  lang: Lang;
}): Card {
  const { lang } = o;
  // The days at the current level as the decision log shows them (its lead times).
  const rows = o.decisions
    .flatMap((d) => {
      const at = currentLevel(d, o.today);
      return at ? [{ d, level: o.levelNames?.[at.level] ?? at.level, days: at.days }] : [];
    })
    .sort((a, b) => b.days - a.days);
  const items = rows
    .slice(0, MAX_ITEMS)
    .map((r) => text(`**${plain(r.d.title, 200)}** · ${bt('decisions.at', { level: r.level, days: r.days }, lang)}`));
  return card([
    heading(bt('decisions.title', {}, lang)),
    ...(rows.length === 0 ? [text(bt('decisions.none', {}, lang))] : more(items, rows.length, lang)),
  ]);
}

export interface OverviewRow {
  werkgroepName: string;
  status?: UpdateStatus;
  updateAgeDays?: number;
  decisionsNeeded?: string;
  /** Shown below the decisions needed (the "Maak voorstel" action, ./proposal-card.ts). */
  decisionsNeededAction?: Element;
  missing: boolean;
}

export function overviewCard(o: {
  meetingLabel: string;
  rows: OverviewRow[];
  blocked: { title: string; werkgroepName: string; waitingDays: number }[];
  overdue: { title: string; werkgroepName: string; due: string }[];
  tabUrl?: string;
  lang: Lang;
}): Card {
  const { lang } = o;
  const statusRows: [string, string][] = o.rows.map((r) => [
    plain(r.werkgroepName, 100),
    r.missing || !r.status
      ? bt('overview.missing', {}, lang)
      : `${bt(`status.${r.status}`, {}, lang)}${r.updateAgeDays !== undefined ? ` · ${ageOf(r.updateAgeDays, lang)}` : ''}`,
  ]);
  const decisions = o.rows
    .filter((r) => r.decisionsNeeded)
    .flatMap((r) => [
      text(`• **${plain(r.werkgroepName, 100)}**: ${plain(r.decisionsNeeded ?? '', 500)}`),
      ...(r.decisionsNeededAction ? [r.decisionsNeededAction] : []),
    ]);
  const blocked = o.blocked
    .slice(0, MAX_ITEMS)
    .map((b) =>
      text(
        `• ${bt('overview.blockedItem', { title: plain(b.title, 200), werkgroep: plain(b.werkgroepName, 100), days: b.waitingDays }, lang)}`,
      ),
    );
  const overdue = o.overdue
    .slice(0, MAX_ITEMS)
    .map((b) =>
      text(
        `• ${bt('overview.overdueItem', { title: plain(b.title, 200), werkgroep: plain(b.werkgroepName, 100), due: dateLabel(b.due, lang) }, lang)}`,
      ),
    );
  return card(
    [
      heading(bt('overview.title', { meeting: o.meetingLabel }, lang)),
      facts(statusRows),
      ...(decisions.length > 0 ? [text(bt('overview.decisions', {}, lang), { weight: 'Bolder' }), ...decisions] : []),
      text(bt('overview.blocked', {}, lang), { weight: 'Bolder' }),
      ...(o.blocked.length === 0
        ? [text(bt('overview.noneBlocked', {}, lang))]
        : more(blocked, o.blocked.length, lang)),
      text(bt('overview.overdue', {}, lang), { weight: 'Bolder' }),
      ...(o.overdue.length === 0
        ? [text(bt('overview.noneBlocked', {}, lang))]
        : more(overdue, o.overdue.length, lang)),
    ],
    openTab(o.tabUrl, lang),
  );
}

export function announcementCard(o: {
  bodyName: string;
  start: Date;
  end: Date;
  timeZone: string;
  joinUrl?: string;
  agendaUrl?: string;
  openActions: { title: string; due?: string; ownerNames: string[] }[];
  lang: Lang;
}): Card {
  const { lang } = o;
  const s = DateTime.fromJSDate(o.start, { zone: o.timeZone }).setLocale(lang);
  const e = DateTime.fromJSDate(o.end, { zone: o.timeZone }).setLocale(lang);
  const date = s.toFormat('cccc d LLLL yyyy');
  const items = o.openActions
    .slice(0, MAX_ITEMS)
    .map((a) =>
      text(
        `• ${plain(a.title, 200)}${a.ownerNames.length > 0 ? ` (${plain(a.ownerNames.join(', '), 200)})` : ''}${a.due ? ` · ${bt('mine.due', { due: dateLabel(a.due, lang) }, lang)}` : ''}`,
      ),
    );
  const actions: Element[] = [];
  if (o.joinUrl) actions.push({ type: 'Action.OpenUrl', title: bt('announce.join', {}, lang), url: o.joinUrl });
  if (o.agendaUrl) actions.push({ type: 'Action.OpenUrl', title: bt('announce.agenda', {}, lang), url: o.agendaUrl });
  return card(
    [
      heading(bt('announce.title', { body: plain(o.bodyName, 200), date }, lang)),
      text(bt('announce.when', { date, from: s.toFormat('HH:mm'), to: e.toFormat('HH:mm') }, lang)),
      text(bt('announce.actions', {}, lang), { weight: 'Bolder' }),
      ...(o.openActions.length === 0
        ? [text(bt('announce.noActions', {}, lang))]
        : more(items, o.openActions.length, lang)),
    ],
    actions,
  );
}

export function digestCard(o: {
  personName: string;
  overdue: { title: string; werkgroepName: string; due: string }[];
  today: string;
  tabUrl?: string;
  lang: Lang;
}): Card {
  const { lang } = o;
  const items = o.overdue
    .slice(0, MAX_ITEMS)
    .map((a) =>
      text(
        `• **${plain(a.title, 200)}** · ${plain(a.werkgroepName, 100)} · ${bt('mine.overdue', { due: dateLabel(a.due, lang) }, lang)}`,
      ),
    );
  return card(
    [
      heading(bt('digest.title', {}, lang)),
      text(bt('digest.intro', { name: plain(o.personName, 100) }, lang)),
      ...more(items, o.overdue.length, lang),
    ],
    openTab(o.tabUrl, lang),
  );
}

/** A card as a message activity's attachment. */
export function cardActivity(c: Card, summary?: string): Record<string, unknown> {
  return {
    type: 'message',
    ...(summary ? { summary } : {}),
    attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: c }],
  };
}
