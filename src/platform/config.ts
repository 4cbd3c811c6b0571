// Configuration: read from the environment once, validated, then passed down. Nothing else reads process.env.
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { both, parseLang, type Lang } from '../domain/i18n.ts';

/**
 * The Bot Framework's OpenID metadata document: its `issuer` (https://api.botframework.com) and `jwks_uri` (the
 * keys that sign the tokens the Bot Connector sends with every activity). Documented in "Authenticate requests with
 * the Bot Connector API" (learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-authentication).
 */
export const BOT_FRAMEWORK_OPENID_METADATA_URL = 'https://login.botframework.com/v1/.well-known/openidconfiguration';

const EnvSchema = z.object({
  REGIEKAMER_PROGRAMME: z.string().min(1).default('programmes/blnp.yaml'),
  REGIEKAMER_DATA_DIR: z.string().min(1).default('.regiekamer'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { error: () => both('server.config.databaseUrl') })
    .optional(),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3978),
  PUBLIC_URL: z.url().optional(),
  REGIEKAMER_LANG: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  REGIEKAMER_MODE: z.enum(['local', 'tenant']).default('local'),
  LOCAL_TENANT_PORT: z.coerce.number().int().min(0).max(65535).default(4443),
  LOCAL_TENANT_HTTP_PORT: z.coerce.number().int().min(0).max(65535).default(4080),
  SYNC_INTERVAL_MINUTES: z.coerce.number().int().min(0).max(1440).default(15),
  PLANNER_POLL_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  GRAPH_BASE_URL: z.url().optional(),
  AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  GRAPH_CLIENT_ID: z.string().uuid().optional(),
  GRAPH_CLIENT_SECRET: z.string().min(1).optional(),
  GRAPH_CERTIFICATE_PATH: z.string().min(1).optional(),
  TEAMS_APP_ID: z.string().uuid().optional(),
  BOT_ID: z.string().uuid().optional(),
  BOT_RHYTHM_SECONDS: z.coerce.number().int().min(0).max(86_400).default(60),
  PLAYGROUND_PORT: z.coerce.number().int().min(0).max(65535).default(56150),
  LOCAL_BOT_PERSON: z.string().min(1).optional(),
  EXTRA_CA_FILE: z.string().min(1).optional(),
  BOT_OPENID_METADATA_URL: z.url().default(BOT_FRAMEWORK_OPENID_METADATA_URL),
  BOT_TENANT_ID: z
    .string()
    .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, {
      error: () => both('server.config.botTenantId'),
    })
    .optional(),
  BOT_CLIENT_SECRET: z.string().min(1).optional(),
  BOT_CERTIFICATE_PATH: z.string().min(1).optional(),
  // Retention in days (0: kept); the defaults and why are in docs/privacy.md.
  RETENTION_UPDATES_DAYS: z.coerce.number().int().min(0).max(3650).default(365),
  RETENTION_CONVERSATIONS_DAYS: z.coerce.number().int().min(0).max(3650).default(30),
  // At least 2: the bot's rhythm looks one day back, and a delivery row it still sees must not be deleted (it would
  // be planned and sent again).
  RETENTION_DELIVERIES_DAYS: z.coerce
    .number()
    .int()
    .max(3650)
    .refine((n) => n === 0 || n >= 2, 'RETENTION_DELIVERIES_DAYS: 0 (bewaren) of minstens 2 / 0 (keep) or at least 2')
    .default(90),
  RETENTION_JOURNAL_DAYS: z.coerce.number().int().min(0).max(3650).default(90),
});

