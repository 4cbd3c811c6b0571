// Every dependency that cannot be reached is named in words with what to do — tested with each one down (a closed
// port): Entra ID's token endpoint and Graph (tenant mode, through MSAL and the Graph SDK), a PostgreSQL server
// (DATABASE_URL) and the Bot Connector. The local tenant's case runs through the CLI in tests/local-loop.test.ts.
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.ts';
import { createLogger } from '../../platform/logger.ts';
import { createBotSender } from '../bot/connector.ts';
import { connectGraph } from '../graph/connect.ts';
import { users } from '../graph/endpoints/directory.ts';
import { createGraphGateway } from '../graph/gateway.ts';
import { openStore } from '../store/open.ts';
import { namesByOrigin, namingFetch, UnreachableError } from './unreachable.ts';

const TENANT = '6f1c9a4e-2b7d-4c3f-8e5a-1a9b0c7d2e02';
let dir: string;

/** A port nothing listens on: one the OS gave a server that has closed again. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rk-unreachable-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('a dependency that cannot be reached is named in words', () => {
  it('Entra ID (token endpoint) down: says so instead of the identity library’s error', async () => {
    const authority = `https://127.0.0.1:${await closedPort()}`;
    const config = loadConfig(
      {
        REGIEKAMER_MODE: 'tenant',
        GRAPH_CLIENT_ID: '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
        GRAPH_CLIENT_SECRET: 'geheim',
        AUTHORITY_HOST: authority,
        GRAPH_BASE_URL: `https://127.0.0.1:${await closedPort()}`,
      },
      dir,
    );
    const graph = await connectGraph(config);
    try {
      const err = await graph.gateway.request(TENANT, users.list()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UnreachableError);
      expect(err).toMatchObject({ dependency: 'token', code: 'ECONNREFUSED', url: authority });
      expect((err as Error).message).toContain(
        `Entra ID (${authority}) is niet bereikbaar voor een toegangstoken (ECONNREFUSED)`,
      );
      expect((err as Error).message).toContain('AUTHORITY_HOST');
      expect((err as Error).message).not.toMatch(/aka\.ms|msal/i);
    } finally {
      await graph.close();
    }
  });

  it('Microsoft Graph down: the Graph SDK does not swallow the reason', async () => {
    const base = `https://127.0.0.1:${await closedPort()}`;
    const gateway = createGraphGateway({
      baseUrl: base,
      tokens: { token: async () => 'token' },
      fetch: namingFetch(
        globalThis.fetch,
        namesByOrigin([[base, { dependency: 'graph', message: 'dependency.graph' }]], {
          dependency: 'botconnector',
          message: 'dependency.botConnector',
        }),
      ),
    });
    const err = await gateway.request(TENANT, users.list()).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(UnreachableError);
    expect((err as Error).message).toContain(`Microsoft Graph (${base}) is niet bereikbaar (ECONNREFUSED)`);
    expect((err as Error).message).toContain('GRAPH_BASE_URL');
  });

  it('the PostgreSQL server of DATABASE_URL down: says where and what to check, without the password', async () => {
    const url = `postgres://regiekamer:geheim@127.0.0.1:${await closedPort()}/regiekamer`;
    const err = await openStore({ databaseUrl: url, dataDir: path.join(dir, 'unused') }).catch((e: unknown) => e);
    expect((err as Error).message).toContain('De database is niet bereikbaar');
    expect((err as Error).message).toContain('ECONNREFUSED');
    expect((err as Error).message).toContain('DATABASE_URL');
    expect((err as Error).message).not.toContain('geheim');
  });

  it('the Bot Connector down: the send gives up with code Unreachable and the log says which service', async () => {
    const serviceUrl = `https://127.0.0.1:${await closedPort()}`;
    const lines: string[] = [];
    const logger = createLogger('warn', {
      write: (s: string) => {
        lines.push(s);
        return true;
      },
    } as unknown as NodeJS.WritableStream);
    const sender = createBotSender({
      tokens: { token: async () => 'token' },
      fetch: namingFetch(globalThis.fetch, () => ({ dependency: 'botconnector', message: 'dependency.botConnector' })),
      logger,
      pacing: false,
      maxAttempts: 2,
      sleep: async () => undefined,
    });
    const outcome = await sender.send({ serviceUrl, conversationId: 'a:1', tenantId: TENANT }, { type: 'message' });
    expect(outcome).toMatchObject({ ok: false, code: 'Unreachable', attempts: 2 });
    expect(lines.join('')).toContain(`De Bot Connector (${serviceUrl}) is niet bereikbaar (ECONNREFUSED)`);
  });
});
