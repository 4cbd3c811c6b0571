// `regiekamer controleer` with an organisatie that has its own tenant (issue 16 §1): BEL with a fictional external
// bureau whose adviser sits in a shared-channel werkgroep. The bureau's tenant is checked like a gemeente's (its
// block, its consent, its people); an organisatie without a tenant gets no block (its people are the host's guests).
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { startLocalTenant, TENANT_IN_MEMORY, type LocalTenantHandle } from '@regiekamer/local-tenant';
import { parseProgramme } from '../src/domain/programme/parse.ts';
import { desiredState } from '../src/domain/sync/desired.ts';
import { localTenantApp, localTenantDirectory, localTenantSetup } from '../src/entry/server/local-tenant-data.ts';
import { main } from '../src/entry/cli/main.ts';

const KOMPAS_TENANT = '4a7e0d5f-1b6c-4d9e-8f0a-0b5c4d3e6f44';

/** BEL with Adviesbureau Kompas (own tenant) and Stichting Zonder (none), each with one adviser. */
async function belWithOrganisaties(): Promise<string> {
  const bel = await readFile('programmes/bel.yaml', 'utf8');
  return bel
    .replace(
      '\nvakgebieden:\n',
      [
        '',
        'organisaties:',
        `  - { id: kompas, name: Adviesbureau Kompas, type: bureau, tenantId: ${KOMPAS_TENANT}, domain: kompas.example }`,
        '  - { id: zonder, name: Stichting Zonder, type: overig }',
        'vakgebieden:',
        '',
      ].join('\n'),
    )
    .replace(
      '\n# De organen.',
      [
        '',
        '  - { id: adv-kompas, name: Karel Kompas, upn: karel.kompas@kompas.example, organisatie: kompas, roles: [adviseur], hoursPerWeek: 4 }',
        '  - { id: adv-zonder, name: Zus Zonder, upn: zus@zonder.example, organisatie: zonder, roles: [adviseur], hoursPerWeek: 2 }',
        '',
        '# De organen.',
      ].join('\n'),
    )
    .replace(
      'members: [agnes-ruiter, willem-stam, marga-bosch, hugo-raaijmakers]',
      'members: [agnes-ruiter, willem-stam, marga-bosch, hugo-raaijmakers, adv-kompas]',
    )
    .replace(
      'members: [jacco-zijlstra, wendy-uijen, gonny-everts, nel-aarts, kw-henk]',
      'members: [jacco-zijlstra, wendy-uijen, gonny-everts, nel-aarts, kw-henk, adv-zonder]',
    );
}

let tenant: LocalTenantHandle | undefined;
let dir: string | undefined;
afterAll(async () => {
  await tenant?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

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

describe('regiekamer controleer with organisaties', () => {
  it(
    "checks an organisatie's own tenant like a gemeente's, and none for an organisatie without one",
    { timeout: 180_000 },
    async () => {
      const text = await belWithOrganisaties();
      const parsed = parseProgramme(new TextEncoder().encode(text), 'bel-organisaties.yaml');
      if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.line}:${p.col} ${p.key}`).join('\n'));
      const programme = parsed.programme;
      const directory = localTenantDirectory(programme);
      expect(directory.tenants.map((t) => t.id)).toContain(KOMPAS_TENANT);
      // The programme's guests, accepted in the host tenant (as in tests/controleer.test.ts).
      const d = desiredState(programme);
      expect(d.people['adv-zonder']?.tenantId).toBeUndefined();
      const host = directory.tenants.find((t) => t.id === d.hostTenantId);
      for (const id of d.guests.people) {
        const p = d.people[id];
        if (p && host)
          host.users.push({
            userPrincipalName: `${p.email.replace('@', '_')}#EXT#@${host.domain}`,
            mail: p.email,
            displayName: p.name,
          });
      }
      tenant = await startLocalTenant({
        directory,
        setup: localTenantSetup(programme),
        app: localTenantApp({}),
        dataDir: TENANT_IN_MEMORY,
        port: 0,
        httpPort: null,
      });
      dir = await mkdtemp(path.join(os.tmpdir(), 'rk-controleer-org-'));
      const file = path.join(dir, 'bel-organisaties.yaml');
      await writeFile(file, text);
      await writeFile(path.join(dir, 'ca.pem'), tenant.caCertPem);
      const env = {
        REGIEKAMER_MODE: 'tenant',
        REGIEKAMER_PROGRAMME: file,
        REGIEKAMER_DATA_DIR: path.join(dir, 'nonexistent'),
        GRAPH_BASE_URL: tenant.baseUrl,
        AUTHORITY_HOST: tenant.baseUrl,
        EXTRA_CA_FILE: path.join(dir, 'ca.pem'),
        GRAPH_CLIENT_ID: tenant.app.clientId,
        GRAPH_CLIENT_SECRET: tenant.app.clientSecret,
        BOT_ID: '7d1e5c2a-3b4f-4c6d-8e9f-0a1b2c3d4e5f',
        TEAMS_APP_ID: '8e2f6d3b-4c5a-4d7e-9f0a-1b2c3d4e5f60',
        PUBLIC_URL: 'https://regiekamer.eemnes.example',
        LOG_LEVEL: 'silent',
      };
      const res = await run(['controleer'], env);
      expect(res.err).toBe('');
      const start = res.out.indexOf('\nAdviesbureau Kompas — tenant');
      expect(start, res.out).toBeGreaterThanOrEqual(0);
      const end = res.out.indexOf('\n\n', start + 1);
      const block = res.out.slice(start, end < 0 ? undefined : end);
      expect(block).toContain('toepassingsrechten [in orde]');
      expect(block).toContain('mensen [in orde]');
      expect(res.out).not.toContain('Stichting Zonder — tenant');
      expect(res.out).toMatch(/Uitkomst: \d+ in orde, 0 fout/);
      expect(res.code).toBe(0);
    },
  );
});
