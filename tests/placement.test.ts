// Issue 14 §4: no person in the file is ever silently left out. For BLNP, BEL and a programme with guests, against
// the local tenant: every (person, body) pair of the file — and every person in no body — is in what plan and
// apply report, placed or with a reason in words; guests are invited when the programme asks, wait while the
// invitation is pending, and are placed (as guests) once they accept; the state per person is in the store.
import { describe, expect, it } from 'vitest';
import { startLocalTenant, TENANT_IN_MEMORY, type LocalTenantHandle } from '@regiekamer/local-tenant';
import { loadProgrammeFile } from '../src/adapters/files/programme-file.ts';
import { createMsalTokenSource } from '../src/adapters/auth/credentials.ts';
import { GraphContract, recordingFetch } from '../src/adapters/graph/contract/checker.ts';
import { createGraphGateway } from '../src/adapters/graph/gateway.ts';
import { createHttpClient } from '../src/adapters/http/fetch.ts';
import { openStore } from '../src/adapters/store/open.ts';
import type { Store } from '../src/adapters/store/store.ts';
import { graphSync } from '../src/adapters/sync/graph.ts';
import { runSync, type SyncResult } from '../src/app/sync.ts';
import { isMessageKey } from '../src/domain/i18n.ts';
import type { Programme } from '../src/domain/programme/schema.ts';
import { FixedClock } from '../src/domain/time/clock.ts';
import { localTenantDirectory } from '../src/entry/server/local-tenant-data.ts';

async function load(file: string): Promise<Programme> {
  const loaded = await loadProgrammeFile(new URL(`../${file}`, import.meta.url).pathname);
  if (!loaded.ok) throw new Error(`${file} does not load`);
  return loaded.programme;
}

interface Rig {
  tenant: LocalTenantHandle;
  store: Store;
  sync(mode: 'plan' | 'apply'): Promise<SyncResult>;
  exchanges: ReturnType<typeof recordingFetch>['exchanges'];
  close(): Promise<void>;
}

async function rig(programme: Programme): Promise<Rig> {
  const tenant = await startLocalTenant({
    directory: localTenantDirectory(programme),
    dataDir: TENANT_IN_MEMORY,
    port: 0,
    httpPort: null,
  });
  const http = createHttpClient({ caCertPem: tenant.caCertPem });
  const recorder = recordingFetch(http.fetch);
  const store = await openStore({ dataDir: 'memory://' });
  await store.migrate();
  const tokens = createMsalTokenSource({
    authorityHost: tenant.baseUrl,
    credential: { kind: 'secret', clientId: tenant.app.clientId, secret: tenant.app.clientSecret },
    fetch: http.fetch,
  });
  const gateway = createGraphGateway({ baseUrl: tenant.baseUrl, tokens, fetch: recorder.fetch });
  const clock = new FixedClock('2026-11-23T08:00:00Z');
  return {
    tenant,
    store,
    exchanges: recorder.exchanges,
    sync: (mode) => runSync({ graph: graphSync(gateway, { pollDelayMs: 20 }), store, programme, clock }, mode),
    close: async () => {
      await store.close();
      await tenant.stop();
      await http.close();
    },
  };
}

/** The file's (person, body) pairs, plus (person, —) for everyone in no body. */
function filePairs(p: Programme): string[] {
  const pairs = p.bodies.flatMap((b) => [...new Set(b.members)].map((m) => `${m}|${b.id}`));
  const inBody = new Set(p.bodies.flatMap((b) => b.members));
  return [...pairs, ...p.people.filter((x) => !inBody.has(x.id)).map((x) => `${x.id}|—`)].sort();
}

/** Every pair accounted for once, each with a catalogue reason, and none that the sync forgot. */
function expectEveryoneAccounted(p: Programme, r: SyncResult): void {
  expect(r.placements.map((x) => `${x.personId}|${x.bodyId ?? '—'}`).sort()).toEqual(filePairs(p));
  for (const x of r.placements) {
    expect(isMessageKey(x.reason.key), x.reason.key).toBe(true);
    expect(x.reason.key, `${x.personId} in ${x.bodyId}`).not.toBe('placement.unrouted');
  }
}

const pairOf = (r: SyncResult, person: string, body: string) =>
  r.placements.find((x) => x.personId === person && x.bodyId === body);

