// When Graph refuses a change, apply says why in Graph's own words (error code and message), not only
// "400 BadRequest". The file here is one that validate now refuses (a 64-character channel name, over Graph's 50),
// forced past validation to see what apply would report if such a value ever reached Graph.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t } from '../src/domain/i18n.ts';
import { FixedClock } from '../src/domain/time/clock.ts';
import { openStore } from '../src/adapters/store/open.ts';
import type { Store } from '../src/adapters/store/store.ts';
import { graphSync } from '../src/adapters/sync/graph.ts';
import { runSync } from '../src/app/sync.ts';
import { startGatewayFixture, testProgramme, type GatewayFixture } from './support/local-tenant.ts';

const NAME = 'Werkgroep Data-uitwisseling en informatiebeheer tussen gemeenten';
const programme = testProgramme();
programme.bodies = programme.bodies.map((b) => ({
  ...b,
  name: NAME,
  channel: { kind: 'standard', externalAccess: 'direct-connect' },
}));
programme.cadences = [];

let f: GatewayFixture;
let store: Store;

beforeAll(async () => {
  f = await startGatewayFixture({ programme, faults: { throttling: false } });
  store = await openStore({ dataDir: 'memory://' });
  await store.migrate();
});
afterAll(async () => {
  await f?.close();
  await store?.close();
});

describe('apply names Graph’s reason', () => {
  it('a refused channel shows Graph’s code and message, in Dutch and English', { timeout: 60_000 }, async () => {
    const deps = {
      graph: graphSync(f.graph.gateway, { pollDelayMs: 10 }),
      store,
      programme,
      clock: new FixedClock('2026-03-02T08:00:00Z'),
    };
    const result = await runSync(deps, 'apply');
    const failed = result.outcomes.find((o) => o.status === 'failed' && o.change.apply.op === 'createChannel');
    expect(failed?.error).toMatchObject({ status: 400, code: 'BadRequest' });
    const reason = failed?.reason;
    if (!reason) throw new Error('the refused channel has no reason');
    const words = (lang: 'nl' | 'en') => t(reason.key as Parameters<typeof t>[0], reason.params, lang);
    expect(words('nl')).toBe('Graph antwoordde 400 BadRequest: Channel name must be at most 50 characters.');
    expect(words('en')).toBe('Graph answered 400 BadRequest: Channel name must be at most 50 characters.');
  });
});
