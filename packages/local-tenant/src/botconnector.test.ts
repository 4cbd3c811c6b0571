// The Bot Connector stand-in over HTTPS: the documented per-conversation and per-tenant rate limits,
// recorded deliveries, one-on-one conversations, replies and updates, blocked and gone conversations.
import { afterEach, describe, expect, it } from 'vitest';
import { FixedClock, startTestTenant, TENANT_A, TENANT_B, testToken, type TestTenant } from './testing.ts';

let t: TestTenant | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
});

type Item = Record<string, unknown>;
const conv = (id: string) => `/v3/conversations/${encodeURIComponent(id)}/activities`;
const message = (text: string) => ({ type: 'message', text });

async function send(tt: TestTenant, tenant: string, conversationId: string, text: string) {
  return tt.call('POST', conv(conversationId), message(text), { Authorization: testToken(tenant) });
}

describe('bot connector', () => {
  it('allows 7 per second and 8 per 2 seconds per conversation, answering 429 + Retry-After beyond that', async () => {
    const clock = new FixedClock('2026-11-23T09:00:00Z');
    t = await startTestTenant({ clock });
    const id = '19:0123456789abcdef0123456789abcdef@thread.tacv2';
    const first = [];
    for (let i = 0; i < 8; i++) first.push((await send(t, TENANT_A, id, `bericht ${i}`)).status);
    expect(first).toEqual([201, 201, 201, 201, 201, 201, 201, 429]);
    clock.advance(1000);
    expect((await send(t, TENANT_A, id, 'bericht 8')).status).toBe(201);
    const ninth = await send(t, TENANT_A, id, 'bericht 9');
    expect(ninth.status).toBe(429);
    expect(ninth.headers.get('retry-after')).toBe('1');
    // Another conversation has its own budget.
    expect((await send(t, TENANT_A, '19:other@thread.tacv2', 'elders')).status).toBe(201);
    clock.advance(1000);
    expect((await send(t, TENANT_A, id, 'bericht 10')).status).toBe(201);

    // Every accepted activity is recorded once; throttled ones are not.
    const recorded = await t.call('GET', `/_local/bot/activities?conversationId=${encodeURIComponent(id)}`);
    const texts = (recorded.body.value ?? []).map((r) => (r.activity as Item).text);
    expect(texts).toEqual([
      'bericht 0',
      'bericht 1',
      'bericht 2',
      'bericht 3',
      'bericht 4',
      'bericht 5',
      'bericht 6',
      'bericht 8',
      'bericht 10',
    ]);
    expect(new Set((recorded.body.value ?? []).map((r) => r.id)).size).toBe(texts.length);
    expect(t.handle.stats().throttled429).toBe(2);
  });

  it('allows 60 per 30 seconds per conversation and about 50 per second per tenant', async () => {
    const clock = new FixedClock('2026-11-23T09:00:00Z');
    t = await startTestTenant({ clock });
    const id = 'a:slow-but-steady';
    let accepted = 0;
    let refused = 0;
    for (let second = 0; second < 10; second++) {
      for (let i = 0; i < 7; i++) {
        const res = await send(t, TENANT_A, id, `${second}-${i}`);
        if (res.status === 201) accepted++;
        else refused++;
      }
      clock.advance(2000);
    }
    // 10 bursts of 7 within 20 s: the 60-per-30-s window stops the last ones.
    expect(accepted).toBe(60);
    expect(refused).toBe(10);

    clock.advance(3_600_000);
    const statuses = [];
    for (let i = 0; i < 51; i++) statuses.push((await send(t, TENANT_B, `a:fan-out-${i}`, 'hallo')).status);
    expect(statuses.slice(0, 50).every((s) => s === 201)).toBe(true);
    expect(statuses[50]).toBe(429);
    // The limit is per tenant: tenant A is not affected.
    expect((await send(t, TENANT_A, 'a:fan-out-0', 'hallo')).status).toBe(201);
  });

  it('creates one-on-one conversations, takes replies and updates, and answers 403/404 for blocked or gone ones', async () => {
    t = await startTestTenant();
    const auth = { Authorization: testToken(TENANT_A) };
    const body = { bot: { id: '28:bot' }, members: [{ id: '29:user-1' }], channelData: { tenant: { id: TENANT_A } } };
    const created = await t.call('POST', '/v3/conversations', body, auth);
    expect(created.status).toBe(201);
    const again = await t.call('POST', '/v3/conversations', body, auth);
    expect(again.body.id).toBe(created.body.id);
    expect((await t.call('POST', '/v3/conversations', { ...body, members: [] }, auth)).status).toBe(400);

    const id = String(created.body.id);
    const sent = await send(t, TENANT_A, id, 'Goedemorgen');
    const activityId = String(sent.body.id);
    const reply = await t.call('POST', `${conv(id)}/${activityId}`, message('Antwoord'), auth);
    expect(reply.status).toBe(201);
    const update = await t.call('PUT', `${conv(id)}/${activityId}`, message('Goedemorgen!'), auth);
    expect(update.status).toBe(200);
    expect((await t.call('PUT', `${conv(id)}/onbekend`, message('x'), auth)).status).toBe(404);
    expect((await t.call('POST', conv(id), { text: 'zonder type' }, auth)).status).toBe(400);
    const kinds = t.handle.bot.activities({ conversationId: id }).map((r) => [r.kind, r.replyToId ?? null]);
    expect(kinds).toEqual([
      ['send', null],
      ['reply', activityId],
      ['update', null],
    ]);

    expect(
      (await t.call('POST', `/_local/bot/conversations/${encodeURIComponent(id)}/state`, { state: 'blocked' })).status,
    ).toBe(204);
    const blocked = await send(t, TENANT_A, id, 'Nog iets');
    expect(blocked.status).toBe(403);
    expect((blocked.body.error as Item).code).toBe('ConversationBlockedByUser');
    await t.call('POST', `/_local/bot/conversations/${encodeURIComponent('19:weg@thread.tacv2')}/state`, {
      state: 'gone',
    });
    expect((await send(t, TENANT_A, '19:weg@thread.tacv2', 'Hallo?')).status).toBe(404);
    expect(t.handle.bot.activities({ conversationId: id })).toHaveLength(3);
    await t.call('DELETE', '/_local/bot/activities');
    expect(t.handle.bot.activities()).toHaveLength(0);
  });
});
