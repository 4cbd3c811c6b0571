// The sync through the real command line against a local tenant: BEL applied, killed with SIGKILL at several
// points and applied again without duplicates; a second apply writes nothing; a changed file is planned in
// words; a member added by hand is drift, removed only with --prune.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgrammeFile } from '../src/adapters/files/programme-file.ts';
import { startLocalTenant, trustingFetch, type LocalTenantHandle } from '@regiekamer/local-tenant';
import { localTenantDirectory } from '../src/entry/server/local-tenant-data.ts';

const BIN = path.resolve('bin/regiekamer.js');
let dir: string;
let tenant: LocalTenantHandle;
let programmeUpns: Set<string>;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rk-sync-cli-'));
  const loaded = await loadProgrammeFile('programmes/bel.yaml');
  if (!loaded.ok) throw new Error('bel.yaml does not load');
  programmeUpns = new Set(loaded.programme.people.map((p) => p.upn.toLowerCase()));
  tenant = await startLocalTenant({
    directory: localTenantDirectory(loaded.programme),
    dataDir: path.join(dir, 'local-tenant'),
    port: 0,
    httpPort: null,
  });
});
afterAll(async () => {
  await tenant?.stop();
  await rm(dir, { recursive: true, force: true });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI; with `killAfterProgress` it is killed (SIGKILL) once that many changes were reported sent. */
function cli(args: string[], options: { killAfterProgress?: number; programme?: string } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: {
        ...process.env,
        REGIEKAMER_DATA_DIR: dir,
        REGIEKAMER_PROGRAMME: options.programme ?? 'programmes/bel.yaml',
        LOG_LEVEL: 'silent',
        REGIEKAMER_LANG: 'nl',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => {
      stdout += b.toString();
    });
    child.stderr.on('data', (b: Buffer) => {
      stderr += b.toString();
      const m = [...stderr.matchAll(/\[(\d+)\/\d+\]/g)].pop();
      if (options.killAfterProgress !== undefined && m && Number(m[1]) >= options.killAfterProgress)
        child.kill('SIGKILL');
    });
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr }));
  });
}

/** Counts in the local tenant's own state: duplicates show up as repeated names, users or transaction ids. */
async function census() {
  const state = tenant.state();
  const host = Object.values(state.tenants).find((t) => Object.values(t.collections['teams'] ?? {}).length > 0);
  const teams = Object.values(host?.collections['teams'] ?? {});
  const channels = Object.values(host?.collections['channels'] ?? {}).filter(
    (c) => !c['_deleted'] && !c['deletedDateTime'],
  );
  const events = Object.values(host?.collections['events'] ?? {}).filter(
    (e) => typeof e['transactionId'] === 'string' && String(e['transactionId']).startsWith('rk-'),
  );
  const dup = (xs: string[]) => xs.filter((x, i) => xs.indexOf(x) !== i);
  return {
    teams: teams.length,
    channelNames: channels.map((c) => String(c['displayName'])),
    duplicateChannels: dup(channels.map((c) => `${String(c['teamId'] ?? '')}/${String(c['displayName'])}`)),
    duplicateEvents: dup(events.map((e) => String(e['transactionId']))),
    events: events.length,
  };
}

