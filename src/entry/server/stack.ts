// The local stack behind `npm start`: store, programme, HTTP server — started in order, stopped in reverse.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { ConnectedGraph } from '../../adapters/graph/connect.ts';
import type { SyncSummary } from '../../app/sync.ts';
import { loadProgrammeFile } from '../../adapters/files/programme-file.ts';
import { openStore } from '../../adapters/store/open.ts';
import type { ProgrammeVersion, Store } from '../../adapters/store/store.ts';
import { both, t, type Lang } from '../../domain/i18n.ts';
import { describeDiff, diffProgrammes } from '../../domain/programme/diff.ts';
import { parseProgramme, type Problem } from '../../domain/programme/parse.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import type { Clock } from '../../domain/time/clock.ts';
import type { Config } from '../../platform/config.ts';
import type { Logger } from '../../platform/logger.ts';
import type { JobRunner } from '../../adapters/queue/jobs.ts';
import { dispatchDue } from '../../adapters/bot/deliveries.ts';
import { createReportRenderer } from '../../app/report/render.ts';
import { reportWriters } from '../../adapters/report/writers.ts';
import { createHttpApp } from './http.ts';
import { startBot, type BotHandle } from './bot.ts';
import type { Router } from 'express';
import { labelOf, step } from './stopping.ts';
import { homes } from '../../domain/programme/home.ts';

type SyncOutcome = { ok: true; summary: SyncSummary; drift: number } | { ok: false; error: string };

export interface RunningStack {
  /** The first run of the periodic sync (apply of the programme file into the tenants). */
  firstSync: Promise<SyncOutcome>;
  /** The local tenant (local mode only). */
  localTenant?: { baseUrl: string; httpUrl: string | null; tenants: number; infoFile: string | null };
  programme: Programme;
  version: ProgrammeVersion;
  programmeChanged: boolean;
  /** What changed since the previously stored version (empty when new or unchanged). */
  changesSinceLast: string[];
  store: Store;
  url: string;
  bot: BotHandle;
  /** The Agents Playground (local mode), a chat client for the bot. */
  playgroundUrl?: string;
  /** Stops everything in reverse order; `onStep` hears the label of each step as it starts (stopping.ts). */
  stop(onStep?: (label: string) => void): Promise<void>;
}

export class ProgrammeInvalidError extends Error {
  readonly problems: Problem[];

  constructor(problems: Problem[]) {
    super(both('server.programmeInvalid'));
    this.problems = problems;
    this.name = 'ProgrammeInvalidError';
  }
}

