// The single meetings of a `dates` cadence are individual meetings: adding, removing or moving one date touches that
// one meeting only; meetings synced before (their transactionId fingerprinted every date) are kept; a body never
// gets two meetings on one day, not even from a file validate would refuse.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { ProgrammeSchema, type ProgrammeInput } from '../programme/schema.ts';
import { desiredState, type DesiredState } from './desired.ts';
import { plan, type ActualMeeting, type ActualState, type Change } from './plan.ts';

const A = '11111111-1111-4111-8111-111111111111';
type CadenceInput = NonNullable<ProgrammeInput['cadences']>[number];

const cadence = (dates: string[], over: Partial<CadenceInput> = {}): CadenceInput => ({
  id: 'ict',
  name: 'Werkgroep ICT',
  bodies: ['wg'],
  rule: { type: 'dates', dates },
  start: '10:00',
  durationMinutes: 90,
  holidays: 'next-working-day',
  from: '2027-01-01',
  until: '2027-12-31',
  ...over,
});

function desired(cadences: CadenceInput[]): DesiredState {
  return desiredState(
    ProgrammeSchema.parse({
      version: 1,
      programme: { id: 'proef', name: 'Proef', organizer: 'regie@alfa.example', team: { name: 'T', owners: ['anna'] } },
      gemeenten: [{ id: 'alfa', name: 'Alfa', tenantId: A, domain: 'alfa.example', host: true }],
      people: [
        { id: 'anna', name: 'Anna Alfa', upn: 'anna@alfa.example', gemeente: 'alfa', hoursPerWeek: 8 },
        { id: 'cor', name: 'Cor Alfa', upn: 'cor@alfa.example', gemeente: 'alfa', hoursPerWeek: 8 },
      ],
      bodies: [
        { id: 'wg', kind: 'projectteam', name: 'Werkgroep ICT', members: ['anna', 'cor'] },
        { id: 'rg', kind: 'regiegroep', name: 'Regiegroep', members: ['anna'] },
      ],
      cadences,
    }),
  );
}

/** The calendar a perfect apply of `d` leaves (single meetings as Graph returns them, read in their zone). */
function calendar(d: DesiredState, txn: (m: DesiredState['meetings'][number]) => string = (m) => m.transactionId) {
  return d.meetings.map((m): ActualMeeting => ({
    id: `ev-${m.start.slice(0, 10)}`,
    transactionId: txn(m),
    subject: m.subject,
    bodyHtml: m.bodyHtml,
    attendees: m.attendees.map((p) => d.people[p]?.email ?? ''),
    instances: [
      { id: `ev-${m.start.slice(0, 10)}`, originalDate: m.start.slice(0, 10), start: m.start, isException: false },
    ],
    end: m.end,
  }));
}

const tenant = (meetings: ActualMeeting[]): ActualState => ({
  directory: {},
  team: undefined,
  channels: [],
  meetings,
});
/** Meeting changes only (the team and channels are not this test's business). */
const meetingChanges = (d: DesiredState, a: ActualState, today = '2027-01-10'): Change[] =>
  plan(d, a, { today }).filter((c) => c.kind === 'meeting' || c.kind === 'occurrence');
const four = ['2027-02-09', '2027-03-09', '2027-05-11', '2027-06-08'];

