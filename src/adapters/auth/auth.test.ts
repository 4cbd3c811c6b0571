// Token acquisition (MSAL) against the local tenant's identity endpoints, and token validation: a good token
// passes; forged, expired, other-audience and not-allowed-tenant tokens are refused with their reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { generate } from 'selfsigned';
import { FixedClock } from '../../domain/time/clock.ts';
import { TENANT_IN_MEMORY, startLocalTenant, type LocalTenantHandle } from '@regiekamer/local-tenant';
import { TENANT_A, TENANT_B, testProgramme } from '../../../tests/support/local-tenant.ts';
import { localTenantDirectory } from '../../entry/server/local-tenant-data.ts';
import { createHttpClient, type HttpClient } from '../http/fetch.ts';
import { createBotTokenValidator, openIdKeys } from './bot-token.ts';
import { createMsalTokenSource, TokenAcquisitionError } from './credentials.ts';
import { createTokenValidator, TokenRejectedError } from './validate.ts';

const GRAPH = 'https://graph.microsoft.com';
let tenant: LocalTenantHandle;
let http: HttpClient;
// MSAL stamps client assertions with the real time, so the local tenant's clock starts at the real time here.
const clock = new FixedClock(new Date());

beforeAll(async () => {
  tenant = await startLocalTenant({
    directory: localTenantDirectory(testProgramme()),
    dataDir: TENANT_IN_MEMORY,
    port: 0,
    httpPort: null,
    clock,
  });
  http = createHttpClient({ caCertPem: tenant.caCertPem });
});
afterAll(async () => {
  await tenant.stop();
  await http.close();
});