export async function startStack(config: Config, clock: Clock, logger: Logger, cwd: string): Promise<RunningStack> {
  const display = path.relative(cwd, config.programmeFile) || config.programmeFile;
  const loaded = await loadProgrammeFile(config.programmeFile, display);
  if (!loaded.ok) throw new ProgrammeInvalidError(loaded.problems);

  const store = await openStore(
    { databaseUrl: config.databaseUrl, dataDir: path.join(config.dataDir, 'pglite'), command: 'start' },
    logger.child({ component: 'store' }),
  );
  const stops: (() => Promise<void>)[] = [step('store', () => store.close())];
  const stop = async (onStep?: (label: string) => void) => {
    for (const fn of stops.reverse()) {
      onStep?.(labelOf(fn));
      await fn();
    }
  };
  try {
    await store.migrate();
    const programme = loaded.programme;
    const recorded = await store.programmes.record({
      programmeId: programme.programme.id,
      hash: loaded.hash ?? '',
      sourcePath: display,
      content: loaded.text,
      loadedAt: clock.now(),
    });

    const { localTenant, graph, ...local } = await connectTenants(config, programme, clock, logger, stops);
    const connected = graph;
    // Stops run in reverse: first the sync is told to stop between waves, then the job runner ends (waiting for
    // the active run), then the gateway closes — no sync writes after the store or the tenant is gone.
    const abort = new AbortController();
    stops.push(step('graph', () => connected.close()));
    const sync = () => applyProgramme(connected, store, programme, clock, logger, abort.signal);
    // The periodic sync is a durable job in the store (pg-boss): one run at a time across server instances.
    let resolveFirst: (o: SyncOutcome) => void = () => undefined;
    const firstSync = new Promise<SyncOutcome>((resolve) => {
      resolveFirst = resolve;
    });
    const { startJobRunner } = await import('../../adapters/queue/jobs.ts');
    const runner = await startJobRunner(store, { logger });
    stops.push(step('jobs', () => runner.stop()));
    stops.push(
      step('sync', async () => {
        abort.abort();
        resolveFirst({ ok: false, error: 'stopping' });
      }),
    );
    const changesSinceLast =
      recorded.isNew && recorded.previous ? changesBetween(recorded.previous.content, programme, config.lang) : [];

    const { bot, api } = await startBotAndApi(config, clock, logger, {
      store,
      programme,
      runner,
      connected,
      local,
      abort: abort.signal,
    });
    // The tab (React, served under /tab) and, locally, signing in at the local tenant.
    const tab = await startTab(config, logger, local, localTenant);
    stops.push(step('tab', () => tab.close()));

    const url = await startHttp(config, logger, stops, {
      store,
      programme,
      version: recorded.version,
      api,
      bot: bot.router,
      tab: tab.router,
    });
    // Locally a Teams-like chat client for the bot: the Microsoft 365 Agents Playground (its own port).
    const playgroundUrl =
      config.mode === 'local' && config.bot.playgroundPort > 0
        ? await startLocalPlayground(config, url, logger, stops)
        : undefined;
    // Local mode: where the CLI finds the running server (its API, with an app token of the local tenant). Tenant
    // mode keeps nothing on the local disk: it needs no data directory at all.
    if (config.mode === 'local') await writeServerFile(config, url, stops);
    // Action lists: a local start gets realistic seed actions once; Planner is polled as a durable job too, and
    // right after each successful sync (the plans need the team).
    if (config.mode === 'local') await seedLocal(store, programme, clock);
    await scheduleJobs(config, runner, {
      store,
      programme,
      clock,
      logger,
      connected,
      abort,
      sync,
      resolveFirst,
      rhythm: bot.rhythm,
    });
    const { scheduleRetention } = await import('./retention-job.ts');
    await scheduleRetention(config, runner, { store, clock, logger, signal: abort.signal });
    return {
      programme,
      version: recorded.version,
      programmeChanged: recorded.isNew,
      changesSinceLast,
      store,
      url,
      stop,
      firstSync,
      bot: bot.handle,
      ...(playgroundUrl ? { playgroundUrl } : {}),
      ...(localTenant ? { localTenant } : {}),
    };
  } catch (err) {
    await stop();
    throw err;
  }
}

/** Local mode only: the local tenant's authority, an HTTP client trusting its CA, and the app's client id. */
interface LocalLink {
  localAuthority?: string;
  localFetch?: typeof fetch;
  localAppId?: string;
}

/** The tenants: the local tenant (local mode, its stops pushed onto `stops`) or Microsoft Graph. */
async function connectTenants(
  config: Config,
  programme: Programme,
  clock: Clock,
  logger: Logger,
  stops: (() => Promise<void>)[],
): Promise<LocalLink & { localTenant?: RunningStack['localTenant']; graph: ConnectedGraph }> {
  if (config.mode === 'local') return startLocal(config, programme, clock, logger, stops);
  const { connectGraph } = await import('../../adapters/graph/connect.ts');
  return { graph: await connectGraph(config, logger) };
}