export interface Config {
  programmeFile: string;
  dataDir: string;
  databaseUrl: string | undefined;
  host: string;
  port: number;
  publicUrl: string;
  lang: Lang;
  logLevel: z.output<typeof EnvSchema>['LOG_LEVEL'];
  teamsAppId: string | undefined;
  botId: string | undefined;
  /** local: everything on this machine (local tenant); tenant: real Microsoft 365 tenants. */
  mode: 'local' | 'tenant';
  /** Minutes between periodic syncs in the server (0: off). */
  syncIntervalMinutes: number;
  /** Seconds between polls of the werkgroepen's Planner plans (0: off). */
  plannerPollSeconds: number;
  localTenant: { port: number; httpPort: number; dataDir: string };
  bot: {
    /** Seconds between runs of the reminder rhythm (plan, reconcile, hand due messages to the queue); 0: off. */
    rhythmSeconds: number;
    /** Local mode: the Agents Playground's port (0: do not start it). */
    playgroundPort: number;
    /** Local mode: the programme person the Playground's user acts as (default: the first werkgroep's trekker). */
    localPerson: string | undefined;
    /**
     * Tenant mode: the OpenID metadata document whose issuer and keys the bot's incoming tokens are checked
     * against (default the Bot Framework's; the local tenant serves one of its own to stand in for it).
     */
    openIdMetadataUrl: string;
    /**
     * BOT_TENANT_ID: the tenant the bot's (single-tenant) app registration lives in, lower case; its Bot Connector
     * token is always requested there (docs/identiteit.md). Undefined: the programme's host tenant.
     */
    tenantId: string | undefined;
    /**
     * Tenant mode: the bot's own app registration's credential (BOT_CLIENT_SECRET or BOT_CERTIFICATE_PATH, PEM with
     * key and certificate) when BOT_ID is not the Graph app; never logged. Absent: the Graph app's credential.
     */
    clientSecret: string | undefined;
    certificatePath: string | undefined;
  };
  /**
   * PEM text of the certificate authorities in EXTRA_CA_FILE, trusted for outbound HTTPS besides the platform's
   * own (Graph, Entra ID, Bot Framework, Bot Connector) — e.g. the local tenant's CA standing in for Microsoft 365.
   */
  extraCaPem: string | undefined;
  graph: {
    /** https://graph.microsoft.com for real tenants; the local tenant's URL locally (undefined: read from local-tenant.json). */
    baseUrl: string | undefined;
    authorityHost: string;
    clientId: string | undefined;
    /** Never logged. */
    clientSecret: string | undefined;
    certificatePath: string | undefined;
  };
  /** Days each kind of personal data is kept (0: kept); applied by the server's retention job (docs/privacy.md). */
  retention: { updatesDays: number; conversationsDays: number; deliveriesDays: number; journalDays: number };
}

export class ConfigError extends Error {
  readonly problems: string[];

