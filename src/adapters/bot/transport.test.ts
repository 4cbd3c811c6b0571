// The bot endpoint refuses activities without a valid Bot Framework token (missing, forged, expired, another
// audience, a token for another serviceUrl) with 401 and never reaches the bot's logic; a valid token from a
// tenant outside the programme gets 403; only an endpoint in local loopback mode takes token-less activities.
import type { AddressInfo } from 'node:net';
import { createServer, type Server } from 'node:http';
import express from 'express';
import { createLocalJWKSet, exportJWK, generateKeyPair, SignJWT, type JWK } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FixedClock } from '../../domain/time/clock.ts';
import { BOT_FRAMEWORK_ISSUER, createBotTokenValidator } from '../auth/bot-token.ts';
import { createBotEndpoint, type BotLogic, type Inbound } from './transport.ts';

const APP_ID = '0f0f0f0f-1111-4222-8333-444455556666';
const TENANT = '11111111-1111-4111-8111-111111111111';
const SERVICE_URL = 'https://smba.example.test/emea/';
const clock = new FixedClock('2026-12-01T09:00:00Z');

type Key = Awaited<ReturnType<typeof generateKeyPair>>['privateKey'];
let good: Key;
let other: Key;
let jwks: { keys: JWK[] };
const calls: { kind: string; inbound: Inbound; detail: string }[] = [];
const logic: BotLogic = {
  async message(inbound, text) {
    calls.push({ kind: 'message', inbound, detail: text });
    return [];
  },
  async cardAction(inbound, verb) {
    calls.push({ kind: 'card', inbound, detail: verb });
    return { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: `ok ${verb}` }] };
  },
  async installed(inbound) {
    calls.push({ kind: 'installed', inbound, detail: '' });
    return [];
  },
  async removed(inbound) {
    calls.push({ kind: 'removed', inbound, detail: '' });
  },
};

const servers: Server[] = [];
async function serve(allowUnauthenticated: boolean): Promise<string> {
  const validate = createBotTokenValidator({ keys: createLocalJWKSet(jwks), audience: APP_ID, clock });
  const app = express();
  app.use(
    '/api/messages',
    createBotEndpoint({ logic, validate, allowUnauthenticated, allowedTenants: new Set([TENANT]) }).router,
  );
  const server = createServer(app);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/messages`;
}

async function token(
  o: { key?: Key; kid?: string; aud?: string; iss?: string; exp?: number; serviceurl?: string } = {},
): Promise<string> {
  const now = Math.floor(clock.now().getTime() / 1000);
  return new SignJWT({ serviceurl: o.serviceurl ?? SERVICE_URL })
    .setProtectedHeader({ alg: 'RS256', kid: o.kid ?? 'k1' })
    .setIssuer(o.iss ?? BOT_FRAMEWORK_ISSUER)
    .setAudience(o.aud ?? APP_ID)
    .setIssuedAt(now - 60)
    .setExpirationTime(o.exp ?? now + 3600)
    .sign(o.key ?? good);
}

const activity = (tenantId = TENANT, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  id: 'a1',
  text: 'help',
  channelId: 'msteams',
  serviceUrl: SERVICE_URL,
  from: { id: '29:user', aadObjectId: '22222222-2222-4222-8222-222222222222' },
  recipient: { id: `28:${APP_ID}` },
  conversation: { id: 'a:conv', conversationType: 'personal', tenantId },
  channelData: { tenant: { id: tenantId } },
  ...extra,
});

async function post(url: string, body: unknown, auth?: string): Promise<{ status: number; body: unknown }> {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(auth ? { authorization: auth } : {}) },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

beforeAll(async () => {
  good = (await generateKeyPair('RS256', { extractable: true })).privateKey;
  const pair = await generateKeyPair('RS256', { extractable: true });
  other = pair.privateKey;
  // The issuer's key set holds the public half of `good` only.
  const { createPublicKey } = await import('node:crypto');
  jwks = { keys: [{ ...(await exportJWK(createPublicKey(good as never))), kid: 'k1', alg: 'RS256', use: 'sig' }] };
});
afterAll(async () => {
  for (const s of servers) await new Promise<void>((resolve) => s.close(() => resolve()));
});

describe('the bot endpoint', () => {
  it('accepts a valid Bot Framework token and hands message and Action.Execute to the logic', async () => {
    const url = await serve(false);
    calls.length = 0;
    expect((await post(url, activity(), `Bearer ${await token()}`)).status).toBe(200);
    expect(calls.map((c) => [c.kind, c.detail, c.inbound.conversation.tenantId, c.inbound.from.aadObjectId])).toEqual([
      ['message', 'help', TENANT, '22222222-2222-4222-8222-222222222222'],
    ]);
    const invoke = activity(TENANT, {
      type: 'invoke',
      name: 'adaptiveCard/action',
      text: undefined,
      value: { action: { type: 'Action.Execute', verb: 'update.submit', data: { werkgroep: 'x' } } },
    });
    const r = await post(url, invoke, `Bearer ${await token()}`);
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      statusCode: 200,
      type: 'application/vnd.microsoft.card.adaptive',
      value: { body: [{ text: 'ok update.submit' }] },
    });
  });

  it.each([
    ['no token', async () => undefined],
    ['a forged token (another key under the same kid)', async () => `Bearer ${await token({ key: other })}`],
    ['an expired token', async () => `Bearer ${await token({ exp: Math.floor(clock.now().getTime() / 1000) - 3600 })}`],
    ['a token for another bot', async () => `Bearer ${await token({ aud: '99999999-9999-4999-8999-999999999999' })}`],
    ['a token from another issuer', async () => `Bearer ${await token({ iss: 'https://sts.windows.net/evil/' })}`],
    [
      'a token for another serviceUrl',
      async () => `Bearer ${await token({ serviceurl: 'https://elsewhere.example/' })}`,
    ],
    ['garbage', async () => 'Bearer not.a.token'],
  ])('refuses %s with 401, before the logic runs', async (_name, auth) => {
    const url = await serve(false);
    calls.length = 0;
    const r = await post(url, activity(), await auth());
    expect(r.status).toBe(401);
    expect(JSON.stringify(r.body)).toContain('Ongeldig of ontbrekend token');
    expect(calls).toEqual([]);
  });

  it('refuses a valid token from a tenant outside the programme with 403', async () => {
    const url = await serve(false);
    calls.length = 0;
    const r = await post(url, activity('33333333-3333-4333-8333-333333333333'), `Bearer ${await token()}`);
    expect(r.status).toBe(403);
    expect(calls).toEqual([]);
  });

  it('takes token-less activities only in local loopback mode, and still validates a token that is sent', async () => {
    const local = await serve(true);
    calls.length = 0;
    // The Playground's reply address is on this machine (a token-less activity elsewhere is refused: bad-input.test).
    const playground = { serviceUrl: 'http://localhost:56150/_connector' };
    expect((await post(local, activity('00000000-0000-0000-0000-0000000000001', playground))).status).toBe(200);
    expect(calls).toHaveLength(1);
    expect((await post(local, activity(), `Bearer ${await token({ key: other })}`)).status).toBe(401);
    expect(calls).toHaveLength(1);
  });
});