/** The token validator, the bot (endpoint, service, delivery workers, reminder rhythm) and the API router. */
async function startBotAndApi(
  config: Config,
  clock: Clock,
  logger: Logger,
  d: {
    store: Store;
    programme: Programme;
    runner: JobRunner;
    connected: ConnectedGraph;
    local: LocalLink;
    abort: AbortSignal;
  },
): Promise<{ bot: Awaited<ReturnType<typeof startBot>>; api: Router }> {
  const { store, programme, runner, connected } = d;
  const { localAuthority, localFetch, localAppId } = d.local;
  // The API validates tokens against the tenant's keys: the local tenant's (trusting its CA) or those at
  // AUTHORITY_HOST (Entra ID's, fetched with the gateway's client, so EXTRA_CA_FILE applies).
  const { createRemoteJWKSet, customFetch } = await import('jose');
  const { createTokenValidator } = await import('../../adapters/auth/validate.ts');
  const { apiRouter } = await import('./api.ts');
  const { today } = await import('../../app/sync.ts');
  const hostTenant = programme.gemeenten.find((g) => g.host)?.tenantId ?? '';
  const authority = localAuthority ?? config.graph.authorityHost.replace(/\/+$/, '');
  const keysUrl = new URL(
    localAuthority ? `${authority}/${hostTenant}/discovery/v2.0/keys` : `${authority}/common/discovery/v2.0/keys`,
  );
  const validate = createTokenValidator({
    keys: createRemoteJWKSet(keysUrl, { [customFetch]: localFetch ?? connected.fetch }),
    issuerFor: (tid) => `${authority}/${tid}/v2.0`,
    // The tab's SSO token inside Teams is for the manifest's webApplicationInfo resource (or the app id itself).
    audiences: [
      'api://regiekamer',
      ...(config.teamsAppId ? [config.teamsAppId] : []),
      ...(config.botId ? [config.botId, `api://${new URL(config.publicUrl).host}/${config.botId}`] : []),
      // The Teams package names the multi-tenant app (GRAPH_CLIENT_ID) as the SSO app (webApplicationInfo).
      ...(config.graph.clientId
        ? [config.graph.clientId, `api://${new URL(config.publicUrl).host}/${config.graph.clientId}`]
        : []),
    ],
    allowedTenants: homes(programme).flatMap((g) => (g.tenantId === undefined ? [] : [g.tenantId])),
    clock,
  });
  // The bot: its endpoint, its service, the delivery workers and the reminder rhythm (durable jobs).
  const bot = await startBot({
    config,
    clock,
    logger,
    store,
    programme,
    runner,
    connected,
    localAuthority,
    localFetch,
    localAppId,
    abort: d.abort,
  });
  const api = apiRouter({
    store,
    programme,
    clock,
    validate,
    // The app-only tokens that are the product itself (the CLI's): the local tenant's app, or the registered one.
    appIds: [localAppId ?? config.graph.clientId].filter((id): id is string => id !== undefined),
    ...(config.mode === 'local' ? { triggerRhythm: (key: string) => bot.handle.trigger(key) } : {}),
    nudge: (key, werkgroepen) => bot.handle.nudge(key, werkgroepen),
    // A closed meeting's besluitenlijst: its delivery row is written with the closing; this hands it to the jobs now.
    deliverNow: () => dispatchDue(store.bot, runner, programme.programme.id, clock.now()),
    // The monthly report's content (src/app/report/render.ts) as .docx and .pdf (src/adapters/report/writers.ts).
    reportRenderer: createReportRenderer({ store, programme, clock, writers: reportWriters }),
    today: () => today(programme, clock),
    changed: () =>
      void runner
        .runNow('planner')
        .catch((err: unknown) =>
          logger.warn({ error: err instanceof Error ? err.message : String(err) }, 'could not queue a planner poll'),
        ),
  });
  return { bot, api };
}

/** The tab's router (served under /tab); locally with signing in at the local tenant. */
async function startTab(
  config: Config,
  logger: Logger,
  local: LocalLink,
  localTenant: RunningStack['localTenant'],
): Promise<{ router: Router; close(): Promise<void> }> {
  const { localAuthority, localFetch, localAppId } = local;
  const { tabRouter } = await import('./tab.ts');
  return tabRouter({
    mode: config.mode,
    logger,
    ...(config.mode === 'local' && localAuthority && localFetch && localAppId
      ? {
          localTenant: {
            baseUrl: localAuthority,
            browserUrl: localTenant?.httpUrl ?? localAuthority,
            clientId: localAppId,
            fetch: localFetch,
          },
        }
      : {}),
  });
}

/** The HTTP server (readiness, API, bot, tab) listening (its close pushed onto `stops`); returns its URL. */
async function startHttp(
  config: Config,
  logger: Logger,
  stops: (() => Promise<void>)[],
  h: { store: Store; programme: Programme; version: ProgrammeVersion; api: Router; bot: Router; tab: Router },
): Promise<string> {
  const { store, programme, version } = h;
  const app = createHttpApp(
    {
      check: async () => {
        await store.ping();
        return { store: store.backend, programme: programme.programme.id, version: String(version.id) };
      },
    },
    logger.child({ component: 'http' }),
    h.api,
    h.bot,
    h.tab,
  );
  const server = createServer(app);
  await listen(server, config.port, config.host);
  stops.push(step('http', () => closeServer(server)));
  const address = server.address() as AddressInfo;
  return `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${address.port}`;
}

