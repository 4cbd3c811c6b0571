// Besluiten: each decision on its route with the days spent at each level, and the median lead time per level
// (over the past year, and per quarter) as charts — the number the programme wants to see going down. The
// projectleider and the regiegroep move a decision on to its next level (after confirming it) or record its outcome
// here — an outcome chosen from the list, none preselected (issue 18 §1).
import { useState } from 'react';
import { Body1, Button, Caption1, Card, Select, Subtitle2, Text } from '@fluentui/react-components';
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
import type { DecisionChange, DecisionsResponse } from '../../../app/contract.ts';
import { OUTCOME_KINDS, type OutcomeKind } from '../../../domain/vocabulary.ts';
import { Loadable, Notice, useData, useTab, type NoticeState } from '../data.tsx';
import { tr } from '../i18n.ts';

/** The level a decision goes to next on its route, if any. */
function nextLevel(route: string[], steps: { level: string }[]): string | undefined {
  const last = steps.at(-1);
  return route[last ? route.indexOf(last.level) + 1 : 0];
}

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
  const { api, lang } = useTab();
  const [notice, setNotice] = useState<NoticeState>(null);
  const [outcome, setOutcome] = useState<Record<string, OutcomeKind | undefined>>({});
  const change = async (id: string, body: DecisionChange) => {
    setNotice(null);
    try {
      await api.post(`/besluiten/${encodeURIComponent(id)}`, body);
      setNotice({ intent: 'success', text: tr(lang, 'besluiten.saved') });
      state.reload();
    } catch (err) {
      setNotice({
        intent: 'error',
        text: tr(lang, 'besluiten.refused', { detail: err instanceof Error ? err.message : String(err) }),
      });
    }
  };
  return (
    <Loadable state={state}>
      {(d) =>
        d.decisions.length === 0 ? (
          <Text>{tr(lang, 'besluiten.empty')}</Text>
        ) : (
          <section aria-label={tr(lang, 'nav.besluiten')}>
            <MedianChart levels={d.medians.levels} />
            {d.perQuarter.length > 0 && <TrendChart perQuarter={d.perQuarter} />}
            <ul id="median-list" style={{ position: 'absolute', left: -10000 }}>
              {d.medians.levels.map((l) => (
                <li key={l.level}>
                  {l.level}: {l.medianDays}
                </li>
              ))}
            </ul>
            <Notice notice={notice} />
            <div style={{ display: 'grid', gap: 8 }}>
              {d.decisions.map((b) => (
                <DecisionCard
                  key={b.id}
                  b={b}
                  chosen={outcome[b.id]}
                  onChoose={(kind) => setOutcome((o) => ({ ...o, [b.id]: kind }))}
                  change={change}
                />
              ))}
            </div>
          </section>
        )
      }
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

/** One decision: its route with the days per level, and (for who may decide) next level or outcome. */
function DecisionCard({
  b,
  chosen,
  onChoose,
  change,
}: {
  b: DecisionsResponse['decisions'][number];
  chosen: OutcomeKind | undefined;
  onChoose(kind: OutcomeKind): void;
  change(id: string, body: DecisionChange): Promise<void>;
}) {
  const { lang, me } = useTab();
  const next = nextLevel(b.route, b.steps);
  const [confirming, setConfirming] = useState(false);
  return (
    <Card role="article" aria-label={b.title}>
      <Body1>
        <b>{b.title}</b> — {b.werkgroepName}
        {b.outcome ? ` · ${tr(lang, `outcome.${b.outcome.kind}`)}` : ''}
      </Body1>
      <Caption1>
        {b.leadTimes.levels.map((l) => tr(lang, 'besluiten.route', { level: l.level, days: l.days })).join(' → ')} ·{' '}
        {tr(lang, 'besluiten.total', { days: b.leadTimes.totalDays })}
      </Caption1>
      {me.mayDecide && !b.outcome && (
        <div
          role="group"
          aria-label={b.title}
          style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}
        >
          {next && !confirming && (
            <Button size="small" onClick={() => setConfirming(true)}>
              {tr(lang, 'besluiten.next', { level: next })}
            </Button>
          )}
          {next && confirming && (
            <span role="group" aria-label={tr(lang, 'besluiten.confirmMove', { title: b.title, level: next })}>
              <Text>{tr(lang, 'besluiten.confirmMove', { title: b.title, level: next })}</Text>{' '}
              <Button
                size="small"
                appearance="primary"
                onClick={() => {
                  setConfirming(false);
                  void change(b.id, { action: 'next' });
                }}
              >
                {tr(lang, 'besluiten.confirm')}
              </Button>{' '}
              <Button size="small" onClick={() => setConfirming(false)}>
                {tr(lang, 'besluiten.cancel')}
              </Button>
            </span>
          )}
          <Select
            size="small"
            aria-label={`${tr(lang, 'besluiten.outcome')}: ${b.title}`}
            value={chosen ?? ''}
            onChange={(_e, v) => onChoose(v.value as OutcomeKind)}
          >
            <option value="" disabled>
              {tr(lang, 'besluiten.choose')}
            </option>
            {OUTCOME_KINDS.map((o) => (
              <option key={o} value={o}>
                {tr(lang, `outcome.${o}`)}
              </option>
            ))}
          </Select>
          <Button
            size="small"
            disabled={chosen === undefined}
            onClick={() => {
              if (chosen) void change(b.id, { action: 'outcome', outcome: chosen });
            }}
          >
            {tr(lang, 'besluiten.record')}
          </Button>
        </div>
      )}
    </Card>
  );
}
