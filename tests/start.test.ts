// `npm start` as a person runs it: a real child process comes up, answers /healthz and /readyz, and stops on Ctrl-C.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';
import { startStack } from './helpers/stack.ts';

describe('npm start', () => {
  // Two full local starts (local tenant, store, first sync); each takes 20–50 s on a loaded 2-core machine.
  it(
    'comes up on embedded defaults, answers /readyz, records the programme version and stops cleanly on SIGINT',
    { timeout: 180_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rk-start-'));
      const run = startStack({
        REGIEKAMER_DATA_DIR: dataDir,
        PORT: '0',
        LOCAL_TENANT_PORT: '0',
        LOCAL_TENANT_HTTP_PORT: '0',
      });
      const url = await run.url;
      const health = await fetch(`${url}/healthz`);
      expect(health.status).toBe(200);
      const ready = await fetch(`${url}/readyz`);
      expect(ready.status).toBe(200);
      const body = (await ready.json()) as { status: string; checks: Record<string, string> };
      expect(body).toMatchObject({ status: 'ready', checks: { store: 'pglite', programme: 'blnp' } });
      expect(run.output().stdout).toMatch(/Programma\s+Versterking samenwerking BLNP — 4 gemeenten, 9 werkgroepen/);
      expect(run.output().stdout).toContain('nieuw sinds vorige start');
      expect(run.output().stdout).toMatch(/Tenant\s+lokale tenant \(4 tenants\): https:\/\/localhost:\d+/);

      run.child.kill('SIGINT');
      const [code] = await once(run.child, 'exit');
      expect(code).toBe(0);
      expect(run.output().stdout).toContain('Gestopt.');

      // Same data directory, same file: the programme version is not stored twice.
      const again = startStack({
        REGIEKAMER_DATA_DIR: dataDir,
        PORT: '0',
        LOCAL_TENANT_PORT: '0',
        LOCAL_TENANT_HTTP_PORT: '0',
      });
      await again.url;
      expect(again.output().stdout).toContain('ongewijzigd');
      again.child.kill('SIGINT');
      const [againCode, againSignal] = (await once(again.child, 'exit')) as [number | null, string | null];
      // On failure, say how it ended and what it printed (seen once in CI: ended by a signal).
      if (againCode !== 0)
        console.log(
          `exit ${againCode} signal ${againSignal}\n${again.output().stdout.slice(-1500)}\n${again.output().stderr.slice(-3000)}`,
        );
      expect(againCode).toBe(0);
    },
  );

  it(
    'applies the programme into the local tenant when it starts; the team and its channels are then in the tenant',
    { timeout: 180_000 },
    async () => {
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rk-start-sync-'));
      const run = startStack({
        REGIEKAMER_DATA_DIR: dataDir,
        PORT: '0',
        LOCAL_TENANT_PORT: '0',
        LOCAL_TENANT_HTTP_PORT: '0',
      });
      await run.url;
      const synced = new Promise<string>((resolve) => {
        const look = () => {
          const m = /Sync\s+(.+)/.exec(run.output().stdout);
          if (m?.[1]) resolve(m[1]);
        };
        run.child.stdout.on('data', look);
        look();
      });
      const line = await synced;
      expect(line).toMatch(/^\d+ gemaakt, .* 0 mislukt/);
      expect(Number(/^(\d+) gemaakt/.exec(line)?.[1])).toBeGreaterThan(50);
      // Read back over the local tenant's plain-HTTP port with an app token, as any Graph client would.
      const info = JSON.parse(await readFile(path.join(dataDir, 'local-tenant.json'), 'utf8')) as {
        httpUrl: string;
        tenants: { id: string; domain: string }[];
        app: { clientId: string; clientSecret: string };
      };
      const host = info.tenants.find((t) => t.domain === 'leusden.example')?.id as string;
      const form = new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: info.app.clientId,
        client_secret: info.app.clientSecret,
        scope: 'https://graph.microsoft.com/.default',
      });
      const token = (
        (await (await fetch(`${info.httpUrl}/${host}/oauth2/v2.0/token`, { method: 'POST', body: form })).json()) as {
          access_token: string;
        }
      ).access_token;
      const get = async (p: string) =>
        (await fetch(`${info.httpUrl}/v1.0${p}`, { headers: { Authorization: `Bearer ${token}` } })).json() as Promise<{
          value: { id: string; membershipType?: string }[];
        }>;
      const groups = await get(
        `/groups?$filter=${encodeURIComponent("displayName eq 'BLNP Versterking samenwerking'")}`,
      );
      expect(groups.value).toHaveLength(1);
      const channels = await get(`/teams/${groups.value[0]?.id}/channels?$top=50`);
      expect(channels.value.length).toBeGreaterThanOrEqual(11);
      expect(channels.value.filter((c) => c.membershipType === 'shared').length).toBeGreaterThanOrEqual(9);
      run.child.kill('SIGINT');
      expect((await once(run.child, 'exit'))[0]).toBe(0);
    },
  );

  it('refuses to start on an invalid programme file, names the problems and exits 2 without a stack trace', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rk-start-bad-'));
    const file = path.join(dataDir, 'kapot.yaml');
    await writeFile(file, 'version: 1\nprogramme: {}\n');
    const run = startStack({ REGIEKAMER_DATA_DIR: dataDir, PORT: '0', REGIEKAMER_PROGRAMME: file });
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(2);
    expect(run.output().stderr).toMatch(/kapot\.yaml:2:\d+ verplicht veld 'id' ontbreekt/);
    expect(run.output().stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    await run.url.catch(() => undefined);
  });

  it('refuses a bad environment value with a clear message', async () => {
    const run = startStack({ PORT: 'zeventig' });
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(2);
    expect(run.output().stderr).toContain('Ongeldige configuratie');
    expect(run.output().stderr).toContain('PORT');
    await run.url.catch(() => undefined);
  });
});
