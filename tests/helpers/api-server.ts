// The HTTP API alone on a loopback port for tests: the router the server mounts under /api, with the given store,
// programme, clock and token validator, and no other part of the stack.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { apiRouter } from '../../src/entry/server/api.ts';
import type { ApiDeps } from '../../src/entry/server/api-kit.ts';

/** A running API: `base` is its origin (http://127.0.0.1:PORT); `close` stops listening (the store stays open). */
export interface ApiServer {
  base: string;
  close(): Promise<void>;
}

/** Serves `apiRouter(deps)` under /api on a free loopback port; `changed` defaults to a no-op. */
export async function serveApi(deps: Omit<ApiDeps, 'changed'> & Partial<Pick<ApiDeps, 'changed'>>): Promise<ApiServer> {
  const app = express();
  app.use('/api', apiRouter({ changed: () => undefined, ...deps }));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
