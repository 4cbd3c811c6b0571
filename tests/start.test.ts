// `npm start` as a person runs it: a real child process comes up, answers /healthz and /readyz, and stops on Ctrl-C.
import { spawn } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

function startStack(env: Record<string, string>) {
  const child = spawn(process.execPath, ['bin/regiekamer.js', 'start'], {
    cwd: root,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { stderr += d.toString(); });
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /Server\s+(http:\/\/\S+)/.exec(stdout);
      if (m?.[1]) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`exited ${code} before it was ready:\n${stdout}\n${stderr}`)));
  });
  return { child, url, output: () => ({ stdout, stderr }) };
}

describe('npm start', () => {
  it('comes up on embedded defaults, answers /readyz, records the programme version and stops cleanly on SIGINT', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rk-start-'));
    const run = startStack({ REGIEKAMER_DATA_DIR: dataDir, PORT: '0', LOCAL_TENANT_PORT: '0', LOCAL_TENANT_HTTP_PORT: '0' });
    const url = await run.url;
    const health = await fetch(`${url}/healthz`);
    expect(health.status).toBe(200);
    const ready = await fetch(`${url}/readyz`);
    expect(ready.status).toBe(200);
    const body = await ready.json() as { status: string; checks: Record<string, string> };
    expect(body).toMatchObject({ status: 'ready', checks: { store: 'pglite', programme: 'blnp' } });
    expect(run.output().stdout).toMatch(/Programma\s+Versterking samenwerking BLNP — 4 gemeenten, 9 werkgroepen/);
    expect(run.output().stdout).toContain('nieuw sinds vorige start');
    expect(run.output().stdout).toMatch(/Tenant\s+lokale tenant \(4 tenants\): https:\/\/localhost:\d+/);

    run.child.kill('SIGINT');
    const [code] = await once(run.child, 'exit');
    expect(code).toBe(0);
    expect(run.output().stdout).toContain('Gestopt.');

    // Same data directory, same file: the programme version is not stored twice.
    const again = startStack({ REGIEKAMER_DATA_DIR: dataDir, PORT: '0', LOCAL_TENANT_PORT: '0', LOCAL_TENANT_HTTP_PORT: '0' });
    await again.url;
    expect(again.output().stdout).toContain('ongewijzigd');
    again.child.kill('SIGINT');
    expect((await once(again.child, 'exit'))[0]).toBe(0);
  });

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
