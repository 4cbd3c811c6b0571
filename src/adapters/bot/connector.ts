// Proactive sends to the Bot Connector (the conversation's serviceUrl): paced under its limits, retried on
// 429/412/502/503/504 with Retry-After or exponential backoff with jitter, bounded in attempts and time. 403
// (the user blocked the bot) and 404 (the conversation is gone) are final for that recipient: no retry storm.
// Logs name the conversation's tenant and the status, never message text or people.
import type { TokenSource } from '../auth/credentials.ts';
import type { Fetch } from '../http/fetch.ts';
import type { Logger } from '../../platform/logger.ts';
import { DependencyUnavailableError } from '../../platform/unavailable.ts';
import { BOT_CONNECTOR_LIMITS, BotPacer, type BotLimits } from './pacing.ts';

export const BOT_CONNECTOR_RESOURCE = 'https://api.botframework.com';

export interface ConversationAddress {
  serviceUrl: string;
  conversationId: string;
  tenantId: string;
}

type SendOutcome =
  | { ok: true; activityId: string; attempts: number }
  /** final: do not try again for this recipient (403, 404, other 4xx); otherwise retries ran out. */
  | { ok: false; final: boolean; status: number; code: string; attempts: number };

interface BotSenderMetrics {
  sent: number;
  attempts: number;
  throttled: number;
  retries: number;
  final: number;
  waitedMs: number;
}

export interface BotSender {
  send(to: ConversationAddress, activity: Record<string, unknown>): Promise<SendOutcome>;
  /** Replaces an activity the bot sent before (e.g. a card that changed). */
  update(to: ConversationAddress, activityId: string, activity: Record<string, unknown>): Promise<SendOutcome>;
  metrics(): BotSenderMetrics;
}

export interface BotSenderOptions {
  tokens: TokenSource;
  /**
   * The tenant the bot's Bot Connector token is requested from: a single-tenant bot's own tenant (BOT_TENANT_ID,
   * default the host tenant), whatever the conversation's tenant is — new Azure bots are single-tenant and get
   * their token from their own tenant's endpoint (docs/platform.md#bot-and-messages, docs/identiteit.md). Absent:
   * the conversation's tenant (only for tests of a connector that does not tell tenants apart).
   */
  tokenTenant?: string;
  fetch: Fetch;
  logger?: Logger;
  limits?: BotLimits;
  /** Off: no pacing (tests of the service's own limits). */
  pacing?: boolean;
  maxAttempts?: number;
  /** The longest a single send may keep trying, waits included. */
  maxTotalMs?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /**
   * Whether a service URL gets the bot's token (default: every one). Locally the Agents Playground's connector
   * on loopback needs none, and a token must never go to a host that has no use for it.
   */
  sendsToken?: (serviceUrl: string) => boolean;
}

const RETRYABLE = new Set([412, 429, 502, 503, 504]);

function retryAfterMs(header: string | null, now: number): number | undefined {
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

export function createBotSender(options: BotSenderOptions): BotSender {
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const maxAttempts = options.maxAttempts ?? 6;
  const maxTotalMs = options.maxTotalMs ?? 120_000;
  const pacer = new BotPacer(options.limits ?? BOT_CONNECTOR_LIMITS);
  const log = options.logger?.child({ component: 'bot-sender' });
  const m: Omit<BotSenderMetrics, 'waitedMs'> = { sent: 0, attempts: 0, throttled: 0, retries: 0, final: 0 };

  const call = async (
    to: ConversationAddress,
    method: 'POST' | 'PUT',
    path: string,
    activity: Record<string, unknown>,
  ): Promise<SendOutcome> => {
    const url = `${to.serviceUrl.replace(/\/+$/, '')}/v3/conversations/${encodeURIComponent(to.conversationId)}/activities${path}`;
    const started = now();
    for (let attempt = 1; ; attempt++) {
      m.attempts++;
      let status = 0;
      let code = 'NetworkError';
      let wait: number | undefined;
      try {
        const token =
          options.sendsToken?.(to.serviceUrl) === false
            ? undefined
            : await options.tokens.token(options.tokenTenant ?? to.tenantId, BOT_CONNECTOR_RESOURCE);
        const once = () =>
          options.fetch(url, {
            method,
            body: JSON.stringify({ ...activity, conversation: { id: to.conversationId } }),
            headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), 'content-type': 'application/json' },
          });
        const res =
          options.pacing === false ? await once() : await pacer.run(to.tenantId, to.conversationId, once, now);
        status = res.status;
        const text = await res.text();
        if (res.ok) {
          const body = (text ? JSON.parse(text) : {}) as { id?: unknown };
          m.sent++;
          return { ok: true, activityId: typeof body.id === 'string' ? body.id : '', attempts: attempt };
        }
        try {
          code = String((JSON.parse(text) as { error?: { code?: unknown } }).error?.code ?? `HTTP${status}`);
        } catch {
          code = `HTTP${status}`;
        }
        if (status === 429) m.throttled++;
        wait = retryAfterMs(res.headers.get('retry-after'), now());
      } catch (err) {
        // A Bot Connector (or token endpoint) that cannot be reached is named in words in the log.
        if (err instanceof DependencyUnavailableError) {
          code = 'Unreachable';
          log?.warn({ tenantId: to.tenantId, attempt, reason: err.message }, 'bot send: not reachable');
        }
        // A network failure is worth another try; a token failure is not (it would fail the same way).
        if ((err as Error).name === 'TokenAcquisitionError') {
          m.final++;
          return { ok: false, final: true, status: 401, code: 'TokenAcquisitionFailed', attempts: attempt };
        }
      }
      const retryable = status === 0 || RETRYABLE.has(status);
      if (!retryable) {
        m.final++;
        log?.warn({ tenantId: to.tenantId, status, code }, 'bot send refused');
        return { ok: false, final: true, status, code, attempts: attempt };
      }
      const backoff = wait ?? Math.min(30_000, 500 * 2 ** (attempt - 1)) * (0.5 + random() / 2);
      if (attempt >= maxAttempts || now() - started + backoff > maxTotalMs) {
        log?.warn({ tenantId: to.tenantId, status, code, attempts: attempt }, 'bot send gave up');
        return { ok: false, final: false, status, code, attempts: attempt };
      }
      m.retries++;
      await sleep(backoff);
    }
  };

  return {
    send: (to, activity) => call(to, 'POST', '', activity),
    update: (to, activityId, activity) =>
      call(to, 'PUT', `/${encodeURIComponent(activityId)}`, { ...activity, id: activityId }),
    metrics: () => ({ ...m, waitedMs: pacer.waited() }),
  };
}
