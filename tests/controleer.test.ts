// `regiekamer controleer` (issue 15 §2) in tenant mode against the local tenant: it passes when the tenants are
// configured as the permissions table says, and names each seeded fault — a role not consented, a disabled account,
// no B2B direct connect, the organizer mailbox out of the app's RBAC scope — with the gemeente, what and how to fix,
// each in its own test. Also --json, and bad configuration (exit 2).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { startLocalTenant, TENANT_IN_MEMORY, type LocalTenantHandle, type TenantSetup } from '@regiekamer/local-tenant';
import { entraRolesFor } from '../src/domain/permissions.ts';
import { desiredState } from '../src/domain/sync/desired.ts';
import type { Programme } from '../src/domain/programme/schema.ts';
import { localTenantApp, localTenantDirectory, localTenantSetup } from '../src/entry/server/local-tenant-data.ts';
import { main } from '../src/entry/cli/main.ts';
import { loadProgramme } from './helpers/programmes.ts';

const PROGRAMME = path.resolve('programmes/bel.yaml');
const BOT_ID = '7d1e5c2a-3b4f-4c6d-8e9f-0a1b2c3d4e5f';
const TEAMS_APP_ID = '8e2f6d3b-4c5a-4d7e-9f0a-1b2c3d4e5f60';

interface Running {
  tenant: LocalTenantHandle;
  programme: Programme;
  env: Record<string, string>;
  dir: string;
}

let running: Running | undefined;
afterEach(async () => {
  await running?.tenant.stop();
  if (running) await rm(running.dir, { recursive: true, force: true });
  running = undefined;
});

/** The host gemeente and a partner whose people are in a shared channel, from the programme. */
function gemeenten(programme: Programme) {
  const host = programme.gemeenten.find((g) => g.host);
  const partner = programme.gemeenten.find((g) => !g.host && g.tenantId);
  if (!host?.tenantId || !partner?.tenantId) throw new Error('the programme needs a host and a partner tenant');
  return {
    host: { ...host, tenantId: String(host.tenantId).toLowerCase() },
    partner: { ...partner, tenantId: String(partner.tenantId).toLowerCase() },
  };
}

/**
 * The local tenant for BEL, configured correctly (localTenantSetup) with `faults` over it, and the guests of the
 * programme already accepted in the host tenant (a guest account with their mail address), as a tenant ready for
 * go-live has them; plus the tenant-mode environment pointing at it.
 */
async function start(faults: TenantSetup = {}): Promise<Running> {
  const programme = await loadProgramme('bel');
  const d = desiredState(programme);
  const directory = localTenantDirectory(programme);
  const { host } = gemeenten(programme);
  const hostTenant = directory.tenants.find((t) => t.id === host.tenantId);
  for (const id of d.guests.people) {
    const p = d.people[id];
    if (p && hostTenant)
      hostTenant.users.push({
        userPrincipalName: `${p.email.replace('@', '_')}#EXT#@${hostTenant.domain}`,
        mail: p.email,
        displayName: p.name,
      });
  }
  const tenant = await startLocalTenant({
    directory,
    setup: localTenantSetup(programme, faults),
    app: localTenantApp({}),
    dataDir: TENANT_IN_MEMORY,
    port: 0,
    httpPort: null,
  });
  const dir = await mkdtemp(path.join(os.tmpdir(), 'rk-controleer-'));
  const ca = path.join(dir, 'ca.pem');
  await writeFile(ca, tenant.caCertPem);
  const env = {
    REGIEKAMER_MODE: 'tenant',
    REGIEKAMER_PROGRAMME: PROGRAMME,
    REGIEKAMER_DATA_DIR: path.join(dir, 'nonexistent'),
    GRAPH_BASE_URL: tenant.baseUrl,
    AUTHORITY_HOST: tenant.baseUrl,
    EXTRA_CA_FILE: ca,
    GRAPH_CLIENT_ID: tenant.app.clientId,
    GRAPH_CLIENT_SECRET: tenant.app.clientSecret,
    BOT_ID,
    TEAMS_APP_ID,
    PUBLIC_URL: 'https://regiekamer.eemnes.example',
    LOG_LEVEL: 'silent',
  };
  running = { tenant, programme, env, dir };
  return running;
}

/** Runs the command line in this process, as `regiekamer …` with `env`. */
async function run(args: string[], env: Record<string, string>) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (b: Buffer) => (out += b.toString()));
  stderr.on('data', (b: Buffer) => (err += b.toString()));
  const code = await main(args, { stdout, stderr, stdin: new PassThrough(), env, cwd: process.cwd() });
  return { code, out, err };
}

