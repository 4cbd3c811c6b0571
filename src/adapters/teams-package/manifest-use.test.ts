// The Teams package declares exactly what the code uses (issue 15 §4): the Graph calls the code makes are read
// from its sources, each must be covered by a tenant-wide application permission of the one table
// (REQUIRED_ROLES, src/domain/permissions.ts), and only a call without one would need a resource-specific (RSC) grant —
// so the manifest's RSC permissions must be exactly those, plus what the table says the code relies on. The
// activity feed is declared only when the code sends activity notifications.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REQUIRED_ROLES, RESOURCE_SPECIFIC_PERMISSIONS } from '../../domain/permissions.ts';
import { fillTemplate, isJsonObject, placeholdersFor, type JsonObject } from './template.ts';

const root = path.resolve(import.meta.dirname, '../../..');

async function sources(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sources(full)));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

/**
 * The Graph calls written in one source, as `METHOD /path` with `{id}` for each `${…}` and no query string:
 * every `method: 'X', path: '…'` (also through `withQuery(…)`), the shape every call of the gateway has.
 */
export function graphCalls(source: string): string[] {
  const found: string[] = [];
  const call = /method:\s*'(GET|POST|PATCH|PUT|DELETE)',\s*path:\s*(?:withQuery\(\s*)?(['`])(\/[^'`]*)\2/g;
  for (const m of source.matchAll(call)) {
    const pathOnly = (m[3] ?? '').replace(/\$\{[^}]*\}/g, '{id}').split('?')[0] ?? '';
    found.push(`${m[1]} ${pathOnly}`);
  }
  return found;
}

/** The RSC permission that would authorise a call in the team it is installed in (Microsoft's RSC list). */
const RSC_FOR: [RegExp, string][] = [
  [/^POST \/teams\/\{id\}\/channels$/, 'Channel.Create.Group'],
  [/^DELETE \/teams\/\{id\}\/channels\/\{id\}$/, 'Channel.Delete.Group'],
  [/^GET \/teams\/\{id\}\/(all)?[cC]hannels(\/\{id\})?$/, 'ChannelSettings.Read.Group'],
  [/^PATCH \/teams\/\{id\}\/channels\/\{id\}$/, 'ChannelSettings.ReadWrite.Group'],
  [/^(GET|POST|DELETE) \/teams\/\{id\}\/channels\/\{id\}\/members/, 'ChannelMember.ReadWrite.Group'],
  [/^GET \/teams\/\{id\}\/members/, 'TeamMember.Read.Group'],
  [/^GET \/teams\/\{id\}$/, 'TeamSettings.Read.Group'],
  [/^PATCH \/teams\/\{id\}$/, 'TeamSettings.ReadWrite.Group'],
  [/^POST \/teams\/\{id\}\/channels\/\{id\}\/tabs$/, 'TeamsTab.Create.Group'],
  [/^GET \/teams\/\{id\}\/channels\/\{id\}\/tabs$/, 'TeamsTab.Read.Group'],
  [/^POST \/teams\/\{id\}\/sendActivityNotification$/, 'TeamsActivity.Send.Group'],
];

/** The RSC permissions the calls need: those of calls no application permission of the table covers. */
function rscNeeded(calls: readonly string[]): string[] {
  const covered = new Set(REQUIRED_ROLES.flatMap((r) => r.calls));
  const needed = calls
    .filter((c) => !covered.has(c))
    .map((c) => RSC_FOR.find(([pattern]) => pattern.test(c))?.[1] ?? `no permission known for ${c}`);
  return [...new Set([...needed, ...RESOURCE_SPECIFIC_PERMISSIONS])].sort();
}

async function codeCalls(): Promise<string[]> {
  const calls: string[] = [];
  // The tab (src/entry/tab) runs in the browser and calls only Regiekamer's own API ({ method, path } to /api),
  // never Graph: every Graph call goes through the server's gateway.
  const tab = path.join(root, 'src/entry/tab') + path.sep;
  for (const file of (await sources(path.join(root, 'src'))).filter((f) => !f.startsWith(tab)))
    calls.push(...graphCalls(await readFile(file, 'utf8')).filter((c) => c !== 'POST /$batch'));
  return [...new Set(calls)].sort();
}

async function filledManifest(): Promise<JsonObject> {
  const values = placeholdersFor({
    teamsAppId: '3f2b6d8e-1c4a-4e7b-9a10-5d6c7e8f9a0b',
    botId: '7a1c2e3f-4b5d-4c6e-8f70-1a2b3c4d5e6f',
    ssoAppId: '5d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
    publicUrl: 'https://regiekamer.gemeente.example',
  });
  if (!values.ok) throw new Error('bad test values');
  const text = await readFile(path.join(root, 'manifest/manifest.json'), 'utf8');
  const filled = fillTemplate(text, values.placeholders, 'manifest.json');
  if (!filled.ok) throw new Error('manifest template does not fill');
  return filled.json;
}

function manifestRsc(manifest: JsonObject): string[] {
  const auth = manifest.authorization;
  const perms = isJsonObject(auth) && isJsonObject(auth.permissions) ? auth.permissions.resourceSpecific : undefined;
  return (Array.isArray(perms) ? perms : []).map((p: { name: string }) => p.name).sort();
}

describe('the manifest declares what the code uses', () => {
  it('reads the Graph calls out of a source, and an uncovered call makes an RSC permission needed', () => {
    const sample = [
      "x: (id: string) => ({ method: 'GET', path: withQuery(`/teams/${seg(id)}/members`, q) }),",
      "y: { method: 'POST',\n path: `/teams/${team}/sendActivityNotification`, body },",
      "z: { method: 'DELETE', path: '/planner/tasks/abc?x=1' },",
    ].join('\n');
    const calls = graphCalls(sample);
    expect(calls).toEqual([
      'GET /teams/{id}/members',
      'POST /teams/{id}/sendActivityNotification',
      'DELETE /planner/tasks/abc',
    ]);
    // The activity feed call has no application permission in the table: it would need TeamsActivity.Send.Group.
    expect(rscNeeded(calls)).toContain('TeamsActivity.Send.Group');
  });

  it('every Graph call of the code is covered by an application permission of the table, and every entry is used', async () => {
    const calls = await codeCalls();
    expect(calls.length).toBeGreaterThan(40);
    const covered = new Set(REQUIRED_ROLES.flatMap((r) => r.calls));
    expect(calls.filter((c) => !covered.has(c))).toEqual([]);
    expect([...covered].filter((c) => !calls.includes(c)).sort()).toEqual([]);
  });

  it('asks exactly the resource-specific permissions the code needs (none)', async () => {
    const manifest = await filledManifest();
    expect(manifestRsc(manifest)).toEqual(rscNeeded(await codeCalls()));
    expect(manifestRsc(manifest)).toEqual([]);
  });

  it('declares the activity feed only when the code sends activity notifications (it does not)', async () => {
    let sends = false;
    for (const file of await sources(path.join(root, 'src')))
      if (/sendActivityNotification/.test(await readFile(file, 'utf8'))) sends = true;
    const manifest = await filledManifest();
    expect(manifest.activities !== undefined).toBe(sends);
    expect(manifestRsc(manifest).some((p) => p.startsWith('TeamsActivity.'))).toBe(sends);
    expect(sends).toBe(false);
  });

  it('points the privacy statement and terms of use at the pages the server serves under PUBLIC_URL', async () => {
    const manifest = await filledManifest();
    expect(manifest.developer).toMatchObject({
      websiteUrl: 'https://regiekamer.gemeente.example/',
      privacyUrl: 'https://regiekamer.gemeente.example/privacy',
      termsOfUseUrl: 'https://regiekamer.gemeente.example/gebruiksvoorwaarden',
    });
    expect(manifest.webApplicationInfo).toEqual({
      id: '5d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
      resource: 'api://regiekamer.gemeente.example/5d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d',
    });
  });
});
