// The privacy statement and terms of use the Teams manifest points to, served by the app itself (issue 15 §4):
// Dutch by default, English with ?lang=en or an Accept-Language preferring English, through the whole HTTP app.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { t, type Lang, type MessageKey } from '../../domain/i18n.ts';
import { uitrolMessages } from '../../domain/i18n/uitrol.ts';
import { createLogger } from '../../platform/logger.ts';
import { createHttpApp } from './http.ts';

let server: Server;
let base: string;

beforeAll(async () => {
  const app = createHttpApp({ check: async () => ({}) }, createLogger('silent', new PassThrough()));
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The page's text with tags removed and the few entities the catalogue's texts need decoded. */
function text(html: string): string {
  return html
    .replace(/<[^>]+>/g, ' ')
    .replaceAll('&rsquo;', '’')
    .replaceAll('&mdash;', '—')
    .replaceAll('&amp;', '&')
    .replace(/\s+/g, ' ');
}

const keysOf = (prefix: string) => Object.keys(uitrolMessages).filter((k) => k.startsWith(prefix)) as MessageKey[];

async function get(path: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}${path}`, { headers });
  return { res, html: await res.text() };
}

describe('privacy statement and terms of use', () => {
  const cases: [string, string, Record<string, string>, Lang, string][] = [
    ['privacy, Dutch by default', '/privacy', {}, 'nl', 'legal.privacy.'],
    ['privacy, ?lang=en', '/privacy?lang=en', {}, 'en', 'legal.privacy.'],
    ['privacy, Accept-Language en-US', '/privacy', { 'Accept-Language': 'en-US,en;q=0.9' }, 'en', 'legal.privacy.'],
    [
      'privacy, Accept-Language preferring Dutch',
      '/privacy',
      { 'Accept-Language': 'nl-NL,en;q=0.5' },
      'nl',
      'legal.privacy.',
    ],
    [
      'privacy, ?lang=nl over an English browser',
      '/privacy?lang=nl',
      { 'Accept-Language': 'en' },
      'nl',
      'legal.privacy.',
    ],
    ['terms, Dutch', '/gebruiksvoorwaarden', {}, 'nl', 'legal.terms.'],
    ['terms, English', '/gebruiksvoorwaarden?lang=en', {}, 'en', 'legal.terms.'],
    ['terms at /terms', '/terms', { 'Accept-Language': 'en' }, 'en', 'legal.terms.'],
  ];

  it.each(cases)('%s: every paragraph of the page in that language', async (_name, path, headers, lang, prefix) => {
    const { res, html } = await get(path, headers);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8/);
    expect(res.headers.get('content-language')).toBe(lang);
    expect(html).toContain(`<html lang="${lang}">`);
    const body = text(html);
    const keys = keysOf(prefix);
    expect(keys.length).toBeGreaterThan(4);
    for (const key of keys) expect(body, key).toContain(t(key, {}, lang));
    // The other language is one link away, and none of its text is on this page.
    const other: Lang = lang === 'nl' ? 'en' : 'nl';
    expect(html).toContain(`?lang=${other}"`);
    expect(body).not.toContain(t(`${prefix}title` as MessageKey, {}, other));
  });

  it('names what the register of personal data lists, and points to the register', async () => {
    const nl = text((await get('/privacy')).html);
    for (const word of ['naam', 'UPN', 'object-id', 'voortgangsupdates', 'gesprek', 'bezorgregel', 'logboeken'])
      expect(nl).toContain(word);
    expect(nl).toContain('docs/privacy.md');
    const en = text((await get('/privacy?lang=en')).html);
    for (const word of ['name', 'UPN', 'object id', 'progress updates', 'conversation', 'delivery row', 'logs'])
      expect(en).toContain(word);
  });

  it('the terms link to the privacy statement in the same language', async () => {
    expect((await get('/gebruiksvoorwaarden?lang=en')).html).toContain('href="/privacy?lang=en"');
    expect((await get('/gebruiksvoorwaarden')).html).toContain('href="/privacy?lang=nl"');
  });
});
