import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeDiff, diffProgrammes, isEmptyDiff } from './diff.ts';
import { parseProgramme } from './parse.ts';
import type { Programme } from './schema.ts';

async function minimal(): Promise<Programme> {
  const file = path.resolve(import.meta.dirname, '../../../tests/fixtures/programmes/minimal.yaml');
  const result = parseProgramme(await readFile(file), 'minimal.yaml');
  if (!result.ok) throw new Error('fixture must be valid');
  return result.programme;
}

describe('diffProgrammes', () => {
  it('finds nothing between a programme and itself, whatever the key order', async () => {
    const a = await minimal();
    const b = JSON.parse(JSON.stringify(a)) as Programme;
    b.people = b.people.map((p) => Object.fromEntries(Object.entries(p).reverse()) as typeof p);
    expect(isEmptyDiff(diffProgrammes(a, b))).toBe(true);
  });

  it('names added, removed and changed items per collection and changed settings', async () => {
    const a = await minimal();
    const b = JSON.parse(JSON.stringify(a)) as Programme;
    b.people.push({
      id: 'dirk',
      name: 'Dirk Delta',
      upn: 'dirk@alfa.example',
      gemeente: 'alfa',
      roles: [],
      hoursPerWeek: 2,
    });
    b.bodies = b.bodies.filter((x) => x.id !== 'wg-data');
    const cadence = b.cadences[0];
    if (!cadence) throw new Error('fixture has a cadence');
    cadence.start = '11:00';
    b.reminders.askDaysBefore = 10;
    const diff = diffProgrammes(a, b);
    expect(diff.people).toEqual({ added: ['dirk'], removed: [], changed: [] });
    expect(diff.bodies).toEqual({ added: [], removed: ['wg-data'], changed: [] });
    expect(diff.cadences.changed).toEqual(['regiegroep']);
    expect(diff.settingsChanged).toEqual(['reminders']);
    expect(describeDiff(diff)).toEqual([
      'personen: +1 −0 ~0 (+dirk)',
      'organen: +0 −1 ~0 (−wg-data)',
      'overlegritmes: +0 −0 ~1 (~regiegroep)',
      'instellingen: reminders',
    ]);
  });
});

describe('diffProgrammes and issue 16', () => {
  it('names a change to milestones, audiences or communication as a changed setting', async () => {
    const a = await minimal();
    const b = JSON.parse(JSON.stringify(a)) as Programme;
    b.milestones = [{ id: 'm1', date: '2026-06-01', title: 'Mijlpaal', celebrate: true }];
    b.communication = { news: { due: { type: 'last-day-of-month', day: 'weekday' }, audiences: [] } };
    const diff = diffProgrammes(a, b);
    expect(diff.settingsChanged).toEqual(['milestones', 'communication']);
    expect(isEmptyDiff(diff)).toBe(false);
  });
});
