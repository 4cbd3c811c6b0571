// The local tenant's token endpoint: client credentials by client secret or certificate (client_assertion, used
// once), authorization codes from the sign-in page (PKCE), and RS256 access tokens shaped like Entra ID v2 ones.
import { createHash, randomUUID, X509Certificate } from 'node:crypto';
import type { Request, Response } from 'express';
import { decodeProtectedHeader, jwtVerify, SignJWT } from 'jose';
import { nameGuid } from './seed.ts';
import { consentedRolesIn } from './tenant-setup.ts';
import {
  API_RESOURCE,
  ASSERTION_TYPE,
  BOT_RESOURCE,
  GRAPH_APP_ID,
  GRAPH_RESOURCE,
  OAuthError,
  tenantOf,
  TOKEN_LIFETIME_S,
  type IdentityRuntime,
  type RegisteredApp,
} from './identity-keys.ts';

function certThumbprints(pem: string): { sha1: string; sha256: string; cert: X509Certificate } {
  const cert = new X509Certificate(pem);
  return {
    sha1: createHash('sha1').update(cert.raw).digest('base64url'),
    sha256: createHash('sha256').update(cert.raw).digest('base64url'),
    cert,
  };
}

function resourceOf(scope: string | undefined): string {
  const first = (scope ?? '').split(' ').find((s) => s.endsWith('/.default'));
  if (!first)
    throw new OAuthError(
      400,
      'invalid_scope',
      1002012,
      'The provided value for scope is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.',
    );
  const resource = first.slice(0, -'/.default'.length);
  if (resource === GRAPH_RESOURCE || resource === GRAPH_APP_ID) return GRAPH_RESOURCE;
  if (resource === BOT_RESOURCE) return BOT_RESOURCE;
  if (resource === API_RESOURCE) return API_RESOURCE;
  throw new OAuthError(
    400,
    'invalid_resource',
    500011,
    `The resource principal named ${resource} was not found in the tenant.`,
  );
}

async function authenticateClient(
  idp: IdentityRuntime,
  tid: string,
  body: Record<string, string>,
  authorization: string | undefined,
): Promise<{ app: RegisteredApp; acr: '1' | '2' }> {
  const { state, baseUrl, clock, seenAssertions } = idp;
  let clientId = body['client_id'];
  let secret = body['client_secret'];
  const basic = /^Basic\s+(\S+)$/i.exec(authorization ?? '');
  if (basic?.[1]) {
    const [id, sec] = Buffer.from(basic[1], 'base64').toString('utf8').split(/:(.*)/s);
    clientId = decodeURIComponent(id ?? '');
    secret = decodeURIComponent(sec ?? '');
  }
  if (!clientId)
    throw new OAuthError(
      400,
      'invalid_request',
      900144,
      "The request body must contain the following parameter: 'client_id'.",
    );
  const app = state.apps.find((a) => a.clientId === clientId);
  if (!app)
    throw new OAuthError(
      400,
      'unauthorized_client',
      700016,
      `Application with identifier '${clientId}' was not found in the directory.`,
    );
  if (secret !== undefined && secret !== '') {
    if (secret !== app.clientSecret)
      throw new OAuthError(401, 'invalid_client', 7000215, 'Invalid client secret provided.');
    return { app, acr: '1' };
  }
  const assertion = body['client_assertion'];
  if (!assertion)
    throw new OAuthError(
      401,
      'invalid_client',
      7000218,
      "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.",
    );
  if (body['client_assertion_type'] !== ASSERTION_TYPE)
    throw new OAuthError(400, 'invalid_request', 50027, 'Invalid client_assertion_type.');
  let header: ReturnType<typeof decodeProtectedHeader>;
  try {
    header = decodeProtectedHeader(assertion);
  } catch {
    throw new OAuthError(401, 'invalid_client', 50027, 'Invalid JWT token in client_assertion.');
  }
  const x5tS256 = typeof header['x5t#S256'] === 'string' ? header['x5t#S256'] : undefined;
  const x5t = typeof header.x5t === 'string' ? header.x5t : undefined;
  const match = (app.certificates ?? [])
    .map(certThumbprints)
    .find((c) => (x5tS256 && c.sha256 === x5tS256) || (x5t && c.sha1 === x5t));
  if (!match)
    throw new OAuthError(
      401,
      'invalid_client',
      700027,
      'The certificate with the thumbprint in client_assertion is not registered on the application.',
    );
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
    throw new OAuthError(
      401,
      'invalid_client',
      700027,
      'Client assertion failed signature validation or its claims are invalid.',
    );
  }
  const now = clock.now().getTime();
  for (const [jti, exp] of seenAssertions) if (exp < now) seenAssertions.delete(jti);
  const jti = String(payload.jti);
  if (seenAssertions.has(jti))
    throw new OAuthError(401, 'invalid_client', 700024, 'Client assertion has been used before.');
  seenAssertions.set(jti, (payload.exp ?? 0) * 1000);
  return { app, acr: '2' };
}

