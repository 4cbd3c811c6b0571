// Werkgroep: its trekker and members (with home gemeente), the history of its updates (each in full, its "decisions
// needed" one click from a proposal: UpdateCard.tsx), its actions (from Planner), what it waits on and what waits on it.
import { Body1, Caption1, Select, Subtitle2, Text } from '@fluentui/react-components';
import type { OverviewResponse, WerkgroepResponse } from '../../../app/contract.ts';
import { Loadable, useData, useTab } from '../data.tsx';
import { tr, type Lang } from '../i18n.ts';
import { Acties } from './Acties.tsx';
import { UpdateCard } from './UpdateCard.tsx';

export function Werkgroep({ id, onSelect }: { id?: string; onSelect(id: string): void }) {
  const { lang } = useTab();
  const list = useData<OverviewResponse>('/overzicht');
  // A channel tab names its channel, which is the werkgroep's name; an id works as well.
  const all = list.data?.werkgroepen ?? [];
  const chosen =
    (id ? all.find((w) => w.id === id || w.name.toLowerCase() === id.toLowerCase())?.id : undefined) ?? all[0]?.id;
  return (
    <section aria-label={tr(lang, 'nav.werkgroep')}>
      <Loadable state={list}>
        {(o) => (
          <label>
            {tr(lang, 'acties.filter.werkgroep')}{' '}
            <Select
              aria-label={tr(lang, 'acties.filter.werkgroep')}
              value={chosen ?? ''}
              onChange={(_e, d) => onSelect(d.value)}
            >
              {o.werkgroepen.map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
            </Select>
          </label>
        )}
      </Loadable>
      {chosen && <Detail key={chosen} id={chosen} />}
    </section>
  );
}

function Detail({ id }: { id: string }) {
  const { lang } = useTab();
  const state = useData<WerkgroepResponse>(`/werkgroepen/${encodeURIComponent(id)}`);
  return (
    <Loadable state={state}>
      {(w) => (
        <div style={{ display: 'grid', gap: 12, marginTop: 12 }}>
          <Subtitle2 block as="h2">
            {w.name}
          </Subtitle2>
          <Body1>{tr(lang, 'werkgroep.trekker', { name: w.trekker.name, gemeente: w.trekker.gemeente })}</Body1>
          <Subtitle2 block as="h3">
            {tr(lang, 'werkgroep.members')}
          </Subtitle2>
          <ul aria-label={tr(lang, 'werkgroep.members')}>
            {w.members.map((p) => (
              <li key={p.id}>
                <Caption1>
                  {p.name} — {p.gemeente}
                  {p.guest ? ` · ${tr(lang, `werkgroep.guest.${p.guest}`)}` : ''}
                </Caption1>
              </li>
            ))}
          </ul>
          <Subtitle2 block as="h3">
            {tr(lang, 'werkgroep.waitsOn')}
          </Subtitle2>
          <Text>
            {w.waitsOn.length > 0
              ? w.waitsOn.map((x) => waitsOnText(x, lang)).join(', ')
              : tr(lang, 'werkgroep.nothing')}
          </Text>
          <Subtitle2 block as="h3">
            {tr(lang, 'werkgroep.waitedOnBy')}
          </Subtitle2>
          <Text>
            {w.waitedOnBy.length > 0 ? w.waitedOnBy.map((x) => x.name).join(', ') : tr(lang, 'werkgroep.nothing')}
          </Text>
          <Subtitle2 block as="h3">
            {tr(lang, 'werkgroep.updates')}
          </Subtitle2>
          {w.updates.length === 0 ? (
            <Text>{tr(lang, 'tile.noUpdate')}</Text>
          ) : (
            w.updates.map((u) => <UpdateCard key={u.period} werkgroep={w.id} u={u} />)
          )}
          <Subtitle2 block as="h3">
            {tr(lang, 'nav.acties')}
          </Subtitle2>
          <Acties werkgroep={w.id} />
        </div>
      )}
    </Loadable>
  );
}

/** What a werkgroep waits on, as read: a werkgroep by name, a phase by number and name, a besluit by title; met ones marked. */
function waitsOnText(x: WerkgroepResponse['waitsOn'][number], lang: Lang): string {
  const what =
    x.kind === 'phase'
      ? tr(lang, 'werkgroep.waitsOn.phase', { number: x.id, name: x.name })
      : x.kind === 'besluit'
        ? tr(lang, 'werkgroep.waitsOn.besluit', { name: x.name })
        : x.name;
  return x.met ? tr(lang, 'werkgroep.waitsOn.met', { what }) : what;
}
