// The sync against the local tenant: BLNP applied into empty tenants, then a second apply that writes nothing,
// drift of a hand-added member that is reported and only removed with --prune.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgrammeFile } from '../adapters/files/programme-file.ts';
import { FixedClock } from '../domain/time/clock.ts';
import type { Programme } from '../domain/programme/schema.ts';
import { openStore } from '../adapters/store/open.ts';
import type { Store } from '../adapters/store/store.ts';
import { startGatewayFixture, type GatewayFixture } from '../../tests/support/local-tenant.ts';
import { graphSync } from '../adapters/sync/graph.ts';
import { runSync } from './sync.ts';
import { channels } from '../adapters/graph/endpoints/teams.ts';
import { events } from '../adapters/graph/endpoints/calendar.ts';

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
    const deps = { graph: graphSync(f.graph.gateway, { pollDelayMs: 50 }), store, programme, clock };
    const first = await runSync(deps, 'apply');
    const failed = first.outcomes.filter((o) => o.status === 'failed');
    expect(failed.map((o) => `${o.change.id} ${o.error?.status} ${o.error?.code}`)).toEqual([]);
    expect(first.summary.created).toBeGreaterThan(50);
    console.log(
      JSON.stringify(first.summary),
      JSON.stringify({
        requests: first.metrics.requests,
        byMethod: first.metrics.byMethod,
        batches: first.metrics.batches,
        sub: first.metrics.subRequests,
        throttled: first.metrics.throttled,
      }),
    );
    const second = await runSync(deps, 'apply');
    expect(second.changes.filter((c) => c.action !== 'skip')).toEqual([]);
    expect(Object.keys(second.metrics.byMethod)).toEqual(['GET']);
  });

  it(
    'leaves the team, its channels of the right kinds, cross-tenant members and the series with holiday exceptions visible through the API',
    { timeout: 60_000 },
    async () => {
      const g = f.graph.gateway;
      const host = programme.gemeenten.find((x) => x.host)?.tenantId as string;
      const ids = Object.fromEntries((await store.sync.objects(programme.programme.id)).map((o) => [o.key, o.graphId]));
      const teamId = ids['team'] as string;
      expect(teamId).toBeTruthy();
      const list: { id: string; displayName: string; membershipType: string }[] = [];
      for await (const c of g.pages<{ id: string; displayName: string; membershipType: string }>(
        host,
        channels.list(teamId),
      ))
        list.push(c);
      const wanted = programme.bodies.filter((b) => b.channel);
      expect(wanted.length).toBeGreaterThanOrEqual(11);
      for (const b of wanted) {
        expect(list.find((c) => c.displayName === (b.channel?.name ?? b.name))?.membershipType).toBe(b.channel?.kind);
      }
      // The regiegroep's shared channel has the gemeentesecretarissen of the other gemeenten from their own tenants.
      const regie = list.find((c) => c.displayName === 'Regiegroep');
      const members: { tenantId?: string }[] = [];
      for await (const m of g.pages<{ tenantId?: string }>(host, channels.members(teamId, regie?.id ?? '')))
        members.push(m);
      const otherTenants = new Set(members.map((m) => m.tenantId).filter((t) => t && t !== host));
      expect(otherTenants.size).toBe(3);

      // Holidays: Koningsdag 2026 (Monday 27 April) moves the projectgroep Harmonisatie to Tuesday; Hemelvaartsdag
      // (Thursday 14 May) cancels the projectgroep Inrichting GR.
      const harmonisatie = ids['series:pg-harmonisatie'] as string;
      const occurrences: { start: { dateTime: string } }[] = [];
      for await (const i of g.pages<{ start: { dateTime: string } }>(host, {
        ...events.instances(
          programme.programme.organizer,
          harmonisatie,
          '2026-04-20T00:00:00Z',
          '2026-05-05T00:00:00Z',
        ),
        headers: { Prefer: 'outlook.timezone="Europe/Amsterdam"' },
      }))
        occurrences.push(i);
      expect(occurrences.map((o) => o.start.dateTime.slice(0, 16))).toEqual(['2026-04-28T09:30']);
      const inrichting = ids['series:pg-inrichting-gr'] as string;
      const may: { start: { dateTime: string } }[] = [];
      for await (const i of g.pages<{ start: { dateTime: string } }>(host, {
        ...events.instances(programme.programme.organizer, inrichting, '2026-04-27T00:00:00Z', '2026-06-01T00:00:00Z'),
        headers: { Prefer: 'outlook.timezone="Europe/Amsterdam"' },
      }))
        may.push(i);
      expect(may.map((o) => o.start.dateTime.slice(0, 10))).toEqual(['2026-04-30', '2026-05-28']);
      // The series run to the end of 2027.
      const series = await g.request<{ recurrence: { range: { endDate: string } } }>(
        host,
        events.get(programme.programme.organizer, harmonisatie),
      );
      expect(series.body.recurrence.range.endDate).toBe('2027-12-31');
    },
  );
});

