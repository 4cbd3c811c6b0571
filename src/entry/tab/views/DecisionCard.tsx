// One decision in Besluiten (issue 18 §1): its route with the days per level, and its controls: move to a higher
// level (after a dialog naming from → to), close with an outcome the person chooses (none preselected), withdraw
// (after confirming), undo the latest move or outcome while its window is open, and its history. Each change is
// sent with the version shown (If-Match); a change someone else made meanwhile (409) reloads and says so. The undo
// window also comes with the list (undoUntil), so a reload keeps it. Who may not move or close sees the controls
// disabled with the reason; any refusal the server still sends is an alert.
import { useEffect, useState } from 'react';
import { Body1, Button, Caption1, Card, Select, Text } from '@fluentui/react-components';
import type { DecisionHistoryResponse, DecisionView } from '../../../app/contract.ts';
import type { BodyKind } from '../../../domain/programme/schema.ts';
import type { OutcomeKind } from '../../../domain/vocabulary.ts';
import { OutcomeOptions } from './outcome-options.tsx';
import { ApiError } from '../api.ts';
import { useTab, type NoticeState } from '../data.tsx';
import { LOCALE_OF, tr } from '../i18n.ts';
import { HistoryDialog, MoveDialog, WithdrawDialog } from './DecisionDialogs.tsx';

/** Until when (ISO 8601) the latest move or outcome of a decision can be undone, and the version it made. */
export type UndoWindow = { until: string; version: string };

type Kind = 'verplaatsen' | 'uitkomst' | 'intrekken' | 'ongedaan';

/**
 * The changes of decisions through the If-Match endpoints; `setNotice` shows what happened, `reload` reloads the
 * list after every change and after a 409. Returns the change function and the open undo windows per decision.
 */
export function useDecisionChanges(setNotice: (n: NoticeState) => void, reload: () => void) {
  const { api, lang, onUnauthorized } = useTab();
  const [undo, setUndo] = useState<Record<string, UndoWindow | undefined>>({});
  const change = async (b: DecisionView, kind: Kind, body: object, success: string) => {
    setNotice(null);
    const path = `/besluiten/${encodeURIComponent(b.id)}`;
    try {
      const saved = await api.post<DecisionView>(`${path}/${kind}`, body, b.version);
      setNotice({ intent: 'success', text: success });
      let window: UndoWindow | undefined;
      if (kind === 'verplaatsen' || kind === 'uitkomst') {
        const h = await api.get<DecisionHistoryResponse>(`${path}/geschiedenis`).catch(() => undefined);
        if (h?.undoUntil) window = { until: h.undoUntil, version: saved.version };
      }
      setUndo((u) => ({ ...u, [b.id]: window }));
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) onUnauthorized();
      const detail = err instanceof Error ? err.message : String(err);
      const changed = err instanceof ApiError && err.status === 409;
      setNotice({ intent: 'error', text: tr(lang, changed ? 'besluiten.changed' : 'besluiten.refused', { detail }) });
      if (changed) setUndo((u) => ({ ...u, [b.id]: undefined }));
    }
    reload();
  };
  return { change, undo };
}

/** Whether `until` (ISO 8601) is still ahead; turns false by itself when it passes. */
function useOpen(until: string | undefined): boolean {
  const [, setTick] = useState(0);
  const left = until ? Date.parse(until) - Date.now() : 0;
  useEffect(() => {
    if (left <= 0) return;
    const timer = setTimeout(() => setTick((n) => n + 1), left + 50);
    return () => clearTimeout(timer);
  }, [left]);
  return left > 0;
}

/** The levels above the decision's current one on its route: where it may move. */
const higherLevels = (b: DecisionView): BodyKind[] => {
  const at = b.steps.at(-1)?.level;
  return at ? b.route.slice(b.route.indexOf(at) + 1) : b.route;
};

/** The outcome of an open decision: chosen from the list (none preselected), then recorded. */
function OutcomeControls({
  b,
  decider,
  reasonId,
  change,
}: {
  b: DecisionView;
  decider: boolean;
  reasonId: string;
  change(b: DecisionView, kind: Kind, body: object, success: string): Promise<void>;
}) {
  const { lang } = useTab();
  const [chosen, setChosen] = useState<OutcomeKind | undefined>();
  return (
    <>
      <Select
        size="small"
        aria-label={`${tr(lang, 'besluiten.outcome')}: ${b.title}`}
        disabled={!decider}
        value={chosen ?? ''}
        onChange={(_e, v) => setChosen(v.value as OutcomeKind)}
      >
        <OutcomeOptions placeholder="besluiten.choose" disabled />
      </Select>
      <Button
        size="small"
        disabled={!decider || chosen === undefined}
        {...(decider ? {} : { 'aria-describedby': reasonId })}
        onClick={() => {
          if (!chosen) return;
          const outcome = tr(lang, `outcome.${chosen}`);
          void change(b, 'uitkomst', { outcome: chosen }, tr(lang, 'besluiten.closed', { title: b.title, outcome }));
          setChosen(undefined);
        }}
      >
        {tr(lang, 'besluiten.recordDecision')}
      </Button>
    </>
  );
}

