// The meeting app (issue 18 §3, §4): opened in a Teams meeting (side panel, meeting chat or details) or locally with
// ?meeting=<bodyId>:<YYYY-MM-DD>, it shows that meeting's agenda and lets the chair record per item the outcome of a
// waiting decision, a new decision and new actions; then close the meeting, which sends the besluitenlijst to the
// body's channel. The server decides who may record and close; a refusal is shown as it says it.
import { useState } from 'react';
import { Badge, Button, MessageBar, MessageBarBody, Subtitle2, Title3 } from '@fluentui/react-components';
import type {
  AgendaResponse,
  DecisionsResponse,
  MeetingCloseResponse,
  MeetingRecordInput,
  MeetingRecordResponse,
  MeetingResponse,
} from '../../../app/contract.ts';
import type { OutcomeKind } from '../../../domain/vocabulary.ts';
import { Loadable, Notice, useData, useTab, type NoticeState } from '../data.tsx';
import { tr } from '../i18n.ts';
import { BesluitenlijstView, dayText, PrintButton } from './Besluitenlijst.tsx';
import { ActionForm, DecisionForm } from './meeting-forms.tsx';
import { AgendaItems } from './agenda-items.tsx';
import { ItemRecording, RecordedElsewhere } from './meeting-items.tsx';

/** The agenda path for `?meeting=<body>:<date>` or `?body=<body>` (its next meeting); neither: the regiegroep's next. */
export function agendaPath(meeting?: string, body?: string): string {
  const m = meeting ? /^([^:]+):(\d{4}-\d{2}-\d{2})$/.exec(meeting) : null;
  const q: Record<string, string> | undefined = m
    ? { body: m[1] ?? '', date: m[2] ?? '' }
    : body
      ? { body }
      : undefined;
  return q ? `/agenda?${new URLSearchParams(q)}` : '/agenda';
}

/** Closing, with one confirmation: it sends the besluitenlijst and ends recording. */
function CloseMeeting({ onClose }: { onClose(): Promise<void> }) {
  const { lang } = useTab();
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button appearance="primary" onClick={() => setAsking(true)}>
        {tr(lang, 'vergadering.close')}
      </Button>
    );
  return (
    <MessageBar intent="warning">
      <MessageBarBody>
        {tr(lang, 'vergadering.closeConfirm')}{' '}
        <Button appearance="primary" onClick={() => void onClose().then(() => setAsking(false))}>
          {tr(lang, 'vergadering.closeYes')}
        </Button>{' '}
        <Button onClick={() => setAsking(false)}>{tr(lang, 'besluiten.cancel')}</Button>
      </MessageBarBody>
    </MessageBar>
  );
}

function MeetingPanel({ agenda, reloadAgenda }: { agenda: AgendaResponse; reloadAgenda(): void }) {
  const { api, lang } = useTab();
  const path = `/vergaderingen/${encodeURIComponent(agenda.body.id)}/${agenda.meeting.date}`;
  const meeting = useData<MeetingResponse>(path);
  const decisions = useData<DecisionsResponse>('/besluiten');
  const [notice, setNotice] = useState<NoticeState>(null);
  const reload = () => {
    meeting.reload();
    decisions.reload();
    reloadAgenda();
  };
  /** Runs a change; shows what happened; true when it went through. */
  const run = async (change: () => Promise<string>): Promise<boolean> => {
    try {
      setNotice({ intent: 'success', text: await change() });
      reload();
      return true;
    } catch (err) {
      setNotice({ intent: 'error', text: err instanceof Error ? err.message : String(err) });
      reload();
      return false;
    }
  };
  const record = (input: MeetingRecordInput, version?: string) =>
    run(async () => {
      const r = await api.post<MeetingRecordResponse>(`${path}/vastleggingen`, input, version);
      return tr(lang, 'vergadering.saved', { title: r.title });
    });
  const onOutcome = (decisionId: string, outcome: OutcomeKind) =>
    record(
      { kind: 'outcome', item: `besluit:${decisionId}`, decision: decisionId, outcome },
      decisions.data?.decisions.find((x) => x.id === decisionId)?.version,
    );
  const onClose = async () => {
    await run(async () => {
      await api.post<MeetingCloseResponse>(`${path}/sluiten`, {});
      return tr(lang, 'vergadering.closed', { body: agenda.body.name });
    });
  };
  // The agenda's own items in the projectleider's order; removed ones are not discussed, so not shown.
  const items = agenda.items.filter((i) => !i.removed);
  const werkgroepen = agenda.werkgroepen.map((w) => ({ id: w.id, name: w.name }));
  return (
    <Loadable state={meeting}>
      {(m) => (
        <div style={{ display: 'grid', gap: 16 }}>
          <div data-print="hide">
            <Badge appearance="filled" color={m.state === 'open' ? 'brand' : 'informative'}>
              {tr(lang, m.state === 'open' ? 'vergadering.state.open' : 'vergadering.state.closed')}
            </Badge>
          </div>
          <div data-print="hide">
            <Notice notice={notice} wide />
          </div>
          {m.state === 'closed' && m.besluitenlijst ? (
            <>
              <div>
                <PrintButton />
              </div>
              <BesluitenlijstView list={m.besluitenlijst} />
            </>
          ) : (
            <>
              <section aria-labelledby="vergadering-agenda" data-print="hide">
                <Subtitle2 as="h2" id="vergadering-agenda" block>
                  {tr(lang, 'vergadering.agenda')}
                </Subtitle2>
                <AgendaItems
                  agenda={agenda}
                  renderItemExtra={(id) => {
                    const item = items.find((i) => i.id === id);
                    return item && <ItemRecording item={item} records={m.records} onOutcome={onOutcome} />;
                  }}
                />
                <RecordedElsewhere items={items} records={m.records} />
              </section>
              <ActionForm items={items} werkgroepen={werkgroepen} onRecord={(i) => record(i)} />
              <DecisionForm items={items} werkgroepen={werkgroepen} onRecord={(i) => record(i)} />
              <div>
                <CloseMeeting onClose={onClose} />
              </div>
            </>
          )}
        </div>
      )}
    </Loadable>
  );
}

/** The meeting `meeting` (body:date), else the next meeting of `body`, else the regiegroep's next. */
export function Vergadering({ meeting, body }: { meeting?: string | undefined; body?: string | undefined }) {
  const { lang } = useTab();
  const agenda = useData<AgendaResponse>(agendaPath(meeting, body));
  return (
    <Loadable state={agenda}>
      {(a) => (
        <section aria-labelledby="vergadering-title">
          <Title3 as="h1" id="vergadering-title" block>
            {tr(lang, 'vergadering.title', { body: a.body.name, date: dayText(a.meeting.date, lang) })}
          </Title3>
          <MeetingPanel agenda={a} reloadAgenda={agenda.reload} />
        </section>
      )}
    </Loadable>
  );
}
