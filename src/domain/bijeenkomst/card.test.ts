// The quarterly bijeenkomst's announcement (issue 16 §4): the milestones to celebrate — with celebrate: true, reached
// since the previous bijeenkomst (by local date, in the meeting's time zone) and the next three — added to the
// announcement card as valid Adaptive Cards 1.5 (the schema cards.test.ts uses), Dutch first, English available.
import { readFile } from 'node:fs/promises';
import AjvModule from 'ajv';
import ajvFormats from 'ajv-formats';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { announcementCard, type Card } from '../bot/cards.ts';
import { ProgrammeSchema, type Programme } from '../programme/schema.ts';
import { bijeenkomstAnnouncement, withMilestones } from './card.ts';
import { isBijeenkomst, milestonesToCelebrate } from './milestones.ts';

const schemaText = await readFile(new URL('../bot/adaptive-card.schema.json', import.meta.url), 'utf8');
const ajv = new AjvModule.default({ strict: false, allErrors: true });
ajv.addMetaSchema(draft6);
ajvFormats.default(ajv);
const { id: _id, ...schema } = JSON.parse(schemaText) as Record<string, unknown>;
const validate = ajv.compile(schema);
const expectValid = (card: Card) => {
  const ok = validate(card);
  expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
};

const milestone = (id: string, date: string, celebrate: boolean, phase?: number) => ({
  id,
  date,
  title: `Mijlpaal ${id}`,
  celebrate,
  ...(phase !== undefined ? { phase } : {}),
});

/** A programme whose bijeenkomst meets on 16 July and 15 October 2026 (and a werkoverleg that is none). */
function programme(start = '15:30'): Programme {
  return ProgrammeSchema.parse({
    version: 1,
    programme: {
      id: 'proef',
      name: 'Proef',
      organizer: 'regiekamer@alfa.example',
      team: { name: 'Proef', owners: ['anna'] },
    },
    gemeenten: [
      {
        id: 'alfa',
        name: 'Alfa',
        tenantId: '11111111-1111-4111-8111-111111111111',
        domain: 'alfa.example',
        host: true,
      },
    ],
    people: [{ id: 'anna', name: 'Anna Alfa', upn: 'anna@alfa.example', gemeente: 'alfa', hoursPerWeek: 24 }],
    bodies: [{ id: 'projectteam', kind: 'projectteam', name: 'Projectteam', members: ['anna'] }],
    audiences: [{ id: 'medewerkers', name: 'Medewerkers', addresses: ['medewerkers@alfa.example'] }],
    milestones: [
      // File order is not date order; m4 is not celebrated; m1 was celebrated at the previous bijeenkomst.
      milestone('m5', '2026-12-01', true),
      milestone('m2', '2026-09-01', true, 2),
      milestone('m1', '2026-07-16', true, 1),
      milestone('m4', '2026-09-10', false),
      milestone('m3', '2026-10-15', true),
      milestone('m7', '2027-03-01', true),
      milestone('m6', '2027-02-01', true),
      milestone('m8', '2027-06-01', true),
    ],
    cadences: [
      {
        id: 'bijeenkomst',
        name: 'Bijeenkomst voor alle betrokkenen',
        bodies: ['projectteam'],
        audiences: ['medewerkers'],
        rule: { type: 'dates', dates: ['2026-07-16', '2026-10-15'] },
        start,
        durationMinutes: 120,
        from: '2026-01-01',
        until: '2026-12-31',
      },
      {
        id: 'werkoverleg',
        name: 'Werkoverleg',
        bodies: ['projectteam'],
        rule: { type: 'dates', dates: ['2026-10-01'] },
        start: '10:00',
        durationMinutes: 60,
        from: '2026-01-01',
        until: '2026-12-31',
      },
    ],
  });
}

const announce = (lang: 'nl' | 'en') =>
  announcementCard({
    bodyName: 'Projectteam',
    start: new Date('2026-10-15T13:30:00Z'),
    end: new Date('2026-10-15T15:30:00Z'),
    timeZone: 'Europe/Amsterdam',
    openActions: [],
    lang,
  });
const texts = (card: Card) => (card['body'] as { text?: string }[]).map((e) => e.text ?? '');

