// What a use case answers: a value, or a typed refusal with a code and a catalogue message. The edges map the
// code (HTTP status, CLI exit code, bot text); nothing here knows HTTP. Unexpected failures still throw.
import type { MessageKey, Params } from '../domain/i18n.ts';
import type { Programme } from '../domain/programme/schema.ts';
import type { Store } from '../adapters/store/store.ts';
import type { Clock } from '../domain/time/clock.ts';
import type { ActionView, ErrorCode } from './contract.ts';
import type { Permission, Refusal, Verdict } from './access.ts';

/** A refusal: `code` says which kind, `key`/`params` what to tell the person (rendered by the edge). */
export interface AppError {
  code: Exclude<ErrorCode, 'unauthorized' | 'internal'>;
  key: MessageKey;
  params: Params;
  /** forbidden only: why, as the access module said it. */
  refusal?: Refusal;
  /** changed only: the action as it is now, so the person sees what changed instead of overwriting it unseen. */
  current?: ActionView;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): { ok: true; value: T } => ({ ok: true, value });

export function fail(
  code: AppError['code'],
  key: MessageKey,
  params: Params = {},
  current?: ActionView,
): { ok: false; error: AppError } {
  return { ok: false, error: { code, key, params, ...(current ? { current } : {}) } };
}

/** 400 with what was wrong, field by field; nothing was changed. */
export const badInput = (detail: string) => fail('bad_input', 'api.badInput', { detail });

/** The message for a refusal reason (src/app/access.ts); any other reason is a decider's. */
const REFUSAL_KEYS: Partial<Record<string, MessageKey>> = {
  notMember: 'api.notMember',
  notMeasurer: 'api.notMeasurer',
  notOwnLoad: 'api.notOwnLoad',
  notProposer: 'api.notProposer',
  notChair: 'vergadering.notChair',
  notProjectleider: 'agendaItems.notEditor',
  notCommunicator: 'news.notEditor',
};

/**
 * A refused permission as an error, with the message for what was asked: `werkgroepName` names the werkgroep for
 * work.change. Undefined when the verdict allows it, so a use case reads `const no = refused(...); if (no) return no;`.
 */
export function refused(
  verdict: Verdict,
  what: Permission,
  werkgroepName = '',
): { ok: false; error: AppError } | undefined {
  if (verdict.allowed) return undefined;
  const reason = verdict.reason;
  const key: MessageKey =
    reason === 'notInProgramme'
      ? 'api.notInProgramme'
      : what.do === 'rhythm.trigger'
        ? 'api.notRhythmTrigger'
        : (REFUSAL_KEYS[reason] ?? 'api.notDecider');
  return {
    ok: false,
    error: {
      code: 'forbidden',
      key,
      params: key === 'api.notMember' ? { werkgroep: werkgroepName } : {},
      refusal: reason,
    },
  };
}

/** What every use case works with; `today` is YYYY-MM-DD in the programme's time zone. */
export interface AppDeps {
  store: Store;
  programme: Programme;
  clock: Clock;
  today(): string;
}