describe('regiekamer plan / apply / drift against the local tenant', () => {
  it(
    'survives SIGKILL at several points: apply again converges with no duplicates, then writes nothing',
    { timeout: 300_000 },
    async () => {
      // Kill points count this run's own progress lines: early (team), middle (channels, members), late (meetings).
      for (const at of [2, 5, 1]) {
        const killed = await cli(['apply', '--yes'], { killAfterProgress: at });
        if (killed.signal !== 'SIGKILL')
          console.log(killed.code, killed.stderr.slice(0, 600), killed.stdout.slice(-600));
        expect(killed.signal).toBe('SIGKILL');
      }
      const done = await cli(['apply', '--yes']);
      expect(done.stderr).not.toMatch(/at .*\.ts:\d+/);
      expect(done.code).toBe(0);
      expect(done.stdout).toMatch(/Klaar: \d+ gemaakt/);
      const c = await census();
      expect(c.teams).toBe(1);
      expect(c.duplicateChannels).toEqual([]);
      expect(c.duplicateEvents).toEqual([]);
      expect(c.channelNames).toEqual(
        expect.arrayContaining([
          'Stuurgroep',
          'Dienstverlening en loket',
          'Huisvesting',
          'ICT en informatievoorziening',
        ]),
      );
      expect(c.events).toBeGreaterThan(0);

      const again = await cli(['apply', '--yes', '--json']);
      expect(again.code).toBe(0);
      const json = JSON.parse(again.stdout) as {
        changes: { action: string }[];
        requests: { byMethod: Record<string, number> };
      };
      expect(json.changes.filter((x) => x.action !== 'skip')).toEqual([]);
      expect(Object.keys(json.requests.byMethod)).toEqual(['GET']);
    },
  );

  it('reports a member added by hand as drift and removes it only with --prune', { timeout: 120_000 }, async () => {
    const info = JSON.parse(await readFile(path.join(dir, 'local-tenant.json'), 'utf8')) as {
      tenants: { id: string }[];
    };
    const state = tenant.state();
    const hostId = info.tenants
      .map((t) => t.id)
      .find((id) => Object.values(state.tenants[id]?.collections['teams'] ?? {}).length > 0) as string;
    const teamId = Object.keys(state.tenants[hostId]?.collections['teams'] ?? {})[0] as string;
    const shared = Object.values(state.tenants[hostId]?.collections['channels'] ?? {}).find(
      (c) => c['membershipType'] === 'shared' && c['displayName'] === 'Stuurgroep',
    );
    expect(shared).toBeDefined();
    // A colleague outside the programme (seeded by the local tenant), added by hand with an app token.
    const outsider = Object.values(state.tenants[hostId]?.collections['users'] ?? {}).find(
      (u) =>
        u['accountEnabled'] === true &&
        !programmeUpns.has(String(u['userPrincipalName']).toLowerCase()) &&
        !String(u['userPrincipalName']).startsWith('regiekamer'),
    );
    expect(outsider).toBeDefined();
    const trusted = await trustingFetch(tenant.caCertPem);
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: tenant.app.clientId,
      client_secret: tenant.app.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    });
    const tok = (await (
      await trusted.fetch(`${tenant.baseUrl}/${hostId}/oauth2/v2.0/token`, { method: 'POST', body: form })
    ).json()) as { access_token: string };
    const added = await trusted.fetch(
      `${tenant.baseUrl}/v1.0/teams/${teamId}/channels/${String(shared?.['id'])}/members`,
      {
        method: 'POST',
        headers: { Authorization: `Bearer ${tok.access_token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({
          '@odata.type': '#microsoft.graph.aadUserConversationMember',
          roles: [],
          'user@odata.bind': `https://graph.microsoft.com/v1.0/users('${String(outsider?.['id'])}')`,
        }),
      },
    );
    await trusted.close();
    expect(added.status).toBe(201);

    const drift = await cli(['drift']);
    expect(drift.code).toBe(0);
    expect(drift.stdout).toContain('1 afwijking');
    expect(drift.stdout).toContain('Stuurgroep');
    const noPrune = await cli(['apply', '--yes']);
    expect(noPrune.code).toBe(0);
    expect((await cli(['drift'])).stdout).toContain('1 afwijking');
    const pruned = await cli(['apply', '--yes', '--prune']);
    expect(pruned.code).toBe(0);
    expect(pruned.stdout).toContain('Wordt verwijderd');
    expect((await cli(['drift'])).stdout).toContain('Geen afwijkingen');
  });

  it('plans a changed file in words, per body, without writing', { timeout: 120_000 }, async () => {
    const text = await readFile('programmes/bel.yaml', 'utf8');
    const changed = text.replace(
      'name: Huisvesting, externalAccess: guest',
      'name: Huisvesting en facilitair, externalAccess: guest',
    );
    expect(changed).not.toBe(text);
    const file = path.join(dir, 'bel-changed.yaml');
    await writeFile(file, changed);
    const before = tenant.stats().requests;
    const planned = await cli(['plan'], { programme: file });
    expect(planned.code).toBe(0);
    expect(planned.stdout).toMatch(/Plan voor .*wijziging/);
    expect(planned.stdout).toMatch(/\+ maken\s+kanaal: Huisvesting en facilitair/);
    expect(planned.stdout).toMatch(/- verwijderen\s+kanaal: Huisvesting/);
    expect(planned.stdout).toContain('alleen met --prune');
    const methods = tenant
      .requests(500)
      .slice(-(tenant.stats().requests - before))
      .map((r) => r.method);
    expect(methods.every((m) => m === 'GET')).toBe(true);
    const english = await cli(['plan', '--lang', 'en'], { programme: file });
    expect(english.stdout).toMatch(/\+ create\s+channel: Huisvesting en facilitair/);
  });

  it(
    'shows what the file says but probably does not mean as warnings before the plan',
    { timeout: 120_000 },
    async () => {
      const text = await readFile('programmes/bel.yaml', 'utf8');
      const changed = text.replace('sendAt: "08:30"', 'sendAt: "07:00"');
      expect(changed).not.toBe(text);
      const file = path.join(dir, 'bel-early.yaml');
      await writeFile(file, changed);
      const planned = await cli(['plan'], { programme: file });
      expect(planned.code).toBe(0);
      expect(planned.stderr).toMatch(
        /bel-early\.yaml:\d+:\d+ waarschuwing: sendAt 07:00 valt in de stille uren \(19:00–07:30\)/,
      );
      expect(planned.stdout).toMatch(/Plan voor|Alles is in orde/);
      const english = await cli(['plan', '--lang', 'en'], { programme: file });
      expect(english.stderr).toContain('warning: sendAt 07:00 lies within the quiet hours (19:00–07:30)');
    },
  );
});
