// Filling the manifest template: placeholders from the configured values, https URLs, and nothing left unfilled.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeProblem } from './problems.ts';
import {
  fillTemplate,
  LOCAL_BOT_ID,
  LOCAL_TEAMS_APP_ID,
  PLACEHOLDERS,
  placeholdersFor,
  type Placeholders,
} from './template.ts';

const manifestDir = path.resolve(import.meta.dirname, '../../../manifest');
const appId = '3f2b6d8e-1c4a-4e7b-9a10-5d6c7e8f9a0b';
const botId = '7a1c2e3f-4b5d-4c6e-8f70-1a2b3c4d5e6f';

function placeholders(publicUrl: string): Placeholders {
  const result = placeholdersFor({ teamsAppId: appId, botId, publicUrl });
  if (!result.ok) throw new Error(describeProblem(result.problem));
  return result.placeholders;
}

/** Every string in a JSON value, with its path, for checks over the whole template. */
function strings(value: unknown, at = ''): [string, string][] {
  if (typeof value === 'string') return [[at, value]];
  if (Array.isArray(value)) return value.flatMap((v, i) => strings(v, `${at}[${i}]`));
  if (typeof value === 'object' && value !== null)
    return Object.entries(value).flatMap(([k, v]) => strings(v, at ? `${at}.${k}` : k));
  return [];
}

describe('placeholdersFor', () => {
  it('takes the host and base URL from an https PUBLIC_URL', () => {
    const result = placeholdersFor({ teamsAppId: appId, botId, publicUrl: 'https://regiekamer.example/' });
    expect(result).toEqual({
      ok: true,
      upgradedToHttps: false,
      placeholders: {
        TEAMS_APP_ID: appId,
        BOT_ID: botId,
        SSO_APP_ID: botId,
        PUBLIC_HOSTNAME: 'regiekamer.example',
        PUBLIC_BASE_URL: 'https://regiekamer.example',
      },
    });
  });

  it('turns the local http://localhost URL into https on the same port, and says so', () => {
    const result = placeholdersFor({ teamsAppId: appId, botId, publicUrl: 'http://localhost:3978' });
    expect(result.ok && result.upgradedToHttps).toBe(true);
    expect(result.ok && result.placeholders.PUBLIC_BASE_URL).toBe('https://localhost:3978');
    expect(result.ok && result.placeholders.PUBLIC_HOSTNAME).toBe('localhost:3978');
  });

  it('keeps a path prefix in the base URL but not in the host name', () => {
    const p = placeholders('https://apps.gemeente.example/regiekamer/');
    expect(p.PUBLIC_BASE_URL).toBe('https://apps.gemeente.example/regiekamer');
    expect(p.PUBLIC_HOSTNAME).toBe('apps.gemeente.example');
  });

  it('rejects a URL that is not http(s)', () => {
    const result = placeholdersFor({ teamsAppId: appId, botId, publicUrl: 'ftp://regiekamer.example' });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(describeProblem(result.problem)).toBe('PUBLIC_URL ftp://regiekamer.example is geen http(s)-adres');
  });
});

describe('fillTemplate', () => {
  it('fills every placeholder of manifest/manifest.json', async () => {
    const text = await readFile(path.join(manifestDir, 'manifest.json'), 'utf8');
    for (const name of PLACEHOLDERS) expect(text).toContain(`\${{${name}}}`);
    const result = fillTemplate(text, placeholders('https://regiekamer.example'), 'manifest.json');
    if (!result.ok) throw new Error(result.problems.map((p) => describeProblem(p)).join('\n'));
    const m = result.json;
    expect(m.id).toBe(appId);
    expect(JSON.stringify(m)).not.toContain('${{');
    expect(m.webApplicationInfo).toEqual({ id: botId, resource: `api://regiekamer.example/${botId}` });
    expect(m.validDomains).toEqual(['regiekamer.example']);
    expect(m.configurableTabs).toMatchObject([{ configurationUrl: 'https://regiekamer.example/tab/configure' }]);
    expect(m.staticTabs).toMatchObject([
      { entityId: 'overzicht', contentUrl: 'https://regiekamer.example/tab/?view=overzicht' },
      { entityId: 'acties', contentUrl: 'https://regiekamer.example/tab/?view=acties' },
      { entityId: 'conversations' },
    ]);
  });

  it('leaves nothing environment-specific in the template itself', async () => {
    const template: unknown = JSON.parse(await readFile(path.join(manifestDir, 'manifest.json'), 'utf8'));
    const guid = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
    for (const [at, value] of strings(template)) {
      expect(value, at).not.toMatch(guid);
      expect(value, at).not.toMatch(/localhost|127\.0\.0\.1/);
      if (/^[a-z]+:\/\//i.test(value)) {
        // Only the fictional publisher's site and Microsoft's schema are fixed URLs; the rest come from placeholders.
        expect(value, at).toMatch(
          /^https:\/\/(regiekamer\.example(\/|$)|developer\.microsoft\.com\/json-schemas\/)|^api:\/\/\$\{\{PUBLIC_HOSTNAME\}\}\//,
        );
      }
    }
  });

  it('reports an unknown placeholder instead of shipping it', () => {
    const result = fillTemplate(
      '{"id": "${{TEAMS_APP_ID}}", "x": "${{TENANT_SECRET}}"}',
      placeholders('https://a.example'),
      'manifest.json',
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => describeProblem(p))).toEqual([
        'manifest.json: plaatshouder ${{TENANT_SECRET}} is niet ingevuld',
      ]);
  });

  it('reports broken JSON and a top level that is not an object', () => {
    const broken = fillTemplate('{"id": ', placeholders('https://a.example'), 'en-us.json');
    expect(broken.ok || broken.problems[0]?.key).toBe('package.json');
    const list = fillTemplate('[]', placeholders('https://a.example'), 'en-us.json');
    expect(list.ok || list.problems[0]?.key).toBe('package.notObject');
  });

  it('escapes values so they cannot break the JSON', () => {
    const result = fillTemplate(
      '{"u": "${{PUBLIC_BASE_URL}}"}',
      { ...placeholders('https://a.example'), PUBLIC_BASE_URL: 'https://a.example/"x\\' },
      'manifest.json',
    );
    expect(result.ok && result.json.u).toBe('https://a.example/"x\\');
  });

  it('uses clearly made-up, valid GUIDs for local mode', () => {
    for (const id of [LOCAL_TEAMS_APP_ID, LOCAL_BOT_ID]) expect(id).toMatch(/^00000000-0000-4000-8000-[0-9a-f]{12}$/);
    expect(LOCAL_TEAMS_APP_ID).not.toBe(LOCAL_BOT_ID);
  });
});
