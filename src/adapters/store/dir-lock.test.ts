// One process per PGlite directory: a live owner (another process, or this one) is refused with its pid and
// command; a lock left by a process that is gone, or by a reused pid, is taken over at once; another host's never.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataDirInUseError, lockDataDir, type LockOwner } from './dir-lock.ts';

let root: string;
let dir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'rk-lock-'));
  dir = path.join(root, 'pglite');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

const owner = (o: Partial<LockOwner>): string =>
  JSON.stringify({
    pid: 1,
    host: os.hostname(),
    startTicks: null,
    command: 'start',
    since: '2026-11-29T10:00:00Z',
    ...o,
  });

/** A pid that surely ran and is gone: a child that has exited. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '0']);
  await once(child, 'exit');
  return child.pid ?? 0;
}

describe('lockDataDir', () => {
  it('refuses a second holder in the same process until the first releases', async () => {
    const first = await lockDataDir(dir, 'start');
    const second = lockDataDir(dir, 'plan');
    await expect(second).rejects.toBeInstanceOf(DataDirInUseError);
    await expect(second).rejects.toMatchObject({ owner: { pid: process.pid, command: 'start' } });
    await first.release();
    const third = await lockDataDir(dir, 'plan');
    expect(JSON.parse(await readFile(third.file, 'utf8'))).toMatchObject({ pid: process.pid, command: 'plan' });
    await third.release();
  });

  it('refuses while another live process holds the directory', async () => {
    // A live process other than this one: the parent test runner's.
    await writeFile(`${dir}.lock`, owner({ pid: process.ppid, startTicks: null, command: 'start' }));
    await expect(lockDataDir(dir, 'plan')).rejects.toMatchObject({
      owner: { pid: process.ppid, command: 'start' },
      file: `${dir}.lock`,
    });
  });

  it('takes over the lock of a process that is gone (e.g. killed with SIGKILL)', async () => {
    const pid = await deadPid();
    await writeFile(`${dir}.lock`, owner({ pid }));
    const lock = await lockDataDir(dir, 'plan');
    expect(JSON.parse(await readFile(lock.file, 'utf8'))).toMatchObject({ pid: process.pid });
    await lock.release();
  });

  it("takes over a lock naming this process's pid that this process does not hold (pid reused after a restart)", async () => {
    await writeFile(`${dir}.lock`, owner({ pid: process.pid }));
    const lock = await lockDataDir(dir, 'plan');
    await lock.release();
  });

  it.runIf(process.platform === 'linux')('takes over a lock whose pid runs but started at another time', async () => {
    await writeFile(`${dir}.lock`, owner({ pid: process.ppid, startTicks: 1 }));
    const lock = await lockDataDir(dir, 'plan');
    await lock.release();
  });

  it('takes over a lock file that is not a lock (truncated, edited)', async () => {
    await writeFile(`${dir}.lock`, '');
    const lock = await lockDataDir(dir, 'plan');
    await lock.release();
  });

  it("never breaks another host's lock, even with a pid that does not run here", async () => {
    await writeFile(`${dir}.lock`, owner({ pid: await deadPid(), host: `${os.hostname()}-other` }));
    await expect(lockDataDir(dir, 'plan')).rejects.toBeInstanceOf(DataDirInUseError);
  });

  it('release leaves a lock that is no longer its own alone', async () => {
    const lock = await lockDataDir(dir, 'plan');
    const theirs = owner({ pid: process.ppid });
    await writeFile(lock.file, theirs);
    await lock.release();
    expect(await readFile(`${dir}.lock`, 'utf8')).toBe(theirs);
  });
});
