// The filled manifest against the official v1.30 schema (as bundled in @microsoft/app-manifest and as the shared
// contract), and the validator's refusals: a broken manifest, broken translations and wrong icons never pass.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { inflateSync } from 'node:zlib';
import ajvDraft04 from 'ajv-draft-04';
import ajvFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { describeProblem, type PackageProblem } from './problems.ts';
import { fillTemplate, placeholdersFor, type JsonObject } from './template.ts';
import {
  bundledSchemaPath,
  localizableKeys,
  MANIFEST_VERSION,
  validateTeamsPackage,
  type PackageContent,
} from './validate.ts';

const manifestDir = path.resolve(import.meta.dirname, '../../../manifest');
const appId = '3f2b6d8e-1c4a-4e7b-9a10-5d6c7e8f9a0b';
const botId = '7a1c2e3f-4b5d-4c6e-8f70-1a2b3c4d5e6f';

// The shared contract (contracts/README.md): the v1.30 schema, identified by its bytes. A fresh clone has no
// ../shared, so the package's copy is used there; the hash proves it is the same file.
const CONTRACT_SHA256 = '3339690aacd9049bc65ade66b258982803d8c6c6d3897a23f8a057b6ebe35479';
const contractCandidates = [
  path.resolve(import.meta.dirname, '../../../../shared/contracts/teams-manifest.schema.json'),
  bundledSchemaPath('MicrosoftTeams.schema.json'),
];

let base: { manifest: JsonObject; localization: JsonObject; icons: Map<string, Uint8Array> };

async function fill(file: string): Promise<JsonObject> {
  const values = placeholdersFor({ teamsAppId: appId, botId, publicUrl: 'https://regiekamer.example' });
  if (!values.ok) throw new Error('bad test values');
  const result = fillTemplate(await readFile(path.join(manifestDir, file), 'utf8'), values.placeholders, file);
  if (!result.ok) throw new Error(result.problems.map((p) => describeProblem(p)).join('\n'));
  return result.json;
}

// Any attempt to download (a schema by its $schema URL, say) fails the run instead of quietly using the network.
const fetchSpy = vi.fn(() => {
  throw new Error('network access during validation');
});

beforeAll(async () => {
  vi.stubGlobal('fetch', fetchSpy);
  base = {
    manifest: await fill('manifest.json'),
    localization: await fill('en-us.json'),
    icons: new Map([
      ['color.png', await readFile(path.join(manifestDir, 'color.png'))],
      ['outline.png', await readFile(path.join(manifestDir, 'outline.png'))],
    ]),
  };
});

afterAll(() => {
  expect(fetchSpy).not.toHaveBeenCalled();
  vi.unstubAllGlobals();
});

/** The real package contents, each part replaceable; clones so one test cannot disturb another. */
function content(
  overrides: {
    manifest?: (m: JsonObject) => void;
    localization?: (l: JsonObject) => void;
    icons?: Map<string, Uint8Array>;
  } = {},
): PackageContent {
  const manifest = structuredClone(base.manifest);
  const localization = structuredClone(base.localization);
  overrides.manifest?.(manifest);
  overrides.localization?.(localization);
  return { manifest, localizations: new Map([['en-us.json', localization]]), icons: overrides.icons ?? base.icons };
}

const texts = (problems: PackageProblem[]) => problems.map((p) => describeProblem(p));

/** A PNG of the given size: signature and IHDR are all the size check reads. */
function pngHeader(width: number, height: number): Uint8Array {
  const bytes = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(bytes, 0);
  bytes.writeUInt32BE(13, 8);
  bytes.write('IHDR', 12, 'ascii');
  bytes.writeUInt32BE(width, 16);
  bytes.writeUInt32BE(height, 20);
  bytes[24] = 8;
  bytes[25] = 6;
  return bytes;
}

/** Decodes an 8-bit RGBA or RGB, non-interlaced PNG into RGBA pixels (enough for our own icons). */
function decodePng(png: Buffer): { width: number; height: number; rgba: number[][] } {
  let offset = 8;
  const idat: Buffer[] = [];
  let width = 0;
  let height = 0;
  let channels = 0;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const type = png.toString('ascii', offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      expect(data[8], 'bit depth').toBe(8);
      expect([2, 6], 'colour type RGB or RGBA').toContain(data[9]);
      expect(data[12], 'not interlaced').toBe(0);
      channels = data[9] === 6 ? 4 : 3;
    }
    if (type === 'IDAT') idat.push(data);
    offset += 12 + length;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const out = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    for (let x = 0; x < stride; x++) {
      const byte = raw[y * (stride + 1) + 1 + x] ?? 0;
      const a = x >= channels ? (out[y * stride + x - channels] ?? 0) : 0;
      const b = y > 0 ? (out[(y - 1) * stride + x] ?? 0) : 0;
      const c = x >= channels && y > 0 ? (out[(y - 1) * stride + x - channels] ?? 0) : 0;
      const p = a + b - c;
      const paeth =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      const predictor = [0, a, b, (a + b) >> 1, paeth][filter ?? 0] ?? 0;
      out[y * stride + x] = (byte + predictor) & 0xff;
    }
  }
  const rgba: number[][] = [];
  for (let i = 0; i < width * height; i++) {
    const px = [...out.subarray(i * channels, i * channels + channels)];
    rgba.push(channels === 4 ? px : [...px, 255]);
  }
  return { width, height, rgba };
}

