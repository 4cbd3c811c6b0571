// The local tenant: several Microsoft 365 tenants in one process, served over HTTPS (and plain HTTP) with
// Graph under /v1.0 (routing, $batch, paging, $select/$filter/$top), the Bot Connector under /v3, identity
// from identity.ts at the root and local controls under /_local (faults, stats, request log, reset).
import { mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { Express } from 'express';
import { BotConnector } from './botconnector.ts';
import { systemClock, type Route } from './core.ts';
import { directoryRoutes } from './directory.ts';
import { calendarRoutes } from './calendar.ts';
import { plannerRoutes } from './planner.ts';
import { FaultInjector } from './faults.ts';
import { writeFileAtomic } from './persistence.ts';
import { RouteTable } from './routing.ts';
import { tenantList } from './seed.ts';
import { RequestRecorder } from './stats.ts';
import { teamsRoutes } from './teams.ts';
import { acceptInvitation, invitationRoutes } from './invitations.ts';
import { Throttler } from './throttle.ts';
import { loadOrCreateTls, type TlsMaterial } from './tls.ts';
import { MAX_PAGE_SIZE } from './server-execute.ts';
import { createTenantApp } from './server-http.ts';
import { loadTenantState, type TenantRuntime } from './server-runtime.ts';
import { applySetup, crossTenantRoutes } from './tenant-setup.ts';
import type { IdentityFactory, LocalTenantHandle, LocalTenantInfo, LocalTenantOptions } from './server-types.ts';

export type {
  IdentityFactory,
  IdentityProvider,
  LocalTenantHandle,
  LocalTenantInfo,
  LocalTenantOptions,
  VerifiedToken,
} from './server-types.ts';

export const TENANT_IN_MEMORY = 'memory';

async function defaultIdentityFactory(): Promise<IdentityFactory> {
  // A literal specifier, so that the build (tsc's rewriteRelativeImportExtensions) turns it into ./identity.js;
  // a computed one would still name the .ts source in dist/.
  const mod = await import('./identity.ts').catch((err: unknown) => {
    throw new Error(
      `the local identity provider (identity.ts) could not be loaded: ${err instanceof Error ? err.message : String(err)}`,
    );
  });
  return mod.createIdentityProvider;
}

/**
 * Starts a local tenant: state loaded and seeded, TLS material, the HTTPS (and HTTP) server, then the identity
 * provider; writes local-tenant.json next to dataDir (mode 0600: it holds the app's secret). Throws if a port is
 * taken, state.json is unreadable or the identity provider fails (the servers are closed again then).
 */
export async function startLocalTenant(options: LocalTenantOptions): Promise<LocalTenantHandle> {
  const clock = options.clock ?? systemClock;
  const memory = options.dataDir === TENANT_IN_MEMORY;
  const dataDir = memory ? undefined : path.resolve(options.dataDir);
  const logger = options.logger;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, options.pageSize ?? 100));

  const { state, app0, saver } = await loadTenantState(options, clock, dataDir);
  if (applySetup(state, options.setup)) saver.changed();

  const tls = await loadOrCreateTls(dataDir);
  const identityDir = dataDir ?? (await mkdtemp(path.join(os.tmpdir(), 'rk-local-tenant-')));

  const faults = new FaultInjector(options.faults);
  const throttler = new Throttler(clock);
  const recorder = new RequestRecorder(() => clock.now());
  const bot = new BotConnector(options.botTenantId);
  // Extra routes come first, so a test can stand in for a built-in handler.
  const graphRoutes = new RouteTable([
    ...(options.routes ?? []),
    ...graphModules({ operationPolls: options.operationPolls }),
    ...crossTenantRoutes(options.setup),
  ]);
  const botRoutes = new RouteTable(bot.routes());

  const rt: TenantRuntime = {
    options,
    clock,
    logger,
    sleep,
    pageSize,
    state,
    saver,
    faults,
    throttler,
    recorder,
    bot,
    graphRoutes,
    botRoutes,
    identity: undefined,
    identityRouter: undefined,
    baseUrl: '',
    httpUrl: null,
  };

  const handle = {
    tenants: () => tenantList(state, options.directory),
    info: (): LocalTenantInfo => ({
      baseUrl: rt.baseUrl,
      httpUrl: rt.httpUrl,
      caCertPem: tls.caCertPem,
      caCertPath: tls.caCertPath ?? null,
      tenants: tenantList(state, options.directory),
      app: { clientId: app0.clientId, clientSecret: app0.clientSecret },
    }),
  };

  const app = createTenantApp(rt, handle.info);
  const stopServers = await startServers(rt, app, tls, identityDir);
  const { baseUrl, httpUrl } = rt;

  let infoFile: string | null = null;
  if (dataDir) {
    infoFile = path.join(path.dirname(dataDir), 'local-tenant.json');
    // It holds the local app's secret: readable by this user only; atomic, as the gateway may be reading it.
    await writeFileAtomic(infoFile, `${JSON.stringify(handle.info(), null, 2)}\n`, 0o600);
  }
  logger?.info({ baseUrl, httpUrl, tenants: Object.keys(state.tenants).length }, 'local tenant started');

  let stopped = false;
  return {
    baseUrl,
    httpUrl,
    caCertPem: tls.caCertPem,
    caCertPath: tls.caCertPath ?? null,
    tenants: handle.tenants(),
    app: { clientId: app0.clientId, clientSecret: app0.clientSecret },
    infoFile,
    stats: () => recorder.stats(),
    resetStats: () => recorder.reset(),
    requests: (limit = 100) => recorder.requests(limit),
    faults: () => faults.config(),
    setFaults: (changes) => faults.set(changes),
    bot: {
      activities: (filter) => bot.activities(filter),
      clear: () => bot.clear(),
      setConversationState: (id, value, tenantId) => {
        bot.setConversationState(state, id, value, tenantId);
        saver.changed();
      },
    },
    acceptInvitation: (email, tenantId) => {
      const accepted = acceptInvitation(state, email, clock.now(), tenantId);
      if (accepted.length > 0) saver.changed();
      return accepted;
    },
    state: () => state,
    flush: () => saver.flush(),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await stopServers();
      await saver.flush();
      if (!dataDir) await rm(identityDir, { recursive: true, force: true });
    },
  };
}

