// The local tenant's identity basics: the resources and roles it issues tokens for, its signing keys (made once,
// kept in the data dir), the runtime the identity endpoints share, and Entra ID's OpenID configuration and keys.
import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Router } from 'express';
import { exportJWK, generateKeyPair, importJWK, type JWK } from 'jose';
import type { Clock, LocalTenantState } from './core.ts';

/** Resource identifiers (app id URIs) the local tenant issues tokens for, as Entra ID does. */
export const GRAPH_RESOURCE = 'https://graph.microsoft.com';
export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
export const BOT_RESOURCE = 'https://api.botframework.com';
/** Regiekamer's own API (the tab, the bot and the CLI call it), as its app id URI would be registered. */
export const API_RESOURCE = 'api://regiekamer';
/** The issuer of the tokens the Bot Connector sends with activities (Bot Framework channel tokens). */
export const BOT_FRAMEWORK_ISSUER = 'https://api.botframework.com';
/** Where the local tenant serves its stand-in for https://login.botframework.com/v1/.well-known/openidconfiguration. */
export const BOT_FRAMEWORK_METADATA_PATH = '/botframework/v1/.well-known/openidconfiguration';
export const BOT_FRAMEWORK_KEYS_PATH = '/botframework/v1/.well-known/keys';
/** Entra ID's multi-tenant segments: their OpenID configuration and keys serve every tenant. */
const MULTI_TENANT = new Set(['common', 'organizations']);

/**
 * Application permissions the product's app holds in every local tenant: the least it needs (the product lists
 * each with the calls that need it and explains it in its runbook). Tokens carry them in `roles`, as Entra ID does
 * after admin consent.
 */
export const CONSENTED_ROLES = [
  'User.Read.All',
  'GroupMember.Read.All',
  'Team.Create',
  'TeamSettings.ReadWrite.All',
  'TeamMember.ReadWrite.All',
  'Channel.Create',
  'ChannelSettings.ReadWrite.All',
  'Channel.Delete.All',
  'ChannelMember.ReadWrite.All',
  'TeamsTab.ReadWrite.All',
  'TeamsAppInstallation.ReadWriteForTeam.All',
  'Calendars.ReadWrite',
  'Tasks.ReadWrite.All',
  // Optional: only programmes with guests.invite use it (POST /invitations); granted here so they run locally.
  'User.Invite.All',
];

export const TOKEN_LIFETIME_S = 3600;
export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

interface StoredKey {
  kid: string;
  privateJwk: JWK;
  publicJwk: JWK;
}

async function loadOrCreateKey(dir: string, name = 'signing-key.json'): Promise<StoredKey> {
  const file = path.join(dir, name);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as StoredKey;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const { privateKey, publicKey } = await generateKeyPair('RS256', { modulusLength: 2048, extractable: true });
  const publicJwk = await exportJWK(publicKey);
  const kid = createHash('sha256')
    .update(JSON.stringify({ e: publicJwk.e, kty: publicJwk.kty, n: publicJwk.n }))
    .digest('base64url')
    .slice(0, 27);
  const stored: StoredKey = {
    kid,
    privateJwk: await exportJWK(privateKey),
    publicJwk: { ...publicJwk, kid, use: 'sig', alg: 'RS256' },
  };
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(stored), { mode: 0o600 });
  await rename(tmp, file);
  return stored;
}

/** An OAuth error answer shaped like Entra ID's (AADSTS codes), without echoing any secret. */
export class OAuthError extends Error {
  readonly status: number;
  readonly error: string;
  readonly aadsts: number;

  constructor(status: number, error: string, aadsts: number, description: string) {
    super(description);
    this.status = status;
    this.error = error;
    this.aadsts = aadsts;
  }
}

export type RegisteredApp = LocalTenantState['apps'][number];

/** A sign-in's authorization code, waiting to be redeemed at the token endpoint (once, within 5 minutes). */
interface SignInCode {
  tid: string;
  userId: string;
  clientId: string;
  redirectUri: string;
  challenge: string;
  expires: number;
}

/** What the identity endpoints share: the state, this server's base URL, the clock and the signing keys. */
export interface IdentityRuntime {
  state: LocalTenantState;
  baseUrl: string;
  clock: Clock;
  key: StoredKey;
  privateKey: Awaited<ReturnType<typeof importJWK>>;
  jwks: { keys: JWK[] };
  botKey: StoredKey;
  botPrivateKey: Awaited<ReturnType<typeof importJWK>>;
  botJwks: { keys: JWK[] };
  issuerFor: (tid: string) => string;
  /** Client assertions may be used once (their jti), as Entra ID refuses replays: jti → expiry (ms). */
  seenAssertions: Map<string, number>;
  codes: Map<string, SignInCode>;
}

