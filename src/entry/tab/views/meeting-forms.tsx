// What the chair adds in a meeting (issue 18 §3): an action with one owner and a due date (it goes to Planner like
// any action), and a new decision, taken at once or left waiting at the body. Each form names its agenda item.
import { useEffect, useState, type FormEvent } from 'react';
import { Button, Field, Input, Select, Subtitle2, Textarea } from '@fluentui/react-components';
import type { MeetingRecordInput, WerkgroepResponse } from '../../../app/contract.ts';
import type { MeetingItem } from '../../../domain/meeting/besluitenlijst.ts';
import { OUTCOME_KINDS } from '../../../domain/vocabulary.ts';
import { OutcomeOptions } from './outcome-options.tsx';
import { useTab } from '../data.tsx';
import { tr, type MessageKey } from '../i18n.ts';

export interface FormProps {
  items: MeetingItem[];
  werkgroepen: { id: string; name: string }[];
  /** Records it; true when it was recorded (the form is then emptied). */
  onRecord(input: MeetingRecordInput): Promise<boolean>;
}

const FORM_STYLE = { display: 'grid', gap: 8, maxWidth: 36 * 16 } as const;

/** The werkgroep an item belongs to, if it is a werkgroep's update. */
const werkgroepOfItem = (item: string) => (item.startsWith('werkgroep:') ? item.slice('werkgroep:'.length) : '');

