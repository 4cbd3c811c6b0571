// Fills the `${{NAME}}` placeholders of manifest/manifest.json (and its localization files) at packaging time.
// Pure: text in, parsed JSON out; the template itself holds nothing environment-specific.
import { problem, type PackageProblem } from './problems.ts';

export const PLACEHOLDERS = ['TEAMS_APP_ID', 'BOT_ID', 'SSO_APP_ID', 'PUBLIC_HOSTNAME', 'PUBLIC_BASE_URL'] as const;
type PlaceholderName = (typeof PLACEHOLDERS)[number];
export type Placeholders = Record<PlaceholderName, string>;

/** Made-up ids for local use when TEAMS_APP_ID / BOT_ID are not set: valid GUIDs, obviously not real registrations. */
export const LOCAL_TEAMS_APP_ID = '00000000-0000-4000-8000-00000000a001';
export const LOCAL_BOT_ID = '00000000-0000-4000-8000-00000000b001';

export interface PackageValues {
  teamsAppId: string;
  botId: string;
  /**
   * The app registration the tab's SSO token is issued for (manifest `webApplicationInfo.id`): the multi-tenant app,
   * GRAPH_CLIENT_ID, consented in every gemeente's tenant (docs/identiteit.md). Defaults to `botId` (local use).
   */
  ssoAppId?: string | undefined;
  /** The public base URL of the server, e.g. https://regiekamer.example or http://localhost:3978. */
  publicUrl: string;
}

export type JsonObject = Record<string, unknown>;

export type PlaceholderResult =
  { ok: true; placeholders: Placeholders; upgradedToHttps: boolean } | { ok: false; problem: PackageProblem };

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isPlaceholderName(name: string): name is PlaceholderName {
  return (PLACEHOLDERS as readonly string[]).includes(name);
}

export function placeholdersFor(values: PackageValues): PlaceholderResult {
  const url = URL.canParse(values.publicUrl) ? new URL(values.publicUrl) : undefined;
  if (!url || (url.protocol !== 'https:' && url.protocol !== 'http:')) {
    return { ok: false, problem: problem('package.publicUrl', { url: values.publicUrl }) };
  }
  // Teams only accepts https URLs in a manifest (and loads tabs only over https). The local default PUBLIC_URL is
  // http://localhost:3978, so an http URL becomes https on the same host and port: for local use the tab must then be
  // served over https (or through an https tunnel). `host` keeps a non-default port; http's default port 80 is dropped
  // by URL and so becomes https's 443.
  const basePath = url.pathname.replace(/\/+$/, '');
  return {
    ok: true,
    upgradedToHttps: url.protocol === 'http:',
    placeholders: {
      TEAMS_APP_ID: values.teamsAppId,
      BOT_ID: values.botId,
      SSO_APP_ID: values.ssoAppId ?? values.botId,
      PUBLIC_HOSTNAME: url.host,
      PUBLIC_BASE_URL: `https://${url.host}${basePath}`,
    },
  };
}

export type FillResult = { ok: true; json: JsonObject } | { ok: false; problems: PackageProblem[] };

/** Replaces every `${{NAME}}` in a JSON template and parses it; an unknown placeholder or bad JSON is a problem. */
export function fillTemplate(text: string, placeholders: Placeholders, file: string): FillResult {
  const problems: PackageProblem[] = [];
  const filled = text.replace(/\$\{\{\s*([A-Za-z0-9_]+)\s*\}\}/g, (whole, name: string) => {
    if (isPlaceholderName(name)) return JSON.stringify(placeholders[name]).slice(1, -1);
    problems.push(problem('package.placeholder', { file, name: whole }));
    return whole;
  });
  if (problems.length > 0) return { ok: false, problems };
  let json: unknown;
  try {
    json = JSON.parse(filled);
  } catch (err) {
    return {
      ok: false,
      problems: [problem('package.json', { file, detail: err instanceof Error ? err.message : String(err) })],
    };
  }
  if (!isJsonObject(json)) return { ok: false, problems: [problem('package.notObject', { file })] };
  return { ok: true, json };
}