/** A signed access token for `resource` in tenant `tid`, valid TOKEN_LIFETIME_S seconds. */
async function issue(
  idp: IdentityRuntime,
  claims: Record<string, unknown>,
  tid: string,
  resource: string,
): Promise<string> {
  const { clock, key, privateKey, issuerFor } = idp;
  const nowS = Math.floor(clock.now().getTime() / 1000);
  return new SignJWT({ ...claims, tid, ver: '2.0', uti: randomUUID().replaceAll('-', '').slice(0, 22) })
    .setProtectedHeader({ alg: 'RS256', typ: 'JWT', kid: key.kid })
    .setIssuer(issuerFor(tid))
    .setAudience(resource)
    .setIssuedAt(nowS)
    .setNotBefore(nowS)
    .setExpirationTime(nowS + TOKEN_LIFETIME_S)
    .sign(privateKey);
}

/** Redeems a sign-in's authorization code (PKCE S256) for a delegated token to the product's API. */
async function redeemCode(
  idp: IdentityRuntime,
  _endpointTenant: string,
  body: Record<string, string>,
): Promise<string> {
  const { state, clock, codes, issuerFor } = idp;
  const code = body['code'] ?? '';
  const entry = codes.get(code);
  codes.delete(code);
  if (!entry || entry.expires < clock.now().getTime())
    throw new OAuthError(
      400,
      'invalid_grant',
      70008,
      'The provided authorization code or refresh token has expired or was already used.',
    );
  if (entry.clientId !== body['client_id'] || entry.redirectUri !== body['redirect_uri'])
    throw new OAuthError(
      400,
      'invalid_grant',
      70002,
      'The client or redirect URI does not match the authorization request.',
    );
  const verifier = body['code_verifier'] ?? '';
  if (createHash('sha256').update(verifier).digest('base64url') !== entry.challenge)
    throw new OAuthError(400, 'invalid_grant', 501481, 'The code_verifier does not match the code_challenge.');
  const user = state.tenants[entry.tid]?.collections['users']?.[entry.userId];
  if (!user) throw new OAuthError(400, 'invalid_grant', 50034, 'The user account does not exist in this directory.');
  const app = state.apps.find((a) => a.clientId === entry.clientId);
  return issue(
    idp,
    {
      azp: entry.clientId,
      azpacr: '0',
      appid: entry.clientId,
      appidacr: '0',
      app_displayname: app?.displayName,
      idp: issuerFor(entry.tid),
      idtyp: 'user',
      oid: entry.userId,
      sub: nameGuid(entry.tid, 'sub', entry.userId),
      upn: String(user['userPrincipalName'] ?? ''),
      preferred_username: String(user['userPrincipalName'] ?? ''),
      name: String(user['displayName'] ?? ''),
      scp: 'access_as_user',
    },
    entry.tid,
    API_RESOURCE,
  );
}

/** POST /{tenant}/oauth2/v2.0/token: errors answer as Entra ID's do (AADSTS code, trace id), without secrets. */
export async function tokenEndpoint(idp: IdentityRuntime, req: Request, res: Response): Promise<void> {
  const { clock, issuerFor } = idp;
  const trace = randomUUID();
  try {
    const segment = String(req.params['tenant']);
    const tid = segment.toLowerCase() === 'organizations' ? 'organizations' : tenantOf(idp, segment);
    if (!tid)
      throw new OAuthError(400, 'invalid_request', 90002, `Tenant '${String(req.params['tenant'])}' not found.`);
    const body = (req.body ?? {}) as Record<string, string>;
    const grant = body['grant_type'];
    if (grant === 'authorization_code') {
      const accessToken = await redeemCode(idp, tid, body);
      res.setHeader('Cache-Control', 'no-store');
      res.json({
        token_type: 'Bearer',
        expires_in: TOKEN_LIFETIME_S,
        ext_expires_in: TOKEN_LIFETIME_S,
        scope: `${API_RESOURCE}/access_as_user`,
        access_token: accessToken,
      });
      return;
    }
    if (grant !== 'client_credentials')
      throw new OAuthError(
        400,
        'unsupported_grant_type',
        70003,
        `The app requested an unsupported grant type '${grant ?? ''}'.`,
      );
    if (tid === 'organizations')
      throw new OAuthError(400, 'invalid_request', 90002, 'Use a tenant-specific endpoint for client credentials.');
    const resource = resourceOf(body['scope']);
    const { app, acr } = await authenticateClient(idp, tid, body, req.headers.authorization);
    const accessToken = await issue(
      idp,
      {
        azp: app.clientId,
        azpacr: acr,
        appid: app.clientId,
        appidacr: acr,
        app_displayname: app.displayName,
        idp: issuerFor(tid),
        idtyp: 'app',
        oid: nameGuid(tid, 'servicePrincipal', app.clientId),
        sub: nameGuid(tid, 'servicePrincipal', app.clientId),
        roles: resource === GRAPH_RESOURCE ? consentedRolesIn(idp.state, tid) : [],
      },
      tid,
      resource,
    );
    res.setHeader('Cache-Control', 'no-store');
    res.json({
      token_type: 'Bearer',
      expires_in: TOKEN_LIFETIME_S,
      ext_expires_in: TOKEN_LIFETIME_S,
      access_token: accessToken,
    });
  } catch (err) {
    if (!(err instanceof OAuthError)) throw err;
    res.status(err.status).json({
      error: err.error,
      error_description: `AADSTS${err.aadsts}: ${err.message} Trace ID: ${trace}`,
      error_codes: [err.aadsts],
      timestamp: clock
        .now()
        .toISOString()
        .replace('T', ' ')
        .replace(/\.\d+Z$/, 'Z'),
      trace_id: trace,
      correlation_id: randomUUID(),
    });
  }
}
