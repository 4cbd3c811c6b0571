// `npm run bench`: the sync against the local tenant with its documented limits on and 100 ms added latency, for
// BLNP and for a synthetic programme ten times its size: first apply into empty tenants, a sync with nothing to
// change, and a sync after 10 changes to the file. Prints wall time, requests by kind, 429s, the lower bound the
// limits imply and the ratio to it. A benchmark, not a test: it measures, it does not assert.
import { loadProgrammeFile } from '../src/adapters/files/programme-file.ts';
import { gatewayForLocalTenant } from '../src/adapters/graph/connect.ts';
import { openStore } from '../src/adapters/store/open.ts';
import { graphSync } from '../src/adapters/sync/graph.ts';
import { runSync, type SyncResult } from '../src/app/sync.ts';
import { ProgrammeSchema, type Programme } from '../src/domain/programme/schema.ts';
import { TENANT_IN_MEMORY, startLocalTenant } from '@regiekamer/local-tenant';
import { localTenantDirectory } from '../src/entry/server/local-tenant-data.ts';
import { systemClock } from '../src/platform/clock.ts';
import { users } from '../src/adapters/graph/endpoints/directory.ts';
import { planner } from '../src/adapters/graph/endpoints/planner.ts';
import { teams, userMember } from '../src/adapters/graph/endpoints/teams.ts';
import { pollPlanner } from '../src/app/work/planner-sync.ts';
import { plannerGraph } from '../src/adapters/work/planner-graph.ts';
import { benchActionExecute, benchFanOut } from './bench-bot.ts';
import { benchTab } from './bench-tab.ts';
import { benchCli } from './bench-cli.ts';
import { scaled } from './generate-programme.ts';

const LATENCY_MS = 100;
const TEAM_RPS = 4;
const MAILBOX_CONCURRENCY = 4;

/** Ten changes to the file: ten people join a werkgroep with a shared channel they were not in. */
function tenChanges(p: Programme): Programme {
  const next = structuredClone(p);
  const shared = next.bodies.filter((b) => b.kind === 'werkgroep' && b.channel?.kind === 'shared');
  let made = 0;
  for (const person of next.people) {
    if (made === 10) break;
    const body = shared[made % shared.length];
    if (!body || body.members.includes(person.id)) continue;
    body.members.push(person.id);
    made++;
  }
  return next;
}

interface Row {
  programme: string;
  scenario: string;
  wallS: number;
  requests: number;
  batches: number;
  subRequests: number;
  writes: number;
  retries: number;
  received429: number;
  lowerBoundS: number;
}

async function measure(
  label: string,
  programme: Programme,
  steps: { scenario: string; programme: Programme }[],
): Promise<Row[]> {
  const tenant = await startLocalTenant({
    directory: localTenantDirectory(programme),
    dataDir: TENANT_IN_MEMORY,
    port: 0,
    httpPort: null,
    faults: { latencyMs: LATENCY_MS, throttling: true },
  });
  const graph = gatewayForLocalTenant({
    baseUrl: tenant.baseUrl,
    httpUrl: tenant.httpUrl,
    caCertPem: tenant.caCertPem,
    caCertPath: tenant.caCertPath,
    tenants: tenant.tenants,
    app: tenant.app,
  });
  const store = await openStore({ dataDir: 'memory://' });
  await store.migrate();
  const rows: Row[] = [];
  try {
    for (const step of steps) {
      tenant.resetStats();
      const started = performance.now();
      const r: SyncResult = await runSync(
        { graph: graphSync(graph.gateway, { pollDelayMs: 250 }), store, programme: step.programme, clock: systemClock },
        'apply',
      );
      const wallS = (performance.now() - started) / 1000;
      const stats = tenant.stats();
      // Requests that count against the one team's 4/s window, and calendar requests against the mailbox's 4 concurrent.
      let team = 0;
      let mailbox = 0;
      for (const [route, c] of Object.entries(stats.byRoute)) {
        const n = c.count + c.subRequests;
        if (/ \/v1\.0\/teams\/\{team-id\}/.test(route)) team += n;
        if (/\/(events|calendarView)/.test(route)) mailbox += n;
      }
      const lowerBoundS = Math.max(
        Math.max(0, team - TEAM_RPS) / TEAM_RPS,
        (mailbox * LATENCY_MS) / MAILBOX_CONCURRENCY / 1000,
        LATENCY_MS / 1000,
      );
      const m = r.metrics;
      const writes =
        Object.entries(m.byMethod)
          .filter(([k]) => k !== 'GET')
          .reduce((n, [, v]) => n + v, 0) - m.batches;
      rows.push({
        programme: label,
        scenario: step.scenario,
        wallS,
        requests: m.requests,
        batches: m.batches,
        subRequests: m.subRequests,
        writes,
        retries: m.retries,
        received429: m.throttled,
        lowerBoundS,
      });
      if (r.summary.failed > 0) console.error(`  ${label} / ${step.scenario}: ${r.summary.failed} change(s) failed`);
    }
  } finally {
    await store.close();
    await graph.close();
    await tenant.stop();
  }
  return rows;
}

