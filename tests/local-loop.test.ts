// The local loop (issue 14 §8): a command never opens a PGlite directory another process holds — it is refused
// with what to do, and the holder's data stays intact; once the holder is gone (even killed with SIGKILL) the
// directory is free at once.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { once } from 'node:events';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');
const BIN = path.join(root, 'bin/regiekamer.js');
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rk-loop-'));
  // What a running `npm start` leaves next to its data: where its local tenant listens (here: nothing listens).
  await writeFile(
    path.join(dir, 'local-tenant.json'),
    JSON.stringify({
      baseUrl: `https://localhost:${await closedPort()}`,
      httpUrl: null,
      caCertPem: '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n',
      caCertPath: null,
      tenants: [{ id: '6f1c9a4e-2b7d-4c3f-8e5a-1a9b0c7d2e02', domain: 'leusden.example', displayName: 'Leusden' }],
      app: { clientId: 'regiekamer-local', clientSecret: 'local-secret' },
    }),
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function cli(args: string[], env: Record<string, string> = {}) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: root,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'silent',
        REGIEKAMER_LANG: 'nl',
        REGIEKAMER_DATA_DIR: dir,
        PORT: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

/** A port nothing listens on: one the OS gave a server that has closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** A process holding the store in `dir` (tests/support/hold-store.ts), once it has said "held". */
async function holder(): Promise<ChildProcessWithoutNullStreams> {
  const child = spawn(process.execPath, ['tests/support/hold-store.ts', path.join(dir, 'pglite')], {
    cwd: root,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('held')) resolve();
    });
    child.once('exit', (code) => reject(new Error(`holder exited ${code}`)));
  });
  return child;
}

describe('one process per PGlite data directory', () => {
  it('refuses plan, drift, apply and start while another process holds it, and the holder is unharmed', async () => {
    const held = await holder();
    try {
      const runs = await Promise.all([['plan'], ['drift'], ['apply', '--yes'], ['start']].map((args) => cli(args)));
      for (const r of runs) {
        expect(r.code, r.stderr).toBe(1);
        expect(r.stderr).toContain(`De gegevensmap ${path.join(dir, 'pglite')} is in gebruik`);
        expect(r.stderr).toContain(`pid ${held.pid}, \`start\``);
        expect(r.stderr).toMatch(/Ctrl-C/);
        expect(r.stderr).not.toMatch(/Aborted|ASSERTIONS|at .*\.ts:\d+/);
      }
      const fine = new Promise<void>((resolve) => {
        held.stdout.on('data', (b: Buffer) => {
          if (b.toString().includes('still fine')) resolve();
        });
      });
      held.stdin.write('go\n');
      await fine;
      await once(held, 'exit');
    } finally {
      if (held.exitCode === null) held.kill('SIGKILL');
    }
  }, 240_000);

  it('is free at once after its holder was killed with SIGKILL', async () => {
    const held = await holder();
    held.kill('SIGKILL');
    await once(held, 'exit');
    const r = await cli(['plan']);
    // No data directory message: plan goes on to the tenant, which does not run here — and says so in words.
    expect(r.stderr).not.toContain('is in gebruik');
    expect(r.stderr).toMatch(
      /De lokale tenant \(https:\/\/localhost:\d+\) is niet bereikbaar \(ECONNREFUSED\): hij draait niet/,
    );
    expect(r.stderr).toContain('npx regiekamer tenant serve');
    expect(r.stderr).not.toMatch(/aka\.ms|msal|ClientAuthError|fetch failed/i);
    expect(r.code).toBe(1);
  }, 120_000);
});

describe('a process that cannot end on its own', () => {
  it('is ended after the bound, naming what is still open, with a non-zero exit', async () => {
    const child = spawn(
      process.execPath,
      ['--import', './tests/support/linger-preload.mjs', BIN, 'validate', 'programmes/blnp.yaml'],
      { cwd: root, env: { ...process.env, REGIEKAMER_LANG: 'nl' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b: Buffer) => (stdout += b.toString()));
    child.stderr.on('data', (b: Buffer) => (stderr += b.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stdout).toContain('geldig');
    expect(stderr).toMatch(/het proces eindigt niet binnen 5 s: nog open zijn [^.]*Timeout ×1/);
    expect(code).toBe(1);
  }, 120_000);
});
