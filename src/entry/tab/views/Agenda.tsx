// Agenda: one meeting of the regiegroep or a projectgroep (issue 18 §2) — pick the body and the meeting (default the
// next), see its items in the projectleider's order with every update in full and the decisions with their days
// waiting, the blocked chains, overdue actions and capacity alerts, and who has not sent an update yet, with a
// one-click "Herinner". The projectleider moves items up and down, adds an item, removes and restores one; every
// edit names the version it was made on, so an edit made meanwhile by someone else is shown, never overwritten.
import { useEffect, useState } from 'react';
import { Button, Caption1, Field, Input, Select, Subtitle2, Textarea, Title3 } from '@fluentui/react-components';
import type { AgendaResponse, NudgeResponse } from '../../../app/contract.ts';
import { ApiError } from '../api.ts';
import { Loadable, Notice, useData, useTab, type NoticeState } from '../data.tsx';
import { tr } from '../i18n.ts';
import { AgendaItems } from './agenda-items.tsx';

type Edit = (agenda: AgendaResponse) => { method: 'PUT' | 'POST' | 'DELETE'; path: string; body?: unknown };

const meetingQuery = (a: AgendaResponse) => new URLSearchParams({ body: a.body.id, date: a.meeting.date }).toString();

/** The agenda view; `body` and `date` from a deep link (?view=agenda&body=…&date=…), else the regiegroep's next. */
export function Agenda({ body, date }: { body?: string | undefined; date?: string | undefined }) {
  const { lang } = useTab();
  const [chosen, setChosen] = useState<{ body?: string | undefined; date?: string | undefined }>({ body, date });
  const q = new URLSearchParams();
  if (chosen.body) q.set('body', chosen.body);
  if (chosen.date) q.set('date', chosen.date);
  const path = `/agenda${q.size > 0 ? `?${q.toString()}` : ''}`;
  const state = useData<AgendaResponse>(path);
  return (
    <section aria-label={tr(lang, 'nav.agenda')}>
      <Loadable state={state}>
        {(a) => (
          <AgendaOf key={path} loaded={a} reload={state.reload} onPick={(b, d) => setChosen({ body: b, date: d })} />
        )}
      </Loadable>
    </section>
  );
}

/** One meeting's agenda as loaded, replaced by the answer of each edit. */
function AgendaOf({
  loaded,
  reload,
  onPick,
}: {
  loaded: AgendaResponse;
  reload(): void;
  onPick(body: string, date: string | undefined): void;
}) {
  const { api, lang } = useTab();
  const [agenda, setAgenda] = useState(loaded);
  const [notice, setNotice] = useState<NoticeState>(null);
  useEffect(() => setAgenda(loaded), [loaded]);
  const edit = async (make: Edit, done: string): Promise<boolean> => {
    setNotice(null);
    const { method, path, body } = make(agenda);
    try {
      setAgenda(await api.send<AgendaResponse>(method, path, body, String(agenda.version)));
      setNotice({ intent: 'success', text: done });
      return true;
    } catch (err) {
      setNotice({ intent: 'error', text: err instanceof Error ? err.message : String(err) });
      // Changed meanwhile: show the agenda as it is now, so the next edit is made on what the person sees.
      if (err instanceof ApiError && err.status === 409) reload();
      return false;
    }
  };
  return (
    <div style={{ display: 'grid', gap: 12 }}>
      <Pickers agenda={agenda} onPick={onPick} />
      <Title3 block as="h2">
        {tr(lang, 'agenda.title', { body: agenda.body.name, date: agenda.meeting.date })}
      </Title3>
      <Notice notice={notice} />
      <AgendaItems
        agenda={agenda}
        showRemoved={agenda.mayEdit}
        {...(agenda.mayEdit
          ? { renderItemExtra: (id: string) => <ItemControls agenda={agenda} id={id} edit={edit} /> }
          : {})}
      />
      {agenda.mayEdit && <AddItem edit={edit} />}
      <Missing agenda={agenda} />
      <Signals agenda={agenda} />
    </div>
  );
}

