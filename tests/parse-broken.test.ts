// Every broken programme file gets a clear refusal: parseProgramme never throws, never answers with its catch-all
// (`file.unexpected`, which would mean a fault of ours), and every problem points at a line and column inside the
// file with a message whose every placeholder is filled. The broken files are generated (fast-check): the 21 KB BEL
// file truncated at every line and anywhere in a line, random bytes, mutations (inserted text, tabs, duplicated
// lines, deleted ranges, huge scalars, deep nesting, alias bombs), and token soup. The same file read with LF,
// CR LF or CR line ends, in UTF-8 or UTF-16 (LE/BE, with or without BOM), has the same problems at the same places.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LANGS, messageSource, sourceArguments } from '../src/domain/i18n.ts';
import { parseProgramme, type ParseResult } from '../src/domain/programme/parse.ts';

const root = path.resolve(import.meta.dirname, '..');
/** The 21 KB programme of the field report (BEL) and the larger BLNP. */
const BEL = readFileSync(path.join(root, 'programmes/bel.yaml'), 'utf8');
const BLNP = readFileSync(path.join(root, 'programmes/blnp.yaml'), 'utf8');
const utf8 = (text: string) => new TextEncoder().encode(text);

type Encoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16le-bom' | 'utf16be' | 'utf16be-bom';
const ENCODINGS: Encoding[] = ['utf8', 'utf8-bom', 'utf16le', 'utf16le-bom', 'utf16be', 'utf16be-bom'];

/** `text` as bytes in `encoding` (a BOM where the name says so). */
function encode(text: string, encoding: Encoding): Uint8Array {
  const bom = encoding.endsWith('-bom') ? '\ufeff' : '';
  if (encoding.startsWith('utf8')) return utf8(bom + text);
  const le = Buffer.from(bom + text, 'utf16le');
  if (encoding.startsWith('utf16le')) return new Uint8Array(le);
  return new Uint8Array(Buffer.from(le).swap16());
}

/** `text` (LF line ends) with LF, CR LF or CR. */
const withLineEnds = (text: string, end: '\n' | '\r\n' | '\r') => text.replaceAll('\n', end);

/** What a result says, place by place, for comparing two readings of the same file. */
const summary = (r: ParseResult) => (r.ok ? ['ok'] : r.problems.map((p) => `${p.line}:${p.col} ${p.key}`));

/**
 * A result is either a programme or a clear refusal: problems that are not the catch-all, each at a line and column
 * inside `text` (when the text is known), each message with all its placeholders given.
 */
function expectClear(r: ParseResult, text?: string): void {
  if (r.ok) return;
  expect(r.problems.length).toBeGreaterThan(0);
  const lines = text?.replace(/\r\n?/g, '\n').split('\n');
  for (const p of r.problems) {
    expect(p.key, JSON.stringify(p)).not.toBe('file.unexpected');
    expect(Number.isInteger(p.line) && p.line >= 1, JSON.stringify(p)).toBe(true);
    expect(Number.isInteger(p.col) && p.col >= 1, JSON.stringify(p)).toBe(true);
    if (lines) {
      expect(p.line, JSON.stringify(p)).toBeLessThanOrEqual(lines.length);
      expect(p.col, JSON.stringify(p)).toBeLessThanOrEqual((lines[p.line - 1] ?? '').length + 1);
    }
    for (const lang of LANGS) {
      for (const name of sourceArguments(messageSource(p.key, lang), lang).keys())
        expect(p.params[name], `${p.key} needs ${name}`).toBeDefined();
    }
  }
}

/** In a `u` regex a surrogate pair is one code point, so this matches only a lone (ill-formed) surrogate. */
const LONE_SURROGATE = /[\uD800-\uDFFF]/u;

/** Text that is well-formed UTF-16 (no lone surrogates), as an editor would save it. */
const text = (o: { maxLength?: number; unit?: 'binary' | 'grapheme-ascii' } = {}) =>
  fc
    .string({ unit: o.unit ?? 'binary', maxLength: o.maxLength ?? 40 })
    .filter((s) => !LONE_SURROGATE.test(s) && !s.includes('\r'));

/** An offset at a line start of `seed`. */
const lineStarts = (seed: string) => [0, ...[...seed.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1)];

/** An alias bomb: `depth` levels, each anchoring a list of `breadth` aliases of the level before. */
function aliasBomb(breadth: number, depth: number, flow: boolean): string {
  const out = [`l0: &l0 [${Array.from({ length: breadth }, () => 'lol').join(', ')}]`];
  for (let d = 1; d < depth; d++) {
    const items = Array.from({ length: breadth }, () => `*l${d - 1}`);
    out.push(
      flow ? `l${d}: &l${d} [${items.join(', ')}]` : `l${d}: &l${d}\n${items.map((i) => `  - ${i}`).join('\n')}`,
    );
  }
  return `${out.join('\n')}\n`;
}

