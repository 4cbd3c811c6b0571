// Use cases of the bot's conversations: answers commands, serves the update card (Action.Execute), remembers
// where it is installed, and composes the messages of the rhythm. Transport-free (src/adapters/bot/transport.ts
// carries the activities); reads and writes go through the store, person look-ups through the UserLookup port
// (src/adapters/bot/ports.ts implements it over the Graph gateway).
import { DateTime } from 'luxon';
import type { DeliveryRow, StoredUpdate } from '../../adapters/store/bot-records.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { BotLogic, Inbound, OutboundActivity } from '../../adapters/bot/transport.ts';
import type { Composed } from '../../adapters/bot/deliveries.ts';
import { decide, werkgroepenOf as werkgroepenOfPerson } from '../access.ts';
import { toDomainAction } from '../work/records.ts';
import { figuresOf } from '../work/figures.ts';
import type { Lang } from '../../domain/i18n.ts';
import { answerLang } from '../../domain/bot/language.ts';
import type { Person, Programme, Werkgroep } from '../../domain/programme/schema.ts';
import type { Clock } from '../../domain/time/clock.ts';
import { isOpenAction, type Action } from '../../domain/work/model.ts';
import {
  cardActivity,
  decisionsCard,
  helpCard,
  myActionsCard,
  statusCard,
  updateCard,
  type Card,
} from '../../domain/bot/cards.ts';
import { parseCommand, resolveWerkgroep } from '../../domain/bot/commands.ts';
import { bt } from '../../domain/bot/messages.ts';
import { meetingOccurrences, reminderPlan, type MeetingOccurrence } from '../../domain/bot/rhythm.ts';
import { validateUpdate, valuesOf, type ProgressUpdate, type UpdateRecord } from '../../domain/bot/update.ts';
import { composeDelivery, overviewCardOf } from './delivery.ts';
import { agendaCommand, besluitCommand, fromUpdateAction, proposeFromUpdate, submitProposalForm } from './proposals.ts';
import { PROPOSAL_VERBS } from '../../domain/bot/proposal-card.ts';
import { isPerson, mentionedIn, mentionOf } from './mentioned.ts';
import { mentionCard, type Mentioned } from '../../domain/bot/mention.ts';
import { t } from '../../domain/i18n.ts';

/**
 * A Teams user's names as their own tenant's directory has them (Graph GET /users/{id}); throws when the user
 * cannot be read (not found, no consent).
 */
export type UserLookup = (
  tenantId: string,
  aadObjectId: string,
) => Promise<{ userPrincipalName?: string; mail?: string }>;

export interface BotServiceOptions {
  store: Store;
  programme: Programme;
  clock: Clock;
  /** Absent: nobody is looked up (only `localPerson` applies). */
  users?: UserLookup;
  lang: Lang;
  /**
   * Local mode only: the programme person an unknown local user (the Agents Playground's) acts as. Never set
   * in tenant mode, where every person is looked up in their own tenant.
   */
  localPerson?: string;
  /** The tab's address (…/tab/): cards link into its views. */
  tabUrl?: string;
}

export interface BotService extends BotLogic {
  compose(row: DeliveryRow): Promise<Composed>;
  /** The regiegroep meeting updates are gathered for now, and until when they can be changed. */
  currentPeriod(): { occurrence: MeetingOccurrence; compileAt: Date } | undefined;
}

const text = (t: string): OutboundActivity => ({ type: 'message', text: t });

