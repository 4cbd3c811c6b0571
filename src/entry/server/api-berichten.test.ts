// The monthly berichtgeving through the HTTP API (issue 16 §3): the month's draft, a save with its version in
// If-Match (428 without, 409 when stale, the saved text kept), bad input answered 4xx in Dutch and English, the
// approval, and the HTML download (text/html, Content-Disposition, escaped; not before approval for readers). Who may
// use which route is in api-access.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '../../adapters/auth/testing.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { NewsResponse } from '../../app/contract.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { serveApi, type ApiServer } from '../../../tests/helpers/api-server.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';

const clock = new FixedClock('2026-11-30T10:00:00Z');
let p: Programme;
let store: Store;
let server: ApiServer;
let adviseur = '';
let reader = '';

type Answer = { status: number; body: Record<string, unknown> };
async function call(token: string, method: string, path: string, body?: unknown, version?: string): Promise<Answer> {
  const res = await fetch(`${server.base}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(version !== undefined ? { 'if-match': `"${version}"` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

function refusedWith(a: Answer, status: number, error: string): void {
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  expect(a.body['error']).toBe(error);
  expect(a.body['message']).toMatch(/.+ \/ .+/);
}

beforeAll(async () => {
  p = await loadProgramme('blnp');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  // The bot in the programme's team: Teams announced the install in the General channel (src/app/bot/service.ts).
  await store.bot.saveConversation(p.programme.id, {
    conversationId: '19:general@thread.tacv2',
    kind: 'channel',
    tenantId: p.gemeenten.find((g) => g.host)?.tenantId ?? '',
    serviceUrl: 'https://smba.example/',
    teamId: '19:general@thread.tacv2',
    channelId: '19:general@thread.tacv2',
    installedAt: clock.now(),
  });
  const ca = p.people.find((x) => x.roles.includes('communicatieadviseur'));
  const other = p.people.find((x) => x.roles.includes('gemeentesecretaris'));
  if (!ca || !other) throw new Error('BLNP has a communicatieadviseur and a gemeentesecretaris');
  const issuer = await testIssuer();
  const tid = (g: string) => p.gemeenten.find((x) => x.id === g)?.tenantId ?? '';
  adviseur = await issuer.userToken(tid(ca.gemeente ?? ''), ca.upn, clock.now());
  reader = await issuer.userToken(tid(other.gemeente ?? ''), other.upn, clock.now());
  server = await serveApi({
    store,
    programme: p,
    clock,
    validate: issuer.validator(
      p.gemeenten.flatMap((g) => (g.tenantId ? [g.tenantId] : [])),
      clock,
    ),
    today: () => '2026-11-30',
  });
});

afterAll(async () => {
  await server.close();
  await store.close();
});

const html = (token: string, month: string) =>
  fetch(`${server.base}/api/berichten/${month}.html`, { headers: { authorization: `Bearer ${token}` } });

describe('/api/berichten/:maand', () => {
  it('reads the composed draft in the reader’s language; a bad month is 400 in Dutch and English', async () => {
    const nl = await call(reader, 'GET', '/berichten/2026-11');
    expect(nl.status).toBe(200);
    expect(nl.body).toMatchObject({ month: '2026-11', version: 0, state: 'draft' });
    expect(String(nl.body['title'])).toMatch(/^Nieuws van .* — november 2026$/);
    const en = await call(reader, 'GET', '/berichten/2026-11?lang=en');
    expect(String(en.body['title'])).toMatch(/^News from .* — November 2026$/);
    refusedWith(await call(reader, 'GET', '/berichten/november'), 400, 'bad_input');
    refusedWith(await call(adviseur, 'PUT', '/berichten/2026-11', { title: '', body: 'x' }, '0'), 400, 'bad_input');
  });

  it('saves only with the version read: 428 without, 409 when stale, the saved text kept', async () => {
    const text = { title: 'Nieuws <uit> BLNP', body: '## Kop\n\n- <script>alert(1)</script>' };
    refusedWith(await call(adviseur, 'PUT', '/berichten/2026-11', text), 428, 'version_required');
    const saved = await call(adviseur, 'PUT', '/berichten/2026-11', text, '0');
    expect(saved.status).toBe(200);
    expect((saved.body as unknown as NewsResponse).version).toBe(1);
    refusedWith(
      await call(adviseur, 'PUT', '/berichten/2026-11', { title: 'Ander', body: 'Ander' }, '0'),
      409,
      'changed',
    );
    expect((await call(reader, 'GET', '/berichten/2026-11')).body['body']).toBe(text.body);
  });

  it('serves the HTML page to editors as a draft, to readers only once approved', async () => {
    const early = await html(reader, '2026-11');
    refusedWith({ status: early.status, body: (await early.json()) as Record<string, unknown> }, 404, 'not_found');
    const draft = await html(adviseur, '2026-11');
    expect(draft.status).toBe(200);
    expect(draft.headers.get('content-disposition')).toBe(
      'attachment; filename="blnp-berichtgeving-2026-11-concept.html"',
    );
    const approved = await call(adviseur, 'POST', '/berichten/2026-11/goedkeuren', undefined, '1');
    expect(approved.body['state']).toBe('approved');
    const page = await html(reader, '2026-11');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-disposition')).toBe('attachment; filename="blnp-berichtgeving-2026-11.html"');
    const text = await page.text();
    expect(text).toContain('<html lang="nl">');
    expect(text).toContain('<h1 style="font-size:1.6em;margin:0 0 0.6em">Nieuws &lt;uit&gt; BLNP</h1>');
    expect(text).toContain('<li>&lt;script&gt;alert(1)&lt;/script&gt;</li>');
    expect(text).not.toContain('<script>');
    refusedWith(await call(adviseur, 'POST', '/berichten/2026-11/goedkeuren', undefined, '1'), 409, 'not_possible');
  });
});
