// The reminder rhythm over a month of BLNP meetings (December 2026), with exact due times in Europe/Amsterdam;
// a meeting moved or cancelled by hand; weekends, public holidays and quiet hours; and the ledger reconcile.
import { describe, expect, it } from 'vitest';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import {
  applyOverrides,
  inQuietHours,
  meetingOccurrences,
  reconcileDeliveries,
  reminderPlan,
  type PlannedDelivery,
} from './rhythm.ts';
import { DateTime } from 'luxon';

const blnp = await loadProgramme('blnp');
const december = { from: new Date('2026-12-01T00:00:00+01:00'), until: new Date('2027-01-01T00:00:00+01:00') };
const local = (d: Date) => DateTime.fromJSDate(d, { zone: 'Europe/Amsterdam' }).toFormat('yyyy-LL-dd HH:mm ccc');
const trekkers = blnp.bodies.flatMap((b) => (b.kind === 'werkgroep' ? [b.trekker] : []));
const byKind = (plan: PlannedDelivery[]) =>
  plan.reduce<Record<string, number>>((acc, d) => ({ ...acc, [d.kind]: (acc[d.kind] ?? 0) + 1 }), {});

describe('the reminder rhythm for a month of BLNP meetings', () => {
  const plan = reminderPlan(blnp, meetingOccurrences(blnp), december, new Set(['pl-marieke', 'th-ict']));

  it('asks, nudges and compiles around the regiegroep of 8 December, announces every meeting, digests weekly', () => {
    expect(trekkers).toHaveLength(9);
    // 9 werkgroepen: 9 asks and 9 nudges; one compile; 8 announcements (7 December meetings in 8 channels… see below); 2 owners × 4 Mondays.
    expect(byKind(plan)).toEqual({ ask: 9, nudge: 9, compile: 1, announce: 8, digest: 8 });
    const ask = plan.filter((d) => d.kind === 'ask');
    expect(new Set(ask.map((d) => d.recipient))).toEqual(new Set(trekkers));
    // 7 days before Tuesday 8 December at 09:00 local.
    expect(new Set(ask.map((d) => local(d.dueAt)))).toEqual(new Set(['2026-12-01 09:00 Tue']));
    // 2 days before is Sunday 6 December: the nudge moves to the working day before.
    expect(new Set(plan.filter((d) => d.kind === 'nudge').map((d) => local(d.dueAt)))).toEqual(
      new Set(['2026-12-04 09:00 Fri']),
    );
    expect(plan.filter((d) => d.kind === 'compile').map((d) => [d.recipient, local(d.dueAt)])).toEqual([
      ['channel:regiegroep', '2026-12-07 09:00 Mon'],
    ]);
    // Every key is unique: a message is planned once.
    expect(new Set(plan.map((d) => d.key)).size).toBe(plan.length);
  });

  it("announces the working day before, skipping New Year's Day, in every channel of the meeting", () => {
    const announce = plan.filter((d) => d.kind === 'announce').map((d) => `${d.recipient} ${local(d.dueAt)}`);
    expect(announce).toEqual([
      'channel:pg-harmonisatie 2026-12-04 09:00 Fri', // Monday 7 Dec: the Friday before
      'channel:regiegroep 2026-12-07 09:00 Mon',
      'channel:pg-harmonisatie 2026-12-08 09:00 Tue', // gezamenlijk overleg of both projectgroepen, Wednesday 9 Dec
      'channel:pg-inrichting-gr 2026-12-08 09:00 Tue',
      'channel:pg-inrichting-gr 2026-12-09 09:00 Wed',
      'channel:pg-harmonisatie 2026-12-18 09:00 Fri',
      'channel:pg-inrichting-gr 2026-12-23 09:00 Wed',
      // Monday 4 January 2027: Sunday, then New Year's Day, then Thursday 31 December.
      'channel:pg-harmonisatie 2026-12-31 09:00 Thu',
    ]);
  });

  it('sends digests on Mondays, the next working day when Monday is a holiday', () => {
    const digests = plan
      .filter((d) => d.kind === 'digest' && d.recipient === 'th-ict')
      .map((d) => `${d.week} ${local(d.dueAt)}`);
    expect(digests).toEqual([
      '2026-W50 2026-12-07 09:00 Mon',
      '2026-W51 2026-12-14 09:00 Mon',
      '2026-W52 2026-12-21 09:00 Mon',
      '2026-W53 2026-12-28 09:00 Mon',
    ]);
    // Easter Monday 2027 (29 March): the digest goes on Tuesday.
    const easter = reminderPlan(
      blnp,
      [],
      { from: new Date('2027-03-29T00:00:00+02:00'), until: new Date('2027-04-01T00:00:00+02:00') },
      new Set(['th-ict']),
    );
    expect(easter.map((d) => local(d.dueAt))).toEqual(['2027-03-30 09:00 Tue']);
  });

  it('a meeting moved by hand moves its reminders; a cancelled one cancels them; sent ones stay', () => {
    const occurrences = meetingOccurrences(blnp);
    // The regiegroep of 8 December moves to Thursday 10 December.
    const moved = applyOverrides(occurrences, [
      { key: 'regiegroep:2026-12-08', start: new Date('2026-12-10T14:00:00Z'), end: new Date('2026-12-10T15:30:00Z') },
    ]);
    const after = reminderPlan(blnp, moved, december, new Set());
    const existing = plan
      .filter((d) => d.kind !== 'digest')
      .map((d) => ({
        key: d.key,
        dueAt: d.dueAt,
        status: d.kind === 'ask' ? ('sent' as const) : ('pending' as const),
      }));
    const r = reconcileDeliveries(after, existing, december);
    expect(r.create).toEqual([]);
    // The asks were sent already (3 December would be the new date): history is not rewritten.
    expect(r.move.filter((m) => m.key.startsWith('ask|'))).toEqual([]);
    const movedTo = Object.fromEntries(r.move.map((m) => [m.key.split('|')[0], local(m.dueAt)]));
    expect(movedTo).toEqual({
      nudge: '2026-12-08 09:00 Tue',
      compile: '2026-12-09 09:00 Wed',
      announce: '2026-12-09 09:00 Wed',
    });
    expect(r.move.filter((m) => m.key.startsWith('nudge|'))).toHaveLength(9);

    // Cancelled: every pending message of that meeting is cancelled, nothing else.
    const cancelled = applyOverrides(occurrences, [{ key: 'regiegroep:2026-12-08', cancelled: true }]);
    const c = reconcileDeliveries(reminderPlan(blnp, cancelled, december, new Set()), existing, december);
    expect(c.create).toEqual([]);
    expect(c.move).toEqual([]);
    expect(c.cancel.every((k) => k.includes('|regiegroep:2026-12-08|'))).toBe(true);
    expect(c.cancel).toHaveLength(9 + 1 + 1); // nudges, compile, announcement (asks were sent)
    // Planned again after a cancel: created again under the same key.
    const again = reconcileDeliveries(
      plan.filter((d) => d.kind !== 'digest'),
      existing.map((e) => (c.cancel.includes(e.key) ? { ...e, status: 'cancelled' as const } : e)),
      december,
    );
    expect(again.create.map((d) => d.key).sort()).toEqual([...c.cancel].sort());
  });

  it('never plans inside quiet hours: a sendAt before the quiet hours end becomes their end', () => {
    const early = {
      ...blnp,
      reminders: { ...blnp.reminders, sendAt: '07:00', quietHours: { from: '18:00', to: '08:30' } },
    };
    const p = reminderPlan(early, meetingOccurrences(early), december, new Set(['th-ict']));
    expect(p.length).toBeGreaterThan(0);
    for (const d of p)
      expect(inQuietHours(DateTime.fromJSDate(d.dueAt, { zone: 'Europe/Amsterdam' }), early.reminders.quietHours)).toBe(
        false,
      );
    expect(new Set(p.map((d) => DateTime.fromJSDate(d.dueAt, { zone: 'Europe/Amsterdam' }).toFormat('HH:mm')))).toEqual(
      new Set(['08:30']),
    );
    expect(
      inQuietHours(DateTime.fromISO('2026-12-01T23:00', { zone: 'Europe/Amsterdam' }), { from: '18:00', to: '08:00' }),
    ).toBe(true);
    expect(
      inQuietHours(DateTime.fromISO('2026-12-01T12:00', { zone: 'Europe/Amsterdam' }), { from: '12:00', to: '13:00' }),
    ).toBe(true);
    expect(
      inQuietHours(DateTime.fromISO('2026-12-01T13:00', { zone: 'Europe/Amsterdam' }), { from: '12:00', to: '13:00' }),
    ).toBe(false);
  });

  it("an ask that would fall on New Year's Day, Christmas or a weekend comes on the working day before", () => {
    // The regiegroep of 12 January 2027 moved by hand to Friday 8 January: 7 days before is New Year's Day.
    const moved = applyOverrides(meetingOccurrences(blnp), [
      { key: 'regiegroep:2027-01-12', start: new Date('2027-01-08T13:00:00Z'), end: new Date('2027-01-08T14:30:00Z') },
    ]);
    const winter = { from: new Date('2026-12-28T00:00:00+01:00'), until: new Date('2027-01-09T00:00:00+01:00') };
    const p = reminderPlan(blnp, moved, winter, new Set()).filter(
      (d) => d.occurrenceKey === 'regiegroep:2027-01-12' && d.kind !== 'announce',
    );
    expect(Object.fromEntries(p.map((d) => [d.kind, local(d.dueAt)]))).toEqual({
      ask: '2026-12-31 09:00 Thu',
      nudge: '2027-01-06 09:00 Wed',
      compile: '2027-01-07 09:00 Thu',
    });
    // A policy asking 5 and nudging 4 days before a meeting on Wednesday 30 December: the ask would be on
    // Christmas (Friday 25th), the nudge on Saturday 26th (then Christmas): both go on Thursday 24 December.
    const policy = { ...blnp, reminders: { ...blnp.reminders, askDaysBefore: 5, nudgeDaysBefore: 4 } };
    const meeting = [
      {
        key: 'regiegroep:2026-12-30',
        cadenceId: 'regiegroep',
        bodyIds: ['regiegroep'],
        start: new Date('2026-12-30T14:00:00Z'),
        end: new Date('2026-12-30T15:00:00Z'),
        cancelled: false,
      },
    ];
    const xmas = reminderPlan(policy, meeting, december, new Set());
    expect(new Set(xmas.filter((d) => d.kind === 'ask' || d.kind === 'nudge').map((d) => local(d.dueAt)))).toEqual(
      new Set(['2026-12-24 09:00 Thu']),
    );
    expect(
      xmas.filter((d) => d.kind === 'compile' || d.kind === 'announce').map((d) => `${d.kind} ${local(d.dueAt)}`),
    ).toEqual(['announce 2026-12-29 09:00 Tue', 'compile 2026-12-29 09:00 Tue']);
    for (const d of xmas) expect(d.dueAt.getTime()).toBeLessThan(meeting[0]!.start.getTime());
  });

  it('a trekker of two werkgroepen is asked for each of them, under two keys', () => {
    const two = {
      ...blnp,
      bodies: blnp.bodies.map((b) => (b.kind === 'werkgroep' && b.id === 'wg-jz' ? { ...b, trekker: 'th-ict' } : b)),
    };
    const asks = reminderPlan(two, meetingOccurrences(two), december, new Set()).filter(
      (d) => d.kind === 'ask' && d.recipient === 'th-ict',
    );
    expect(asks.map((d) => d.werkgroep).sort()).toEqual(['wg-ict', 'wg-jz']);
    expect(new Set(asks.map((d) => d.key)).size).toBe(2);
  });

  it('nothing is planned outside the window, and nothing outside it is cancelled', () => {
    const firstWeek = { from: new Date('2026-12-01T00:00:00+01:00'), until: new Date('2026-12-07T00:00:00+01:00') };
    const p = reminderPlan(blnp, meetingOccurrences(blnp), firstWeek, new Set(['th-ict']));
    for (const d of p) expect(d.dueAt >= firstWeek.from && d.dueAt < firstWeek.until).toBe(true);
    // The ask at 09:00 on 1 December is in [from, until); a window ending at that instant excludes it.
    expect(
      reminderPlan(
        blnp,
        meetingOccurrences(blnp),
        { from: firstWeek.from, until: new Date('2026-12-01T08:00:00Z') },
        new Set(),
      ),
    ).toEqual([]);
    const later = {
      key: 'compile|regiegroep:2027-01-12|channel:regiegroep',
      dueAt: new Date('2027-01-11T08:00:00Z'),
      status: 'pending' as const,
    };
    const gone = {
      key: 'compile|regiegroep:2026-12-01|channel:regiegroep',
      dueAt: new Date('2026-12-02T08:00:00Z'),
      status: 'pending' as const,
    };
    const history = (['sent', 'skipped', 'failed'] as const).map((status, i) => ({
      key: `nudge|old:${i}|th-ict|wg-ict`,
      dueAt: new Date('2026-12-03T08:00:00Z'),
      status,
    }));
    const r = reconcileDeliveries(p, [later, gone, ...history], firstWeek);
    expect(r.cancel).toEqual([gone.key]);
    expect(r.move).toEqual([]);
    expect(r.create.map((d) => d.key).sort()).toEqual(p.map((d) => d.key).sort());
    // Sent, skipped and failed rows are left alone even when the plan has them at another time.
    const replanned = history.map((h) => ({
      key: h.key,
      kind: 'nudge' as const,
      recipient: 'th-ict',
      dueAt: new Date('2026-12-04T08:00:00Z'),
    }));
    expect(reconcileDeliveries(replanned, history, firstWeek)).toEqual({ create: [], move: [], cancel: [] });
  });

  it('keeps the local time across the change to summer time', () => {
    // Regiegroep Tuesday 13 April 2027 (CEST): the ask on Tuesday 6 April at 09:00 local is 07:00 UTC.
    const april = reminderPlan(
      blnp,
      meetingOccurrences(blnp),
      { from: new Date('2027-04-01T00:00:00Z'), until: new Date('2027-04-13T00:00:00Z') },
      new Set(),
    );
    const ask = april.find((d) => d.kind === 'ask');
    expect(ask?.dueAt.toISOString()).toBe('2027-04-06T07:00:00.000Z');
  });
});
