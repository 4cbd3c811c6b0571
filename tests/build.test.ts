// The production build as it is installed: `npm pack` (its prepack runs `npm run build`), the tarball unpacked
// into a temporary folder with the repository's lockfile beside it and installed with `npm ci --omit=dev` (no
// devDependencies: no tsx, Vite, TypeScript or Vitest), then run with plain node: the command line answers, a
// programme file validates, every compiled module loads (so tenant mode, which loads a subset, imports nothing
// from a devDependency) and `regiekamer start` comes up in local mode, serves the built tab and stops on SIGTERM.
//
// The build runs in a copy of the checkout (its node_modules linked), not in the checkout itself: other tests and
// people may be using the checkout's dist/ meanwhile, and the build replaces it.
import { execFile, spawn } from 'node:child_process';
import { once } from 'node:events';
import { cp, mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { copyCheckout, npmEnv, root } from './helpers/checkout-copy.ts';

const run = promisify(execFile);
/** For the installed command: nothing but PATH and HOME (no loader, no configuration from the surrounding shell). */
const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };

let tmp: string;
/** The installed package: the unpacked tarball after `npm ci --omit=dev`. */
let installed: string;
let tarball: string[];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'rk-build-'));
  const checkout = await copyCheckout(tmp);
  const packed = path.join(tmp, 'packed');
  await mkdir(packed);
  await run('npm', ['pack', '--pack-destination', packed, '--no-audit', '--no-fund'], {
    cwd: checkout,
    env: npmEnv,
    maxBuffer: 16 * 1024 * 1024,
  });
  const [file] = await readdir(packed);
  if (!file) throw new Error('npm pack wrote no tarball');
  tarball = (await run('tar', ['-tzf', path.join(packed, file)], { maxBuffer: 16 * 1024 * 1024 })).stdout
    .trim()
    .split('\n');
  await run('tar', ['-xzf', path.join(packed, file), '-C', tmp]);
  installed = path.join(tmp, 'package');
  await cp(path.join(root, 'package-lock.json'), path.join(installed, 'package-lock.json'));
  await run('npm', ['ci', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], {
    cwd: installed,
    env: npmEnv,
    maxBuffer: 16 * 1024 * 1024,
  });
}, 180_000);