async function graphGet(token: string, path: string): Promise<{ status: number; body: { error?: { code: string } } }> {
  const res = await http.fetch(`${tenant.baseUrl}/v1.0${path}`, { headers: { Authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as { error?: { code: string } } };
}

function source(secret = tenant.app.clientSecret) {
  return createMsalTokenSource({
    authorityHost: tenant.baseUrl,
    credential: { kind: 'secret', clientId: tenant.app.clientId, secret },
    fetch: http.fetch,
  });
}

describe('client credentials against the local tenant', () => {
  it('gets a token with the client secret, and Graph accepts it in that tenant only', async () => {
    const token = await source().token(TENANT_A, GRAPH);
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString()) as Record<
      string,
      unknown
    >;
    expect(claims).toMatchObject({
      tid: TENANT_A,
      aud: GRAPH,
      azp: tenant.app.clientId,
      iss: `${tenant.baseUrl}/${TENANT_A}/v2.0`,
      ver: '2.0',
      idtyp: 'app',
    });
    expect(claims['roles']).toContain('Calendars.ReadWrite');
    const ok = await graphGet(token, '/users?$top=1');
    expect(ok.status).toBe(200);
    // The same token names tenant A; it is answered there, so a user of tenant B is not found through it.
    const tokenB = await source().token(TENANT_B, GRAPH);
    expect(JSON.parse(Buffer.from(tokenB.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({
      tid: TENANT_B,
    });
  });

  it("refuses a wrong secret with Entra ID's error, without echoing the secret", async () => {
    const err = await source('not-the-secret')
      .token(TENANT_A, GRAPH)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenAcquisitionError);
    expect((err as Error).message).toContain('AADSTS7000215');
    expect((err as Error).message).not.toContain('not-the-secret');
  });

  it('refuses an unknown tenant', async () => {
    const err = await source()
      .token('99999999-9999-4999-8999-999999999999', GRAPH)
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TokenAcquisitionError);
  });

  it('gets a token with a certificate (client assertion) registered on the app', async () => {
    const pems = await generate([{ name: 'commonName', value: 'regiekamer-test' }], {
      keySize: 2048,
      algorithm: 'sha256',
    });
    const app = tenant.state().apps.find((a) => a.clientId === tenant.app.clientId);
    expect(app).toBeDefined();
    if (!app) return;
    const certSource = createMsalTokenSource({
      authorityHost: tenant.baseUrl,
      credential: { kind: 'certificate', clientId: app.clientId, pem: `${pems.private}\n${pems.cert}` },
      fetch: http.fetch,
    });
    // Not registered yet: refused.
    await expect(certSource.token(TENANT_A, GRAPH)).rejects.toBeInstanceOf(TokenAcquisitionError);
    app.certificates = [pems.cert];
    const token = await certSource.token(TENANT_A, GRAPH);
    expect(JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString())).toMatchObject({
      tid: TENANT_A,
      azpacr: '2',
    });
    expect((await graphGet(token, '/users?$top=1')).status).toBe(200);
  });
});

describe('Graph refuses tokens that are not its own', () => {
  it('a forged token (signed by another key, same claims) is 401', async () => {
    const { privateKey } = await generateKeyPair('RS256');
    const good = await source().token(TENANT_A, GRAPH);
    const header = JSON.parse(Buffer.from(good.split('.')[0] ?? '', 'base64url').toString()) as { kid: string };
    const claims = JSON.parse(Buffer.from(good.split('.')[1] ?? '', 'base64url').toString()) as Record<string, unknown>;
    const forged = await new SignJWT(claims).setProtectedHeader({ alg: 'RS256', kid: header.kid }).sign(privateKey);
    const res = await graphGet(forged, '/users');
    expect(res.status).toBe(401);
    expect(res.body.error?.code).toBe('InvalidAuthenticationToken');
  });

  it('an expired token is 401 once the clock passes its expiry', async () => {
    const token = await source().token(TENANT_A, GRAPH);
    expect((await graphGet(token, '/users?$top=1')).status).toBe(200);
    clock.advance(2 * 3600_000);
    try {
      expect((await graphGet(token, '/users?$top=1')).status).toBe(401);
    } finally {
      clock.advance(-2 * 3600_000);
    }
  });

  it('a token for another audience (the Bot Connector) is 401 on Graph', async () => {
    const botToken = await source().token(TENANT_A, 'https://api.botframework.com');
    expect((await graphGet(botToken, '/users')).status).toBe(401);
  });

  it('no token, or a malformed one, is 401', async () => {
    const res = await http.fetch(`${tenant.baseUrl}/v1.0/users`);
    expect(res.status).toBe(401);
    expect((await graphGet('abc.def', '/users')).status).toBe(401);
  });
});

describe("the local tenant standing in for the Bot Framework and for Entra ID's common endpoint", () => {
  it("serves OpenID metadata and keys; its channel tokens pass the bot's validator, its Entra ID tokens do not", async () => {
    const metadata = (await (
      await http.fetch(`${tenant.baseUrl}/botframework/v1/.well-known/openidconfiguration`)
    ).json()) as { issuer: string; jwks_uri: string };
    expect(metadata).toMatchObject({
      issuer: 'https://api.botframework.com',
      jwks_uri: `${tenant.baseUrl}/botframework/v1/.well-known/keys`,
    });
    const keys = (await (await http.fetch(metadata.jwks_uri)).json()) as {
      keys: { kid: string; endorsements?: string[] }[];
    };
    expect(keys.keys[0]?.endorsements).toEqual(['msteams']);
    const framework = openIdKeys(`${tenant.baseUrl}/botframework/v1/.well-known/openidconfiguration`, http.fetch);
    const validate = createBotTokenValidator({
      keys: framework.keys,
      issuer: framework.issuer,
      audience: tenant.app.clientId,
      clock,
    });
    const channelToken = async (body: Record<string, unknown>) =>
      http.fetch(`${tenant.baseUrl}/_local/botframework/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const serviceUrl = `${tenant.baseUrl}/`;
    const issued = await channelToken({ audience: tenant.app.clientId, serviceUrl });
    expect(issued.status).toBe(200);
    const token = ((await issued.json()) as { token: string }).token;
    await expect(validate(`Bearer ${token}`, serviceUrl)).resolves.toEqual({ appId: tenant.app.clientId });
    const reason = (p: Promise<unknown>) =>
      p.then(
        () => 'accepted',
        (e: unknown) => (e instanceof TokenRejectedError ? e.reason : 'other'),
      );
    expect(await reason(validate(`Bearer ${token}`, 'https://elders.example/'))).toBe('missing-claim');
    // An Entra ID token of the same app for the Bot Connector is signed by other keys.
    expect(
      await reason(validate(`Bearer ${await source().token(TENANT_A, 'https://api.botframework.com')}`, serviceUrl)),
    ).toBe('unknown-key');
    // Channel tokens only for apps registered there, and only with a service URL.
    expect((await channelToken({ audience: '99999999-9999-4999-8999-999999999999', serviceUrl })).status).toBe(400);
    expect((await channelToken({ audience: tenant.app.clientId, serviceUrl: 'geen url' })).status).toBe(400);
  });

  it('serves the common and organizations OpenID configuration and keys, as Entra ID does', async () => {
    for (const segment of ['common', 'organizations']) {
      const config = (await (
        await http.fetch(`${tenant.baseUrl}/${segment}/v2.0/.well-known/openid-configuration`)
      ).json()) as { issuer: string; jwks_uri: string };
      expect(config.issuer).toBe(`${tenant.baseUrl}/{tenantid}/v2.0`);
      const res = await http.fetch(config.jwks_uri);
      expect(res.status).toBe(200);
      expect(((await res.json()) as { keys: unknown[] }).keys).toHaveLength(1);
    }
    expect((await http.fetch(`${tenant.baseUrl}/niemand/discovery/v2.0/keys`)).status).toBe(400);
  });
});

describe('createTokenValidator', () => {
  it('names the reason: tenant not allowed, wrong issuer, wrong audience, expired, bad signature', async () => {
    const { privateKey, publicKey } = await generateKeyPair('RS256');
    const jwk = { ...(await exportJWK(publicKey)), kid: 'k1', alg: 'RS256' };
    const vclock = new FixedClock('2026-11-23T09:00:00Z');
    const validate = createTokenValidator({
      keys: createLocalJWKSet({ keys: [jwk] }),
      issuerFor: (tid) => `https://issuer.example/${tid}/v2.0`,
      audiences: ['api://regiekamer'],
      allowedTenants: [TENANT_A],
      clock: vclock,
      clockToleranceSeconds: 0,
    });
    const now = Math.floor(vclock.now().getTime() / 1000);
    const make = (over: { tid?: string; iss?: string; aud?: string; exp?: number; key?: CryptoKey }) =>
      new SignJWT({ tid: over.tid ?? TENANT_A, azp: 'app-1', roles: ['x'] })
        .setProtectedHeader({ alg: 'RS256', kid: 'k1' })
        .setIssuer(over.iss ?? `https://issuer.example/${over.tid ?? TENANT_A}/v2.0`)
        .setAudience(over.aud ?? 'api://regiekamer')
        .setIssuedAt(now)
        .setExpirationTime(over.exp ?? now + 600)
        .sign(over.key ?? privateKey);
    const reason = async (token: string | undefined) =>
      validate(token === undefined ? undefined : `Bearer ${token}`).then(
        () => 'accepted',
        (e: unknown) => (e instanceof TokenRejectedError ? e.reason : 'other'),
      );

    await expect(validate(`Bearer ${await make({})}`)).resolves.toMatchObject({
      tenantId: TENANT_A,
      appId: 'app-1',
      roles: ['x'],
      delegated: false,
    });
    expect(await reason(undefined)).toBe('missing');
    expect(await reason('not-a-jwt')).toBe('malformed');
    expect(await reason(await make({ tid: TENANT_B }))).toBe('tenant-not-allowed');
    expect(await reason(await make({ iss: 'https://evil.example/v2.0' }))).toBe('wrong-issuer');
    expect(await reason(await make({ aud: 'api://other' }))).toBe('wrong-audience');
    expect(await reason(await make({ exp: now - 1 }))).toBe('expired');
    const other = await generateKeyPair('RS256');
    expect(await reason(await make({ key: other.privateKey }))).toBe('bad-signature');
  });
});
