// The permissions table (src/domain/permissions.ts) is derived from what the code calls: the product's Graph calls
// — a sync applied, the Planner adapter's every operation, the bot's person look-up and calendar read — are sent to
// the local tenant, and every request it logged must be allowed by a role of the table that the tenant it was made
// in grants (a partner tenant only User.Read.All). A call the table does not cover fails the test with its route.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalTenant, TENANT_IN_MEMORY, type LocalTenantHandle } from '@regiekamer/local-tenant';
import { createMsalTokenSource } from '../src/adapters/auth/credentials.ts';
import { calendarOverrides } from '../src/adapters/bot/calendar.ts';
import { graphUserLookup } from '../src/adapters/bot/ports.ts';
import { createGraphGateway } from '../src/adapters/graph/gateway.ts';
import { createHttpClient } from '../src/adapters/http/fetch.ts';
import { openStore } from '../src/adapters/store/open.ts';
import { graphSync } from '../src/adapters/sync/graph.ts';
import { plannerGraph } from '../src/adapters/work/planner-graph.ts';
import { runSync } from '../src/app/sync.ts';
import { entraRolesFor, REQUIRED_ROLES } from '../src/domain/permissions.ts';
import type { Programme } from '../src/domain/programme/schema.ts';
import { FixedClock } from '../src/domain/time/clock.ts';
import { localTenantDirectory, localTenantSetup } from '../src/entry/server/local-tenant-data.ts';
import { loadProgramme } from './helpers/programmes.ts';

/** `GET|PATCH /users/{organizer}/events/{id}` → ['GET /users/{}/events/{}', 'PATCH /users/{}/events/{}']. */
function expand(call: string): string[] {
  const [methods = '', path = ''] = call.split(' ', 2);
  const normal = (path.split('?')[0] ?? '').replace(/\{[^}]*\}/g, '{}');
  return methods.split('|').map((m) => `${m} ${normal}`);
}

/** A logged route, e.g. `GET /v1.0/teams/{team-id}/channels`, in the same form. */
function normalRoute(route: string): string {
  return route
    .replace(' /v1.0', ' ')
    .replace(/ \/+/, ' /')
    .replace(/\{[^}]*\}/g, '{}');
}

let tenant: LocalTenantHandle;
let programme: Programme;
let routes: { route: string; tenantId: string }[] = [];

beforeAll(async () => {
  programme = await loadProgramme('bel');
  tenant = await startLocalTenant({
    directory: localTenantDirectory(programme),
    setup: localTenantSetup(programme),
    dataDir: TENANT_IN_MEMORY,
    port: 0,
    httpPort: null,
  });
  const http = createHttpClient({ caCertPem: tenant.caCertPem });
  const tokens = createMsalTokenSource({
    authorityHost: tenant.baseUrl,
    credential: { kind: 'secret', clientId: tenant.app.clientId, secret: tenant.app.clientSecret },
    fetch: http.fetch,
  });
  const gateway = createGraphGateway({ baseUrl: tenant.baseUrl, tokens, fetch: http.fetch });
  const store = await openStore({ dataDir: 'memory://' });
  await store.migrate();
  const clock = new FixedClock('2026-11-23T08:00:00Z');
  try {
    const sync = (mode: 'plan' | 'apply') =>
      runSync({ graph: graphSync(gateway, { pollDelayMs: 20 }), store, programme, clock }, mode);
    const applied = await sync('apply');
    expect(applied.summary.failed).toBe(0);
    await sync('plan');

    // The Planner adapter, every operation, in the team's group (the host tenant).
    const host = String(programme.gemeenten.find((g) => g.host)?.tenantId).toLowerCase();
    const team = (await store.sync.objects(programme.programme.id)).find((o) => o.key === 'team')?.graphId ?? '';
    const channel = (await store.sync.objects(programme.programme.id)).find((o) => o.key.startsWith('channel'));
    const p = plannerGraph(gateway, host);
    await p.plansOfGroup(team);
    const plan = await p.createPlan(team, 'Acties proef');
    const bucket = await p.createBucket(plan.id, 'Te doen');
    await p.buckets(plan.id);
    await p.labelCategories(plan.id, { category1: 'Besluit nodig' });
    if (channel?.graphId) await p.addTab(team, channel.graphId, plan.id);
    const task = await p.createTask(plan.id, { title: 'Proeftaak', bucketId: bucket.id });
    await p.tasks(plan.id);
    const read = await p.task(task.id);
    const updated = await p.updateTask(task.id, read['@odata.etag'], { percentComplete: 50 });
    await p.setNotes(task.id, 'Notitie');
    expect(updated.id).toBe(task.id);
    await p.deleteTask(task.id, (await p.task(task.id))['@odata.etag']);

    // The bot: a person of a partner gemeente looked up in their own tenant, and the organizer's calendar read.
    const partner = programme.gemeenten.find((g) => !g.host && g.tenantId);
    const partnerTid = String(partner?.tenantId).toLowerCase();
    const upn = programme.people.find((x) => x.gemeente === partner?.id)?.upn ?? '';
    await graphUserLookup(gateway)(partnerTid, upn);
    await calendarOverrides(gateway, programme, host, [], {
      from: new Date('2026-11-23T00:00:00Z'),
      until: new Date('2026-12-23T00:00:00Z'),
    });
    routes = tenant
      .requests(10_000)
      .filter((r) => r.route !== 'POST /v1.0/$batch' && r.status < 400)
      .map((r) => ({ route: r.route, tenantId: r.tenantId ?? '' }));
  } finally {
    await store.close();
    await http.close();
  }
}, 180_000);

afterAll(async () => {
  await tenant?.stop();
});

describe('the permissions table covers every Graph call the product makes', () => {
  it('each call is allowed by a role its tenant grants', () => {
    const host = String(programme.gemeenten.find((g) => g.host)?.tenantId).toLowerCase();
    expect(routes.length).toBeGreaterThan(50);
    const uncovered = new Set<string>();
    for (const { route, tenantId } of routes) {
      const granted = tenantId === host ? REQUIRED_ROLES : entraRolesFor(false, false);
      const call = normalRoute(route);
      if (!granted.some((r) => r.calls.flatMap(expand).includes(call)))
        uncovered.add(`${route} (${tenantId === host ? 'host' : 'partner'} tenant)`);
    }
    expect([...uncovered]).toEqual([]);
    // The calls seen include the host's team, channels, members, meetings and Planner, and partners' look-ups.
    const seen = new Set(routes.map((r) => normalRoute(r.route)));
    for (const call of ['POST /teams', 'POST /teams/{}/installedApps', 'POST /users/{}/events', 'POST /planner/plans'])
      expect(seen, call).toContain(call);
    expect(routes.some((r) => r.tenantId !== host && normalRoute(r.route) === 'GET /users/{}')).toBe(true);
  });
});
