// The delivery ledger and its workers: a claim is exclusive, a lapsed claim is taken over, a moved or cancelled
// delivery's old job sends nothing, 403/404 are final, and two worker instances on one database (each with its
// own connection pool, queue runner and sender) send each of 1,000 scheduled messages exactly once through the
// local tenant's Bot Connector with its limits on — even when every job is handed to the queue twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore } from '../store/open.ts';
import type { BotRecords, DeliveryRow } from '../store/bot-records.ts';
import type { Store } from '../store/store.ts';
import { serverBackend, pgliteBackend, type TestDatabase } from '../../../tests/helpers/db.ts';
import { startGatewayFixture, TENANT_A, type GatewayFixture } from '../../../tests/support/local-tenant.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { startJobRunner, type JobRunner } from '../queue/jobs.ts';
import { createBotSender } from './connector.ts';
import { deliverOne, dispatchDue, startDeliveryWorkers, type Composer } from './deliveries.ts';

const PID = 'proef';

let fx: GatewayFixture;
beforeAll(async () => {
  fx = await startGatewayFixture();
});
afterAll(async () => {
  await fx?.close();
});

const composeFor =
  (serviceUrl: string): Composer =>
  async (row: DeliveryRow) => ({
    to: { serviceUrl, conversationId: String(row.payload?.['conversationId']), tenantId: TENANT_A },
    activity: { type: 'message', text: row.key },
  });

async function connectorTexts(conversationId?: string): Promise<string[]> {
  return fx.tenant.bot.activities(conversationId ? { conversationId } : {}).map((r) => String(r.activity?.['text']));
}

describe('delivery ledger on one store', () => {
  let db: TestDatabase;
  let store: Store;
  beforeAll(async () => {
    db = await pgliteBackend.createDatabase();
    store = await openStore(db.options);
    await store.migrate();
  });
  afterAll(async () => {
    await store?.close();
    await db?.drop();
  });

  it('claims once; a lapsed claim is taken over; a moved or cancelled delivery sends nothing from its old job', async () => {
    const clock = new FixedClock('2026-12-01T08:00:00Z');
    const due = clock.now();
    const conversationId = '19:ledger@thread.tacv2';
    await store.bot.createDeliveries(
      PID,
      ['a', 'b', 'c', 'd'].map((k) => ({
        key: `test|${k}|x`,
        kind: 'test',
        recipient: 'x',
        dueAt: due,
        payload: { conversationId },
      })),
      due,
    );
    const sender = createBotSender({ tokens: fx.graph.tokens, fetch: fx.graph.fetch });
    const o = {
      records: store.bot,
      runner: undefined as unknown as JobRunner,
      sender,
      compose: composeFor(fx.tenant.baseUrl),
      clock,
      worker: 'w1',
      leaseMs: 60_000,
    };
    fx.tenant.bot.clear();

    // A crashed worker claimed 'a' and never finished: nobody else may take it while the claim holds…
    expect(await store.bot.claim(PID, 'test|a|x', due, 'crashed', clock.now(), 60_000)).toBeDefined();
    expect(await deliverOne(o, { programmeId: PID, key: 'test|a|x', dueAt: due.toISOString() })).toEqual({
      key: 'test|a|x',
      result: 'not-claimed',
    });
    // …and once it lapsed, the job's retry sends it, once.
    clock.advance(61_000);
    expect((await deliverOne(o, { programmeId: PID, key: 'test|a|x', dueAt: due.toISOString() })).result).toBe('sent');
    expect((await deliverOne(o, { programmeId: PID, key: 'test|a|x', dueAt: due.toISOString() })).result).toBe(
      'not-claimed',
    );

    // 'b' moved to tomorrow: the job made for today sends nothing.
    expect(await store.bot.moveDelivery(PID, 'test|b|x', new Date(due.getTime() + 86_400_000), clock.now())).toBe(true);
    expect((await deliverOne(o, { programmeId: PID, key: 'test|b|x', dueAt: due.toISOString() })).result).toBe(
      'not-claimed',
    );
    // 'c' cancelled: nothing; planned again: pending once more.
    expect(await store.bot.cancelDelivery(PID, 'test|c|x', 'meeting-cancelled', clock.now())).toBe(true);
    expect((await deliverOne(o, { programmeId: PID, key: 'test|c|x', dueAt: due.toISOString() })).result).toBe(
      'not-claimed',
    );
    expect(
      await store.bot.createDeliveries(
        PID,
        [{ key: 'test|c|x', kind: 'test', recipient: 'x', dueAt: due, payload: { conversationId } }],
        clock.now(),
      ),
    ).toBe(1);
    expect(
      await store.bot.createDeliveries(
        PID,
        [{ key: 'test|c|x', kind: 'test', recipient: 'x', dueAt: due, payload: { conversationId } }],
        clock.now(),
      ),
    ).toBe(0);

    // 'd' goes to a conversation that blocked the bot: 403 is final, recorded, tried once.
    fx.tenant.bot.setConversationState('19:blocked@thread.tacv2', 'blocked', TENANT_A);
    await store.bot.createDeliveries(
      PID,
      [
        {
          key: 'test|e|x',
          kind: 'test',
          recipient: 'x',
          dueAt: due,
          payload: { conversationId: '19:blocked@thread.tacv2' },
        },
      ],
      clock.now(),
    );
    const before = sender.metrics().attempts;
    expect((await deliverOne(o, { programmeId: PID, key: 'test|e|x', dueAt: due.toISOString() })).result).toBe(
      'failed',
    );
    expect(sender.metrics().attempts - before).toBe(1);
    const rows = new Map((await store.bot.deliveries(PID)).map((r) => [r.key, r]));
    expect(rows.get('test|e|x')).toMatchObject({ status: 'failed', reason: '403 ConversationBlockedByUser' });
    expect(rows.get('test|a|x')).toMatchObject({ status: 'sent', attempts: 2 });
    expect(await connectorTexts(conversationId)).toEqual(['test|a|x']);
  });
});

