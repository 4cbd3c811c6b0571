// The bot's HTTP endpoint (/api/messages) on the Teams SDK (@microsoft/teams.apps): the SDK parses and routes
// activities (messages, installs, Universal Action invokes) and sends replies; Regiekamer's own express
// router stands in front of it and validates the Bot Framework token with jose first. Only a server in local
// mode listening on loopback accepts activities without a token (the Agents Playground sends none).
import type { Agent as HttpsAgent } from 'node:https';
import express, { type Response, type Router } from 'express';
import { App, type HttpRouteHandler, type IHttpServerAdapter } from '@microsoft/teams.apps';
import { TokenRejectedError } from '../auth/validate.ts';
import type { BotTokenValidator } from '../auth/bot-token.ts';
import type { Logger } from '../../platform/logger.ts';
import { both } from '../../domain/i18n.ts';
import { checkInput, inputErrors, type InputRefusal } from '../http/input-errors.ts';
import { sdkLogger } from './sdk-logger.ts';

/** Who sent an activity and where: the parts of it the bot's logic needs. */
export interface Inbound {
  conversation: { id: string; type: string; tenantId: string };
  serviceUrl: string;
  from: { id: string; aadObjectId?: string; name?: string };
  recipient: { id: string };
  /** team and channel ids from channelData, when in a team. */
  teamId?: string;
  channelId?: string;
  locale?: string;
  /** The texts of the activity's mention entities (type mention), as they stand in its text (docs/platform.md#bot-and-messages). */
  mentions?: string[];
}

export type OutboundActivity = Record<string, unknown>;

export interface BotLogic {
  /** A message: what to answer (text or cards). */
  message(inbound: Inbound, text: string): Promise<OutboundActivity[]>;
  /** A Universal Action (Action.Execute): the card that replaces the one clicked. */
  cardAction(inbound: Inbound, verb: string, data: Record<string, unknown>): Promise<Record<string, unknown>>;
  /** The app was added to a personal chat, a team (its channels) or a group chat. */
  installed(inbound: Inbound): Promise<OutboundActivity[]>;
  removed(inbound: Inbound): Promise<void>;
}

export interface BotEndpointOptions {
  logic: BotLogic;
  /** The bot's app id and a token source for its replies to the Bot Connector. */
  credentials?: { clientId: string; token: (scope: string | string[], tenantId?: string) => Promise<string> };
  /** Validates the Bot Framework token; absent only together with allowUnauthenticated. */
  validate?: BotTokenValidator;
  /** Local mode on loopback only (checked by the caller): activities without a token are accepted. */
  allowUnauthenticated: boolean;
  /** Tenants whose activities are served; any other gets 403. */
  allowedTenants: ReadonlySet<string>;
  /**
   * The TLS trust for the SDK's replies to the Bot Connector (it sends with axios over Node's https module), e.g.
   * with EXTRA_CA_FILE's CA; absent: Node's defaults.
   */
  httpsAgent?: HttpsAgent;
  /**
   * Local mode without credentials: the SDK's replies carry the bot's token only where `sendsToken(url)` says so —
   * the local tenant's Bot Connector, which like the real one refuses a reply without it — and nowhere else (the
   * Agents Playground, a local client, gets none).
   */
  localReplyToken?: { sendsToken(url: string): boolean; token(): Promise<string> };
  logger?: Logger;
}

type RequestConfig = { httpsAgent?: unknown; url?: string; baseURL?: string; headers?: Record<string, unknown> };

/** The SDK client's request interceptors for `o`: the TLS trust, and the local reply token (see the options). */
function interceptorsOf(o: BotEndpointOptions): { request(ctx: { config: RequestConfig }): Promise<RequestConfig> }[] {
  const out: { request(ctx: { config: RequestConfig }): Promise<RequestConfig> }[] = [];
  if (o.httpsAgent) out.push({ request: async ({ config }) => Object.assign(config, { httpsAgent: o.httpsAgent }) });
  const local = o.localReplyToken;
  if (local)
    out.push({
      request: async ({ config }) => {
        const url = /^https?:/.test(config.url ?? '')
          ? (config.url ?? '')
          : `${config.baseURL ?? ''}${config.url ?? ''}`;
        if (config.headers && !config.headers['Authorization'] && local.sendsToken(url))
          config.headers['Authorization'] = `Bearer ${await local.token()}`;
        return config;
      },
    });
  return out;
}

