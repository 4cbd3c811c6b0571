// De vier K's: per K the programme's indicators with their measured values as a trend (better or worse, given
// which way is good), the successes werkgroepen reported for it in their updates, and how many actions serve it.
// The projectleider and the regiegroep record measurements here.
import { useState, type FormEvent } from 'react';
import {
  Badge,
  Body1,
  Button,
  Caption1,
  Card,
  CardHeader,
  Field,
  Input,
  Select,
  Subtitle2,
} from '@fluentui/react-components';
import { Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { IndicatorView as Indicator, MeasurementInput, VierKsResponse } from '../../../app/contract.ts';
import type { Direction } from '../../../domain/work/indicators.ts';
import { Loadable, Notice, useData, useTab, type NoticeState } from '../data.tsx';
import { kLabel, LOCALE_OF, tr, type Lang } from '../i18n.ts';

const BADGE: Record<Direction, 'success' | 'danger' | 'informative' | 'subtle'> = {
  beter: 'success',
  slechter: 'danger',
  gelijk: 'informative',
  onbekend: 'subtle',
};

/**
 * A number as typed by a Dutch or English speaker ("7,5" or "7.5"), or undefined. "1.250" and "1,250" are refused:
 * thousands in one language, decimals in the other — better to ask than to record a value a thousand times off.
 */
export function parseNumber(text: string): number | undefined {
  const t = text.trim().replace(/\s/g, '');
  if (!/^-?\d+([.,]\d+)?$/.test(t) || /^-?\d+[.,]\d{3}$/.test(t)) return undefined;
  return Number(t.replace(',', '.'));
}

const format = (n: number, lang: Lang) => n.toLocaleString(LOCALE_OF[lang], { maximumFractionDigits: 2 });

function IndicatorRow({ i, lang }: { i: Indicator; lang: Lang }) {
  const points = i.measurements;
  const direction = i.trend.direction;
  const latest = i.trend.latest;
  return (
    <li style={{ marginBottom: 8 }}>
      <Caption1 block>
        {i.name} ({i.unit}, {tr(lang, i.better === 'higher' ? 'vierks.higher' : 'vierks.lower')})
      </Caption1>
      <Caption1 block>
        {latest
          ? tr(lang, 'vierks.latest', { value: format(latest.value, lang), unit: i.unit, date: latest.on })
          : tr(lang, 'vierks.unmeasured')}{' '}
        <Badge size="small" appearance="tint" color={BADGE[direction]}>
          {tr(lang, `vierks.trend.${direction}`)}
        </Badge>
      </Caption1>
      {points.length > 1 && (
        <div
          role="img"
          aria-label={`${i.name}: ${points.map((p) => `${p.date} ${format(p.value, lang)}`).join(', ')}`}
          style={{ width: '100%', height: 64 }}
        >
          <ResponsiveContainer>
            <LineChart data={points} margin={{ top: 4, right: 4, bottom: 0, left: 0 }}>
              <XAxis dataKey="date" hide />
              <YAxis hide domain={['auto', 'auto']} />
              <Tooltip />
              <Line
                dataKey="value"
                stroke={direction === 'slechter' ? '#c4314b' : '#5b5fc7'}
                dot={false}
                isAnimationActive={false}
              />
            </LineChart>
          </ResponsiveContainer>
        </div>
      )}
    </li>
  );
}

function RecordMeasurement({ indicators, onSaved }: { indicators: Indicator[]; onSaved(): void }) {
  const { api, lang } = useTab();
  const [indicator, setIndicator] = useState(indicators[0]?.id ?? '');
  // Today in the browser's own time zone (Swedish writes dates as YYYY-MM-DD), not UTC's: just after midnight in
  // Amsterdam, UTC's date is still yesterday.
  const [date, setDate] = useState(new Date().toLocaleDateString('sv-SE'));
  const [value, setValue] = useState('');
  const [notice, setNotice] = useState<NoticeState>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const n = parseNumber(value);
    if (n === undefined) {
      setNotice({
        intent: 'error',
        text: tr(lang, 'vierks.record.refused', { detail: tr(lang, 'vierks.record.badValue') }),
      });
      return;
    }
    try {
      await api.post(`/indicatoren/${encodeURIComponent(indicator)}/metingen`, {
        date,
        value: n,
      } satisfies MeasurementInput);
      setNotice({ intent: 'success', text: tr(lang, 'vierks.record.saved') });
      setValue('');
      onSaved();
    } catch (err) {
      // What was typed stays in the form; only the message says why it was not recorded.
      setNotice({
        intent: 'error',
        text: tr(lang, 'vierks.record.refused', { detail: err instanceof Error ? err.message : String(err) }),
      });
    }
  };
  return (
    <form
      onSubmit={(e) => void submit(e)}
      aria-label={tr(lang, 'vierks.record.title')}
      style={{ display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'end', marginBottom: 12 }}
    >
      <Subtitle2 as="h3" style={{ width: '100%' }}>
        {tr(lang, 'vierks.record.title')}
      </Subtitle2>
      <Field label={tr(lang, 'vierks.record.indicator')}>
        <Select value={indicator} onChange={(_e, d) => setIndicator(d.value)}>
          {indicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tr(lang, 'vierks.record.date')}>
        <Input type="date" value={date} onChange={(_e, d) => setDate(d.value)} />
      </Field>
      <Field label={tr(lang, 'vierks.record.value')}>
        <Input inputMode="decimal" value={value} onChange={(_e, d) => setValue(d.value)} />
      </Field>
      <Button appearance="primary" type="submit">
        {tr(lang, 'vierks.record.button')}
      </Button>
      <Notice notice={notice} wide />
    </form>
  );
}

export function VierKs() {
  const state = useData<VierKsResponse>('/vierks');
  const { lang, me } = useTab();
  return (
    <Loadable state={state}>
      {(d) => (
        <>
          {me.mayDecide && <RecordMeasurement indicators={d.ks.flatMap((k) => k.indicators)} onSaved={state.reload} />}
          <div style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(16rem, 1fr))', gap: 12 }}>
            {d.ks.map(({ k, actions, indicators, successes }) => (
              <Card key={k} role="article" aria-label={kLabel(lang, k)}>
                <CardHeader
                  header={
                    <Body1>
                      <b>{kLabel(lang, k)}</b>
                    </Body1>
                  }
                  description={<Caption1>{tr(lang, 'vierks.actions', { n: actions })}</Caption1>}
                />
                <Caption1 block>
                  <b>{tr(lang, 'vierks.indicators')}</b>
                </Caption1>
                <ul>
                  {indicators.map((i) => (
                    <IndicatorRow key={i.id} i={i} lang={lang} />
                  ))}
                </ul>
                <Caption1 block>
                  <b>{tr(lang, 'vierks.successes')}</b>
                </Caption1>
                {successes.length === 0 ? (
                  <Caption1>{tr(lang, 'vierks.none')}</Caption1>
                ) : (
                  <ul>
                    {successes.slice(0, 8).map((x, i) => (
                      <li key={i}>
                        <Caption1>
                          {x.werkgroepName}: {x.text}
                        </Caption1>
                      </li>
                    ))}
                  </ul>
                )}
              </Card>
            ))}
          </div>
        </>
      )}
    </Loadable>
  );
}
