// The sync records when there is no store yet: `plan` and `drift` only read the records of earlier runs (the Graph ids
// of what an apply made), and an embedded PGlite directory that was never created holds none. Reading nothing and
// creating nothing keeps a read-only command free of side effects and of PGlite's first-time setup (issue 14 §9:
// tens of seconds and most of the memory of `plan` on a fresh data directory).
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { GuestRecords } from './guest-records.ts';
import type { SyncRecords } from './sync-records.ts';

/**
 * Whether an embedded PGlite database exists in `dataDir`: initdb writes PG_VERSION into every data directory it
 * creates (https://www.postgresql.org/docs/current/storage-file-layout.html), so without it nothing was ever stored.
 */
export const embeddedStoreExists = (dataDir: string): boolean => existsSync(path.join(dataDir, 'PG_VERSION'));

/**
 * Sync records of a store that does not exist: no earlier objects, and a plan or drift run that is not recorded
 * (run id 0). Writing a journal or objects is an error: only `apply` does, and it always opens the store.
 */
export const noSyncRecords = (): SyncRecords => {
  const readOnly = (): never => {
    throw new Error('no store: only apply records changes, and it opens the store');
  };
  return {
    startRun: () => Promise.resolve(0),
    finishRun: () => Promise.resolve(),
    journal: readOnly,
    unfinished: () => Promise.resolve([]),
    saveObjects: readOnly,
    objects: () => Promise.resolve([]),
    lastRun: () => Promise.resolve(undefined),
  };
};

/**
 * Guest records of a store that does not exist: nobody stored, and a plan's guest states are not kept (they are read
 * from the host tenant again on every run; `apply` opens the store and keeps them).
 */
export const noGuestRecords = (): GuestRecords => ({
  save: () => Promise.resolve(),
  list: () => Promise.resolve([]),
});
