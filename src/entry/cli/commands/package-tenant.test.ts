// `regiekamer package` in tenant mode (issue 15 §4): a package for a real tenant is refused, with every reason in
// Dutch and English, exit 2 and nothing written, while an id is a made-up placeholder or missing or PUBLIC_URL is
// http, localhost or an IP address; with real-looking values it is written and validates offline.
import { existsSync } from 'node:fs';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { LOCAL_BOT_ID, LOCAL_TEAMS_APP_ID } from '../../../adapters/teams-package/template.ts';
import { EXIT } from '../io.ts';
import { main } from '../main.ts';

const APP = '3f2b6d8e-1c4a-4e7b-9a10-5d6c7e8f9a0b';
const BOT = '7a1c2e3f-4b5d-4c6e-8f70-1a2b3c4d5e6f';
const GRAPH = '5d0c1b2a-3e4f-4a5b-8c6d-7e8f9a0b1c2d';
/** Tenant mode as a deployment configures it (the secret is fictional; nothing is called). */
const TENANT = {
  REGIEKAMER_MODE: 'tenant',
  GRAPH_CLIENT_ID: GRAPH,
  GRAPH_CLIENT_SECRET: 'fictional-secret',
  TEAMS_APP_ID: APP,
  BOT_ID: BOT,
  PUBLIC_URL: 'https://regiekamer.leusden.example',
};

async function run(env: Record<string, string | undefined>) {
  const cwd = await mkdtemp(path.join(os.tmpdir(), 'regiekamer-package-tenant-'));
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await main(['package', '--out', 'dist/regiekamer.zip'], {
    stdout,
    stderr,
    stdin: new PassThrough(),
    env,
    cwd,
  });
  return { code, out, err, zip: path.join(cwd, 'dist/regiekamer.zip') };
}

/** manifest.json out of the written zip (found by its local file header; the package test reads zips fully). */
function manifestOf(zip: Buffer): Record<string, unknown> {
  const name = Buffer.from('manifest.json');
  expect(zip.readUInt32LE(0), 'first entry: a local file header').toBe(0x04034b50);
  const nameLength = zip.readUInt16LE(26);
  expect(zip.subarray(30, 30 + nameLength).equals(name)).toBe(true);
  const start = 30 + nameLength + zip.readUInt16LE(28);
  const size = zip.readUInt32LE(18);
  const data = zip.subarray(start, start + size);
  const text = zip.readUInt16LE(8) === 8 ? inflateRawSync(data) : data;
  return JSON.parse(text.toString('utf8')) as Record<string, unknown>;
}

describe('regiekamer package in tenant mode', () => {
  const refusals: [string, Record<string, string | undefined>, string[]][] = [
    [
      'the local placeholder ids and no PUBLIC_URL',
      { ...TENANT, TEAMS_APP_ID: LOCAL_TEAMS_APP_ID, BOT_ID: LOCAL_BOT_ID, PUBLIC_URL: undefined },
      [
        `TEAMS_APP_ID ${LOCAL_TEAMS_APP_ID} is een verzonnen lokale id; maak eenmalig een eigen GUID voor de Teams-app (bv. met uuidgen) / TEAMS_APP_ID ${LOCAL_TEAMS_APP_ID} is a made-up local id; make a GUID for the Teams app itself, once (e.g. with uuidgen)`,
        `BOT_ID ${LOCAL_BOT_ID} is een verzonnen lokale id; vul de id van de echte app-registratie in / BOT_ID ${LOCAL_BOT_ID} is a made-up local id; fill in the id of the real app registration`,
        'PUBLIC_URL http://localhost:3978 is geen https-adres',
        'PUBLIC_URL http://localhost:3978 wijst naar deze machine of een IP-adres',
      ],
    ],
    ['BOT_ID not set', { ...TENANT, BOT_ID: undefined }, ['BOT_ID is niet gezet', 'BOT_ID is not set']],
    [
      'TEAMS_APP_ID not set (its own GUID, not the client id)',
      { ...TENANT, TEAMS_APP_ID: undefined },
      ['TEAMS_APP_ID is niet gezet; een pakket voor een echte tenant heeft een eigen GUID voor de Teams-app nodig'],
    ],
    ['the nil GUID', { ...TENANT, TEAMS_APP_ID: '00000000-0000-0000-0000-000000000000' }, ['TEAMS_APP_ID 00000000']],
    [
      'an http URL on a real name',
      { ...TENANT, PUBLIC_URL: 'http://regiekamer.leusden.example' },
      ['PUBLIC_URL http://regiekamer.leusden.example is geen https-adres', 'is not an https address'],
    ],
    [
      'https on localhost',
      { ...TENANT, PUBLIC_URL: 'https://localhost:3978' },
      ['PUBLIC_URL https://localhost:3978 wijst naar deze machine'],
    ],
    ['https on a loopback address', { ...TENANT, PUBLIC_URL: 'https://127.0.0.1' }, ['https://127.0.0.1 wijst naar']],
    ['https on an IPv6 address', { ...TENANT, PUBLIC_URL: 'https://[::1]:8443' }, ['https://[::1]:8443 wijst naar']],
  ];

  it.each(refusals)('refuses %s: exit 2, every reason in both languages, nothing written', async (_n, env, lines) => {
    const { code, out, err, zip } = await run(env);
    expect(code).toBe(EXIT.invalid);
    for (const line of lines) expect(err).toContain(line);
    expect(err).toMatch(
      /Tenantmodus: geen pakket met plaatshouders of een lokaal adres \((1 probleem|\d+ problemen)\); niets geschreven/,
    );
    expect(err).toContain('Tenant mode: no package with placeholders or a local address');
    expect(err).not.toMatch(/\n\s+at /);
    expect(out).toBe('');
    expect(existsSync(zip)).toBe(false);
  });

  it('refuses an id that is no GUID before anything else (the configuration), exit 2', async () => {
    const { code, err, zip } = await run({ ...TENANT, TEAMS_APP_ID: 'regiekamer-app' });
    expect(code).toBe(EXIT.invalid);
    expect(err).toContain('TEAMS_APP_ID');
    expect(existsSync(zip)).toBe(false);
  });

  it('writes a valid package from real-looking values, the SSO app being GRAPH_CLIENT_ID', async () => {
    const { code, out, err, zip } = await run(TENANT);
    expect(err).toBe('');
    expect(code).toBe(EXIT.ok);
    expect(out).toContain('geldig volgens het officiële schema v1.30');
    expect(out).not.toContain('Lokale modus');
    const manifest = manifestOf(await readFile(zip));
    expect(manifest.id).toBe(APP);
    expect(manifest.bots).toMatchObject([{ botId: BOT }]);
    expect(manifest.webApplicationInfo).toEqual({ id: GRAPH, resource: `api://regiekamer.leusden.example/${GRAPH}` });
    expect(manifest.developer).toMatchObject({
      privacyUrl: 'https://regiekamer.leusden.example/privacy',
      termsOfUseUrl: 'https://regiekamer.leusden.example/gebruiksvoorwaarden',
    });
    expect(JSON.stringify(manifest)).not.toMatch(/localhost|00000000-0000-4000-8000/);
  });
});
