// Besluiten: each decision on its route with the days spent at each level, and the median lead time per level
// (over the past year, and per quarter) as charts — the number the programme wants to see going down. The
// projectleider and the regiegroep move a decision on (after confirming from → to) or record its outcome here — an
// outcome chosen from the list, none preselected; who may propose enters a new proposal (issue 18 §1). A decision's
// controls and dialogs are in DecisionCard.tsx and DecisionDialogs.tsx, the form in ProposalForm.tsx.
import { useState } from 'react';
import { Button, Subtitle2, Text } from '@fluentui/react-components';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { DecisionsResponse } from '../../../app/contract.ts';
import { Loadable, Notice, useData, useTab, type NoticeState } from '../data.tsx';
import { tr } from '../i18n.ts';
import { decisionsSheet } from '../export.ts';
import { DecisionCard, useDecisionChanges } from './DecisionCard.tsx';
import { ExportButton } from './ExportButton.tsx';
import { mayPropose, ProposalForm } from './ProposalForm.tsx';

const COLORS = ['#5b5fc7', '#c4314b', '#13a10e', '#ca5010', '#8764b8'];

/** One row per quarter with a column per level, as the line chart wants it. */
export function seriesByQuarter(d: { quarter: string; levels: { level: string; medianDays: number }[] }[]): {
  rows: Record<string, string | number>[];
  levels: string[];
} {
  const levels = [...new Set(d.flatMap((q) => q.levels.map((l) => l.level)))];
  return {
    levels,
    rows: d.map((q) => ({ quarter: q.quarter, ...Object.fromEntries(q.levels.map((l) => [l.level, l.medianDays])) })),
  };
}

export function Besluiten() {
  const state = useData<DecisionsResponse>('/besluiten');
  const { lang, me } = useTab();
  const [notice, setNotice] = useState<NoticeState>(null);
  const [proposing, setProposing] = useState(false);
  const { change, undo } = useDecisionChanges(setNotice, state.reload);
  return (
    <Loadable state={state}>
      {(d) => (
        <section aria-label={tr(lang, 'nav.besluiten')} style={{ display: 'grid', gap: 8 }}>
          <Notice notice={notice} />
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 12 }}>
            {mayPropose(me) && !proposing && (
              <Button appearance="primary" onClick={() => setProposing(true)}>
                {tr(lang, 'besluiten.new')}
              </Button>
            )}
            {d.decisions.length > 0 && (
              <ExportButton sheet={() => decisionsSheet(d.decisions, lang)} fileName="besluiten" />
            )}
          </div>
          {proposing && (
            <ProposalForm
              route={d.route}
              onCancel={() => setProposing(false)}
              onDone={(made) => {
                setProposing(false);
                const level = made.steps.at(-1)?.level ?? '';
                setNotice({ intent: 'success', text: tr(lang, 'voorstel.saved', { title: made.title, level }) });
                state.reload();
              }}
            />
          )}
          {d.decisions.length === 0 ? (
            <Text>{tr(lang, 'besluiten.empty')}</Text>
          ) : (
            <>
              <MedianChart levels={d.medians.levels} />
              {d.perQuarter.length > 0 && <TrendChart perQuarter={d.perQuarter} />}
              <ul id="median-list" style={{ position: 'absolute', left: -10000 }}>
                {d.medians.levels.map((l) => (
                  <li key={l.level}>
                    {l.level}: {l.medianDays}
                  </li>
                ))}
              </ul>
              <div style={{ display: 'grid', gap: 8 }}>
                {d.decisions.map((b) => (
                  <DecisionCard key={b.id} b={b} undo={undo[b.id]} change={change} />
                ))}
              </div>
            </>
          )}
        </section>
      )}
    </Loadable>
  );
}

/** The median lead time per level over the past year, as a bar chart. */
function MedianChart({ levels }: { levels: DecisionsResponse['medians']['levels'] }) {
  const { lang } = useTab();
  return (
    <>
      <Subtitle2 block as="h3" id="median-title">
        {tr(lang, 'besluiten.median')}
      </Subtitle2>
      <div
        role="img"
        aria-labelledby="median-title"
        aria-describedby="median-list"
        style={{ width: '100%', height: 220 }}
      >
        <ResponsiveContainer>
          <BarChart data={levels}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="level" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Bar dataKey="medianDays" fill="#5b5fc7" isAnimationActive={false} />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </>
  );
}

/** The median lead time per level per quarter, as a line chart. */
function TrendChart({ perQuarter }: { perQuarter: DecisionsResponse['perQuarter'] }) {
  const { lang } = useTab();
  const series = seriesByQuarter(perQuarter);
  return (
    <>
      <Subtitle2 block as="h3" id="trend-title">
        {tr(lang, 'besluiten.trend')}
      </Subtitle2>
      <div role="img" aria-labelledby="trend-title" style={{ width: '100%', height: 220 }}>
        <ResponsiveContainer>
          <LineChart data={series.rows}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis dataKey="quarter" />
            <YAxis allowDecimals={false} />
            <Tooltip />
            <Legend />
            {series.levels.map((l, i) => (
              <Line key={l} dataKey={l} stroke={COLORS[i % COLORS.length]} isAnimationActive={false} connectNulls />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </>
  );
}
