// `regiekamer package`: local mode with made-up ids, real ids from the environment, and exit 2 on an invalid manifest.
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../../platform/config.ts';
import { EXIT, type CliIo } from '../io.ts';
import { main } from '../main.ts';
import { packageCommand } from './package.ts';

function capture(
  env: Record<string, string | undefined>,
  cwd: string,
): { io: CliIo; out: () => string; err: () => string } {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  stderr.on('data', (d: Buffer) => {
    err += d.toString();
  });
  return { io: { stdout, stderr, stdin: new PassThrough(), env, cwd }, out: () => out, err: () => err };
}

describe('regiekamer package', () => {
  it('builds with made-up local ids when TEAMS_APP_ID and BOT_ID are not set, and says so', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'regiekamer-cli-package-'));
    const { io, out, err } = capture({}, cwd);
    const code = await main(['package', '--out', 'dist/regiekamer.zip'], io);
    expect(err()).toBe('');
    expect(code).toBe(EXIT.ok);
    expect(existsSync(path.join(cwd, 'dist/regiekamer.zip'))).toBe(true);
    expect(out()).toContain('Lokale modus: TEAMS_APP_ID, BOT_ID niet gezet');
    expect(out()).toContain('TEAMS_APP_ID=00000000-0000-4000-8000-00000000a001');
    expect(out()).toContain(
      'PUBLIC_URL gebruikt http; Teams laadt alleen https, dus het pakket verwijst naar https://localhost:3978',
    );
    expect(out()).toContain('geldig volgens het officiële schema v1.30');
    expect(out()).toContain('dist/regiekamer.zip geschreven: manifest.json, color.png, outline.png, en-us.json');
  });

  it('uses the configured ids and public URL without a local-mode notice, in English when asked', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'regiekamer-cli-package-'));
    const env = {
      TEAMS_APP_ID: '3f2b6d8e-1c4a-4e7b-9a10-5d6c7e8f9a0b',
      BOT_ID: '7a1c2e3f-4b5d-4c6e-8f70-1a2b3c4d5e6f',
      PUBLIC_URL: 'https://regiekamer.example',
      REGIEKAMER_LANG: 'en',
    };
    const { io, out } = capture(env, cwd);
    const code = await packageCommand(io, loadConfig(env, cwd), 'app.zip');
    expect(code).toBe(EXIT.ok);
    expect(out()).not.toContain('Local mode');
    expect(out()).not.toContain('uses http');
    expect(out()).toContain('Wrote app.zip: manifest.json, color.png, outline.png, en-us.json');
  });

  it('prints every problem and exits 2 when the manifest would be invalid, writing nothing', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'regiekamer-cli-package-'));
    const { io, out, err } = capture({}, cwd);
    const config = { ...loadConfig({}, cwd), teamsAppId: 'app', botId: 'bot' };
    const code = await packageCommand(io, config, 'dist/regiekamer.zip');
    expect(code).toBe(EXIT.invalid);
    const lines = out().trim().split('\n');
    expect(lines).toContain(
      'manifest.json: schemafout bij /id: must match pattern "^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$"',
    );
    expect(lines.some((l) => l.startsWith('manifest.json: schemafout bij /bots/0/botId'))).toBe(true);
    expect(lines.some((l) => l.startsWith('manifest.json: schemafout bij /webApplicationInfo/id'))).toBe(true);
    expect(err()).toMatch(/^Teams-app-pakket niet geschreven: (1 probleem|\d+ problemen)\n$/);
    expect(out() + err()).not.toMatch(/\n\s+at /);
    expect(existsSync(path.join(cwd, 'dist'))).toBe(false);
  });

  it('exits 1 with one line when the package cannot be written', async () => {
    const cwd = await mkdtemp(path.join(os.tmpdir(), 'regiekamer-cli-package-'));
    const { io, out, err } = capture({}, cwd);
    // The target's folder is a file: writing must fail.
    const code = await packageCommand(io, loadConfig({}, cwd), path.join(import.meta.filename, 'regiekamer.zip'));
    expect(code).toBe(EXIT.failure);
    expect(out()).not.toContain('geschreven');
    expect(err()).toMatch(/^Teams-app-pakket kon niet gemaakt worden: .*\n$/);
  });
});