afterAll(async () => {
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/** Runs the installed command line with plain node. */
function regiekamer(args: string[]) {
  return run(process.execPath, ['bin/regiekamer.js', ...args], { cwd: installed, env });
}

async function freePort(): Promise<number> {
  const server = createServer();
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  server.close();
  await once(server, 'close');
  return port;
}

describe('the production build, installed without devDependencies', () => {
  it('ships the build, the assets it reads and the files it needs, and no sources or tests', () => {
    expect(tarball).toContain('package/bin/regiekamer.js');
    expect(tarball).toContain('package/dist/entry/cli/bin.js');
    expect(tarball).toContain('package/dist/entry/server/stack.js');
    expect(tarball).toContain('package/dist/adapters/store/migrations/001_programme_versions.sql');
    expect(tarball).toContain('package/dist/adapters/graph/contract/graph-v1.0-subset.yaml');
    expect(tarball).toContain('package/dist/tab/index.html');
    // The local tenant (packages/local-tenant), compiled, where the compiled server's import finds it.
    expect(tarball).toContain('package/dist/node_modules/@regiekamer/local-tenant/package.json');
    expect(tarball).toContain('package/dist/node_modules/@regiekamer/local-tenant/index.js');
    expect(tarball.filter((f) => f.startsWith('package/packages/'))).toEqual([]);
    expect(tarball).toContain('package/manifest/manifest.json');
    expect(tarball).toContain('package/programmes/blnp.yaml');
    expect(tarball).toContain('package/schema/programme.schema.json');
    expect(tarball).toContain('package/README.md');
    expect(tarball.filter((f) => f.startsWith('package/src/') || f.startsWith('package/tests/'))).toEqual([]);
    expect(tarball.filter((f) => /\.test\.js$|\.tsx?$/.test(f))).toEqual([]);
  });

  it('has none of the development tools installed', () => {
    for (const name of [
      'tsx',
      'vite',
      'vitest',
      'typescript',
      '@vitejs/plugin-react',
      '@microsoft/m365agentsplayground',
    ]) {
      expect(existsSync(path.join(installed, 'node_modules', name)), name).toBe(false);
    }
    expect(existsSync(path.join(installed, 'node_modules', 'express'))).toBe(true);
    expect(existsSync(path.join(installed, 'src'))).toBe(false);
  });

  it('answers --help and validates a programme file with plain node', async () => {
    const help = await regiekamer(['--help']);
    expect(help.stdout).toContain('Usage: regiekamer');
    expect(help.stdout).toContain('validate');
    const valid = await regiekamer(['validate', 'programmes/blnp.yaml']);
    expect(valid.stdout).toMatch(/^programmes\/blnp\.yaml: geldig — Versterking samenwerking BLNP: 4 gemeenten/);
  });

  it('loads every compiled module, so no mode imports a devDependency', async () => {
    // bin.js is left out: importing it runs the command line. The tab is the browser's.
    const script = `
      import { readdirSync } from 'node:fs';
      import path from 'node:path';
      import { pathToFileURL } from 'node:url';
      const files = readdirSync('dist', { recursive: true }).filter((f) => f.endsWith('.js') && !f.startsWith('tab' + path.sep) && f !== path.join('entry', 'cli', 'bin.js'));
      const failed = [];
      for (const f of files) {
        try { await import(pathToFileURL(path.resolve('dist', f)).href); } catch (err) { failed.push(f + ': ' + err.message); }
      }
      process.stdout.write(JSON.stringify({ loaded: files, failed }));
      process.exit(0);`;
    const { stdout } = await run(process.execPath, ['--input-type=module', '-e', script], { cwd: installed, env });
    const result = JSON.parse(stdout) as { loaded: string[]; failed: string[] };
    expect(result.failed).toEqual([]);
    expect(result.loaded).toContain(path.join('entry', 'server', 'stack.js'));
    expect(result.loaded).toContain(path.join('entry', 'server', 'tab.js'));
    expect(result.loaded).toContain(path.join('entry', 'server', 'api.js'));
    expect(result.loaded).toContain(path.join('entry', 'cli', 'main.js'));
    expect(result.loaded).toContain(path.join('node_modules', '@regiekamer', 'local-tenant', 'server.js'));
    expect(result.loaded).toContain(path.join('node_modules', '@regiekamer', 'local-tenant', 'identity.js'));
  });

  it(
    'starts in local mode, answers /healthz and /readyz, serves the built tab and stops on SIGTERM',
    { timeout: 120_000 },
    async () => {
      const dataDir = path.join(tmp, 'data');
      // A real port for the Agents Playground: it is a devDependency, so the built server must start without it.
      const child = spawn(process.execPath, ['bin/regiekamer.js', 'start'], {
        cwd: installed,
        env: {
          ...env,
          REGIEKAMER_MODE: 'local',
          LOG_LEVEL: 'warn',
          REGIEKAMER_DATA_DIR: dataDir,
          PORT: '0',
          LOCAL_TENANT_PORT: '0',
          LOCAL_TENANT_HTTP_PORT: '0',
          PLAYGROUND_PORT: String(await freePort()),
          SYNC_INTERVAL_MINUTES: '0',
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
      try {
        const url = await new Promise<string>((resolve, reject) => {
          const look = () => {
            const m = /Server\s+(http:\/\/\S+)/.exec(stdout);
            if (m?.[1]) resolve(m[1]);
          };
          child.stdout.on('data', (d: Buffer) => {
            stdout += d.toString();
            look();
          });
          child.stderr.on('data', (d: Buffer) => {
            stderr += d.toString();
          });
          void exited.then(([code]) => reject(new Error(`exited ${code} before listening:\n${stdout}\n${stderr}`)));
        });
        expect((await fetch(`${url}/healthz`)).status).toBe(200);
        const ready = await fetch(`${url}/readyz`);
        expect(ready.status).toBe(200);
        expect(await ready.json()).toMatchObject({ status: 'ready', checks: { store: 'pglite', programme: 'blnp' } });

        const page = await fetch(`${url}/tab/`);
        expect(page.status).toBe(200);
        const html = await page.text();
        // The built page (hashed script under /tab/assets), not Vite's development page.
        const entry = /<script type="module" crossorigin src="(\/tab\/assets\/[^"]+\.js)"><\/script>/.exec(html)?.[1];
        expect(entry).toBeDefined();
        expect(html).not.toContain('/@vite/');
        const script = await fetch(`${url}${entry}`);
        expect(script.status).toBe(200);
        expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(stderr).toContain('Agents Playground not installed');
      } finally {
        child.kill('SIGTERM');
      }
      const [code] = await exited;
      expect(code).toBe(0);
      expect(stdout).toContain('Gestopt. / Stopped.');
    },
  );
});