/** Registers the SDK's route handler on our router instead of letting the SDK run its own server. */
class RouterAdapter implements IHttpServerAdapter {
  handler: HttpRouteHandler | undefined;
  registerRoute(_method: 'POST', _path: string, handler: HttpRouteHandler): void {
    this.handler = handler;
  }
}

function inboundOf(a: Record<string, unknown>): Inbound {
  const conv = (a['conversation'] ?? {}) as Record<string, unknown>;
  const cd = (a['channelData'] ?? {}) as {
    tenant?: { id?: string };
    team?: { id?: string };
    channel?: { id?: string };
  };
  const from = (a['from'] ?? {}) as Record<string, unknown>;
  const str = (v: unknown) => (typeof v === 'string' ? v : undefined);
  const out: Inbound = {
    conversation: {
      id: String(conv['id'] ?? ''),
      type: String(conv['conversationType'] ?? 'personal'),
      tenantId: String(conv['tenantId'] ?? cd.tenant?.id ?? ''),
    },
    serviceUrl: String(a['serviceUrl'] ?? ''),
    from: {
      id: String(from['id'] ?? ''),
      ...(str(from['aadObjectId']) ? { aadObjectId: str(from['aadObjectId']) as string } : {}),
      ...(str(from['name']) ? { name: str(from['name']) as string } : {}),
    },
    recipient: { id: String(((a['recipient'] ?? {}) as Record<string, unknown>)['id'] ?? '') },
  };
  if (cd.team?.id) out.teamId = cd.team.id;
  if (cd.channel?.id) out.channelId = cd.channel.id;
  if (str(a['locale'])) out.locale = str(a['locale']) as string;
  const mentions = (Array.isArray(a['entities']) ? (a['entities'] as unknown[]) : []).flatMap((e) => {
    const m = (e ?? {}) as { type?: unknown; text?: unknown };
    return m.type === 'mention' && typeof m.text === 'string' && m.text !== '' ? [m.text] : [];
  });
  if (mentions.length > 0) out.mentions = mentions;
  return out;
}

/** The Bot Framework style code of a bad input's refusal (the bot endpoint's errors are `{ error: { code, message } }`). */
const BOT_CODES: Record<InputRefusal['code'], string> = {
  bad_input: 'BadRequest',
  too_large: 'PayloadTooLarge',
  unsupported_media_type: 'UnsupportedMediaType',
};

/** An http(s) URL on this machine (localhost, 127.0.0.0/8, ::1): where a token-less activity may be answered. */
function isLocalUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const url = new URL(value);
    const host = url.hostname;
    return (
      (url.protocol === 'http:' || url.protocol === 'https:') &&
      (host === 'localhost' || host === '[::1]' || /^127(\.\d{1,3}){3}$/.test(host))
    );
  } catch {
    return false;
  }
}

