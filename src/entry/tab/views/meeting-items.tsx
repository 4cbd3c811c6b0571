// What the chair records at the meeting's agenda items (issue 18 §3), put under each item of the agenda's own list
// (src/entry/tab/views/agenda-items.tsx AgendaItems, in the projectleider's order): the outcome of a waiting decision,
// and what was recorded at the item.
import { useState } from 'react';
import { Button, Caption1, Field, Select } from '@fluentui/react-components';
import type { MeetingItem, MeetingRecord } from '../../../domain/meeting/besluitenlijst.ts';
import type { OutcomeKind } from '../../../domain/vocabulary.ts';
import { OutcomeOptions } from './outcome-options.tsx';
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
          <OutcomeOptions placeholder="besluiten.choose" />
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
 * The meeting's controls under one agenda item (AgendaItems' `renderItemExtra`), a region named by the item's title:
 * for a waiting decision (`besluit:`) its outcome to record (`onOutcome`, absent once the meeting is closed), and for
 * every item what was recorded at it. Nothing for an item with nothing to record or show.
 */
export function ItemRecording({
  item,
  records,
  onOutcome,
}: {
  item: MeetingItem;
  records: MeetingRecord[];
  onOutcome?: ((decisionId: string, outcome: OutcomeKind) => Promise<boolean>) | undefined;
}) {
  const at = records.filter((r) => r.item === item.id);
  const decision = item.id.startsWith('besluit:') ? item.id.slice('besluit:'.length) : undefined;
  if (at.length === 0 && !(decision && onOutcome)) return null;
  return (
    <section aria-label={item.title}>
      {decision && onOutcome && <OutcomeControl title={item.title} onOutcome={(o) => onOutcome(decision, o)} />}
      <Recorded records={at} />
    </section>
  );
}

/**
 * What was recorded at items the agenda no longer shows: a decision given its outcome no longer waits, so it leaves
 * the agenda, and an item the projectleider removed is not shown; what was recorded there stays in view.
 */
export function RecordedElsewhere({ items, records }: { items: readonly MeetingItem[]; records: MeetingRecord[] }) {
  const shown = new Set(items.map((i) => i.id));
  return <Recorded records={records.filter((r) => !shown.has(r.item))} />;
}
