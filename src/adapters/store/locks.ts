// Advisory lock spaces of the store: the first key of pg_advisory_xact_lock(int, int), one per kind of work.
// 0x524b = 'RK', so the keys do not collide with another application's locks on a shared server.
export const LOCK = {
  migrations: 0x524b0001,
  programmeVersions: 0x524b0002,
  /** The job queue's schema hand-over from pg-boss 10 (src/adapters/queue/jobs.ts). */
  jobQueue: 0x524b0003,
} as const;