/** Local mode: server.json in the data directory (removed on stop), where the CLI finds the running server. */
async function writeServerFile(config: Config, url: string, stops: (() => Promise<void>)[]): Promise<void> {
  const serverFile = path.join(config.dataDir, 'server.json');
  await mkdir(config.dataDir, { recursive: true });
  await writeFile(serverFile, JSON.stringify({ url, pid: process.pid }));
  stops.push(step('server.json', () => rm(serverFile, { force: true })));
}

/** One apply of the programme file into the tenants, logged; never throws (a failure is the outcome). */
async function applyProgramme(
  connected: ConnectedGraph,
  store: Store,
  programme: Programme,
  clock: Clock,
  logger: Logger,
  signal: AbortSignal,
): Promise<SyncOutcome> {
  if (signal.aborted) return { ok: false, error: 'stopping' };
  const { runSync } = await import('../../app/sync.ts');
  const { graphSync } = await import('../../adapters/sync/graph.ts');
  try {
    const r = await runSync({ graph: graphSync(connected.gateway), store, programme, clock }, 'apply', { signal });
    logger.info(
      {
        component: 'sync',
        summary: r.summary,
        drift: r.drift.length,
        requests: r.metrics.requests,
        throttled: r.metrics.throttled,
      },
      'sync finished',
    );
    return { ok: true, summary: r.summary, drift: r.drift.length };
  } catch (err) {
    const error = err instanceof Error ? err.message : String(err);
    logger.error({ component: 'sync', error }, 'sync failed');
    return { ok: false, error };
  }
}

/** The durable jobs: the Planner poll, the periodic sync (its first outcome resolves `firstSync`), the bot's rhythm. */
async function scheduleJobs(
  config: Config,
  runner: JobRunner,
  j: {
    store: Store;
    programme: Programme;
    clock: Clock;
    logger: Logger;
    connected: ConnectedGraph;
    abort: AbortController;
    sync(): Promise<SyncOutcome>;
    resolveFirst(o: SyncOutcome): void;
    rhythm(): Promise<object>;
  },
): Promise<void> {
  const { store, programme, clock, logger, connected, abort, sync, resolveFirst, rhythm } = j;
  const { pollOnce } = await import('../../app/work/poll.ts');
  const { plannerTenant } = await import('../../adapters/work/planner-graph.ts');
  if (config.plannerPollSeconds > 0) {
    await runner.every('planner', config.plannerPollSeconds, async () => {
      if (abort.signal.aborted) return { skipped: 'stopping' };
      const summary = await pollOnce(plannerTenant(connected.gateway), store, programme, clock);
      logger.info({ component: 'planner', summary }, 'planner poll finished');
      return summary;
    });
  }
  if (config.syncIntervalMinutes > 0) {
    await runner.every('sync', config.syncIntervalMinutes * 60, async () => {
      const outcome = await sync();
      resolveFirst(outcome);
      if (!outcome.ok && outcome.error !== 'stopping') throw new Error(outcome.error);
      if (outcome.ok && config.plannerPollSeconds > 0) await runner.runNow('planner');
      return outcome;
    });
  } else {
    resolveFirst({ ok: false, error: both('server.syncOff') });
  }
  if (config.bot.rhythmSeconds > 0) {
    await runner.every('bot-rhythm', config.bot.rhythmSeconds, async () => {
      if (abort.signal.aborted) return { skipped: 'stopping' };
      return rhythm();
    });
  }
}