function ItemAndWerkgroep(o: {
  items: MeetingItem[];
  werkgroepen: FormProps['werkgroepen'];
  item: string;
  werkgroep: string;
  setItem(v: string): void;
  setWerkgroep(v: string): void;
}) {
  const { lang } = useTab();
  return (
    <>
      <Field label={tr(lang, 'vergadering.field.item')}>
        <Select
          value={o.item}
          onChange={(_e, d) => {
            o.setItem(d.value);
            const wg = werkgroepOfItem(d.value);
            if (wg) o.setWerkgroep(wg);
          }}
        >
          <option value="" />
          {o.items.map((i) => (
            <option key={i.id} value={i.id}>
              {i.title}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tr(lang, 'vergadering.field.werkgroep')}>
        <Select
          value={o.werkgroep}
          onChange={(_e, d) => {
            o.setWerkgroep(d.value);
            // No item chosen yet: the werkgroep's update, when it is on the agenda.
            if (!o.item && o.items.some((i) => i.id === `werkgroep:${d.value}`)) o.setItem(`werkgroep:${d.value}`);
          }}
        >
          <option value="" />
          {o.werkgroepen.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </Select>
      </Field>
    </>
  );
}

/** The labels of the fields still empty, or undefined when all are filled. */
function missing(lang: Parameters<typeof tr>[0], fields: [MessageKey, string][]): string | undefined {
  const empty = fields.filter(([, v]) => !v.trim()).map(([k]) => tr(lang, k));
  return empty.length > 0 ? tr(lang, 'vergadering.missing', { fields: empty.join(', ') }) : undefined;
}

/** The owners to choose from: the werkgroep's trekker and members (people of the programme). */
function useOwners(werkgroep: string): { id: string; name: string }[] {
  const { api } = useTab();
  const [owners, setOwners] = useState<{ wg: string; people: { id: string; name: string }[] }>({ wg: '', people: [] });
  useEffect(() => {
    if (!werkgroep) return undefined;
    let live = true;
    api.get<WerkgroepResponse>(`/werkgroepen/${encodeURIComponent(werkgroep)}`).then(
      (w) => {
        if (live) setOwners({ wg: werkgroep, people: [w.trekker, ...w.members.filter((m) => m.id !== w.trekker.id)] });
      },
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [api, werkgroep]);
  return owners.wg === werkgroep ? owners.people : [];
}

/** A new action: item, werkgroep, title, owner, due date. */
export function ActionForm({ items, werkgroepen, onRecord }: FormProps) {
  const { lang } = useTab();
  const [item, setItem] = useState('');
  const [werkgroep, setWerkgroep] = useState('');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [due, setDue] = useState('');
  const [problem, setProblem] = useState<string>();
  const owners = useOwners(werkgroep);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const gap = missing(lang, [
      ['vergadering.field.item', item],
      ['vergadering.field.werkgroep', werkgroep],
      ['vergadering.field.actionTitle', title],
      ['vergadering.field.owner', owner],
      ['vergadering.field.due', due],
    ]);
    setProblem(gap);
    if (gap) return;
    void onRecord({ kind: 'action', item, werkgroep, title, owner, due }).then((done) => {
      if (done) {
        setTitle('');
        setOwner('');
        setDue('');
      }
    });
  };
  const name = tr(lang, 'vergadering.actionForm');
  return (
    <form aria-label={name} onSubmit={submit} style={FORM_STYLE}>
      <Subtitle2 as="h3">{name}</Subtitle2>
      <ItemAndWerkgroep {...{ items, werkgroepen, item, werkgroep, setItem, setWerkgroep }} />
      <Field label={tr(lang, 'vergadering.field.actionTitle')}>
        <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field label={tr(lang, 'vergadering.field.owner')}>
        <Select value={owner} onChange={(_e, d) => setOwner(d.value)}>
          <option value="" />
          {owners.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tr(lang, 'vergadering.field.due')}>
        <Input type="date" value={due} onChange={(_e, d) => setDue(d.value)} />
      </Field>
      {problem && <p role="alert">{problem}</p>}
      <div>
        <Button type="submit" appearance="primary">
          {name}
        </Button>
      </div>
    </form>
  );
}

/** A new decision at this body: item, werkgroep, title, proposal, and its outcome (or none: it keeps waiting). */
export function DecisionForm({ items, werkgroepen, onRecord }: FormProps) {
  const { lang } = useTab();
  const [item, setItem] = useState('');
  const [werkgroep, setWerkgroep] = useState('');
  const [title, setTitle] = useState('');
  const [proposal, setProposal] = useState('');
  const [outcome, setOutcome] = useState('');
  const [problem, setProblem] = useState<string>();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const gap = missing(lang, [
      ['vergadering.field.item', item],
      ['vergadering.field.werkgroep', werkgroep],
      ['vergadering.field.decisionTitle', title],
      ['vergadering.field.proposal', proposal],
    ]);
    setProblem(gap);
    if (gap) return;
    const chosen = OUTCOME_KINDS.find((o) => o === outcome);
    void onRecord({ kind: 'decision', item, werkgroep, title, proposal, ...(chosen ? { outcome: chosen } : {}) }).then(
      (done) => {
        if (done) {
          setTitle('');
          setProposal('');
          setOutcome('');
        }
      },
    );
  };
  const name = tr(lang, 'vergadering.decisionForm');
  return (
    <form aria-label={name} onSubmit={submit} style={FORM_STYLE}>
      <Subtitle2 as="h3">{name}</Subtitle2>
      <ItemAndWerkgroep {...{ items, werkgroepen, item, werkgroep, setItem, setWerkgroep }} />
      <Field label={tr(lang, 'vergadering.field.decisionTitle')}>
        <Input value={title} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field label={tr(lang, 'vergadering.field.proposal')}>
        <Textarea value={proposal} onChange={(_e, d) => setProposal(d.value)} />
      </Field>
      <Field label={tr(lang, 'vergadering.field.outcome')}>
        <Select value={outcome} onChange={(_e, d) => setOutcome(d.value)}>
          <OutcomeOptions placeholder="vergadering.outcome.none" />
        </Select>
      </Field>
      {problem && <p role="alert">{problem}</p>}
      <div>
        <Button type="submit" appearance="primary">
          {tr(lang, 'vergadering.decisionSubmit')}
        </Button>
      </div>
    </form>
  );
}
