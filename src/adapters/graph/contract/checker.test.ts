// The contract check: deliberately wrong requests are caught, and every request a real sync sends (BEL into the
// local tenant) matches the Graph v1.0 subset.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { loadProgrammeFile } from '../../files/programme-file.ts';
import { TENANT_IN_MEMORY, startLocalTenant } from '@regiekamer/local-tenant';
import { localTenantDirectory } from '../../../entry/server/local-tenant-data.ts';
import { createMsalTokenSource } from '../../auth/credentials.ts';
import { createHttpClient } from '../../http/fetch.ts';
import { openStore } from '../../store/open.ts';
import { runSync } from '../../../app/sync.ts';
import { graphSync } from '../../sync/graph.ts';
import { FixedClock } from '../../../domain/time/clock.ts';
import { createGraphGateway } from '../gateway.ts';
import { GraphContract, recordingFetch } from './checker.ts';

describe('the Graph contract check', () => {
  // The published subset (sha256 20904db1…) plus POST /invitations and its two schemas (issue 14 §4); any other
  // edit fails here.
  it('is the published subset plus POST /invitations, otherwise unchanged', async () => {
    const text = await readFile(new URL('./graph-v1.0-subset.yaml', import.meta.url));
    expect(createHash('sha256').update(text).digest('hex')).toBe(
      'c4650ccc335f444c5a64fc80451672e6fafb45b3e5824c66a6584a8faf252281',
    );
  });

  it('fails on deliberately wrong requests and passes right ones', () => {
    const c = GraphContract.load();
    // Tasks are created under their plan; POST /planner/tasks is not in the subset.
    expect(c.checkRequest({ method: 'POST', url: '/planner/tasks', body: { title: 'x' } })).toMatchObject([
      { kind: 'unknown-path' },
    ]);
    expect(c.checkRequest({ method: 'PUT', url: '/teams/abc/channels' })).toMatchObject([{ kind: 'unknown-method' }]);
    expect(c.checkRequest({ method: 'GET', url: '/teams/abc/kanalen' })).toMatchObject([{ kind: 'unknown-path' }]);
    expect(
      c.checkRequest({
        method: 'POST',
        url: 'https://graph.microsoft.com/v1.0/teams/abc/channels',
        body: { displayNmae: 'X', membershipType: 'standard' },
      }),
    ).toEqual([{ kind: 'unknown-property', where: 'POST /teams/abc/channels', detail: 'displayNmae' }]);
    expect(
      c.checkRequest({
        method: 'POST',
        url: '/users/a@b.example/events',
        body: { subject: 'x', start: { dateTime: '2026-01-01T10:00:00', tijdzone: 'UTC' } },
      }),
    ).toMatchObject([{ kind: 'unknown-property', detail: 'start.tijdzone' }]);
    expect(
      c.checkRequest({
        method: 'POST',
        url: '/$batch',
        body: { requests: Array.from({ length: 21 }, (_, i) => ({ id: String(i), method: 'GET', url: '/users' })) },
      }),
    ).toMatchObject([{ kind: 'bad-batch' }]);
    expect(
      c.checkRequest({
        method: 'POST',
        url: '/teams/abc/channels',
        body: {
          displayName: 'X',
          membershipType: 'shared',
          members: [
            {
              '@odata.type': '#microsoft.graph.aadUserConversationMember',
              roles: ['owner'],
              'user@odata.bind': 'x',
              tenantId: 't',
            },
          ],
        },
      }),
    ).toEqual([]);
    expect(c.checkRequest({ method: 'PATCH', url: '/planner/tasks/t1', body: { percentComplete: 50 } })).toEqual([]);
    const invitation = {
      invitedUserEmailAddress: 'bram@beta.example',
      invitedUserDisplayName: 'Bram Beta',
      inviteRedirectUrl: 'https://teams.microsoft.com',
      sendInvitationMessage: true,
    };
    expect(c.checkRequest({ method: 'POST', url: '/invitations', body: invitation })).toEqual([]);
    expect(
      c.checkRequest({ method: 'POST', url: '/invitations', body: { ...invitation, redirectUrl: 'x' } }),
    ).toMatchObject([{ kind: 'unknown-property', detail: 'redirectUrl' }]);
  });

  it('every request of a real sync (BEL into the local tenant) is in the contract', { timeout: 180_000 }, async () => {
    const loaded = await loadProgrammeFile('programmes/bel.yaml');
    if (!loaded.ok) throw new Error('bel.yaml does not load');
    const tenant = await startLocalTenant({
      directory: localTenantDirectory(loaded.programme),
      dataDir: TENANT_IN_MEMORY,
      port: 0,
      httpPort: null,
    });
    const http = createHttpClient({ caCertPem: tenant.caCertPem });
    const recorder = recordingFetch(http.fetch);
    const store = await openStore({ dataDir: 'memory://' });
    try {
      await store.migrate();
      const tokens = createMsalTokenSource({
        authorityHost: tenant.baseUrl,
        credential: { kind: 'secret', clientId: tenant.app.clientId, secret: tenant.app.clientSecret },
        fetch: http.fetch,
      });
      const gateway = createGraphGateway({ baseUrl: tenant.baseUrl, tokens, fetch: recorder.fetch });
      const result = await runSync(
        {
          graph: graphSync(gateway, { pollDelayMs: 50 }),
          store,
          programme: loaded.programme,
          clock: new FixedClock('2026-11-23T08:00:00Z'),
        },
        'apply',
      );
      expect(result.summary.failed).toBe(0);
      const methods = new Set(recorder.exchanges.map((e) => e.method));
      expect([...methods].sort()).toEqual(['GET', 'POST']);
      expect(recorder.exchanges.some((e) => e.url.endsWith('/$batch'))).toBe(true);
      const contract = GraphContract.load();
      expect(recorder.exchanges.flatMap((e) => contract.checkRequest(e))).toEqual([]);
    } finally {
      await store.close();
      await tenant.stop();
      await http.close();
    }
  });
});
