// Tenant mode end to end: the server as a deployment runs it — REGIEKAMER_MODE=tenant, two processes on two ports
// on one PostgreSQL database, no proxy, no data directory — against the local tenant standing in for Microsoft 365
// over HTTPS: Graph at GRAPH_BASE_URL, Entra ID at AUTHORITY_HOST, the Bot Framework's OpenID metadata at
// BOT_OPENID_METADATA_URL, the Bot Connector at the activities' serviceUrl, its CA trusted through EXTRA_CA_FILE only,
// the app's client credentials from the environment. Checked: the banner names the mode; every local-only shortcut
// (README, "Tenant mode") is off; the tab's API takes a person's token from a programme tenant only; the bot takes
// Bot-Framework-signed activities only and answers through the Bot Connector; scheduled messages go out exactly once
// across both instances; the periodic sync converges BLNP one run at a time, and its next run writes nothing; and a
// person of a non-host gemeente is reached as docs/identiteit.md decides: the local tenant's Bot Connector is a
// single-tenant bot's (host tenant) and refuses a personal chat with them, so their progress ask comes in their
// werkgroep's shared channel @mentioning them, which only they can answer; they sign in to the tab with a token of
// their home tenant, and a tenant off the allow-list is refused.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, inject, it, vi } from 'vitest';
import { loadProgrammeFile } from '../src/adapters/files/programme-file.ts';
import { createHttpClient, type HttpClient } from '../src/adapters/http/fetch.ts';
import { DELIVER_QUEUE } from '../src/adapters/bot/deliveries.ts';
import { startJobRunner } from '../src/adapters/queue/jobs.ts';
import { openStore } from '../src/adapters/store/open.ts';
import type { Store } from '../src/adapters/store/store.ts';
import type { Programme, Werkgroep } from '../src/domain/programme/schema.ts';
import { meetingOccurrences } from '../src/domain/bot/rhythm.ts';
import { startLocalTenant, type LocalTenantHandle } from '@regiekamer/local-tenant';
import { localTenantApp, localTenantDirectory } from '../src/entry/server/local-tenant-data.ts';
import { serverBackend, type TestDatabase } from './helpers/db.ts';
import { startStack, type RunningStart } from './helpers/stack.ts';
import { buildInCopy } from './helpers/checkout-copy.ts';

/**
 * The one place that says how a server is started: [executable, arguments] — the built server
 * (`npm run build` in a copy of the checkout, made in beforeAll), run with plain node as a deployment runs it.
 */
let built: Awaited<ReturnType<typeof buildInCopy>>;
function serverCommand(): [string, string[]] {
  return [process.execPath, [built.bin, 'start']];
}

const root = path.resolve(import.meta.dirname, '..');
/** A gemeente that is not in BLNP: the local tenant has it (as Microsoft 365 has tenants beyond the programme). */
const OUTSIDER = {
  id: 'baarn',
  name: 'Baarn',
  tenantId: '0b4a7e1d-6c2f-4d8a-9e3b-5f1c2d3e4b05',
  domain: 'baarn.example',
  host: false,
};
const REDIRECT = 'http://127.0.0.1/tab/aanmelden/terug';

let dir: string;
let db: TestDatabase;
let store: Store;
let blnp: Programme;
let tenant: LocalTenantHandle;
let http: HttpClient;
let a: RunningStart;
let b: RunningStart;
let urlA: string;
let urlB: string;
let dataDir: string;
const ports = { playground: 0, localTenant: 0 };

/** A port that was free a moment ago (nothing of ours listens on it; the test asserts nothing does). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

const tfetch = (url: string, init?: RequestInit) => http.fetch(url, init);
const userIn = (tid: string, upn: string): { id: string; upn: string } => {
  const users = Object.values(tenant.state().tenants[tid]?.collections['users'] ?? {});
  const u = users.find((x) => String(x['userPrincipalName']).toLowerCase() === upn.toLowerCase());
  if (!u) throw new Error(`no user ${upn} in ${tid}`);
  return { id: String(u['id']), upn: String(u['userPrincipalName']) };
};
const tenantOf = (gemeente: string) => String(blnp.gemeenten.find((g) => g.id === gemeente)?.tenantId).toLowerCase();
const personNamed = (id: string) => {
  const p = blnp.people.find((x) => x.id === id);
  if (!p) throw new Error(`no person ${id}`);
  return { ...p, tenantId: tenantOf(p.gemeente ?? ''), user: userIn(tenantOf(p.gemeente ?? ''), p.upn) };
};

/**
 * A person signs in at the local tenant as the tab does outside Teams (authorization code + PKCE): the delegated
 * token for the API, for the person whose UPN `pick` accepts (the first one listed when it is absent).
 */