/** What the bot's handlers share: the programme, person and period look-ups, and the cards they build. */
function botContext(o: BotServiceOptions) {
  const p = o.programme;
  const pid = p.programme.id;
  const tz = p.programme.timeZone;
  const people = new Map(p.people.map((x) => [x.id, x]));
  const werkgroepen = p.bodies.filter((b): b is Werkgroep => b.kind === 'werkgroep');
  const bodyName = (id: string) => p.bodies.find((b) => b.id === id)?.name ?? id;
  const tabLink = (q: Record<string, string>) => (o.tabUrl ? { tabUrl: `${o.tabUrl}?${new URLSearchParams(q)}` } : {});
  const today = () => DateTime.fromJSDate(o.clock.now()).setZone(tz).toISODate() ?? '';
  /**
   * The language to answer in (src/domain/bot/language.ts): what the person just wrote in, else what they last
   * wrote in in this conversation (stored, so it holds across restarts), else the Teams locale, else o.lang.
   */
  const langOf = async (inbound: Inbound, written?: Lang): Promise<Lang> => {
    const who = { conversationId: inbound.conversation.id, userId: inbound.from.id };
    const remembered = await o.store.botLanguages.get(pid, who);
    const { lang, remember } = answerLang({ written, remembered, locale: inbound.locale, fallback: o.lang });
    if (remember) await o.store.botLanguages.set(pid, who, remember, o.clock.now());
    return lang;
  };
  const personOf = personLookup(o, people);

  const { currentPeriod, periodLabel, editable } = periods(o, bodyName);

  const actions = async (): Promise<Action[]> =>
    (await o.store.actions.list(pid)).map(toDomainAction).filter(isOpenAction);
  const recordOf = (u: StoredUpdate): UpdateRecord => ({
    ...(u.data as unknown as ProgressUpdate),
    submittedBy: u.submittedBy,
    submittedAt: u.submittedAt.toISOString(),
  });
  const nameOf = (id: string) => people.get(id)?.name ?? id;
  // Who may report for a werkgroep is the access module's rule (update.submit), the same the API applies.
  const mayReport = (person: Person, wg: Werkgroep) =>
    decide(p, { kind: 'person', person }, { do: 'update.submit', werkgroep: wg.id }).allowed;

  async function updateCardFor(
    werkgroep: Werkgroep,
    periodKey: string,
    lang: Lang,
    refreshUserIds: string[],
    extra: { intro?: string } = {},
  ): Promise<Card> {
    const stored = await o.store.bot.update(pid, werkgroep.id, periodKey);
    const e = editable(periodKey);
    // The trekker's confirmation: the decisions needed they sent can be turned into a proposal from here.
    const needed = stored && (stored.data as unknown as ProgressUpdate).decisionsNeeded;
    const decisionsNeededAction = needed
      ? await fromUpdateAction({ o, pid }, werkgroep.id, periodKey, 'update', lang)
      : undefined;
    const open = (await actions())
      .filter((a) => a.werkgroep === werkgroep.id)
      .map((a) => ({ id: a.id, title: a.title }));
    return updateCard({
      programme: p,
      werkgroep: werkgroep.id,
      period: periodKey,
      periodLabel: periodLabel(periodKey, lang),
      editable: e.open,
      openActions: open,
      refreshUserIds,
      lang,
      ...(e.until ? { editableUntil: e.until.toISOString() } : {}),
      ...(decisionsNeededAction ? { decisionsNeededAction } : {}),
      ...(stored
        ? {
            values: valuesOf(stored.data as unknown as ProgressUpdate),
            submitted: { byName: nameOf(stored.submittedBy), at: stored.submittedAt.toISOString(), timeZone: tz },
          }
        : {}),
      ...extra,
    });
  }

  /** The figures the tab shows too (one function counts both: src/domain/work/figures.ts). */
  const figures = () => figuresOf(o, today());

  async function statusOf(wg: Werkgroep, lang: Lang): Promise<Card> {
    const latest = (await o.store.bot.updates(pid, wg.id))[0];
    const t = today();
    const counts = (await figures()).werkgroep(wg.id);
    return statusCard({
      ...tabLink({ view: 'werkgroep', werkgroep: wg.id }),
      werkgroepName: wg.name,
      today: t,
      timeZone: tz,
      openActions: counts.open,
      overdue: counts.overdue,
      blocked: counts.blocked,
      lang,
      ...(latest ? { latest: { ...recordOf(latest), byName: nameOf(latest.submittedBy) } } : {}),
    });
  }

  const werkgroepenOf = (person: Person | undefined) => (person ? werkgroepenOfPerson(p, person.id) : []);

  /** The werkgroep a person named, or the question which one they meant. */
  const named = (arg: string, lang: Lang): { werkgroep: Werkgroep | undefined } | { ask: OutboundActivity } => {
    const r = resolveWerkgroep(arg, p);
    if ('candidates' in r)
      return { ask: text(bt('status.which', { names: r.candidates.map((c) => c.name).join(', ') }, lang)) };
    return { werkgroep: werkgroepen.find((w) => w.id === r.id) };
  };

  return {
    o,
    p,
    pid,
    tz,
    people,
    werkgroepen,
    bodyName,
    tabLink,
    today,
    langOf,
    personOf,
    currentPeriod,
    periodLabel,
    editable,
    actions,
    recordOf,
    nameOf,
    figures,
    mayReport,
    updateCardFor,
    statusOf,
    werkgroepenOf,
    named,
  };
}