describe('two worker instances on one database', () => {
  let db: TestDatabase;
  const stores: Store[] = [];
  const runners: JobRunner[] = [];
  beforeAll(async () => {
    db = await serverBackend.createDatabase();
  });
  afterAll(async () => {
    for (const r of runners) await r.stop();
    for (const s of stores) await s.close();
    await db?.drop();
  });

  it(
    'send each of 1,000 scheduled messages exactly once, even when every job is queued twice',
    { timeout: 180_000 },
    async () => {
      const clock = new FixedClock('2026-12-01T08:00:00Z');
      const total = 1000;
      const conversations = 50;
      for (const _ of [1, 2]) {
        const s = await openStore(db.options);
        await s.migrate();
        stores.push(s);
        runners.push(await startJobRunner(s, { pollingIntervalSeconds: 0.5 }));
      }
      const [a, b] = stores as [Store, Store];
      const due = clock.now();
      await a.bot.createDeliveries(
        PID,
        Array.from({ length: total }, (_, i) => ({
          key: `test|m${String(i).padStart(4, '0')}|c${i % conversations}`,
          kind: 'test',
          recipient: `c${i % conversations}`,
          dueAt: due,
          payload: { conversationId: `19:fanout${i % conversations}@thread.tacv2` },
        })),
        due,
      );
      fx.tenant.bot.clear();

      // Resolves once every delivery has an outcome, counted where the workers record it.
      let finished = 0;
      let done: () => void = () => undefined;
      const allDone = new Promise<void>((resolve) => {
        done = resolve;
      });
      const sentBy = { a: 0, b: 0 };
      const counting = (records: BotRecords, who: 'a' | 'b'): BotRecords => ({
        ...records,
        finish: async (pid, key, outcome, at) => {
          await records.finish(pid, key, outcome, at);
          if (outcome.status === 'sent') sentBy[who]++;
          if (++finished === total) done();
        },
      });
      for (const [i, who] of (['a', 'b'] as const).entries()) {
        const store = stores[i] as Store;
        await startDeliveryWorkers({
          records: counting(store.bot, who),
          runner: runners[i] as JobRunner,
          clock,
          worker: who,
          compose: composeFor(fx.tenant.baseUrl),
          sender: createBotSender({ tokens: fx.graph.tokens, fetch: fx.graph.fetch }),
        });
      }
      // Both instances dispatch at once (a re-run); then every job is queued a second time, as a crash between
      // queueing and marking would do.
      const handed = await Promise.all([
        dispatchDue(a.bot, runners[0] as JobRunner, PID, due),
        dispatchDue(b.bot, runners[1] as JobRunner, PID, due),
      ]);
      expect(handed[0] + handed[1]).toBe(total);
      const rows = await a.bot.deliveries(PID);
      await (runners[1] as JobRunner).enqueue(
        'bot-deliver',
        rows.map((r) => ({ programmeId: PID, key: r.key, dueAt: r.dueAt.toISOString() })),
      );
      await allDone;

      const texts = await connectorTexts();
      expect(texts).toHaveLength(total);
      expect(new Set(texts).size).toBe(total);
      expect(new Set(texts)).toEqual(new Set(rows.map((r) => r.key)));
      expect(await a.bot.counts(PID)).toMatchObject({ sent: total, pending: 0, sending: 0, failed: 0 });
      // Both instances did part of the work.
      expect(sentBy.a).toBeGreaterThan(0);
      expect(sentBy.b).toBeGreaterThan(0);
      expect(sentBy.a + sentBy.b).toBe(total);
    },
  );
});
