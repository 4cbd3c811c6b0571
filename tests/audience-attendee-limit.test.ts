// Graph's 500 attendees per event (docs/platform.md#input-limits) counts a cadence's audiences too (issue 16 §4):
// their people once each and every group address as one attendee. Validate names the field that pushes a meeting
// over, at its line and column; at the limit itself the file passes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { parseProgramme, type Problem } from '../src/domain/programme/parse.ts';
import { GRAPH_LIMITS } from '../src/domain/programme/limits.ts';

const minimal = readFileSync(path.resolve(import.meta.dirname, 'fixtures/programmes/minimal.yaml'), 'utf8');

/**
 * Every problem validate finds in the minimal programme (three people; its regiegroep cadence has two members) with
 * one audience of `groups` addresses (the first of them also a person's own address, which must not count twice) and
 * the OR-platform, invited to the regiegroep cadence.
 */
function validate(groups: number): Problem[] {
  const doc = parseDocument(minimal);
  doc.addIn(
    ['bodies'],
    doc.createNode({
      id: 'or',
      kind: 'ondernemingsraad',
      name: 'OR-platform',
      members: ['cor'],
      address: 'or@alfa.example',
    }),
  );
  const addresses = ['COR@alfa.example', ...Array.from({ length: groups }, (_, i) => `groep${i}@alfa.example`)];
  doc.set(
    'audiences',
    doc.createNode([
      { id: 'medewerkers', name: 'Medewerkers', addresses },
      { id: 'or-platform', name: 'OR-platform', bodies: ['or'] },
    ]),
  );
  doc.setIn(['cadences', 0, 'audiences'], doc.createNode(['medewerkers', 'or-platform']));
  const result = parseProgramme(new TextEncoder().encode(doc.toString({ lineWidth: 0 })), 'audiences.yaml');
  return result.ok ? [] : result.problems;
}

describe('the attendee limit with audiences', () => {
  // Anna and Bram (regiegroep), Cor (the OR's member) and the OR's address: 4 besides the groups.
  const besides = 4;

  it('passes a meeting of exactly the limit', () => {
    expect(validate(GRAPH_LIMITS.eventAttendees - besides)).toEqual([]);
  });

  it('refuses one more, at the cadence\u2019s audiences, with the count', () => {
    const problems = validate(GRAPH_LIMITS.eventAttendees - besides + 1);
    expect(problems.map((p) => [p.key, p.path, p.params])).toEqual([
      ['limit.attendees', ['cadences', 0, 'audiences'], { count: 501, max: 500 }],
    ]);
    expect(problems[0]?.line).toBeGreaterThan(1);
    expect(problems[0]?.col).toBeGreaterThan(0);
  });
});
