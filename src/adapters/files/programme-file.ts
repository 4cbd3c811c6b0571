// Reads a programme file from disk and hands its bytes to the pure parser; never throws for a bad file.
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Params } from '../../domain/i18n.ts';
import { MAX_FILE_BYTES, parseProgramme, type ParseResult } from '../../domain/programme/parse.ts';

export type LoadResult = ParseResult & { hash?: string };

export async function loadProgrammeFile(filePath: string, displayName: string = filePath): Promise<LoadResult> {
  const fail = (key: 'file.notFound' | 'file.unreadable' | 'file.tooLarge', params: Params = {}): LoadResult => ({
    ok: false,
    problems: [{ file: displayName, line: 1, col: 1, key, params, path: [] }],
  });
  let bytes: Uint8Array;
  try {
    const handle = await open(filePath, 'r');
    try {
      const { size } = await handle.stat();
      // A huge file is refused before it is read into memory.
      if (size > MAX_FILE_BYTES) return fail('file.tooLarge', { size, max: MAX_FILE_BYTES });
      const buffer = Buffer.alloc(size);
      const { bytesRead } = await handle.read(buffer, 0, size, 0);
      bytes = buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('file.notFound');
    return fail('file.unreadable', { reason: code ?? 'unknown' });
  }
  const result = parseProgramme(bytes, displayName);
  if (!result.ok) return result;
  return { ...result, hash: createHash('sha256').update(bytes).digest('hex') };
}
