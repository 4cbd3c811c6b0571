// The quarters the decision-lead-time trend is measured over.
import { describe, expect, it } from 'vitest';
import { quartersBefore } from './decisions.ts';

describe('quartersBefore', () => {
  it('gives the last quarters up to today, oldest first, across a year boundary', () => {
    expect(quartersBefore('2026-02-10', 3)).toEqual([
      { label: '2025-K3', from: '2025-07-01', to: '2025-09-30' },
      { label: '2025-K4', from: '2025-10-01', to: '2025-12-31' },
      { label: '2026-K1', from: '2026-01-01', to: '2026-03-31' },
    ]);
    expect(quartersBefore('2026-12-31', 1)).toEqual([{ label: '2026-K4', from: '2026-10-01', to: '2026-12-31' }]);
  });
});