export function createBotEndpoint(o: BotEndpointOptions): { router: Router; app: App } {
  if (!o.validate && !o.allowUnauthenticated) throw new Error('the bot endpoint needs a token validator');
  const log = o.logger?.child({ component: 'bot' });
  const adapter = new RouterAdapter();
  const app = new App({
    httpServerAdapter: adapter,
    // Our router has validated the token (or refused the request) before the SDK sees it.
    dangerouslyAllowUnauthenticatedRequests: true,
    ...(o.credentials ? { clientId: o.credentials.clientId, token: o.credentials.token } : {}),
    // Interceptors survive the SDK's clone() of its client, so every request it makes uses them.
    ...(o.httpsAgent || o.localReplyToken ? { client: { interceptors: interceptorsOf(o) } as never } : {}),
    // The SDK's log goes into ours, without personal data (./sdk-logger.ts).
    logger: sdkLogger(o.logger) as never,
  });
  const raw = (ctx: { activity: unknown }) => ctx.activity as Record<string, unknown>;

  app.on('message', async (ctx) => {
    const a = raw(ctx);
    for (const reply of await o.logic.message(inboundOf(a), String(a['text'] ?? ''))) await ctx.send(reply as never);
  });
  app.on('card.action', async (ctx) => {
    const a = raw(ctx);
    const action = ((a['value'] ?? {}) as { action?: { verb?: unknown; data?: unknown } }).action ?? {};
    const card = await o.logic.cardAction(
      inboundOf(a),
      String(action.verb ?? ''),
      (action.data ?? {}) as Record<string, unknown>,
    );
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card } as never;
  });
  app.on('install.add', async (ctx) => {
    for (const reply of await o.logic.installed(inboundOf(raw(ctx)))) await ctx.send(reply as never);
  });
  app.on('install.remove', async (ctx) => {
    await o.logic.removed(inboundOf(raw(ctx)));
  });
  app.on('conversationUpdate', async (ctx) => {
    // Added to or removed from a team or group chat: the bot itself is among the members added/removed.
    // (A personal chat announces itself with installationUpdate, handled above.)
    const a = raw(ctx);
    if (inboundOf(a).conversation.type === 'personal') return;
    const botId = String(((a['recipient'] ?? {}) as Record<string, unknown>)['id'] ?? '');
    const ids = (k: string) => ((a[k] ?? []) as { id?: string }[]).map((m) => m.id);
    if (ids('membersAdded').includes(botId)) {
      for (const reply of await o.logic.installed(inboundOf(a))) await ctx.send(reply as never);
    } else if (ids('membersRemoved').includes(botId)) {
      await o.logic.removed(inboundOf(a));
    }
  });

  let ready: Promise<void> | undefined;
  const router = express.Router();
  // Clients (the Agents Playground) probe the endpoint with HEAD before they connect.
  router.head('/', (_req, res) => {
    res.status(200).end();
  });
  const refuse = (res: Response, r: InputRefusal) => {
    log?.warn({ reason: r.key, status: r.status }, 'bot activity refused: input');
    res.status(r.status).json({ error: { code: BOT_CODES[r.code], message: both(r.key, r.params) } });
  };
  router.post('/', checkInput(refuse), express.json({ limit: '256kb' }), checkInput(refuse), async (req, res) => {
    if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) {
      refuse(res, { status: 400, code: 'bad_input', key: 'api.bot.notObject', params: {} });
      return;
    }
    const body = req.body as Record<string, unknown>;
    const header = req.headers.authorization;
    try {
      if (header || !o.allowUnauthenticated) {
        // (When unauthenticated requests are not allowed, a missing header is refused here.)
        if (!o.validate) throw new TokenRejectedError('missing', 'no validator');
        await o.validate(header, typeof body['serviceUrl'] === 'string' ? body['serviceUrl'] : undefined);
      }
    } catch (err) {
      const reason = err instanceof TokenRejectedError ? err.reason : 'error';
      log?.warn({ reason }, 'bot activity refused: token');
      res.status(401).json({ error: { code: 'Unauthorized', message: both('api.bot.badToken') } });
      return;
    }
    const tenantId = inboundOf(body).conversation.tenantId.toLowerCase();
    // Authenticated activities come from the programme's tenants only. Unauthenticated ones exist only on a
    // local server on loopback: a local client (the Playground) with its own mock tenant.
    if (header && !o.allowedTenants.has(tenantId)) {
      log?.warn({ tenantId }, 'bot activity refused: tenant not allowed');
      res.status(403).json({ error: { code: 'TenantNotAllowed', message: both('api.bot.tenantNotAllowed') } });
      return;
    }
    // Without a token the SDK would reply to any serviceUrl the activity names: only to a client on this machine
    // (the Agents Playground), never to an address elsewhere.
    if (!header && !isLocalUrl(body['serviceUrl'])) {
      log?.warn({ reason: 'token-less activity with a serviceUrl not on this machine' }, 'bot activity refused');
      res.status(403).json({ error: { code: 'Forbidden', message: both('api.bot.replyNotLocal') } });
      return;
    }
    ready ??= app.initialize();
    await ready;
    if (!adapter.handler) throw new Error('the Teams SDK registered no messaging route');
    const out = await adapter.handler({ body, headers: req.headers as Record<string, string | string[]> });
    if (out.status >= 500) {
      // The SDK has logged why (into our log); the client gets our message, not the SDK's English one.
      log?.error({ status: out.status }, 'bot activity failed');
      res.status(out.status).json({ error: { code: 'InternalError', message: both('api.bot.failed') } });
    } else if (out.body === undefined) res.status(out.status).end();
    else res.status(out.status).json(out.body);
  });
  router.use(inputErrors(refuse));
  return { router, app };
}
