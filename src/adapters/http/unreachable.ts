// "Could not connect" in words: a fetch whose request never reached a server (connection refused, name not found,
// reset, timed out) throws UnreachableError, which names the dependency at that address — the local tenant, Entra ID
// (tokens), Microsoft Graph or the Bot Connector — and what to do, in Dutch and English, instead of a library's
// "fetch failed" or an identity library's error with a link.
import { both, type MessageKey } from '../../domain/i18n.ts';
import { DependencyUnavailableError } from '../../platform/unavailable.ts';
import type { Fetch } from './fetch.ts';

/** Socket and DNS error codes of a request that reached no server (Node's net/dns and undici's own). */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EPIPE',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_SOCKET',
  'UND_ERR_CLOSED',
]);

/** The network error code inside a failed fetch (undici: TypeError "fetch failed", the socket error as cause). */
export function networkCode(err: unknown): string | undefined {
  const seen = new Set<unknown>();
  const queue: unknown[] = [err];
  while (queue.length > 0) {
    const e = queue.shift();
    if (!e || typeof e !== 'object' || seen.has(e)) continue;
    seen.add(e);
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && NETWORK_CODES.has(code)) return code;
    queue.push((e as { cause?: unknown }).cause);
    // Happy eyeballs: one error per address tried (::1 and 127.0.0.1), in an AggregateError.
    const errors = (e as { errors?: unknown }).errors;
    if (Array.isArray(errors)) queue.push(...errors);
  }
  return undefined;
}

/** What is at an address: its kind and the message (with {url} and {code}) that says what to do. */
export interface DependencyName {
  dependency: DependencyUnavailableError['dependency'];
  message: MessageKey;
}

/** The request to `url` reached no server; the message names the dependency and what to do. */
export class UnreachableError extends DependencyUnavailableError {
  readonly url: string;
  readonly code: string;

  constructor(name: DependencyName, url: string, code: string, cause: unknown) {
    super(name.dependency, both(name.message, { url, code }), { cause });
    this.url = url;
    this.code = code;
    this.name = 'UnreachableError';
  }
}

/** `fetch`, with a request that reaches no server thrown as UnreachableError named by `nameOf(its origin)`. */
export function namingFetch(fetch: Fetch, nameOf: (origin: string) => DependencyName): Fetch {
  return (async (input: Parameters<Fetch>[0], init?: RequestInit) => {
    try {
      return await fetch(input, init);
    } catch (err) {
      const code = networkCode(err);
      if (!code) throw err;
      const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const origin = new URL(href).origin;
      throw new UnreachableError(nameOf(origin), origin, code, err);
    }
  }) as Fetch;
}

/** Names by origin: the given origins (trailing slashes and paths ignored), anything else as `otherwise`. */
export function namesByOrigin(known: [string, DependencyName][], otherwise: DependencyName) {
  const map = new Map(known.map(([url, name]) => [new URL(url).origin, name]));
  return (origin: string): DependencyName => map.get(origin) ?? otherwise;
}