/** Local mode: the local tenant started (its stop pushed onto `stops`), a gateway and an HTTP client that trust its CA. */
async function startLocal(
  config: Config,
  programme: Programme,
  clock: Clock,
  logger: Logger,
  stops: (() => Promise<void>)[],
) {
  // Loaded lazily: tenant mode never needs the local tenant's code.
  const { startLocalTenant } = await import('@regiekamer/local-tenant');
  const { localTenantApp, localTenantDirectory, localTenantSetup } = await import('./local-tenant-data.ts');
  const { botTenantOf } = await import('./bot-tenant.ts');
  const botTenantId = botTenantOf(config, programme);
  const tenant = await startLocalTenant({
    directory: localTenantDirectory(programme),
    setup: localTenantSetup(programme),
    app: localTenantApp({}),
    // The bot is single-tenant, as in tenant mode (docs/identiteit.md).
    ...(botTenantId ? { botTenantId } : {}),
    dataDir: config.localTenant.dataDir,
    port: config.localTenant.port,
    httpPort: config.localTenant.httpPort,
    clock,
    logger: logger.child({ component: 'local-tenant' }),
  });
  stops.push(step('local-tenant', () => tenant.stop()));
  const localTenant: RunningStack['localTenant'] = {
    baseUrl: tenant.baseUrl,
    httpUrl: tenant.httpUrl,
    tenants: tenant.tenants.length,
    infoFile: tenant.infoFile,
  };
  const { gatewayForLocalTenant } = await import('../../adapters/graph/connect.ts');
  const localAuthority = tenant.baseUrl;
  const { createHttpClient } = await import('../../adapters/http/fetch.ts');
  const trusted = createHttpClient({ caCertPem: tenant.caCertPem });
  stops.push(step('local-tenant-client', () => trusted.close()));
  const localFetch = trusted.fetch;
  const localAppId = tenant.app.clientId;
  const graph = gatewayForLocalTenant(
    {
      baseUrl: tenant.baseUrl,
      httpUrl: tenant.httpUrl,
      caCertPem: tenant.caCertPem,
      caCertPath: tenant.caCertPath,
      tenants: tenant.tenants,
      app: tenant.app,
    },
    logger,
  );
  return { localTenant, graph, localAuthority, localFetch, localAppId };
}

/** Local mode: realistic seed actions, decisions, measurements and updates, each once (when there are none yet). */
async function seedLocal(store: Store, programme: Programme, clock: Clock): Promise<void> {
  const { today } = await import('../../app/sync.ts');
  if ((await store.actions.list(programme.programme.id, { includeDeleted: true })).length === 0) {
    const { seedActions } = await import('../../adapters/work/seed.ts');
    for (const a of seedActions(programme, today(programme, clock)))
      await store.actions.save(programme.programme.id, a, clock.now());
  }
  if ((await store.decisions.list(programme.programme.id)).length === 0) {
    const { seedDecisions } = await import('../../adapters/work/seed.ts');
    const actions = await store.actions.list(programme.programme.id);
    for (const d of seedDecisions(programme, today(programme, clock), actions))
      await store.decisions.save(programme.programme.id, d, clock.now());
  }
  if ((await store.indicators.list(programme.programme.id)).length === 0) {
    const { seedMeasurements } = await import('../../adapters/work/seed.ts');
    for (const m of seedMeasurements(programme, today(programme, clock)))
      await store.indicators.record(programme.programme.id, m, clock.now());
  }
  if ((await store.bot.updates(programme.programme.id)).length === 0) {
    const { seedUpdates } = await import('../../adapters/work/seed.ts');
    for (const u of seedUpdates(programme, clock.now())) await store.bot.saveUpdate(programme.programme.id, u);
  }
}

/** The Agents Playground for the bot at `url`; undefined (with a warning) when it is not installed. */
async function startLocalPlayground(
  config: Config,
  url: string,
  logger: Logger,
  stops: (() => Promise<void>)[],
): Promise<string | undefined> {
  const { startPlayground } = await import('./bot.ts');
  const pg = await startPlayground(`${url}/api/messages`, config.bot.playgroundPort, logger);
  if (pg) {
    stops.push(step('playground', () => pg.stop()));
    return pg.url;
  }
  logger.warn({ component: 'playground' }, both('server.playgroundMissing'));
  return undefined;
}

function changesBetween(previousText: string, current: Programme, lang: Lang): string[] {
  const previous = parseProgramme(new TextEncoder().encode(previousText), 'vorige versie');
  // A stored version that no longer parses (the schema moved on) is reported as a whole-file change.
  if (!previous.ok) return [t('diff.previousUnknown', {}, lang)];
  return describeDiff(diffProgrammes(previous.programme, current), lang);
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve, reject) => {
    server.close((err) => (err ? reject(err) : resolve()));
    server.closeAllConnections();
  });
}