describe('milestonesToCelebrate', () => {
  it('lists the celebrated milestones since the previous bijeenkomst (its day excluded, this one\u2019s included) and the next three', () => {
    const m = milestonesToCelebrate(programme(), '2026-10-15');
    expect(m.previous).toBe('2026-07-16');
    expect(m.reached.map((x) => x.id)).toEqual(['m2', 'm3']);
    expect(m.upcoming.map((x) => x.id)).toEqual(['m5', 'm6', 'm7']);
  });

  it('counts every celebrated milestone up to the first bijeenkomst as reached', () => {
    const m = milestonesToCelebrate(programme(), '2026-07-16');
    expect(m.previous).toBeUndefined();
    expect(m.reached.map((x) => x.id)).toEqual(['m1']);
  });

  it('takes a cadence with audience everyone or with audiences as a bijeenkomst, a body\u2019s own meeting not', () => {
    const [bijeenkomst, werkoverleg] = programme().cadences;
    expect(isBijeenkomst(bijeenkomst!)).toBe(true);
    expect(isBijeenkomst({ ...werkoverleg!, audience: 'everyone' })).toBe(true);
    expect(isBijeenkomst(werkoverleg!)).toBe(false);
  });
});

describe('the bijeenkomst announcement card', () => {
  it('adds the milestones below the announcement, Dutch first, valid Adaptive Cards 1.5', () => {
    const card = bijeenkomstAnnouncement(announce('nl'), {
      programme: programme(),
      cadenceId: 'bijeenkomst',
      start: new Date('2026-10-15T13:30:00Z'),
      lang: 'nl',
    });
    expectValid(card);
    expect(texts(card).slice(texts(announce('nl')).length)).toEqual([
      'Mijlpalen om te vieren',
      'Bereikt sinds de vorige bijeenkomst (16 juli 2026)',
      '• 1 september 2026 — **Mijlpaal m2** (fase 2)',
      '• 15 oktober 2026 — **Mijlpaal m3**',
      'Komende mijlpalen',
      '• 1 december 2026 — **Mijlpaal m5**',
      '• 1 februari 2027 — **Mijlpaal m6**',
      '• 1 maart 2027 — **Mijlpaal m7**',
    ]);
    const en = bijeenkomstAnnouncement(announce('en'), {
      programme: programme(),
      cadenceId: 'bijeenkomst',
      start: new Date('2026-10-15T13:30:00Z'),
      lang: 'en',
    });
    expectValid(en);
    expect(texts(en)).toContain('Reached since the previous bijeenkomst (16 July 2026)');
    expect(texts(en)).toContain('• 1 September 2026 — **Mijlpaal m2** (phase 2)');
  });

  it('takes the meeting\u2019s local date: a bijeenkomst at 00:30 in Amsterdam is on the 15th, not UTC\u2019s 14th', () => {
    const card = bijeenkomstAnnouncement(announce('nl'), {
      programme: programme('00:30'),
      cadenceId: 'bijeenkomst',
      start: new Date('2026-10-14T22:30:00Z'),
      lang: 'nl',
    });
    // Reached, so listed before the upcoming ones (with UTC's date it would be the first upcoming one).
    const lines = texts(card);
    const reached = lines.slice(lines.indexOf('Mijlpalen om te vieren'), lines.indexOf('Komende mijlpalen'));
    expect(reached).toContain('• 15 oktober 2026 — **Mijlpaal m3**');
  });

  it('leaves another meeting\u2019s announcement as it is, and one of a programme with nothing to celebrate', () => {
    const plainCard = announce('nl');
    const card = bijeenkomstAnnouncement(plainCard, {
      programme: programme(),
      cadenceId: 'werkoverleg',
      start: new Date('2026-10-01T08:00:00Z'),
      lang: 'nl',
    });
    expect(card).toBe(plainCard);
    // Nor does a bijeenkomst of a programme without milestones to celebrate get an empty section.
    const without = { ...programme(), milestones: programme().milestones.map((m) => ({ ...m, celebrate: false })) };
    const start = new Date('2026-10-15T13:30:00Z');
    expect(
      bijeenkomstAnnouncement(plainCard, { programme: without, cadenceId: 'bijeenkomst', start, lang: 'nl' }),
    ).toBe(plainCard);
  });

  it('says an empty list in words and cuts a long one at ten with a count', () => {
    const many = Array.from({ length: 12 }, (_, i) =>
      milestone(`r${i}`, `2026-08-${String(i + 10)}`, true),
    ) as Programme['milestones'];
    const card = withMilestones(announce('nl'), { reached: many, upcoming: [], previous: '2026-07-16', lang: 'nl' });
    expectValid(card);
    const lines = texts(card);
    expect(lines.filter((l) => l.startsWith('• '))).toHaveLength(10);
    expect(lines).toContain('… en nog 2 mijlpalen');
    expect(lines).toContain('Er staan geen mijlpalen meer gepland om te vieren.');
    const none = withMilestones(announce('en'), { reached: [], upcoming: [], lang: 'en' });
    expectValid(none);
    expect(texts(none)).toEqual(
      expect.arrayContaining([
        'Reached so far',
        'No milestone to celebrate has been reached since the previous bijeenkomst.',
        'No more milestones to celebrate are planned.',
      ]),
    );
  });
});