describe('single meetings of a dates cadence', () => {
  it('adding one date to four meetings plans one new meeting; the four keep their invitations and chat', () => {
    const before = tenant(calendar(desired([cadence(four)])));
    const changes = meetingChanges(desired([cadence([...four, '2027-04-13'])]), before);
    expect(changes.map((c) => [c.action, c.target, c.reason.key, c.reason.params])).toEqual([
      ['create', 'Werkgroep ICT (2027-04-13)', 'sync.reason.single', { from: '2027-04-13' }],
    ]);
  });

  it('removing one date removes that meeting only, as a change the file asks for (not drift)', () => {
    const before = tenant(calendar(desired([cadence(four)])));
    const changes = meetingChanges(desired([cadence(four.filter((x) => x !== '2027-03-09'))]), before);
    expect(changes.map((c) => [c.action, c.apply, c.reason.key, c.destructive, c.drift])).toEqual([
      ['remove', { op: 'removeMeeting', eventId: 'ev-2027-03-09' }, 'sync.reason.singleRemoved', false, false],
    ]);
  });

  it('moving one date moves that meeting (one update of its time), without cancelling or re-inviting', () => {
    const before = tenant(calendar(desired([cadence(four)])));
    const moved = four.map((x) => (x === '2027-03-09' ? '2027-03-16' : x));
    const changes = meetingChanges(desired([cadence(moved)]), before);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      action: 'move',
      target: 'Werkgroep ICT (2027-03-09)',
      reason: { key: 'sync.reason.singleMoved', params: { from: '2027-03-09', to: '2027-03-16' } },
      apply: {
        op: 'updateMeeting',
        eventId: 'ev-2027-03-09',
        patch: { start: { dateTime: '2027-03-16T10:00:00' }, end: { dateTime: '2027-03-16T11:30:00' } },
      },
    });
    expect(Object.keys((changes[0]?.apply as { patch: object }).patch).sort()).toEqual(['end', 'start']);
  });

  it('a date moved away and then written again gets a new meeting, not the moved one (transactionId is fixed)', () => {
    const d = desired([cadence(four)]);
    const moved = calendar(d).map((x) =>
      x.id === 'ev-2027-03-09'
        ? {
            ...x,
            instances: [{ ...(x.instances[0] as ActualMeeting['instances'][number]), start: '2027-03-16T10:00:00' }],
            end: '2027-03-16T11:30:00',
          }
        : x,
    );
    const changes = meetingChanges(desired([cadence([...four, '2027-03-16'])]), tenant(moved));
    expect(changes.map((c) => [c.action, c.target])).toEqual([['create', 'Werkgroep ICT (2027-03-09)']]);
    const apply = changes[0]?.apply;
    const event = { transactionId: apply?.op === 'createMeeting' ? String(apply.event['transactionId']) : '' };
    expect(event.transactionId).toMatch(/^rk-proef-ict-2027-03-09-[0-9a-f]{12}$/);
    expect(moved.map((x) => x.transactionId)).not.toContain(event.transactionId);
  });

  it('a new start time updates each future meeting in place; the past stays', () => {
    const before = tenant(calendar(desired([cadence(four)])));
    const changes = meetingChanges(desired([cadence(four, { start: '13:00' })]), before, '2027-03-01');
    expect(changes.map((c) => [c.action, c.target])).toEqual([
      ['update', 'Werkgroep ICT (2027-03-09)'],
      ['update', 'Werkgroep ICT (2027-05-11)'],
      ['update', 'Werkgroep ICT (2027-06-08)'],
    ]);
  });

  it('meetings synced before this change (transactionId over every date of the cadence) are kept as they are', () => {
    // The transactionId the previous version wrote: rk-{programme}-{cadence}-{date}-{sha256 of the cadence's timing}.
    const d = desired([cadence(four)]);
    const old = createHash('sha256')
      .update(
        JSON.stringify({
          rule: { type: 'dates', dates: four },
          start: '10:00',
          durationMinutes: 90,
          timeZone: 'Europe/Amsterdam',
          holidays: 'next-working-day',
          from: '2027-01-01',
          until: '2027-12-31',
        }),
      )
      .digest('hex')
      .slice(0, 12);
    const legacy = tenant(calendar(d, (m) => `rk-proef-ict-${m.ruleDates[0] ?? ''}-${old}`));
    expect(legacy.meetings[0]?.transactionId).not.toBe(d.meetings[0]?.transactionId);
    expect(meetingChanges(d, legacy)).toEqual([]);
    const added = meetingChanges(desired([cadence([...four, '2027-04-13'])]), legacy);
    expect(added.map((c) => [c.action, c.target])).toEqual([['create', 'Werkgroep ICT (2027-04-13)']]);
  });

  it('Koningsdag moved onto the next date of the cadence: one meeting on 28 April, never two', () => {
    // Validate refuses this file (cadence.collision); the plan is safe even without it.
    const d = desired([cadence(['2027-04-27', '2027-04-28'])]);
    expect(d.meetings.map((m) => m.start)).toEqual(['2027-04-28T10:00:00']);
    const changes = meetingChanges(d, tenant([]));
    expect(changes.map((c) => [c.action, c.target])).toEqual([['create', 'Werkgroep ICT (2027-04-28)']]);
  });

  it('a tenant that already has two meetings on 28 April (made before this fix) loses the moved one', () => {
    const d = desired([cadence(['2027-04-27', '2027-04-28'])]);
    const [kept] = calendar(d);
    const twice: ActualMeeting = {
      ...(kept as ActualMeeting),
      id: 'ev-moved',
      transactionId: 'rk-proef-ict-2027-04-27-0123456789ab',
    };
    const changes = meetingChanges(d, tenant([twice, kept as ActualMeeting]));
    expect(changes.map((c) => [c.action, c.apply, c.reason.key])).toEqual([
      ['remove', { op: 'removeMeeting', eventId: 'ev-moved' }, 'sync.reason.singleTwice'],
    ]);
  });

  it('a holiday move of a series onto a day another cadence of the body meets becomes a cancellation', () => {
    // Easter Monday 2027-03-29 would move to Tuesday 2027-03-30, where the body has a single meeting.
    const d = desired([
      cadence(['2027-03-30']),
      cadence([], {
        id: 'wekelijks',
        name: 'Weekstart',
        rule: { type: 'weekly', weekday: 'monday' },
        from: '2027-03-01',
        until: '2027-04-30',
      }),
    ]);
    const changes = meetingChanges(d, tenant([]));
    expect(changes.filter((c) => c.kind === 'occurrence').map((c) => [c.action, c.target, c.reason])).toEqual([
      ['cancel', 'Weekstart 2027-03-29', { key: 'sync.reason.collides', params: { date: '2027-03-30' } }],
    ]);
  });

  it('a date removed from the file after it took place is history: nothing changes', () => {
    const before = tenant(calendar(desired([cadence(four)])));
    const changes = meetingChanges(desired([cadence(four.slice(1))]), before, '2027-03-01');
    expect(changes).toEqual([]);
  });
});