  constructor(problems: string[]) {
    super(`${both('server.config.invalid')}:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
    this.name = 'ConfigError';
  }
}

/**
 * A setting's problem in words, Dutch first and English after ` / `, for the issues the schema gives no message of
 * its own (zod's own texts are English only). Zod v4's per-parse error map: https://zod.dev/error-customization
 */
function configIssueMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_format':
      if (issue.format === 'uuid' || issue.format === 'guid') return both('server.config.notGuid');
      if (issue.format === 'url') return both('server.config.notUrl');
      return both('server.config.badValue');
    case 'invalid_type':
      return issue.expected === 'number' || issue.expected === 'int'
        ? both('server.config.notWholeNumber')
        : both('server.config.badValue');
    case 'too_small':
      return both('server.config.tooSmall', { min: String(issue.minimum) });
    case 'too_big':
      return both('server.config.tooBig', { max: String(issue.maximum) });
    case 'invalid_value':
      return both('server.config.oneOf', { values: issue.values.map(String).join(', ') });
    default:
      return both('server.config.badValue');
  }
}

export function loadConfig(env: Record<string, string | undefined>, cwd: string): Config {
  // An empty value (`DATABASE_URL=`) counts as not set, as in most deployment tools' environment files.
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const parsed = EnvSchema.safeParse(given, { error: configIssueMessage });
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  const e = parsed.data;
  if (e.REGIEKAMER_MODE === 'tenant' && (!e.GRAPH_CLIENT_ID || (!e.GRAPH_CLIENT_SECRET && !e.GRAPH_CERTIFICATE_PATH))) {
    throw new ConfigError([both('server.config.tenantCredentials')]);
  }
  const extraCaPem = e.EXTRA_CA_FILE === undefined ? undefined : readCaFile(path.resolve(cwd, e.EXTRA_CA_FILE));
  return {
    programmeFile: path.resolve(cwd, e.REGIEKAMER_PROGRAMME),
    dataDir: path.resolve(cwd, e.REGIEKAMER_DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    host: e.HOST,
    port: e.PORT,
    publicUrl: e.PUBLIC_URL ?? `http://localhost:${e.PORT}`,
    lang: parseLang(e.REGIEKAMER_LANG ?? env.LANG, 'nl'),
    logLevel: e.LOG_LEVEL,
    teamsAppId: e.TEAMS_APP_ID,
    botId: e.BOT_ID,
    mode: e.REGIEKAMER_MODE,
    syncIntervalMinutes: e.SYNC_INTERVAL_MINUTES,
    plannerPollSeconds: e.PLANNER_POLL_SECONDS,
    bot: {
      rhythmSeconds: e.BOT_RHYTHM_SECONDS,
      playgroundPort: e.PLAYGROUND_PORT,
      localPerson: e.LOCAL_BOT_PERSON,
      openIdMetadataUrl: e.BOT_OPENID_METADATA_URL,
      tenantId: e.BOT_TENANT_ID?.toLowerCase(),
      clientSecret: e.BOT_CLIENT_SECRET,
      certificatePath: e.BOT_CERTIFICATE_PATH === undefined ? undefined : path.resolve(cwd, e.BOT_CERTIFICATE_PATH),
    },
    extraCaPem,
    localTenant: {
      port: e.LOCAL_TENANT_PORT,
      httpPort: e.LOCAL_TENANT_HTTP_PORT,
      dataDir: path.resolve(cwd, e.REGIEKAMER_DATA_DIR, 'local-tenant'),
    },
    graph: {
      baseUrl: e.GRAPH_BASE_URL ?? (e.REGIEKAMER_MODE === 'tenant' ? 'https://graph.microsoft.com' : undefined),
      authorityHost: e.AUTHORITY_HOST,
      clientId: e.GRAPH_CLIENT_ID,
      clientSecret: e.GRAPH_CLIENT_SECRET,
      certificatePath: e.GRAPH_CERTIFICATE_PATH,
    },
    retention: {
      updatesDays: e.RETENTION_UPDATES_DAYS,
      conversationsDays: e.RETENTION_CONVERSATIONS_DAYS,
      deliveriesDays: e.RETENTION_DELIVERIES_DAYS,
      journalDays: e.RETENTION_JOURNAL_DAYS,
    },
  };
}

const PEM_CERTIFICATE = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * Reads EXTRA_CA_FILE: one or more PEM certificates, each of which must parse as X.509 and be a CA.
 * @throws ConfigError when the file cannot be read or holds no usable CA certificate.
 */
function readCaFile(file: string): string {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ConfigError([
      both('server.config.caUnreadable', { file, code: (err as NodeJS.ErrnoException).code ?? 'error' }),
    ]);
  }
  const pems = text.match(PEM_CERTIFICATE) ?? [];
  if (pems.length === 0) throw new ConfigError([both('server.config.caNoPem', { file })]);
  for (const pem of pems) {
    let cert: X509Certificate;
    try {
      cert = new X509Certificate(pem);
    } catch {
      throw new ConfigError([both('server.config.caBroken', { file })]);
    }
    if (!cert.ca)
      throw new ConfigError([both('server.config.caNotCa', { file, subject: cert.subject.replace(/\n/g, ', ') })]);
  }
  return pems.join('\n');
}
