// The kind behind issue 14 §2, over generated cases (holiday policies × dates near every Dutch public holiday of
// 2026–2030 × a second cadence of the same body): no body ever gets two meetings on one day — validation refuses
// exactly the files that would, and the plan never makes them — and changing one date changes at most that one
// meeting. The generator is seeded, so a failure names a case that can be replayed.
import { describe, expect, it } from 'vitest';
import { checkSchedule } from '../programme/schedule-checks.ts';
import { ProgrammeSchema, type Programme, type ProgrammeInput } from '../programme/schema.ts';
import { expandCadence } from '../schedule/cadence.ts';
import { placeOccurrences } from '../schedule/collisions.ts';
import { dutchHolidays } from '../schedule/holidays.ts';
import { desiredState, type DesiredState } from './desired.ts';
import { plan, type ActualMeeting, type ActualState } from './plan.ts';

type CadenceInput = NonNullable<ProgrammeInput['cadences']>[number];
type Policy = 'skip' | 'next-working-day';

/** mulberry32: a small seeded generator, so every case can be replayed from its number. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const addDays = (date: string, n: number) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
};

/** Dates that make trouble: every public holiday of the year and the days around it, and a few ordinary days. */
function pool(year: number, rnd: () => number): string[] {
  const days = new Set<string>();
  for (const h of dutchHolidays(year).keys()) for (const n of [-1, 0, 1, 2, 3]) days.add(addDays(h, n));
  for (let i = 0; i < 8; i++) days.add(addDays(`${year}-01-01`, Math.floor(rnd() * 365)));
  return [...days].filter((x) => x.startsWith(String(year))).sort();
}

const pick = <T>(list: T[], rnd: () => number): T => list[Math.floor(rnd() * list.length)] as T;

interface Case {
  year: number;
  policy: Policy;
  dates: string[];
  other: CadenceInput | undefined;
  pool: string[];
  rnd: () => number;
}

function generate(seed: number): Case {
  const rnd = random(seed);
  const year = 2026 + Math.floor(rnd() * 5);
  const candidates = pool(year, rnd);
  const dates = [...new Set(Array.from({ length: 3 + Math.floor(rnd() * 5) }, () => pick(candidates, rnd)))];
  const policy: Policy = rnd() < 0.5 ? 'skip' : 'next-working-day';
  const kind = Math.floor(rnd() * 3);
  const span = { from: `${year}-01-01`, until: `${year}-12-31`, start: '14:00', durationMinutes: 60 };
  const other: CadenceInput | undefined =
    kind === 0
      ? undefined
      : kind === 1
        ? {
            id: 'extra',
            name: 'Extra',
            bodies: ['rg', 'wg'],
            rule: { type: 'dates', dates: [pick(candidates, rnd), pick(candidates, rnd)] },
            holidays: rnd() < 0.5 ? 'skip' : 'next-working-day',
            ...span,
          }
        : {
            id: 'week',
            name: 'Weekstart',
            bodies: ['wg'],
            rule: { type: 'weekly', weekday: pick(['monday', 'tuesday', 'thursday', 'friday'] as const, rnd) },
            holidays: rnd() < 0.5 ? 'skip' : 'next-working-day',
            ...span,
          };
  return { year, policy, dates, other, pool: candidates, rnd };
}

function programme(c: Case, dates: string[]): Programme {
  const ict: CadenceInput = {
    id: 'ict',
    name: 'Werkgroep ICT',
    bodies: ['wg'],
    rule: { type: 'dates', dates },
    start: '10:00',
    durationMinutes: 90,
    holidays: c.policy,
    from: `${c.year}-01-01`,
    until: `${c.year}-12-31`,
  };
  return ProgrammeSchema.parse({
    version: 1,
    programme: { id: 'proef', name: 'Proef', organizer: 'regie@alfa.example', team: { name: 'T', owners: ['anna'] } },
    gemeenten: [
      {
        id: 'alfa',
        name: 'Alfa',
        tenantId: '11111111-1111-4111-8111-111111111111',
        domain: 'alfa.example',
        host: true,
      },
    ],
    people: [{ id: 'anna', name: 'Anna Alfa', upn: 'anna@alfa.example', gemeente: 'alfa', hoursPerWeek: 8 }],
    bodies: [
      { id: 'wg', kind: 'projectteam', name: 'Werkgroep ICT', members: ['anna'] },
      { id: 'rg', kind: 'regiegroep', name: 'Regiegroep', members: ['anna'] },
    ],
    cadences: c.other ? [ict, c.other] : [ict],
  });
}

