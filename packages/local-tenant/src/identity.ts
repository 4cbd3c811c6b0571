// The local tenant's identity provider: Entra ID v2 endpoints (OpenID configuration, signing keys, token) for
// each local tenant, issuing RS256 access tokens to the registered app by client secret or certificate
// (client_assertion), and validating the tokens Graph and Bot Connector calls bring with the local tenant's own
// check (tokens.ts), not a client's. The signing key is made once and kept in the data dir.
import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import express, { type Request, type Response, type Router } from 'express';
import { createLocalJWKSet, decodeProtectedHeader, exportJWK, generateKeyPair, importJWK, jwtVerify, SignJWT, type JWK } from 'jose';
import { GraphHttpError, type Clock, type LocalTenantState } from './core.ts';
import { nameGuid } from './seed.ts';
import type { IdentityProvider, VerifiedToken } from './server.ts';
import { createTokenCheck, TokenRejectedError, type TokenCheck } from './tokens.ts';

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
const BOT_FRAMEWORK_KEYS_PATH = '/botframework/v1/.well-known/keys';
/** Entra ID's multi-tenant segments: their OpenID configuration and keys serve every tenant. */
const MULTI_TENANT = new Set(['common', 'organizations']);

/**
 * Application permissions the product's app holds in every local tenant: the least it needs (see README,
 * "Rechten"). Tokens carry them in `roles`, as Entra ID does after admin consent.
 */
export const CONSENTED_ROLES = [
  'User.Read.All',
  'GroupMember.ReadWrite.All',
  'Team.Create',
  'TeamMember.ReadWrite.All',
  'Channel.Create',
  'ChannelSettings.ReadWrite.All',
  'ChannelMember.ReadWrite.All',
  'TeamsTab.ReadWrite.All',
  'Calendars.ReadWrite',
  'Tasks.ReadWrite.All',
];

const TOKEN_LIFETIME_S = 3600;
const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

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
  const kid = createHash('sha256').update(JSON.stringify({ e: publicJwk.e, kty: publicJwk.kty, n: publicJwk.n })).digest('base64url').slice(0, 27);
  const stored: StoredKey = { kid, privateJwk: await exportJWK(privateKey), publicJwk: { ...publicJwk, kid, use: 'sig', alg: 'RS256' } };
  await mkdir(dir, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(stored), { mode: 0o600 });
  await rename(tmp, file);
  return stored;
}

/** An OAuth error answer shaped like Entra ID's (AADSTS codes), without echoing any secret. */
class OAuthError extends Error {
  constructor(readonly status: number, readonly error: string, readonly aadsts: number, description: string) {
    super(description);
  }
}

type RegisteredApp = LocalTenantState['apps'][number];

function certThumbprints(pem: string): { sha1: string; sha256: string; cert: X509Certificate } {
  const cert = new X509Certificate(pem);
  return { sha1: createHash('sha1').update(cert.raw).digest('base64url'), sha256: createHash('sha256').update(cert.raw).digest('base64url'), cert };
}

