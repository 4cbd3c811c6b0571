// The fast read of a programme file (js-yaml) gives exactly the data the careful read (yaml's Document) gives, or
// steps aside (undefined) so the careful read decides — for every shipped programme and fixture, for a generated
// 10,000-person programme, for the scalars a YAML 1.1 reader would read differently, and for arbitrary data.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocument, stringify } from 'yaml';
import { generateProgramme } from '../../../scripts/generate-programme.ts';
import { fastData } from './parse.ts';

const root = path.resolve(import.meta.dirname, '../../..');
const careful = (text: string): unknown => {
  const doc = parseDocument(text, { uniqueKeys: true });
  return doc.errors.length > 0 ? 'error' : doc.toJS({ maxAliasCount: -1 });
};
/** The fast read agrees with the careful one, or leaves the file to it. */
const agrees = (text: string) => {
  const fast = fastData(text);
  if (fast !== undefined) expect(fast).toEqual(careful(text));
  return fast !== undefined;
};

async function yamlFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...(await yamlFiles(p)));
    else if (/\.ya?ml$/.test(e.name)) out.push(p);
  }
  return out;
}

describe('the fast read of a programme file', () => {
  it('reads every shipped programme and fixture as the careful read does, or steps aside', async () => {
    const files = [
      ...(await yamlFiles(path.join(root, 'programmes'))),
      ...(await yamlFiles(path.join(root, 'tests/fixtures'))),
    ];
    expect(files.length).toBeGreaterThan(10);
    let fast = 0;
    for (const f of files) if (agrees(await readFile(f, 'utf8'))) fast++;
    // The valid programmes all take the fast way.
    expect(fast).toBeGreaterThanOrEqual(2);
    const blnp = await readFile(path.join(root, 'programmes/blnp.yaml'), 'utf8');
    expect(agrees(blnp)).toBe(true);
    expect(agrees(generateProgramme(blnp, 10_000))).toBe(true);
  });

  it('reads times, dates and YAML 1.1 look-alikes as YAML 1.2 strings and numbers, like the careful read', () => {
    const cases = [
      'start: 09:30',
      'from: 2026-11-29',
      'at: 2026-11-29T09:30:00Z',
      'flag: yes',
      'flag: off',
      'n: 010',
      'n: 0o14',
      'n: 0x1F',
      'n: 1_000',
      'n: .inf',
      'n: -.NaN',
      'n: 1e3',
      'x: ~',
      'x: null',
      'x: Null',
      'text: >\n  gevouwen\n  tekst\n',
      'text: |\n  letterlijk\n  tekst\n',
      "name: 'Financiën & Control'",
      'name: "tab\\tteken"',
      'list: [a, b, "c"]',
      'map: {a: 1, b: two}',
      '? complex\n: key',
      'empty:',
      '"1": a\n1: b',
    ];
    for (const c of cases) agrees(c);
    for (const c of ['start: 09:30', 'from: 2026-11-29', 'flag: yes', 'n: 010']) expect(agrees(c)).toBe(true);
  });

  it('leaves aliases, duplicate keys, several documents, syntax errors and deep nesting to the careful read', () => {
    expect(fastData('a: &x [1, 2]\nb: *x')).toBeUndefined();
    expect(fastData('b: *nothing')).toBeUndefined();
    expect(fastData('a: 1\na: 2')).toBeUndefined();
    expect(fastData('a: 1\n---\nb: 2')).toBeUndefined();
    expect(fastData('a: "unclosed')).toBeUndefined();
    expect(fastData(`${'['.repeat(70)}${']'.repeat(70)}`)).toBeUndefined();
  });

  it('agrees on arbitrary data written as YAML', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (value) => {
        agrees(stringify(value));
      }),
      { numRuns: 300 },
    );
  });
});
