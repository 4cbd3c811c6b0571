// What the API writes on to Planner is held to Planner's limits at the API (docs/platform.md#input-limits): an action
// title over 255 characters or notes over 32,000 are refused with 400 and a message in Dutch and English, not sent
// on to Planner to fail there; just at the limit they are saved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '../../adapters/auth/testing.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import { seedActions } from '../../adapters/work/seed.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { GRAPH_LIMITS } from '../../domain/programme/limits.ts';
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

/** A PATCH as the tab sends it: on the version just read (an edit without one is refused with 428). */
const patch = async (body: unknown) => {
  const list = await fetch(`${base}/api/acties`, { headers: { authorization: `Bearer ${token}` } });
  const actions = ((await list.json()) as { actions: { id: string; version: string }[] }).actions;
  const version = actions.find((a) => a.id === actionId)?.version;
  if (!version) throw new Error(`action ${actionId} not listed`);
  const res = await fetch(`${base}/api/acties/${actionId}`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'if-match': `"${version}"`,
    },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
};

beforeAll(async () => {
  p = await loadProgramme('blnp');
  const clock = new FixedClock(`${TODAY}T10:00:00Z`);
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  for (const a of seedActions(p, TODAY)) await store.actions.save(p.programme.id, a, clock.now());
  const [first] = await store.actions.list(p.programme.id);
  if (!first) throw new Error('seeded actions');
  actionId = first.id;
  const werkgroep = p.bodies.find((b) => b.id === first.werkgroep);
  const trekker = p.people.find((x) => werkgroep?.kind === 'werkgroep' && x.id === werkgroep.trekker);
  const tid = p.gemeenten.find((g) => g.id === trekker?.gemeente)?.tenantId;
  if (!trekker || !tid) throw new Error('a trekker in a tenant');
  const issuer = await testIssuer();
  token = await issuer.userToken(tid, trekker.upn, clock.now());
  api = await serveApi({
    store,
    programme: p,
    clock,
    validate: issuer.validator(
      p.gemeenten.flatMap((g) => (g.tenantId ? [g.tenantId] : [])),
      clock,
    ),
    today: () => TODAY,
    triggerRhythm: async () => undefined,
  });
  base = api.base;
});

afterAll(async () => {
  await api.close();
  await store.close();
});

describe('Planner limits at the API', () => {
  it.each([
    ['title', GRAPH_LIMITS.taskTitle],
    ['notes', GRAPH_LIMITS.taskNotes],
  ] as const)('%s: at the limit saved, one over refused with 400 in Dutch and English', async (field, max) => {
    const ok = await patch({ [field]: 'x'.repeat(max) });
    expect(ok.status).toBe(200);
    expect(String(ok.body[field])).toHaveLength(max);
    const refused = await patch({ [field]: 'y'.repeat(max + 1) });
    expect(refused.status).toBe(400);
    expect(String(refused.body['message'])).toMatch(new RegExp(`${field}.* / .*${field}`));
    const saved = await store.actions.get(p.programme.id, actionId);
    expect(saved?.fields[field]).toBe('x'.repeat(max));
  });
});
