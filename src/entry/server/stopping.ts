// Stopping within a bound: each step of the stack's stop has a label (the component, as in the log's `component`),
// and stopWithin() waits at most a given time for all of them; past it, it answers which step it was waiting for,
// so `regiekamer start` can say so and exit rather than hang after Ctrl-C.

const labels = new WeakMap<() => Promise<void>, string>();

/** `fn` with a label for stopWithin's answer (e.g. 'store', 'local-tenant', 'http'). */
export function step(label: string, fn: () => Promise<void>): () => Promise<void> {
  labels.set(fn, label);
  return fn;
}

/** The label step() gave `fn`, else its name, else '?'. */
export function labelOf(fn: () => Promise<void>): string {
  return labels.get(fn) ?? (fn.name || '?');
}

/** Stopped in time, or not: then the step it was still waiting for. */
export type StopOutcome = { stopped: true } | { stopped: false; waitingFor: string };

/**
 * Runs `stop` (which reports each step it starts through `onStep`) and waits until it ends or `expired` resolves,
 * whichever is first. A step that throws counts as stopped (the error is rethrown); `expired` is injected so tests
 * decide when the bound has passed (the server passes a timer of STOP_BOUND_MS).
 */
export async function stopWithin(
  stop: (onStep: (label: string) => void) => Promise<void>,
  expired: Promise<void>,
): Promise<StopOutcome> {
  let current = '?';
  const done = stop((label) => {
    current = label;
  }).then((): StopOutcome => ({ stopped: true }));
  const late = expired.then((): StopOutcome => ({ stopped: false, waitingFor: current }));
  return Promise.race([done, late]);
}

/** How long `regiekamer start` waits for its stop after Ctrl-C, in milliseconds. */
export const STOP_BOUND_MS = 10_000;

/** A promise that resolves after `ms` without keeping the process alive (an unref'd timer). */
export function after(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}
