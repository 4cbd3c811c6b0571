// One process at a time on an embedded PGlite data directory. PGlite is PostgreSQL compiled to WebAssembly, one
// connection in one process, without the postmaster's own interlock: a second process on the same directory
// corrupts its memory ("Aborted(). Build with -sASSERTIONS") or the data. Every opener (the server, plan/apply/drift,
// the bench) takes this lock first: a file next to the directory (`<dir>.lock`), created atomically, holding the
// owner's pid, host, process start time and command.
//
// A lock whose owner is gone is taken over at once: the pid no longer runs, or it runs but started at another time
// (the pid was reused, e.g. after a restart), or it is this process's own pid without this process holding it.
// No timers or mtime refreshes (as in proper-lockfile), so a stalled event loop on a loaded machine never loses the
// lock and a process killed with SIGKILL never blocks the next one. A lock from another host is never broken.
import { link, open, readFile, rename, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import os from 'node:os';

/** Who holds a data directory: written as JSON into the lock file. */
export interface LockOwner {
  pid: number;
  host: string;
  /** Linux: the process's start time in clock ticks after boot (/proc/<pid>/stat field 22); null elsewhere. */
  startTicks: number | null;
  /** What the owner is doing, e.g. `start`, `plan` (shown to whoever is refused). */
  command: string;
  /** ISO 8601, when the lock was taken. */
  since: string;
}

/** The data directory is held by another live process (`owner`); the lock file is `file`. */
export class DataDirInUseError extends Error {
  readonly dir: string;
  readonly file: string;
  readonly owner: LockOwner;

  constructor(dir: string, file: string, owner: LockOwner) {
    super(`data directory ${dir} is in use by pid ${owner.pid} (${owner.command}) on ${owner.host}`);
    this.dir = dir;
    this.file = file;
    this.owner = owner;
    this.name = 'DataDirInUseError';
  }
}

/** A held lock; release() removes the lock file if it is still this holder's (idempotent). */
export interface DirLock {
  readonly file: string;
  release(): Promise<void>;
}

/** Lock files this process holds now (a second open of the same directory in one process is refused too). */
const held = new Set<string>();

/** Linux: the start time of `pid` in clock ticks after boot; null when unknown (no /proc, or no such process). */
function startTicksOf(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command name (which may contain spaces and parentheses) start at field 3.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[22 - 3]);
    return Number.isFinite(ticks) ? ticks : null;
  } catch {
    return null;
  }
}

/** Whether the process named in `owner` still runs on this host (never decided false for another host). */
function ownerAlive(file: string, owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return true;
  if (owner.pid === process.pid) return held.has(file);
  try {
    process.kill(owner.pid, 0);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const ticks = startTicksOf(owner.pid);
  return owner.startTicks === null || ticks === null || ticks === owner.startTicks;
}

function parseOwner(text: string): LockOwner | undefined {
  try {
    const o = JSON.parse(text) as Partial<LockOwner>;
    return typeof o.pid === 'number' && typeof o.host === 'string'
      ? {
          pid: o.pid,
          host: o.host,
          startTicks: typeof o.startTicks === 'number' ? o.startTicks : null,
          command: typeof o.command === 'string' ? o.command : '?',
          since: typeof o.since === 'string' ? o.since : '?',
        }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Creates the lock file with its content in one step: written to a temporary file, then hard-linked to the lock's
 * name (link fails with EEXIST when it exists), so nobody ever reads a half-written lock. False when it exists.
 */
async function tryCreate(file: string, content: string): Promise<boolean> {
  const temp = `${file}.${process.pid}.tmp`;
  const handle = await open(temp, 'w', 0o644);
  try {
    await handle.writeFile(content);
    await handle.sync();
  } finally {
    await handle.close();
  }
  try {
    await link(temp, file);
    return true;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw err;
  } finally {
    await rm(temp, { force: true });
  }
}

/**
 * Moves a stale lock file (content `stale`) aside. When another process replaced it in the meantime with a live
 * lock, that one is put back. Two processes breaking the same stale lock: one rename succeeds, the other gets ENOENT.
 */
async function breakStale(file: string, stale: string): Promise<void> {
  const aside = `${file}.stale-${process.pid}-${Date.now()}`;
  try {
    await rename(file, aside);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  const moved = await readFile(aside, 'utf8').catch(() => stale);
  if (moved !== stale) await link(aside, file).catch(() => undefined);
  await rm(aside, { force: true });
}

/**
 * Takes the lock on data directory `dir` for `command`. Throws DataDirInUseError when a live process holds it
 * (this one included); takes over a lock left by a process that is gone; rethrows file-system errors.
 */
export async function lockDataDir(dir: string, command: string): Promise<DirLock> {
  const file = `${dir}.lock`;
  const owner: LockOwner = {
    pid: process.pid,
    host: os.hostname(),
    startTicks: startTicksOf(process.pid),
    command,
    since: new Date().toISOString(),
  };
  const content = JSON.stringify(owner);
  // A few rounds: each round either takes the lock, finds a live owner, or removes one stale lock.
  for (let round = 0; round < 5; round++) {
    if (await tryCreate(file, content)) {
      held.add(file);
      let released = false;
      return {
        file,
        release: async () => {
          if (released) return;
          released = true;
          held.delete(file);
          const now = await readFile(file, 'utf8').catch(() => undefined);
          if (now === content) await rm(file, { force: true });
        },
      };
    }
    const text = await readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    const current = parseOwner(text);
    // A lock file that is not ours in shape (edited, truncated by a full disk) has no owner to wait for.
    if (current && ownerAlive(file, current)) throw new DataDirInUseError(dir, file, current);
    await breakStale(file, text);
  }
  throw new Error(`could not take the lock ${file}`);
}
