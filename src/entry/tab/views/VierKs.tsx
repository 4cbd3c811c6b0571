// De vier K's: per K the programme's indicators, the successes werkgroepen reported for it in their updates, and
// how many actions serve it.
import { Body1, Caption1, Card, CardHeader } from '@fluentui/react-components';
import { Loadable, useData, useTab } from '../data.tsx';
import { tr } from '../i18n.ts';
import type { ActionView } from '../logic.ts';

interface VierKsView {
  ks: { k: string; indicatoren: { id: string; naam: string; eenheid: string; beter: 'higher' | 'lower' }[]; successen: { werkgroep: string; tekst: string; ingediend: string }[] }[];
}

export function VierKs() {
  const state = useData<VierKsView>('/vierks');
  const actions = useData<{ acties: ActionView[] }>('/acties');
  const { lang } = useTab();
  return (
    <Loadable state={state}>
      {(d) => (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', gap: 12 }}>
          {d.ks.map(({ k, indicatoren, successen }) => {
            const serving = (actions.data?.acties ?? []).filter((a) => a.ks.includes(k));
            return (
              <Card key={k} role="article" aria-label={k}>
                <CardHeader header={<Body1><b>{k[0]?.toUpperCase()}{k.slice(1)}</b></Body1>} description={<Caption1>{tr(lang, 'vierks.actions', { n: serving.length })}</Caption1>} />
                <Caption1 block><b>{tr(lang, 'vierks.indicators')}</b></Caption1>
                <ul>{indicatoren.map((i) => <li key={i.id}><Caption1>{i.naam} ({i.eenheid}, {tr(lang, i.beter === 'higher' ? 'vierks.higher' : 'vierks.lower')})</Caption1></li>)}</ul>
                <Caption1 block><b>{tr(lang, 'vierks.successes')}</b></Caption1>
                {successen.length === 0 ? <Caption1>{tr(lang, 'vierks.none')}</Caption1>
                  : <ul>{successen.slice(0, 8).map((x, i) => <li key={i}><Caption1>{x.werkgroep}: {x.tekst}</Caption1></li>)}</ul>}
              </Card>
            );
          })}
        </div>
      )}
    </Loadable>
  );
}
