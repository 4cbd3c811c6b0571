// `regiekamer rapport` (issue 16 §2): with the clock on 2 December 2026 it writes November's report by default as
// rapportage-2026-11.docx, a .pdf by the --out file's extension, from a PGlite store seeded in a data directory; bad
// input (a month that is not one, a month to come, an unknown variant or extension, a directory that does not exist)
// is refused with exit 2 and a message in the chosen language, and nothing is written.
import { mkdir, mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../../../adapters/store/open.ts';
import { seedActions, seedDecisions, seedUpdates } from '../../../adapters/work/seed.ts';
import { FixedClock } from '../../../domain/time/clock.ts';
import { loadConfig } from '../../../platform/config.ts';
import { loadProgramme } from '../../../../tests/helpers/programmes.ts';
import type { CliIo } from '../io.ts';
import { rapportCommand, type RapportFlags } from './rapport.ts';

const root = path.resolve(import.meta.dirname, '../../../..');
const clock = new FixedClock('2026-12-02T09:00:00Z');
let dir: string;
let out: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rk-rapport-'));
  out = path.join(dir, 'out');
  await mkdir(out);
  const p = await loadProgramme('blnp');
  const pid = p.programme.id;
  const store = await openStore({ dataDir: path.join(dir, 'data', 'pglite') });
  try {
    await store.migrate();
    for (const a of seedActions(p, '2026-11-20')) await store.actions.save(pid, a, clock.now());
    for (const u of seedUpdates(p, new Date('2026-11-20T10:00:00Z'))) await store.bot.saveUpdate(pid, u);
    for (const d of seedDecisions(p, '2026-11-20', await store.actions.list(pid)))
      await store.decisions.save(pid, d, clock.now());
  } finally {
    await store.close();
  }
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function run(flags: RapportFlags, lang: 'nl' | 'en' = 'nl') {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let o = '';
  let e = '';
  stdout.on('data', (d: Buffer) => (o += d.toString()));
  stderr.on('data', (d: Buffer) => (e += d.toString()));
  const env = {
    LOG_LEVEL: 'silent',
    REGIEKAMER_DATA_DIR: path.join(dir, 'data'),
    REGIEKAMER_PROGRAMME: path.join(root, 'programmes/blnp.yaml'),
  };
  const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env, cwd: out };
  const code = await rapportCommand(io, loadConfig(env, out), flags, lang, clock);
  return { code, out: o, err: e };
}

describe('regiekamer rapport', () => {
  it("writes the previous month's report as .docx by default, and a .pdf by the extension", async () => {
    const docx = await run({});
    expect(docx.err).toBe('');
    expect(docx.code).toBe(0);
    const file = path.join(out, 'rapportage-2026-11.docx');
    expect(docx.out).toContain(file);
    expect((await readFile(file)).subarray(0, 2).toString()).toBe('PK');
    const pdf = await run({ maand: '2026-10', out: 'oktober.pdf', variant: 'informed' });
    expect(pdf.code).toBe(0);
    expect((await readFile(path.join(out, 'oktober.pdf'))).subarray(0, 5).toString()).toBe('%PDF-');
    expect((await readdir(out)).sort()).toEqual(['oktober.pdf', 'rapportage-2026-11.docx']);
  });

  it.each([
    [{ maand: '2026-13' }, "maand '2026-13' is geen maand"],
    [{ maand: 'november' }, "maand 'november' is geen maand"],
    [{ maand: '2027-01' }, 'maand 2027-01 is nog niet begonnen'],
    [{ out: 'rapport.txt' }, 'de extensie moet .docx of .pdf zijn'],
    [{ variant: 'stuurgroep' }, "variant 'stuurgroep' bestaat niet"],
    [{ out: 'bestaat-niet/rapport.docx' }, 'niets geschreven'],
  ] as [RapportFlags, string][])('refuses %o with exit 2 and writes nothing', async (flags, message) => {
    const before = await readdir(out);
    const r = await run(flags);
    expect(r.code).toBe(2);
    expect(r.err).toContain(message);
    expect(r.err).not.toMatch(/\n\s+at /);
    expect(await readdir(out)).toEqual(before);
  });

  it('says it in English with --lang en', async () => {
    const r = await run({ maand: '2026-13' }, 'en');
    expect(r.code).toBe(2);
    expect(r.err).toContain("month '2026-13' is not a month");
  });
});
