// Public types of the local tenant's server: its options, its handle, what local-tenant.json holds, and the
// identity provider it plugs in (identity.ts by default).
import type { Router } from 'express';
import type { BotActivityRecord, ConversationState } from './botconnector.ts';
import type { Clock, LocalTenantState, Route, TenantLogger } from './core.ts';
import type { FaultConfig } from './faults.ts';
import type { AcceptedInvitation } from './invitations.ts';
import type { AppRegistration, TenantDirectory } from './seed.ts';
import type { TenantSetup } from './tenant-setup.ts';
import type { LocalTenantStats, RequestLogEntry } from './stats.ts';

/** What identity.ts provides (helper G): the identity endpoints and token validation for Graph calls. */
export interface VerifiedToken {
  tenantId: string;
  appId: string;
  roles: string[];
  userId?: string;
}

export interface IdentityProvider {
  router(): Router;
  verifyGraphToken(authorizationHeader?: string): Promise<VerifiedToken>;
  /** Bot Connector tokens, if the provider tells them apart; otherwise verifyGraphToken is used for /v3 too. */
  verifyBotToken?(authorizationHeader?: string): Promise<VerifiedToken>;
}

export type IdentityFactory = (deps: {
  state: LocalTenantState;
  baseUrl: string;
  dataDir: string;
  clock: Clock;
}) => Promise<IdentityProvider>;

export interface LocalTenantOptions {
  /** The tenants and their users to seed (seeding only adds what the state lacks). */
  directory: TenantDirectory;
  /** Directory for state.json and the TLS material; 'memory' writes nothing (a temp dir is used for identity keys). */
  dataDir: string;
  /** HTTPS port (0: any free port). */
  port?: number;
  /** Plain HTTP port serving the same app (0: any free port; null: none). */
  httpPort?: number | null;
  /** Interface to listen on; default 127.0.0.1 (the URLs say localhost). */
  host?: string;
  /** Start with empty state (the TLS material and the app credentials are kept). */
  reset?: boolean;
  clock?: Clock;
  faults?: Partial<FaultConfig>;
  /** Items per page when the caller gives no $top (default 100). */
  pageSize?: number;
  /** Polls of a teamsAsyncOperation that answer inProgress before succeeded (default 1). */
  operationPolls?: number;
  /** Identity provider factory; default: createIdentityProvider from identity.ts. */
  identity?: IdentityFactory;
  /** More Graph routes (tests, experiments). */
  routes?: Route[];
  /** The registered app: given credentials, or generated ones kept in the state (default name 'Local app'). */
  app?: AppRegistration;
  /**
   * The tenant the bot is registered in (a single-tenant Azure Bot, as every new one is since 31 July 2025). Set,
   * the Bot Connector takes a bot token only when it was issued by that tenant (401 otherwise) and refuses to
   * create a personal conversation with a user who has no account there (403 BotNotInConversationRoster). Absent:
   * any tenant's token and any user (a legacy multi-tenant bot).
   */
  botTenantId?: string;
  logger?: TenantLogger;
  /** Debounce of state writes in ms (default 250). */
  saveDebounceMs?: number;
  /** Replaces the latency wait (tests). */
  sleep?: (ms: number) => Promise<void>;
  /**
   * How each tenant's administrators configured it for the app (consented roles, disabled accounts, mailbox scope,
   * B2B direct connect); applied at every start and after a reset. Default: every role, every mailbox, direct connect.
   */
  setup?: TenantSetup;
}

/** The shape of .regiekamer/local-tenant.json: the handle's data, plus where the CA certificate is. */
export interface LocalTenantInfo {
  baseUrl: string;
  httpUrl: string | null;
  caCertPem: string;
  caCertPath: string | null;
  tenants: { id: string; domain: string; displayName: string }[];
  app: { clientId: string; clientSecret: string };
}

export interface LocalTenantHandle {
  baseUrl: string;
  httpUrl: string | null;
  caCertPem: string;
  caCertPath: string | null;
  tenants: { id: string; domain: string; displayName: string }[];
  app: { clientId: string; clientSecret: string };
  /** Where local-tenant.json was written (null in memory mode). */
  infoFile: string | null;
  stats(): LocalTenantStats;
  resetStats(): void;
  requests(limit?: number): RequestLogEntry[];
  faults(): FaultConfig;
  setFaults(changes: Partial<FaultConfig>): FaultConfig;
  bot: {
    activities(filter?: { conversationId?: string; tenantId?: string }): BotActivityRecord[];
    clear(): void;
    setConversationState(conversationId: string, state: ConversationState, tenantId?: string): void;
  };
  /**
   * Redeems a guest's pending invitation (by mail address; in `tenantId` or every tenant), as the person would in a
   * browser; Graph has no API for it. Returns what was accepted, empty when nothing was pending.
   */
  acceptInvitation(email: string, tenantId?: string): AcceptedInvitation[];
  /** The live state (read it; change it only through the API). */
  state(): LocalTenantState;
  /** Writes state.json now. */
  flush(): Promise<void>;
  stop(): Promise<void>;
}