/** The body and the meeting to show. */
function Pickers({ agenda, onPick }: { agenda: AgendaResponse; onPick(body: string, date: string | undefined): void }) {
  const { lang } = useTab();
  return (
    <div style={{ display: 'flex', gap: 12, flexWrap: 'wrap' }}>
      <Field label={tr(lang, 'agenda.body')}>
        <Select value={agenda.body.id} onChange={(_e, d) => onPick(d.value, undefined)}>
          {agenda.bodies.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={tr(lang, 'agenda.meeting')}>
        <Select value={agenda.meeting.date} onChange={(_e, d) => onPick(agenda.body.id, d.value)}>
          {agenda.meetingDates.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </Select>
      </Field>
    </div>
  );
}

/** The projectleider's buttons on one item: up, down, remove or restore. */
function ItemControls({
  agenda,
  id,
  edit,
}: {
  agenda: AgendaResponse;
  id: string;
  edit(make: Edit, done: string): Promise<boolean>;
}) {
  const { lang } = useTab();
  const ids = agenda.items.map((i) => i.id);
  const at = ids.indexOf(id);
  const item = agenda.items[at];
  if (!item) return null;
  const title = item.title;
  const move = (by: -1 | 1) => {
    const order = [...ids];
    [order[at], order[at + by]] = [order[at + by] ?? id, id];
    void edit(
      (a) => ({ method: 'PUT', path: '/agenda/punten', body: { body: a.body.id, date: a.meeting.date, order } }),
      tr(lang, 'agenda.saved'),
    );
  };
  const itemPath = (a: AgendaResponse, suffix = '') =>
    `/agenda/punten/${encodeURIComponent(id)}${suffix}?${meetingQuery(a)}`;
  return (
    <div role="group" aria-label={tr(lang, 'agenda.controls', { title })} style={{ display: 'flex', gap: 8 }}>
      <Button size="small" aria-label={tr(lang, 'agenda.up', { title })} disabled={at === 0} onClick={() => move(-1)}>
        {tr(lang, 'agenda.upShort')}
      </Button>
      <Button
        size="small"
        aria-label={tr(lang, 'agenda.down', { title })}
        disabled={at === ids.length - 1}
        onClick={() => move(1)}
      >
        {tr(lang, 'agenda.downShort')}
      </Button>
      {item.removed ? (
        <Button
          size="small"
          aria-label={tr(lang, 'agenda.restore', { title })}
          onClick={() =>
            void edit((a) => ({ method: 'POST', path: itemPath(a, '/herstellen') }), tr(lang, 'agenda.saved'))
          }
        >
          {tr(lang, 'agenda.restoreShort')}
        </Button>
      ) : (
        <Button
          size="small"
          aria-label={tr(lang, 'agenda.remove', { title })}
          onClick={() => void edit((a) => ({ method: 'DELETE', path: itemPath(a) }), tr(lang, 'agenda.saved'))}
        >
          {tr(lang, 'agenda.removeShort')}
        </Button>
      )}
    </div>
  );
}

/** The projectleider's form: a new item with a title and an optional note, at the end of the agenda. */
function AddItem({ edit }: { edit(make: Edit, done: string): Promise<boolean> }) {
  const { lang } = useTab();
  const [title, setTitle] = useState('');
  const [note, setNote] = useState('');
  const add = async () => {
    // What was typed stays in the form when the edit is refused: nothing entered is lost.
    const added = await edit(
      (a) => ({
        method: 'POST',
        path: '/agenda/punten',
        body: { body: a.body.id, date: a.meeting.date, title, ...(note.trim() ? { note } : {}) },
      }),
      tr(lang, 'agenda.add.done', { title: title.trim() }),
    );
    if (!added) return;
    setTitle('');
    setNote('');
  };
  return (
    <form
      aria-label={tr(lang, 'agenda.add')}
      onSubmit={(e) => {
        e.preventDefault();
        void add();
      }}
      style={{ display: 'grid', gap: 8, maxWidth: 40 * 16 }}
    >
      <Subtitle2 block as="h3">
        {tr(lang, 'agenda.add')}
      </Subtitle2>
      <Field label={tr(lang, 'agenda.add.title')} required>
        <Input value={title} maxLength={200} onChange={(_e, d) => setTitle(d.value)} />
      </Field>
      <Field label={tr(lang, 'agenda.add.note')}>
        <Textarea value={note} maxLength={2000} onChange={(_e, d) => setNote(d.value)} />
      </Field>
      <Button type="submit" appearance="primary" disabled={title.trim() === ''}>
        {tr(lang, 'agenda.add')}
      </Button>
    </form>
  );
}

/** Who has not sent an update for this meeting, with the one-click reminder (all of them, or one werkgroep). */
function Missing({ agenda }: { agenda: AgendaResponse }) {
  const { api, lang } = useTab();
  const [notice, setNotice] = useState<NoticeState>(null);
  const nudge = async (werkgroep?: string) => {
    setNotice(null);
    try {
      const r = await api.post<NudgeResponse>('/agenda/herinneringen', {
        body: agenda.body.id,
        date: agenda.meeting.date,
        ...(werkgroep ? { werkgroep } : {}),
      });
      setNotice({ intent: 'success', text: tr(lang, 'agenda.nudged', { count: r.nudged.length }) });
    } catch (err) {
      setNotice({ intent: 'error', text: err instanceof Error ? err.message : String(err) });
    }
  };
  const missing = agenda.missingUpdates;
  return (
    <section aria-labelledby="agenda-missing">
      <Subtitle2 block as="h3" id="agenda-missing">
        {tr(lang, 'agenda.missing')}
      </Subtitle2>
      {missing.length === 0 ? (
        <Caption1>{tr(lang, 'agenda.missing.none')}</Caption1>
      ) : (
        <>
          <ul>
            {missing.map((m) => (
              <li key={m.werkgroep}>
                {tr(lang, 'agenda.missing.trekker', { werkgroep: m.werkgroepName, trekker: m.trekkerName })}{' '}
                <Button
                  size="small"
                  aria-label={tr(lang, 'agenda.nudge.one', { werkgroep: m.werkgroepName })}
                  onClick={() => void nudge(m.werkgroep)}
                >
                  {tr(lang, 'agenda.nudge')}
                </Button>
              </li>
            ))}
          </ul>
          <Button onClick={() => void nudge()}>{tr(lang, 'agenda.nudge.all', { count: missing.length })}</Button>
        </>
      )}
      <Notice notice={notice} />
    </section>
  );
}

/** The blocked chains, overdue actions and capacity alerts of the body's werkgroepen. */
function Signals({ agenda }: { agenda: AgendaResponse }) {
  const { lang } = useTab();
  const name = (kind: string, id: string) =>
    (kind === 'phase'
      ? tr(lang, 'agenda.chain.phase', { number: id })
      : kind === 'werkgroep'
        ? agenda.werkgroepen.find((w) => w.id === id)?.name
        : kind === 'decision'
          ? agenda.decisions.find((d) => d.id === id)?.title
          : agenda.overdueActions.find((a) => a.id === id)?.title) ?? id;
  const section = (id: string, title: string, lines: string[]) => (
    <section aria-labelledby={id}>
      <Subtitle2 block as="h3" id={id}>
        {title}
      </Subtitle2>
      {lines.length === 0 ? (
        <Caption1>{tr(lang, 'agenda.none')}</Caption1>
      ) : (
        <ul>
          {lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      )}
    </section>
  );
  return (
    <>
      {section(
        'agenda-chains',
        tr(lang, 'agenda.chains'),
        agenda.blockedChains.map(
          (c) =>
            c.items.map((i) => name(i.kind, i.id)).join(' → ') +
            (c.oldestWaitDays === undefined ? '' : ` · ${tr(lang, 'agenda.chain.days', { days: c.oldestWaitDays })}`),
        ),
      )}
      {section(
        'agenda-overdue',
        tr(lang, 'agenda.overdue'),
        agenda.overdueActions.map((a) =>
          tr(lang, 'agenda.overdue.item', { title: a.title, days: a.daysOverdue, due: a.due }),
        ),
      )}
      {section(
        'agenda-capacity',
        tr(lang, 'agenda.capacity'),
        agenda.capacityAlerts.map((l) =>
          tr(lang, 'agenda.capacity.item', {
            name: l.name,
            load: l.loadHours,
            meetings: l.meetingHours,
            hours: l.hoursPerWeek,
          }),
        ),
      )}
    </>
  );
}
