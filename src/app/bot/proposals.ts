// The bot's part of the regiegroep's monthly loop (issue 18 §5 and the card half of §1): the `besluit` command and
// its form, the "Maak voorstel" action on an update's "decisions needed from the regiegroep", and the `agenda`
// command. Every proposal goes through the same use case as POST /api/besluiten (../work/proposals.ts
// proposeDecision) with the person who clicked as the caller, so the access rules are the API's; the agenda is
// GET /api/agenda's (../agenda.ts agendaOf).
import type { Inbound, OutboundActivity } from '../../adapters/bot/transport.ts';
import { agendaCard } from '../../domain/bot/agenda-card.ts';
import { cardActivity, type Card } from '../../domain/bot/cards.ts';
import { resolveAgendaBody } from '../../domain/bot/commands.ts';
import { bt } from '../../domain/bot/messages.ts';
import {
  checkProposalForm,
  draftFromUpdate,
  fromUpdateElement,
  proposalFormCard,
  proposedCard,
  updateRef,
  withProposalAnswer,
  type FromUpdateCard,
} from '../../domain/bot/proposal-card.ts';
import type { ProgressUpdate } from '../../domain/bot/update.ts';
import { t, type Lang } from '../../domain/i18n.ts';
import type { Person, Werkgroep } from '../../domain/programme/schema.ts';
import type { Decision } from '../../domain/work/model.ts';
import { decide, type Caller } from '../access.ts';
import { agendaOf } from '../agenda.ts';
import type { AppDeps, AppError } from '../result.ts';
import { proposeDecision } from '../work/proposals.ts';
import type { BotContext } from './service.ts';

const text = (s: string): OutboundActivity => ({ type: 'message', text: s });

const depsOf = (c: BotContext): AppDeps => ({ store: c.o.store, programme: c.p, clock: c.o.clock, today: c.today });
const callerOf = (person: Person | undefined): Caller => (person ? { kind: 'person', person } : { kind: 'stranger' });
const refusalOf = (e: AppError, lang: Lang) => t(e.key, e.params, lang);

/** The werkgroepen `person` may propose a decision for (decision.propose): their own first, then the others. */
function proposableFor(c: BotContext, person: Person): Werkgroep[] {
  const may = c.werkgroepen.filter(
    (w) => decide(c.p, { kind: 'person', person }, { do: 'decision.propose', werkgroep: w.id }).allowed,
  );
  const own = new Set(c.werkgroepenOf(person).map((w) => w.id));
  return [...may.filter((w) => own.has(w.id)), ...may.filter((w) => !own.has(w.id))];
}

const formFor = (c: BotContext, person: Person | undefined, lang: Lang) => ({
  werkgroepen: person ? proposableFor(c, person).map((w) => ({ id: w.id, name: w.name })) : [],
  levels: c.p.decisionRoute,
  lang,
});

/** `besluit [titel]`: the form, the title prefilled with what followed the command. */
export async function besluitCommand(
  c: BotContext,
  inbound: Inbound,
  arg: string | undefined,
  lang: Lang,
): Promise<OutboundActivity[]> {
  const person = await c.personOf(inbound);
  if (!person) return [text(bt('update.unknownPerson', {}, lang))];
  return [cardActivity(proposalFormCard({ ...formFor(c, person, lang), ...(arg ? { values: { title: arg } } : {}) }))];
}

/**
 * The form submitted (Action.Execute besluit.propose): checked field by field, then proposed through
 * proposeDecision for the person behind the Teams user. The answer replaces the form: the decision made, or the
 * form again with everything entered in it and the refusal on top.
 */
export async function submitProposalForm(
  c: BotContext,
  inbound: Inbound,
  data: Record<string, unknown>,
): Promise<Card> {
  const lang = await c.langOf(inbound);
  const person = await c.personOf(inbound);
  const form = formFor(c, person, lang);
  // Any werkgroep of the programme passes the form's check: whether this person may propose for it is the use case's.
  const checked = checkProposalForm(data, { werkgroepen: c.werkgroepen.map((w) => w.id), levels: form.levels }, lang);
  if (!checked.ok) return proposalFormCard({ ...form, values: checked.values, errors: checked.errors });
  const r = await proposeDecision(depsOf(c), callerOf(person), checked.input);
  if (!r.ok)
    return proposalFormCard({
      ...form,
      // Refused for a werkgroep the form no longer offers: offer it still, so what was chosen stays in the card.
      werkgroepen: form.werkgroepen.some((w) => w.id === checked.input.werkgroep)
        ? form.werkgroepen
        : [...form.werkgroepen, { id: checked.input.werkgroep, name: c.bodyName(checked.input.werkgroep) }],
      values: { ...checked.input },
      refusal: refusalOf(r.error, lang),
    });
  return proposedCard({
    id: r.value.id,
    title: r.value.title,
    level: checked.input.level,
    lang,
    ...c.tabLink({ view: 'besluiten' }),
  });
}

