// The bot's cards for proposing a decision (issue 18 §5 and the card half of §1): the `besluit` form, its answer,
// and the "Maak voorstel" action that turns an update's "decisions needed from the regiegroep" into a proposal
// linked to that update. Pure builders and checks, Adaptive Card 1.5 (Teams renders 1.5 at most,
// docs/platform.md#bot-and-messages); the use case that proposes is src/app/work/proposals.ts proposeDecision.
import { t, type Lang, type MessageKey, type Params } from '../i18n.ts';
import type { BodyKind, Werkgroep } from '../programme/schema.ts';
import { plain, type Card } from './cards.ts';
import type { FieldError } from './update.ts';

type Element = Record<string, unknown>;

/** The Action.Execute verbs of these cards. */
export const PROPOSAL_VERBS = {
  /** The `besluit` form submitted: data holds its inputs (title, proposal, werkgroep, level). */
  submit: 'besluit.propose',
  /** "Maak voorstel" on an update: data { werkgroep, period, card: 'update' | 'overview' }. */
  fromUpdate: 'besluit.fromUpdate',
} as const;

/** Where a "Maak voorstel" was clicked: the trekker's update card, or the overview card in the channel. */
export type FromUpdateCard = 'update' | 'overview';

/** The limits of ProposalInput (src/app/contract-besluiten.ts): title one line of 200, proposal 4000 characters. */
const MAX_TITLE = 200;
const MAX_PROPOSAL = 4000;

const lt = (key: MessageKey, params: Params, lang: Lang) => t(key, params, lang);
const text = (s: string, o: Element = {}): Element => ({ type: 'TextBlock', text: s, wrap: true, ...o });
const heading = (s: string): Element => text(s, { size: 'Medium', weight: 'Bolder', style: 'heading' });
const card = (body: Element[], actions: Element[] = []): Card => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...(actions.length > 0 ? { actions } : {}),
});

/**
 * The reference a decision keeps to the update it came from (Decision.origin.ref, ProposalInput.fromUpdate): an
 * update is one werkgroep's for one meeting, so `<werkgroepId>@<periodKey>` (period: the meeting occurrence key
 * `<cadenceId>:<YYYY-MM-DD>`, src/domain/bot/rhythm.ts). A resubmitted update keeps its reference.
 */
export const updateRef = (werkgroep: string, period: string): string => `${werkgroep}@${period}`;

/**
 * The proposal an update's "decisions needed" text becomes: its first non-empty line as the title (cut to 200
 * characters with an ellipsis), the whole text as the proposal (cut to 4000), at the level the issue names for it —
 * the werkgroep's projectgroep when it has one and the route passes a projectgroep, else the werkgroep itself (else
 * the route's first level). Undefined when the text is empty.
 */
export function draftFromUpdate(
  decisionsNeeded: string,
  werkgroep: Werkgroep,
  route: readonly BodyKind[],
): { title: string; proposal: string; level: BodyKind } | undefined {
  const whole = decisionsNeeded.trim();
  const first = whole
    .split(/\r?\n/)
    .map((l) => l.replace(/^[-•*\s]+/, '').trim())
    .find((l) => l !== '');
  if (!whole || !first) return undefined;
  const level: BodyKind =
    werkgroep.projectgroep && route.includes('projectgroep')
      ? 'projectgroep'
      : route.includes('werkgroep')
        ? 'werkgroep'
        : (route[0] ?? 'werkgroep');
  return { title: cut(first, MAX_TITLE), proposal: cut(whole, MAX_PROPOSAL), level };
}

/** `s` at most `max` characters: cut at a word where possible, with an ellipsis; never half a surrogate pair. */
function cut(s: string, max: number): string {
  if (s.length <= max) return s;
  let head = s.slice(0, max - 1);
  if (/[\uD800-\uDBFF]$/.test(head)) head = head.slice(0, -1);
  const space = head.lastIndexOf(' ');
  return `${space > max / 2 ? head.slice(0, space) : head}…`;
}

/** What the person entered in the `besluit` form, as strings (nothing entered is dropped). */
export type ProposalFormValues = Partial<Record<'title' | 'proposal' | 'werkgroep' | 'level', string>>;

/**
 * The form's entries checked field by field, in `lang`: title and proposal filled and within ProposalInput's
 * limits, a werkgroep of `werkgroepen`, a level of `levels`. The values are returned as entered either way.
 */
