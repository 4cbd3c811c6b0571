// The pre-flight check's reads (the PreflightGraph port of src/app/preflight.ts) over the one Graph gateway and the
// same app's token source. Least intrusive: the token's `roles` claim is read from the token itself (no permission
// needed); mailboxes are probed on their calendar object (GET …/calendar?$select=id); the one write is an event
// without attendees in the organizer mailbox, deleted at once; cross-tenant access settings are read only when the
// token already holds Policy.Read.All (the caller decides). Nothing here logs or returns a token.
import { randomUUID } from 'node:crypto';
import { decodeJwt } from 'jose';
import type { PreflightGraph, Probe, Refusal } from '../../app/preflight.ts';
import { TokenAcquisitionError, type TokenSource } from '../auth/credentials.ts';
import { seg } from '../graph/endpoints/query.ts';
import type { GraphGateway } from '../graph/gateway.ts';
import { GraphError } from '../graph/types.ts';
import { findTeam, readDirectory } from '../sync/read.ts';
import { channels } from '../graph/endpoints/teams.ts';
import { planner } from '../graph/endpoints/planner.ts';
import { events } from '../graph/endpoints/calendar.ts';

const GRAPH_RESOURCE = 'https://graph.microsoft.com';

type B2bSetting = { usersAndGroups?: { accessType?: string } | null } | null | undefined;
interface PartnerPolicy {
  b2bDirectConnectInbound?: B2bSetting;
  b2bDirectConnectOutbound?: B2bSetting;
}

const allowed = (s: B2bSetting): boolean => s?.usersAndGroups?.accessType === 'allowed';

/** PreflightGraph over `gateway` and `tokens` (the same app, the same MSAL cache as the gateway's). */
export function preflightGraph(gateway: GraphGateway, tokens: TokenSource): PreflightGraph {
  const probe = async (run: () => Promise<unknown>): Promise<Probe> => {
    try {
      await run();
      return { ok: true };
    } catch (err) {
      if (!(err instanceof GraphError)) throw err;
      return { ok: false, status: err.status, code: err.code };
    }
  };
  return {
    async token(tenantId) {
      try {
        const claims = decodeJwt(await tokens.token(tenantId, GRAPH_RESOURCE));
        const roles = Array.isArray(claims['roles']) ? claims['roles'].map(String) : [];
        return { ok: true, roles };
      } catch (err) {
        if (err instanceof TokenAcquisitionError) return { ok: false, code: err.code };
        throw err;
      }
    },
    readMailbox: (tenantId, mailbox) =>
      probe(() => gateway.request(tenantId, { method: 'GET', path: `/users/${seg(mailbox)}/calendar?$select=id` })),
    async writeMailbox(tenantId, mailbox) {
      // In the past, without attendees, reminder or body: nobody is notified; deleted at once.
      const subject = `Regiekamer controleer ${randomUUID().slice(0, 8)}`;
      let id: string | undefined;
      const write = await probe(async () => {
        const r = await gateway.request<{ id?: string }>(
          tenantId,
          events.create(mailbox, {
            subject,
            start: { dateTime: '2000-01-03T09:00:00', timeZone: 'UTC' },
            end: { dateTime: '2000-01-03T09:15:00', timeZone: 'UTC' },
            isReminderOn: false,
            showAs: 'free',
          }),
        );
        id = r.body.id;
      });
      if (!write.ok || !id) return { ...write, subject };
      const removed = await probe(() => gateway.request(tenantId, events.remove(mailbox, id as string)));
      return removed.ok
        ? { ok: true, subject }
        : { ok: true, subject, cleanup: { status: removed.status, code: removed.code } };
    },
    directory: (d) => readDirectory(gateway, d),
    async team(d) {
      const id = await findTeam(gateway, d, undefined);
      if (!id) return undefined;
      let count = 0;
      for await (const _ of gateway.pages(d.hostTenantId, channels.list(id, { select: ['id'] }))) count++;
      return { id, channels: count };
    },
    async plans(tenantId, groupId) {
      let count = 0;
      for await (const _ of gateway.pages(tenantId, planner.plansOfGroup(groupId))) count++;
      return count;
    },
    async directConnect(tenantId, partnerTenantId) {
      const read = async (path: string) =>
        (await gateway.request<PartnerPolicy>(tenantId, { method: 'GET', path })).body;
      const fallback = () => read('/policies/crossTenantAccessPolicy/default');
      let partner: PartnerPolicy | undefined;
      try {
        partner = await read(`/policies/crossTenantAccessPolicy/partners/${seg(partnerTenantId)}`);
      } catch (err) {
        // No partner configuration: the tenant's default settings apply.
        if (!(err instanceof GraphError) || err.status !== 404) throw err;
      }
      // A partner setting that is null inherits the default (crossTenantAccessPolicyConfigurationPartner).
      const inherits = !partner || partner.b2bDirectConnectInbound == null || partner.b2bDirectConnectOutbound == null;
      const byDefault = inherits ? await fallback() : undefined;
      const pick = (k: keyof PartnerPolicy) => partner?.[k] ?? byDefault?.[k];
      return { inbound: allowed(pick('b2bDirectConnectInbound')), outbound: allowed(pick('b2bDirectConnectOutbound')) };
    },
    refusal: (err): Refusal | undefined =>
      err instanceof GraphError ? { status: err.status, code: err.code } : undefined,
  };
}
