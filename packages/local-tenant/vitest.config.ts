import { defineConfig } from 'vitest/config';

// The package's tests alone (`npm test -w @regiekamer/local-tenant`): every test with TZ=UTC, and the calendar's
// again under Europe/Amsterdam, so no date computation depends on the machine's time zone.
const shared = { testTimeout: 60_000, hookTimeout: 60_000, pool: 'forks' as const };

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          ...shared,
          name: 'local-tenant',
          root: import.meta.dirname,
          include: ['src/**/*.test.ts'],
          env: { TZ: 'UTC' },
        },
      },
      {
        test: {
          ...shared,
          name: 'local-tenant-amsterdam',
          root: import.meta.dirname,
          include: ['src/calendar.test.ts'],
          env: { TZ: 'Europe/Amsterdam' },
        },
      },
    ],
  },
});
