// Builds the gateway from the validated config: against real tenants (Entra ID + graph.microsoft.com), or
// against the local tenant described by .regiekamer/local-tenant.json (its URL, CA certificate and app).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { Config } from '../../platform/config.ts';
import type { Logger } from '../../platform/logger.ts';
import { DependencyUnavailableError } from '../../platform/unavailable.ts';
import { createMsalTokenSource, type ClientCredential, type TokenSource } from '../auth/credentials.ts';
import { createHttpClient, type Fetch, type HttpClient } from '../http/fetch.ts';
import { namesByOrigin, namingFetch, type DependencyName } from '../http/unreachable.ts';
import { both } from '../../domain/i18n.ts';
import { createGraphGateway, type GraphGateway, type GraphGatewayOptions } from './gateway.ts';

const LocalTenantInfoSchema = z.object({
  baseUrl: z.url(),
  httpUrl: z.url().nullable(),
  caCertPem: z.string().includes('BEGIN CERTIFICATE'),
  caCertPath: z.string().nullable(),
  tenants: z.array(z.object({ id: z.string(), domain: z.string(), displayName: z.string() })),
  app: z.object({ clientId: z.string().min(1), clientSecret: z.string().min(1) }),
});

export type LocalTenantInfo = z.infer<typeof LocalTenantInfoSchema>;

export class LocalTenantUnavailableError extends DependencyUnavailableError {
  readonly file: string;

  constructor(file: string, detail: string) {
    super('tenant', both('dependency.localTenantMissing', { file, detail }));
    this.file = file;
    this.name = 'LocalTenantUnavailableError';
  }
}

/** Reads local-tenant.json (written by the local tenant when it starts) from the data dir. */
export async function loadLocalTenantInfo(dataDir: string): Promise<LocalTenantInfo> {
  const file = path.join(dataDir, 'local-tenant.json');
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new LocalTenantUnavailableError(file, (err as NodeJS.ErrnoException).code ?? 'unreadable');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new LocalTenantUnavailableError(file, 'not JSON');
  }
  const parsed = LocalTenantInfoSchema.safeParse(json);
  if (!parsed.success)
    throw new LocalTenantUnavailableError(file, parsed.error.issues.map((i) => i.path.join('.')).join(', '));
  return parsed.data;
}

export interface ConnectedGraph {
  gateway: GraphGateway;
  /** Tenants the gateway may act in (local: the local tenant's; real: the programme's, checked by the caller). */
  localTenants: LocalTenantInfo['tenants'] | undefined;
  /** The same app's tokens and HTTP client, for the other Microsoft services it calls (the Bot Connector). */
  tokens: TokenSource;
  fetch: Fetch;
  /** The same trust for clients on Node's https module (the Teams SDK's replies); undefined: platform defaults. */
  httpsAgent: HttpClient['httpsAgent'];
  close(): Promise<void>;
}

type Tuning = Pick<GraphGatewayOptions, 'now' | 'sleep' | 'random' | 'retry' | 'limits'>;

/** A gateway to the local tenant, as `npm start` and the tests use it. */
export function gatewayForLocalTenant(info: LocalTenantInfo, logger?: Logger, tuning: Tuning = {}): ConnectedGraph {
  const http = createHttpClient({ caCertPem: info.caCertPem });
  // The local tenant is Graph, Entra ID and the Bot Connector at once; any other address is a bot client's.
  const fetch = namingFetch(
    http.fetch,
    namesByOrigin([[info.baseUrl, { dependency: 'tenant', message: 'dependency.localTenant' }]], BOT_CONNECTOR),
  );
  const tokens = createMsalTokenSource({
    authorityHost: info.baseUrl,
    credential: { kind: 'secret', clientId: info.app.clientId, secret: info.app.clientSecret },
    fetch,
  });
  const gateway = createGraphGateway({
    baseUrl: info.baseUrl,
    tokens,
    fetch,
    ...(logger ? { logger } : {}),
    ...tuning,
  });
  return {
    gateway,
    localTenants: info.tenants,
    tokens,
    fetch,
    httpsAgent: http.httpsAgent,
    close: () => http.close(),
  };
}

const BOT_CONNECTOR: DependencyName = { dependency: 'botconnector', message: 'dependency.botConnector' };

/**
 * The gateway from the config: the local tenant (local mode, from local-tenant.json: LocalTenantUnavailableError when
 * it was never started) or Entra ID and Graph. A request that reaches no server throws UnreachableError naming it.
 */
export async function connectGraph(config: Config, logger?: Logger): Promise<ConnectedGraph> {
  if (config.mode === 'local') return gatewayForLocalTenant(await loadLocalTenantInfo(config.dataDir), logger);
  const g = config.graph;
  // loadConfig guarantees these in tenant mode; checked again so a wrong call fails loudly, not with undefined.
  if (!g.clientId || !g.baseUrl) throw new Error('tenant mode needs GRAPH_CLIENT_ID and GRAPH_BASE_URL');
  const credential: ClientCredential = g.certificatePath
    ? { kind: 'certificate', clientId: g.clientId, pem: await readFile(g.certificatePath, 'utf8') }
    : { kind: 'secret', clientId: g.clientId, secret: g.clientSecret ?? '' };
  // Graph, Entra ID and the Bot Connector over the platform's trust store, plus EXTRA_CA_FILE when set.
  const http = createHttpClient(config.extraCaPem ? { extraCaPem: config.extraCaPem } : {});
  const fetch = namingFetch(
    http.fetch,
    namesByOrigin(
      [
        [g.authorityHost, { dependency: 'token', message: 'dependency.token' }],
        [g.baseUrl, { dependency: 'graph', message: 'dependency.graph' }],
      ],
      BOT_CONNECTOR,
    ),
  );
  const tokens = createMsalTokenSource({ authorityHost: g.authorityHost, credential, fetch });
  return {
    gateway: createGraphGateway({ baseUrl: g.baseUrl, tokens, fetch, ...(logger ? { logger } : {}) }),
    localTenants: undefined,
    tokens,
    fetch,
    httpsAgent: http.httpsAgent,
    close: () => http.close(),
  };
}
