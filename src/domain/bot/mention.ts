// A card that @mentions one person and is answered by that person only: the progress ask in a werkgroep's shared
// channel for someone of another gemeente (docs/identiteit.md). Teams renders a mention in an Adaptive Card from
// the card's `msteams.entities` (type mention, `text` exactly as `<at>…</at>` stands in a TextBlock, `mentioned`
// with the user's id — the Microsoft Entra object id or the UPN — and name): "Mention support within Adaptive
// Cards", https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#mention-support-within-adaptive-cards.
// `msteams` is Teams' extension of the card, outside the Adaptive Cards 1.5 schema. Pure.
import { t, type Lang } from '../i18n.ts';
import type { Card } from './cards.ts';

/** Who a card is for: the programme person's id, display name and UPN (the mention's id). */
export interface Mentioned {
  personId: string;
  name: string;
  upn: string;
}

/** The data key an Action.Execute of a mention card carries: the id of the one person whose answer counts. */
export const FOR_KEY = 'for';

/** The `<at>` element for a name: angle brackets and ampersands out, so the element stays one element. */
const atOf = (name: string) => `<at>${name.replace(/[<>&]/g, ' ').replace(/\s+/g, ' ').trim()}</at>`;

/** Every Action.Execute's data in `actions` with `for` set (its `card` kept as it is otherwise). */
function withFor(actions: unknown, personId: string): unknown {
  if (!Array.isArray(actions)) return actions;
  return actions.map((a: Record<string, unknown>) =>
    a['type'] === 'Action.Execute'
      ? { ...a, data: { ...((a['data'] as Record<string, unknown> | undefined) ?? {}), [FOR_KEY]: personId } }
      : a,
  );
}

/**
 * `card` addressed to `who`: a first TextBlock that @mentions them, the mention entity in `msteams.entities`, and
 * `for` in the data of every Action.Execute (the submit and the refresh), so an answer can be checked against them.
 */
export function mentionCard(card: Card, who: Mentioned, lang: Lang): Card {
  const at = atOf(who.name);
  const body = Array.isArray(card['body']) ? (card['body'] as unknown[]) : [];
  const refresh = card['refresh'] as { action?: Record<string, unknown> } | undefined;
  return {
    ...card,
    body: [{ type: 'TextBlock', text: t('identity.ask.mention', { mention: at }, lang), wrap: true }, ...body],
    ...(card['actions'] ? { actions: withFor(card['actions'], who.personId) } : {}),
    ...(refresh?.action
      ? { refresh: { ...refresh, action: (withFor([refresh.action], who.personId) as unknown[])[0] } }
      : {}),
    msteams: { entities: [{ type: 'mention', text: at, mentioned: { id: who.upn, name: who.name } }] },
  };
}
