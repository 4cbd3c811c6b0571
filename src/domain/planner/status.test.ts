// The status rule on its own: every bucket × progress × agreed status gives a status whose write makes bucket and
// progress agree and reads back as the same status; a bucket outside the four leaves status to progress.
import { describe, expect, it } from 'vitest';
import { ACTION_STATUSES, type ActionStatus } from '../vocabulary.ts';
import { progressFor, showsStatus, statusFromPlanner } from './status.ts';

const PROGRESS = [0, 25, 50, 100];
const AGREED: (ActionStatus | undefined)[] = [undefined, ...ACTION_STATUSES];

describe('status from bucket and percentComplete', () => {
  it('what is written for the status it means agrees, and reads back as that status', () => {
    for (const bucket of ACTION_STATUSES)
      for (const percent of PROGRESS)
        for (const agreed of AGREED) {
          const status = statusFromPlanner(bucket, percent, agreed);
          const written = progressFor(status, percent);
          expect(showsStatus(status, status, written)).toBe(true);
          expect(statusFromPlanner(status, written, status)).toBe(status);
          expect(statusFromPlanner(status, written, undefined)).toBe(status);
        }
  });

  it('a bucket outside the four: progress decides, the agreed status kept while progress fits it', () => {
    expect(statusFromPlanner(undefined, 100, 'open')).toBe('gereed');
    expect(statusFromPlanner(undefined, 0, 'gereed')).toBe('open');
    expect(statusFromPlanner(undefined, 50, 'wacht')).toBe('wacht');
    expect(statusFromPlanner(undefined, 0, 'wacht')).toBe('wacht');
    expect(statusFromPlanner(undefined, 50, undefined)).toBe('loopt');
    expect(showsStatus('loopt', undefined, 50)).toBe(true);
    expect(showsStatus('loopt', undefined, 0)).toBe(false);
  });
});
