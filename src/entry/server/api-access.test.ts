// Every API route × every kind of caller (an app-only token of another application of a programme tenant too), against the real HTTP API on BLNP: who may read and change what, as
// decided by the access module (src/app/access.ts). The routes are enumerated from the router itself, so a route
// added without a row here fails this test: decide who may use it (in the access module) and add its row.
// Before issue 14 §6 a person from another werkgroep, or in none, could add waits, set backlog priorities, make
// actions of another werkgroep's topics and trigger the rhythm, and anyone signed in saw everyone's load.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Router } from 'express';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testIssuer } from '../../adapters/auth/testing.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import { seedActions } from '../../adapters/work/seed.ts';
import type { ActionView, AgendaResponse, CapacityResponse, ReportMonthResponse } from '../../app/contract.ts';
import type { ReportRenderer } from '../../app/report/port.ts';
import { meetingOccurrences } from '../../domain/bot/rhythm.ts';
import type { Person, Programme, Werkgroep } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { apiRouter } from './api.ts';
import type { ApiDeps } from './api-kit.ts';

const TODAY = '2026-11-23';
const ROLES = [
  'member',
  'trekker',
  'other werkgroep',
  'outsider',
  'projectleider',
  'regiegroep',
  'app',
  'stranger',
  'other app',
] as const;
type Role = (typeof ROLES)[number];

let p: Programme;
let store: Store;
let router: Router;
let server: Server;
let base: string;
let wg: Werkgroep;
/** Another werkgroep: its update is the item recorded at in the meeting, one the agenda cells never remove. */
let wgRecorded: Werkgroep;
let actionId: string;
let topicId: string;
const tokens = {} as Record<Role, string>;
const people = {} as Record<Role, Person | undefined>;
let made = 0;

