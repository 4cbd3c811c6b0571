// The bot's part of `npm run bench`: the Action.Execute round trip (update card submitted to /api/messages,
// validated, stored in PGlite, the new card answered) as p50/p95, and a fan-out of 1,000 scheduled messages over
// 50 conversations through the local tenant's Bot Connector with its limits on: wall time against the lower
// bound the limits imply, duplicates and losses.
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import express from 'express';
import type { Programme } from '../src/domain/programme/schema.ts';
import { openStore } from '../src/adapters/store/open.ts';
import { MEMORY } from '../src/adapters/store/open.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createBotService } from '../src/app/bot/service.ts';
import { createBotEndpoint } from '../src/adapters/bot/transport.ts';
import { createBotSender } from '../src/adapters/bot/connector.ts';
import { dispatchDue, startDeliveryWorkers } from '../src/adapters/bot/deliveries.ts';
import { lowerBoundMs } from '../src/adapters/bot/pacing.ts';
import { startJobRunner } from '../src/adapters/queue/jobs.ts';
import { startGatewayFixture, TENANT_A } from '../tests/support/local-tenant.ts';
import type { BotRecords } from '../src/adapters/store/bot-records.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

export async function benchActionExecute(programme: Programme, rounds = 300): Promise<string> {
  const store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const werkgroep = programme.bodies.find((b) => b.kind === 'werkgroep');
  if (!werkgroep || werkgroep.kind !== 'werkgroep') throw new Error('no werkgroep');
  const service = createBotService({
    store,
    programme,
    clock: systemClock,
    lang: 'nl',
    localPerson: werkgroep.trekker,
  });
  const app = express();
  app.use(
    '/api/messages',
    createBotEndpoint({ logic: service, allowUnauthenticated: true, allowedTenants: new Set() }).router,
  );
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
  const period = service.currentPeriod()?.occurrence.key ?? '';
  const invoke = (i: number) => ({
    type: 'invoke',
    name: 'adaptiveCard/action',
    id: `i${i}`,
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/_connector',
    locale: 'nl-NL',
    from: { id: 'user-id-0', aadObjectId: '00000000-0000-0000-0000-000000000020' },
    recipient: { id: 'bot' },
    conversation: { id: 'c1', conversationType: 'personal', tenantId: '00000000-0000-0000-0000-000000000001' },
    value: {
      action: {
        type: 'Action.Execute',
        verb: 'update.submit',
        data: {
          werkgroep: werkgroep.id,
          period,
          status: 'op-koers',
          progress: `Voortgang ${i}`,
          ks: i % 3 === 0 ? 'kosten' : '',
          k_kosten_note: i % 6 === 0 ? '' : 'minder contracten',
        },
      },
    },
  });
  const times: number[] = [];
  let errors = 0;
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(invoke(i)),
    });
    const body = (await res.json()) as { value?: unknown };
    if (res.status !== 200 || !body.value) errors++;
    if (i >= 20) times.push(performance.now() - started); // the first 20 warm the JIT and the caches
  }
  server.close();
  const stored = await store.bot.update(programme.programme.id, werkgroep.id, period);
  await store.close();
  times.sort((a, b) => a - b);
  return `| Action.Execute (update-kaart, PGlite) | ${times.length} | ${percentile(times, 50).toFixed(1)} | ${percentile(times, 95).toFixed(1)} | ${errors} | ${stored?.revision ?? 0} |`;
}

export async function benchFanOut(total = 1000, conversations = 50): Promise<string> {
  const fx = await startGatewayFixture();
  const store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const runner = await startJobRunner(store, { pollingIntervalSeconds: 0.5 });
  const pid = 'bench';
  const now = new Date();
  await store.bot.createDeliveries(
    pid,
    Array.from({ length: total }, (_, i) => ({
      key: `test|m${i}|c${i % conversations}`,
      kind: 'test',
      recipient: `c${i % conversations}`,
      dueAt: now,
      payload: { conversationId: `19:bench${i % conversations}@thread.tacv2` },
    })),
    now,
  );
  let finished = 0;
  let done: () => void = () => undefined;
  const all = new Promise<void>((resolve) => {
    done = resolve;
  });
  const records: BotRecords = {
    ...store.bot,
    finish: async (...args) => {
      await store.bot.finish(...args);
      if (++finished === total) done();
    },
  };
  const sender = createBotSender({ tokens: fx.graph.tokens, fetch: fx.graph.fetch });
  await startDeliveryWorkers({
    records,
    runner,
    sender,
    clock: systemClock,
    worker: 'bench',
    compose: async (row) => ({
      to: {
        serviceUrl: fx.tenant.baseUrl,
        conversationId: String(row.payload?.['conversationId']),
        tenantId: TENANT_A,
      },
      activity: { type: 'message', text: row.key },
    }),
  });
  fx.tenant.bot.clear();
  const started = performance.now();
  await dispatchDue(store.bot, runner, pid, now);
  await all;
  const wallS = (performance.now() - started) / 1000;
  const received = fx.tenant.bot.activities().map((r) => String(r.activity?.['text']));
  const unique = new Set(received).size;
  const counts = await store.bot.counts(pid);
  const m = sender.metrics();
  await runner.stop();
  await store.close();
  await fx.close();
  const bound = lowerBoundMs(total, conversations) / 1000;
  return `| ${total} berichten over ${conversations} gesprekken | ${wallS.toFixed(1)} | ${bound.toFixed(1)} | ${(wallS / bound).toFixed(2)} | ${counts.sent} | ${received.length - unique} | ${total - unique} | ${m.throttled} | ${m.retries} |`;
}