async function personToken(tenantSegment: string, pick?: (upn: string) => boolean): Promise<string> {
  const verifier = randomBytes(32).toString('base64url');
  const q = new URLSearchParams({
    client_id: tenant.app.clientId,
    response_type: 'code',
    redirect_uri: REDIRECT,
    scope: 'api://regiekamer/access_as_user openid profile',
    code_challenge: createHash('sha256').update(verifier).digest('base64url'),
    code_challenge_method: 'S256',
    state: 'rk',
  });
  const page = await tfetch(`${tenant.baseUrl}/${tenantSegment}/oauth2/v2.0/authorize?${q}`);
  expect(page.status).toBe(200);
  const people = [...(await page.text()).matchAll(/value="([^"]+)">[^<]*<small>([^<]+)<\/small>/g)].map((m) => ({
    login: m[1] as string,
    upn: m[2] as string,
  }));
  const chosen = pick ? people.find((p) => pick(p.upn)) : people[0];
  if (!chosen) throw new Error(`nobody to sign in at ${tenantSegment}`);
  const back = await tfetch(`${tenant.baseUrl}/${tenantSegment}/oauth2/v2.0/authorize`, {
    method: 'POST',
    body: new URLSearchParams({ ...Object.fromEntries(q), login: chosen.login }),
    redirect: 'manual',
  });
  expect(back.status).toBe(302);
  const code = new URL(back.headers.get('location') ?? '').searchParams.get('code') ?? '';
  const res = await tfetch(`${tenant.baseUrl}/${tenantSegment}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: tenant.app.clientId,
      code,
      redirect_uri: REDIRECT,
      code_verifier: verifier,
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** An app-only token of the registered app from the local tenant's token endpoint (client credentials). */
async function appToken(tid: string, resource: string): Promise<string> {
  const res = await tfetch(`${tenant.baseUrl}/${tid}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: tenant.app.clientId,
      client_secret: tenant.app.clientSecret,
      scope: `${resource}/.default`,
    }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}

/** A channel token as the Bot Connector sends it with an activity (the local tenant's stand-in for the Bot Framework). */
async function channelToken(serviceUrl: string): Promise<string> {
  const res = await tfetch(`${tenant.baseUrl}/_local/botframework/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ audience: tenant.app.clientId, serviceUrl }),
  });
  expect(res.status).toBe(200);
  return ((await res.json()) as { token: string }).token;
}

/** A Teams activity from a person in a personal chat with the bot; serviceUrl is the local tenant's Bot Connector. */
function activity(o: {
  tenantId: string;
  aadObjectId: string;
  conversationId: string;
  type?: string;
  text?: string;
  extra?: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    type: o.type ?? 'message',
    id: randomUUID(),
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${tenant.baseUrl}/`,
    locale: 'nl-NL',
    from: { id: `29:${o.aadObjectId}`, aadObjectId: o.aadObjectId },
    recipient: { id: `28:${tenant.app.clientId}`, name: 'Regiekamer' },
    conversation: { id: o.conversationId, conversationType: 'personal', tenantId: o.tenantId },
    channelData: { tenant: { id: o.tenantId } },
    ...(o.text !== undefined ? { text: o.text } : {}),
    ...o.extra,
  };
}

async function postActivity(url: string, body: unknown, authorization?: string): Promise<number> {
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
    body: JSON.stringify(body),
  });
  await res.arrayBuffer();
  return res.status;
}

/** What the local tenant's Bot Connector received in a conversation, as JSON text per activity. */
const received = (conversationId: string) =>
  tenant.bot.activities({ conversationId }).map((r) => JSON.stringify(r.activity ?? {}));

const api = (url: string, p: string, token?: string, init: RequestInit = {}) =>
  fetch(`${url}/api${p}`, {
    ...init,
    headers: { ...(init.headers ?? {}), ...(token ? { authorization: `Bearer ${token}` } : {}) },
  });

interface SyncRun {
  id: string;
  state: string;
  started: Date | null;
  completed: Date | null;
  output: { ok?: boolean; summary?: { created: number; updated: number; failed: number }; error?: string } | null;
}
async function syncRuns(): Promise<SyncRun[]> {
  const r = await store.db.query<{
    id: string;
    state: string;
    started_on: Date | null;
    completed_on: Date | null;
    output: SyncRun['output'];
  }>(
    // pg-boss 12 keeps finished jobs in its job table (no archive table since pg-boss 11).
    `SELECT id, state, started_on, completed_on, output FROM pgboss.job WHERE name = 'sync'`,
  );
  return r.rows
    .map((x) => ({
      id: String(x.id),
      state: x.state,
      started: x.started_on ? new Date(x.started_on) : null,
      completed: x.completed_on ? new Date(x.completed_on) : null,
      output: x.output,
    }))
    .sort((x, y) => (x.started?.getTime() ?? Infinity) - (y.started?.getTime() ?? Infinity));
}