type Answer = { status: number; body: Record<string, unknown> };
async function call(role: Role, method: string, path: string, body?: unknown, headers = {}): Promise<Answer> {
  const res = await fetch(`${base}/api${path}`, {
    method,
    headers: { authorization: `Bearer ${tokens[role]}`, 'content-type': 'application/json', ...headers },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** A new undecided decision of the werkgroep (so moving one on or waiting on one never depends on an earlier cell). */
async function freshDecision(): Promise<string> {
  const id = `besluit-tabel-${++made}`;
  await store.decisions.save(
    p.programme.id,
    {
      id,
      title: `Besluit ${made}`,
      proposal: 'Voorstel',
      werkgroep: wg.id,
      route: [...p.decisionRoute],
      steps: [],
      blocks: [],
    },
    new Date(),
  );
  return id;
}

/** A new proposal of the werkgroep by its plain member, at the werkgroep's level: its id and version. */
async function proposal(): Promise<{ id: string; version: string }> {
  const a = await call('member', 'POST', '/besluiten', {
    title: `Voorstel ${++made}`,
    proposal: 'Wat er besloten moet worden',
    werkgroep: wg.id,
    level: 'werkgroep',
  });
  if (a.status !== 201) throw new Error(`proposal: ${String(a.status)} ${JSON.stringify(a.body)}`);
  return { id: String(a.body['id']), version: String(a.body['version']) };
}

/** `path` of a new proposal (…/:id…) called with its version in If-Match. */
async function onProposal(role: Role, method: string, path: string, body?: unknown): Promise<Answer> {
  const { id, version } = await proposal();
  return call(role, method, path.replace(':id', id), body, { 'if-match': `"${version}"` });
}

const MEETING = 'body=regiegroep&date=2026-12-08';

/** The next regiegroep's agenda edit `path` called with the agenda's version (read by the app) in If-Match. */
async function onAgenda(role: Role, method: string, path: string, body?: unknown): Promise<Answer> {
  const now = (await call('app', 'GET', `/agenda?${MEETING}`)).body as unknown as AgendaResponse;
  const payload = typeof body === 'function' ? (body as (a: AgendaResponse) => unknown)(now) : body;
  return call(role, method, path, payload, { 'if-match': `"${String(now.version)}"` });
}

/** How each route is called: a valid request, so that only the access decision can stand in its way. */
const requests: Record<string, (role: Role) => Promise<Answer>> = {
  'GET /ik': (r) => call(r, 'GET', '/ik'),
  'GET /overzicht': (r) => call(r, 'GET', '/overzicht'),
  'GET /werkgroepen/:id': (r) => call(r, 'GET', `/werkgroepen/${wg.id}`),
  'GET /vierks': (r) => call(r, 'GET', '/vierks'),
  'GET /acties': (r) => call(r, 'GET', `/acties?werkgroep=${wg.id}`),
  'GET /wachtrij': (r) => call(r, 'GET', '/wachtrij'),
  'GET /besluiten': (r) => call(r, 'GET', '/besluiten'),
  'GET /capaciteit': (r) => call(r, 'GET', '/capaciteit'),
  'GET /backlog': (r) => call(r, 'GET', `/backlog?werkgroep=${wg.id}`),
  'GET /agenda': (r) => call(r, 'GET', '/agenda?body=regiegroep&date=2026-12-08'),
  'PATCH /acties/:id': async (r) => {
    const list = (await call('app', 'GET', '/acties')).body['actions'] as ActionView[];
    const version = list.find((a) => a.id === actionId)?.version ?? '';
    return call(r, 'PATCH', `/acties/${actionId}`, { notes: `door ${r}` }, { 'if-match': `"${version}"` });
  },
  'POST /acties/:id/blokkades': async (r) =>
    call(r, 'POST', `/acties/${actionId}/blokkades`, { kind: 'decision', id: await freshDecision() }),
  'POST /besluiten/:id': async (r) => call(r, 'POST', `/besluiten/${await freshDecision()}`, { action: 'next' }),
  'POST /indicatoren/:id/metingen': (r) =>
    call(r, 'POST', `/indicatoren/${p.indicators[0]?.id ?? ''}/metingen`, { date: TODAY, value: 1 }),
  'PUT /backlog/:topic/prioriteit': (r) =>
    call(r, 'PUT', `/backlog/${topicId}/prioriteit`, { werkgroep: wg.id, priority: 1 }),
  'POST /backlog/:topic/actie': async (r) => {
    const answer = await call(r, 'POST', `/backlog/${topicId}/actie`, { werkgroep: wg.id });
    // Made: remove it again, so the next cell can make it too.
    const a = await store.actions.get(p.programme.id, `bl-${wg.id}-${topicId}`);
    if (a && !a.deleted) await store.actions.save(p.programme.id, { ...a, deleted: true }, new Date());
    return answer;
  },
  'POST /bot/ritme': (r) => call(r, 'POST', '/bot/ritme', { meeting: 'regiegroep:2026-12-08' }),
  'POST /agenda/herinneringen': (r) =>
    call(r, 'POST', '/agenda/herinneringen', { body: 'regiegroep', date: '2026-12-08' }),
  'PUT /agenda/punten': (r) =>
    onAgenda(r, 'PUT', '/agenda/punten', (a: AgendaResponse) => ({
      body: 'regiegroep',
      date: '2026-12-08',
      order: a.items.map((i) => i.id).reverse(),
    })),
  'POST /agenda/punten': (r) =>
    onAgenda(r, 'POST', '/agenda/punten', { body: 'regiegroep', date: '2026-12-08', title: `Punt van ${r}` }),
  'DELETE /agenda/punten/:id': (r) => onAgenda(r, 'DELETE', `/agenda/punten/werkgroep:${wg.id}?${MEETING}`),
  'POST /agenda/punten/:id/herstellen': async (r) => {
    await onAgenda('app', 'DELETE', `/agenda/punten/werkgroep:${wg.id}?${MEETING}`);
    return onAgenda(r, 'POST', `/agenda/punten/werkgroep:${wg.id}/herstellen?${MEETING}`);
  },
  'POST /besluiten': (r) =>
    call(r, 'POST', '/besluiten', {
      title: `Voorstel van ${r}`,
      proposal: 'Tekst',
      werkgroep: wg.id,
      level: 'werkgroep',
    }),
  'PATCH /besluiten/:id': (r) => onProposal(r, 'PATCH', '/besluiten/:id', { proposal: `door ${r}` }),
  'POST /besluiten/:id/verplaatsen': (r) =>
    onProposal(r, 'POST', '/besluiten/:id/verplaatsen', { level: 'projectgroep' }),
  'POST /besluiten/:id/uitkomst': (r) => onProposal(r, 'POST', '/besluiten/:id/uitkomst', { outcome: 'besloten' }),
  'POST /besluiten/:id/intrekken': (r) => onProposal(r, 'POST', '/besluiten/:id/intrekken'),
  'POST /besluiten/:id/ongedaan': async (r) => {
    // Moved on by the app just now, so there is a move within the undo window to undo.
    const { id, version } = await proposal();
    const moved = await call(
      'app',
      'POST',
      `/besluiten/${id}/verplaatsen`,
      { level: 'projectgroep' },
      {
        'if-match': `"${version}"`,
      },
    );
    return call(r, 'POST', `/besluiten/${id}/ongedaan`, undefined, {
      'if-match': `"${String(moved.body['version'])}"`,
    });
  },
  'GET /besluiten/:id/geschiedenis': async (r) => call(r, 'GET', `/besluiten/${(await proposal()).id}/geschiedenis`),
  'GET /vergaderingen': (r) => call(r, 'GET', '/vergaderingen'),
  'GET /vergaderingen/:body/:date': (r) => call(r, 'GET', `/vergaderingen/regiegroep/${regiegroepDates[0]}`),
  'POST /vergaderingen/:body/:date/vastleggingen': (r) =>
    call(r, 'POST', `/vergaderingen/regiegroep/${regiegroepDates[0]}/vastleggingen`, {
      kind: 'action',
      // Not wg's item: the DELETE /agenda/punten cell removes that one from this meeting's agenda, and a removed item
      // takes no records.
      item: `werkgroep:${wgRecorded.id}`,
      werkgroep: wgRecorded.id,
      title: `Actie van ${r}`,
      owner: wgRecorded.trekker,
      due: '2027-06-30',
    }),
  // Each closing in a meeting of its own (after the one recorded in), so one cell's closing never stands in another's way.
  'POST /vergaderingen/:body/:date/sluiten': (r) =>
    call(r, 'POST', `/vergaderingen/regiegroep/${nextMeeting()}/sluiten`),
  // Issue 16 §2: each change with the ETag of the month as the projectleider reads it now (edits in October, approvals
  // in September; August was approved before the table ran, for the download).
  'GET /rapporten': (r) => call(r, 'GET', '/rapporten'),
  'GET /rapporten/:maand': (r) => call(r, 'GET', '/rapporten/2026-10'),
  'PUT /rapporten/:maand/inleiding': async (r) =>
    call(r, 'PUT', '/rapporten/2026-10/inleiding', { introduction: `door ${r}` }, await etagOf('2026-10')),
  'POST /rapporten/:maand/goedkeuren': async (r) =>
    call(r, 'POST', '/rapporten/2026-09/goedkeuren', undefined, await etagOf('2026-09')),
  'GET /rapporten/:maand/:document': async (r) => {
    const res = await fetch(`${base}/api/rapporten/2026-08/1.pdf?variant=regiegroep`, {
      headers: { authorization: `Bearer ${tokens[r]}` },
    });
    const pdf = res.headers.get('content-type') === 'application/pdf';
    return {
      status: res.status,
      body: pdf ? { bytes: await res.text() } : ((await res.json()) as Record<string, unknown>),
    };
  },
  'GET /berichten/:maand': (r) => call(r, 'GET', '/berichten/2026-11'),
  'PUT /berichten/:maand': async (r) => {
    const now = await call('app', 'GET', '/berichten/2026-10');
    const text = { title: `Nieuws door ${r}`, body: 'Tekst' };
    return call(r, 'PUT', '/berichten/2026-10', text, { 'if-match': `"${String(now.body['version'])}"` });
  },
  // Each approval a month of its own (a month's message is approved once), from its composed draft (version 0).
  'POST /berichten/:maand/goedkeuren': (r) =>
    call(r, 'POST', `/berichten/2025-${String(++newsMonths).padStart(2, '0')}/goedkeuren`, undefined, {
      'if-match': '"0"',
    }),
};

/** The If-Match header of the month's latest version as the projectleider reads it now. */
async function etagOf(month: string) {
  const month_ = (await call('projectleider', 'GET', `/rapporten/${month}`)).body as unknown as ReportMonthResponse;
  return { 'if-match': `"${month_.latest.etag}"` };
}

/** The months the approval cells used so far (2025-01, 2025-02, …). */
let newsMonths = 0;

/** The local dates of the regiegroep's meetings after today, and the next one not used by a cell yet. */
let regiegroepDates: string[] = [];
let meetingsUsed = 1;
const nextMeeting = (): string => {
  const date = regiegroepDates[meetingsUsed++];
  if (!date) throw new Error('more cells than regiegroep meetings');
  return date;
};

// The expected answer per route and caller: a status; for the load, also whose load is shown ("own": only the
// caller's own, "all": everyone's).
const R = 200; // read
const READ_ALL: Record<Role, number | string> = {
  member: R,
  trekker: R,
  'other werkgroep': R,
  outsider: R,
  projectleider: R,
  regiegroep: R,
  app: R,
  stranger: 403,
  'other app': 403,
};
const werkgroepWork = (ok: number): Record<Role, number | string> => ({
  member: ok,
  trekker: ok,
  'other werkgroep': 403,
  outsider: 403,
  projectleider: ok,
  regiegroep: 403,
  app: ok,
  stranger: 403,
  'other app': 403,
});
const steering = (ok: number): Record<Role, number | string> => ({
  member: 403,
  trekker: 403,
  'other werkgroep': 403,
  outsider: 403,
  projectleider: ok,
  regiegroep: ok,
  app: ok,
  stranger: 403,
  'other app': 403,
});
const table: Record<string, Record<Role, number | string>> = {
  'GET /ik': { ...READ_ALL, stranger: 200, 'other app': 200 },
  'GET /overzicht': READ_ALL,
  'GET /werkgroepen/:id': READ_ALL,
  'GET /vierks': READ_ALL,
  'GET /acties': READ_ALL,
  'GET /wachtrij': READ_ALL,
  'GET /besluiten': READ_ALL,
  'GET /capaciteit': {
    member: '200 own',
    trekker: '200 own',
    'other werkgroep': '200 own',
    outsider: '200 own',
    projectleider: '200 all',
    regiegroep: '200 all',
    app: '200 all',
    stranger: 403,
    'other app': 403,
  },
  'GET /backlog': READ_ALL,
  // The agenda's capacity alerts are loads: only the caller's own, unless they may read everyone's.
  'GET /agenda': {
    member: '200 own',
    trekker: '200 own',
    'other werkgroep': '200 own',
    outsider: '200 own',
    projectleider: '200 all',
    regiegroep: '200 all',
    app: '200 all',
    stranger: 403,
    'other app': 403,
  },
  'PATCH /acties/:id': werkgroepWork(200),
  'POST /acties/:id/blokkades': werkgroepWork(201),
  'POST /besluiten/:id': steering(200),
  'POST /indicatoren/:id/metingen': steering(201),
  'PUT /backlog/:topic/prioriteit': werkgroepWork(200),
  'POST /backlog/:topic/actie': werkgroepWork(201),
  'POST /bot/ritme': { ...steering(202), regiegroep: 403 },
  // The one-click nudge is the reminder rhythm by hand (rhythm.trigger): the projectleider and the app.
  'POST /agenda/herinneringen': { ...steering(202), regiegroep: 403 },
  // Issue 18 §2: only the projectleider (and the app) composes the agenda; everyone in the programme reads it.
  'PUT /agenda/punten': { ...steering(200), regiegroep: 403 },
  'POST /agenda/punten': { ...steering(201), regiegroep: 403 },
  'DELETE /agenda/punten/:id': { ...steering(200), regiegroep: 403 },
  'POST /agenda/punten/:id/herstellen': { ...steering(200), regiegroep: 403 },
  // Issue 18 §1: the werkgroep's people and those who steer propose; the proposer and those who steer edit and
  // withdraw; only those who steer move, close and undo.
  'POST /besluiten': { ...werkgroepWork(201), regiegroep: 201 },
  'PATCH /besluiten/:id': { ...steering(200), member: 200 },
  'POST /besluiten/:id/verplaatsen': steering(200),
  'POST /besluiten/:id/uitkomst': steering(200),
  'POST /besluiten/:id/intrekken': { ...steering(200), member: 200 },
  'POST /besluiten/:id/ongedaan': steering(200),
  'GET /besluiten/:id/geschiedenis': READ_ALL,
  'GET /vergaderingen': READ_ALL,
  'GET /vergaderingen/:body/:date': READ_ALL,
  // Recording in a meeting and closing it: the body's chair (here the regiegroep member is not its chair) and the
  // projectleider (issue 18 §3, §4).
  'POST /vergaderingen/:body/:date/vastleggingen': { ...steering(201), regiegroep: 403 },
  'POST /vergaderingen/:body/:date/sluiten': { ...steering(200), regiegroep: 403 },
  // Issue 16 §2: everyone in the programme reads the months; only the projectleider (and the app) writes the
  // introduction and approves. The regiegroep's version of a document is for everyone working in the programme (all
  // of these roles; someone only in an informed body, the stuurgroep, is refused: src/app/report/workflow.test.ts).
  'GET /rapporten': READ_ALL,
  'GET /rapporten/:maand': READ_ALL,
  'PUT /rapporten/:maand/inleiding': { ...steering(200), regiegroep: 403 },
  'POST /rapporten/:maand/goedkeuren': { ...steering(200), regiegroep: 403 },
  'GET /rapporten/:maand/:document': READ_ALL,
  // Issue 16 §3: everyone in the programme reads the month's message; the communicatieadviseur (in BLNP the person
  // in no werkgroep, the outsider: checked below) and the projectleider edit and approve it.
  'GET /berichten/:maand': READ_ALL,
  'PUT /berichten/:maand': { ...steering(200), regiegroep: 403, outsider: 200 },
  'POST /berichten/:maand/goedkeuren': { ...steering(200), regiegroep: 403, outsider: 200 },
};

/** The report's content as a test double: recognisable bytes and fixed figures (src/app/report/port.ts). */
const reportRenderer: ReportRenderer = {
  render: (r) => Promise.resolve(new TextEncoder().encode(`${r.month} ${r.variant} ${r.format}`)),
  summary: (month) =>
    Promise.resolve({
      month,
      werkgroepen: { total: 0, opKoers: 0, aandacht: 0, risico: 0, none: 0 },
      decisionsTaken: 0,
      decisionsWaiting: 0,
      medianLeadTimeDays: null,
      overdueActions: 0,
      blockedActions: 0,
      milestonesReached: [],
    }),
};

/** "METHOD /path" of every route the router has. */
function routesOf(r: Router): string[] {
  const layers = (r as unknown as { stack: { route?: { path: string; methods: Record<string, boolean> } }[] }).stack;
  return layers.flatMap((l) =>
    l.route ? Object.keys(l.route.methods).map((m) => `${m.toUpperCase()} ${String(l.route?.path)}`) : [],
  );
}

/** What a cell shows: the status, and for the load whose it shows (checked to be exactly the caller's for "own"). */
function outcomeOf(route: string, role: Role, a: Answer): number | string {
  if (route === 'GET /agenda' && a.status === 200) {
    const body = a.body as unknown as AgendaResponse;
    if (body.capacityScope === 'own')
      expect(
        body.capacityAlerts.filter((x) => x.personId !== people[role]?.id),
        "only the caller's own load",
      ).toEqual([]);
    return `200 ${body.capacityScope}`;
  }
  if (route !== 'GET /capaciteit' || a.status !== 200) return a.status;
  const body = a.body as unknown as CapacityResponse;
  if (body.scope === 'own')
    expect(
      body.people.map((x) => x.personId),
      'only their own load',
    ).toEqual([people[role]?.id]);
  else expect(body.people).toHaveLength(p.people.length);
  return `200 ${body.scope}`;
}

beforeAll(async () => {
  p = await loadProgramme('blnp');
  const clock = new FixedClock(`${TODAY}T10:00:00Z`);
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  for (const a of seedActions(p, TODAY)) await store.actions.save(p.programme.id, a, clock.now());
  // The bot in the programme's team: Teams announced the install in the General channel (src/app/bot/service.ts).
  await store.bot.saveConversation(p.programme.id, {
    conversationId: '19:general@thread.tacv2',
    kind: 'channel',
    tenantId: p.gemeenten.find((g) => g.host)?.tenantId ?? '',
    serviceUrl: 'https://smba.example/',
    teamId: '19:general@thread.tacv2',
    channelId: '19:general@thread.tacv2',
    installedAt: clock.now(),
  });

  // The roles, as in src/app/access.test.ts: a werkgroep with a backlog, its plain member and trekker, a plain member
  // of another werkgroep, someone in no werkgroep, the projectleider, a regiegroep member in no werkgroep.
  const werkgroepen = p.bodies.filter((b): b is Werkgroep => b.kind === 'werkgroep');
  const regiegroep = p.bodies.find((b) => b.kind === 'regiegroep');
  const inNoWerkgroep = (x: Person) => !werkgroepen.some((w) => w.trekker === x.id || w.members.includes(x.id));
  const plain = (x: Person) => !x.roles.includes('projectleider') && !regiegroep?.members.includes(x.id);
  const inW = (w: Werkgroep, x: Person) => w.members.includes(x.id) || w.trekker === x.id;
  const withBacklog = werkgroepen.find((w) => p.backlog.some((b) => b.vakgebied === w.vakgebied && b.topics.length));
  if (!withBacklog || !regiegroep) throw new Error('BLNP has a werkgroep with a backlog and a regiegroep');
  wg = withBacklog;
  const other = werkgroepen.find((w) => w.id !== wg.id);
  if (!other) throw new Error('BLNP has a second werkgroep');
  wgRecorded = other;
  people.member = p.people.find((x) => wg.members.includes(x.id) && x.id !== wg.trekker && plain(x));
  people.trekker = p.people.find((x) => x.id === wg.trekker && plain(x));
  people['other werkgroep'] = p.people.find(
    (x) => !inW(wg, x) && plain(x) && werkgroepen.some((w) => w.id !== wg.id && inW(w, x)),
  );
  people.outsider = p.people.find((x) => inNoWerkgroep(x) && plain(x));
  people.projectleider = p.people.find((x) => x.roles.includes('projectleider'));
  people.regiegroep = p.people.find(
    (x) => regiegroep.members.includes(x.id) && !x.roles.includes('projectleider') && inNoWerkgroep(x),
  );
  regiegroepDates = meetingOccurrences(p)
    .filter((m) => m.bodyIds.includes(regiegroep.id) && !m.cancelled)
    .map((m) => DateTime.fromJSDate(m.start, { zone: p.programme.timeZone }).toISODate() ?? '')
    .filter((d) => d > TODAY);
  expect(regiegroep.kind === 'regiegroep' && regiegroep.chair).not.toBe(people.regiegroep?.id);
  const issuer = await testIssuer();
  const tenantOf = (x: Person | undefined) => p.gemeenten.find((g) => g.id === x?.gemeente)?.tenantId;
  const host = p.gemeenten.find((g) => g.host)?.tenantId ?? '';
  for (const role of ROLES) {
    if (role === 'app') tokens[role] = await issuer.appToken(host, clock.now());
    // Another application of a programme tenant with an app-only token for our API: not the product.
    else if (role === 'other app') tokens[role] = await issuer.appToken(host, clock.now(), 'een-andere-app');
    else if (role === 'stranger')
      tokens[role] = await issuer.userToken(host, 'niet-in-het-programma@elders.example', clock.now());
    else {
      const who = people[role];
      const tid = tenantOf(who);
      if (!who || !tid) throw new Error(`BLNP has a person for the role ${role}, in a tenant`);
      tokens[role] = await issuer.userToken(tid, who.upn, clock.now());
    }
  }
  const action = (await store.actions.list(p.programme.id, { werkgroep: wg.id }))[0];
  const used = new Set((await store.actions.list(p.programme.id)).map((a) => a.origin?.ref));
  const topic = p.backlog
    .filter((b) => b.vakgebied === wg.vakgebied)
    .flatMap((b) => b.topics)
    .find((t) => !used.has(t.id));
  if (!action || !topic) throw new Error('an action and a backlog topic of the werkgroep');
  actionId = action.id;
  topicId = topic.id;

  const deps: ApiDeps = {
    store,
    programme: p,
    clock,
    validate: issuer.validator(
      p.gemeenten.flatMap((g) => (g.tenantId ? [g.tenantId] : [])),
      clock,
    ),
    today: () => TODAY,
    changed: () => undefined,
    triggerRhythm: async () => ({ planned: 1, dispatched: 0 }),
    nudge: async (_key, werkgroepen) => werkgroepen.length,
    appIds: ['regiekamer-test'],
    reportRenderer,
  };
  const august = await store.reports.approve(p.programme.id, '2026-08', {
    expected: { version: 1, revision: 0 },
    at: clock.now(),
    by: 'app',
    byName: 'Regiekamer',
    summary: await reportRenderer.summary('2026-08'),
    documents: [{ variant: 'regiegroep', format: 'pdf', bytes: new TextEncoder().encode('augustus') }],
    deliveries: [],
  });
  expect(august.outcome).toBe('saved');
  router = apiRouter(deps);
  const app = express();
  app.use('/api', router);
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await store.close();
});

describe('every API route × every caller', () => {
  it('has a row for every route of the router (a new route needs its access decision here)', () => {
    const routes = routesOf(router);
    expect(routes.length).toBeGreaterThan(10);
    expect(
      routes.filter((r) => !(r in table)),
      'routes without a row in the access table',
    ).toEqual([]);
    expect(
      Object.keys(table).filter((r) => !routes.includes(r)),
      'rows for routes that no longer exist',
    ).toEqual([]);
    expect(Object.keys(requests).sort()).toEqual(Object.keys(table).sort());
  });

  it("has BLNP's communicatieadviseur as the outsider (the berichten rows), and no one else in that role", () => {
    expect(people.outsider?.roles).toContain('communicatieadviseur');
    const others = ROLES.filter((r) => r !== 'outsider' && people[r]?.roles.includes('communicatieadviseur'));
    expect(others).toEqual([]);
  });

  for (const [route, row] of Object.entries(table))
    for (const role of ROLES)
      it(`${route} by ${role}: ${String(row[role])}`, async () => {
        const send = requests[route];
        if (!send) throw new Error(`no request for ${route}`);
        const answer = await send(role);
        expect(outcomeOf(route, role, answer), JSON.stringify(answer.body).slice(0, 300)).toBe(row[role]);
        if (answer.status === 403) {
          expect(answer.body['error']).toBe('forbidden');
          expect(answer.body['message']).toMatch(/.+ \/ .+/);
        }
      });
});