/** The decision already proposed from this update, if any (Decision.origin). */
const proposedFrom = (decisions: readonly Decision[], ref: string): Decision | undefined =>
  decisions.find((d) => d.origin?.kind === 'update' && d.origin.ref === ref);

/**
 * What goes with a stored update's "decisions needed" on a card: the "Maak voorstel" action, or which decision it
 * became. `decisions` saves a read when the caller has them (the overview lists every werkgroep).
 */
export async function fromUpdateAction(
  c: Pick<BotContext, 'o' | 'pid'>,
  werkgroep: string,
  period: string,
  card: FromUpdateCard,
  lang: Lang,
  decisions?: readonly Decision[],
): Promise<Record<string, unknown>> {
  const all = decisions ?? (await c.o.store.decisions.list(c.pid));
  const made = proposedFrom(all, updateRef(werkgroep, period));
  return fromUpdateElement({ werkgroep, period, card, proposedAs: made?.id, lang });
}

/**
 * "Maak voorstel" clicked (Action.Execute besluit.fromUpdate, data { werkgroep, period, card }): the stored update's
 * "decisions needed" proposed through proposeDecision, linked to the update (fromUpdate), by the person who
 * clicked. Once made, a second click answers with the decision made before instead of a second one. The answer is
 * the card clicked, rebuilt, with the decision's id or the refusal on top; `rebuild` makes that card.
 */
export async function proposeFromUpdate(
  c: BotContext,
  inbound: Inbound,
  data: Record<string, unknown>,
  rebuild: (wg: Werkgroep, period: string, card: FromUpdateCard, lang: Lang) => Promise<Card>,
): Promise<Card | undefined> {
  const lang = await c.langOf(inbound);
  const wg = c.werkgroepen.find((w) => w.id === String(data['werkgroep'] ?? ''));
  const period = String(data['period'] ?? '');
  const card: FromUpdateCard = data['card'] === 'overview' ? 'overview' : 'update';
  if (!wg || !period) return undefined;
  const answer = async (a: Parameters<typeof withProposalAnswer>[1]) =>
    withProposalAnswer(await rebuild(wg, period, card, lang), a, lang);
  const stored = await c.o.store.bot.update(c.pid, wg.id, period);
  if (!stored) return answer({ refusal: t('botloop.fromUpdate.unknown', { werkgroep: wg.name }, lang) });
  const needed = (stored.data as unknown as ProgressUpdate).decisionsNeeded ?? '';
  const draft = draftFromUpdate(needed, wg, c.p.decisionRoute);
  if (!draft) return answer({ refusal: t('botloop.fromUpdate.none', { werkgroep: wg.name }, lang) });
  const ref = updateRef(wg.id, period);
  const before = proposedFrom(await c.o.store.decisions.list(c.pid), ref);
  if (before)
    return answer({
      proposed: { id: before.id, title: before.title, level: before.steps.at(-1)?.level ?? draft.level },
    });
  const r = await proposeDecision(depsOf(c), callerOf(await c.personOf(inbound)), {
    ...draft,
    werkgroep: wg.id,
    fromUpdate: ref,
  });
  return answer(
    r.ok
      ? { proposed: { id: r.value.id, title: r.value.title, level: draft.level } }
      : { refusal: refusalOf(r.error, lang) },
  );
}

/** `agenda [regiegroep|‹body›]`: the next meeting's agenda as a card, with the same access rule as GET /api/agenda. */
export async function agendaCommand(
  c: BotContext,
  inbound: Inbound,
  arg: string | undefined,
  lang: Lang,
): Promise<OutboundActivity[]> {
  const body = resolveAgendaBody(arg, c.p);
  if ('choose' in body)
    return [text(t('botloop.agenda.which', { text: arg ?? '', names: body.choose.join(', ') }, lang))];
  const r = await agendaOf(depsOf(c), callerOf(await c.personOf(inbound)), { body: body.id });
  if (!r.ok) return [text(refusalOf(r.error, lang))];
  // The tab opens a meeting as ?meeting=<bodyId>:<YYYY-MM-DD> (issue 18's shared convention).
  const meeting = `${body.id}:${r.value.meeting.date}`;
  return [cardActivity(agendaCard({ agenda: r.value, timeZone: c.tz, lang, ...c.tabLink({ meeting }) }))];
}