/** Loads (or makes) the Entra ID and Bot Framework signing keys in dataDir/identity; throws on unreadable key files. */
export async function createIdentityRuntime(deps: {
  state: LocalTenantState;
  baseUrl: string;
  dataDir: string;
  clock: Clock;
}): Promise<IdentityRuntime> {
  const { state, baseUrl, clock } = deps;
  const key = await loadOrCreateKey(path.join(deps.dataDir, 'identity'));
  const privateKey = await importJWK(key.privateJwk, 'RS256');
  const jwks = { keys: [key.publicJwk] };
  // The Bot Framework signs channel tokens with keys of its own (not Entra ID's); so does its stand-in here. Its
  // keys carry the channels they are endorsed for, as login.botframework.com's do.
  const botKey = await loadOrCreateKey(path.join(deps.dataDir, 'identity'), 'botframework-key.json');
  const botPrivateKey = await importJWK(botKey.privateJwk, 'RS256');
  const botJwks = { keys: [{ ...botKey.publicJwk, endorsements: ['msteams'] }] };
  const issuerFor = (tid: string) => `${baseUrl}/${tid}/v2.0`;
  // Client assertions may be used once (their jti), as Entra ID refuses replays.
  const seenAssertions = new Map<string, number>();
  const codes = new Map<string, SignInCode>();
  return {
    state,
    baseUrl,
    clock,
    key,
    privateKey,
    jwks,
    botKey,
    botPrivateKey,
    botJwks,
    issuerFor,
    seenAssertions,
    codes,
  };
}

/** A tenant id from a path segment (tenant id or domain), or undefined. */
export function tenantOf(idp: IdentityRuntime, segment: string): string | undefined {
  const { state } = idp;
  const s = segment.toLowerCase();
  if (state.tenants[s]) return s;
  return Object.values(state.tenants).find((t) => t.domain.toLowerCase() === s)?.id;
}

// For common/organizations Entra ID names the issuer with a {tenantid} placeholder: each token has its tenant's.
function openIdConfiguration(idp: IdentityRuntime, tid: string) {
  const { baseUrl, issuerFor } = idp;
  return {
    token_endpoint: `${baseUrl}/${tid}/oauth2/v2.0/token`,
    token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt', 'client_secret_basic'],
    jwks_uri: `${baseUrl}/${tid}/discovery/v2.0/keys`,
    response_modes_supported: ['query', 'fragment', 'form_post'],
    subject_types_supported: ['pairwise'],
    id_token_signing_alg_values_supported: ['RS256'],
    response_types_supported: ['code', 'id_token', 'code id_token', 'id_token token'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    issuer: MULTI_TENANT.has(tid) ? `${baseUrl}/{tenantid}/v2.0` : issuerFor(tid),
    request_uri_parameter_supported: false,
    userinfo_endpoint: `${baseUrl}/oidc/userinfo`,
    authorization_endpoint: `${baseUrl}/${tid}/oauth2/v2.0/authorize`,
    device_authorization_endpoint: `${baseUrl}/${tid}/oauth2/v2.0/devicecode`,
    http_logout_supported: true,
    frontchannel_logout_supported: true,
    end_session_endpoint: `${baseUrl}/${tid}/oauth2/v2.0/logout`,
    claims_supported: ['sub', 'iss', 'aud', 'exp', 'iat', 'nbf', 'name', 'oid', 'tid', 'ver', 'preferred_username'],
    tenant_region_scope: 'EU',
    cloud_instance_name: 'localhost',
  };
}

/** Entra ID's OpenID configuration and signing keys per tenant (and for common/organizations). */
export function addOpenIdRoutes(idp: IdentityRuntime, router: Router): void {
  router.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
    const segment = String(req.params['tenant']).toLowerCase();
    const tid = MULTI_TENANT.has(segment) ? segment : tenantOf(idp, segment);
    if (!tid) {
      res.status(400).json({
        error: 'invalid_tenant',
        error_description: `AADSTS90002: Tenant '${String(req.params['tenant'])}' not found.`,
        error_codes: [90002],
      });
      return;
    }
    res.json(openIdConfiguration(idp, tid));
  });
  router.get('/:tenant/discovery/v2.0/keys', (req, res) => {
    const segment = String(req.params['tenant']).toLowerCase();
    if (!MULTI_TENANT.has(segment) && !tenantOf(idp, segment)) {
      res.status(400).json({ error: 'invalid_tenant', error_codes: [90002] });
      return;
    }
    res.json(idp.jwks);
  });
}