/** Every meeting day per body that the desired state makes: single meetings, and series after their exceptions. */
function meetingDays(p: Programme, d: DesiredState): string[] {
  const days: string[] = [];
  for (const m of d.meetings) {
    const bodies = p.cadences.find((c) => c.id === m.cadenceId)?.bodies ?? [];
    const own = m.recurrence
      ? m.ruleDates.flatMap((r) => {
          const x = m.exceptions.find((e) => e.originalDate === r);
          return x?.action === 'cancel' ? [] : [(x?.start ?? r).slice(0, 10)];
        })
      : [m.start.slice(0, 10)];
    for (const b of bodies) for (const day of own) days.push(`${b} ${day}`);
  }
  return days;
}

/** The calendar a perfect apply of `d` leaves: the single meetings of cadence 'ict'. */
function calendar(d: DesiredState): ActualState {
  const meetings = d.meetings
    .filter((m) => !m.recurrence)
    .map((m): ActualMeeting => ({
      id: `ev-${m.cadenceId}-${m.start.slice(0, 10)}`,
      transactionId: m.transactionId,
      subject: m.subject,
      bodyHtml: m.bodyHtml,
      attendees: ['anna@alfa.example'],
      instances: [{ id: 'i', originalDate: m.start.slice(0, 10), start: m.start, isException: false }],
      end: m.end,
    }));
  return { directory: {}, team: undefined, channels: [], meetings };
}

/** The day the file's `date` of cadence 'ict' takes place, or undefined when it does not (skipped, or gave way). */
function dayOf(p: Programme, date: string): string | undefined {
  const o = placeOccurrences(p.cadences)
    .byCadence.get('ict')
    ?.find((x) => x.originalDate === date);
  return o?.date && !o.collidesWith ? o.date : undefined;
}

const CASES = 200;

describe('dates × holiday policies (generated, seeded)', () => {
  it('no body meets twice on one day; validate refuses exactly the files where one would', () => {
    let refused = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const c = generate(seed);
      const p = programme(c, c.dates);
      const d = desiredState(p);
      const days = meetingDays(p, d);
      expect(days.length, `case ${seed}`).toBe(new Set(days).size);
      // A plan into an empty calendar makes exactly these meetings: one create per single meeting.
      const creates = plan(
        d,
        { directory: {}, team: undefined, channels: [], meetings: [] },
        { today: `${c.year - 1}-12-31` },
      ).filter((x) => x.kind === 'meeting' && x.action === 'create' && x.id.startsWith('event:'));
      expect(creates.length, `case ${seed}`).toBe(d.meetings.filter((m) => !m.recurrence).length);
      // What the naive expansion would have made twice is exactly what validation refuses.
      const naive = p.cadences.flatMap((cad) =>
        expandCadence(cad).flatMap((o) => (o.date ? cad.bodies.map((b) => `${b} ${o.date}`) : [])),
      );
      const twice = naive.length !== new Set(naive).size;
      const errors = checkSchedule(p).filter((x) => x.severity === 'error' && x.key === 'cadence.collision');
      expect(errors.length > 0, `case ${seed}`).toBe(twice);
      if (twice) refused++;
    }
    // The generator does reach the fault (Koningsdag and the next day, Easter Monday onto Tuesday, …).
    expect(refused).toBeGreaterThan(CASES / 20);
  });

  it('adding, removing or moving one date changes at most that one meeting', () => {
    let checked = 0;
    for (let seed = 1; seed <= CASES; seed++) {
      const c = generate(seed);
      const before = programme(c, c.dates);
      if (placeOccurrences(before.cadences).collisions.length > 0) continue;
      const fresh = c.pool.filter((x) => !c.dates.includes(x));
      const old = pick(c.dates, c.rnd);
      const neu = pick(fresh, c.rnd);
      const edits: [string, string[]][] = [
        ['add', [...c.dates, neu]],
        ['remove', c.dates.filter((x) => x !== old)],
        ['move', c.dates.map((x) => (x === old ? neu : x))],
      ];
      const actual = calendar(desiredState(before));
      for (const [edit, dates] of edits) {
        if (dates.length === 0) continue; // a dates cadence needs a date (the schema says so)
        const after = programme(c, dates);
        if (placeOccurrences(after.cadences).collisions.length > 0) continue; // refused by validate
        const changes = plan(desiredState(after), actual, { today: `${c.year - 1}-12-31` }).filter(
          (x) => x.group === 'ict',
        );
        const from = edit === 'add' ? undefined : dayOf(before, old);
        const to = edit === 'remove' ? undefined : dayOf(after, neu);
        const expected =
          from && to
            ? from === to
              ? []
              : [['move', { from, to }]]
            : from
              ? [['remove', { date: from }]]
              : to
                ? [['create', { from: to }]]
                : [];
        expect(
          changes.map((x) => [x.action, x.reason.params]),
          `case ${seed} ${edit} ${old}→${neu}`,
        ).toEqual(expected);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(CASES);
  });
});
