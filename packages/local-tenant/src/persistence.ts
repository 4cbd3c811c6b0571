// Keeps the local tenant's state in <dataDir>/state.json: written atomically (temp file + rename), debounced
// after changes, flushed on stop. A missing file means a fresh start; a damaged one stops the start.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { LocalTenantState } from './core.ts';

export class StateFileError extends Error {
  readonly file: string;

  constructor(file: string, reason: string) {
    super(
      `De toestand van de lokale tenant in ${file} is onleesbaar (${reason}); start met --reset. / ` +
        `The local tenant state in ${file} is unreadable (${reason}); start with --reset.`,
    );
    this.file = file;
    this.name = 'StateFileError';
  }
}

export async function loadState(file: string): Promise<LocalTenantState | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new StateFileError(file, err instanceof Error ? err.message : 'invalid JSON');
  }
  const s = parsed as Partial<LocalTenantState> | null;
  if (!s || s.version !== 1 || typeof s.tenants !== 'object' || s.tenants === null || !Array.isArray(s.apps)) {
    throw new StateFileError(file, 'unexpected shape');
  }
  return s as LocalTenantState;
}

export async function writeFileAtomic(file: string, content: string, mode = 0o600): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    await writeFile(temp, content, { encoding: 'utf8', mode });
    await rename(temp, file);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

/** Debounced, serialised saving of one state object. With no file (memory mode) it does nothing. */
export class StateSaver {
  private readonly file: string | undefined;
  private readonly snapshot: () => LocalTenantState;
  private readonly debounceMs: number;
  private readonly onError: (err: unknown) => void;

  private timer: NodeJS.Timeout | undefined;
  private dirty = false;
  private writing: Promise<void> = Promise.resolve();
  private lastError: unknown;

  constructor(
    file: string | undefined,
    snapshot: () => LocalTenantState,
    debounceMs: number,
    onError: (err: unknown) => void,
  ) {
    this.file = file;
    this.snapshot = snapshot;
    this.debounceMs = debounceMs;
    this.onError = onError;
  }

  changed(): void {
    if (!this.file) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.save().then(() => {
        if (this.lastError === undefined) return;
        const err = this.lastError;
        this.lastError = undefined;
        this.onError(err);
      });
    }, this.debounceMs);
    this.timer.unref();
  }

  /** Writes now if anything changed since the last write; resolves when the file is on disk. */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.save();
    if (this.lastError) {
      const err = this.lastError;
      this.lastError = undefined;
      throw err;
    }
  }

  private save(): Promise<void> {
    const file = this.file;
    if (!file) return Promise.resolve();
    this.writing = this.writing
      .then(async () => {
        if (!this.dirty) return;
        this.dirty = false;
        try {
          await writeFileAtomic(file, JSON.stringify(this.snapshot()));
        } catch (err) {
          this.dirty = true;
          this.lastError = err;
          throw err;
        }
      })
      .catch((err: unknown) => {
        // Keep the chain usable for the next save; the error is reported through flush() or onError.
        this.lastError = err;
      });
    return this.writing;
  }
}
