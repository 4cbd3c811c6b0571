// `regiekamer validate` as a person runs it (the real command, its own process) on a representative set of broken
// files: each is refused with exit 2 and its problems as FILE:LINE:COL lines — never exit 1, "onverwachte fout" or a
// stack trace — and the 21 KB BEL file saved with old-Mac (CR) line ends or in UTF-16 is read as the programme it is.
// The large generated set runs at the function level (tests/parse-broken.test.ts).
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, it, type ExpectStatic } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
let dir = '';
/** The 21 KB programme file of the field report. */
const bel = readFileSync(path.join(root, 'programmes/bel.yaml'), 'utf8');

/** `regiekamer validate FILE` in its own process: exit code, stdout, stderr. */
function validate(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      ['bin/regiekamer.js', 'validate', file],
      { cwd: root, maxBuffer: 16 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
        resolve({ code, stdout, stderr });
      },
    );
  });
}

const utf16le = (text: string, bom: boolean) => Buffer.from(`${bom ? '\ufeff' : ''}${text}`, 'utf16le');

/** An alias bomb: nine levels of ten aliases of the level before (10⁹ nodes when expanded). */
const aliasBomb = () =>
  Array.from({ length: 9 }, (_, d) =>
    d === 0
      ? 'l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]'
      : `l${d}: &l${d} [${Array.from({ length: 10 }, () => `*l${d - 1}`).join(', ')}]`,
  ).join('\n');

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rk-broken-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** Writes `content` as `name` in the temporary directory and returns its path. */
async function file(name: string, content: string | Uint8Array): Promise<string> {
  const p = path.join(dir, name);
  await writeFile(p, content);
  return p;
}

/** Every line of `stdout` is a problem of the file at `p`: FILE:LINE:COL MESSAGE. */
function expectProblemLines(expect: ExpectStatic, stdout: string, p: string): void {
  const reported = stdout.trim().split('\n');
  expect(reported.length).toBeGreaterThan(0);
  for (const line of reported) {
    expect(line.startsWith(`${path.relative(root, p)}:`), line).toBe(true);
    expect(line.slice(path.relative(root, p).length)).toMatch(/^:\d+:\d+ \S/);
  }
}

describe('regiekamer validate on broken files (the real command)', () => {
  const lines = bel.split('\n');
  const broken: [string, () => string | Uint8Array, RegExp][] = [
    ['an alias bomb', aliasBomb, /:4:45 YAML-fout: de aliassen tot hier herhalen samen meer dan 10000 onderdelen/],
    ['5,000 nested lists', () => `a: ${'['.repeat(5_000)}${']'.repeat(5_000)}\n`, /:1:67 YAML-fout: te diep genest/],
    ['random bytes', () => new Uint8Array(Array.from({ length: 2_048 }, (_, i) => (i * 7919 + 13) % 256)), /:1:1 /],
    ['UTF-32', () => new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]), /:1:1 het bestand is UTF-32-gecodeerd/],
    ['a huge scalar', () => `format: 1\nprogramme:\n  name: ${'x'.repeat(900_000)}\n`, /:\d+:\d+ /],
    ['a tab as indentation', () => bel.replace(/\n {2}name:/, '\n\tname:'), /gebruik spaties, geen tabs/],
    ['a control character', () => bel.replace('\n', '\u0007\n'), /:1:\d+ onzichtbaar stuurteken U\+0007/],
  ];

  it.for(broken)(
    'refuses %s with exit 2 and FILE:LINE:COL, no stack trace',
    async ([name, content, expected], { expect }) => {
      const p = await file(`${name.replace(/\W+/g, '-')}.yaml`, content());
      const r = await validate(p);
      expect(r.code, `${r.stdout}${r.stderr}`).toBe(2);
      expectProblemLines(expect, r.stdout, p);
      expect(r.stdout).toMatch(expected);
      expect(`${r.stdout}${r.stderr}`).not.toMatch(/onverwachte fout|unexpected error|\n\s+at .+:\d+:\d+/);
    },
  );

  it('reports BEL cut in half at the same lines and columns with LF, CR LF and CR line ends', async ({ expect }) => {
    const cut = lines.slice(0, 190);
    const outputs: string[] = [];
    for (const [i, end] of (['\n', '\r\n', '\r'] as const).entries()) {
      const p = await file(`cut-${i}.yaml`, cut.join(end));
      const r = await validate(p);
      expect(r.code).toBe(2);
      expectProblemLines(expect, r.stdout, p);
      outputs.push(r.stdout.replaceAll(`cut-${i}.yaml`, 'cut.yaml'));
    }
    expect(outputs[1]).toBe(outputs[0]);
    expect(outputs[2]).toBe(outputs[0]);
  });

  it.for([
    ['with old-Mac line ends (CR only)', () => bel.replaceAll('\n', '\r')],
    ['in UTF-16 with BOM', () => utf16le(bel, true)],
  ] as const)('reads the 21 KB BEL file %s as the programme, exit 0', async ([name, content], { expect }) => {
    const r = await validate(await file(`bel-${name.replace(/\W+/g, '-')}.yaml`, content()));
    expect(r.code, `${r.stdout}${r.stderr}`).toBe(0);
    expect(r.stdout).toContain('Werkorganisatie BEL: 3 gemeenten, 34 personen, 12 organen (8 werkgroepen)');
  });
});
