// Signing a person in at the local tenant (authorization code + PKCE, as the tab does outside Teams), and the API
// refusing what it must: a forged token, an expired one, one of a tenant outside the programme and one for another
// audience each get 401 — with the same validator the server uses.
import { createHash, randomBytes } from 'node:crypto';
import express from 'express';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRemoteJWKSet, customFetch, generateKeyPair, SignJWT, decodeJwt } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  startGatewayFixture,
  TENANT_A,
  TENANT_B,
  TENANT_C,
  testProgramme,
  type GatewayFixture,
} from '../../../tests/support/local-tenant.ts';
import { createTokenValidator } from '../../adapters/auth/validate.ts';
import { openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { apiRouter } from './api.ts';

const REDIRECT = 'http://127.0.0.1:3978/tab/aanmelden/terug';
let f: GatewayFixture;
let store: Store;
beforeAll(async () => {
  f = await startGatewayFixture();
  store = await openStore({ dataDir: 'memory://' });
  await store.migrate();
});
afterAll(async () => {
  await store?.close();
  await f?.close();
});

const pkce = () => {
  const verifier = randomBytes(32).toString('base64url');
  return { verifier, challenge: createHash('sha256').update(verifier).digest('base64url') };
};

async function signIn(
  tenant: string,
  who: RegExp,
  o: { verifier?: string; redirect?: string } = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const { verifier, challenge } = pkce();
  const clientId = f.tenant.app.clientId;
  const q = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    redirect_uri: o.redirect ?? REDIRECT,
    scope: 'api://regiekamer/access_as_user openid',
    code_challenge: challenge,
    code_challenge_method: 'S256',
    state: 'xyz',
  });
  const page = await f.graph.fetch(`${f.tenant.baseUrl}/${tenant}/oauth2/v2.0/authorize?${q}`);
  const html = await page.text();
  if (page.status !== 200) return { status: page.status, body: { error: html } };
  const login = [...html.matchAll(/value="([^"]+)">([^<]+)/g)]
    .find((m) => who.test(m[2] ?? ''))?.[1]
    ?.replaceAll('&#124;', '|');
  expect(login).toBeTruthy();
  const form = new URLSearchParams({ ...Object.fromEntries(q), login: login as string });
  const back = await f.graph.fetch(`${f.tenant.baseUrl}/${tenant}/oauth2/v2.0/authorize`, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  expect(back.status).toBe(302);
  const location = new URL(back.headers.get('location') ?? '');
  expect(location.searchParams.get('state')).toBe('xyz');
  const tokenRes = await f.graph.fetch(`${f.tenant.baseUrl}/${tenant}/oauth2/v2.0/token`, {
    method: 'POST',
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      client_id: clientId,
      code: location.searchParams.get('code') ?? '',
      redirect_uri: REDIRECT,
      code_verifier: o.verifier ?? verifier,
    }),
  });
  return { status: tokenRes.status, body: (await tokenRes.json()) as Record<string, unknown> };
}

describe('signing in at the local tenant', () => {
  it('lists the people and issues a delegated token for the API to the one chosen', async () => {
    const r = await signIn('organizations', /Bram Beta/);
    expect(r.status).toBe(200);
    const claims = decodeJwt(String(r.body['access_token']));
    expect(claims).toMatchObject({
      aud: 'api://regiekamer',
      scp: 'access_as_user',
      tid: TENANT_B,
      upn: 'bram@beta.example',
      name: 'Bram Beta',
    });
  });

  it('refuses a wrong PKCE verifier, and a redirect that is not loopback', async () => {
    const wrong = await signIn(TENANT_A, /Anna Alfa/, { verifier: pkce().verifier });
    expect(wrong.status).toBe(400);
    expect(wrong.body['error']).toBe('invalid_grant');
    const away = await signIn(TENANT_A, /Anna/, { redirect: 'https://evil.example/cb' });
    expect(away.status).toBe(400);
    expect(String(away.body['error'])).toContain('loopback');
  });
});

describe('the API refuses bad tokens with 401', () => {
  let url: string;
  const clock = new FixedClock(new Date());
  beforeAll(async () => {
    const programme = testProgramme();
    const keys = createRemoteJWKSet(new URL(`${f.tenant.baseUrl}/${TENANT_A}/discovery/v2.0/keys`), {
      [customFetch]: f.graph.fetch,
    });
    // The programme's tenants minus Gamma: a person of Gamma signs in fine but is not allowed here.
    const validate = createTokenValidator({
      keys,
      issuerFor: (tid) => `${f.tenant.baseUrl}/${tid}/v2.0`,
      audiences: ['api://regiekamer'],
      allowedTenants: [TENANT_A, TENANT_B],
      clock,
    });
    const app = express();
    app.use(
      '/api',
      apiRouter({ store, programme, clock, validate, today: () => '2026-12-01', changed: () => undefined }),
    );
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/acties`;
    return () => new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const get = (token: string) => fetch(url, { headers: { authorization: `Bearer ${token}` } });

  it('accepts a signed-in person of the programme', async () => {
    const r = await signIn('organizations', /Anna Alfa/);
    expect((await get(String(r.body['access_token']))).status).toBe(200);
  });

  it('forged, expired, another tenant, another audience: 401 each', async () => {
    const good = String((await signIn('organizations', /Anna Alfa/)).body['access_token']);
    const claims = decodeJwt(good);
    const { privateKey } = await generateKeyPair('RS256');
    const forged = await new SignJWT(claims)
      .setProtectedHeader({
        alg: 'RS256',
        kid: JSON.parse(Buffer.from(good.split('.')[0] as string, 'base64url').toString()).kid,
      })
      .sign(privateKey);
    expect((await get(forged)).status).toBe(401);

    clock.advance(2 * 3600 * 1000);
    expect((await get(good)).status).toBe(401);
    clock.set(new Date());

    const gamma = String((await signIn('organizations', /Gert Gamma/)).body['access_token']);
    expect(decodeJwt(gamma).tid).toBe(TENANT_C);
    const other = await get(gamma);
    expect(other.status).toBe(401);
    expect(await other.json()).toMatchObject({ reason: 'tenant-not-allowed' });

    const graphToken = await f.graph.tokens.token(TENANT_A, 'https://graph.microsoft.com');
    const aud = await get(graphToken);
    expect(aud.status).toBe(401);
    expect(await aud.json()).toMatchObject({ reason: 'wrong-audience' });
  });
});
