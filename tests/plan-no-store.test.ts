// A read-only plan or drift with no embedded store yet (issue 14 §9): nothing has been applied, so there are no
// earlier records to read; the command plans against the tenant without creating (or even loading) a database.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalTenant, type LocalTenantHandle } from '@regiekamer/local-tenant';
import { loadProgrammeFile } from '../src/adapters/files/programme-file.ts';
import { localTenantDirectory } from '../src/entry/server/local-tenant-data.ts';

const root = path.resolve(import.meta.dirname, '..');
let dir: string;
let tenant: LocalTenantHandle;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rk-plan-no-store-'));
  const loaded = await loadProgrammeFile(path.join(root, 'programmes/bel.yaml'));
  if (!loaded.ok) throw new Error('bel.yaml does not load');
  tenant = await startLocalTenant({
    directory: localTenantDirectory(loaded.programme),
    dataDir: path.join(dir, 'local-tenant'),
    port: 0,
    httpPort: null,
  });
});
afterAll(async () => {
  await tenant?.stop();
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]): Promise<{ code: number | null; stdout: string; modules: string[] }> {
  const modulesFile = path.join(dir, `modules-${args[0]}.json`);
  const child = spawn(
    process.execPath,
    ['--import', './tests/support/module-trace.mjs', 'bin/regiekamer.js', ...args],
    {
      cwd: root,
      env: {
        ...process.env,
        RK_MODULES_FILE: modulesFile,
        REGIEKAMER_PROGRAMME: 'programmes/bel.yaml',
        REGIEKAMER_DATA_DIR: dir,
        REGIEKAMER_LANG: 'nl',
        LOG_LEVEL: 'silent',
      },
      stdio: ['ignore', 'pipe', 'ignore'],
    },
  );
  let stdout = '';
  child.stdout.on('data', (b: Buffer) => {
    stdout += b.toString();
  });
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, stdout, modules: JSON.parse(await readFile(modulesFile, 'utf8')) as string[] };
}

describe('plan and drift without an embedded store', () => {
  for (const [mode, expected] of [
    ['plan', /Plan voor .*wijziging/],
    ['drift', /afwijking/],
  ] as const) {
    it(`regiekamer ${mode} reads the tenant and creates no database`, { timeout: 120_000 }, async () => {
      const { code, stdout, modules } = await run([mode]);
      expect(code).toBe(0);
      expect(stdout).toMatch(expected);
      expect(existsSync(path.join(dir, 'pglite'))).toBe(false);
      expect(existsSync(path.join(dir, 'pglite.lock'))).toBe(false);
      expect(modules.filter((m) => /@electric-sql\/pglite|src\/adapters\/store\/open\.ts/.test(m))).toEqual([]);
    });
  }
});
