// App-only access tokens per tenant with MSAL (client credentials: a secret or a certificate), against the real
// authority (login.microsoftonline.com) or the local tenant's. MSAL's network calls go through our fetch, so
// the local tenant's CA is trusted without touching TLS settings; MSAL caches tokens until shortly before expiry.
import { createHash, X509Certificate } from 'node:crypto';
import {
  ConfidentialClientApplication,
  type INetworkModule,
  type NetworkRequestOptions,
  type NetworkResponse,
} from '@azure/msal-node';
import type { Fetch } from '../http/fetch.ts';
import { DependencyUnavailableError } from '../../platform/unavailable.ts';

export type ClientCredential =
  | { kind: 'secret'; clientId: string; secret: string }
  /** PEM text holding the private key and the certificate (as GRAPH_CLIENT_CERTIFICATE_PATH points to). */
  | { kind: 'certificate'; clientId: string; pem: string };

export interface TokenSource {
  /** A bearer token for `resource` (e.g. https://graph.microsoft.com) in one tenant. */
  token(tenantId: string, resource: string): Promise<string>;
}

export class TokenAcquisitionError extends Error {
  readonly tenantId: string;
  readonly code: string;

  constructor(tenantId: string, code: string, message: string) {
    super(message);
    this.tenantId = tenantId;
    this.code = code;
    this.name = 'TokenAcquisitionError';
  }
}

/** MSAL's network module over our fetch; `failed` receives a dependency failure (MSAL wraps it in its own error). */
function networkClient(fetch: Fetch, failed: (err: DependencyUnavailableError) => void): INetworkModule {
  const send = async <T>(
    method: 'GET' | 'POST',
    url: string,
    options?: NetworkRequestOptions,
  ): Promise<NetworkResponse<T>> => {
    const init: RequestInit = { method };
    if (options?.headers) init.headers = options.headers;
    if (options?.body !== undefined) init.body = options.body;
    const res = await fetch(url, init).catch((err: unknown) => {
      if (err instanceof DependencyUnavailableError) failed(err);
      throw err;
    });
    const text = await res.text();
    const headers: Record<string, string> = {};
    res.headers.forEach((v, k) => {
      headers[k] = v;
    });
    return { status: res.status, headers, body: (text ? JSON.parse(text) : {}) as T };
  };
  return {
    sendGetRequestAsync: (url, options) => send('GET', url, options),
    sendPostRequestAsync: (url, options) => send('POST', url, options),
  };
}

function certificateOf(pem: string, clientId: string): { thumbprintSha256: string; privateKey: string; x5c: string } {
  const key = /-----BEGIN (?:RSA |EC )?PRIVATE KEY-----[\s\S]+?-----END (?:RSA |EC )?PRIVATE KEY-----/.exec(pem)?.[0];
  const cert = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!key || !cert)
    throw new TokenAcquisitionError(
      '',
      'certificate',
      `the certificate file for app ${clientId} must hold a private key and a certificate (PEM)`,
    );
  const x509 = new X509Certificate(cert);
  return { thumbprintSha256: createHash('sha256').update(x509.raw).digest('hex'), privateKey: key, x5c: cert };
}

export interface MsalTokenSourceOptions {
  /** e.g. https://login.microsoftonline.com, or the local tenant's base URL. */
  authorityHost: string;
  credential: ClientCredential;
  fetch: Fetch;
}

export function createMsalTokenSource(options: MsalTokenSourceOptions): TokenSource {
  const host = options.authorityHost.replace(/\/+$/, '');
  const hostName = new URL(host).host;
  // Entra ID's own host is discovered as usual; any other (the local tenant) is named as a known authority.
  const known = hostName === 'login.microsoftonline.com' ? {} : { knownAuthorities: [hostName] };
  const cred = options.credential;
  const secretOrCert =
    cred.kind === 'secret'
      ? { clientSecret: cred.secret }
      : { clientCertificate: certificateOf(cred.pem, cred.clientId) };
  const apps = new Map<string, ConfidentialClientApplication>();
  // The authority that could not be reached, in words (UnreachableError), rethrown instead of MSAL's error.
  let unreachable: DependencyUnavailableError | undefined;
  const network = networkClient(options.fetch, (err) => {
    unreachable = err;
  });
  const appFor = (tenantId: string) => {
    let app = apps.get(tenantId);
    if (!app) {
      app = new ConfidentialClientApplication({
        auth: { clientId: cred.clientId, authority: `${host}/${tenantId}`, ...known, ...secretOrCert },
        system: {
          networkClient: network,
          loggerOptions: { piiLoggingEnabled: false, loggerCallback: () => undefined },
        },
      });
      apps.set(tenantId, app);
    }
    return app;
  };
  return {
    async token(tenantId, resource) {
      unreachable = undefined;
      try {
        const result = await appFor(tenantId).acquireTokenByClientCredential({ scopes: [`${resource}/.default`] });
        if (!result?.accessToken)
          throw new TokenAcquisitionError(tenantId, 'no_token', 'the authority returned no access token');
        return result.accessToken;
      } catch (err) {
        if (err instanceof TokenAcquisitionError) throw err;
        if (unreachable) throw unreachable;
        // MSAL errors carry an errorCode and a description without secrets; keep only those.
        const e = err as { errorCode?: string; errorMessage?: string; message?: string };
        throw new TokenAcquisitionError(tenantId, e.errorCode ?? 'unknown', e.errorMessage ?? e.message ?? String(err));
      }
    },
  };
}