export function checkProposalForm(
  data: Record<string, unknown>,
  choices: { werkgroepen: readonly string[]; levels: readonly BodyKind[] },
  lang: Lang,
):
  | { ok: true; input: { title: string; proposal: string; werkgroep: string; level: BodyKind } }
  | { ok: false; values: ProposalFormValues; errors: FieldError[] } {
  const str = (k: string) => {
    const v = data[k];
    return typeof v === 'string' ? v : v === undefined || v === null ? '' : String(v);
  };
  const values: ProposalFormValues = {
    title: str('title'),
    proposal: str('proposal'),
    werkgroep: str('werkgroep'),
    level: str('level'),
  };
  const errors: FieldError[] = [];
  const field = (key: MessageKey) => lt(key, {}, lang);
  const filled = (id: 'title' | 'proposal', label: MessageKey, max: number) => {
    const v = (values[id] ?? '').trim();
    if (v === '') errors.push({ field: id, message: lt('botloop.err.required', { field: field(label) }, lang) });
    else if (v.length > max)
      errors.push({ field: id, message: lt('botloop.err.tooLong', { field: field(label), max }, lang) });
  };
  filled('title', 'botloop.form.titleField', MAX_TITLE);
  filled('proposal', 'botloop.form.proposal', MAX_PROPOSAL);
  const werkgroep = values.werkgroep?.trim() ?? '';
  if (!choices.werkgroepen.includes(werkgroep))
    errors.push({
      field: 'werkgroep',
      message: lt('botloop.err.choose', { field: field('botloop.form.werkgroep') }, lang),
    });
  const level = choices.levels.find((l) => l === values.level?.trim());
  if (!level)
    errors.push({ field: 'level', message: lt('botloop.err.choose', { field: field('botloop.form.level') }, lang) });
  if (errors.length > 0 || !level) return { ok: false, values, errors };
  return {
    ok: true,
    input: { title: (values.title ?? '').trim(), proposal: (values.proposal ?? '').trim(), werkgroep, level },
  };
}

/** A refusal (or the field errors) on top of a card, in the Attention style. */
function refusalBlock(messages: readonly string[], lang: Lang): Element {
  return {
    type: 'Container',
    style: 'attention',
    items: [
      text(lt('botloop.refused', {}, lang), { weight: 'Bolder', color: 'Attention' }),
      ...messages.map((m) => text(`• ${plain(m, 300)}`, { color: 'Attention', spacing: 'None' })),
    ],
  };
}

/**
 * The `besluit` form: title (prefilled with what followed the command), proposal text, the werkgroep it arises from
 * (the ones the person may propose for, preselected when there is one) and the level where it waits (one of the
 * programme's decision route, chosen). Submitted with Action.Execute PROPOSAL_VERBS.submit. With `errors` or
 * `refusal` it comes back with everything entered still in it and the reasons on top.
 */
