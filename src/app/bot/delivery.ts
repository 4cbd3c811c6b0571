// Composes the planned messages of the bot's rhythm (ask, nudge, compile, announce, digest) from the data as it is now.
import { DateTime } from 'luxon';
import type { DeliveryRow, StoredUpdate } from '../../adapters/store/bot-records.ts';
import type { OutboundActivity } from '../../adapters/bot/transport.ts';
import type { Composed } from '../../adapters/bot/deliveries.ts';
import type { Lang } from '../../domain/i18n.ts';
import type { Action } from '../../domain/work/model.ts';
import type { WorkFigures } from '../../domain/work/figures.ts';
import { announcementCard, cardActivity, digestCard, overviewCard, type Card } from '../../domain/bot/cards.ts';
import { withAgenda } from '../../domain/bot/agenda-announcement.ts';
import { bijeenkomstAnnouncement } from '../../domain/bijeenkomst/card.ts';
import { agendaOf } from '../agenda.ts';
import type { AgendaResponse } from '../contract.ts';
import { bt } from '../../domain/bot/messages.ts';
import { meetingOccurrences, type MeetingOccurrence } from '../../domain/bot/rhythm.ts';
import type { ProgressUpdate } from '../../domain/bot/update.ts';
import type { BotContext } from './service.ts';
import { mentionCard } from '../../domain/bot/mention.ts';
import { besluitenlijstCard } from '../../domain/meeting/card.ts';
import type { Besluitenlijst } from '../../domain/meeting/besluitenlijst.ts';
import { askRouteOf, mentionOf } from './mentioned.ts';
import { fromUpdateAction } from './proposals.ts';
import { composeReport, composeReportReminder } from '../report/delivery.ts';
import { composeNewsDelivery, NEWS_KIND } from './news-delivery.ts';

type Address = Extract<Composed, { to: unknown }>['to'];

const text = (t: string): OutboundActivity => ({ type: 'message', text: t });

/** One planned message of the rhythm, composed from the data as it is now (or skipped, with the reason). */
export async function composeDelivery(c: BotContext, row: DeliveryRow): Promise<Composed> {
  const { o, p, pid, tz, werkgroepen, actions, updateCardFor } = c;
  const lang = o.lang;
  const payload = row.payload ?? {};
  if (row.kind === 'test') {
    const ref = await o.store.bot.conversation(pid, String(payload['conversationId'] ?? ''));
    if (!ref) return { skip: 'no-conversation' };
    return { to: ref, activity: text(String(payload['text'] ?? '')) };
  }
  if (row.kind === NEWS_KIND) return composeNewsDelivery(c, row);
  // An ask or nudge goes where the person can be reached (docs/identiteit.md): their personal chat, or — a person
  // of another tenant without a host account — the werkgroep's shared channel, @mentioning them.
  const route =
    (row.kind === 'ask' || row.kind === 'nudge') && row.werkgroep
      ? await askRouteOf(o, row.recipient, row.werkgroep)
      : undefined;
  if (route?.via === 'none') return { skip: route.reason };
  const inChannel = route?.via === 'channel' ? route.werkgroep : undefined;
  const channelBody = row.recipient.startsWith('channel:') ? row.recipient.slice('channel:'.length) : inChannel;
  const ref = channelBody
    ? await o.store.bot.channel(pid, channelBody)
    : await o.store.bot.personal(pid, row.recipient);
  if (!ref) return { skip: 'no-conversation' };
  const occurrence = (): MeetingOccurrence | undefined => {
    const base = meetingOccurrences(p).find((m) => m.key === row.occurrenceKey);
    if (!base) return undefined;
    const start = typeof payload['start'] === 'string' ? new Date(payload['start']) : base.start;
    const end = typeof payload['end'] === 'string' ? new Date(payload['end']) : base.end;
    return { ...base, start, end, ...(typeof payload['joinUrl'] === 'string' ? { joinUrl: payload['joinUrl'] } : {}) };
  };
  const meetingLabel = (m: MeetingOccurrence) =>
    DateTime.fromJSDate(m.start, { zone: tz })
      .setLocale(lang)
      .toFormat(bt('format.meeting', {}, lang));
  const all = await actions();
  switch (row.kind) {
    case 'ask':
    case 'nudge': {
      const wg = werkgroepen.find((w) => w.id === row.werkgroep);
      const m = occurrence();
      if (!wg || !m) return { skip: 'unknown-werkgroep-or-meeting' };
      if (row.kind === 'nudge' && (await o.store.bot.update(pid, wg.id, m.key))) return { skip: 'update-received' };
      const intro = bt(
        row.kind === 'ask' ? 'update.ask' : 'update.nudge',
        { meeting: meetingLabel(m), werkgroep: wg.name },
        lang,
      );
      const card = await updateCardFor(wg, m.key, lang, [], { intro });
      const mentioned = inChannel ? mentionOf(o, row.recipient) : undefined;
      return { to: ref, activity: cardActivity(mentioned ? mentionCard(card, mentioned, lang) : card, intro) };
    }
    case 'compile': {
      const m = occurrence();
      if (!m) return { skip: 'unknown-meeting' };
      return { to: ref, activity: cardActivity(await overviewCardOf(c, m, lang)) };
    }
    case 'announce': {
      const m = occurrence();
      if (!m || !channelBody) return { skip: 'unknown-meeting' };
      return composeAnnounce(c, ref, m, channelBody, all, lang, await agendaFor(c, m, channelBody));
    }
    case 'digest':
      return composeDigest(c, ref, row.recipient, await c.figures(), lang);
    case 'besluitenlijst':
      return composeBesluitenlijst(c, ref, payload['besluitenlijst'] as Besluitenlijst | undefined, lang);
    case 'report':
      return composeReport(c, ref, row, lang);
    case 'report-reminder':
      return composeReportReminder(c, ref, row, lang);
    default:
      return { skip: `unknown-kind` };
  }
}

