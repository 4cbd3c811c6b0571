// The items of one meeting's agenda (issue 18 §2), in the projectleider's order: per werkgroep its update in full
// (status, progress, results, next steps, blockers, decisions needed, the four K's) or "nog geen update", per
// decision its proposal and days waiting, per added item its note. Shared by the Agenda view and the meeting view
// (Vergadering), which puts its own controls under each item through `renderItemExtra`.
import type { ReactNode } from 'react';
import { Badge, Body1, Caption1, Card, Subtitle2 } from '@fluentui/react-components';
import type { AgendaResponse } from '../../../app/contract.ts';
import { useTab } from '../data.tsx';
import { LOCALE_OF, tr, type Lang } from '../i18n.ts';

type Item = AgendaResponse['items'][number];
type Update = NonNullable<AgendaResponse['werkgroepen'][number]['update']>;

const STATUS_COLOR = { 'op-koers': 'success', aandacht: 'warning', risico: 'danger' } as const;

const dateOf = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleDateString(LOCALE_OF[lang], { day: 'numeric', month: 'long', year: 'numeric' });

/** A werkgroep's update, every field it has. */
function UpdateInFull({ update, agenda, lang }: { update: Update; agenda: AgendaResponse; lang: Lang }) {
  const fields = (['progress', 'successes', 'nextSteps', 'blockers', 'decisionsNeeded'] as const).filter(
    (f) => (update[f] ?? '').trim() !== '',
  );
  const by = agenda.werkgroepen.find((w) => w.id === update.werkgroep)?.trekker;
  return (
    <>
      <Badge appearance="tint" color={STATUS_COLOR[update.status]} style={{ alignSelf: 'flex-start' }}>
        {tr(lang, `status.${update.status}`)}
      </Badge>
      <dl style={{ margin: '4px 0' }}>
        {fields.map((f) => (
          <div key={f}>
            <dt>
              <Caption1>{tr(lang, `agenda.update.${f}`)}</Caption1>
            </dt>
            <dd style={{ marginInlineStart: 0, whiteSpace: 'pre-wrap' }}>
              <Body1>{update[f]}</Body1>
            </dd>
          </div>
        ))}
        {update.ks.length > 0 && (
          <div>
            <dt>
              <Caption1>{tr(lang, 'agenda.update.ks')}</Caption1>
            </dt>
            {update.ks.map((k) => (
              <dd key={k.k} style={{ marginInlineStart: 0 }}>
                <Body1>
                  {k.k}: {k.note}
                </Body1>
              </dd>
            ))}
          </div>
        )}
      </dl>
      <Caption1>
        {tr(lang, 'agenda.update.by', {
          name: by?.id === update.submittedBy ? by.name : update.submittedBy,
          date: dateOf(update.submittedAt, lang),
        })}
      </Caption1>
    </>
  );
}

/** What the data says of one item. */
function ItemBody({ item, agenda, lang }: { item: Item; agenda: AgendaResponse; lang: Lang }) {
  if (item.kind === 'werkgroep') {
    const update = agenda.werkgroepen.find((w) => `werkgroep:${w.id}` === item.id)?.update;
    return update ? (
      <UpdateInFull update={update} agenda={agenda} lang={lang} />
    ) : (
      <Badge appearance="outline" color="warning" style={{ alignSelf: 'flex-start' }}>
        {tr(lang, 'agenda.noUpdate')}
      </Badge>
    );
  }
  if (item.kind === 'besluit') {
    const d = agenda.decisions.find((x) => `besluit:${x.id}` === item.id);
    if (!d) return null;
    return (
      <>
        <Body1 block style={{ whiteSpace: 'pre-wrap' }}>
          {d.proposal}
        </Body1>
        <Caption1>
          {tr(lang, 'agenda.decision.waiting', { werkgroep: d.werkgroepName, days: d.daysWaiting, since: d.since })}
        </Caption1>
      </>
    );
  }
  return item.note ? (
    <Body1 block style={{ whiteSpace: 'pre-wrap' }}>
      {item.note}
    </Body1>
  ) : null;
}

/**
 * The agenda's items as a numbered list, each a card with its title (a heading), what kind of item it is, and its
 * content; removed items only with `showRemoved` (marked as removed, without content). `renderItemExtra(itemId)`
 * is rendered at the end of each item's card (the projectleider's buttons; the meeting's recording controls).
 */
export function AgendaItems({
  agenda,
  renderItemExtra,
  showRemoved = false,
}: {
  agenda: AgendaResponse;
  renderItemExtra?: (itemId: string) => ReactNode;
  showRemoved?: boolean;
}) {
  const { lang } = useTab();
  const items = agenda.items.filter((i) => showRemoved || !i.removed);
  if (items.length === 0) return <Body1>{tr(lang, 'agenda.noItems')}</Body1>;
  let n = 0;
  return (
    <ol aria-label={tr(lang, 'agenda.items')} style={{ listStyle: 'none', padding: 0, display: 'grid', gap: 8 }}>
      {items.map((item) => {
        const number = item.removed ? '' : `${String(++n)}. `;
        const kind =
          item.kind === 'besluit'
            ? tr(lang, 'agenda.decision')
            : item.kind === 'punt'
              ? tr(lang, 'agenda.added')
              : tr(lang, 'nav.werkgroep');
        return (
          <li key={item.id} data-item={item.id}>
            <Card appearance={item.removed ? 'subtle' : 'filled'}>
              <Subtitle2 block as="h3" style={item.removed ? { textDecoration: 'line-through' } : {}}>
                {number}
                {item.title}
              </Subtitle2>
              <Caption1>
                {kind}
                {item.removed ? ` · ${tr(lang, 'agenda.removed')}` : ''}
              </Caption1>
              {!item.removed && <ItemBody item={item} agenda={agenda} lang={lang} />}
              {renderItemExtra?.(item.id)}
            </Card>
          </li>
        );
      })}
    </ol>
  );
}
