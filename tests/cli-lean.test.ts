// The CLI answers at once (issue 14 §9): a file that does not validate is refused before the Graph, store and sync
// code is loaded — checked by listing the modules the process loaded (tests/support/module-trace.mjs), not by time.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const INVALID = 'tests/fixtures/invalid/duplicate-id.yaml';
/** Modules only needed once a file is valid and the tenants are contacted. */
const HEAVY =
  /src\/adapters\/(graph|store|sync|queue|auth)\/|src\/app\/sync|@electric-sql\/pglite|microsoft-graph-client|msal-node|pg-boss|\/node_modules\/pg\//;
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rk-lean-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function modulesOf(args: string[]): Promise<{ code: number | null; modules: string[] }> {
  const file = path.join(dir, `modules-${args[0]}.json`);
  const child = spawn(
    process.execPath,
    ['--import', './tests/support/module-trace.mjs', 'bin/regiekamer.js', ...args],
    {
      cwd: root,
      env: {
        ...process.env,
        RK_MODULES_FILE: file,
        REGIEKAMER_PROGRAMME: INVALID,
        REGIEKAMER_DATA_DIR: dir,
        LOG_LEVEL: 'silent',
      },
      stdio: 'ignore',
    },
  );
  const [code] = (await once(child, 'exit')) as [number | null];
  return { code, modules: JSON.parse(await readFile(file, 'utf8')) as string[] };
}

describe('an invalid file is refused before the heavy modules load', () => {
  for (const args of [['validate', INVALID], ['plan'], ['apply', '--yes'], ['drift']]) {
    it(`regiekamer ${args.join(' ')}`, async () => {
      const { code, modules } = await modulesOf(args);
      expect(code).toBe(2);
      // The trace works: the command line's own modules are in it.
      expect(modules.some((m) => m.includes('src/entry/cli/main.ts'))).toBe(true);
      expect(modules.filter((m) => HEAVY.test(m))).toEqual([]);
    }, 120_000);
  }
});
