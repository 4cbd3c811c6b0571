// The meeting's agenda items as the chair works through them (issue 18 §3): each werkgroep's update, each decision
// waiting at the body with an outcome to choose, and under each item what was recorded at it. Kept apart from the
// meeting view so the agenda's own item list (src/entry/tab/views/agenda-items.tsx) can take its place.
import { useState } from 'react';
import { Badge, Body1, Button, Caption1, Field, Select, Subtitle2 } from '@fluentui/react-components';
import type { AgendaResponse } from '../../../app/contract.ts';
import type { MeetingRecord } from '../../../domain/meeting/besluitenlijst.ts';
import { OUTCOME_KINDS, type OutcomeKind } from '../../../domain/vocabulary.ts';
import { useTab } from '../data.tsx';
import { tr } from '../i18n.ts';
import { dayText } from './Besluitenlijst.tsx';

/** What was recorded at one item, in words. */
function RecordLine({ r }: { r: MeetingRecord }) {
  const { lang } = useTab();
  const text =
    r.kind === 'outcome'
      ? tr(lang, 'vergadering.record.outcome', { title: r.title, outcome: tr(lang, `outcome.${r.outcome}`) })
      : r.kind === 'decision'
        ? tr(lang, 'vergadering.record.decision', { title: r.title })
        : tr(lang, 'vergadering.record.action', { title: r.title, owner: r.ownerName, due: dayText(r.due, lang) });
  return <li>{text}</li>;
}

function Recorded({ records }: { records: MeetingRecord[] }) {
  const { lang } = useTab();
  if (records.length === 0) return null;
  return (
    <div>
      <Caption1>{tr(lang, 'vergadering.recorded')}</Caption1>
      <ul>
        {records.map((r) => (
          <RecordLine key={r.seq} r={r} />
        ))}
      </ul>
    </div>
  );
}

/** The outcome of one waiting decision: chosen (there is no default), then recorded. */
function OutcomeControl({ title, onOutcome }: { title: string; onOutcome(o: OutcomeKind): Promise<boolean> }) {
  const { lang } = useTab();
  const [outcome, setOutcome] = useState('');
  const [busy, setBusy] = useState(false);
  return (
    <div style={{ display: 'flex', gap: 8, alignItems: 'end' }}>
      <Field label={tr(lang, 'vergadering.outcome')}>
        <Select value={outcome} onChange={(_e, d) => setOutcome(d.value)}>
          <option value="">{tr(lang, 'besluiten.choose')}</option>
          {OUTCOME_KINDS.map((o) => (
            <option key={o} value={o}>
              {tr(lang, `outcome.${o}`)}
            </option>
          ))}
        </Select>
      </Field>
      <Button
        appearance="primary"
        disabled={!outcome || busy}
        title={title}
        onClick={() => {
          setBusy(true);
          void onOutcome(outcome as OutcomeKind).then((done) => {
            setBusy(false);
            if (done) setOutcome('');
          });
        }}
      >
        {tr(lang, 'vergadering.recordOutcome')}
      </Button>
    </div>
  );
}

/**
 * The agenda's items in order — werkgroepen, then waiting decisions — each a region named by its title, with what
 * was recorded at it; `onOutcome` records a decision's outcome (absent once the meeting is closed).
 */
export function MeetingItems({
  agenda,
  records,
  onOutcome,
}: {
  agenda: AgendaResponse;
  records: MeetingRecord[];
  onOutcome?: ((decisionId: string, outcome: OutcomeKind) => Promise<boolean>) | undefined;
}) {
  const { lang } = useTab();
  const at = (item: string) => records.filter((r) => r.item === item);
  const onAgenda = new Set([
    ...agenda.werkgroepen.map((w) => `werkgroep:${w.id}`),
    ...agenda.decisions.map((x) => `besluit:${x.id}`),
  ]);
  // A decision given its outcome no longer waits, so it leaves the agenda: what was recorded at it stays in view.
  const elsewhere = records.filter((r) => !onAgenda.has(r.item));
  return (
    <>
      <ol style={{ display: 'grid', gap: 12, paddingInlineStart: 20 }}>
        {agenda.werkgroepen.map((w) => (
          <li key={w.id}>
            <section aria-label={w.name}>
              <Subtitle2 as="h3" block>
                {w.name}
              </Subtitle2>
              <Body1 block>{w.update ? (w.update.progress ?? '') : tr(lang, 'vergadering.noUpdate')}</Body1>
              <Recorded records={at(`werkgroep:${w.id}`)} />
            </section>
          </li>
        ))}
        {agenda.decisions.map((x) => (
          <li key={x.id}>
            <section aria-label={x.title}>
              <Subtitle2 as="h3" block>
                {x.title}
              </Subtitle2>
              <Body1 block>{x.proposal}</Body1>
              <Badge appearance="tint">{tr(lang, 'vergadering.waiting', { days: x.daysWaiting })}</Badge>
              {onOutcome && <OutcomeControl title={x.title} onOutcome={(o) => onOutcome(x.id, o)} />}
              <Recorded records={at(`besluit:${x.id}`)} />
            </section>
          </li>
        ))}
      </ol>
      <Recorded records={elsewhere} />
    </>
  );
}
