// Overzicht: the phases on a timeline with today marked, the next meeting per body, and a tile per werkgroep with
// its latest update (and its age) and its open, overdue and blocked actions.
import { Badge, Body1, Button, Caption1, Card, CardHeader, Subtitle2, Title3, tokens } from '@fluentui/react-components';
import { Loadable, useData, useTab } from '../data.tsx';
import { LOCALE_OF, tr } from '../i18n.ts';
import { ageText, timelinePercent } from '../logic.ts';

export interface Overview {
  programma: { naam: string };
  vandaag: string;
  fasen: { nummer: number; naam: string; start: string; einde: string }[];
  bijeenkomsten: { orgaan: string; naam: string; start: string }[];
  werkgroepen: { id: string; naam: string; trekker: { naam: string } | null; open: number; teLaat: number; geblokkeerd: number; laatsteUpdate: { status: string | null; dagenOud: number } | null }[];
}

const COLOR = { 'op-koers': 'success', aandacht: 'warning', risico: 'danger' } as const;

export function Overzicht({ onOpenWerkgroep }: { onOpenWerkgroep?: (id: string) => void }) {
  const state = useData<Overview>('/overzicht');
  const { lang } = useTab();
  return (
    <Loadable state={state}>
      {(o) => {
        const start = o.fasen.map((f) => f.start).sort()[0] ?? o.vandaag;
        const end = o.fasen.map((f) => f.einde).sort().at(-1) ?? o.vandaag;
        return (
          <section aria-labelledby="ov-title">
            <Title3 block id="ov-title" as="h2">{o.programma.naam}</Title3>
            <Subtitle2 block as="h3">{tr(lang, 'overzicht.phases')}</Subtitle2>
            <div role="list" aria-label={tr(lang, 'overzicht.phases')} style={{ position: 'relative', margin: '8px 0 24px' }}>
              {o.fasen.map((f) => (
                <div role="listitem" key={f.nummer} style={{ display: 'grid', gridTemplateColumns: '14rem 1fr', alignItems: 'center', gap: 8 }}>
                  <Caption1>{f.nummer}. {f.naam}</Caption1>
                  <div style={{ position: 'relative', height: 10, background: tokens.colorNeutralBackground3 }}>
                    <div style={{ position: 'absolute', left: `${timelinePercent(f.start, start, end)}%`, width: `${timelinePercent(f.einde, start, end) - timelinePercent(f.start, start, end)}%`, top: 0, bottom: 0, background: tokens.colorBrandBackground }} />
                  </div>
                </div>
              ))}
              <div aria-label={tr(lang, 'overzicht.today', { date: o.vandaag })} title={tr(lang, 'overzicht.today', { date: o.vandaag })} style={{ position: 'absolute', top: 0, bottom: 0, left: `calc(14rem + 8px + (100% - 14rem - 8px) * ${timelinePercent(o.vandaag, start, end) / 100})`, borderLeft: `2px solid ${tokens.colorPaletteRedBorder2}` }} />
            </div>
            <Caption1 block>{tr(lang, 'overzicht.today', { date: o.vandaag })}</Caption1>
            <Subtitle2 block as="h3">{tr(lang, 'overzicht.meetings')}</Subtitle2>
            <ul>
              {o.bijeenkomsten.map((b) => (
                <li key={b.orgaan}><Body1>{b.naam}: {new Date(b.start).toLocaleString(LOCALE_OF[lang], { dateStyle: 'full', timeStyle: 'short', timeZone: 'Europe/Amsterdam' })}</Body1></li>
              ))}
            </ul>
            <Subtitle2 block as="h3">{tr(lang, 'overzicht.werkgroepen')}</Subtitle2>
            <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', gap: 12 }}>
              {o.werkgroepen.map((w) => (
                <Card key={w.id} role="article" aria-label={w.naam}>
                  <CardHeader header={<Button appearance="transparent" onClick={() => onOpenWerkgroep?.(w.id)} style={{ padding: 0, fontWeight: 600 }}>{w.naam}</Button>} description={w.trekker ? <Caption1>{tr(lang, 'tile.trekker', { name: w.trekker.naam })}</Caption1> : undefined} />
                  {w.laatsteUpdate?.status
                    ? <Badge appearance="filled" color={COLOR[w.laatsteUpdate.status as keyof typeof COLOR] ?? 'informative'}>{tr(lang, 'tile.update', { status: tr(lang, `status.${w.laatsteUpdate.status}` as 'status.op-koers'), age: ageText(w.laatsteUpdate.dagenOud, lang) })}</Badge>
                    : <Badge appearance="outline" color="informative">{tr(lang, 'tile.noUpdate')}</Badge>}
                  <Caption1>{tr(lang, 'tile.counts', { open: w.open, overdue: w.teLaat, blocked: w.geblokkeerd })}</Caption1>
                </Card>
              ))}
            </div>
          </section>
        );
      }}
    </Loadable>
  );
}
