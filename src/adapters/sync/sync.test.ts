// The sync against the local tenant: BLNP applied into empty tenants, then a second apply that writes nothing,
// drift of a hand-added member that is reported and only removed with --prune.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgrammeFile } from '../files/programme-file.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { openStore } from '../store/open.ts';
import type { Store } from '../store/store.ts';
import { startGatewayFixture, type GatewayFixture } from '../graph/testing.ts';
import { runSync } from './service.ts';

let programme: Programme;
let f: GatewayFixture;
let store: Store;
const clock = new FixedClock('2026-03-02T08:00:00Z');

beforeAll(async () => {
  const loaded = await loadProgrammeFile('programmes/blnp.yaml');
  if (!loaded.ok) throw new Error('blnp.yaml does not load');
  programme = loaded.programme;
  // The tenant keeps real time (its throttling windows need it); the sync's "today" is fixed.
  f = await startGatewayFixture({ programme, faults: { throttling: true } });
  store = await openStore({ dataDir: 'memory://' });
  await store.migrate();
});
afterAll(async () => {
  await f?.close();
  await store?.close();
});

describe('sync of BLNP into the local tenant', () => {
  it('applies into empty tenants, then finds nothing to write', { timeout: 120_000 }, async () => {
    const deps = { gateway: f.graph.gateway, store, programme, clock, pollDelayMs: 50 };
    const first = await runSync(deps, 'apply');
    const failed = first.outcomes.filter((o) => o.status === 'failed');
    expect(failed.map((o) => `${o.change.id} ${o.error?.status} ${o.error?.code}`)).toEqual([]);
    expect(first.summary.created).toBeGreaterThan(50);
    console.log(JSON.stringify(first.summary), JSON.stringify({ requests: first.metrics.requests, byMethod: first.metrics.byMethod, batches: first.metrics.batches, sub: first.metrics.subRequests, throttled: first.metrics.throttled }));
    const second = await runSync(deps, 'apply');
    expect(second.changes.filter((c) => c.action !== 'skip')).toEqual([]);
    expect(Object.keys(second.metrics.byMethod)).toEqual(['GET']);
  });
});
