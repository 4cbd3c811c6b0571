import { defineConfig } from 'vitest/config';

// Every test runs with TZ=UTC; date code (domain and the local tenant's calendar) runs again under
// Europe/Amsterdam, so nothing depends on the machine's time zone.
const shared = {
  testTimeout: 60_000,
  hookTimeout: 120_000,
  pool: 'forks' as const,
};

export default defineConfig({
  test: {
    reporters: ['default', './tests/setup/summary-reporter.ts'],
    projects: [
      {
        test: {
          ...shared,
          name: 'utc',
          globalSetup: ['tests/setup/postgres.ts'],
          include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'tests/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
          env: { TZ: 'UTC' },
        },
      },
      {
        test: {
          ...shared,
          name: 'amsterdam',
          include: ['src/domain/**/*.test.ts', 'packages/local-tenant/src/calendar.test.ts'],
          env: { TZ: 'Europe/Amsterdam' },
        },
      },
    ],
  },
});
