// A werkgroep's progress update as its card sends it (Action.Execute: every input as a string), validated
// field by field. A refusal echoes every value entered, so the card comes back with nothing lost.
import type { Lang } from '../i18n.ts';
import { FOUR_KS, type FourK, type Programme } from '../programme/schema.ts';
import { bt, type BotMessageKey } from './messages.ts';

export const UPDATE_STATUSES = ['op-koers', 'aandacht', 'risico'] as const;
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];

export interface ProgressUpdate {
  werkgroep: string;
  period: string;
  status: UpdateStatus;
  progress: string;
  successes?: string;
  nextSteps?: string;
  blockers?: string;
  decisionsNeeded?: string;
  ks: { k: FourK; note: string }[];
  actionIds: string[];
}

export interface UpdateRecord extends ProgressUpdate {
  /** The stored update's id, when the store gives one (cards do not need it). */
  id?: string;
  /** Person id. */
  submittedBy: string;
  /** ISO instant. */
  submittedAt: string;
}

export interface FieldError {
  field: string;
  message: string;
}

export type UpdateValidation =
  { ok: true; update: ProgressUpdate } | { ok: false; errors: FieldError[]; values: Record<string, string> };

export const MAX_TEXT = 2000;
const TEXT_FIELDS = ['progress', 'successes', 'nextSteps', 'blockers', 'decisionsNeeded'] as const;
const FIELD_LABEL: Record<string, BotMessageKey> = {
  werkgroep: 'field.werkgroep',
  period: 'field.period',
  status: 'update.status',
  progress: 'update.progress',
  successes: 'update.successes',
  nextSteps: 'update.nextSteps',
  blockers: 'update.blockers',
  decisionsNeeded: 'update.decisionsNeeded',
};

export const kNoteField = (k: FourK) => `k_${k}_note`;

const str = (v: unknown): string =>
  typeof v === 'string'
    ? v
    : typeof v === 'number' || typeof v === 'boolean'
      ? String(v)
      : Array.isArray(v)
        ? v.map(String).join(',')
        : '';
const list = (v: string): string[] =>
  v
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');

export function validateUpdate(
  data: Record<string, unknown>,
  ctx: { programme: Programme; knownActionIds?: ReadonlySet<string> },
  lang: Lang,
): UpdateValidation {
  const values: Record<string, string> = {};
  for (const [k, v] of Object.entries(data)) if (k !== 'verb' && k !== 'action') values[k] = str(v);
  const errors: FieldError[] = [];
  const label = (f: string) => bt(FIELD_LABEL[f] ?? 'update.progress', {}, lang);
  const need = (f: string) => {
    const v = (values[f] ?? '').trim();
    if (v === '') errors.push({ field: f, message: bt('err.required', { field: label(f) }, lang) });
    return v;
  };
  const werkgroep = need('werkgroep');
  if (werkgroep && !ctx.programme.bodies.some((b) => b.id === werkgroep && b.kind === 'werkgroep'))
    errors.push({ field: 'werkgroep', message: bt('err.unknownWerkgroep', {}, lang) });
  const period = need('period');
  const status = (values['status'] ?? '').trim();
  if (status === '') errors.push({ field: 'status', message: bt('err.required', { field: label('status') }, lang) });
  else if (!(UPDATE_STATUSES as readonly string[]).includes(status))
    errors.push({ field: 'status', message: bt('err.status', {}, lang) });
  need('progress');
  for (const f of TEXT_FIELDS) {
    if ((values[f] ?? '').length > MAX_TEXT)
      errors.push({ field: f, message: bt('err.tooLong', { field: label(f), max: MAX_TEXT }, lang) });
  }
  const ks: { k: FourK; note: string }[] = [];
  for (const k of list(values['ks'] ?? '')) {
    if (!(FOUR_KS as readonly string[]).includes(k)) {
      errors.push({ field: 'ks', message: bt('err.k', { k }, lang) });
      continue;
    }
    const note = (values[kNoteField(k as FourK)] ?? '').trim();
    if (note === '')
      errors.push({
        field: kNoteField(k as FourK),
        message: bt('err.kNote', { k: bt(`k.${k as FourK}`, {}, lang) }, lang),
      });
    else if (note.length > 500)
      errors.push({
        field: kNoteField(k as FourK),
        message: bt('err.tooLong', { field: bt(`k.${k as FourK}`, {}, lang), max: 500 }, lang),
      });
    else ks.push({ k: k as FourK, note });
  }
  const actionIds = list(values['actions'] ?? '');
  if (ctx.knownActionIds)
    for (const id of actionIds)
      if (!ctx.knownActionIds.has(id)) errors.push({ field: 'actions', message: bt('err.action', { id }, lang) });
  if (errors.length > 0) return { ok: false, errors, values };
  const opt = (f: (typeof TEXT_FIELDS)[number]) => ((values[f] ?? '').trim() ? { [f]: (values[f] ?? '').trim() } : {});
  return {
    ok: true,
    update: {
      werkgroep,
      period,
      status: status as UpdateStatus,
      progress: (values['progress'] ?? '').trim(),
      ...opt('successes'),
      ...opt('nextSteps'),
      ...opt('blockers'),
      ...opt('decisionsNeeded'),
      ks,
      actionIds,
    },
  };
}

/** The card's input values for a stored update (to show it again, or edit it). */
export function valuesOf(u: ProgressUpdate): Record<string, string> {
  const v: Record<string, string> = {
    werkgroep: u.werkgroep,
    period: u.period,
    status: u.status,
    progress: u.progress,
    ks: u.ks.map((k) => k.k).join(','),
    actions: u.actionIds.join(','),
  };
  for (const f of TEXT_FIELDS) if (f !== 'progress' && u[f]) v[f] = u[f] as string;
  for (const k of u.ks) v[kNoteField(k.k)] = k.note;
  return v;
}
