// vitest globalSetup: makes a PostgreSQL server URL available to every test file as inject('databaseUrl').
// In order of preference: TEST_DATABASE_URL (CI sets it); a throwaway cluster from Debian's binaries
// (scripts/pg-cluster.sh); PGlite served over the wire protocol. Store tests never skip the server backend.
import { execFile } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import type { TestProject } from 'vitest/node';
import { redactUrl } from '../../src/adapters/store/open.ts';
import { servePglite } from '../helpers/pglite-server.ts';

/** postgres: a real PostgreSQL server; pglite-socket: PGlite behind the wire protocol (one session, see tests/helpers/db.ts). */
export type DatabaseKind = 'postgres' | 'pglite-socket';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: DatabaseKind;
  }
}

const run = promisify(execFile);
const clusterScript = fileURLToPath(new URL('../../scripts/pg-cluster.sh', import.meta.url));

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const provide = (url: string, kind: DatabaseKind, source: string) => {
    project.provide('databaseUrl', url);
    project.provide('databaseKind', kind);
    console.log(`store tests: server backend = ${source} (${redactUrl(url)})`);
  };

  const fromEnv = process.env.TEST_DATABASE_URL;
  if (fromEnv) {
    provide(fromEnv, 'postgres', 'PostgreSQL from TEST_DATABASE_URL');
    return undefined; // not ours to stop
  }

  if (hasDebianPostgres()) {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'rk-test-pg-'));
    const port = await freePort();
    const { stdout } = await run('bash', [clusterScript, 'start', dir, String(port)]);
    provide(stdout.trim(), 'postgres', `throwaway PostgreSQL cluster in ${dir}`);
    return async () => {
      await run('bash', [clusterScript, 'stop', dir]);
    };
  }

  const served = await servePglite();
  provide(served.url, 'pglite-socket', 'PGlite over the wire protocol (no PostgreSQL installed)');
  return () => served.stop();
}

function hasDebianPostgres(): boolean {
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return false;
  return readdirSync(root).some((version) => existsSync(path.join(root, version, 'bin', 'initdb')));
}

/** A port that was free a moment ago; the cluster script fails loudly in the unlikely case it was taken since. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => (port ? resolve(port) : reject(new Error('no free port found'))));
    });
  });
}