/**
 * The overview before the regiegroep meeting `m`: every werkgroep's update (or its absence), each "decisions needed"
 * with its "Maak voorstel" action (./proposals.ts), blocked and overdue actions. Also the card a "Maak voorstel" on
 * it is answered with.
 */
export async function overviewCardOf(c: BotContext, m: MeetingOccurrence, lang: Lang): Promise<Card> {
  const { o, pid, tz, werkgroepen, bodyName, tabLink } = c;
  const meetingLabel = DateTime.fromJSDate(m.start, { zone: tz })
    .setLocale(lang)
    .toFormat(bt('format.meeting', {}, lang));
  // Blocked, overdue and waiting days as the tab shows them (src/domain/work/figures.ts).
  const fig = await c.figures();
  const decisions = await o.store.decisions.list(pid);
  const rows = await Promise.all(
    werkgroepen.map(async (w) => {
      const u = await o.store.bot.update(pid, w.id, m.key);
      const d = u?.data as unknown as ProgressUpdate | undefined;
      return {
        werkgroepName: w.name,
        missing: !d,
        ...(d
          ? {
              status: d.status,
              updateAgeDays: Math.floor(
                (o.clock.now().getTime() - (u as StoredUpdate).submittedAt.getTime()) / 86_400_000,
              ),
            }
          : {}),
        ...(d?.decisionsNeeded
          ? {
              decisionsNeeded: d.decisionsNeeded,
              decisionsNeededAction: await fromUpdateAction(c, w.id, m.key, 'overview', lang, decisions),
            }
          : {}),
      };
    }),
  );
  const blocked = fig.open
    .filter(fig.isBlocked)
    .map((a) => ({ title: a.title, werkgroepName: bodyName(a.werkgroep), waitingDays: fig.waitingDays(a) }))
    .sort((a, b) => b.waitingDays - a.waitingDays);
  const overdue = fig.open
    .filter(fig.isOverdue)
    .map((a) => ({ title: a.title, werkgroepName: bodyName(a.werkgroep), due: a.due as string }))
    .sort((a, b) => a.due.localeCompare(b.due));
  return overviewCard({ meetingLabel, rows, blocked, overdue, lang, ...tabLink({ view: 'overzicht' }) });
}

/**
 * The agenda of a regiegroep's or projectgroep's meeting for its announcement (issue 18 §2), as the app reads it
 * (everything; the card leaves capacity out), with the link that opens it in the tab; undefined for any other body,
 * or a meeting the agenda does not know (one moved by hand in the calendar keeps its cadence date).
 */
