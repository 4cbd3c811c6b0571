// A copy of the checkout in a temporary folder (its node_modules linked, not copied), for tests that build: the
// build replaces dist/, and other tests and people may be using the checkout's dist/ meanwhile.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, symlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
export const root = path.resolve(import.meta.dirname, '..', '..');
const NOT_COPIED = new Set(['node_modules', 'dist', '.git', '.regiekamer', 'test-results', 'coverage']);

/**
 * For npm: the environment a person's shell gives it, the test runner's own settings left out (NODE_OPTIONS,
 * VITEST_*, and the npm_* a surrounding `npm test` sets), the rest (CA certificates for the registry) kept.
 */
export const npmEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k !== 'NODE_OPTIONS' && !/^(VITEST|npm_)/i.test(k)),
);

/** Copies the checkout (without node_modules, dist, .git and local data) into `into`/checkout; returns that path. */
export async function copyCheckout(into: string): Promise<string> {
  const checkout = path.join(into, 'checkout');
  await cp(root, checkout, {
    recursive: true,
    filter: (from) => !NOT_COPIED.has(path.relative(root, from).split(path.sep)[0] ?? ''),
  });
  await symlink(path.join(root, 'node_modules'), path.join(checkout, 'node_modules'), 'dir');
  return checkout;
}

/**
 * `npm run build` in a fresh copy of the checkout; returns the copy's folder (its dist/ holds the build) and the
 * built command line's entry (dist/entry/cli/bin.js, run with plain node). Takes about half a minute.
 */
export async function buildInCopy(): Promise<{ dir: string; checkout: string; bin: string }> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rk-built-'));
  const checkout = await copyCheckout(dir);
  await run('npm', ['run', 'build'], { cwd: checkout, env: npmEnv, maxBuffer: 16 * 1024 * 1024 });
  return { dir, checkout, bin: path.join(checkout, 'dist', 'entry', 'cli', 'bin.js') };
}