export async function createIdentityProvider(deps: { state: LocalTenantState; baseUrl: string; dataDir: string; clock: Clock }): Promise<IdentityProvider> {
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

  const tenantOf = (segment: string): string | undefined => {
    const s = segment.toLowerCase();
    if (state.tenants[s]) return s;
    return Object.values(state.tenants).find((t) => t.domain.toLowerCase() === s)?.id;
  };

  // For common/organizations Entra ID names the issuer with a {tenantid} placeholder: each token has its tenant's.
  const openIdConfiguration = (tid: string) => ({
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
  });

  const resourceOf = (scope: string | undefined): string => {
    const first = (scope ?? '').split(' ').find((s) => s.endsWith('/.default'));
    if (!first) throw new OAuthError(400, 'invalid_scope', 1002012, 'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.');
    const resource = first.slice(0, -'/.default'.length);
    if (resource === GRAPH_RESOURCE || resource === GRAPH_APP_ID) return GRAPH_RESOURCE;
    if (resource === BOT_RESOURCE) return BOT_RESOURCE;
    if (resource === API_RESOURCE) return API_RESOURCE;
    throw new OAuthError(400, 'invalid_resource', 500011, `The resource principal named ${resource} was not found in the tenant.`);
  };

  const authenticateClient = async (tid: string, body: Record<string, string>, authorization: string | undefined): Promise<{ app: RegisteredApp; acr: '1' | '2' }> => {
    let clientId = body['client_id'];
    let secret = body['client_secret'];
    const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
    if (basic?.[1]) {
      const [id, sec] = Buffer.from(basic[1], 'base64').toString('utf8').split(/:(.*)/s);
      clientId = decodeURIComponent(id ?? '');
      secret = decodeURIComponent(sec ?? '');
    }
    if (!clientId) throw new OAuthError(400, 'invalid_request', 900144, "The request body must contain the following parameter: 'client_id'.");
    const app = state.apps.find((a) => a.clientId === clientId);
    if (!app) throw new OAuthError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory.`);
    if (secret !== undefined && secret !== '') {
      if (secret !== app.clientSecret) throw new OAuthError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
      return { app, acr: '1' };
    }
    const assertion = body['client_assertion'];
    if (!assertion) throw new OAuthError(401, 'invalid_client', 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
    if (body['client_assertion_type'] !== ASSERTION_TYPE) throw new OAuthError(400, 'invalid_request', 50027, 'Invalid client_assertion_type.');
    let header: ReturnType<typeof decodeProtectedHeader>;
    try {
      header = decodeProtectedHeader(assertion);
    } catch {
      throw new OAuthError(401, 'invalid_client', 50027, 'Invalid JWT token in client_assertion.');
    }
    const x5tS256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined;
    const x5t = typeof header.x5t === 'string' ? header.x5t : undefined;
    const match = (app.certificates ?? []).map(certThumbprints).find((c) => (x5tS256 && c.sha256 === x5tS256) || (x5t && c.sha1 === x5t));
    if (!match) throw new OAuthError(401, 'invalid_client', 700027, 'The certificate with the thumbprint in client_assertion is not registered on the application.');
    let payload: Awaited<ReturnType<typeof jwtVerify>>['payload'];
    try {
      ({ payload } = await jwtVerify(assertion, match.cert.publicKey, {
        algorithms: ['RS256', 'PS256'],
        audience: [`${baseUrl}/${tid}/oauth2/v2.0/token`, `${baseUrl}/${tid}/v2.0`],
        issuer: app.clientId,
        subject: app.clientId,
        currentDate: clock.now(),
        clockTolerance: 300,
        requiredClaims: ['exp', 'jti'],
      }));
    } catch {
      throw new OAuthError(401, 'invalid_client', 700027, 'Client assertion failed signature validation or its claims are invalid.');
    }
    const now = clock.now().getTime();
    for (const [jti, exp] of seenAssertions) if (exp < now) seenAssertions.delete(jti);
    const jti = String(payload.jti);
    if (seenAssertions.has(jti)) throw new OAuthError(401, 'invalid_client', 700024, 'Client assertion has been used before.');
    seenAssertions.set(jti, (payload.exp ?? 0) * 1000);
    return { app, acr: '2' };
  };

  const issue = async (claims: Record<string, unknown>, tid: string, resource: string): Promise<string> => {
    const nowS = Math.floor(clock.now().getTime() / 1000);
    return new SignJWT({ ...claims, tid, ver: '2.0', uti: randomUUID().replaceAll('-', '').slice(0, 22) })
      .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
      .setIssuer(issuerFor(tid))
      .setAudience(resource)
      .setIssuedAt(nowS)
      .setNotBefore(nowS)
      .setExpirationTime(nowS + TOKEN_LIFETIME_S)
      .sign(privateKey);
  };

  // Sign-in of a person (authorization code with PKCE, as a single-page app or a tab does it). The local tenant has
  // no passwords: its sign-in page lists the people of the tenant (or of every tenant, for /organizations) and the
  // one chosen is signed in. Only loopback redirect URIs are accepted; a code is used once, within 5 minutes.
  const codes = new Map<string, { tid: string; userId: string; clientId: string; redirectUri: string; challenge: string; expires: number }>();
  const loopback = (uri: string) => {
    try {
      const u = new URL(uri);
      return u.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(u.hostname);
    } catch {
      return false;
    }
  };
  const usersIn = (segment: string) => {
    const tids = segment.toLowerCase() === 'organizations' ? Object.keys(state.tenants) : [tenantOf(segment)].filter((t): t is string => !!t);
    return tids.flatMap((tid) => Object.values(state.tenants[tid]?.collections['users'] ?? {})
      .filter((u) => u['accountEnabled'] !== false)
      .map((u) => ({ tid, id: String(u['id']), name: String(u['displayName'] ?? ''), upn: String(u['userPrincipalName'] ?? '') })))
      .sort((a, b) => a.name.localeCompare(b.name));
  };
  const authorizeParams = (q: Record<string, unknown>) => {
    const str = (k: string) => (typeof q[k] === 'string' ? q[k] as string : '');
    const clientId = str('client_id');
    if (!state.apps.some((a) => a.clientId === clientId)) throw new OAuthError(400, 'unauthorized_client', 700016, `Application with identifier '${clientId}' was not found in the directory.`);
    if (str('response_type') !== 'code') throw new OAuthError(400, 'unsupported_response_type', 900144, 'Only response_type=code is supported.');
    if (!loopback(str('redirect_uri'))) throw new OAuthError(400, 'invalid_request', 50011, 'The redirect URI must be a loopback address here.');
    if (str('code_challenge_method') !== 'S256' || !/^[A-Za-z0-9_-]{43}$/.test(str('code_challenge'))) throw new OAuthError(400, 'invalid_request', 501491, 'A PKCE code_challenge with method S256 is required.');
    return { clientId, redirectUri: str('redirect_uri'), challenge: str('code_challenge'), state: str('state'), scope: str('scope') };
  };
  const esc = (v: string) => v.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  const oauthFail = (res: Response, err: unknown) => {
    if (!(err instanceof OAuthError)) throw err;
    res.status(err.status).type('text/plain').send(`AADSTS${err.aadsts}: ${err.message}`);
  };
  const authorizePage = (req: Request, res: Response) => {
    try {
      const p = authorizeParams(req.query as Record<string, unknown>);
      const people = usersIn(String(req.params['tenant']));
      const hidden = Object.entries(req.query).filter(([, v]) => typeof v === 'string').map(([k, v]) => `<input type="hidden" name="${esc(k)}" value="${esc(String(v))}">`).join('');
      res.setHeader('Cache-Control', 'no-store');
      res.type('html').send(`<!doctype html><html lang="nl"><head><meta charset="utf-8"><title>Aanmelden — lokale tenant</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem}button{display:block;width:100%;text-align:left;margin:.25rem 0;padding:.5rem;font-size:1rem}</style></head>
<body><h1>Aanmelden <span lang="en">/ Sign in</span></h1><p>Lokale tenant: kies wie je bent (geen wachtwoord nodig). <span lang="en">Local tenant: choose who you are (no password needed).</span></p>
<form method="post">${hidden}${people.map((u) => `<button type="submit" name="login" value="${esc(`${u.tid}|${u.id}`)}">${esc(u.name)} <small>${esc(u.upn)}</small></button>`).join('')}</form>
<p><small>${esc(p.clientId)}</small></p></body></html>`);
    } catch (err) {
      oauthFail(res, err);
    }
  };
  const authorizeSubmit = (req: Request, res: Response) => {
    try {
      const body = (req.body ?? {}) as Record<string, unknown>;
      const p = authorizeParams(body);
      const [tid = '', userId = ''] = String(body['login'] ?? '').split('|');
      if (!usersIn(String(req.params['tenant'])).some((u) => u.tid === tid && u.id === userId)) throw new OAuthError(400, 'invalid_request', 50034, 'The user account does not exist in this directory.');
      const code = randomUUID().replaceAll('-', '') + randomUUID().replaceAll('-', '');
      codes.set(code, { tid, userId, clientId: p.clientId, redirectUri: p.redirectUri, challenge: p.challenge, expires: clock.now().getTime() + 300_000 });
      const to = new URL(p.redirectUri);
      to.searchParams.set('code', code);
      if (p.state) to.searchParams.set('state', p.state);
      res.redirect(302, to.toString());
    } catch (err) {
      oauthFail(res, err);
    }
  };
  const redeemCode = async (_endpointTenant: string, body: Record<string, string>): Promise<string> => {
    const code = body['code'] ?? '';
    const entry = codes.get(code);
    codes.delete(code);
    if (!entry || entry.expires < clock.now().getTime()) throw new OAuthError(400, 'invalid_grant', 70008, 'The provided authorization code or refresh token has expired or was already used.');
    if (entry.clientId !== body['client_id'] || entry.redirectUri !== body['redirect_uri']) throw new OAuthError(400, 'invalid_grant', 70002, 'The client or redirect URI does not match the authorization request.');
    const verifier = body['code_verifier'] ?? '';
    if (createHash('sha256').update(verifier).digest('base64url') !== entry.challenge) throw new OAuthError(400, 'invalid_grant', 501481, 'The code_verifier does not match the code_challenge.');
    const user = state.tenants[entry.tid]?.collections['users']?.[entry.userId];
    if (!user) throw new OAuthError(400, 'invalid_grant', 50034, 'The user account does not exist in this directory.');
    const app = state.apps.find((a) => a.clientId === entry.clientId);
    return issue({
      azp: entry.clientId, azpacr: '0', appid: entry.clientId, appidacr: '0', app_displayname: app?.displayName,
      idp: issuerFor(entry.tid), idtyp: 'user', oid: entry.userId, sub: nameGuid(entry.tid, 'sub', entry.userId),
      upn: String(user['userPrincipalName'] ?? ''), preferred_username: String(user['userPrincipalName'] ?? ''), name: String(user['displayName'] ?? ''),
      scp: 'access_as_user',
    }, entry.tid, API_RESOURCE);
  };

  const token = async (req: Request, res: Response) => {
    const trace = randomUUID();
    try {
      const segment = String(req.params['tenant']);
      const tid = segment.toLowerCase() === 'organizations' ? 'organizations' : tenantOf(segment);
      if (!tid) throw new OAuthError(400, 'invalid_request', 90002, `Tenant '${String(req.params['tenant'])}' not found.`);
      const body = (req.body ?? {}) as Record<string, string>;
      const grant = body['grant_type'];
      if (grant === 'authorization_code') {
        const accessToken = await redeemCode(tid, body);
        res.setHeader('Cache-Control', 'no-store');
        res.json({ token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S, ext_expires_in: TOKEN_LIFETIME_S, scope: `${API_RESOURCE}/access_as_user`, access_token: accessToken });
        return;
      }
      if (grant !== 'client_credentials') throw new OAuthError(400, 'unsupported_grant_type', 70003, `The app requested an unsupported grant type '${grant ?? ''}'.`);
      if (tid === 'organizations') throw new OAuthError(400, 'invalid_request', 90002, 'Use a tenant-specific endpoint for client credentials.');
      const resource = resourceOf(body['scope']);
      const { app, acr } = await authenticateClient(tid, body, req.headers.authorization);
      const accessToken = await issue({
        azp: app.clientId,
        azpacr: acr,
        appid: app.clientId,
        appidacr: acr,
        app_displayname: app.displayName,
        idp: issuerFor(tid),
        idtyp: 'app',
        oid: nameGuid(tid, 'servicePrincipal', app.clientId),
        sub: nameGuid(tid, 'servicePrincipal', app.clientId),
        roles: resource === GRAPH_RESOURCE ? CONSENTED_ROLES : [],
      }, tid, resource);
      res.setHeader('Cache-Control', 'no-store');
      res.json({ token_type: 'Bearer', expires_in: TOKEN_LIFETIME_S, ext_expires_in: TOKEN_LIFETIME_S, access_token: accessToken });
    } catch (err) {
      if (!(err instanceof OAuthError)) throw err;
      res.status(err.status).json({
        error: err.error,
        error_description: `AADSTS${err.aadsts}: ${err.message} Trace ID: ${trace}`,
        error_codes: [err.aadsts],
        timestamp: clock.now().toISOString().replace('T', ' ').replace(/\.\d+Z$/, 'Z'),
        trace_id: trace,
        correlation_id: randomUUID(),
      });
    }
  };

  // Tenants come and go with the state (reset, reseeding), so the tenant list is read per call.
  const validatorFor = (audiences: string[]): TokenCheck => createTokenCheck({
    keys: createLocalJWKSet(jwks),
    issuerFor,
    audiences,
    tenants: () => Object.keys(state.tenants),
    clock,
  });
  const graphValidator = validatorFor([GRAPH_RESOURCE, GRAPH_APP_ID]);
  const botValidator = validatorFor([BOT_RESOURCE]);

  const verifyWith = (validator: TokenCheck) => async (header?: string): Promise<VerifiedToken> => {
    try {
      const v = await validator(header);
      return { tenantId: v.tenantId, appId: v.appId, roles: v.roles, ...(v.delegated && v.objectId ? { userId: v.objectId } : {}) };
    } catch (err) {
      if (err instanceof TokenRejectedError) {
        const message = err.reason === 'missing' ? 'Access token is empty.' : err.reason === 'expired' ? 'Lifetime validation failed, the token is expired.' : 'Access token validation failure. Invalid audience, issuer, signature or tenant.';
        throw new GraphHttpError(401, 'InvalidAuthenticationToken', message);
      }
      throw err;
    }
  };

  return {
    router(): Router {
      const router = express.Router();
      router.get('/:tenant/v2.0/.well-known/openid-configuration', (req, res) => {
        const segment = String(req.params['tenant']).toLowerCase();
        const tid = MULTI_TENANT.has(segment) ? segment : tenantOf(segment);
        if (!tid) {
          res.status(400).json({ error: 'invalid_tenant', error_description: `AADSTS90002: Tenant '${String(req.params['tenant'])}' not found.`, error_codes: [90002] });
          return;
        }
        res.json(openIdConfiguration(tid));
      });
      router.get('/:tenant/discovery/v2.0/keys', (req, res) => {
        const segment = String(req.params['tenant']).toLowerCase();
        if (!MULTI_TENANT.has(segment) && !tenantOf(segment)) {
          res.status(400).json({ error: 'invalid_tenant', error_codes: [90002] });
          return;
        }
        res.json(jwks);
      });
      // The Bot Framework's OpenID metadata and keys, as login.botframework.com/v1/.well-known/… serve them.
      router.get(BOT_FRAMEWORK_METADATA_PATH, (_req, res) => {
        res.json({
          issuer: BOT_FRAMEWORK_ISSUER,
          authorization_endpoint: 'https://invalid.botframework.com',
          jwks_uri: `${baseUrl}${BOT_FRAMEWORK_KEYS_PATH}`,
          id_token_signing_alg_values_supported: ['RS256'],
          token_endpoint_auth_methods_supported: ['private_key_jwt'],
        });
      });
      router.get(BOT_FRAMEWORK_KEYS_PATH, (_req, res) => {
        res.json(botJwks);
      });
      // Local control: a channel token as the Bot Connector sends it with an activity to a bot (issuer
      // https://api.botframework.com, audience the bot's app id, the activity's serviceUrl in `serviceurl`), so a
      // test can play Teams calling the bot. Only for apps registered here.
      router.post('/_local/botframework/token', express.json({ limit: '16kb' }), (req, res, next) => {
        const body = (req.body ?? {}) as Record<string, unknown>;
        const audience = typeof body['audience'] === 'string' ? body['audience'] : '';
        const serviceUrl = typeof body['serviceUrl'] === 'string' ? body['serviceUrl'] : '';
        if (!state.apps.some((a) => a.clientId === audience)) {
          res.status(400).json({ error: { code: 'BadRequest', message: 'audience must be the app id of an app registered in the local tenant' } });
          return;
        }
        if (!URL.canParse(serviceUrl)) {
          res.status(400).json({ error: { code: 'BadRequest', message: 'serviceUrl must be a URL' } });
          return;
        }
        const nowS = Math.floor(clock.now().getTime() / 1000);
        new SignJWT({ serviceurl: serviceUrl })
          .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: botKey.kid, x5t: botKey.kid })
          .setIssuer(BOT_FRAMEWORK_ISSUER)
          .setAudience(audience)
          .setNotBefore(nowS)
          .setExpirationTime(nowS + TOKEN_LIFETIME_S)
          .sign(botPrivateKey)
          .then((token) => res.json({ token, expires_in: TOKEN_LIFETIME_S }), next);
      });
      router.get('/:tenant/oauth2/v2.0/authorize', authorizePage);
      router.post('/:tenant/oauth2/v2.0/authorize', express.urlencoded({ extended: false, limit: '16kb' }), authorizeSubmit);
      router.post('/:tenant/oauth2/v2.0/token', express.urlencoded({ extended: false, limit: '64kb' }), (req, res, next) => {
        token(req, res).catch(next);
      });
      return router;
    },
    verifyGraphToken: verifyWith(graphValidator),
    verifyBotToken: verifyWith(botValidator),
  };
}
