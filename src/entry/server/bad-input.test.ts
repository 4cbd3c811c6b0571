// Every bad input to the server gets a clear refusal (400, 413 or 415 with the message in Dutch and English), never
// a 500, and changes nothing: each bad input below goes to EVERY write route of the API (read from the router
// itself, so a new route is covered without touching this test) and to the bot's endpoint, through the whole HTTP
// app (createHttpApp) as the server mounts it, as the projectleider (who may change everything, so a refusal is the
// input's). The store is compared table by table before and after.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import type { Router } from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '../../adapters/auth/testing.ts';
import { createBotEndpoint, type BotLogic } from '../../adapters/bot/transport.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import { seedActions, seedDecisions, seedMeasurements } from '../../adapters/work/seed.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { createLogger } from '../../platform/logger.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { apiRouter } from './api.ts';
import { createHttpApp } from './http.ts';

const TODAY = '2026-11-23';
let p: Programme;
let store: Store;
let server: Server;
let base: string;
let token: string;
let api: Router;
const logged: string[] = [];
const logicCalls: string[] = [];

const logic: BotLogic = {
  async message(_inbound, text) {
    logicCalls.push(`message ${text}`);
    return [{ type: 'message', text: 'antwoord' }];
  },
  async cardAction(_inbound, verb) {
    logicCalls.push(`card ${verb}`);
    return {};
  },
  async installed() {
    logicCalls.push('installed');
    return [];
  },
  async removed() {
    logicCalls.push('removed');
  },
};

/** Every row of every table of the store, as text: what "nothing changed" is compared on. */
async function snapshot(): Promise<string[]> {
  const tables = await store.db.query<{ name: string }>(
    `select table_schema || '.' || table_name as name from information_schema.tables
      where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema') order by 1`,
  );
  const out: string[] = [];
  for (const { name } of tables.rows) {
    const [schema, table] = name.split('.');
    const rows = await store.db.query<{ row: string }>(
      `select row_to_json(t)::text as row from "${schema}"."${table}" t`,
    );
    out.push(
      `${name}: ${rows.rows
        .map((r) => r.row)
        .sort()
        .join('\n')}`,
    );
  }
  return out;
}

/** The write routes of the API router: method and path (with :params), as the router has them. */
function writeRoutes(router: Router): { method: string; path: string }[] {
  const routes: { method: string; path: string }[] = [];
  for (const layer of router.stack as { route?: { path: string; methods: Record<string, boolean> } }[]) {
    if (!layer.route) continue;
    for (const [method, on] of Object.entries(layer.route.methods)) {
      if (on && ['post', 'put', 'patch', 'delete'].includes(method)) routes.push({ method, path: layer.route.path });
    }
  }
  return routes;
}

/** A real id for each route parameter (so an input that got through would reach an existing thing). */
async function realPath(path: string): Promise<string> {
  const pid = p.programme.id;
  const [action] = await store.actions.list(pid);
  const [decision] = await store.decisions.list(pid);
  const [indicator] = p.indicators;
  const topic = p.backlog[0]?.topics[0];
  const ids: Record<string, string | undefined> = {
    acties: action?.id,
    besluiten: decision?.id,
    indicatoren: indicator?.id,
    backlog: topic?.id,
  };
  return path.replace(/\/([^/]+)\/:\w+/g, (_m, seg: string) => `/${seg}/${encodeURIComponent(ids[seg] ?? 'x')}`);
}