/** The programme person behind a Teams user: looked up in their own tenant by object id, matched on UPN. */
function personLookup(
  o: BotServiceOptions,
  people: Map<string, Person>,
): (inbound: Inbound) => Promise<Person | undefined> {
  const p = o.programme;
  const personCache = new Map<string, string | null>();

  return async function personOf(inbound: Inbound): Promise<Person | undefined> {
    const aad = inbound.from.aadObjectId;
    const cacheKey = `${inbound.conversation.tenantId}|${aad ?? inbound.from.id}`;
    if (!personCache.has(cacheKey)) {
      let found: string | null = null;
      if (
        aad &&
        o.users &&
        p.gemeenten.some((g) => g.tenantId?.toLowerCase() === inbound.conversation.tenantId.toLowerCase())
      ) {
        try {
          const r = await o.users(inbound.conversation.tenantId, aad);
          const names = [r.userPrincipalName, r.mail].filter((s): s is string => !!s).map((s) => s.toLowerCase());
          found =
            p.people.find(
              (x) => names.includes(x.upn.toLowerCase()) || (x.email && names.includes(x.email.toLowerCase())),
            )?.id ?? null;
        } catch {
          found = null;
        }
      }
      if (!found && o.localPerson) found = o.localPerson;
      personCache.set(cacheKey, found);
    }
    const id = personCache.get(cacheKey);
    return id ? people.get(id) : undefined;
  };
}

/** The meetings updates are gathered for: the current one, a period's label, and until when it can be changed. */
function periods(o: BotServiceOptions, bodyName: (id: string) => string) {
  const p = o.programme;
  const tz = p.programme.timeZone;
  const reminderOccurrences = () =>
    meetingOccurrences(p).filter((m) =>
      m.bodyIds.some((id) => p.bodies.find((b) => b.id === id)?.kind === p.reminders.bodyKind),
    );
  const compileAt = (m: MeetingOccurrence): Date => {
    const c = reminderPlan(p, [m], { from: new Date(0), until: new Date(8.64e15) }, new Set()).find(
      (d) => d.kind === 'compile',
    );
    return c?.dueAt ?? m.start;
  };
  function currentPeriod() {
    const now = o.clock.now();
    for (const m of reminderOccurrences()) {
      const at = compileAt(m);
      if (at > now) return { occurrence: m, compileAt: at };
    }
    return undefined;
  }
  const periodLabel = (key: string, lang: Lang): string => {
    const m = meetingOccurrences(p).find((x) => x.key === key);
    if (!m) return key;
    return `${m.bodyIds.map(bodyName).join(', ')}, ${DateTime.fromJSDate(m.start, { zone: tz }).setLocale(lang).toFormat('cccc d LLLL yyyy')}`;
  };
  const editable = (periodKey: string): { open: boolean; until?: Date } => {
    const m = meetingOccurrences(p).find((x) => x.key === periodKey);
    if (!m) return { open: false };
    const until = compileAt(m);
    return { open: o.clock.now() < until, until };
  };
  return { currentPeriod, periodLabel, editable };
}

export type BotContext = ReturnType<typeof botContext>;