beforeAll(async () => {
  // Two server processes share one database: that needs a real PostgreSQL server (PGlite over the wire is one session).
  if (inject('databaseKind') !== 'postgres')
    throw new Error("tenant-mode.test.ts needs a PostgreSQL server (TEST_DATABASE_URL or Debian's postgresql package)");
  built = await buildInCopy();
  dir = await mkdtemp(path.join(os.tmpdir(), 'rk-tenantmode-'));
  dataDir = path.join(dir, 'geen-datamap');
  const loaded = await loadProgrammeFile(path.join(root, 'programmes/blnp.yaml'));
  if (!loaded.ok) throw new Error('programmes/blnp.yaml does not load');
  blnp = loaded.programme;
  // The local tenant alone, as `regiekamer tenant serve` runs it: HTTPS with its own CA, its files in its data dir.
  // Throttling and latency off: the gateway paces itself under the documented limits either way.
  tenant = await startLocalTenant({
    directory: localTenantDirectory({ ...blnp, gemeenten: [...blnp.gemeenten, OUTSIDER] }),
    app: localTenantApp({}),
    // A single-tenant bot registered in the host tenant, as new Azure bots are (docs/identiteit.md).
    botTenantId: tenantOf('leusden'),
    dataDir: path.join(dir, 'local-tenant'),
    port: 0,
    httpPort: null,
    faults: { throttling: false, latencyMs: 0, share429: 0, share503: 0 },
  });
  http = createHttpClient({ caCertPem: tenant.caCertPem });
  db = await serverBackend.createDatabase();
  const databaseUrl = db.options.databaseUrl as string;
  ports.playground = await freePort();
  ports.localTenant = await freePort();
  const env: Record<string, string> = {
    REGIEKAMER_MODE: 'tenant',
    DATABASE_URL: databaseUrl,
    REGIEKAMER_DATA_DIR: dataDir,
    HOST: '127.0.0.1',
    PORT: '0',
    GRAPH_BASE_URL: tenant.baseUrl,
    AUTHORITY_HOST: tenant.baseUrl,
    GRAPH_CLIENT_ID: tenant.app.clientId,
    GRAPH_CLIENT_SECRET: tenant.app.clientSecret,
    BOT_ID: tenant.app.clientId,
    BOT_OPENID_METADATA_URL: `${tenant.baseUrl}/botframework/v1/.well-known/openidconfiguration`,
    EXTRA_CA_FILE: String(tenant.caCertPath),
    // A second sync a minute after the first; no Planner poll (its writes would blur "a second run writes nothing").
    SYNC_INTERVAL_MINUTES: '1',
    PLANNER_POLL_SECONDS: '0',
    BOT_RHYTHM_SECONDS: '1',
    // Local-mode settings that tenant mode must ignore (asserted below).
    LOCAL_BOT_PERSON: 'pl-marieke',
    PLAYGROUND_PORT: String(ports.playground),
    LOCAL_TENANT_PORT: String(ports.localTenant),
    LOCAL_TENANT_HTTP_PORT: '0',
    LOG_LEVEL: 'warn',
  };
  a = startStack(env, ['start'], serverCommand());
  b = startStack(env, ['start'], serverCommand());
  [urlA, urlB] = await Promise.all([a.url, b.url]);
  store = await openStore({ databaseUrl, dataDir: path.join(dir, 'unused') });
}, 240_000);

afterAll(async () => {
  for (const run of [a, b]) {
    if (run && run.child.exitCode === null && run.child.signalCode === null) {
      run.child.kill('SIGINT');
      await once(run.child, 'exit');
    }
  }
  await store?.close();
  await db?.drop();
  await http?.close();
  await tenant?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
  if (built) await rm(built.dir, { recursive: true, force: true });
}, 60_000);

