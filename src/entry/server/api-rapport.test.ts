// The monthly report's routes through the HTTP API (issue 16 §2) with a test double for the report's content: a bad
// month or document name answered 400 in Dutch first, the introduction's ETag in If-Match (428 without, 409 when
// stale, the text kept), approval, the download with its Content-Disposition, and the renderer not yet available
// answered 409 with its reason. Who may use which route is in api-access.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '../../adapters/auth/testing.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { ReportRenderer } from '../../app/report/port.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { serveApi, type ApiServer } from '../../../tests/helpers/api-server.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';

const clock = new FixedClock('2026-11-30T10:00:00Z');
let p: Programme;
let store: Store;
let server: ApiServer;
let off: ApiServer;
let leider = '';
let delivered = 0;

const renderer: ReportRenderer = {
  render: (r) => Promise.resolve(new TextEncoder().encode(`%PDF ${r.month} ${r.variant} ${r.format}`)),
  summary: (month) =>
    Promise.resolve({
      month,
      werkgroepen: { total: 9, opKoers: 9, aandacht: 0, risico: 0, none: 0 },
      decisionsTaken: 1,
      decisionsWaiting: 0,
      medianLeadTimeDays: 5,
      overdueActions: 0,
      blockedActions: 0,
      milestonesReached: [],
    }),
};

type Answer = { status: number; body: Record<string, unknown> };
async function call(path: string, method = 'GET', body?: unknown, etag?: string, at = server): Promise<Answer> {
  const res = await fetch(`${at.base}/api${path}`, {
    method,
    headers: {
      authorization: `Bearer ${leider}`,
      'content-type': 'application/json',
      ...(etag ? { 'if-match': `"${etag}"` } : {}),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A 4xx with `error` and a message, Dutch first, then English. */
function refusedWith(a: Answer, status: number, error: string, dutch: RegExp): void {
  expect(a.status, JSON.stringify(a.body)).toBe(status);
  expect(a.body['error']).toBe(error);
  expect(a.body['message']).toMatch(/.+ \/ .+/);
  expect(a.body['message']).toMatch(dutch);
}

beforeAll(async () => {
  // Without its communication.report (BLNP's file has one since issue 16 §1): the defaults are what this test shows.
  const file = await loadProgramme('blnp');
  p = { ...file, communication: { ...file.communication, report: undefined } };
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const pl = p.people.find((x) => x.roles.includes('projectleider'));
  if (!pl) throw new Error('BLNP has a projectleider');
  const issuer = await testIssuer();
  const tid = p.gemeenten.find((x) => x.id === pl.gemeente)?.tenantId ?? '';
  leider = await issuer.userToken(tid, pl.upn, clock.now());
  const deps = {
    store,
    programme: p,
    clock,
    validate: issuer.validator(
      p.gemeenten.flatMap((g) => (g.tenantId ? [g.tenantId] : [])),
      clock,
    ),
    today: () => '2026-11-30',
    deliverNow: () => Promise.resolve(delivered++),
  };
  server = await serveApi({ ...deps, reportRenderer: renderer });
  off = await serveApi(deps);
});

afterAll(async () => {
  await server.close();
  await off.close();
  await store.close();
});

describe('the report routes', () => {
  it('refuses a bad month and a bad document name with 400, Dutch first', async () => {
    refusedWith(await call('/rapporten/2026-13'), 400, 'bad_input', /^'2026-13' is geen maand/);
    refusedWith(await call('/rapporten/november'), 400, 'bad_input', /^'november' is geen maand/);
    refusedWith(await call('/rapporten/2026-11/1.doc'), 400, 'bad_input', /^'1.doc' is geen document/);
    refusedWith(await call('/rapporten/2026-11/1.pdf?variant=alles'), 400, 'bad_input', /is geen document/);
    refusedWith(await call('/rapporten/2026-11/inleiding', 'PUT', { introduction: 3 }, '1.0'), 400, 'bad_input', /./);
  });

  it('saves the introduction with If-Match, keeps a stale edit out, approves, and downloads', async () => {
    const month = await call('/rapporten/2026-11');
    expect(month.status).toBe(200);
    expect(month.body).toMatchObject({ latest: { etag: '1.0' }, due: '2026-11-30', mayApprove: { allowed: true } });
    // The file has no communication.report: the defaults, said in both languages.
    expect(month.body['defaults']).toMatch(/^het programmabestand noemt geen communication.report: .*Regiegroep.* \/ /);
    refusedWith(
      await call('/rapporten/2026-11/inleiding', 'PUT', { introduction: 'x' }),
      428,
      'version_required',
      /^stuur de versie mee/,
    );
    const saved = await call('/rapporten/2026-11/inleiding', 'PUT', { introduction: 'Op koers.' }, '1.0');
    expect(saved).toMatchObject({ status: 200, body: { etag: '1.1', introduction: 'Op koers.' } });
    refusedWith(
      await call('/rapporten/2026-11/inleiding', 'PUT', { introduction: 'Anders.' }, '1.0'),
      409,
      'changed',
      /^de rapportage over 2026-11 is intussen gewijzigd/,
    );
    refusedWith(await call('/rapporten/2026-11/goedkeuren', 'POST', undefined, '1.0'), 409, 'changed', /gewijzigd/);
    const approved = await call('/rapporten/2026-11/goedkeuren', 'POST', undefined, '1.1');
    expect(approved).toMatchObject({ status: 200, body: { approvedNow: true, version: { state: 'approved' } } });
    expect(delivered).toBe(1);
    const again = await call('/rapporten/2026-11/goedkeuren', 'POST', undefined, '1.1');
    expect(again).toMatchObject({ status: 200, body: { approvedNow: false } });

    const res = await fetch(`${server.base}/api/rapporten/2026-11/1.docx?variant=informed`, {
      headers: { authorization: `Bearer ${leider}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/vnd.openxmlformats-officedocument/);
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename=voortgangsrapportage-blnp-2026-11-v1-informed.docx',
    );
    expect(await res.text()).toBe('%PDF 2026-11 informed docx');
    refusedWith(await call('/rapporten/2026-11/7.pdf'), 404, 'not_found', /^er is geen goedgekeurde versie 7/);
    const list = await call('/rapporten');
    expect(list.body).toMatchObject({ months: [{ month: '2026-11', versions: [{ version: 1 }] }] });
  });

  it('answers 409 with the reason while the report cannot be rendered on this server, approving nothing', async () => {
    refusedWith(
      await call('/rapporten/2026-10', 'GET', undefined, undefined, off),
      409,
      'not_possible',
      /nog niet beschikbaar/,
    );
    refusedWith(
      await call('/rapporten/2026-10/goedkeuren', 'POST', undefined, '1.0', off),
      409,
      'not_possible',
      /^het opmaken van de rapportage .* is op deze server nog niet beschikbaar/,
    );
    expect(await store.reports.versions(p.programme.id, '2026-10')).toEqual([]);
  });
});
