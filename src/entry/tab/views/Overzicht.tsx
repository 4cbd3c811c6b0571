// Overzicht: the phases on a timeline with today marked, the next meeting per body, and a tile per werkgroep with
// its latest update (and its age) and its open, overdue and blocked actions.
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Subtitle2,
  Title3,
  tokens,
} from '@fluentui/react-components';
import type { OverviewResponse } from '../../../app/contract.ts';
import { Loadable, useData, useTab } from '../data.tsx';
import { LOCALE_OF, tr } from '../i18n.ts';
import { ageText, dateText, timelinePercent } from '../logic.ts';
import { MilestoneList, MilestoneMarkers } from './milestones.tsx';

const COLOR = { 'op-koers': 'success', aandacht: 'warning', risico: 'danger' } as const;

export function Overzicht({ onOpenWerkgroep }: { onOpenWerkgroep?: (id: string) => void }) {
  const state = useData<OverviewResponse>('/overzicht');
  const { lang } = useTab();
  return (
    <Loadable state={state}>
      {(o) => (
        <section aria-labelledby="ov-title">
          <Title3 block id="ov-title" as="h2">
            {o.programme.name}
          </Title3>
          <Subtitle2 block as="h3">
            {tr(lang, 'overzicht.phases')}
          </Subtitle2>
          <PhaseTimeline phases={o.phases} today={o.today} milestones={o.milestones ?? []} />
          <Caption1 block>{tr(lang, 'overzicht.today', { date: dateText(o.today, lang) })}</Caption1>
          <MilestoneList milestones={o.milestones ?? []} />
          <Subtitle2 block as="h3">
            {tr(lang, 'overzicht.meetings')}
          </Subtitle2>
          <ul>
            {o.meetings.map((b) => (
              <li key={b.body}>
                <Body1>
                  {b.name}:{' '}
                  {new Date(b.start).toLocaleString(LOCALE_OF[lang], {
                    dateStyle: 'full',
                    timeStyle: 'short',
                    timeZone: o.timeZone ?? 'Europe/Amsterdam',
                  })}
                </Body1>
              </li>
            ))}
          </ul>
          <Subtitle2 block as="h3">
            {tr(lang, 'overzicht.werkgroepen')}
          </Subtitle2>
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', gap: 12 }}>
            {o.werkgroepen.map((w) => (
              <WerkgroepTile key={w.id} w={w} onOpenWerkgroep={onOpenWerkgroep} />
            ))}
          </div>
        </section>
      )}
    </Loadable>
  );
}

/** The phases as bars on one timeline (first start to last end), with the milestones and today marked. */
function PhaseTimeline({
  phases,
  today,
  milestones,
}: {
  phases: OverviewResponse['phases'];
  today: string;
  milestones: NonNullable<OverviewResponse['milestones']>;
}) {
  const { lang } = useTab();
  const start = phases.map((f) => f.start).sort()[0] ?? today;
  const end =
    phases
      .map((f) => f.end)
      .sort()
      .at(-1) ?? today;
  return (
    <div role="list" aria-label={tr(lang, 'overzicht.phases')} style={{ position: 'relative', margin: '8px 0 24px' }}>
      {phases.map((f) => (
        <div
          role="listitem"
          key={f.number}
          style={{ display: 'grid', gridTemplateColumns: '14rem 1fr', alignItems: 'center', gap: 8 }}
        >
          <Caption1>
            {f.number}. {f.name}
          </Caption1>
          <div style={{ position: 'relative', height: 10, background: tokens.colorNeutralBackground3 }}>
            <div
              style={{
                position: 'absolute',
                left: `${timelinePercent(f.start, start, end)}%`,
                width: `${timelinePercent(f.end, start, end) - timelinePercent(f.start, start, end)}%`,
                top: 0,
                bottom: 0,
                background: tokens.colorBrandBackground,
              }}
            />
          </div>
        </div>
      ))}
      <MilestoneMarkers milestones={milestones} start={start} end={end} />
      <div
        aria-label={tr(lang, 'overzicht.today', { date: dateText(today, lang) })}
        title={tr(lang, 'overzicht.today', { date: dateText(today, lang) })}
        style={{
          position: 'absolute',
          top: 0,
          bottom: 0,
          left: `calc(14rem + 8px + (100% - 14rem - 8px) * ${timelinePercent(today, start, end) / 100})`,
          borderLeft: `2px solid ${tokens.colorPaletteRedBorder2}`,
        }}
      />
    </div>
  );
}

/** A werkgroep's tile: its name (opens it), trekker, latest update with its age, and its action counts. */
function WerkgroepTile({
  w,
  onOpenWerkgroep,
}: {
  w: OverviewResponse['werkgroepen'][number];
  onOpenWerkgroep?: (id: string) => void;
}) {
  const { lang } = useTab();
  return (
    <Card role="article" aria-label={w.name}>
      <CardHeader
        header={
          <Button
            appearance="transparent"
            onClick={() => onOpenWerkgroep?.(w.id)}
            style={{ padding: 0, fontWeight: 600 }}
          >
            {w.name}
          </Button>
        }
        description={w.trekker ? <Caption1>{tr(lang, 'tile.trekker', { name: w.trekker.name })}</Caption1> : undefined}
      />
      {w.latestUpdate?.status ? (
        <Badge appearance="filled" color={COLOR[w.latestUpdate.status as keyof typeof COLOR] ?? 'informative'}>
          {tr(lang, 'tile.update', {
            status: tr(lang, `status.${w.latestUpdate.status}` as 'status.op-koers'),
            age: ageText(w.latestUpdate.ageDays, lang),
          })}
        </Badge>
      ) : (
        <Badge appearance="outline" color="informative">
          {tr(lang, 'tile.noUpdate')}
        </Badge>
      )}
      <Caption1>{tr(lang, 'tile.counts', { open: w.open, overdue: w.overdue, blocked: w.blocked })}</Caption1>
    </Card>
  );
}
