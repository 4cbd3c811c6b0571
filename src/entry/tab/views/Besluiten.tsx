// Besluiten: each decision on its route with the days spent at each level, and the median lead time per level
// (over the past year) as a chart — the number the programme wants to see going down.
import { Body1, Caption1, Card, Subtitle2, Text } from '@fluentui/react-components';
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { Loadable, useData, useTab } from '../data.tsx';
import { tr } from '../i18n.ts';

interface Decisions {
  besluiten: { id: string; title: string; werkgroepNaam: string; outcome?: { kind: string }; leadTimes: { levels: { level: string; days: number; current: boolean }[]; totalDays: number } }[];
  medianen: { levels: { level: string; medianDays: number; count: number }[] };
  perKwartaal?: { kwartaal: string; levels: { level: string; medianDays: number }[] }[];
}

const COLORS = ['#5b5fc7', '#c4314b', '#13a10e', '#ca5010', '#8764b8'];

/** One row per quarter with a column per level, as the line chart wants it. */
export function seriesByQuarter(d: NonNullable<Decisions['perKwartaal']>): { rows: Record<string, string | number>[]; levels: string[] } {
  const levels = [...new Set(d.flatMap((q) => q.levels.map((l) => l.level)))];
  return { levels, rows: d.map((q) => ({ kwartaal: q.kwartaal, ...Object.fromEntries(q.levels.map((l) => [l.level, l.medianDays])) })) };
}

export function Besluiten() {
  const state = useData<Decisions>('/besluiten');
  const { lang } = useTab();
  return (
    <Loadable state={state}>
      {(d) => d.besluiten.length === 0 ? <Text>{tr(lang, 'besluiten.empty')}</Text> : (
        <section aria-label={tr(lang, 'nav.besluiten')}>
          <Subtitle2 block as="h3" id="median-title">{tr(lang, 'besluiten.median')}</Subtitle2>
          <div role="img" aria-labelledby="median-title" aria-describedby="median-list" style={{ width: '100%', height: 220 }}>
            <ResponsiveContainer>
              <BarChart data={d.medianen.levels}>
                <CartesianGrid strokeDasharray="3 3" />
                <XAxis dataKey="level" />
                <YAxis allowDecimals={false} />
                <Tooltip />
                <Bar dataKey="medianDays" fill="#5b5fc7" isAnimationActive={false} />
              </BarChart>
            </ResponsiveContainer>
          </div>
          {d.perKwartaal && d.perKwartaal.length > 0 && (() => {
            const series = seriesByQuarter(d.perKwartaal);
            return (
              <>
                <Subtitle2 block as="h3" id="trend-title">{tr(lang, 'besluiten.trend')}</Subtitle2>
                <div role="img" aria-labelledby="trend-title" style={{ width: '100%', height: 220 }}>
                  <ResponsiveContainer>
                    <LineChart data={series.rows}>
                      <CartesianGrid strokeDasharray="3 3" />
                      <XAxis dataKey="kwartaal" />
                      <YAxis allowDecimals={false} />
                      <Tooltip />
                      <Legend />
                      {series.levels.map((l, i) => <Line key={l} dataKey={l} stroke={COLORS[i % COLORS.length]} isAnimationActive={false} connectNulls />)}
                    </LineChart>
                  </ResponsiveContainer>
                </div>
              </>
            );
          })()}
          <ul id="median-list" style={{ position: 'absolute', left: -10000 }}>
            {d.medianen.levels.map((l) => <li key={l.level}>{l.level}: {l.medianDays}</li>)}
          </ul>
          <div style={{ display: 'grid', gap: 8 }}>
            {d.besluiten.map((b) => (
              <Card key={b.id} role="article" aria-label={b.title}>
                <Body1><b>{b.title}</b> — {b.werkgroepNaam}{b.outcome ? ` · ${b.outcome.kind}` : ''}</Body1>
                <Caption1>
                  {b.leadTimes.levels.map((l) => tr(lang, 'besluiten.route', { level: l.level, days: l.days })).join(' → ')} · {tr(lang, 'besluiten.total', { days: b.leadTimes.totalDays })}
                </Caption1>
              </Card>
            ))}
          </div>
        </section>
      )}
    </Loadable>
  );
}