/** One decision: its route with the days per level, and its controls. */
export function DecisionCard({
  b,
  undo,
  change,
}: {
  b: DecisionView;
  undo: UndoWindow | undefined;
  change(b: DecisionView, kind: Kind, body: object, success: string): Promise<void>;
}) {
  const { lang, me } = useTab();
  const [dialog, setDialog] = useState<'move' | 'withdraw' | 'history' | null>(null);
  // A change made in this session, else the window the list reports (GET /api/besluiten undoUntil, after a reload).
  const undoWindow = undo ?? (b.undoUntil ? { until: b.undoUntil, version: b.version } : undefined);
  const undoOpen = useOpen(undoWindow?.until);
  const open = !b.outcome && !b.withdrawn;
  const decider = me.app || me.mayDecide;
  const mayWithdraw = decider || (b.proposedBy !== undefined && b.proposedBy === me.person?.id);
  const targets = higherLevels(b);
  const from = b.steps.at(-1)?.level ?? '—';
  const reasonId = `reason-${b.id}`;
  return (
    <Card role="article" aria-label={b.title}>
      <Body1>
        <b>{b.title}</b> — {b.werkgroepName}
        {b.outcome ? ` · ${tr(lang, `outcome.${b.outcome.kind}`)}` : ''}
        {b.withdrawn ? ` · ${tr(lang, 'besluiten.withdrawnTag')}` : ''}
      </Body1>
      <Caption1>
        {b.leadTimes.levels.map((l) => tr(lang, 'besluiten.route', { level: l.level, days: l.days })).join(' → ')} ·{' '}
        {tr(lang, 'besluiten.total', { days: b.leadTimes.totalDays })}
      </Caption1>
      <div
        role="group"
        aria-label={b.title}
        style={{ display: 'flex', flexWrap: 'wrap', gap: 8, alignItems: 'center' }}
      >
        {open && targets.length > 0 && (
          <Button
            size="small"
            disabled={!decider}
            {...(decider ? {} : { 'aria-describedby': reasonId })}
            onClick={() => setDialog('move')}
          >
            {tr(lang, 'besluiten.move')}
          </Button>
        )}
        {open && <OutcomeControls b={b} decider={decider} reasonId={reasonId} change={change} />}
        {open && mayWithdraw && (
          <Button size="small" onClick={() => setDialog('withdraw')}>
            {tr(lang, 'besluiten.withdraw')}
          </Button>
        )}
        {undoWindow && undoOpen && decider && (
          <>
            <Button
              size="small"
              appearance="primary"
              onClick={() =>
                void change(
                  { ...b, version: undoWindow.version },
                  'ongedaan',
                  {},
                  tr(lang, 'besluiten.undone', { title: b.title }),
                )
              }
            >
              {tr(lang, 'besluiten.undo')}
            </Button>
            <Caption1>
              {tr(lang, 'besluiten.undoUntil', {
                time: new Date(undoWindow.until).toLocaleTimeString(LOCALE_OF[lang], { timeStyle: 'short' }),
              })}
            </Caption1>
          </>
        )}
        <Button size="small" appearance="subtle" onClick={() => setDialog('history')}>
          {tr(lang, 'besluiten.history')}
        </Button>
        {open && !decider && (
          <Text id={reasonId} size={200}>
            {tr(lang, 'besluiten.onlyDeciders')}
          </Text>
        )}
      </div>
      {open && targets.length > 0 && decider && (
        <MoveDialog
          open={dialog === 'move'}
          title={b.title}
          from={from}
          targets={targets}
          onClose={() => setDialog(null)}
          onMove={(level) => {
            setDialog(null);
            void change(b, 'verplaatsen', { level }, tr(lang, 'besluiten.moved', { title: b.title, level }));
          }}
        />
      )}
      {open && mayWithdraw && (
        <WithdrawDialog
          open={dialog === 'withdraw'}
          title={b.title}
          onClose={() => setDialog(null)}
          onYes={() => {
            setDialog(null);
            void change(b, 'intrekken', {}, tr(lang, 'besluiten.withdrawn', { title: b.title }));
          }}
        />
      )}
      <HistoryDialog open={dialog === 'history'} id={b.id} title={b.title} onClose={() => setDialog(null)} />
    </Card>
  );
}