/** The block of lines the report prints for one gemeente (from its heading to the next blank line). */
function block(out: string, name: string): string {
  const start = out.indexOf(`\n${name} — tenant`);
  expect(start, `no block for ${name} in:\n${out}`).toBeGreaterThanOrEqual(0);
  const end = out.indexOf('\n\n', start + 1);
  return out.slice(start, end < 0 ? undefined : end);
}

describe('regiekamer controleer against the local tenant', () => {
  it('passes when every tenant is configured as the permissions table says', { timeout: 120_000 }, async () => {
    const r = await start();
    const res = await run(['controleer'], r.env);
    expect(res.err).toBe('');
    // Before the first apply the team is not there yet: a note, not a failure.
    expect(res.out).toMatch(/Uitkomst: \d+ in orde, 0 fout, 2 let op, \d+ handmatig — klaar voor gebruik/);
    expect(res.out).toContain('! team [let op]: team "');
    expect(res.out).toContain('! Planner [let op]: Planner wordt gecontroleerd zodra het team bestaat');
    const { host, partner } = gemeenten(r.programme);
    const h = block(res.out, host.name);
    expect(h).toContain('(host-tenant)');
    const needed = entraRolesFor(true, r.programme.guests.invite).length;
    expect(h).toContain(`toepassingsrechten [in orde]: alle ${needed} benodigde toepassingsrechten zijn verleend`);
    expect(h).toContain(`organisatorpostvak ${r.programme.programme.organizer} is schrijfbaar`);
    // Without Policy.Read.All (the product does not need it) direct connect is a check by hand, with the path.
    expect(h).toContain('B2B direct connect [handmatig]');
    expect(h).toContain('Instellingen voor toegang tussen tenants');
    const p = block(res.out, partner.name);
    expect(p).toContain('toepassingsrechten [in orde]: het ene benodigde toepassingsrecht is verleend');
    expect(p).toContain('mensen [in orde]');
    expect(res.out).not.toContain(r.tenant.app.clientSecret);
    expect(res.out).not.toMatch(/eyJ[\w-]+\.[\w-]+\./);
    expect(res.code).toBe(0);
    // The English alias and --lang en say the same in English.
    const en = await run(['check', '--lang', 'en'], r.env);
    expect(en.out).toMatch(/Result: \d+ passed, 0 failed, 2 notes, \d+ by hand — ready/);
    expect(en.code).toBe(0);
  });

  it('names a role not consented, with the admin-consent URL of that tenant', { timeout: 120_000 }, async () => {
    const programme = await loadProgramme('bel');
    const { host } = gemeenten(programme);
    const hostRoles = localTenantSetup(programme).consentedRoles?.[host.tenantId] ?? [];
    const r = await start({
      consentedRoles: { [host.tenantId]: hostRoles.filter((x) => x !== 'Tasks.ReadWrite.All') },
    });
    const res = await run(['controleer'], r.env);
    expect(res.code).toBe(1);
    const h = block(res.out, host.name);
    expect(h).toContain('✗ toepassingsrechten [FOUT]: toepassingsrecht niet verleend: Tasks.ReadWrite.All');
    expect(h).toContain('- Tasks.ReadWrite.All — nodig voor: de actielijsten: Planner-plannen');
    expect(h).toContain(
      `oplossing: voeg Tasks.ReadWrite.All toe aan de app-registratie (API-machtigingen, Microsoft Graph, Toepassingsmachtigingen) en laat een beheerder van ${host.name} (Privileged Role Administrator of Global Administrator) toestemming geven: ${r.tenant.baseUrl}/${host.tenantId}/adminconsent?client_id=${r.tenant.app.clientId}`,
    );
    // Only that tenant is named.
    for (const g of r.programme.gemeenten.filter((x) => !x.host))
      expect(block(res.out, g.name)).not.toContain('Tasks.ReadWrite.All');
  });

  it('names a disabled account of the programme in its home gemeente', { timeout: 120_000 }, async () => {
    const programme = await loadProgramme('bel');
    const { partner } = gemeenten(programme);
    const person = programme.people.find((p) => p.gemeente === partner.id);
    if (!person) throw new Error('no person in the partner gemeente');
    const r = await start({ disabledUsers: [person.upn] });
    const res = await run(['controleer'], r.env);
    expect(res.code).toBe(1);
    const p = block(res.out, partner.name);
    expect(p).toMatch(
      /✗ mensen \[FOUT\]: 1 van \d+ mensen niet bruikbaar: 0 onbekend, 1 uitgeschakeld, 0 zonder gastaccount, 0 uitnodiging nog niet geaccepteerd/,
    );
    expect(p).toContain(`- het account van ${person.name} (${person.upn}) is uitgeschakeld`);
    expect(p).toContain(
      `oplossing: pas het programmabestand aan (upn, email) of laat de beheerder van ${partner.name} het account herstellen`,
    );
  });

  it(
    'names missing B2B direct connect, and the local tenant refuses that partner in a shared channel',
    { timeout: 120_000 },
    async () => {
      const programme = await loadProgramme('bel');
      const { host, partner } = gemeenten(programme);
      const hostRoles = localTenantSetup(programme).consentedRoles?.[host.tenantId] ?? [];
      // The host's administrators granted Policy.Read.All for their own reasons: then the check reads the settings.
      const r = await start({
        noDirectConnect: [{ tenantId: host.tenantId, partnerTenantId: partner.tenantId }],
        consentedRoles: { [host.tenantId]: [...hostRoles, 'Policy.Read.All'] },
      });
      const res = await run(['controleer'], r.env);
      expect(res.code).toBe(1);
      const h = block(res.out, host.name);
      expect(h).toContain(
        `✗ B2B direct connect [FOUT]: B2B direct connect binnenkomend vanuit ${partner.name} (${partner.tenantId}) is geblokkeerd: mensen van ${partner.name} kunnen niet in de gedeelde kanalen`,
      );
      expect(h).toContain(
        `oplossing: Entra-beheercentrum › Entra ID › External Identities › Instellingen voor toegang tussen tenants › Organisatie-instellingen › ${partner.tenantId} (toevoegen als hij ontbreekt) › B2B direct connect › Binnenkomende toegang`,
      );

      // The real service's behaviour: a user of that partner is refused in a shared channel of the host.
      const { trustingFetch } = await import('@regiekamer/local-tenant');
      const { fetch } = await trustingFetch(r.tenant.caCertPem);
      const token = async (tid: string) => {
        const res = await fetch(`${r.tenant.baseUrl}/${tid}/oauth2/v2.0/token`, {
          method: 'POST',
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: r.tenant.app.clientId,
            client_secret: r.tenant.app.clientSecret,
            scope: 'https://graph.microsoft.com/.default',
          }),
        });
        return ((await res.json()) as { access_token: string }).access_token;
      };
      const auth = { Authorization: `Bearer ${await token(host.tenantId)}`, 'content-type': 'application/json' };
      const graph = (method: string, p: string, body?: unknown) =>
        fetch(`${r.tenant.baseUrl}/v1.0${p}`, { method, headers: auth, body: body ? JSON.stringify(body) : undefined });
      const users = (await (await graph('GET', '/users')).json()) as {
        value: { id: string; userPrincipalName: string }[];
      };
      const owner = users.value.find((u) => u.userPrincipalName === r.programme.programme.organizer);
      const created = await graph('POST', '/teams', {
        'template@odata.bind': "https://graph.microsoft.com/v1.0/teamsTemplates('standard')",
        displayName: 'Proefteam',
        members: [
          {
            '@odata.type': '#microsoft.graph.aadUserConversationMember',
            roles: ['owner'],
            'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${owner?.id}')`,
          },
        ],
      });
      const teamId = /teams\('([^']+)'\)/.exec(created.headers.get('content-location') ?? '')?.[1] ?? '';
      const channel = await graph('POST', `/teams/${teamId}/channels`, {
        displayName: 'Gedeeld',
        membershipType: 'shared',
        members: [
          {
            '@odata.type': '#microsoft.graph.aadUserConversationMember',
            roles: ['owner'],
            'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${owner?.id}')`,
          },
        ],
      });
      const channelId = /channels\('([^']+)'\)/.exec(channel.headers.get('content-location') ?? '')?.[1] ?? '';
      const partnerUser = r.programme.people.find((p) => p.gemeente === partner.id);
      const add = await graph('POST', `/teams/${teamId}/channels/${encodeURIComponent(channelId)}/members`, {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        roles: [],
        'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${partnerUser?.upn}')`,
        tenantId: partner.tenantId,
      });
      expect(channelId).not.toBe('');
      expect(add.status).toBe(403);
      expect(((await add.json()) as { error: { message: string } }).error.message).toContain('B2B direct connect');
    },
  );

  it(
    'names the organizer mailbox out of the RBAC scope, with the commands that scope it',
    { timeout: 120_000 },
    async () => {
      const programme = await loadProgramme('bel');
      const { host } = gemeenten(programme);
      const someoneElse = programme.people.find((p) => p.gemeente === host.id)?.upn ?? 'x@example';
      const r = await start({ mailboxScope: { [host.tenantId]: [someoneElse] } });
      const res = await run(['controleer'], r.env);
      expect(res.code).toBe(1);
      const organizer = r.programme.programme.organizer;
      const h = block(res.out, host.name);
      expect(h).toContain(
        `✗ organisatorpostvak [FOUT]: organisatorpostvak ${organizer} is niet schrijfbaar voor de app: Graph antwoordde 403 ErrorAccessDenied`,
      );
      expect(h).toContain(
        `New-ManagementRoleAssignment -App ${r.tenant.app.clientId} -Role "Application Calendars.ReadWrite" -CustomResourceScope "Regiekamer organisator"`,
      );
      expect(h).toContain(`PrimarySmtpAddress -eq '${organizer}'`);
    },
  );

  it('names a calendar permission that reaches every mailbox', { timeout: 120_000 }, async () => {
    const programme = await loadProgramme('bel');
    const { host } = gemeenten(programme);
    const hostRoles = localTenantSetup(programme).consentedRoles?.[host.tenantId] ?? [];
    const r = await start({ consentedRoles: { [host.tenantId]: [...hostRoles, 'Calendars.ReadWrite'] } });
    const res = await run(['controleer'], r.env);
    expect(res.code).toBe(1);
    const h = block(res.out, host.name);
    expect(h).toContain(
      `Calendars.ReadWrite is in Entra ID verleend: de app kan dan elk postvak van ${host.name} lezen en schrijven`,
    );
    expect(h).toMatch(/✗ organisatorpostvak \[FOUT\]: de app kan ook postvak \S+ lezen/);
  });

  it('--json gives every gemeente with its checks', { timeout: 120_000 }, async () => {
    const r = await start();
    const res = await run(['controleer', '--json'], r.env);
    expect(res.code).toBe(0);
    const json = JSON.parse(res.out) as {
      programme: string;
      passed: boolean;
      summary: { ok: number; fail: number; warn: number; manual: number };
      gemeenten: {
        gemeente: string;
        tenantId: string;
        host: boolean;
        checks: { check: string; status: string; message: string }[];
      }[];
      deployment: { check: string; status: string; message: string }[];
    };
    expect(json.programme).toBe(r.programme.programme.id);
    expect(json.passed).toBe(true);
    expect(json.summary.fail).toBe(0);
    expect(json.gemeenten.map((g) => g.gemeente)).toEqual(r.programme.gemeenten.map((g) => g.id));
    const host = json.gemeenten.find((g) => g.host);
    expect(host?.checks.map((c) => c.check)).toEqual(
      expect.arrayContaining(['token', 'roles', 'mailbox', 'team', 'planner', 'people', 'directConnect']),
    );
    for (const g of json.gemeenten) for (const c of g.checks) expect(['ok', 'warn', 'manual']).toContain(c.status);
    expect(json.deployment.map((c) => [c.check, c.status])).toEqual([
      ['bot', 'ok'],
      ['package', 'ok'],
    ]);
    expect(json.deployment[0]?.message).toContain('https://regiekamer.eemnes.example/api/messages');
  });
});

describe('regiekamer controleer refuses what it cannot check (exit 2)', () => {
  it('in local mode it says what it checks and how to point it at the local tenant', async () => {
    const res = await run(['controleer'], { REGIEKAMER_PROGRAMME: PROGRAMME, LOG_LEVEL: 'silent' });
    expect(res.code).toBe(2);
    expect(res.err).toContain('controleert de tenantmodus (REGIEKAMER_MODE=tenant)');
    expect(res.err).toContain('npx regiekamer tenant serve');
    expect(res.out).toBe('');
  });

  it('tenant mode without the app credentials is a configuration error in words', async () => {
    const res = await run(['check'], {
      REGIEKAMER_MODE: 'tenant',
      REGIEKAMER_PROGRAMME: PROGRAMME,
      LOG_LEVEL: 'silent',
    });
    expect(res.code).toBe(2);
    expect(res.err).toMatch(/GRAPH_CLIENT_ID/);
    expect(res.err).not.toMatch(/\n\s+at /);
  });

  it('a bot and package left on placeholders fail the deployment checks', { timeout: 120_000 }, async () => {
    const r = await start();
    const { BOT_ID: _bot, TEAMS_APP_ID: _app, ...env } = r.env;
    const res = await run(['controleer'], { ...env, PUBLIC_URL: 'http://localhost:3978' });
    expect(res.code).toBe(1);
    expect(res.out).toContain('✗ bot [FOUT]: BOT_ID ontbreekt of is de lokale plaatshouder');
    expect(res.out).toContain('✗ bot [FOUT]: PUBLIC_URL http://localhost:3978 is geen openbaar https-adres');
    expect(res.out).toContain('✗ Teams-pakket [FOUT]: het Teams-pakket zou een plaatshouder bevatten: TEAMS_APP_ID');
  });
});

describe('regiekamer tenant serve with a fault flag, then controleer', () => {
  it(
    'serves the seeded fault and controleer names it; a flag naming no gemeente exits 2',
    { timeout: 120_000 },
    async () => {
      const { tenantServeCommand } = await import('../src/entry/cli/commands/tenant.ts');
      const { loadConfig } = await import('../src/platform/config.ts');
      const { readFile } = await import('node:fs/promises');
      const programme = await loadProgramme('bel');
      const { host } = gemeenten(programme);
      const dir = await mkdtemp(path.join(os.tmpdir(), 'rk-controleer-serve-'));
      const env = {
        REGIEKAMER_PROGRAMME: PROGRAMME,
        REGIEKAMER_DATA_DIR: dir,
        LOCAL_TENANT_PORT: '0',
        LOCAL_TENANT_HTTP_PORT: '0',
        LOG_LEVEL: 'silent',
      };
      const sink = () => {
        const s = new PassThrough();
        let text = '';
        s.on('data', (b: Buffer) => (text += b.toString()));
        return { s, text: () => text };
      };
      const bad = sink();
      const badErr = sink();
      const io = (o: PassThrough, e: PassThrough) => ({
        stdout: o,
        stderr: e,
        stdin: new PassThrough(),
        env,
        cwd: process.cwd(),
      });
      expect(
        await tenantServeCommand(io(bad.s, badErr.s), loadConfig(env, process.cwd()), {
          faultRole: ['nergens:Tasks.ReadWrite.All'],
        }),
      ).toBe(2);
      expect(badErr.text()).toContain(
        "--fault-role: gemeente 'nergens' staat niet (met een tenantId) in het programmabestand",
      );

      const out = sink();
      const err = sink();
      const controller = new AbortController();
      const ready = new Promise<void>((resolve) => out.s.on('data', () => out.text().includes('Ctrl-C') && resolve()));
      const served = tenantServeCommand(
        io(out.s, err.s),
        loadConfig(env, process.cwd()),
        { faultRole: [`${host.id}:TeamsTab.ReadWrite.All`] },
        { signal: controller.signal },
      );
      try {
        await Promise.race([ready, served.then((code) => Promise.reject(new Error(`exited ${code}: ${err.text()}`)))]);
        const info = JSON.parse(await readFile(path.join(dir, 'local-tenant.json'), 'utf8')) as {
          baseUrl: string;
          caCertPath: string;
          app: { clientId: string; clientSecret: string };
        };
        const res = await run(['controleer'], {
          REGIEKAMER_MODE: 'tenant',
          REGIEKAMER_PROGRAMME: PROGRAMME,
          REGIEKAMER_DATA_DIR: path.join(dir, 'nonexistent'),
          GRAPH_BASE_URL: info.baseUrl,
          AUTHORITY_HOST: info.baseUrl,
          EXTRA_CA_FILE: info.caCertPath,
          GRAPH_CLIENT_ID: info.app.clientId,
          GRAPH_CLIENT_SECRET: info.app.clientSecret,
          BOT_ID,
          TEAMS_APP_ID,
          PUBLIC_URL: 'https://regiekamer.eemnes.example',
          LOG_LEVEL: 'silent',
        });
        expect(res.code).toBe(1);
        expect(block(res.out, host.name)).toContain(
          '✗ toepassingsrechten [FOUT]: toepassingsrecht niet verleend: TeamsTab.ReadWrite.All',
        );
      } finally {
        controller.abort();
        expect(await served).toBe(0);
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
