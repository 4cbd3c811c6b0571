// What a Teams app package for a real tenant must not contain: the made-up local ids, an id that is no GUID, and a
// PUBLIC_URL that Teams cannot reach (http, localhost, a loopback or IP address). `regiekamer package` refuses such a
// package in tenant mode (exit 2); `regiekamer controleer` can report the same problems for a tenant's readiness.
// Pure: values in, problems out.
import { problem, type PackageProblem } from './problems.ts';
import { LOCAL_BOT_ID, LOCAL_TEAMS_APP_ID } from './template.ts';

/** The ids and URL a production package is made from, as configured (undefined: not set). */
export interface ProductionValues {
  /** TEAMS_APP_ID: the Teams app's own id (manifest `id`). */
  teamsAppId: string | undefined;
  /** BOT_ID: the single-tenant bot's app registration (manifest `bots[0].botId`). */
  botId: string | undefined;
  /** GRAPH_CLIENT_ID: the multi-tenant app registration, also the tab's SSO app (manifest `webApplicationInfo.id`). */
  ssoAppId: string | undefined;
  /** PUBLIC_URL as set in the environment; undefined when it is not set (the server then assumes localhost). */
  publicUrl: string | undefined;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_IDS: ReadonlySet<string> = new Set([LOCAL_TEAMS_APP_ID, LOCAL_BOT_ID]);

/** True for an id that only stands in for a registration: the local ids and the nil GUID. */
function isPlaceholderId(id: string): boolean {
  return LOCAL_IDS.has(id.toLowerCase()) || /^0{8}-0{4}-/.test(id);
}

function idProblems(name: string, id: string | undefined): PackageProblem[] {
  if (id === undefined || id.trim() === '') return [problem('package.production.idMissing', { name })];
  if (!GUID.test(id)) return [problem('package.production.idNotGuid', { name, id })];
  if (isPlaceholderId(id)) return [problem('package.production.idPlaceholder', { name, id })];
  return [];
}

/** A host Teams clients and the Bot Connector cannot reach from the internet: localhost names, IP literals. */
function unreachableHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) return true;
  // An IPv4 or IPv6 literal: Teams needs a DNS name that its certificate is issued for (validDomains takes names).
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.includes(':');
}

function urlProblems(publicUrl: string | undefined): PackageProblem[] {
  if (publicUrl === undefined || publicUrl.trim() === '') return [problem('package.production.urlMissing', {})];
  const url = URL.canParse(publicUrl) ? new URL(publicUrl) : undefined;
  if (!url) return [problem('package.publicUrl', { url: publicUrl })];
  const problems: PackageProblem[] = [];
  if (url.protocol !== 'https:') problems.push(problem('package.production.urlNotHttps', { url: publicUrl }));
  if (unreachableHost(url.hostname)) problems.push(problem('package.production.urlLocal', { url: publicUrl }));
  return problems;
}

/**
 * Every reason the values cannot make a package for a real tenant, in a fixed order (TEAMS_APP_ID, BOT_ID,
 * GRAPH_CLIENT_ID, PUBLIC_URL); empty when they can. Ids must be GUIDs and not the local placeholders
 * (LOCAL_TEAMS_APP_ID, LOCAL_BOT_ID) or the nil GUID; PUBLIC_URL must be set, https, and name a
 * host by DNS name other than localhost (Teams loads tabs over https only and takes domain names in validDomains:
 * learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema).
 */
export function productionProblems(values: ProductionValues): PackageProblem[] {
  return [
    ...idProblems('TEAMS_APP_ID', values.teamsAppId),
    ...idProblems('BOT_ID', values.botId),
    ...idProblems('GRAPH_CLIENT_ID', values.ssoAppId),
    ...urlProblems(values.publicUrl),
  ];
}
