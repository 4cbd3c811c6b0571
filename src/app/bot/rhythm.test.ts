// The reminder rhythm end to end on an injected clock: BLNP synced into the local tenant, the regiegroep of
// 8 December moved by hand to 10 December and the one of 12 January cancelled in the organizer's calendar,
// then two months of working mornings and evenings. Every message is sent once, on its day, never in quiet
// hours, at a weekend or on a holiday; the moved meeting's messages follow it; the cancelled one's never go;
// a nudge is skipped for the werkgroep that already sent its update.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { inQuietHours } from '../../domain/bot/rhythm.ts';
import { isWorkingDay } from '../../domain/schedule/holidays.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { events } from '../../adapters/graph/endpoints/calendar.ts';
import { startGatewayFixture, type GatewayFixture } from '../../../tests/support/local-tenant.ts';
import { startJobRunner, type JobRunner } from '../../adapters/queue/jobs.ts';
import type { BotRecords, DeliveryRow } from '../../adapters/store/bot-records.ts';
import { openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import { runSync } from '../sync.ts';
import { graphSync } from '../../adapters/sync/graph.ts';
import { seedActions } from '../../adapters/work/seed.ts';
import { createBotSender } from '../../adapters/bot/connector.ts';
import { graphUserLookup, rhythmPorts } from '../../adapters/bot/ports.ts';
import { startDeliveryWorkers } from '../../adapters/bot/deliveries.ts';
import { runRhythm } from './rhythm.ts';
import { createBotService } from './service.ts';

const TZ = 'Europe/Amsterdam';
let programme: Programme;
let f: GatewayFixture;
let store: Store;
let runner: JobRunner;
const clock = new FixedClock('2026-11-30T07:00:00Z');

beforeAll(async () => {
  programme = await loadProgramme('blnp');
  f = await startGatewayFixture({ programme });
  store = await openStore({ dataDir: 'memory://' });
  await store.migrate();
  runner = await startJobRunner(store, { pollingIntervalSeconds: 0.5 });
}, 120_000);
afterAll(async () => {
  await runner?.stop();
  await store?.close();
  await f?.close();
});

describe('the reminder rhythm over two months of BLNP', () => {
  it(
    'sends every message once, on time, following a moved meeting and dropping a cancelled one',
    { timeout: 240_000 },
    async () => {
      const pid = programme.programme.id;
      const host = programme.gemeenten.find((g) => g.host)?.tenantId as string;
      const g = f.graph.gateway;
      const synced = await runSync({ graph: graphSync(g, { pollDelayMs: 50 }), store, programme, clock }, 'apply');
      expect(synced.summary.failed).toBe(0);
      for (const a of seedActions(programme, '2026-11-30')) await store.actions.save(pid, a, clock.now());

      // The bot is installed: personally for every person, and in the team (every programme channel).
      const base = { tenantId: host, serviceUrl: f.tenant.baseUrl, installedAt: clock.now() };
      for (const p of programme.people)
        await store.bot.saveConversation(pid, {
          ...base,
          conversationId: `a:${p.id}`,
          kind: 'personal',
          personId: p.id,
        });
      for (const o of (await store.sync.objects(pid)).filter((x) => x.key.startsWith('channel:'))) {
        await store.bot.saveConversation(pid, {
          ...base,
          conversationId: o.graphId,
          kind: 'channel',
          bodyId: o.key.slice('channel:'.length),
          teamId: 'team',
        });
      }

      // By hand in Outlook: the regiegroep of 8 December moves to Thursday 10 December; the one of 12 January is cancelled.
      const series = (await store.sync.objects(pid)).find((o) => o.key === 'series:regiegroep')?.graphId as string;
      const organizer = programme.programme.organizer;
      const inst = await g.request<{ value: { id: string; originalStart: string }[] }>(
        host,
        events.instances(organizer, series, '2026-12-01T00:00:00Z', '2027-01-31T00:00:00Z', {
          select: ['id', 'originalStart'],
        }),
      );
      const on = (date: string) =>
        inst.body.value.find((i) => DateTime.fromISO(i.originalStart, { zone: 'utc' }).setZone(TZ).toISODate() === date)
          ?.id as string;
      await g.request(
        host,
        events.update(organizer, on('2026-12-08'), {
          // As Outlook writes it: Graph takes the Windows zone name, not Europe/Amsterdam (docs/platform.md#input-limits)
          start: { dateTime: '2026-12-10T15:00:00', timeZone: 'W. Europe Standard Time' },
          end: { dateTime: '2026-12-10T16:30:00', timeZone: 'W. Europe Standard Time' },
        }),
      );
      await g.request(host, events.cancel(organizer, on('2027-01-12'), 'Vervalt'));

      // Every message is recorded with the (injected) moment it was sent.
      const sentAt = new Map<string, Date>();
      let finished = 0;
      let waiters: { n: number; resolve: () => void }[] = [];
      const records: BotRecords = {
        ...store.bot,
        finish: async (p, key, outcome, at) => {
          await store.bot.finish(p, key, outcome, at);
          if (outcome.status === 'sent') sentAt.set(key, clock.now());
          finished++;
          waiters = waiters.filter((w) => (finished >= w.n ? (w.resolve(), false) : true));
        },
      };
      const service = createBotService({ store, programme, clock, users: graphUserLookup(g), lang: 'nl' });
      await startDeliveryWorkers({
        records,
        runner,
        sender: createBotSender({ tokens: f.graph.tokens, fetch: f.graph.fetch }),
        compose: (row: DeliveryRow) => service.compose(row),
        clock,
        worker: 'w',
      });
      f.tenant.bot.clear();

      // Two months: each day at 08:00, 09:00 and 20:00 local, the rhythm runs (twice: a re-run sends nothing new).
      let dispatched = 0;
      let calendarRead = 0;
      for (
        let day = DateTime.fromISO('2026-12-01', { zone: TZ });
        day < DateTime.fromISO('2027-02-01', { zone: TZ });
        day = day.plus({ days: 1 })
      ) {
        if (day.toISODate() === '2026-12-04') {
          // Financiën sends its update before the nudge: its nudge is skipped.
          await store.bot.saveUpdate(pid, {
            werkgroep: 'wg-financien',
            period: 'regiegroep:2026-12-08',
            data: {
              werkgroep: 'wg-financien',
              period: 'regiegroep:2026-12-08',
              status: 'op-koers',
              progress: 'Loopt',
              ks: [],
              actionIds: [],
            },
            submittedBy: 'th-financien',
            submittedAt: clock.now(),
          });
        }
        for (const hour of [8, 9, 20]) {
          clock.set(day.set({ hour }).toJSDate());
          for (const _ of [1, 2]) {
            const r = await runRhythm({ store, programme, clock, ...rhythmPorts(store.bot, runner, g) });
            if (r.calendar === 'read') calendarRead++;
            dispatched += r.dispatched;
          }
          if (finished < dispatched) await new Promise<void>((resolve) => waiters.push({ n: dispatched, resolve }));
        }
      }
      expect(calendarRead).toBeGreaterThan(0);

      const rows = await store.bot.deliveries(pid);
      const byKey = new Map(rows.map((r) => [r.key, r]));
      const local = (d: Date | undefined) =>
        d ? DateTime.fromJSDate(d, { zone: TZ }).toFormat('yyyy-LL-dd HH:mm') : 'never';

      // Exactly once: what the Bot Connector received is what the ledger says was sent, each key once.
      const received = f.tenant.bot.activities();
      const sent = rows.filter((r) => r.status === 'sent');
      expect(received).toHaveLength(sent.length);
      expect(new Set(sent.map((r) => r.activityId)).size).toBe(sent.length);
      expect(sent.length).toBeGreaterThan(40);

      // Never in quiet hours, at a weekend or on a public holiday.
      for (const [key, at] of sentAt) {
        const l = DateTime.fromJSDate(at, { zone: TZ });
        expect(inQuietHours(l, programme.reminders.quietHours), key).toBe(false);
        expect(isWorkingDay(l.toISODate() as string), key).toBe(true);
      }

      // The moved regiegroep (now Thursday 10 December): asks a week before it, compile and announcement the day before.
      const dec = 'regiegroep:2026-12-08';
      expect(local(sentAt.get(`ask|${dec}|th-ict|wg-ict`))).toBe('2026-12-03 09:00');
      expect(local(sentAt.get(`compile|${dec}|channel:regiegroep`))).toBe('2026-12-09 09:00');
      expect(local(sentAt.get(`announce|${dec}|channel:regiegroep`))).toBe('2026-12-09 09:00');
      // Nudged two days before, except Financiën, whose update came in.
      expect(local(sentAt.get(`nudge|${dec}|th-ict|wg-ict`))).toBe('2026-12-08 09:00');
      expect(byKey.get(`nudge|${dec}|th-financien|wg-financien`)).toMatchObject({
        status: 'skipped',
        reason: 'update-received',
      });
      // The announcement carries the Teams join link and the new time.
      const announce = received.find((r) => r.id === byKey.get(`announce|${dec}|channel:regiegroep`)?.activityId);
      expect(JSON.stringify(announce?.activity)).toContain('15:00–16:30');
      expect(JSON.stringify(announce?.activity)).toMatch(/"url":"https:\/\/teams\.microsoft\.com\/l\/meetup-join\//);
      // …and the regiegroep's agenda (issue 18 §2): Financiën with its status, the others without an update yet.
      const announced = JSON.stringify(announce?.activity);
      expect(announced).toContain('"text":"Agenda"');
      expect(announced).toContain('. **Werkgroep Financiën** · op koers"');
      expect(announced.match(/ · nog geen update"/g)).toHaveLength(
        programme.bodies.filter((b) => b.kind === 'werkgroep').length - 1,
      );

      // The cancelled regiegroep of 12 January: nothing sent for it at all.
      expect(sent.filter((r) => r.occurrenceKey === 'regiegroep:2027-01-12')).toEqual([]);
      // The February one is asked on Tuesday 2 February… outside the window; the regular December projectgroep
      // announcements went out the working day before (Monday 7 December → Friday 4 December).
      expect(local(sentAt.get('announce|pg-harmonisatie:2026-12-07|channel:pg-harmonisatie'))).toBe('2026-12-04 09:00');
      // Christmas and New Year: Monday 4 January's announcement went on Thursday 31 December.
      expect(local(sentAt.get('announce|pg-harmonisatie:2027-01-04|channel:pg-harmonisatie'))).toBe('2026-12-31 09:00');
      // The monthly report (issue 16 §5), never approved here: its projectleider was reminded in their personal chat on
      // the last working day of each month (the file has no communication.report: the default), once each; November's
      // (due Monday 30 November 09:00, before the first run here) at the rhythm's first run after it.
      for (const [month, day] of [
        ['2026-11', '2026-12-01 08:00'],
        ['2026-12', '2026-12-31 09:00'],
        ['2027-01', '2027-01-29 09:00'],
      ] as const)
        expect(local(sentAt.get(`report-reminder|${month}|pl-marieke`))).toBe(day);
      // Weekly digests went out only to owners with overdue actions, on Mondays (Tuesday after a holiday Monday).
      const digests = sent.filter((r) => r.kind === 'digest');
      expect(digests.length).toBeGreaterThan(0);
      for (const d of digests)
        expect(['Mon', 'Tue']).toContain(DateTime.fromJSDate(sentAt.get(d.key) as Date, { zone: TZ }).toFormat('ccc'));
    },
  );
});
