// Building the zip for real, into a temp dir, and reading it back with a small zip reader (central directory + inflate).
import { copyFile, mkdir, mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { buildTeamsPackage } from './package.ts';
import { describeProblem } from './problems.ts';

const manifestDir = path.resolve(import.meta.dirname, '../../../manifest');
const appId = '3f2b6d8e-1c4a-4e7b-9a10-5d6c7e8f9a0b';
const botId = '7a1c2e3f-4b5d-4c6e-8f70-1a2b3c4d5e6f';

/** Reads every entry of a zip through its central directory, checking each entry's CRC-32. */
function readZip(zip: Buffer): Map<string, Buffer> {
  let eocd = -1;
  for (let i = zip.length - 22; i >= 0; i--) {
    if (zip.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  expect(eocd, 'end of central directory').toBeGreaterThanOrEqual(0);
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const entries = new Map<string, Buffer>();
  for (let n = 0; n < count; n++) {
    expect(zip.readUInt32LE(at), 'central directory header').toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const compressedSize = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const localHeader = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    expect(zip.readUInt32LE(localHeader), 'local file header').toBe(0x04034b50);
    const dataStart = localHeader + 30 + zip.readUInt16LE(localHeader + 26) + zip.readUInt16LE(localHeader + 28);
    const stored = zip.subarray(dataStart, dataStart + compressedSize);
    expect([0, 8], `${name}: stored or deflated`).toContain(method);
    const data = method === 8 ? inflateRawSync(stored) : Buffer.from(stored);
    expect(crc32(data), `${name}: CRC-32`).toBe(crc);
    entries.set(name, data);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), 'regiekamer-package-'));
}

describe('buildTeamsPackage', () => {
  it('writes a zip with the manifest, both icons and the English localization, ids filled in', async () => {
    const dir = await tempDir();
    const out = path.join(dir, 'nested', 'regiekamer.zip');
    const result = await buildTeamsPackage({
      manifestDir,
      out,
      values: { teamsAppId: appId, botId, publicUrl: 'https://regiekamer.example' },
    });
    if (!result.ok) throw new Error(result.problems.map((p) => describeProblem(p)).join('\n'));
    expect(result.files).toEqual(['manifest.json', 'color.png', 'outline.png', 'en-us.json']);

    const entries = readZip(await readFile(out));
    expect([...entries.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png', 'en-us.json']);
    const manifest = JSON.parse(entries.get('manifest.json')?.toString('utf8') ?? '');
    expect(manifest.id).toBe(appId);
    expect(manifest.bots[0].botId).toBe(botId);
    expect(manifest.webApplicationInfo).toEqual({ id: botId, resource: `api://regiekamer.example/${botId}` });
    expect(JSON.stringify(manifest)).not.toContain('${{');
    expect(entries.get('color.png')?.equals(await readFile(path.join(manifestDir, 'color.png')))).toBe(true);
    expect(entries.get('outline.png')?.equals(await readFile(path.join(manifestDir, 'outline.png')))).toBe(true);
    expect(JSON.parse(entries.get('en-us.json')?.toString('utf8') ?? '')['name.short']).toBe('Regiekamer');
    // Only the zip is left behind: no temp file from the atomic write.
    expect(await readdir(path.dirname(out))).toEqual(['regiekamer.zip']);
  });

  it('gives the same bytes for the same inputs', async () => {
    const dir = await tempDir();
    const values = { teamsAppId: appId, botId, publicUrl: 'http://localhost:3978' };
    const a = await buildTeamsPackage({ manifestDir, out: path.join(dir, 'a.zip'), values });
    const b = await buildTeamsPackage({ manifestDir, out: path.join(dir, 'b.zip'), values });
    expect(a.ok && b.ok).toBe(true);
    expect(a.ok && a.upgradedToHttps).toBe(true);
    expect((await readFile(path.join(dir, 'a.zip'))).equals(await readFile(path.join(dir, 'b.zip')))).toBe(true);
  });

  it('refuses icons of the wrong size and writes nothing', async () => {
    const dir = await tempDir();
    const src = path.join(dir, 'manifest');
    await mkdir(src);
    for (const f of ['manifest.json', 'en-us.json']) await copyFile(path.join(manifestDir, f), path.join(src, f));
    // The two icons swapped: each is a real PNG, each of the other's size.
    await copyFile(path.join(manifestDir, 'outline.png'), path.join(src, 'color.png'));
    await copyFile(path.join(manifestDir, 'color.png'), path.join(src, 'outline.png'));
    const out = path.join(dir, 'out', 'regiekamer.zip');
    const result = await buildTeamsPackage({
      manifestDir: src,
      out,
      values: { teamsAppId: appId, botId, publicUrl: 'https://regiekamer.example' },
    });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.problems.map((p) => describeProblem(p, 'en'))).toEqual([
        'color.png: is 32×32 pixels; Teams needs 192×192',
        'outline.png: is 192×192 pixels; Teams needs 32×32',
      ]);
    }
    await expect(readdir(path.join(dir, 'out'))).rejects.toThrow(/ENOENT/);
  });

  it('reports a missing localization file and an invalid bot id from the values', async () => {
    const dir = await tempDir();
    for (const f of ['manifest.json', 'color.png', 'outline.png'])
      await copyFile(path.join(manifestDir, f), path.join(dir, f));
    const result = await buildTeamsPackage({
      manifestDir: dir,
      out: path.join(dir, 'x.zip'),
      values: { teamsAppId: appId, botId: 'not-a-guid', publicUrl: 'https://regiekamer.example' },
    });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems.map((p) => describeProblem(p));
    expect(problems).toContain('en-us.json: staat in manifest.json maar ontbreekt');
    expect(problems.some((p) => p.startsWith('manifest.json: schemafout bij /bots/0/botId: must match pattern'))).toBe(
      true,
    );
    expect(
      problems.some((p) => p.startsWith('manifest.json: schemafout bij /webApplicationInfo/id: must match pattern')),
    ).toBe(true);
    // Reported once, though both the reader and the validator notice the missing file.
    expect(problems.filter((p) => p.startsWith('en-us.json')).length).toBe(1);
  });

  it('reports a template that is not JSON', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'manifest.json'), '{ "id": "${{TEAMS_APP_ID}}", ');
    const result = await buildTeamsPackage({
      manifestDir: dir,
      out: path.join(dir, 'x.zip'),
      values: { teamsAppId: appId, botId, publicUrl: 'https://regiekamer.example' },
    });
    expect(result.ok || result.problems.map((p) => p.key)).toEqual(['package.json']);
  });
});
