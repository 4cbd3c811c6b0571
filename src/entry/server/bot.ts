// The bot in the server process: its endpoint at /api/messages (Teams SDK, Bot Framework tokens validated with
// jose), the delivery workers (pg-boss), the reminder rhythm, a trigger for one meeting's rhythm (dev), and —
// locally — the Microsoft 365 Agents Playground pointed at the bot.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import { createRequire } from 'node:module';
import type { Router } from 'express';
import type { ConnectedGraph } from '../../adapters/graph/connect.ts';
import type { JobRunner } from '../../adapters/queue/jobs.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { Programme, Werkgroep } from '../../domain/programme/schema.ts';
import type { Clock } from '../../domain/time/clock.ts';
import { both } from '../../domain/i18n.ts';
import type { Config } from '../../platform/config.ts';
import type { Logger } from '../../platform/logger.ts';
import { meetingOccurrences, reminderPlan } from '../../domain/bot/rhythm.ts';
import { createBotService, type BotService } from '../../app/bot/service.ts';
import { graphUserLookup, rhythmPorts } from '../../adapters/bot/ports.ts';
import { createBotSender, BOT_CONNECTOR_RESOURCE, type BotSender } from '../../adapters/bot/connector.ts';
import { dispatchDue, startDeliveryWorkers } from '../../adapters/bot/deliveries.ts';
import { runRhythm, type RhythmSummary } from '../../app/bot/rhythm.ts';
import { createBotEndpoint } from '../../adapters/bot/transport.ts';
import { createBotTokenValidator, openIdKeys, type BotTokenValidator } from '../../adapters/auth/bot-token.ts';
import { TokenRejectedError } from '../../adapters/auth/validate.ts';
import { createMsalTokenSource, type TokenSource } from '../../adapters/auth/credentials.ts';
import { botTenantOf } from './bot-tenant.ts';
import { homeTenantIds } from '../../domain/programme/home.ts';

export interface BotHandle {
  service: BotService;
  sender: BotSender;
  /** Sends one meeting's reminders, nudges, overview and announcements now (dev): each still only once. */
  trigger(occurrenceKey: string): Promise<{ planned: number; dispatched: number } | undefined>;
  /**
   * The agenda's one-click nudge: the rhythm's nudge (update card) to each trekker for meeting `occurrenceKey`, now,
   * as a delivery of its own (the planned nudge keeps its own key and time); returns how many were queued.
   */
  nudge(occurrenceKey: string, werkgroepen: { werkgroep: string; trekker: string }[]): Promise<number>;
}

export interface BotDeps {
  config: Config;
  clock: Clock;
  logger: Logger;
  store: Store;
  programme: Programme;
  runner: JobRunner;
  connected: ConnectedGraph;
  localAuthority: string | undefined;
  localFetch: typeof fetch | undefined;
  /** Local mode: the local tenant's registered app, which is also the bot's app id there. */
  localAppId: string | undefined;
  abort: AbortSignal;
}

const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost']);

