// The pre-flight check's settings part (no calls): the bot's id, endpoint and tenant (a single-tenant bot in the
// host tenant, identity decision in docs/), and the Teams package's ids and URLs, which must not be the local
// placeholders or a localhost address (Teams only loads https URLs on a public name).
import type { CheckResult } from './preflight.ts';

/** What the bot and the Teams package are configured with (config and environment), and the local placeholders. */
export interface DeploymentSettings {
  botId: string | undefined;
  teamsAppId: string | undefined;
  publicUrl: string;
  /** BOT_TENANT_ID when set (default: the host tenant). */
  botTenantId: string | undefined;
  placeholders: { botId: string; teamsAppId: string };
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/** Whether `url` is an https URL on a public name (not localhost, a loopback address or *.localhost). */
function publicHttps(url: string): boolean {
  if (!URL.canParse(url)) return false;
  const u = new URL(url);
  const host = u.hostname.toLowerCase();
  return u.protocol === 'https:' && !LOCAL_HOSTS.has(host) && !host.endsWith('.localhost') && !host.startsWith('127.');
}

/** The bot's and the package's checks, in words; `hostTenantId` is the programme's host tenant. */
export function deploymentChecks(s: DeploymentSettings, hostTenantId: string): CheckResult[] {
  const checks: CheckResult[] = [];
  const botOk = s.botId !== undefined && GUID.test(s.botId) && s.botId !== s.placeholders.botId;
  const urlOk = publicHttps(s.publicUrl);
  const botTenant = s.botTenantId ?? hostTenantId;
  const tenantOk = botTenant.toLowerCase() === hostTenantId.toLowerCase();
  if (!botOk)
    checks.push({
      check: 'bot',
      status: 'fail',
      what: { key: 'controleer.bot.noId', params: {} },
      fix: { key: 'controleer.bot.noId.fix', params: {} },
    });
  if (!urlOk)
    checks.push({
      check: 'bot',
      status: 'fail',
      what: { key: 'controleer.bot.publicUrl', params: { url: s.publicUrl } },
      fix: { key: 'controleer.bot.publicUrl.fix', params: {} },
    });
  if (!tenantOk)
    checks.push({
      check: 'bot',
      status: 'fail',
      what: { key: 'controleer.bot.tenant', params: { botTenant, hostTenant: hostTenantId } },
      fix: { key: 'controleer.bot.tenant.fix', params: { hostTenant: hostTenantId } },
    });
  if (botOk && urlOk && tenantOk)
    checks.push({
      check: 'bot',
      status: 'ok',
      what: {
        key: 'controleer.bot.ok',
        params: { botId: s.botId, botTenant, endpoint: `${s.publicUrl.replace(/\/+$/, '')}/api/messages` },
      },
    });
  const placeholders = [
    ...(s.teamsAppId === undefined || !GUID.test(s.teamsAppId) || s.teamsAppId === s.placeholders.teamsAppId
      ? [`TEAMS_APP_ID ${s.teamsAppId ?? '—'}`]
      : []),
    ...(botOk ? [] : [`BOT_ID ${s.botId ?? '—'}`]),
    ...(urlOk ? [] : [`PUBLIC_URL ${s.publicUrl}`]),
  ];
  checks.push(
    placeholders.length > 0
      ? {
          check: 'package',
          status: 'fail',
          what: { key: 'controleer.package.placeholder', params: { what: placeholders.join(', ') } },
          fix: { key: 'controleer.package.fix', params: {} },
        }
      : {
          check: 'package',
          status: 'ok',
          what: {
            key: 'controleer.package.ok',
            params: { teamsAppId: s.teamsAppId, botId: s.botId, url: s.publicUrl },
          },
        },
  );
  return checks;
}