describe('a changed cadence', () => {
  it(
    'ends the series after today and starts a new one at the next date; past occurrences stay as they were',
    { timeout: 120_000 },
    async () => {
      const g = f.graph.gateway;
      const host = programme.gemeenten.find((x) => x.host)?.tenantId as string;
      const organizer = programme.programme.organizer;
      const changed = structuredClone(programme);
      const regie = changed.cadences.find((c) => c.id === 'regiegroep');
      if (!regie) throw new Error('no regiegroep cadence');
      regie.start = '14:00';
      const result = await runSync(
        { graph: graphSync(g, { pollDelayMs: 50 }), store, programme: changed, clock },
        'apply',
      );
      expect(result.outcomes.filter((o) => o.status === 'failed')).toEqual([]);
      expect(
        result.changes
          .filter((c) => c.kind === 'meeting')
          .map((c) => c.action)
          .sort(),
      ).toEqual(['create', 'end']);
      const window = async (id: string) => {
        const out: string[] = [];
        for await (const i of g.pages<{ start: { dateTime: string } }>(host, {
          ...events.instances(organizer, id, '2026-01-01T00:00:00Z', '2026-05-01T00:00:00Z'),
          headers: { Prefer: 'outlook.timezone="Europe/Amsterdam"' },
        }))
          out.push(i.start.dateTime.slice(0, 16));
        return out;
      };
      const ending = result.changes.find((c) => c.action === 'end');
      const oldId = ending?.apply.op === 'endSeries' ? ending.apply.eventId : '';
      const newId =
        (await store.sync.objects(programme.programme.id)).find((o) => o.key === 'series:regiegroep')?.graphId ?? '';
      expect(newId).not.toBe(oldId);
      // Before "today" (2026-03-02) the old series stands untouched at 15:00; from 10 March the new one at 14:00.
      expect(await window(oldId)).toEqual(['2026-01-13T15:00', '2026-02-10T15:00']);
      expect((await window(newId)).slice(0, 2)).toEqual(['2026-03-10T14:00', '2026-04-14T14:00']);
      const again = await runSync(
        { graph: graphSync(g, { pollDelayMs: 50 }), store, programme: changed, clock },
        'apply',
      );
      expect(again.changes.filter((c) => c.action !== 'skip')).toEqual([]);
    },
  );
});

describe('sync under injected faults', () => {
  it(
    'converges with 20% 429/503 (BEL): nothing failed, nothing twice, and then nothing left to do',
    { timeout: 180_000 },
    async () => {
      const loaded = await loadProgrammeFile('programmes/bel.yaml');
      if (!loaded.ok) throw new Error('bel.yaml does not load');
      const bel = loaded.programme;
      const faulty = await startGatewayFixture({
        programme: bel,
        faults: { share429: 0.1, share503: 0.1, retryAfterSeconds: 1, seed: 4 },
      });
      const belStore = await openStore({ dataDir: 'memory://' });
      try {
        await belStore.migrate();
        const deps = {
          graph: graphSync(faulty.graph.gateway, { pollDelayMs: 50 }),
          store: belStore,
          programme: bel,
          clock,
        };
        const first = await runSync(deps, 'apply');
        expect(first.outcomes.filter((o) => o.status === 'failed').map((o) => o.change.id)).toEqual([]);
        expect(first.metrics.retries).toBeGreaterThan(0);
        faulty.tenant.setFaults({ share429: 0, share503: 0 });
        const second = await runSync(deps, 'apply');
        expect(second.changes.filter((c) => c.action !== 'skip')).toEqual([]);
        const state = faulty.tenant.state();
        const host = bel.gemeenten.find((x) => x.host)?.tenantId as string;
        const names = Object.values(state.tenants[host]?.collections['channels'] ?? {}).map((c) =>
          String(c['displayName']),
        );
        expect(names.length).toBe(new Set(names).size);
        const txns = Object.values(state.tenants[host]?.collections['events'] ?? {})
          .map((e) => e['transactionId'])
          .filter((x) => typeof x === 'string');
        expect(txns.length).toBe(new Set(txns).size);
        expect(Object.values(state.tenants[host]?.collections['teams'] ?? {})).toHaveLength(1);
      } finally {
        await belStore.close();
        await faulty.close();
      }
    },
  );
});
