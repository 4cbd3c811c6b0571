// The bot's Bot Connector token always comes from the bot's own tenant (BOT_TENANT_ID, default the programme's host
// tenant), never from a conversation's tenant: new Azure bots are single-tenant (docs/identiteit.md).
import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadProgrammeFile } from '../../adapters/files/programme-file.ts';
import type { TokenSource } from '../../adapters/auth/credentials.ts';
import { BOT_CONNECTOR_RESOURCE, createBotSender } from '../../adapters/bot/connector.ts';
import { ConfigError, loadConfig } from '../../platform/config.ts';
import { botTenantOf } from './bot-tenant.ts';
import { botTokenSource } from './bot.ts';
import type { ConnectedGraph } from '../../adapters/graph/connect.ts';

const loaded = await loadProgrammeFile(new URL('../../../programmes/blnp.yaml', import.meta.url).pathname);
if (!loaded.ok) throw new Error('programmes/blnp.yaml does not load');
const blnp = loaded.programme;
const HOST = '6f1c9a4e-2b7d-4c3f-8e5a-1a9b0c7d2e02'; // Leusden, host: true in blnp.yaml
const PARTNER = '9a2d7e5b-4c1f-4b6a-9d3e-2b8c1f0e3d03'; // Nijkerk
const OWN = '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b06';

const problems = (env: Record<string, string>): string => {
  try {
    loadConfig(env, os.tmpdir());
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.join('\n');
    throw err;
  }
  return '';
};

describe('the bot tenant', () => {
  it('is BOT_TENANT_ID when set (a GUID, lower-cased), else the host tenant of the programme', () => {
    expect(botTenantOf(loadConfig({}, os.tmpdir()), blnp)).toBe(HOST);
    expect(botTenantOf(loadConfig({ BOT_TENANT_ID: OWN.toUpperCase() }, os.tmpdir()), blnp)).toBe(OWN);
    const noHost = { ...blnp, gemeenten: blnp.gemeenten.map((g) => ({ ...g, host: false })) };
    expect(botTenantOf(loadConfig({}, os.tmpdir()), noHost)).toBeUndefined();
  });

  it('refuses a BOT_TENANT_ID that is not a tenant id, in Dutch and English', () => {
    for (const bad of ['leusden.example', 'botframework.com', '6f1c9a4e-2b7d-4c3f-8e5a']) {
      const p = problems({ BOT_TENANT_ID: bad });
      expect(p).toContain('BOT_TENANT_ID moet de tenant-id (GUID) zijn');
      expect(p).toContain('BOT_TENANT_ID must be the tenant id (GUID)');
    }
    expect(problems({ BOT_TENANT_ID: OWN })).toBe('');
  });
});

describe("the bot's sender", () => {
  const fixture = () => {
    const asked: { tenantId: string; resource: string }[] = [];
    const tokens: TokenSource = {
      token: async (tenantId, resource) => {
        asked.push({ tenantId, resource });
        return `token-of-${tenantId}`;
      },
    };
    const sentWith: string[] = [];
    const fetch = (async (_url: string, init?: RequestInit) => {
      sentWith.push(String((init?.headers as Record<string, string>)['authorization']));
      return new Response(JSON.stringify({ id: '1' }), { status: 201 });
    }) as typeof globalThis.fetch;
    return { asked, sentWith, tokens, fetch };
  };
  const to = (tenantId: string) => ({ serviceUrl: 'https://smba.example.test/emea/', conversationId: 'a:1', tenantId });

  it("asks the bot tenant for the token, whatever the conversation's tenant", async () => {
    const f = fixture();
    const sender = createBotSender({ tokens: f.tokens, fetch: f.fetch, tokenTenant: HOST, pacing: false });
    expect((await sender.send(to(PARTNER), { type: 'message', text: 'x' })).ok).toBe(true);
    expect((await sender.send(to(HOST), { type: 'message', text: 'y' })).ok).toBe(true);
    expect(f.asked).toEqual([
      { tenantId: HOST, resource: BOT_CONNECTOR_RESOURCE },
      { tenantId: HOST, resource: BOT_CONNECTOR_RESOURCE },
    ]);
    expect(f.sentWith).toEqual([`Bearer token-of-${HOST}`, `Bearer token-of-${HOST}`]);
  });

  it("without a bot tenant (tests of a connector that takes any tenant) asks the conversation's", async () => {
    const f = fixture();
    const sender = createBotSender({ tokens: f.tokens, fetch: f.fetch, pacing: false });
    await sender.send(to(PARTNER), { type: 'message', text: 'x' });
    expect(f.asked).toEqual([{ tenantId: PARTNER, resource: BOT_CONNECTOR_RESOURCE }]);
  });
});

describe("the bot's own app registration (tenant mode)", () => {
  const GRAPH_APP = '1b2c3d4e-5f60-4718-9a0b-1c2d3e4f5a6b';
  const BOT_APP = '7a1c2e3f-4b5d-4c6e-8f70-1a2b3c4d5e6f';
  const graphTokens: TokenSource = { token: async () => 'graph-app-token' };
  const connected = { tokens: graphTokens, fetch: globalThis.fetch } as unknown as ConnectedGraph;
  const config = (env: Record<string, string>) =>
    loadConfig(
      { REGIEKAMER_MODE: 'tenant', GRAPH_CLIENT_ID: GRAPH_APP, GRAPH_CLIENT_SECRET: 'geheim', ...env },
      os.tmpdir(),
    );

  it("uses the Graph app's tokens when BOT_ID is that app", async () => {
    expect(await botTokenSource(config({ BOT_ID: GRAPH_APP }), GRAPH_APP, connected)).toBe(graphTokens);
  });

  it('refuses to start a bot of another app without its own secret or certificate, in Dutch and English', async () => {
    const err = await botTokenSource(config({ BOT_ID: BOT_APP }), BOT_APP, connected).catch((e: unknown) => e);
    expect(String(err)).toContain('BOT_ID is een andere app dan GRAPH_CLIENT_ID');
    expect(String(err)).toContain("give the bot's app registration's secret or certificate");
  });

  it("makes the bot's own token source from BOT_CLIENT_SECRET, apart from the Graph app's", async () => {
    const own = await botTokenSource(config({ BOT_ID: BOT_APP, BOT_CLIENT_SECRET: 'bot-geheim' }), BOT_APP, connected);
    expect(own).not.toBe(graphTokens);
    expect(typeof own.token).toBe('function');
  });
});