/**
 * Polling Planner: 100 plans × 100 tasks, then 1 % of the tasks changed by people. An unchanged plan should cost
 * one list read, so a poll's reads follow the number of plans, not of tasks.
 */
async function measurePlanner(plans: number, tasksPerPlan: number): Promise<string[]> {
  const programme = ProgrammeSchema.parse({
    version: 1,
    programme: {
      id: 'bench-planner',
      name: 'Bench Planner',
      organizer: 'regiekamer@alfa.example',
      team: { name: 'Benchteam', owners: ['anna'] },
    },
    gemeenten: [
      {
        id: 'alfa',
        name: 'Alfa',
        tenantId: '11111111-1111-4111-8111-111111111111',
        domain: 'alfa.example',
        host: true,
      },
    ],
    people: [{ id: 'anna', name: 'Anna Alfa', upn: 'anna@alfa.example', gemeente: 'alfa', hoursPerWeek: 24 }],
    bodies: [
      { id: 'pg', kind: 'projectgroep', name: 'Projectgroep', lead: 'anna', members: ['anna'] },
      ...Array.from({ length: plans }, (_, i) => ({
        id: `wg-${i + 1}`,
        kind: 'werkgroep',
        name: `Werkgroep ${i + 1}`,
        projectgroep: 'pg',
        trekker: 'anna',
        members: ['anna'],
      })),
    ],
  });
  const tenantId = '11111111-1111-4111-8111-111111111111';
  const tenant = await startLocalTenant({
    directory: localTenantDirectory(programme),
    dataDir: TENANT_IN_MEMORY,
    port: 0,
    httpPort: null,
    faults: { latencyMs: 0, throttling: true },
  });
  const info = {
    baseUrl: tenant.baseUrl,
    httpUrl: tenant.httpUrl,
    caCertPem: tenant.caCertPem,
    caCertPath: tenant.caCertPath,
    tenants: tenant.tenants,
    app: tenant.app,
  };
  // Setting up 10,000 tasks is not what is measured: a separate gateway without the per-tenant pacing does it.
  const setup = gatewayForLocalTenant(info, undefined, { limits: { perTenant: 2000 } });
  const graph = gatewayForLocalTenant(info);
  const store = await openStore({ dataDir: 'memory://' });
  await store.migrate();
  const lines: string[] = [];
  try {
    const anna = (
      await setup.gateway.request<{ id: string }>(tenantId, users.get('anna@alfa.example', { select: ['id'] }))
    ).body.id;
    const created = await setup.gateway.request(
      tenantId,
      teams.create({
        'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
        displayName: 'Benchteam',
        members: [userMember(anna, ['owner'])],
      }),
    );
    const groupId = /\/teams\('([^']+)'\)/.exec(created.headers['location'] ?? '')?.[1] as string;
    const deps = (g: typeof graph.gateway) => ({
      graph: plannerGraph(g, tenantId),
      store,
      programme,
      clock: systemClock,
      tenantId,
      groupId,
      userIdOf: (p: string) => (p === 'anna' ? anna : undefined),
      personOfUser: (u: string) => (u === anna ? 'anna' : undefined),
    });
    await pollPlanner(deps(setup.gateway));
    const planIds = (await store.actions.plans(programme.programme.id)).map((x) => x.planId);
    const items = planIds.flatMap((planId) =>
      Array.from({ length: tasksPerPlan }, (_, i) => planner.createTask(planId, { planId, title: `Taak ${i + 1}` })),
    );
    for (let i = 0; i < items.length; i += 200) await setup.gateway.batch(tenantId, items.slice(i, i + 200));
    tenant.setFaults({ latencyMs: LATENCY_MS });
    const measureOne = async (label: string) => {
      graph.gateway.resetMetrics();
      const started = performance.now();
      const s = await pollPlanner(deps(graph.gateway));
      const wall = (performance.now() - started) / 1000;
      const m = graph.gateway.metrics();
      lines.push(
        `| ${label} | ${wall.toFixed(1)} | ${m.requests} | ${m.byMethod['GET'] ?? 0} | ${m.requests - (m.byMethod['GET'] ?? 0)} | ${s.tasksRead} | ${s.fromPlanner} | ${m.throttled} |`,
      );
    };
    await measureOne(`eerste poll (${planIds.length * tasksPerPlan} taken inlezen)`);
    await measureOne('niets gewijzigd');
    const all = await store.actions.list(programme.programme.id);
    const changed = all.filter((_, i) => i % 100 === 0);
    tenant.setFaults({ latencyMs: 0 });
    for (const a of changed) {
      const t = (await setup.gateway.request<{ '@odata.etag': string }>(tenantId, planner.task(a.taskId as string)))
        .body;
      await setup.gateway.request(
        tenantId,
        planner.updateTask(a.taskId as string, t['@odata.etag'], { title: `${a.fields.title} (gewijzigd)` }),
      );
    }
    tenant.setFaults({ latencyMs: LATENCY_MS });
    await measureOne(`1 % gewijzigd in Planner (${changed.length} taken)`);
  } finally {
    await store.close();
    await setup.close();
    await graph.close();
    await tenant.stop();
  }
  return lines;
}

