// A single-tenant bot at the Bot Connector stand-in (LocalTenantOptions.botTenantId): its token is taken only when its
// own tenant issued it, and it reaches in a personal chat only people with an account in its tenant — members and
// redeemed guests — as the service refuses the rest (docs/identiteit.md).
import { afterEach, describe, expect, it } from 'vitest';
import { startTestTenant, TENANT_A, TENANT_B, testToken, type TestTenant } from './testing.ts';

let t: TestTenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

const userId = (tt: TestTenant, tid: string, upn: string): string => {
  const users = Object.values(tt.handle.state().tenants[tid]?.collections['users'] ?? {});
  const u = users.find((x) => String(x['userPrincipalName']).toLowerCase() === upn);
  if (!u) throw new Error(`no ${upn}`);
  return String(u['id']);
};

/** POST /v3/conversations for a one-on-one chat with `memberId`, the bot's token issued by `tokenTenant`. */
const createChat = (tt: TestTenant, tokenTenant: string, memberId: string, tenantInBody = TENANT_A) =>
  tt.call(
    'POST',
    '/v3/conversations',
    {
      bot: { id: '28:bot' },
      members: [{ id: `29:${memberId}` }],
      channelData: { tenant: { id: tenantInBody } },
      activity: { type: 'message', text: 'Hallo' },
    },
    { Authorization: testToken(tokenTenant) },
  );

describe('a single-tenant bot at the Bot Connector', () => {
  it("takes the bot's token only from its own tenant", async () => {
    t = await startTestTenant({ botTenantId: TENANT_A });
    const anna = userId(t, TENANT_A, 'anna@alfa.example');
    const fromOther = await createChat(t, TENANT_B, anna);
    expect(fromOther.status).toBe(401);
    expect(fromOther.body).toMatchObject({ error: { code: 'Unauthorized' } });
    // Sending into a conversation is refused the same way.
    const send = await t.call(
      'POST',
      '/v3/conversations/a%3Aany/activities',
      { type: 'message', text: 'x' },
      { Authorization: testToken(TENANT_B) },
    );
    expect(send.status).toBe(401);
    expect(t.handle.bot.activities()).toEqual([]);

    const own = await createChat(t, TENANT_A, anna);
    expect(own.status).toBe(201);
    expect(t.handle.bot.activities({ conversationId: String(own.body.id) })).toHaveLength(1);
  });

  it('refuses a personal chat with a person of another tenant who has no account in the bot tenant (403)', async () => {
    t = await startTestTenant({ botTenantId: TENANT_A });
    const bram = userId(t, TENANT_B, 'bram@beta.example');
    for (const tenantInBody of [TENANT_A, TENANT_B]) {
      const r = await createChat(t, TENANT_A, bram, tenantInBody);
      expect(r.status).toBe(403);
      expect(r.body).toMatchObject({
        error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
      });
    }
    expect(t.handle.bot.activities()).toEqual([]);
  });

  it('reaches a guest of the bot tenant once the invitation is redeemed, not before', async () => {
    t = await startTestTenant({ botTenantId: TENANT_A });
    const invited = await t.graph(TENANT_A, 'POST', '/invitations', {
      invitedUserEmailAddress: 'daan.hendriks@beta.example',
      inviteRedirectUrl: 'https://teams.microsoft.com',
    });
    expect(invited.status).toBe(201);
    const guestId = String((invited.body.invitedUser as { id: string }).id);
    expect((await createChat(t, TENANT_A, guestId)).status).toBe(403);
    expect(t.handle.acceptInvitation('daan.hendriks@beta.example', TENANT_A)).toHaveLength(1);
    expect((await createChat(t, TENANT_A, guestId)).status).toBe(201);
  });

  it('without a bot tenant, takes any tenant here and any member (a legacy multi-tenant bot)', async () => {
    t = await startTestTenant();
    const bram = userId(t, TENANT_B, 'bram@beta.example');
    expect((await createChat(t, TENANT_A, bram)).status).toBe(201);
    expect((await createChat(t, TENANT_B, bram, TENANT_B)).status).toBe(201);
  });
});