export async function startBot(
  d: BotDeps,
): Promise<{ router: Router; rhythm(): Promise<RhythmSummary>; handle: BotHandle }> {
  const { config, programme, store, clock } = d;
  const local = config.mode === 'local';
  const pid = programme.programme.id;
  const firstWerkgroep = programme.bodies.find((b): b is Werkgroep => b.kind === 'werkgroep');
  const localPerson = local ? (config.bot.localPerson ?? firstWerkgroep?.trekker) : undefined;
  if (localPerson && !programme.people.some((p) => p.id === localPerson))
    throw new Error(both('server.bot.unknownLocalPerson', { person: localPerson }));
  const service = createBotService({
    store,
    programme,
    clock,
    users: graphUserLookup(d.connected.gateway),
    lang: config.lang,
    tabUrl: `${config.publicUrl.replace(/\/+$/, '')}/tab/`,
    ...(localPerson ? { localPerson } : {}),
  });
  // The bot is a single-tenant app: every Bot Connector token comes from its own tenant (docs/identiteit.md).
  const botTenant = botTenantOf(config, programme);
  if (!local && !botTenant) throw new Error(both('server.config.botTenantId'));
  // The bot's token goes to the Bot Connector only: the local tenant's, or Teams' (https) — never to a local client.
  const sendsToken = (url: string) =>
    local ? !!d.localAuthority && url.startsWith(d.localAuthority) : url.startsWith('https://');
  // Locally the bot's app id is the local tenant's registered app; in tenant mode BOT_ID (or TEAMS_APP_ID).
  const botAppId = local ? d.localAppId : (config.botId ?? config.teamsAppId);
  const botTokens = local || !botAppId ? d.connected.tokens : await botTokenSource(config, botAppId, d.connected);
  const sender = createBotSender({
    tokens: botTokens,
    ...(botTenant ? { tokenTenant: botTenant } : {}),
    fetch: d.connected.fetch,
    logger: d.logger,
    sendsToken,
  });
  await startDeliveryWorkers({
    records: store.bot,
    runner: d.runner,
    sender,
    compose: (row) => service.compose(row),
    clock,
    worker: `${hostname()}:${process.pid}`,
    logger: d.logger,
  });

  // Incoming tokens are checked against the issuer and keys of an OpenID metadata document: the Bot Framework's
  // (BOT_OPENID_METADATA_URL in tenant mode), or the local tenant's stand-in for it in local mode.
  const metadataUrl =
    local && d.localAuthority
      ? `${d.localAuthority}/botframework/v1/.well-known/openidconfiguration`
      : config.bot.openIdMetadataUrl;
  const framework = openIdKeys(metadataUrl, local && d.localFetch ? d.localFetch : d.connected.fetch);
  const validate = botAppId
    ? createBotTokenValidator({ keys: framework.keys, audience: botAppId, issuer: framework.issuer, clock })
    : undefined;
  const allowUnauthenticated = local && LOOPBACK.has(config.host);
  if (!validate && !allowUnauthenticated) d.logger.warn({ component: 'bot' }, both('server.bot.noBotId'));
  const programmeTenants = new Set(homeTenantIds(programme));
  const endpoint = createBotEndpoint({
    logic: service,
    validate: validate ?? refuseAll,
    allowUnauthenticated,
    allowedTenants: programmeTenants,
    // The SDK asks for its reply token without a tenant (it would use botframework.com, the multi-tenant bots'
    // authority) or with the conversation's; the bot is a single-tenant app, so its token always comes from its own
    // tenant (BOT_TENANT_ID, default the host tenant) — at AUTHORITY_HOST, like every token. Never the
    // conversation's: a shared channel's or a partner's tenant does not know this bot (docs/identiteit.md).
    ...(!local && botAppId
      ? {
          credentials: {
            clientId: botAppId,
            token: async () => botTokens.token(botTenant as string, BOT_CONNECTOR_RESOURCE),
          },
        }
      : {}),
    ...(d.connected.httpsAgent ? { httpsAgent: d.connected.httpsAgent } : {}),
    // Locally, a reply to the local tenant's Bot Connector (an activity from a team there) carries the bot's token.
    ...(local && botTenant
      ? { localReplyToken: { sendsToken, token: async () => botTokens.token(botTenant, BOT_CONNECTOR_RESOURCE) } }
      : {}),
    logger: d.logger,
  });

  const rhythm = () => runRhythm({ store, programme, clock, ...rhythmPorts(store.bot, d.runner, d.connected.gateway) });
  const handle: BotHandle = {
    service,
    sender,
    async trigger(occurrenceKey) {
      const occ = meetingOccurrences(programme).find((m) => m.key === occurrenceKey);
      if (!occ) return undefined;
      const now = clock.now();
      const owners = new Set<string>();
      const planned = reminderPlan(programme, [occ], { from: new Date(0), until: new Date(8.64e15) }, owners);
      await store.bot.createDeliveries(
        pid,
        planned.map((p) => ({
          key: p.key,
          kind: p.kind,
          occurrenceKey: p.occurrenceKey,
          recipient: p.recipient,
          werkgroep: p.werkgroep,
          dueAt: now,
        })),
        now,
      );
      for (const p of planned) await store.bot.moveDelivery(pid, p.key, now, now);
      const dispatched = await dispatchDue(store.bot, d.runner, pid, now);
      return { planned: planned.length, dispatched };
    },
    async nudge(occurrenceKey, werkgroepen) {
      const now = clock.now();
      await store.bot.createDeliveries(
        pid,
        werkgroepen.map((w) => ({
          key: `nudge|${occurrenceKey}|${w.trekker}|${w.werkgroep}|hand-${now.toISOString()}`,
          kind: 'nudge',
          occurrenceKey,
          recipient: w.trekker,
          werkgroep: w.werkgroep,
          dueAt: now,
        })),
        now,
      );
      return dispatchDue(store.bot, d.runner, pid, now);
    },
  };
  return { router: endpoint.router, rhythm, handle };
}