/**
 * Listens with HTTPS (and plain HTTP unless options.httpPort is null), then starts the identity provider on the
 * HTTPS base URL. Sets rt.baseUrl, rt.httpUrl, rt.identity and rt.identityRouter; returns a function that closes
 * the servers. On failure the servers are closed and the error is rethrown.
 */
async function startServers(
  rt: TenantRuntime,
  app: Express,
  tls: TlsMaterial,
  identityDir: string,
): Promise<() => Promise<void>> {
  const { options, state, clock } = rt;
  const host = options.host ?? '127.0.0.1';
  const servers: (http.Server | https.Server)[] = [];
  const listen = (server: http.Server | https.Server, port: number) =>
    new Promise<number>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, host, () => {
        server.off('error', reject);
        resolve((server.address() as AddressInfo).port);
      });
    });
  const stopServers = async () => {
    await Promise.all(
      servers.map(
        (s) =>
          new Promise<void>((resolve) => {
            s.close(() => resolve());
            s.closeAllConnections();
          }),
      ),
    );
  };

  try {
    const httpsServer = https.createServer({ key: tls.key, cert: tls.cert }, app);
    servers.push(httpsServer);
    const port = await listen(httpsServer, options.port ?? 0);
    rt.baseUrl = `https://localhost:${port}`;
    if (options.httpPort !== null) {
      const httpServer = http.createServer(app);
      servers.push(httpServer);
      rt.httpUrl = `http://localhost:${await listen(httpServer, options.httpPort ?? 0)}`;
    }
    const factory = options.identity ?? (await defaultIdentityFactory());
    rt.identity = await factory({ state, baseUrl: rt.baseUrl, dataDir: identityDir, clock });
    rt.identityRouter = rt.identity.router();
  } catch (err) {
    await stopServers();
    throw err;
  }
  return stopServers;
}

/**
 * Every Graph resource module of the local tenant, in one registration list. The calendar and planner
 * modules (calendar.ts: calendarRoutes(), planner.ts: plannerRoutes()) are registered here.
 */
function graphModules(options: { operationPolls?: number | undefined } = {}): Route[] {
  return [
    ...directoryRoutes(),
    ...teamsRoutes({ operationPolls: options.operationPolls }),
    ...calendarRoutes(),
    ...plannerRoutes(),
    ...invitationRoutes(),
  ];
}
