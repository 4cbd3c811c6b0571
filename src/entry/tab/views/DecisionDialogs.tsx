// The dialogs of a decision (issue 18 §1): confirming a move (naming from → to), confirming a withdrawal, and its
// history (who, when, from → to) from GET /api/besluiten/:id/geschiedenis.
import { useState } from 'react';
import {
  Button,
  Caption1,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Select,
  Text,
} from '@fluentui/react-components';
import type { DecisionHistoryResponse } from '../../../app/contract.ts';
import type { BodyKind } from '../../../domain/programme/schema.ts';
import type { DecisionEvent } from '../../../domain/work/proposals.ts';
import { Loadable, useData, useTab } from '../data.tsx';
import { LOCALE_OF, tr, type Lang } from '../i18n.ts';

/**
 * Asks before moving a decision: to which higher level of its route (`targets`, the next one preselected), saying
 * from → to. `onMove` gets the level chosen.
 */
export function MoveDialog({
  open,
  title,
  from,
  targets,
  onMove,
  onClose,
}: {
  open: boolean;
  title: string;
  from: string;
  targets: BodyKind[];
  onMove(level: BodyKind): void;
  onClose(): void;
}) {
  const { lang } = useTab();
  const [chosen, setTo] = useState<BodyKind | undefined>();
  const to = chosen && targets.includes(chosen) ? chosen : targets[0];
  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{tr(lang, 'besluiten.moveTitle', { title })}</DialogTitle>
          <DialogContent style={{ display: 'grid', gap: 8 }}>
            <Field label={tr(lang, 'besluiten.moveTo')}>
              <Select value={to ?? ''} onChange={(_e, v) => setTo(v.value as BodyKind)}>
                {targets.map((l) => (
                  <option key={l} value={l}>
                    {l}
                  </option>
                ))}
              </Select>
            </Field>
            {to && <Text>{tr(lang, 'besluiten.moveFromTo', { from, to })}</Text>}
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" disabled={!to} onClick={() => to && onMove(to)}>
              {tr(lang, 'besluiten.confirm')}
            </Button>
            <Button onClick={onClose}>{tr(lang, 'besluiten.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** Asks before withdrawing a proposal (final). */
export function WithdrawDialog({
  open,
  title,
  onYes,
  onClose,
}: {
  open: boolean;
  title: string;
  onYes(): void;
  onClose(): void;
}) {
  const { lang } = useTab();
  return (
    <Dialog open={open} modalType="alert" onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{tr(lang, 'besluiten.withdrawTitle', { title })}</DialogTitle>
          <DialogContent>
            <Text>{tr(lang, 'besluiten.withdrawConfirm')}</Text>
          </DialogContent>
          <DialogActions>
            <Button appearance="primary" onClick={onYes}>
              {tr(lang, 'besluiten.withdrawYes')}
            </Button>
            <Button onClick={onClose}>{tr(lang, 'besluiten.cancel')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}

/** One event of the history in words: what happened, from → to. */
function eventText(lang: Lang, e: DecisionEvent): string {
  const from = e.from ?? '—';
  const to = e.to ?? '—';
  switch (e.kind) {
    case 'closed':
      return tr(lang, 'besluiten.event.closed', { from, outcome: e.outcome ? tr(lang, `outcome.${e.outcome}`) : '—' });
    case 'proposed':
    case 'moved':
    case 'undone':
      return tr(lang, `besluiten.event.${e.kind}`, { from, to });
    case 'edited':
    case 'withdrawn':
      return tr(lang, `besluiten.event.${e.kind}`);
  }
}

/** The history of decision `id`: per change who, when and from → to, oldest first. */
function HistoryList({ id, title }: { id: string; title: string }) {
  const { lang } = useTab();
  const state = useData<DecisionHistoryResponse>(`/besluiten/${encodeURIComponent(id)}/geschiedenis`);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(LOCALE_OF[lang], { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Loadable state={state}>
      {(h) => (
        <ol aria-label={tr(lang, 'besluiten.historyTitle', { title })}>
          {h.events.map((e, i) => (
            <li key={`${e.at}-${String(i)}`}>
              <Text>{eventText(lang, e)}</Text>
              <br />
              <Caption1>
                {when(e.at)} · {e.by === 'app' ? tr(lang, 'besluiten.byApp') : (h.names[e.by] ?? e.by)}
              </Caption1>
            </li>
          ))}
        </ol>
      )}
    </Loadable>
  );
}

/** The history of decision `id` in a dialog; loaded each time it opens. */
export function HistoryDialog({
  open,
  id,
  title,
  onClose,
}: {
  open: boolean;
  id: string;
  title: string;
  onClose(): void;
}) {
  const { lang } = useTab();
  return (
    <Dialog open={open} onOpenChange={(_e, d) => !d.open && onClose()}>
      <DialogSurface>
        <DialogBody>
          <DialogTitle>{tr(lang, 'besluiten.historyTitle', { title })}</DialogTitle>
          <DialogContent>{open && <HistoryList id={id} title={title} />}</DialogContent>
          <DialogActions>
            <Button onClick={onClose}>{tr(lang, 'besluiten.closeDialog')}</Button>
          </DialogActions>
        </DialogBody>
      </DialogSurface>
    </Dialog>
  );
}