/** A change to the BEL file that breaks it (or, now and then, leaves it valid). */
const mutation: fc.Arbitrary<(seed: string) => string> = fc.oneof(
  fc.tuple(fc.nat(), text()).map(
    ([at, s]) =>
      (seed: string) =>
        seed.slice(0, at % seed.length) + s + seed.slice(at % seed.length),
  ),
  fc.tuple(fc.nat(), fc.nat({ max: 400 })).map(([at, n]) => (seed: string) => {
    const i = at % seed.length;
    return seed.slice(0, i) + seed.slice(i + n);
  }),
  // A line again (a duplicate key, mostly), or its indentation as a tab.
  fc.nat().map((at) => (seed: string) => {
    const lines = seed.split('\n');
    const i = at % lines.length;
    return [...lines.slice(0, i + 1), ...lines.slice(i)].join('\n');
  }),
  fc.nat().map((at) => (seed: string) => {
    const lines = seed.split('\n');
    const i = at % lines.length;
    lines[i] = (lines[i] ?? '').replace(/^ {1,2}/, '\t');
    return lines.join('\n');
  }),
  // A huge scalar where a value was.
  fc.tuple(fc.nat(), fc.integer({ min: 10_000, max: 600_000 })).map(([at, n]) => (seed: string) => {
    const lines = seed.split('\n');
    const i = at % lines.length;
    lines[i] = (lines[i] ?? '').replace(/: .*$/, `: ${'x'.repeat(n)}`);
    return lines.join('\n');
  }),
  // Deep nesting, in flow or block style, at the end of the file.
  fc.tuple(fc.integer({ min: 10, max: 5_000 }), fc.boolean()).map(([n, flow]) => (seed: string) => {
    const nested = flow
      ? `diep: ${'['.repeat(n)}${']'.repeat(n)}`
      : Array.from({ length: Math.min(n, 1_300) }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' x';
    return `${seed}\n${nested}\n`;
  }),
  fc.tuple(fc.integer({ min: 2, max: 12 }), fc.integer({ min: 2, max: 10 }), fc.boolean()).map(
    ([breadth, depth, flow]) =>
      (seed: string) =>
        `${seed}\n${aliasBomb(breadth, depth, flow)}`,
  ),
);

/** Fragments of YAML syntax strung together at random. */
const tokenSoup = fc
  .array(
    fc.constantFrom(
      ...[
        ': ',
        '- ',
        '? ',
        '[',
        ']',
        '{',
        '}',
        ',',
        '&a ',
        '*a',
        '&b ',
        '*b',
        '!!str ',
        '!!binary ',
        '!x ',
        '<<: ',
        '|',
        '>',
      ]
        .concat(['"', "'", '#', '%YAML 1.2\n', '---\n', '...\n', '\n', '  ', '\t', 'key', 'programme', 'bodies', '1'])
        .concat(['2027-04-27', 'null', '~', '\\u0000', '\ufeff', 'é', '🙂', '\u2028', '\u0085']),
    ),
    { maxLength: 200 },
  )
  .map((parts) => parts.join(''));

describe('parseProgramme on broken files', () => {
  it('reads BEL and BLNP alike with LF, CR LF and CR line ends and in UTF-8 and UTF-16, with or without BOM', () => {
    for (const seed of [BEL, BLNP]) {
      const reference = parseProgramme(utf8(seed), 'x');
      expect(reference.ok).toBe(true);
      for (const end of ['\n', '\r\n', '\r'] as const) {
        for (const encoding of ENCODINGS) {
          const r = parseProgramme(encode(withLineEnds(seed, end), encoding), 'x');
          expect(summary(r), `${JSON.stringify(end)} ${encoding}`).toEqual(['ok']);
          if (r.ok && reference.ok) expect(r.programme).toEqual(reference.programme);
        }
      }
    }
  });

  it('refuses BEL truncated at every line clearly, at a place inside the file', () => {
    const starts = lineStarts(BEL);
    let refused = 0;
    for (const at of starts) {
      const cut = BEL.slice(0, at);
      const r = parseProgramme(utf8(cut), 'bel.yaml');
      expectClear(r, cut);
      if (!r.ok) refused++;
    }
    // Most cuts lose required parts; the last ones keep a valid programme.
    expect(refused).toBeGreaterThan(starts.length / 2);
  });

  it('names the same problems at the same places whatever the line ends and encoding (cut anywhere)', () => {
    fc.assert(
      fc.property(
        fc.nat({ max: BEL.length }),
        fc.constantFrom('\r\n', '\r' as const),
        fc.constantFrom(...ENCODINGS),
        (at, end, encoding) => {
          const cut = BEL.slice(0, at);
          const reference = parseProgramme(utf8(cut), 'bel.yaml');
          expectClear(reference, cut);
          const other = parseProgramme(encode(withLineEnds(cut, end), encoding), 'bel.yaml');
          expect(summary(other)).toEqual(summary(reference));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a mutated BEL clearly, the same with every line end and encoding', () => {
    fc.assert(
      fc.property(
        mutation,
        fc.constantFrom('\n', '\r\n', '\r' as const),
        fc.constantFrom(...ENCODINGS),
        (mutate, end, encoding) => {
          const broken = mutate(BEL);
          const reference = parseProgramme(utf8(broken), 'bel.yaml');
          expectClear(reference, broken);
          // BOM-less UTF-16 is recognised by the zero byte of a first character below U+0100 (YAML 1.2 §5.2).
          const first = broken.charCodeAt(0);
          const bomless = encoding === 'utf16le' || encoding === 'utf16be';
          if (bomless && !(first > 0 && first < 0x100)) return;
          const bytes = encode(withLineEnds(broken, end), encoding);
          if (bytes.byteLength > 1024 * 1024) return;
          expect(summary(parseProgramme(bytes, 'bel.yaml'))).toEqual(summary(reference));
        },
      ),
      { numRuns: 80 },
    );
  });

  it('refuses random bytes clearly', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4_096 }), (bytes) => {
        expectClear(parseProgramme(bytes, 'random.yaml'));
      }),
      { numRuns: 300 },
    );
  });

  it('refuses YAML token soup clearly, at a place inside the text', () => {
    fc.assert(
      fc.property(tokenSoup, fc.constantFrom('\n', '\r\n', '\r' as const), (soup, end) => {
        const t = withLineEnds(soup, end);
        expectClear(parseProgramme(utf8(t), 'soup.yaml'), t);
      }),
      { numRuns: 400 },
    );
  });
});

