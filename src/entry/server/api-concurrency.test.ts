// Two edits of one action at the same moment, made deterministic through the store: each request's read of the
// action is held until both have read it, so both decide on the same version and then both write. No edit may
// vanish unseen: with the version read (If-Match) one goes through and the other is refused with 409 and the
// values it would have overwritten; without a version both are refused (428) — before, both were answered 200 and
// the first value was lost with no conflict recorded (issue 14 §6).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '../../adapters/auth/testing.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import { seedActions } from '../../adapters/work/seed.ts';
import type { ActionView, ErrorResponse } from '../../app/contract.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { serveApi, type ApiServer } from '../../../tests/helpers/api-server.ts';

const TODAY = '2026-11-23';
let p: Programme;
let store: Store;
let api: ApiServer;
let base: string;
let token: string;
let actionId: string;

/**
 * Holds the next `n` reads of action `id` until all `n` have happened (then lets them all go on together), so
 * `n` requests provably read the same version before any of them writes. Resolves when the reads were released.
 */
let holdReads: (id: string, n: number) => Promise<void> = () => Promise.resolve();

/** The store, with the action reads going through the gate that holdReads sets. */
function gated(inner: Store): Store {
  let gate: { id: string; waiting: (() => void)[]; n: number; released: () => void } | undefined;
  holdReads = (id, n) =>
    new Promise((released) => {
      gate = { id, waiting: [], n, released };
    });
  const actions = {
    ...inner.actions,
    get: async (pid: string, id: string) => {
      const read = await inner.actions.get(pid, id);
      const g = gate;
      if (g?.id === id) {
        await new Promise<void>((go) => {
          g.waiting.push(go);
          if (g.waiting.length === g.n) {
            gate = undefined;
            for (const w of g.waiting) w();
            g.released();
          }
        });
      }
      return read;
    },
  };
  return { ...inner, actions } as Store;
}

async function patch(body: unknown, version?: string): Promise<{ status: number; body: ActionView & ErrorResponse }> {
  const res = await fetch(`${base}/api/acties/${actionId}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      ...(version ? { 'if-match': `"${version}"` } : {}),
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as ActionView & ErrorResponse };
}

const current = async (): Promise<ActionView> => {
  const res = await fetch(`${base}/api/acties`, { headers: { authorization: `Bearer ${token}` } });
  const found = ((await res.json()) as { actions: ActionView[] }).actions.find((a) => a.id === actionId);
  if (!found) throw new Error('the action');
  return found;
};

beforeAll(async () => {
  p = await loadProgramme('blnp');
  const clock = new FixedClock(`${TODAY}T10:00:00Z`);
  const inner = await openStore({ dataDir: MEMORY });
  await inner.migrate();
  for (const a of seedActions(p, TODAY))
    await inner.actions.save(p.programme.id, { ...a, fields: { ...a.fields, status: 'open' } }, clock.now());
  const first = (await inner.actions.list(p.programme.id))[0];
  const w = p.bodies.find((b) => b.id === first?.werkgroep);
  const trekker = p.people.find((x) => w?.kind === 'werkgroep' && x.id === w.trekker);
  const tid = p.gemeenten.find((g) => g.id === trekker?.gemeente)?.tenantId;
  if (!first || !trekker || !tid) throw new Error('an action whose trekker is in a tenant');
  actionId = first.id;
  store = gated(inner);
  const issuer = await testIssuer();
  token = await issuer.userToken(tid, trekker.upn, clock.now());
  api = await serveApi({
    store,
    programme: p,
    clock,
    validate: issuer.validator([tid], clock),
    today: () => TODAY,
  });
  base = api.base;
});

afterAll(async () => {
  await api.close();
  await store.close();
});

describe('two edits of one action at once', () => {
  it('with the version read: one goes through, the other is refused with 409 and the current values', async () => {
    const read = await current();
    const bothRead = holdReads(actionId, 2);
    const [a, b] = await Promise.all([
      patch({ status: 'loopt' }, read.version),
      patch({ status: 'wacht' }, read.version),
      bothRead,
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const [won, lost] = a.status === 200 ? [a, b] : [b, a];
    const saved = await current();
    expect(saved.status).toBe(won.body.status);
    // The refused one is told, and shown what is there now instead of its own value.
    expect(lost.body.error).toBe('changed');
    expect(lost.body.action?.status).toBe(won.body.status);
    expect(lost.body.message).toMatch(/is intussen gewijzigd .* \/ .* was changed in the meantime/);
  });

  it('on different fields as well: the second is refused rather than applied on a version it never saw', async () => {
    const read = await current();
    const bothRead = holdReads(actionId, 2);
    const [a, b] = await Promise.all([
      patch({ title: 'Gezamenlijke aanbesteding voorbereiden' }, read.version),
      patch({ due: '2027-03-01' }, read.version),
      bothRead,
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const saved = await current();
    expect([saved.title === read.title, saved.due === read.due].filter(Boolean)).toHaveLength(1);
  });

  it('without a version (what `regiekamer acties --wijzig` sent): both are refused with 428 and nothing changes', async () => {
    const before = await current();
    const bothRead = holdReads(actionId, 2);
    const [a, b] = await Promise.all([patch({ status: 'gereed' }), patch({ status: 'wacht' }), bothRead]);
    expect([a.status, b.status]).toEqual([428, 428]);
    expect(a.body.error).toBe('version_required');
    expect(a.body.message).toMatch(/ \/ a change to .* must say which version it was made on/);
    expect(await current()).toEqual(before);
  });
});