/** A message: a command answered with text or a card. */
async function onMessage(c: BotContext, inbound: Inbound, raw: string): Promise<OutboundActivity[]> {
  const {
    o,
    pid,
    werkgroepen,
    today,
    langOf,
    personOf,
    currentPeriod,
    actions,
    mayReport,
    updateCardFor,
    statusOf,
    werkgroepenOf,
    named,
  } = c;
  // The programme's shared figures are for its people only: the access module's programme.read, as on the API.
  const mayReadProgramme = async (from: Inbound): Promise<boolean> => {
    const person = await personOf(from);
    return decide(c.p, person ? { kind: 'person', person } : { kind: 'stranger' }, { do: 'programme.read' }).allowed;
  };
  const cmd = parseCommand(raw, inbound.mentions);
  // Words in one language answer in that language (and are remembered); otherwise as before in this conversation.
  const lang = await langOf(inbound, cmd.lang);
  switch (cmd.command) {
    case 'help':
      return [cardActivity(helpCard(lang))];
    case 'unknown':
      return [cardActivity(helpCard(lang, cmd.text ?? ''))];
    case 'mijn-acties': {
      const person = await personOf(inbound);
      if (!person) return [text(bt('update.unknownPerson', {}, lang))];
      const mine = (await actions()).filter((a) => a.owners.includes(person.id));
      return [
        cardActivity(
          myActionsCard({
            personName: person.name,
            actions: mine,
            today: today(),
            werkgroepNames: Object.fromEntries(werkgroepen.map((w) => [w.id, w.name])),
            lang,
          }),
        ),
      ];
    }
    case 'besluiten': {
      if (!(await mayReadProgramme(inbound))) return [text(bt('update.unknownPerson', {}, lang))];
      const decisions = await o.store.decisions.list(pid);
      return [cardActivity(decisionsCard({ decisions, today: today(), lang }))];
    }
    case 'status': {
      if (!(await mayReadProgramme(inbound))) return [text(bt('update.unknownPerson', {}, lang))];
      let wg: Werkgroep | undefined;
      if (cmd.arg) {
        const r = named(cmd.arg, lang);
        if ('ask' in r) return [r.ask];
        wg = r.werkgroep;
      } else {
        const own = werkgroepenOf(await personOf(inbound));
        if (own.length === 1) wg = own[0];
        else
          return [
            text(
              bt('status.which', { names: (own.length > 0 ? own : werkgroepen).map((w) => w.name).join(', ') }, lang),
            ),
          ];
      }
      return wg ? [cardActivity(await statusOf(wg, lang))] : [];
    }
    case 'besluit':
      return besluitCommand(c, inbound, cmd.arg, lang);
    case 'agenda':
      return agendaCommand(c, inbound, cmd.arg, lang);
    case 'update': {
      const person = await personOf(inbound);
      if (!person) return [text(bt('update.unknownPerson', {}, lang))];
      let wg: Werkgroep | undefined;
      if (cmd.arg) {
        const r = named(cmd.arg, lang);
        if ('ask' in r) return [r.ask];
        wg = r.werkgroep;
      } else {
        wg = werkgroepenOf(person)[0];
        if (!wg) return [text(bt('update.which', { example: werkgroepen[0]?.name ?? '' }, lang))];
      }
      if (!wg) return [];
      if (!mayReport(person, wg)) return [text(bt('update.notAllowed', { werkgroep: wg.name }, lang))];
      const period = currentPeriod();
      if (!period) return [text(bt('update.noMeeting', {}, lang))];
      return [cardActivity(await updateCardFor(wg, period.occurrence.key, lang, [inbound.from.id]))];
    }
  }
}

/** The update card's refresh and submit (Action.Execute): the card that replaces the one clicked. */
async function onCardAction(
  c: BotContext,
  inbound: Inbound,
  verb: string,
  data: Record<string, unknown>,
): Promise<Card> {
  const { o, p, pid, werkgroepen, langOf, personOf, periodLabel, editable, actions, mayReport, updateCardFor } = c;
  if (verb === PROPOSAL_VERBS.submit) return submitProposalForm(c, inbound, data);
  if (verb === PROPOSAL_VERBS.fromUpdate) {
    const answered = await proposeFromUpdate(c, inbound, data, async (wg, period, card, lang) => {
      const m = card === 'overview' ? meetingOccurrences(p).find((x) => x.key === period) : undefined;
      return m ? overviewCardOf(c, m, lang) : updateCardFor(wg, period, lang, [inbound.from.id]);
    });
    if (answered) return answered;
  }
  const lang = await langOf(inbound);
  const wg = werkgroepen.find((w) => w.id === String(data['werkgroep'] ?? ''));
  const period = String(data['period'] ?? '');
  if (!wg || !period) return helpCard(lang);
  // A card in a shared channel that @mentions someone counts only from them (./mentioned.ts); it stays theirs.
  const mentioned = mentionedIn(o, data);
  if (mentioned === 'unknown') return helpCard(lang);
  const forThem = (card: Card) => (mentioned ? mentionCard(card, mentionOf(o, mentioned.id) as Mentioned, lang) : card);
  const person = mentioned
    ? (await isPerson(o, inbound, mentioned))
      ? mentioned
      : undefined
    : await personOf(inbound);
  if (verb === 'update.refresh') return forThem(await updateCardFor(wg, period, lang, [inbound.from.id]));
  if (verb !== 'update.submit') return helpCard(lang);
  const e = editable(period);
  const open = (await actions()).filter((a) => a.werkgroep === wg.id);
  const cardWith = (values: Record<string, string>, errors: { field: string; message: string }[]) =>
    forThem(
      updateCard({
        programme: p,
        werkgroep: wg.id,
        period,
        periodLabel: periodLabel(period, lang),
        editable: e.open,
        openActions: open.map((a) => ({ id: a.id, title: a.title })),
        refreshUserIds: [inbound.from.id],
        lang,
        values,
        errors,
        ...(e.until ? { editableUntil: e.until.toISOString() } : {}),
      }),
    );
  const entered: Record<string, string> = Object.fromEntries(
    Object.entries(data).map(([k, v]) => [k, typeof v === 'string' ? v : String(v ?? '')]),
  );
  // Refusals come back in the card with everything entered still in it; nothing is stored.
  if (!person) {
    const message = mentioned
      ? t('identity.ask.notForYou', { name: mentioned.name }, lang)
      : bt('update.unknownPerson', {}, lang);
    return cardWith(entered, [{ field: 'werkgroep', message }]);
  }
  if (!mayReport(person, wg))
    return cardWith(entered, [{ field: 'werkgroep', message: bt('update.notAllowed', { werkgroep: wg.name }, lang) }]);
  if (!e.open) return forThem(await updateCardFor(wg, period, lang, [inbound.from.id]));
  const v = validateUpdate(data, { programme: p, knownActionIds: new Set(open.map((a) => a.id)) }, lang);
  if (!v.ok) return cardWith(v.values, v.errors);
  await o.store.bot.saveUpdate(pid, {
    werkgroep: wg.id,
    period,
    data: v.update as unknown as Record<string, unknown>,
    submittedBy: person.id,
    submittedAt: o.clock.now(),
  });
  return forThem(await updateCardFor(wg, period, lang, [inbound.from.id]));
}

