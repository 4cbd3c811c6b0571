// Configuration for tenant mode: EXTRA_CA_FILE is checked at start-up (readable, PEM, X.509, a CA) and its text
// passed down; BOT_OPENID_METADATA_URL defaults to the Bot Framework's.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BOT_FRAMEWORK_OPENID_METADATA_URL, ConfigError, loadConfig } from './config.ts';

let dir: string;
let ca: string;
let leaf: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'rk-config-'));
  const caPems = await generate([{ name: 'commonName', value: 'Proef-CA' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'basicConstraints', cA: true, critical: true }],
  });
  const leafPems = await generate([{ name: 'commonName', value: 'localhost' }], {
    keyType: 'ec',
    algorithm: 'sha256',
    extensions: [{ name: 'basicConstraints', cA: false }],
  });
  ca = caPems.cert;
  leaf = leafPems.cert;
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const problems = (env: Record<string, string>) => {
  try {
    loadConfig(env, dir);
  } catch (err) {
    if (err instanceof ConfigError) return err.problems.join('\n');
    throw err;
  }
  return '';
};

describe('tenant mode configuration', () => {
  it('reads EXTRA_CA_FILE (relative to the working directory) and passes its certificates on', async () => {
    await writeFile(path.join(dir, 'ca.pem'), `# a comment line\n${ca}`);
    const config = loadConfig({ EXTRA_CA_FILE: 'ca.pem' }, dir);
    expect(config.extraCaPem).toBe(ca.trim());
    expect(loadConfig({}, dir).extraCaPem).toBeUndefined();
  });

  it('refuses an EXTRA_CA_FILE that is missing, holds no certificate, or holds one that is not a CA', async () => {
    expect(problems({ EXTRA_CA_FILE: 'er-niet.pem' })).toMatch(
      /EXTRA_CA_FILE: .*er-niet\.pem kan niet gelezen worden \(ENOENT\) \/ EXTRA_CA_FILE: .*er-niet\.pem cannot be read \(ENOENT\)/,
    );
    await writeFile(path.join(dir, 'leeg.pem'), 'geen certificaat\n');
    expect(problems({ EXTRA_CA_FILE: 'leeg.pem' })).toMatch(/bevat geen PEM-certificaat .* holds no PEM certificate/);
    await writeFile(path.join(dir, 'kapot.pem'), '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    expect(problems({ EXTRA_CA_FILE: 'kapot.pem' })).toMatch(
      /onleesbaar certificaat .* holds an unreadable certificate/,
    );
    await writeFile(path.join(dir, 'blad.pem'), leaf);
    expect(problems({ EXTRA_CA_FILE: 'blad.pem' })).toMatch(/geen CA is .* holds a certificate that is not a CA/);
  });

  it("checks the bot's tokens against the Bot Framework's OpenID metadata unless told otherwise", () => {
    expect(BOT_FRAMEWORK_OPENID_METADATA_URL).toBe('https://login.botframework.com/v1/.well-known/openidconfiguration');
    expect(loadConfig({}, dir).bot.openIdMetadataUrl).toBe(BOT_FRAMEWORK_OPENID_METADATA_URL);
    expect(
      loadConfig(
        { BOT_OPENID_METADATA_URL: 'https://localhost:4443/botframework/v1/.well-known/openidconfiguration' },
        dir,
      ).bot.openIdMetadataUrl,
    ).toBe('https://localhost:4443/botframework/v1/.well-known/openidconfiguration');
    expect(problems({ BOT_OPENID_METADATA_URL: 'geen url' })).toContain('BOT_OPENID_METADATA_URL');
  });
});

describe('a bad setting is named in words, Dutch first with English after', () => {
  it.each([
    ['GRAPH_CLIENT_ID', '<client-id>', 'moet een GUID zijn, bv. 6f1c9a4e', 'must be a GUID'],
    ['PUBLIC_URL', 'regiekamer.example', 'moet een volledig adres zijn', 'must be a full URL'],
    ['PORT', 'drie', 'moet een geheel getal zijn', 'must be a whole number'],
    ['PORT', '70000', 'mag hoogstens 65535 zijn', 'must be at most 65535'],
    ['SYNC_INTERVAL_MINUTES', '-1', 'moet minstens 0 zijn', 'must be at least 0'],
    ['REGIEKAMER_MODE', 'productie', 'moet een van deze zijn: local, tenant', 'must be one of: local, tenant'],
    ['DATABASE_URL', 'mysql://db', 'moet met postgres:// of postgresql:// beginnen', 'must start with postgres://'],
  ])('%s=%s', (name, value, nl, en) => {
    const said = problems({ [name]: value });
    expect(said).toContain(`${name}: `);
    expect(said).toContain(nl);
    expect(said).toContain(en);
    expect(said.indexOf(nl)).toBeLessThan(said.indexOf(en));
    expect(said).not.toMatch(/Invalid|Too big|Too small|expected/);
  });

  it('takes an empty value as not set (DATABASE_URL= keeps the embedded store)', () => {
    expect(problems({ DATABASE_URL: '', PORT: '' })).toBe('');
    const config = loadConfig({ DATABASE_URL: '', PORT: '' }, dir);
    expect(config.databaseUrl).toBeUndefined();
    expect(config.port).toBe(3978);
  });
});