export function proposalFormCard(o: {
  werkgroepen: readonly { id: string; name: string }[];
  levels: readonly BodyKind[];
  values?: ProposalFormValues;
  errors?: readonly FieldError[];
  refusal?: string;
  lang: Lang;
}): Card {
  const { lang } = o;
  const v = o.values ?? {};
  const errorOf = (f: string) => o.errors?.find((e) => e.field === f)?.message;
  const messages = [...(o.refusal ? [o.refusal] : []), ...(o.errors ?? []).map((e) => e.message)];
  if (o.werkgroepen.length === 0)
    return card([heading(lt('botloop.form.title', {}, lang)), text(lt('botloop.form.noWerkgroep', {}, lang))]);
  const label = (key: MessageKey) => lt(key, {}, lang);
  const only = o.werkgroepen.length === 1 ? o.werkgroepen[0]?.id : undefined;
  const werkgroep = v.werkgroep || only;
  const body: Element[] = [
    ...(messages.length > 0 ? [refusalBlock(messages, lang)] : []),
    heading(label('botloop.form.title')),
    text(label('botloop.form.intro'), { isSubtle: true, spacing: 'None' }),
    {
      type: 'Input.Text',
      id: 'title',
      label: label('botloop.form.titleField'),
      isRequired: true,
      maxLength: MAX_TITLE,
      placeholder: label('botloop.form.titlePlaceholder'),
      errorMessage: errorOf('title') ?? lt('botloop.err.required', { field: label('botloop.form.titleField') }, lang),
      ...(v.title ? { value: v.title } : {}),
    },
    {
      type: 'Input.Text',
      id: 'proposal',
      label: label('botloop.form.proposal'),
      isMultiline: true,
      isRequired: true,
      maxLength: MAX_PROPOSAL,
      placeholder: label('botloop.form.proposalPlaceholder'),
      errorMessage: errorOf('proposal') ?? lt('botloop.err.required', { field: label('botloop.form.proposal') }, lang),
      ...(v.proposal ? { value: v.proposal } : {}),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'werkgroep',
      label: label('botloop.form.werkgroep'),
      isRequired: true,
      style: 'compact',
      errorMessage: errorOf('werkgroep') ?? lt('botloop.err.choose', { field: label('botloop.form.werkgroep') }, lang),
      choices: o.werkgroepen.slice(0, 100).map((w) => ({ title: w.name.slice(0, 200), value: w.id })),
      ...(werkgroep ? { value: werkgroep } : {}),
    },
    {
      type: 'Input.ChoiceSet',
      id: 'level',
      label: label('botloop.form.level'),
      isRequired: true,
      style: 'expanded',
      errorMessage: errorOf('level') ?? lt('botloop.err.choose', { field: label('botloop.form.level') }, lang),
      choices: o.levels.map((l) => ({ title: l, value: l })),
      ...(v.level ? { value: v.level } : {}),
    },
  ];
  return card(body, [
    {
      type: 'Action.Execute',
      title: label('botloop.form.submit'),
      verb: PROPOSAL_VERBS.submit,
      data: {},
      style: 'positive',
    },
  ]);
}

/** The answer to a proposal made: its id, title and level, with a link into the tab's Besluiten when given. */
export function proposedCard(o: { id: string; title: string; level: string; tabUrl?: string; lang: Lang }): Card {
  return card(
    [heading(lt('botloop.form.title', {}, o.lang)), text(proposedText(o), { color: 'Good', weight: 'Bolder' })],
    o.tabUrl ? [{ type: 'Action.OpenUrl', title: t('bot.open.tab', {}, o.lang), url: o.tabUrl }] : [],
  );
}

const proposedText = (o: { id: string; title: string; level: string; lang: Lang }) =>
  lt('botloop.proposed', { id: o.id, title: plain(o.title, 200), level: o.level }, o.lang);

/**
 * Below an update's "decisions needed": the one Action.Execute "Maak voorstel" (PROPOSAL_VERBS.fromUpdate, data
 * { werkgroep, period, card }; no inputs sent along: the stored update is what is proposed), or, once a proposal
 * was made from this update, which decision it became.
 */
export function fromUpdateElement(o: {
  werkgroep: string;
  period: string;
  card: FromUpdateCard;
  proposedAs?: string | undefined;
  lang: Lang;
}): Element {
  if (o.proposedAs)
    return text(lt('botloop.proposedAlready', { id: o.proposedAs }, o.lang), { isSubtle: true, spacing: 'None' });
  return {
    type: 'ActionSet',
    spacing: 'Small',
    actions: [
      {
        type: 'Action.Execute',
        title: lt('botloop.fromUpdate.action', {}, o.lang),
        verb: PROPOSAL_VERBS.fromUpdate,
        associatedInputs: 'none',
        data: { werkgroep: o.werkgroep, period: o.period, card: o.card },
      },
    ],
  };
}

/**
 * `c` with the answer to a "Maak voorstel" on top: the decision made (`proposed`) or the refusal, so the person
 * sees it in the card they clicked (the invoke response replaces that card for them,
 * docs/platform.md#bot-and-messages).
 */
export function withProposalAnswer(
  c: Card,
  answer: { proposed: { id: string; title: string; level: string } } | { refusal: string },
  lang: Lang,
): Card {
  const top =
    'proposed' in answer
      ? {
          type: 'Container',
          style: 'good',
          items: [text(proposedText({ ...answer.proposed, lang }), { weight: 'Bolder' })],
        }
      : refusalBlock([answer.refusal], lang);
  return { ...c, body: [top, ...((c['body'] as Element[] | undefined) ?? [])] };
}
