// The bot's own tenant (BOT_TENANT_ID, default the host tenant): a module of its own, so the `tenant` command can
// set the local tenant's single-tenant bot without loading the bot (docs/identiteit.md).
import type { Programme } from '../../domain/programme/schema.ts';
import type { Config } from '../../platform/config.ts';

/**
 * The tenant the bot's Bot Connector tokens come from: BOT_TENANT_ID, else the programme's host tenant (the one
 * with `host: true`), lower case. A single-tenant Azure Bot gets its token from its own tenant's endpoint
 * `{AUTHORITY_HOST}/{tenant}/oauth2/v2.0/token` (docs/platform.md#bot-and-messages). Undefined when neither is
 * there (a local programme without tenant ids); tenant mode refuses to start then.
 */
export function botTenantOf(config: Pick<Config, 'bot'>, programme: Programme): string | undefined {
  return (config.bot.tenantId ?? programme.gemeenten.find((g) => g.host)?.tenantId)?.toLowerCase();
}
