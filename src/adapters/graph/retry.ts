// When and how long to wait before trying a call again: 429, 503 and 504 only; Retry-After when the service
// gives it (seconds or an HTTP date), otherwise exponential backoff with jitter; bounded attempts and time.

export interface RetryPolicy {
  /** Attempts in all, the first one included. */
  maxAttempts: number;
  /** No retry is started that would end later than this after the first attempt. */
  maxElapsedMs: number;
  /** First backoff without Retry-After; doubles per attempt up to capMs. */
  baseDelayMs: number;
  capDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  maxAttempts: 6,
  maxElapsedMs: 120_000,
  baseDelayMs: 1000,
  capDelayMs: 30_000,
};

export const RETRYABLE = new Set([429, 503, 504]);

/** Retry-After in milliseconds, or undefined when absent or unreadable. */
export function retryAfterMs(value: string | null | undefined, nowMs: number): number | undefined {
  if (!value) return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.ceil(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
}

/**
 * The wait before attempt `attempt + 1` (attempt counts from 1), or undefined when no retry may follow.
 * Jitter keeps the lower half of the backoff fixed so a wait is never near zero.
 */
export function retryDelay(
  input: { status: number; attempt: number; retryAfter: number | undefined; elapsedMs: number; random: () => number },
  policy: RetryPolicy = DEFAULT_RETRY,
): number | undefined {
  if (!RETRYABLE.has(input.status) || input.attempt >= policy.maxAttempts) return undefined;
  const backoff = Math.min(policy.capDelayMs, policy.baseDelayMs * 2 ** (input.attempt - 1));
  const delay = input.retryAfter ?? Math.round(backoff / 2 + input.random() * (backoff / 2));
  if (input.elapsedMs + delay > policy.maxElapsedMs) return undefined;
  return delay;
}
