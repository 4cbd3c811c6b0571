// The HTTP client all outbound calls use: Node's fetch against real Microsoft 365, or undici's fetch with an
// Agent that trusts one extra CA — either exactly that CA (the local tenant's, in local mode) or that CA besides
// the platform's own (EXTRA_CA_FILE in tenant mode) — never by switching TLS checks off.
import { Agent as HttpsAgent } from 'node:https';
import tls from 'node:tls';
import { Agent, fetch as undiciFetch } from 'undici';

export type Fetch = typeof globalThis.fetch;

export interface HttpClient {
  fetch: Fetch;
  /**
   * The same trust for clients that use Node's https module (axios in the Teams SDK); undefined when the
   * platform's defaults apply.
   */
  httpsAgent: HttpsAgent | undefined;
  close(): Promise<void>;
}

/**
 * The CAs Node trusts by default (its bundled roots plus NODE_EXTRA_CA_CERTS where Node can tell, i.e. Node 22.15
 * and later with tls.getCACertificates), so an added CA extends the default trust instead of replacing it.
 */
function defaultCas(): string[] {
  const get = (tls as unknown as { getCACertificates?: (type: 'default') => string[] }).getCACertificates;
  return get ? get('default') : [...tls.rootCertificates];
}

/**
 * Without a CA: the platform's fetch and trust store. With `caCertPem` only that CA is trusted (the local tenant in
 * local mode); with `extraCaPem` it is trusted besides the platform's CAs (tenant mode, EXTRA_CA_FILE).
 */
export function createHttpClient(options: { caCertPem?: string; extraCaPem?: string } = {}): HttpClient {
  const ca = options.caCertPem
    ? options.caCertPem
    : options.extraCaPem
      ? [...defaultCas(), options.extraCaPem]
      : undefined;
  if (!ca) return { fetch: globalThis.fetch, httpsAgent: undefined, close: async () => undefined };
  // HTTP/1.1 as before undici 8, which would otherwise take HTTP/2 wherever a server offers it (ALPN).
  const dispatcher = new Agent({ connect: { ca }, keepAliveTimeout: 10_000, allowH2: false });
  const httpsAgent = new HttpsAgent({ ca, keepAlive: true });
  // undici's fetch and Node's share the WHATWG shapes; the cast only bridges the two type packages.
  const bound = ((input: Parameters<Fetch>[0], init?: RequestInit) =>
    undiciFetch(input as Parameters<typeof undiciFetch>[0], {
      ...(init as Parameters<typeof undiciFetch>[1]),
      dispatcher,
    })) as unknown as Fetch;
  return {
    fetch: bound,
    httpsAgent,
    close: async () => {
      httpsAgent.destroy();
      await dispatcher.close();
    },
  };
}