/**
 * The bot's own tokens (tenant mode): its app registration is single-tenant and, unless BOT_ID is the Graph app
 * itself, its own — BOT_CERTIFICATE_PATH or BOT_CLIENT_SECRET, at AUTHORITY_HOST over the same HTTP client
 * (docs/identiteit.md). @throws Error (both languages) when BOT_ID is another app and neither is given.
 */
export async function botTokenSource(
  config: Config,
  botAppId: string,
  connected: ConnectedGraph,
): Promise<TokenSource> {
  const { certificatePath, clientSecret } = config.bot;
  const authorityHost = config.graph.authorityHost;
  if (certificatePath) {
    const pem = await readFile(certificatePath, 'utf8');
    return createMsalTokenSource({
      authorityHost,
      credential: { kind: 'certificate', clientId: botAppId, pem },
      fetch: connected.fetch,
    });
  }
  if (clientSecret)
    return createMsalTokenSource({
      authorityHost,
      credential: { kind: 'secret', clientId: botAppId, secret: clientSecret },
      fetch: connected.fetch,
    });
  if (botAppId.toLowerCase() === config.graph.clientId?.toLowerCase()) return connected.tokens;
  throw new Error(both('server.config.botCredentials'));
}

const refuseAll: BotTokenValidator = async () => {
  throw new TokenRejectedError('missing', 'no bot id configured');
};

/**
 * Starts the Microsoft 365 Agents Playground (local mode) pointed at the bot; resolves with its URL once it listens,
 * or with undefined when the Playground is not installed: it is a devDependency, so an installed build
 * (`npm ci --omit=dev`) starts without it.
 */
export async function startPlayground(
  botEndpoint: string,
  port: number,
  logger: Logger,
): Promise<{ url: string; stop(): Promise<void> } | undefined> {
  const require = createRequire(import.meta.url);
  let cli: string;
  try {
    cli = require.resolve('@microsoft/m365agentsplayground/cli.js');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'MODULE_NOT_FOUND') return undefined;
    throw err;
  }
  const child: ChildProcess = spawn(
    process.execPath,
    [cli, '-e', botEndpoint, '-c', 'msteams', '-p', String(port), '--dt'],
    {
      env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const onData = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Listening on (\d+)/.exec(out);
      if (m) resolve(`http://localhost:${m[1]}`);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (c: Buffer) =>
      logger.debug({ component: 'playground', line: c.toString().slice(0, 200) }, 'playground'),
    );
    child.once('exit', (code) =>
      reject(new Error(`${both('server.bot.playgroundExited', { code: String(code) })}: ${out.slice(-300)}`)),
    );
    child.once('error', reject);
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) {
          resolve();
          return;
        }
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