describe('the filled Regiekamer manifest', () => {
  it(`passes the official v${MANIFEST_VERSION} schema and the localization schema from @microsoft/app-manifest`, async () => {
    expect(texts(await validateTeamsPackage(content()))).toEqual([]);
  });

  it('passes the shared contract schema (draft-04) with an independent validator', async () => {
    const file = contractCandidates.find((f) => existsSync(f));
    expect(file, 'contract schema').toBeDefined();
    const text = await readFile(file ?? '', 'utf8');
    expect(createHash('sha256').update(text).digest('hex')).toBe(CONTRACT_SHA256);
    const ajv = new ajvDraft04.default({ allErrors: true, strict: false });
    ajvFormats.default(ajv);
    const validate = ajv.compile(JSON.parse(text));
    expect(validate(base.manifest), JSON.stringify(validate.errors, null, 2)).toBe(true);
    // The same validator refuses what the contract forbids: it is not accepting everything.
    expect(validate({ ...base.manifest, manifestVersion: '1.29' })).toBe(false);
  });

  it('declares shared/private channel support, the bot in three scopes and no team permissions the code does not use', () => {
    const m = base.manifest;
    expect(m.manifestVersion).toBe('1.30');
    expect(m.supportsChannelFeatures).toBe('tier1');
    expect(m.localizationInfo).toEqual({
      defaultLanguageTag: 'nl-nl',
      additionalLanguages: [{ languageTag: 'en-us', file: 'en-us.json' }],
    });
    expect(m.bots).toMatchObject([{ botId, scopes: ['team', 'groupChat', 'personal'], supportsFiles: false }]);
    const lists =
      (m.bots as { commandLists: { scopes: string[]; commands: { title: string; description: string }[] }[] }[])[0]
        ?.commandLists ?? [];
    expect(lists.map((l) => l.scopes)).toEqual([['team'], ['groupChat'], ['personal']]);
    for (const list of lists) {
      expect(list.commands.map((c) => c.title)).toEqual(['help', 'mijn acties', 'status', 'update', 'besluiten']);
      for (const c of list.commands) expect(c.description.length).toBeGreaterThan(0);
    }
    // No resource-specific permissions and no activity feed: the code relies on none of them (issue 15 removed the
    // seven RSC permissions and the two activity types it declared; manifest-use.test.ts derives this from the code).
    expect(m.authorization).toBeUndefined();
    expect(m.activities).toBeUndefined();
  });

  it('declares the configurable tab for meetings (issue 18 §3): side panel, meeting chat and details, in group chats', async () => {
    const tabs = base.manifest.configurableTabs as { scopes: string[]; context: string[]; configurationUrl: string }[];
    expect(tabs).toHaveLength(1);
    const tab = tabs[0];
    expect(tab?.context).toEqual(
      expect.arrayContaining([
        'channelTab',
        'privateChatTab',
        'meetingSidePanel',
        'meetingChatTab',
        'meetingDetailsTab',
      ]),
    );
    // A meeting app is a configurable tab in the groupChat scope (Microsoft: "Build tabs for meetings").
    expect(tab?.scopes).toContain('groupChat');
    expect(tab?.configurationUrl).toBe('https://regiekamer.example/tab/configure');
    // The official schema knows these contexts, and still refuses one it does not know.
    const unknown = await validateTeamsPackage(
      content({
        manifest: (m) => {
          (m.configurableTabs as { context: string[] }[])[0]?.context.push('meetingBackstage');
        },
      }),
    );
    expect(texts(unknown).join('\n')).toMatch(/configurableTabs/);
  });

  it('has an English translation for every Dutch string the manifest shows', () => {
    const keys = localizableKeys(base.manifest);
    expect(keys).toContain('bots[0].commandLists[2].commands[4].title');
    expect(keys).toContain('staticTabs[1].name');
    for (const key of keys) expect(base.localization[key], key).toEqual(expect.any(String));
    expect(base.localization['bots[0].commandLists[0].commands[1].title']).toBe('my actions');
  });

  it('ships a 192×192 opaque colour icon and a 32×32 white-on-transparent outline icon', () => {
    const color = decodePng(Buffer.from(base.icons.get('color.png') ?? []));
    expect([color.width, color.height]).toEqual([192, 192]);
    expect(color.rgba.every(([, , , a]) => a === 255)).toBe(true);
    const outline = decodePng(Buffer.from(base.icons.get('outline.png') ?? []));
    expect([outline.width, outline.height]).toEqual([32, 32]);
    expect(outline.rgba.every(([r, g, b, a]) => a === 0 || (r === 255 && g === 255 && b === 255))).toBe(true);
    expect(outline.rgba.some(([, , , a]) => a === 255)).toBe(true);
    expect(outline.rgba.some(([, , , a]) => a === 0)).toBe(true);
  });
});