describe('the faults of the field report', () => {
  it('points at the alias where an alias bomb explodes, not an unexpected error', () => {
    const bomb = aliasBomb(10, 9, true);
    const r = parseProgramme(utf8(bomb), 'bomb.yaml');
    expect(summary(r)).toEqual(['4:45 yaml.aliasBomb']);
  });

  it('names an alias without its anchor where it stands', () => {
    const r = parseProgramme(utf8('format: 1\nprogramme:\n  name: *naam\n'), 'x.yaml');
    expect(r.ok ? [] : r.problems.map((p) => [p.line, p.col, p.key, p.params['alias']])).toEqual([
      [3, 9, 'yaml.unknownAlias', 'naam'],
    ]);
  });

  it('refuses nesting deeper than the limit at the first node too deep, in flow and block style', () => {
    const flow = parseProgramme(utf8(`a: ${'['.repeat(200)}${']'.repeat(200)}\n`), 'x.yaml');
    expect(summary(flow)).toEqual(['1:67 yaml.tooDeep']);
    const block = Array.from({ length: 100 }, (_, i) => `${' '.repeat(i)}k:`).join('\n');
    expect(summary(parseProgramme(utf8(`${block} x\n`), 'x.yaml'))).toEqual(['64:64 yaml.tooDeep']);
  });

  it('reads the 21 KB BEL file with old-Mac line ends (CR only) as a programme, not as an empty file', () => {
    const r = parseProgramme(utf8(withLineEnds(BEL, '\r')), 'bel.yaml');
    expect(summary(r)).toEqual(['ok']);
  });

  it('refuses UTF-32 and damaged UTF-16 by name, and a control character where it is', () => {
    const utf32 = new Uint8Array([0xff, 0xfe, 0, 0, 0x61, 0, 0, 0]);
    expect(summary(parseProgramme(utf32, 'x.yaml'))).toEqual(['1:1 file.encoding']);
    expect(summary(parseProgramme(new Uint8Array([0xff, 0xfe, 0x61, 0x00, 0x3a]), 'x.yaml'))).toEqual([
      '1:1 file.invalidText',
    ]);
    expect(summary(parseProgramme(utf8('format: 1\r\nprogramme:\r\n  name: a\u0007b\r\n'), 'x.yaml'))).toEqual([
      '3:10 file.controlChar',
    ]);
  });
});
