// Stopping within a bound: a step that hangs (an injected dependency that never answers) is named once the bound
// has passed; the bound is a promise the test resolves, not a wait.
import { describe, expect, it } from 'vitest';
import { labelOf, step, stopWithin } from './stopping.ts';

/** A stop like the stack's: the steps in order, each announced before it runs. */
const stopOf =
  (steps: (() => Promise<void>)[]) =>
  async (onStep: (label: string) => void): Promise<void> => {
    for (const fn of steps) {
      onStep(labelOf(fn));
      await fn();
    }
  };

describe('stopWithin', () => {
  it('names the step it is still waiting for when the bound passes', async () => {
    let expire: () => void = () => undefined;
    const expired = new Promise<void>((resolve) => {
      expire = resolve;
    });
    const ran: string[] = [];
    const hanging = step('local-tenant', () => new Promise<void>(() => undefined));
    const outcome = stopWithin(
      stopOf([
        step('http', async () => {
          ran.push('http');
        }),
        hanging,
        step('store', async () => {
          ran.push('store');
        }),
      ]),
      expired,
    );
    expire();
    expect(await outcome).toEqual({ stopped: false, waitingFor: 'local-tenant' });
    expect(ran).toEqual(['http']);
  });

  it('answers stopped when every step ends before the bound', async () => {
    const never = new Promise<void>(() => undefined);
    const outcome = await stopWithin(
      stopOf([step('http', async () => undefined), step('store', async () => undefined)]),
      never,
    );
    expect(outcome).toEqual({ stopped: true });
  });
});