async function send(
  method: string,
  url: string,
  body: string | Uint8Array | undefined,
  contentType = 'application/json',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${base}${url}`, {
    method: method.toUpperCase(),
    headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
    ...(body !== undefined ? { body: typeof body === 'string' ? body : new Uint8Array(body) } : {}),
  });
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as Record<string, unknown> };
  } catch {
    return { status: res.status, body: { unparsable: text.slice(0, 200) } };
  }
}

/** Message in Dutch and English: "nl / en", both parts non-empty. */
const bilingual = (m: unknown) => typeof m === 'string' && /^\S.* \/ \S.*$/.test(m);

beforeAll(async () => {
  p = await loadProgramme('blnp');
  const clock = new FixedClock(`${TODAY}T10:00:00Z`);
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const pid = p.programme.id;
  for (const a of seedActions(p, TODAY)) await store.actions.save(pid, a, clock.now());
  for (const d of seedDecisions(p, TODAY, await store.actions.list(pid)))
    await store.decisions.save(pid, d, clock.now());
  for (const m of seedMeasurements(p, TODAY)) await store.indicators.record(pid, m, clock.now());

  const issuer = await testIssuer();
  const leader = p.people.find((x) => x.roles.includes('projectleider'));
  const tid = p.gemeenten.find((g) => g.id === leader?.gemeente)?.tenantId;
  if (!leader || !tid) throw new Error('a projectleider in a tenant');
  token = await issuer.userToken(tid, leader.upn, clock.now());

  const logStream = new PassThrough();
  logStream.on('data', (d: Buffer) => logged.push(...d.toString().trim().split('\n')));
  const logger = createLogger('debug', logStream);
  api = apiRouter({
    store,
    programme: p,
    clock,
    validate: issuer.validator(
      p.gemeenten.flatMap((g) => (g.tenantId ? [g.tenantId] : [])),
      clock,
    ),
    today: () => TODAY,
    changed: () => undefined,
    triggerRhythm: async () => ({ planned: 1, dispatched: 1 }),
    nudge: async () => 0,
  });
  // The bot's endpoint as a local server on loopback has it: activities without a token are taken.
  const bot = createBotEndpoint({ logic, allowUnauthenticated: true, allowedTenants: new Set(), logger }).router;
  const app = createHttpApp({ check: async () => ({}) }, logger, api, bot);
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
});

/** The bad bodies: what is sent, with which content type, and the status it must get. */
const BAD_BODIES: [string, string | Uint8Array, string, number][] = [
  ['a null body', 'null', 'application/json', 400],
  ['a JSON string body', '"gereed"', 'application/json', 400],
  ['malformed JSON', '{"title": "Nieuw', 'application/json', 400],
  ['NaN in a number', '{"date": "2026-11-20", "value": NaN}', 'application/json', 400],
  ['a body over the 64 kB limit', JSON.stringify({ notes: 'x'.repeat(70_000) }), 'application/json', 413],
  ['charset=utf-16', Buffer.from('{"title":"x"}', 'utf16le'), 'application/json; charset=utf-16', 415],
  ['charset=latin1', '{"title":"x"}', 'application/json; charset=iso-8859-1', 415],
  ['a NUL character in a string', '{"title": "a\\u0000b", "notes": "x"}', 'application/json', 400],
  ['a lone surrogate in a string', '{"title": "a\\ud800b"}', 'application/json', 400],
];

describe('bad input to every write route of the API', () => {
  it('finds the write routes in the router', () => {
    const routes = writeRoutes(api).map((r) => `${r.method} ${r.path}`);
    expect(routes).toEqual(expect.arrayContaining(['patch /acties/:id', 'post /bot/ritme']));
    expect(routes.length).toBeGreaterThanOrEqual(7);
  });

  it.each(BAD_BODIES)(
    'refuses %s on every write route, bilingual, changing nothing',
    async (_n, body, type, status) => {
      const before = await snapshot();
      for (const route of writeRoutes(api)) {
        const r = await send(route.method, `/api${await realPath(route.path)}`, body, type);
        expect({ route: `${route.method} ${route.path}`, status: r.status }).toEqual({
          route: `${route.method} ${route.path}`,
          status,
        });
        expect(typeof r.body['error']).toBe('string');
        expect(bilingual(r.body['message']), JSON.stringify(r.body)).toBe(true);
      }
      expect(await snapshot()).toEqual(before);
    },
  );

  it.each([
    ['%00 in the path', '%00'],
    ['a NUL between characters', 'a%00b'],
    ['a broken percent-escape', '%E0%A4%A'],
    ['a lone percent sign', '%'],
    ['an escape that is not UTF-8', '%C3%28'],
  ])('refuses %s in a route parameter with 400, bilingual, changing nothing', async (_n, bad) => {
    const before = await snapshot();
    for (const route of writeRoutes(api)) {
      if (!route.path.includes('/:')) continue;
      const url = `/api${route.path.replace(/:\w+/, bad)}`.replace(/:\w+/g, 'x');
      const r = await send(route.method, url, '{}');
      expect({ route: `${route.method} ${route.path}`, status: r.status }).toEqual({
        route: `${route.method} ${route.path}`,
        status: 400,
      });
      expect(bilingual(r.body['message']), JSON.stringify(r.body)).toBe(true);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a NUL in a query value of a read route with 400, not a database error', async () => {
    const r = await send('get', '/api/backlog?werkgroep=%00', undefined);
    expect(r.status).toBe(400);
    expect(bilingual(r.body['message'])).toBe(true);
  });
});

describe('bad input to the bot endpoint (/api/messages)', () => {
  const activity = (extra: Record<string, unknown> = {}) => ({
    type: 'message',
    id: 'a1',
    text: 'help',
    channelId: 'msteams',
    serviceUrl: 'http://localhost:56150/_connector',
    from: { id: 'user-id-0' },
    recipient: { id: 'bot' },
    conversation: { id: 'c1', conversationType: 'personal', tenantId: 't1' },
    ...extra,
  });
  const post = async (body: string | Uint8Array, contentType = 'application/json') => {
    const res = await fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': contentType },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    const text = await res.text();
    return { status: res.status, body: JSON.parse(text) as { error?: { code?: unknown; message?: unknown } } };
  };

  it.each([
    ['truncated JSON', JSON.stringify(activity()).slice(0, 40), 'application/json', 400],
    ['a null body', 'null', 'application/json', 400],
    ['a JSON string body', '"help"', 'application/json', 400],
    ['a 300 KB body', JSON.stringify(activity({ text: 'x'.repeat(300_000) })), 'application/json', 413],
    ['charset=utf-16', Buffer.from(JSON.stringify(activity()), 'utf16le'), 'application/json; charset=utf-16', 415],
    ['a NUL in the text', JSON.stringify(activity({ text: 'a\u0000b' })), 'application/json', 400],
  ] as const)('refuses %s with its 4xx, bilingual, before the bot logic runs', async (_n, body, type, status) => {
    logicCalls.length = 0;
    const r = await post(body, type);
    expect(r.status).toBe(status);
    expect(typeof r.body.error?.code).toBe('string');
    expect(bilingual(r.body.error?.message), JSON.stringify(r.body)).toBe(true);
    expect(logicCalls).toEqual([]);
  });

  it('refuses a token-less activity whose reply address is not on this machine with 403, and logs why', async () => {
    logicCalls.length = 0;
    logged.length = 0;
    const r = await post(JSON.stringify(activity({ serviceUrl: 'https://smba.trafficmanager.net/emea/' })));
    expect(r.status).toBe(403);
    expect(bilingual(r.body.error?.message)).toBe(true);
    expect(logicCalls).toEqual([]);
    expect(logged.some((l) => /serviceUrl/.test(l) && /"level":40/.test(l))).toBe(true);
  });

  // Not bad input: the activity is fine, its reply cannot be delivered (a fault on the way out, so a 5xx). What was
  // wrong is that nothing was logged (the SDK's logger was switched off) and the client got the SDK's English text.
  it('logs the Teams SDK failing to deliver a reply (its logger goes into ours), without the message text', async () => {
    logicCalls.length = 0;
    logged.length = 0;
    // A local reply address where nothing listens: the SDK's reply fails.
    const r = await post(JSON.stringify(activity({ serviceUrl: 'http://127.0.0.1:9/', text: 'geheim bericht' })));
    expect(logicCalls).toEqual(['message geheim bericht']);
    expect(r.status).toBe(500);
    expect(bilingual(r.body.error?.message)).toBe(true);
    const sdk = logged.filter((l) => l.includes('"component":"teams-sdk"'));
    expect(sdk.some((l) => /"level":50/.test(l))).toBe(true);
    expect(logged.join('\n')).not.toContain('geheim bericht');
  });
});
