// Reading the local tenant of a running `npm start` as an app would: its connection file (local-tenant.json in the
// data directory), an app-only token from its token endpoint, Graph GETs over its plain-HTTP port, and its /_local
// record of what the bot sent (the Bot Connector's activities per conversation).
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Programme } from '../../src/domain/programme/schema.ts';

interface Info {
  httpUrl: string;
  baseUrl: string;
  tenants: { id: string; domain: string }[];
  app: { clientId: string; clientSecret: string };
}

type GraphBody = { value?: Record<string, unknown>[] } & Record<string, unknown>;

/** The local tenant next to data directory `dir`, for `programme`'s host tenant. */
export async function localTenantOf(dir: string, programme: Programme) {
  const info = JSON.parse(await readFile(path.join(dir, 'local-tenant.json'), 'utf8')) as Info;
  const host = programme.gemeenten.find((g) => g.host)?.tenantId as string;
  const token = async () => {
    const form = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: info.app.clientId,
      client_secret: info.app.clientSecret,
      scope: 'https://graph.microsoft.com/.default',
    });
    const res = await fetch(`${info.httpUrl}/${host}/oauth2/v2.0/token`, { method: 'POST', body: form });
    return ((await res.json()) as { access_token: string }).access_token;
  };
  /** GET `p` (below /v1.0) with an app-only token of the host tenant. */
  const graph = async (p: string): Promise<GraphBody> => {
    const res = await fetch(`${info.httpUrl}/v1.0${p}`, { headers: { Authorization: `Bearer ${await token()}` } });
    return (await res.json()) as GraphBody;
  };
  return {
    info,
    host,
    graph,
    /** The id of the programme's team (its group), found by its display name; 'undefined' before the sync made it. */
    async teamId(): Promise<string> {
      const filter = encodeURIComponent(`displayName eq '${programme.programme.team.name}'`);
      return String((await graph(`/groups?$filter=${filter}`)).value?.[0]?.['id']);
    },
    /** What the bot sent to conversation `conversationId` (a channel's id for a channel), oldest first. */
    async botActivities(conversationId: string): Promise<{ id: string; activity?: Record<string, unknown> }[]> {
      const res = await fetch(`${info.httpUrl}/_local/bot/activities?${new URLSearchParams({ conversationId })}`);
      return ((await res.json()) as { value: { id: string; activity?: Record<string, unknown> }[] }).value;
    },
  };
}
