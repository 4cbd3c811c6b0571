// The HTTP client all outbound calls use: Node's fetch against real Microsoft 365, or undici's fetch with an
// Agent that trusts exactly one extra CA certificate (the local tenant's), never by switching TLS checks off.
import { Agent, fetch as undiciFetch } from 'undici';

export type Fetch = typeof globalThis.fetch;

export interface HttpClient {
  fetch: Fetch;
  close(): Promise<void>;
}

/** Without a CA: the platform's fetch and trust store. With one: only that CA is trusted (local tenant). */
export function createHttpClient(options: { caCertPem?: string } = {}): HttpClient {
  if (!options.caCertPem) return { fetch: globalThis.fetch, close: async () => undefined };
  // HTTP/1.1 as before undici 8, which would otherwise take HTTP/2 wherever a server offers it (ALPN).
  const dispatcher = new Agent({ connect: { ca: options.caCertPem }, keepAliveTimeout: 10_000, allowH2: false });
  // undici's fetch and Node's share the WHATWG shapes; the cast only bridges the two type packages.
  const bound = ((input: Parameters<Fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], { ...(init as Parameters<typeof undiciFetch>[1]), dispatcher })) as unknown as Fetch;
  return { fetch: bound, close: () => dispatcher.close() };
}
