// De vier K's: per K the actions that serve it (from the action lists), open and done.
import { Body1, Card, CardHeader, Caption1 } from '@fluentui/react-components';
import { Loadable, useData, useTab } from '../data.tsx';
import { tr } from '../i18n.ts';
import type { ActionView } from '../logic.ts';

const KS = ['kwaliteit', 'kwetsbaarheid', 'kosten', 'kansen'] as const;

export function VierKs() {
  const state = useData<{ acties: ActionView[] }>('/acties');
  const { lang } = useTab();
  return (
    <Loadable state={state}>
      {(d) => (
        <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(14rem, 1fr))', gap: 12 }}>
          {KS.map((k) => {
            const serving = d.acties.filter((a) => a.ks.includes(k));
            const done = serving.filter((a) => a.status === 'gereed');
            return (
              <Card key={k} role="article" aria-label={k}>
                <CardHeader header={<Body1><b>{k[0]?.toUpperCase()}{k.slice(1)}</b></Body1>} />
                <Caption1>{tr(lang, 'vierks.actions', { n: serving.length })} · {done.length} {tr(lang, 'astatus.gereed').toLowerCase()}</Caption1>
                <ul>{done.slice(0, 5).map((a) => <li key={a.id}><Caption1>{a.title}</Caption1></li>)}</ul>
                {done.length === 0 && <Caption1>{tr(lang, 'vierks.none')}</Caption1>}
              </Card>
            );
          })}
        </div>
      )}
    </Loadable>
  );
}