async function agendaFor(
  c: BotContext,
  m: MeetingOccurrence,
  bodyId: string,
): Promise<{ agenda: AgendaResponse; agendaUrl?: string } | undefined> {
  const { o, p, tz, today, tabLink } = c;
  const kind = p.bodies.find((b) => b.id === bodyId)?.kind;
  if (kind !== 'regiegroep' && kind !== 'projectgroep') return undefined;
  const base = meetingOccurrences(p).find((x) => x.key === m.key) ?? m;
  const date = DateTime.fromJSDate(base.start, { zone: tz }).toISODate() ?? '';
  const r = await agendaOf(
    { store: o.store, programme: p, clock: o.clock, today },
    { kind: 'app' },
    { body: bodyId, date },
  );
  if (!r.ok) return undefined;
  const link = tabLink({ view: 'agenda', body: bodyId, date });
  return { agenda: r.value, ...(link.tabUrl ? { agendaUrl: link.tabUrl } : {}) };
}

/**
 * A body's meeting announced in its channel, with the open actions of the body (and of its werkgroepen); for a
 * regiegroep or projectgroep with the meeting's agenda in the same card (src/domain/bot/agenda-announcement.ts).
 */
function composeAnnounce(
  c: BotContext,
  ref: Address,
  m: MeetingOccurrence,
  channelBody: string,
  all: Action[],
  lang: Lang,
  agenda?: { agenda: AgendaResponse; agendaUrl?: string },
): Composed {
  const { p, tz, werkgroepen, nameOf } = c;
  const body = p.bodies.find((b) => b.id === channelBody);
  const open = all.filter(
    (a) =>
      a.werkgroep === channelBody ||
      (body?.kind === 'projectgroep' && werkgroepen.some((w) => w.projectgroep === body.id && w.id === a.werkgroep)),
  );
  const announcement = announcementCard({
    bodyName: body?.name ?? channelBody,
    start: m.start,
    end: m.end,
    timeZone: tz,
    lang,
    openActions: open.map((a) => ({
      title: a.title,
      ownerNames: a.owners.map(nameOf),
      ...(a.due ? { due: a.due } : {}),
    })),
    ...(m.joinUrl ? { joinUrl: m.joinUrl } : {}),
    ...(body?.agendaUrl ? { agendaUrl: body.agendaUrl } : {}),
  });
  const content = agenda
    ? withAgenda(announcement, {
        agenda: agenda.agenda,
        items: agenda.agenda.items,
        agendaUrl: agenda.agendaUrl,
        lang,
      })
    : announcement;
  // A bijeenkomst's announcement lists the milestones to celebrate (issue 16 §4).
  const celebrated = bijeenkomstAnnouncement(content, { programme: p, cadenceId: m.cadenceId, start: m.start, lang });
  return { to: ref, activity: cardActivity(celebrated) };
}

/** A person's overdue actions, or nothing when none are overdue. */
function composeDigest(c: BotContext, ref: Address, recipient: string, fig: WorkFigures, lang: Lang): Composed {
  const { people, bodyName, tabLink } = c;
  const person = people.get(recipient);
  const overdue = fig.open.filter((a) => a.owners.includes(recipient) && fig.isOverdue(a));
  if (!person) return { skip: 'unknown-person' };
  if (overdue.length === 0) return { skip: 'nothing-overdue' };
  return {
    to: ref,
    activity: cardActivity(
      digestCard({
        ...tabLink({ view: 'acties' }),
        personName: person.name,
        overdue: overdue.map((a) => ({
          title: a.title,
          werkgroepName: bodyName(a.werkgroep),
          due: a.due as string,
        })),
        today: fig.today,
        lang,
      }),
    ),
  };
}

/** A closed meeting's besluitenlijst (issue 18 §4), as composed and kept when the chair closed it. */
function composeBesluitenlijst(c: BotContext, ref: Address, list: Besluitenlijst | undefined, lang: Lang): Composed {
  if (!list) return { skip: 'no-besluitenlijst' };
  const link = c.tabLink({ view: 'besluitenlijsten', meeting: `${list.body.id}:${list.date}` });
  const card = besluitenlijstCard({ list, lang, tabUrl: link.tabUrl });
  return { to: ref, activity: cardActivity(card) };
}
