// The programme's milestones on Overzicht's timeline (issue 16): a marker per milestone on the phases' track, and
// a list with each milestone's date and title, marked when it is to be celebrated and when it has been reached.
// Dates are the programme's local dates (YYYY-MM-DD), written out without a time zone shift.
import { Badge, Caption1, Subtitle2, tokens } from '@fluentui/react-components';
import type { MilestoneView } from '../../../app/contract.ts';
import { useTab } from '../data.tsx';
import { LOCALE_OF, tr, type Lang } from '../i18n.ts';
import { timelinePercent } from '../logic.ts';

/** A local date (YYYY-MM-DD) as "17 maart 2026", read as a calendar date (no time zone shift). */
const dateText = (date: string, lang: Lang): string =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(LOCALE_OF[lang], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });

/** One row of the timeline grid (label column, then the track) with a diamond per milestone at its date. */
export function MilestoneMarkers({
  milestones,
  start,
  end,
}: {
  milestones: readonly MilestoneView[];
  start: string;
  end: string;
}) {
  const { lang } = useTab();
  if (milestones.length === 0) return null;
  return (
    <div style={{ display: 'grid', gridTemplateColumns: '14rem 1fr', alignItems: 'center', gap: 8 }}>
      <Caption1>{tr(lang, 'overzicht.milestones')}</Caption1>
      <div style={{ position: 'relative', height: 14 }}>
        {milestones.map((m) => {
          const label = tr(lang, 'overzicht.milestone.marker', { date: dateText(m.date, lang), title: m.title });
          return (
            <span
              key={m.id}
              role="img"
              aria-label={label}
              title={label}
              style={{
                position: 'absolute',
                left: `calc(${timelinePercent(m.date, start, end)}% - 6px)`,
                top: 1,
                width: 10,
                height: 10,
                transform: 'rotate(45deg)',
                background: m.celebrate ? tokens.colorPaletteMarigoldBackground3 : tokens.colorNeutralForeground3,
                outline: m.reached ? `2px solid ${tokens.colorPaletteGreenBorder2}` : 'none',
              }}
            />
          );
        })}
      </div>
    </div>
  );
}

/** The milestones as a list by date: date, title, and badges for 'to be celebrated' and 'reached'. */
export function MilestoneList({ milestones }: { milestones: readonly MilestoneView[] }) {
  const { lang } = useTab();
  if (milestones.length === 0) return null;
  return (
    <>
      <Subtitle2 block as="h3" id="ov-milestones">
        {tr(lang, 'overzicht.milestones')}
      </Subtitle2>
      <ul aria-labelledby="ov-milestones">
        {milestones.map((m) => (
          <li key={m.id} aria-label={`${dateText(m.date, lang)} ${m.title}`}>
            <Caption1>{dateText(m.date, lang)}</Caption1> — {m.title}{' '}
            {m.celebrate ? (
              <Badge appearance="tint" color="warning">
                {tr(lang, 'overzicht.milestone.celebrate')}
              </Badge>
            ) : null}{' '}
            {m.reached ? (
              <Badge appearance="tint" color="success">
                {tr(lang, 'overzicht.milestone.reached')}
              </Badge>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