const loaded = await loadProgrammeFile('programmes/blnp.yaml');
if (!loaded.ok) throw new Error('programmes/blnp.yaml does not load');
// `--sync-only`, `--planner-only`, `--bot-only`, `--tab-only`, `--cli-only` (combinable) run only those parts; `--quick`
// runs the sync and the command line for BLNP alone and skips the Planner poll.
const only = ['sync', 'planner', 'bot', 'tab', 'cli'].filter((part) => process.argv.includes(`--${part}-only`));
const runs = (part: string) => only.length === 0 || only.includes(part);
const quick = process.argv.includes('--quick');
const factors = !runs('sync') ? [] : quick ? [1] : [1, 10];
const rows: Row[] = [];
for (const factor of factors) {
  const p = scaled(loaded.programme, factor);
  const label = factor === 1 ? 'BLNP' : `BLNP ×${factor}`;
  console.error(
    `${label}: ${p.people.length} personen, ${p.bodies.filter((b) => b.channel).length} kanalen, ${p.cadences.length} overlegritmes …`,
  );
  rows.push(
    ...(await measure(label, p, [
      { scenario: 'eerste apply (lege tenant)', programme: p },
      { scenario: 'niets gewijzigd', programme: p },
      { scenario: '10 wijzigingen in het bestand', programme: tenChanges(p) },
    ])),
  );
}

if (rows.length > 0) {
  const header =
    '| programma | scenario | tijd (s) | verzoeken | batches | deelverzoeken | schrijfacties | herhaald | 429 | ondergrens (s) | verhouding |';
  console.log(header);
  console.log(
    `|${header
      .split('|')
      .slice(1, -1)
      .map(() => ' --- ')
      .join('|')}|`,
  );
  for (const r of rows) {
    console.log(
      `| ${r.programme} | ${r.scenario} | ${r.wallS.toFixed(1)} | ${r.requests} | ${r.batches} | ${r.subRequests} | ${r.writes} | ${r.retries} | ${r.received429} | ${r.lowerBoundS.toFixed(1)} | ${(r.wallS / r.lowerBoundS).toFixed(2)} |`,
    );
  }
  console.log(
    `\nLokale tenant: limieten aan (4 verzoeken/s per team, 4 gelijktijdig per postvak), ${LATENCY_MS} ms extra latentie. ` +
      'Ondergrens = het maximum van (verzoeken op het team − 4) / 4 per s en postvakverzoeken × latentie / 4. Schrijfacties = schrijvende (deel)verzoeken.',
  );
}
if (!quick && runs('planner')) {
  console.error('Planner: 100 plannen × 100 taken …');
  const lines = await measurePlanner(100, 100);
  console.log(
    '\n| Planner-poll (100 plannen × 100 taken) | tijd (s) | verzoeken | leesacties | schrijfacties | taken gelezen | overgenomen uit Planner | 429 |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- |');
  for (const l of lines) console.log(l);
}
if (runs('bot')) {
  console.error('Bot: Action.Execute en fan-out …');
  console.log('\n| Bot | rondes | p50 (ms) | p95 (ms) | fouten | opgeslagen revisie |');
  console.log('| --- | --- | --- | --- | --- | --- |');
  console.log(await benchActionExecute(loaded.programme));
  console.log(
    '\n| Fan-out (Bot Connector, limieten aan) | tijd (s) | ondergrens (s) | verhouding | verstuurd | dubbel | verloren | 429 | herhaald |',
  );
  console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
  console.log(await benchFanOut());
}
if (runs('tab')) {
  console.error('Tab: bouwen, eerste JavaScript en weergaven in Chromium …');
  console.log('');
  for (const l of await benchTab(loaded.programme)) console.log(l);
}
if (runs('cli')) {
  console.error('CLI: validate en plan (nieuw proces per keer, lokale tenant) …');
  console.log(
    '\nDe command line (`regiekamer validate` en `regiekamer plan`, elk een nieuw proces, tegen de lokale tenant):\n',
  );
  for (const l of await benchCli({ quick })) console.log(l);
  console.log(
    '\nCPU = eigen rekentijd van het proces (user + system), zonder wachten op de tenant; piekgeheugen = maxRSS. ' +
      'Doelen (issue 14 §9): validate BLNP ≤ 0,5 s; plan voor 10.000 personen ≤ 5 s eigen werk en ≤ 400 MB.',
  );
}