describe('tenant mode, end to end (two server processes, PostgreSQL, the local tenant as Microsoft 365)', () => {
  it('starts without a data directory and names its mode in the banner', async () => {
    for (const [run, url] of [
      [a, urlA],
      [b, urlB],
    ] as const) {
      const out = run.output().stdout;
      expect(out).toContain('Regiekamer draait (tenantmodus) / Regiekamer is running (tenant mode)');
      expect(out).not.toContain('lokale modus');
      expect(out).toMatch(/Opslag\s+PostgreSQL-server/);
      expect(out).toContain(
        `Tenants    4 tenants via Graph ${tenant.baseUrl}, aanmelden bij ${tenant.baseUrl} (met extra CA uit EXTRA_CA_FILE)`,
      );
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toMatchObject({ status: 'ready', checks: { store: 'postgres', programme: 'blnp' } });
    }
    expect(new URL(urlA).port).not.toBe(new URL(urlB).port);
    // Nothing on the local disk: not even the data directory was made.
    expect(existsSync(dataDir)).toBe(false);
  });

  it('reaches none of local mode\'s shortcuts (README, "Tenant mode")', async () => {
    const token = await personToken(tenantOf('leusden'), (upn) => upn === personNamed('pl-marieke').upn);
    const refused = (status: number) => status === 404 || status === 503;
    for (const url of [urlA, urlB]) {
      // 1. Token-less bot activities on loopback (the servers listen on 127.0.0.1): refused.
      const p = personNamed('pl-marieke');
      expect(
        await postActivity(
          url,
          activity({ tenantId: p.tenantId, aadObjectId: p.user.id, conversationId: 'a:shortcut', text: 'help' }),
        ),
      ).toBe(401);
      // 2. The local sign-in page: not there (no redirect to any authority).
      const signIn = await fetch(`${url}/tab/aanmelden`, { redirect: 'manual' });
      expect(refused(signIn.status)).toBe(true);
      expect(signIn.headers.get('location')).toBeNull();
      expect(refused((await fetch(`${url}/tab/aanmelden/terug?state=x&code=y`, { redirect: 'manual' })).status)).toBe(
        true,
      );
      // 3. Vite's development middleware (the tab from its sources): no source modules, no dev client.
      for (const src of ['/tab/main.tsx', '/tab/@vite/client', '/tab/app.tsx']) {
        const r = await fetch(`${url}${src}`);
        expect(refused(r.status)).toBe(true);
        expect(r.headers.get('content-type') ?? '').not.toMatch(/javascript/);
      }
      // 4. The dev trigger of a meeting's rhythm: no such route, even for a signed-in projectleider.
      const ritme = await api(url, '/bot/ritme', token, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ meeting: 'regiegroep:2026-12-08' }),
      });
      expect(ritme.status).toBe(404);
      // 5. Seeded actions, decisions and indicator values: none.
      expect(await (await api(url, '/acties', token)).json()).toEqual({ actions: [] });
      expect(((await (await api(url, '/besluiten', token)).json()) as { decisions: unknown[] }).decisions).toEqual([]);
      const vierks = (await (await api(url, '/vierks', token)).json()) as {
        ks: { actions: number; indicators: { measurements: unknown[] }[] }[];
      };
      expect(vierks.ks.flatMap((k) => k.indicators.flatMap((i) => i.measurements))).toEqual([]);
      expect(vierks.ks.every((k) => k.actions === 0)).toBe(true);
    }
    for (const run of [a, b]) {
      // 6. The Agents Playground and 7. the local tenant in process: not started (their ports stay closed).
      expect(run.output().stdout).not.toMatch(/Agents Playground|lokale tenant/);
    }
    for (const port of [ports.playground, ports.localTenant]) {
      await expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();
      await expect(fetch(`http://localhost:${port}/`)).rejects.toThrow();
    }
    // 8. LOCAL_BOT_PERSON is checked with the bot below; 9. server.json for the CLI: not written (no data directory).
    expect(existsSync(path.join(dataDir, 'server.json'))).toBe(false);
  });

  it("the tab's API takes a person's token from a programme tenant, and refuses other tenants, app tokens and no token", async () => {
    const allowed = await personToken('organizations', (upn) => upn === personNamed('pl-marieke').upn);
    expect(decodeJwt(allowed)).toMatchObject({
      tid: tenantOf('leusden'),
      aud: 'api://regiekamer',
      iss: `${tenant.baseUrl}/${tenantOf('leusden')}/v2.0`,
    });
    const other = await personToken(OUTSIDER.tenantId);
    expect(decodeJwt(other).tid).toBe(OUTSIDER.tenantId);
    const appOnly = await appToken(tenantOf('leusden'), 'https://graph.microsoft.com');
    for (const url of [urlA, urlB]) {
      const me = await api(url, '/ik', allowed);
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ person: { id: 'pl-marieke', gemeente: 'leusden' } });
      expect((await api(url, '/acties', allowed)).status).toBe(200);

      const outsider = await api(url, '/acties', other);
      expect(outsider.status).toBe(401);
      expect(await outsider.json()).toMatchObject({ reason: 'tenant-not-allowed' });
      const app = await api(url, '/acties', appOnly);
      expect(app.status).toBe(401);
      expect(await app.json()).toMatchObject({ reason: 'wrong-audience' });
      const none = await api(url, '/acties');
      expect(none.status).toBe(401);
      expect(await none.json()).toMatchObject({ reason: 'missing' });
    }
  });

  it('the bot answers a Bot-Framework-signed activity through the Bot Connector, and refuses the unsigned, the forged and other tenants', async () => {
    const serviceUrl = `${tenant.baseUrl}/`;
    const token = await channelToken(serviceUrl);
    expect(decodeJwt(token)).toMatchObject({
      iss: 'https://api.botframework.com',
      aud: tenant.app.clientId,
      serviceurl: serviceUrl,
    });
    const werkgroep = blnp.bodies.find((x): x is Werkgroep => x.kind === 'werkgroep');
    const trekker = personNamed(werkgroep?.trekker ?? '');
    const conversationId = `a:tenantmode-${randomUUID()}`;
    const from = { tenantId: trekker.tenantId, aadObjectId: trekker.user.id, conversationId };

    // Installed in a personal chat (instance B), asked for their actions (instance A): both answer through the
    // local tenant's Bot Connector with the bot's own token.
    expect(
      await postActivity(
        urlB,
        activity({ ...from, type: 'installationUpdate', extra: { action: 'add' } }),
        `Bearer ${token}`,
      ),
    ).toBe(200);
    expect(await postActivity(urlA, activity({ ...from, text: 'mijn acties' }), `Bearer ${token}`)).toBe(200);
    await vi.waitFor(
      () => {
        const texts = received(conversationId);
        expect(texts.some((t) => t.includes('Hallo! Ik ben de Regiekamer-bot'))).toBe(true);
        expect(texts.some((t) => t.includes(`Open acties van ${trekker.name}`))).toBe(true);
      },
      { timeout: 30_000, interval: 100 },
    );
    // The reply came with a token from AUTHORITY_HOST for the Bot Connector (the local tenant checks it, and logs it).
    const replies = tenant
      .requests(10_000)
      .filter((r) => r.route.startsWith('POST /v3/conversations/{conversationId}/activities') && r.status === 201);
    expect(replies.length).toBeGreaterThanOrEqual(3);
    expect(replies.every((r) => r.appId === tenant.app.clientId)).toBe(true);
    expect(tenant.requests(10_000).filter((r) => r.route.startsWith('POST /v3') && r.status === 401)).toEqual([]);

    // LOCAL_BOT_PERSON is set, yet a Teams user who is not in the programme is nobody here.
    const inProgramme = new Set([
      ...blnp.people.map((p) => p.upn.toLowerCase()),
      blnp.programme.organizer.toLowerCase(),
    ]);
    const strangerUpn = Object.values(tenant.state().tenants[trekker.tenantId]?.collections['users'] ?? {})
      .filter((u) => u['accountEnabled'] !== false)
      .map((u) => String(u['userPrincipalName']))
      .find((upn) => !inProgramme.has(upn.toLowerCase()));
    const stranger = userIn(trekker.tenantId, strangerUpn ?? '');
    const strangerConversation = `a:tenantmode-${randomUUID()}`;
    expect(
      await postActivity(
        urlA,
        activity({
          tenantId: trekker.tenantId,
          aadObjectId: stranger.id,
          conversationId: strangerConversation,
          text: 'mijn acties',
        }),
        `Bearer ${token}`,
      ),
    ).toBe(200);
    await vi.waitFor(
      () => {
        expect(received(strangerConversation).some((t) => t.includes('Ik kan je niet vinden in het programma'))).toBe(
          true,
        );
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(received(strangerConversation).some((t) => t.includes('Open acties van'))).toBe(false);

    const before = received(conversationId).length;
    const message = activity({ ...from, text: 'help' });
    // No token, on loopback: 401.
    expect(await postActivity(urlA, message)).toBe(401);
    // A forged token: the same claims and key id, another key.
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(decodeJwt(token))
      .setProtectedHeader({ alg: 'RS256', kid: decodeProtectedHeader(token).kid as string })
      .sign(privateKey);
    expect(await postActivity(urlA, message, `Bearer ${forged}`)).toBe(401);
    // A genuine Entra ID token of the app for the Bot Connector: not a Bot Framework channel token (local mode's keys).
    expect(
      await postActivity(urlB, message, `Bearer ${await appToken(trekker.tenantId, 'https://api.botframework.com')}`),
    ).toBe(401);
    // A channel token for another serviceUrl cannot carry this activity.
    expect(
      await postActivity(urlB, message, `Bearer ${await channelToken('https://smba.trafficmanager.net/emea/')}`),
    ).toBe(401);
    // A valid token for an activity from a tenant outside the programme: 403.
    expect(
      await postActivity(
        urlA,
        activity({
          tenantId: OUTSIDER.tenantId,
          aadObjectId: randomUUID(),
          conversationId: 'a:outsider',
          text: 'help',
        }),
        `Bearer ${token}`,
      ),
    ).toBe(403);
    // A signed one still gets its answer (and the refused ones got none).
    expect(await postActivity(urlB, message, `Bearer ${token}`)).toBe(200);
    await vi.waitFor(
      () => {
        expect(received(conversationId).length).toBe(before + 1);
      },
      { timeout: 30_000, interval: 100 },
    );
    expect(received('a:outsider')).toEqual([]);
  });

  it('sends each scheduled message exactly once across the two instances', async () => {
    const p = personNamed('pl-marieke');
    const conversationId = `a:tenantmode-${randomUUID()}`;
    expect(
      await postActivity(
        urlA,
        activity({
          tenantId: p.tenantId,
          aadObjectId: p.user.id,
          conversationId,
          type: 'installationUpdate',
          extra: { action: 'add' },
        }),
        `Bearer ${await channelToken(`${tenant.baseUrl}/`)}`,
      ),
    ).toBe(200);
    await vi.waitFor(
      () => {
        expect(received(conversationId).length).toBe(2); // the welcome and the help card
      },
      { timeout: 30_000, interval: 100 },
    );
    // Messages due now in the ledger, as the rhythm plans them. (The programme's own messages fall on Dutch working
    // days only, so a test on a Sunday could not have one due; the ledger, the rhythm job that hands due rows to the
    // queue and the delivery workers of both instances are the same for every kind.)
    const n = 40;
    const now = new Date();
    const keys = Array.from({ length: n }, (_, i) => `test|tenantmode-${i}|${conversationId}`);
    expect(
      await store.bot.createDeliveries(
        'blnp',
        keys.map((key, i) => ({
          key,
          kind: 'test',
          recipient: conversationId,
          dueAt: now,
          payload: { conversationId, text: `Geplande proef ${i}` },
        })),
        now,
      ),
    ).toBe(n);
    // The rhythm (in one instance at a time) hands them to the queue …
    await vi.waitFor(
      async () => {
        const r = await store.db.query<{ n: string }>(
          `SELECT count(*) AS n FROM bot_deliveries WHERE key LIKE 'test|tenantmode-%' AND enqueued_at IS NOT NULL`,
        );
        expect(Number(r.rows[0]?.n)).toBe(n);
      },
      { timeout: 30_000, interval: 100 },
    );
    // … and every message is queued a second time, as a process that died between queueing and marking would leave
    // it: both instances' workers find two jobs for each message.
    const queue = await startJobRunner(store);
    try {
      await queue.enqueue(
        DELIVER_QUEUE,
        keys.map((key) => ({ programmeId: 'blnp', key, dueAt: now.toISOString() })),
        { retryLimit: 5, expireInSeconds: 300 },
      );
    } finally {
      await queue.stop();
    }

    await vi.waitFor(
      async () => {
        const r = await store.db.query<{ status: string; n: string }>(
          `SELECT status, count(*) AS n FROM bot_deliveries WHERE key LIKE 'test|tenantmode-%' GROUP BY status`,
        );
        expect(r.rows.map((x) => [x.status, Number(x.n)])).toEqual([['sent', n]]);
        // And the queue is drained: no delivery job waiting, running or to be retried.
        const q = await store.db.query<{ n: string }>(
          `SELECT count(*) AS n FROM pgboss.job WHERE name = 'bot-deliver' AND state IN ('created', 'retry', 'active')`,
        );
        expect(Number(q.rows[0]?.n)).toBe(0);
      },
      { timeout: 60_000, interval: 250 },
    );

    const texts = tenant.bot
      .activities({ conversationId })
      .map((x) => String(x.activity?.['text'] ?? ''))
      .filter((t) => t.startsWith('Geplande proef '));
    expect(texts).toHaveLength(n);
    expect(new Set(texts).size).toBe(n);
    // Every job ran (the rhythm's and the duplicates): twice as many as messages, each message sent by one of them.
    const jobs = await store.db.query<{ n: string }>(
      `SELECT count(*) AS n FROM (SELECT data FROM pgboss.job WHERE name = 'bot-deliver' AND state = 'completed') j WHERE j.data->>'key' LIKE 'test|tenantmode-%'`,
    );
    expect(Number(jobs.rows[0]?.n)).toBe(2 * n);
    const rows = await store.db.query<{ attempts: number; claimed_by: string | null; activity_id: string | null }>(
      `SELECT attempts, claimed_by, activity_id FROM bot_deliveries WHERE key LIKE 'test|tenantmode-%'`,
    );
    expect(rows.rows.every((x) => x.attempts === 1 && x.activity_id)).toBe(true);
    const workers = new Set(rows.rows.map((x) => x.claimed_by));
    // Which instance sent which is up to the queue; say it, without asserting a split.
    console.log(`scheduled messages: ${n} sent once each, by ${workers.size} instance(s)`);
  });

  it(
    'converges BLNP with the periodic sync, one run at a time, and the next run writes nothing',
    { timeout: 240_000 },
    async () => {
      let runs: SyncRun[] = [];
      await vi.waitFor(
        async () => {
          runs = await syncRuns();
          expect(runs.filter((r) => r.state === 'failed')).toEqual([]);
          expect(runs.filter((r) => r.state === 'completed').length).toBeGreaterThanOrEqual(2);
        },
        { timeout: 200_000, interval: 500 },
      );
      const done = runs.filter((r) => r.state === 'completed');
      const [first, second] = done as [SyncRun, SyncRun];
      expect(first.output).toMatchObject({ ok: true, summary: { failed: 0 } });
      expect(first.output?.summary?.created).toBeGreaterThan(50);
      expect(second.output).toMatchObject({ ok: true, summary: { created: 0, updated: 0, failed: 0 } });
      // One run at a time across both instances: no run started before the one before it ended.
      const started = runs.filter((r) => r.started);
      for (let i = 1; i < started.length; i++) {
        const prev = started[i - 1] as SyncRun;
        expect((started[i] as SyncRun).started?.getTime()).toBeGreaterThanOrEqual(
          prev.completed?.getTime() ?? Infinity,
        );
      }
      // What the tenant saw: every Graph write came during the first run; none since.
      const writes = tenant
        .requests(10_000)
        .filter((r) => /^(POST|PATCH|PUT|DELETE) \/v1\.0/.test(r.route) && r.route !== 'POST /v1.0/$batch');
      expect(writes.length).toBeGreaterThan(50);
      const firstEnd = (first.completed as Date).getTime();
      expect(writes.filter((w) => Date.parse(w.at) > firstEnd)).toEqual([]);
      expect(writes.filter((w) => w.status >= 400)).toEqual([]);
      expect(tenant.stats().sent429).toBe(0);
    },
  );

  it('reaches a person of a non-host gemeente as docs/identiteit.md decides, and refuses where the service refuses', async () => {
    const linda = personNamed('th-hrm'); // trekker of wg-hrm, of Nijkerk (not the host)
    const host = tenantOf('leusden');
    expect(linda.tenantId).toBe(tenantOf('nijkerk'));
    const botToken = await appToken(host, 'https://api.botframework.com');

    // 1. The Bot Connector (a single-tenant bot of the host tenant) refuses a personal chat with her: she has no
    //    account in the bot's tenant. A host colleague it opens; a bot token from her tenant it does not take.
    const chatWith = (userId: string, tid: string, token: string) =>
      tfetch(`${tenant.baseUrl}/v3/conversations`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          bot: { id: `28:${tenant.app.clientId}` },
          members: [{ id: `29:${userId}` }],
          channelData: { tenant: { id: tid } },
        }),
      });
    const refused = await chatWith(linda.user.id, linda.tenantId, botToken);
    expect(refused.status).toBe(403);
    expect(await refused.json()).toMatchObject({ error: { code: 'BotNotInConversationRoster' } });
    expect((await chatWith(personNamed('pl-marieke').user.id, host, botToken)).status).toBe(201);
    const wrongTenant = await chatWith(
      linda.user.id,
      linda.tenantId,
      await appToken(linda.tenantId, 'https://api.botframework.com'),
    );
    expect(wrongTenant.status).toBe(401);

    // 2. The bot is added to the programme's team (after the sync made it): it keeps a reference per channel.
    const objects = await store.sync.objects('blnp');
    const teamId = objects.find((o) => o.key === 'team')?.graphId ?? '';
    const hrmChannel = objects.find((o) => o.key === 'channel:wg-hrm')?.graphId ?? '';
    expect(teamId).not.toBe('');
    expect(hrmChannel).not.toBe('');
    const serviceUrl = `${tenant.baseUrl}/`;
    const channelActivity = (o: { aadObjectId: string; extra: Record<string, unknown> }) => ({
      id: randomUUID(),
      timestamp: new Date().toISOString(),
      channelId: 'msteams',
      serviceUrl,
      locale: 'nl-NL',
      from: { id: `29:${o.aadObjectId}`, aadObjectId: o.aadObjectId },
      recipient: { id: `28:${tenant.app.clientId}`, name: 'Regiekamer' },
      conversation: { id: hrmChannel, conversationType: 'channel', tenantId: host },
      channelData: { tenant: { id: host }, team: { id: teamId }, channel: { id: hrmChannel } },
      ...o.extra,
    });
    const marieke = personNamed('pl-marieke');
    expect(
      await postActivity(
        urlA,
        channelActivity({
          aadObjectId: marieke.user.id,
          extra: { type: 'conversationUpdate', membersAdded: [{ id: `28:${tenant.app.clientId}` }] },
        }),
        `Bearer ${await channelToken(serviceUrl)}`,
      ),
    ).toBe(200);
    await vi.waitFor(async () => expect(await store.bot.channel('blnp', 'wg-hrm')).toBeDefined(), {
      timeout: 30_000,
      interval: 100,
    });

    // 3. Her progress ask (and a host trekker's, for contrast) is due: the rhythm hands both to the delivery workers.
    //    (Due two days ago: outside the rhythm's planning window, so its reconcile leaves these rows alone.)
    // A regiegroep meeting far enough ahead that its updates can still be given.
    const occurrence =
      meetingOccurrences(blnp).find(
        (m) => m.key.startsWith('regiegroep:') && m.start.getTime() > Date.now() + 7 * 86_400_000,
      )?.key ?? '';
    expect(occurrence).not.toBe('');
    const dueAt = new Date(Date.now() - 2 * 86_400_000);
    const keys = {
      linda: `ask|${occurrence}|th-hrm|wg-hrm|e2e`,
      erik: `ask|${occurrence}|th-financien|wg-financien|e2e`,
    };
    await store.bot.createDeliveries(
      'blnp',
      [
        { key: keys.linda, kind: 'ask', occurrenceKey: occurrence, recipient: 'th-hrm', werkgroep: 'wg-hrm', dueAt },
        {
          key: keys.erik,
          kind: 'ask',
          occurrenceKey: occurrence,
          recipient: 'th-financien',
          werkgroep: 'wg-financien',
          dueAt,
        },
      ],
      new Date(),
    );
    let rows: Awaited<ReturnType<typeof store.bot.deliveries>> = [];
    await vi.waitFor(
      async () => {
        rows = (await store.bot.deliveries('blnp')).filter((r) => r.key.endsWith('|e2e'));
        expect(rows.map((r) => [r.key, r.status])).toEqual(
          expect.arrayContaining([
            [keys.linda, 'sent'],
            [keys.erik, 'sent'],
          ]),
        );
      },
      { timeout: 60_000, interval: 250 },
    );
    // Hers went to the wg-hrm shared channel, @mentioning her; the host trekker's to his personal chat, no mention.
    expect(rows.find((r) => r.key === keys.linda)?.conversationId).toBe(hrmChannel);
    const erikConversation = rows.find((r) => r.key === keys.erik)?.conversationId ?? '';
    expect(erikConversation.startsWith('a:')).toBe(true);
    const asked = tenant.bot
      .activities({ conversationId: hrmChannel })
      .find((r) => r.id === rows.find((x) => x.key === keys.linda)?.activityId);
    const card =
      ((asked?.activity?.['attachments'] as { content: Record<string, unknown> }[] | undefined) ?? [])[0]?.content ??
      {};
    expect(card['msteams']).toEqual({
      entities: [{ type: 'mention', text: `<at>${linda.name}</at>`, mentioned: { id: linda.upn, name: linda.name } }],
    });
    expect(JSON.stringify(card['body'])).toContain(`<at>${linda.name}</at>, deze vraag is voor jou.`);
    expect(JSON.stringify(tenant.bot.activities({ conversationId: erikConversation }))).not.toContain('"msteams"');

    // 4. The card is answered in the channel: a colleague of hers (Nijkerk, not mentioned) is refused and nothing is
    //    stored; she herself — found by her object id in Nijkerk's directory — is taken.
    const submit = card['actions'] as { verb: string; data: Record<string, unknown> }[];
    const data: Record<string, unknown> = {
      ...submit[0]?.data,
      status: 'op-koers',
      progress: 'Harmonisatie HRM loopt',
    };
    expect(data['for']).toBe('th-hrm');
    const answer = async (aadObjectId: string) => {
      const res = await fetch(`${urlB}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await channelToken(serviceUrl)}` },
        body: JSON.stringify(
          channelActivity({
            aadObjectId,
            extra: {
              type: 'invoke',
              name: 'adaptiveCard/action',
              value: { action: { type: 'Action.Execute', verb: 'update.submit', data } },
            },
          }),
        ),
      });
      expect(res.status).toBe(200);
      return JSON.stringify(await res.json());
    };
    const colleague = personNamed('tr-organisatie'); // Kees Wolters, also of Nijkerk
    expect(colleague.tenantId).toBe(linda.tenantId);
    expect(await answer(colleague.user.id)).toContain(`Deze kaart is voor ${linda.name}`);
    expect(await store.bot.update('blnp', 'wg-hrm', occurrence)).toBeUndefined();
    expect(await answer(linda.user.id)).not.toContain('Deze kaart is voor');
    expect((await store.bot.update('blnp', 'wg-hrm', occurrence))?.submittedBy).toBe('th-hrm');

    // 5. The tab inside the shared channel: Teams gives her an SSO token from her HOME tenant (Nijkerk), which the
    //    API takes (Nijkerk is on the allow-list and she is in the programme). Her host tenant has no account for
    //    her (B2B direct connect), so it cannot sign her in; a tenant off the allow-list gets 401.
    const sso = await personToken('organizations', (upn) => upn === linda.upn);
    expect(decodeJwt(sso)).toMatchObject({
      tid: linda.tenantId,
      iss: `${tenant.baseUrl}/${linda.tenantId}/v2.0`,
      aud: 'api://regiekamer',
    });
    for (const url of [urlA, urlB]) {
      const me = await api(url, '/ik', sso);
      expect(me.status).toBe(200);
      expect(await me.json()).toMatchObject({ person: { id: 'th-hrm', gemeente: 'nijkerk' } });
      expect((await api(url, '/acties', sso)).status).toBe(200);
    }
    await expect(personToken(host, (upn) => upn === linda.upn)).rejects.toThrow(/nobody to sign in/);
    const baarn = await personToken(OUTSIDER.tenantId);
    const outside = await api(urlA, '/ik', baarn);
    expect(outside.status).toBe(401);
    expect(await outside.json()).toMatchObject({ reason: 'tenant-not-allowed' });
  });

  it('both instances stop cleanly on SIGINT', async () => {
    for (const run of [a, b]) {
      run.child.kill('SIGINT');
      const [code] = (await once(run.child, 'exit')) as [number | null];
      if (code !== 0) console.log(run.output().stdout.slice(-1500), run.output().stderr.slice(-3000));
      expect(code).toBe(0);
      expect(run.output().stdout).toContain('Gestopt.');
    }
  });
});
