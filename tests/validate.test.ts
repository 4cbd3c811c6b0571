// `regiekamer validate` against files written by someone else: every broken fixture names its problems by line and column.
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { main } from '../src/entry/cli/main.ts';
import type { CliIo } from '../src/entry/cli/io.ts';

const root = path.resolve(import.meta.dirname, '..');
const invalidDir = path.join(root, 'tests/fixtures/invalid');

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  const io: CliIo = { stdout, stderr, stdin: new PassThrough(), env: {}, cwd: root };
  const code = await main(args, io);
  return { code, stdout: out, stderr: err };
}

function expectations(text: string): string[] {
  return [...text.matchAll(/^# expect: (\d+:\d+ [\w.]+)$/gm)].map((m) => m[1] as string).sort();
}

describe('regiekamer validate', () => {
  it('accepts a valid programme with exit 0 and a one-line summary', async () => {
    const { code, stdout } = await run(['validate', 'tests/fixtures/programmes/minimal.yaml']);
    expect(code).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toContain('geldig — Proefprogramma: 2 gemeenten, 3 personen, 4 organen (2 werkgroepen)');
  });

  it.each([
    ['programmes/blnp.yaml', 'Versterking samenwerking BLNP: 4 gemeenten, 55 personen, 16 organen (9 werkgroepen)'],
    ['programmes/bel.yaml', 'Werkorganisatie BEL: 3 gemeenten, 34 personen, 12 organen (8 werkgroepen)'],
  ])('the shipped programme %s is valid', async (file, summary) => {
    const { code, stdout } = await run(['validate', file]);
    expect(code).toBe(0);
    expect(stdout).toContain(summary);
  });

  describe('broken fixtures report every expected problem at its line and column', async () => {
    const files = (await readdir(invalidDir)).filter((f) => f.endsWith('.yaml'));
    const annotated: string[] = [];
    for (const f of files) {
      const text = await readFile(path.join(invalidDir, f), 'latin1');
      if (expectations(text).length > 0) annotated.push(f);
    }
    it('has an annotated fixture for each kind of problem', () => {
      expect(annotated.length).toBeGreaterThanOrEqual(18);
    });
    it.each(annotated)('%s', async (file) => {
      const text = await readFile(path.join(invalidDir, file), 'utf8');
      const { code, stdout } = await run(['validate', `tests/fixtures/invalid/${file}`, '--json']);
      expect(code).toBe(2);
      const result = JSON.parse(stdout) as { valid: boolean; problems: { line: number; col: number; code: string }[] };
      expect(result.valid).toBe(false);
      const actual = result.problems.map((p) => `${p.line}:${p.col} ${p.code}`).sort();
      expect(actual).toEqual(expectations(text));
    });
  });

  it('shows what it accepts but is probably not meant as warnings, bilingual, with exit 0', async () => {
    const file = 'tests/fixtures/programmes/warnings.yaml';
    const nl = await run(['validate', file]);
    expect(nl.code).toBe(0);
    expect(nl.stdout).toContain(`${file}:40:12 waarschuwing: het adres van 'Cor Alfa' is het organisatorpostvak`);
    expect(nl.stdout).toContain(`${file}:75:34 waarschuwing: datum 2027-04-24 valt op een zaterdag`);
    expect(nl.stdout).toContain(`${file}:81:11 waarschuwing: sendAt 07:30 valt in de stille uren (18:00–08:00)`);
    expect(nl.stdout).toContain('geldig — Proefprogramma');
    const en = await run(['validate', file, '--lang', 'en']);
    expect(en.stdout).toContain(`${file}:75:34 warning: date 2027-04-24 falls on a Saturday`);
    const json = await run(['validate', file, '--json']);
    const result = JSON.parse(json.stdout) as { valid: boolean; warnings: { line: number; code: string }[] };
    expect(result.valid).toBe(true);
    expect(result.warnings.map((w) => `${w.line} ${w.code}`)).toEqual([
      '40 warning.organizerEmail',
      '75 warning.weekendDate',
      '81 warning.sendAtQuiet',
    ]);
  });

  it.each([
    ['empty.yaml', 'het bestand is leeg'],
    ['comments-only.yaml', 'het bestand is leeg'],
    ['binary.yaml', 'dit is geen tekstbestand'],
  ])('refuses %s at 1:1', async (file, message) => {
    const { code, stdout } = await run(['validate', `tests/fixtures/invalid/${file}`]);
    expect(code).toBe(2);
    expect(stdout).toContain(`tests/fixtures/invalid/${file}:1:1 ${message}`);
  });

  it('refuses a huge file (> 2 MiB) without parsing it', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rk-huge-'));
    const file = path.join(dir, 'huge.yaml');
    const person = (i: number) =>
      `  - { id: p${i}, name: Persoon ${i}, upn: p${i}@alfa.example, gemeente: alfa, hoursPerWeek: 2 }\n`;
    await writeFile(file, `version: 1\npeople:\n${Array.from({ length: 28_000 }, (_, i) => person(i)).join('')}`);
    const { code, stdout } = await run(['validate', file]);
    expect(code).toBe(2);
    expect(stdout).toMatch(/:1:1 het bestand is te groot \(\d+ bytes; maximaal 2097152\)/);
  });

  it('names a missing file instead of crashing', async () => {
    const { code, stdout } = await run(['validate', 'programmes/bestaat-niet.yaml']);
    expect(code).toBe(2);
    expect(stdout).toContain('programmes/bestaat-niet.yaml:1:1 bestand niet gevonden');
  });

  it('speaks English with --lang en', async () => {
    const { code, stdout } = await run(['validate', 'tests/fixtures/invalid/unknown-person.yaml', '--lang', 'en']);
    expect(code).toBe(2);
    expect(stdout).toContain("unknown person 'dirk' [bodies[2].members[2]]");
  });

  it('reports several different problems in one file in one run', async () => {
    const { stdout } = await run(['validate', 'tests/fixtures/invalid/wrong-format.yaml']);
    expect(stdout.trim().split('\n').length).toBe(8);
  });

  it('the installed command exits 2 without a stack trace', async () => {
    const exec = promisify(execFile);
    const error = await exec(
      process.execPath,
      ['bin/regiekamer.js', 'validate', 'tests/fixtures/invalid/dependency-cycle.yaml'],
      { cwd: root },
    ).then(
      () => undefined,
      (e: { code: number; stdout: string; stderr: string }) => e,
    );
    expect(error?.code).toBe(2);
    expect(error?.stdout).toMatch(
      /dependency-cycle\.yaml:\d+:\d+ afhankelijkheden vormen een kringloop: wg-data → wg-ict → wg-data/,
    );
    expect(`${error?.stdout}${error?.stderr}`).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });
});