describe('every person of the file is placed or told why', () => {
  for (const file of ['programmes/blnp.yaml', 'programmes/bel.yaml']) {
    it(`${file}: plan and apply account for every (person, body) pair`, { timeout: 480_000 }, async () => {
      const programme = await load(file);
      const r = await rig(programme);
      try {
        const planned = await r.sync('plan');
        expectEveryoneAccounted(programme, planned);
        const applied = await r.sync('apply');
        expect(applied.summary.failed).toBe(0);
        expectEveryoneAccounted(programme, applied);
        const again = await r.sync('plan');
        expectEveryoneAccounted(programme, again);
        // After apply, nobody is left "to be added": placed, waiting, or not placed with a reason.
        expect(again.placements.filter((x) => x.status === 'planned')).toEqual([]);
        for (const x of again.placements.filter((y) => y.status === 'not-placed' || y.status === 'waiting'))
          expect(again.changes.some((c) => c.action === 'skip' && c.reason.key === x.reason.key)).toBe(true);
      } finally {
        await r.close();
      }
    });
  }

  it('BEL: the standard channel with guest access names its members from other gemeenten', async () => {
    const programme = await load('programmes/bel.yaml');
    const r = await rig(programme);
    try {
      const planned = await r.sync('plan');
      // Paul Nijland (Laren) is a member of the communicatie werkgroep's standard channel, as a guest.
      expect(pairOf(planned, 'paul-nijland', 'wg-communicatie')).toMatchObject({
        status: 'not-placed',
        reason: { key: 'sync.reason.noGuest' },
      });
      expect(planned.guests.find((g) => g.personId === 'paul-nijland')).toMatchObject({ state: 'not-invited' });
      // BEL does not ask Regiekamer to invite: no invitation is planned.
      expect(planned.changes.filter((c) => c.action === 'invite')).toEqual([]);
    } finally {
      await r.close();
    }
  });

  it(
    'guests: invited, waiting while pending, placed as guests once accepted; state kept in the store',
    { timeout: 480_000 },
    async () => {
      const programme = await load('tests/fixtures/programmes/guests.yaml');
      const r = await rig(programme);
      try {
        const first = await r.sync('plan');
        expectEveryoneAccounted(programme, first);
        expect(
          first.changes
            .filter((c) => c.action === 'invite')
            .map((c) => c.id)
            .sort(),
        ).toEqual(['guest:bea:invite', 'guest:bram:invite', 'guest:gert:invite']);
        // The trekker from Beta, only in the standard channel with guest access: not silently absent.
        expect(pairOf(first, 'bram', 'wg-communicatie')).toMatchObject({
          status: 'waiting',
          reason: { key: 'sync.reason.guestToInvite' },
        });
        expect(pairOf(first, 'dirk', '—' as string)).toBeUndefined();
        expect(first.placements.find((x) => x.personId === 'dirk')).toMatchObject({
          bodyId: undefined,
          reason: { key: 'placement.noBody' },
        });
        expect(pairOf(first, 'anna', 'regiegroep')).toMatchObject({ status: 'no-channel' });

        const applied = await r.sync('apply');
        expect(applied.summary.failed).toBe(0);
        expectEveryoneAccounted(programme, applied);
        const invitations = r.exchanges
          .filter((e) => e.method === 'POST' && e.url.endsWith('/$batch'))
          .flatMap((e) => (e.body as { requests: { method: string; url: string; body?: unknown }[] }).requests)
          .filter((q) => q.url === '/invitations');
        expect(
          invitations.map((q) => (q.body as { invitedUserEmailAddress: string }).invitedUserEmailAddress).sort(),
        ).toEqual(['bea@beta.example', 'bram@beta.example', 'gert@gamma.example']);
        expect(invitations[0]?.body).toMatchObject({
          inviteRedirectUrl: 'https://teams.microsoft.com/l/team/gasten',
          sendInvitationMessage: true,
        });
        const contract = GraphContract.load();
        expect(r.exchanges.flatMap((e) => contract.checkRequest(e))).toEqual([]);
        expect((await r.store.guests.list('gasten')).map((g) => [g.personId, g.state])).toEqual([
          ['bea', 'invited'],
          ['bram', 'invited'],
          ['gert', 'invited'],
        ]);

        // Pending: no second invitation, the pair waits with its reason.
        const pending = await r.sync('plan');
        expect(pending.changes.filter((c) => c.action === 'invite')).toEqual([]);
        expect(pairOf(pending, 'bram', 'wg-communicatie')).toMatchObject({
          status: 'waiting',
          reason: { key: 'sync.reason.guestPending' },
        });
        expect(pending.guests.find((g) => g.personId === 'bram')?.state).toBe('invited');

        // Bram accepts; the next apply adds him to the team as a guest, and he sees his werkgroep's channel.
        expect(r.tenant.acceptInvitation('bram@beta.example').map((a) => a.email)).toEqual(['bram@beta.example']);
        const converged = await r.sync('apply');
        expect(converged.summary.failed).toBe(0);
        expect(pairOf(converged, 'bram', 'wg-communicatie')).toMatchObject({ status: 'placed' });
        const after = await r.sync('plan');
        expect(pairOf(after, 'bram', 'wg-communicatie')).toMatchObject({
          status: 'placed',
          reason: { key: 'placement.team' },
        });
        expect(after.changes.filter((c) => c.id.includes('bram'))).toEqual([]);
        const stored = await r.store.guests.list('gasten');
        expect(stored.find((g) => g.personId === 'bram')).toMatchObject({ state: 'accepted' });
        expect(stored.find((g) => g.personId === 'bram')?.acceptedAt).toBeInstanceOf(Date);
        const team = r.tenant.state().tenants['11111111-1111-4111-8111-111111111111'];
        const guest = Object.values(team?.collections['users'] ?? {}).find((u) => u.mail === 'bram@beta.example');
        expect(guest).toMatchObject({ userType: 'Guest', externalUserState: 'Accepted' });
      } finally {
        await r.close();
      }
    },
  );
});