describe('validateTeamsPackage refuses', () => {
  it('a manifest without developer', async () => {
    const problems = await validateTeamsPackage(
      content({
        manifest: (m) => {
          delete m.developer;
        },
      }),
    );
    expect(texts(problems)).toContain("manifest.json: schemafout bij /: must have required property 'developer'");
  });

  it('a manifest of another schema version', async () => {
    const problems = await validateTeamsPackage(
      content({
        manifest: (m) => {
          m.manifestVersion = '1.29';
        },
      }),
    );
    expect(texts(problems)).toContain(
      'manifest.json: schemafout bij /manifestVersion: must be equal to constant: "1.30"',
    );
  });

  it('a bot id that is not a GUID, an unknown property and a too long short name, all at once', async () => {
    const problems = texts(
      await validateTeamsPackage(
        content({
          manifest: (m) => {
            (m.bots as JsonObject[])[0] = { ...(m.bots as JsonObject[])[0], botId: 'local-bot' };
            m.supportsShared = true;
            m.name = { short: 'Regiekamer voor alle vier de gemeenten', full: 'Regiekamer' };
          },
        }),
      ),
    );
    expect(problems.some((p) => p.startsWith('manifest.json: schemafout bij /bots/0/botId: must match pattern'))).toBe(
      true,
    );
    expect(problems).toContain(
      "manifest.json: schemafout bij /: must NOT have additional properties: 'supportsShared'",
    );
    expect(problems).toContain('manifest.json: schemafout bij /name/short: must NOT have more than 30 characters');
  });

  it('a manifest that claims another $schema', async () => {
    const problems = await validateTeamsPackage(
      content({
        manifest: (m) => {
          m.$schema = 'https://developer.microsoft.com/json-schemas/teams/v1.25/MicrosoftTeams.schema.json';
        },
      }),
    );
    expect(problems.map((p) => p.key)).toEqual(['package.schemaUrl']);
  });

  it('a localization file that is missing, incomplete, too long or translates what is not there', async () => {
    const missing = await validateTeamsPackage({ ...content(), localizations: new Map() });
    expect(texts(missing)).toEqual(['en-us.json: staat in manifest.json maar ontbreekt']);

    const problems = texts(
      await validateTeamsPackage(
        content({
          localization: (l) => {
            delete l['staticTabs[0].name'];
            l['bots[0].commandLists[0].commands[7].title'] = 'ghost';
            l['name.short'] = 'Regiekamer for all four municipalities';
          },
        }),
      ),
    );
    expect(problems).toContain("en-us.json: vertaling ontbreekt voor 'staticTabs[0].name'");
    expect(problems).toContain(
      "en-us.json: 'bots[0].commandLists[0].commands[7].title' vertaalt iets dat niet in manifest.json staat",
    );
    expect(problems).toContain('en-us.json: schemafout bij /name.short: must NOT have more than 30 characters');
  });

  it('icons of the wrong pixel size, a non-PNG icon and a missing icon', async () => {
    const wrong = texts(
      await validateTeamsPackage(
        content({
          icons: new Map([
            ['color.png', pngHeader(100, 100)],
            ['outline.png', pngHeader(32, 48)],
          ]),
        }),
      ),
    );
    expect(wrong).toEqual([
      'color.png: is 100×100 pixels; Teams vraagt 192×192',
      'outline.png: is 32×48 pixels; Teams vraagt 32×32',
    ]);
    const swapped = texts(
      await validateTeamsPackage(
        content({
          icons: new Map([
            ['color.png', base.icons.get('outline.png') ?? new Uint8Array()],
            ['outline.png', base.icons.get('color.png') ?? new Uint8Array()],
          ]),
        }),
      ),
    );
    expect(swapped).toEqual([
      'color.png: is 32×32 pixels; Teams vraagt 192×192',
      'outline.png: is 192×192 pixels; Teams vraagt 32×32',
    ]);
    const broken = texts(
      await validateTeamsPackage(content({ icons: new Map([['color.png', Buffer.from('GIF89a not a png at all')]]) })),
    );
    expect(broken).toEqual(['color.png: geen PNG-afbeelding', 'outline.png: staat in manifest.json maar ontbreekt']);
  });
});