/** Installed in a team (a reference per programme channel), a personal chat or a group chat: remembered, and welcomed. */
async function onInstalled(c: BotContext, inbound: Inbound): Promise<OutboundActivity[]> {
  const { o, pid, langOf, personOf } = c;
  const lang = await langOf(inbound);
  const now = o.clock.now();
  const base = {
    tenantId: inbound.conversation.tenantId,
    serviceUrl: inbound.serviceUrl,
    botId: inbound.recipient.id,
    installedAt: now,
  };
  if (inbound.teamId) {
    // In a team the bot may post in every channel: each of the programme's channels there gets a reference.
    const objects = await o.store.sync.objects(pid);
    const channels = objects.filter((x) => x.key.startsWith('channel:'));
    await o.store.bot.saveConversation(pid, {
      ...base,
      conversationId: inbound.conversation.id,
      kind: 'channel',
      teamId: inbound.teamId,
      channelId: inbound.channelId ?? inbound.conversation.id,
      ...bodyOfChannel(channels, inbound.conversation.id),
    });
    for (const ch of channels) {
      if (ch.graphId === inbound.conversation.id) continue;
      await o.store.bot.saveConversation(pid, {
        ...base,
        conversationId: ch.graphId,
        kind: 'channel',
        teamId: inbound.teamId,
        channelId: ch.graphId,
        bodyId: ch.key.slice('channel:'.length),
      });
    }
    return [text(bt('welcome', {}, lang))];
  }
  const person = inbound.conversation.type === 'personal' ? await personOf(inbound) : undefined;
  await o.store.bot.saveConversation(pid, {
    ...base,
    conversationId: inbound.conversation.id,
    kind: inbound.conversation.type === 'groupChat' ? 'groupChat' : 'personal',
    ...(inbound.from.aadObjectId ? { userAadId: inbound.from.aadObjectId } : {}),
    ...(person ? { personId: person.id } : {}),
  });
  return [text(bt('welcome', {}, lang)), cardActivity(helpCard(lang))];
}

/** Removed: the conversation (and team) are forgotten for sending. */
async function onRemoved(c: BotContext, inbound: Inbound): Promise<void> {
  const { o, pid } = c;
  const now = o.clock.now();
  if (inbound.teamId) await o.store.bot.removeTeam(pid, inbound.teamId, now);
  await o.store.bot.removeConversation(pid, inbound.conversation.id, now);
}

export function createBotService(o: BotServiceOptions): BotService {
  const c = botContext(o);
  return {
    currentPeriod: c.currentPeriod,
    message: (inbound, raw) => onMessage(c, inbound, raw),
    cardAction: (inbound, verb, data) => onCardAction(c, inbound, verb, data),
    installed: (inbound) => onInstalled(c, inbound),
    removed: (inbound) => onRemoved(c, inbound),
    compose: (row) => composeDelivery(c, row),
  };
}

function bodyOfChannel(channels: { key: string; graphId: string }[], conversationId: string): { bodyId?: string } {
  const c = channels.find((x) => x.graphId === conversationId);
  return c ? { bodyId: c.key.slice('channel:'.length) } : {};
}
