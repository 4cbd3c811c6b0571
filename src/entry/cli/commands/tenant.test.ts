// `regiekamer tenant serve` in-process: seeds from the programme file, prints URL, tenants and credentials,
// writes local-tenant.json, serves Graph with the given fault flags, and stops cleanly.
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config.ts';
import { trustingFetch } from '@regiekamer/local-tenant';
import { testIdentity, testToken } from '@regiekamer/local-tenant/testing';
import { tenantServeCommand } from './tenant.ts';
import type { CliIo } from '../io.ts';

const root = path.resolve(import.meta.dirname, '../../../..');

function capture() {
  const stream = new PassThrough();
  let text = '';
  stream.on('data', (d: Buffer) => {
    text += d.toString();
  });
  return { stream, text: () => text };
}

describe('regiekamer tenant serve', () => {
  it('starts from the programme, prints and writes its details, applies the fault flags and stops on abort', async () => {
    const dataRoot = await mkdtemp(path.join(os.tmpdir(), 'rk-serve-'));
    const env = {
      REGIEKAMER_PROGRAMME: path.join(root, 'tests/fixtures/programmes/minimal.yaml'),
      REGIEKAMER_DATA_DIR: dataRoot,
      LOCAL_TENANT_PORT: '0',
      LOCAL_TENANT_HTTP_PORT: '0',
      LOG_LEVEL: 'silent',
    };
    const out = capture();
    const err = capture();
    const io: CliIo = { stdout: out.stream, stderr: err.stream, stdin: new PassThrough(), env, cwd: root };
    const controller = new AbortController();
    const ready = new Promise<void>((resolve) => {
      out.stream.on('data', () => {
        if (out.text().includes('Ctrl-C')) resolve();
      });
    });
    const exit = tenantServeCommand(
      io,
      loadConfig(env, root),
      { faults: '1', throttle: 'off', seed: '7' },
      { signal: controller.signal, identity: testIdentity },
    );
    await Promise.race([
      ready,
      exit.then((code) => {
        throw new Error(`exited ${code} early: ${out.text()} ${err.text()}`);
      }),
    ]);

    const printed = out.text();
    expect(printed).toContain('11111111-1111-4111-8111-111111111111  Alfa (alfa.example)');
    expect(printed).toContain('22222222-2222-4222-8222-222222222222  Beta (beta.example)');
    const info = JSON.parse(await readFile(path.join(dataRoot, 'local-tenant.json'), 'utf8')) as {
      baseUrl: string;
      httpUrl: string;
      caCertPem: string;
      caCertPath: string;
      app: { clientId: string; clientSecret: string };
      tenants: { id: string }[];
    };
    expect(printed).toContain(`Graph       ${info.baseUrl}/v1.0`);
    expect(printed).toContain(info.app.clientId);
    expect(printed).toContain(info.app.clientSecret);
    expect(printed).toContain(path.join(dataRoot, 'local-tenant.json'));
    expect(info.caCertPath).toBe(path.join(dataRoot, 'local-tenant', 'tls', 'ca.pem'));
    expect(info.tenants.map((x) => x.id)).toEqual([
      '11111111-1111-4111-8111-111111111111',
      '22222222-2222-4222-8222-222222222222',
    ]);

    // --faults 1: every request is a fault, half 429 and half 503.
    const trusted = await trustingFetch(info.caCertPem);
    const statuses = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const res = await trusted.fetch(`${info.baseUrl}/v1.0/users`, {
        headers: { Authorization: testToken('11111111-1111-4111-8111-111111111111') },
      });
      statuses.add(res.status);
      await res.arrayBuffer();
    }
    expect([...statuses].sort()).toEqual([429, 503]);
    const faults = (await (await trusted.fetch(`${info.baseUrl}/_local/faults`)).json()) as Record<string, unknown>;
    expect(faults).toMatchObject({ share429: 0.5, share503: 0.5, throttling: false, seed: 7 });
    await trusted.close();

    controller.abort();
    expect(await exit).toBe(0);
    expect(out.text()).toContain('Gestopt. / Stopped.');
    await expect(fetch(`${info.httpUrl}/_local/stats`)).rejects.toThrow();
  });

  it('refuses bad flags with exit code 2', async () => {
    const out = capture();
    const err = capture();
    const env = { REGIEKAMER_PROGRAMME: path.join(root, 'tests/fixtures/programmes/minimal.yaml') };
    const io: CliIo = { stdout: out.stream, stderr: err.stream, stdin: new PassThrough(), env, cwd: root };
    expect(await tenantServeCommand(io, loadConfig(env, root), { faults: '1.5' })).toBe(2);
    expect(await tenantServeCommand(io, loadConfig(env, root), { throttle: 'maybe' })).toBe(2);
    expect(await tenantServeCommand(io, loadConfig(env, root), { port: 'abc' })).toBe(2);
    expect(err.text()).toContain('--faults');
    // A role the tenant was never given (here misspelt) would take nothing away: refused, with what is consented.
    expect(await tenantServeCommand(io, loadConfig(env, root), { faultRole: ['alfa:Tasks.ReadWrite'] })).toBe(2);
    expect(err.text()).toContain("--fault-role: 'Tasks.ReadWrite' is in de tenant van alfa niet verleend");
    expect(err.text()).toContain('Tasks.ReadWrite.All');
  });
});
