// `regiekamer persoon export | wis` on a seeded person (issue 15 §5, Done-when): the export holds their data and
// nobody else's; after erasure no column of any table (found through information_schema, not a hand list) holds
// their name, UPN or e-mail address, and the programme's figures add up to the same totals as before. On PGlite
// (a data directory with its lock) and on a PostgreSQL server (DATABASE_URL).
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { parseDocument, isSeq } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DELIVER_QUEUE } from '../src/adapters/bot/deliveries.ts';
import { loadProgrammeFile } from '../src/adapters/files/programme-file.ts';
import { startJobRunner } from '../src/adapters/queue/jobs.ts';
import { openStore } from '../src/adapters/store/open.ts';
import { personRecords } from '../src/adapters/store/person-records.ts';
import type { Db, Store, StoreOptions } from '../src/adapters/store/store.ts';
import { seedActions, seedDecisions, seedMeasurements } from '../src/adapters/work/seed.ts';
import { figuresOf } from '../src/app/work/figures.ts';
import { composeBesluitenlijst, type Besluitenlijst } from '../src/domain/meeting/besluitenlijst.ts';
import { normalise } from '../src/domain/planner/merge.ts';
import type { Person, Programme } from '../src/domain/programme/schema.ts';
import { main } from '../src/entry/cli/main.ts';
import type { CliIo } from '../src/entry/cli/io.ts';
import { serverBackend, type TestDatabase } from './helpers/db.ts';

const root = path.resolve(import.meta.dirname, '..');
const BLNP = path.join(root, 'programmes/blnp.yaml');
const TODAY = '2026-11-20';
const NOW = new Date(`${TODAY}T10:00:00Z`);

const blnpLoaded = await loadProgrammeFile(BLNP);
if (!blnpLoaded.ok) throw new Error('programmes/blnp.yaml does not load');
const blnp = blnpLoaded.programme;
const pid = blnp.programme.id;

/** Person ids in a role other than werkgroep member: removing them from the file would take more than a delete. */
const roles = new Set<string>([
  ...blnp.programme.team.owners,
  ...blnp.bodies.flatMap((b) => [
    ...(b.kind === 'werkgroep' ? [b.trekker] : []),
    ...('chair' in b && typeof b.chair === 'string' ? [b.chair] : []),
    ...(b.kind === 'werkgroep' ? [] : b.members),
  ]),
]);
const seeded = seedActions(blnp, TODAY);
const owning = (id: string) => seeded.filter((a) => a.fields.owners.includes(id) && a.fields.status !== 'gereed');
/** The person erased: a werkgroep member only, who carries open actions. */
const P = blnp.people.find((p) => !roles.has(p.id) && owning(p.id).length >= 2) as Person;
/** Someone else with data of their own in the store. */
const Q = blnp.people.find((p) => p.id !== P.id && !roles.has(p.id) && owning(p.id).length >= 1) as Person;
/** The seeded decision P proposed (the second of seedDecisions). */
const decisions1Id = seedDecisions(blnp, TODAY, []).at(1)?.id ?? '';
const termsOf = (p: Person) => [p.name, p.upn, ...(p.email ? [p.email] : [])];
/** A werkgroep member whose only trace in the store is the sync journal (a membership once added), nothing else. */
const R = blnp.people.find(
  (p) => p.id !== P.id && p.id !== Q.id && !roles.has(p.id) && seeded.every((a) => !a.fields.owners.includes(p.id)),
) as Person;

/** The regiegroep, its chair (who records in its meetings), and the meeting whose records and besluitenlijst name P. */
const REGIEGROEP = blnp.bodies.find((b) => b.kind === 'regiegroep') as Extract<
  Programme['bodies'][number],
  { kind: 'regiegroep' }
>;
const CHAIR = blnp.people.find((p) => p.id === REGIEGROEP.chair) as Person;
const MEETING = { body: REGIEGROEP.id, date: '2026-11-10' };
/** The action agreed in that meeting with P as owner (origin: the meeting), and the one P recorded for Q. */
const MEETING_ACTION_P = 'vg-p0000001';
const MEETING_ACTION_Q = 'vg-q0000001';
/** P's name as the besluitenlijst kept it on closing, before P's name changed in the programme file. */
const OLD_NAME = `${P.name.split(' ')[0]} Oudejans`;

/** The BLNP file without `ids`: their entries and every membership of theirs removed (as the user is told to do). */
function without(ids: readonly string[]): string {
  const doc = parseDocument(blnpLoaded.ok ? blnpLoaded.text : '');
  const people = doc.get('people');
  if (!isSeq(people)) throw new Error('people is a list');
  people.items = people.items.filter((item) => !ids.includes(String((item as { get(k: string): unknown }).get('id'))));
  const bodies = doc.get('bodies');
  if (!isSeq(bodies)) throw new Error('bodies is a list');
  for (const body of bodies.items) {
    const members = (body as { get(k: string): unknown }).get('members');
    if (isSeq(members))
      members.items = members.items.filter((m) => !ids.includes(String((m as { value?: unknown }).value ?? m)));
  }
  return doc.toString();
}

/** Rows of every column of every base table (all schemas but PostgreSQL's own) whose text contains one of `terms`. */
async function scan(db: Db, terms: string[]): Promise<string[]> {
  const cols = await db.query<{ s: string; t: string; c: string }>(
    `SELECT c.table_schema AS s, c.table_name AS t, c.column_name AS c
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND c.table_schema NOT LIKE 'pg\\_%'
        AND c.data_type IN ('text', 'character varying', 'character', 'json', 'jsonb', 'ARRAY', 'USER-DEFINED')`,
  );
  expect(cols.rows.length).toBeGreaterThan(20);
  const found: string[] = [];
  for (const { s, t, c } of cols.rows) {
    const r = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "${s}"."${t}" WHERE "${c}"::text ILIKE ANY($1)`,
      [terms.map((x) => `%${x}%`)],
    );
    if (Number(r.rows[0]?.n) > 0) found.push(`${s}.${t}.${c}`);
  }
  return found;
}

/** Columns of every base table whose whole text value is `value` (a person id stored on its own, as `by_whom`). */
async function scanExact(db: Db, value: string): Promise<string[]> {
  const cols = await db.query<{ s: string; t: string; c: string }>(
    `SELECT c.table_schema AS s, c.table_name AS t, c.column_name AS c
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE t.table_type = 'BASE TABLE' AND c.table_schema NOT IN ('pg_catalog', 'information_schema')
        AND c.table_schema NOT LIKE 'pg\\_%' AND c.data_type IN ('text', 'character varying', 'character')`,
  );
  const found: string[] = [];
  for (const { s, t, c } of cols.rows) {
    const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${s}"."${t}" WHERE "${c}" = $1`, [value]);
    if (Number(r.rows[0]?.n) > 0) found.push(`${s}.${t}.${c}`);
  }
  return found;
}

/**
 * A meeting of the regiegroep as the meeting app writes it (src/app/meeting.ts; issue 18 §3, §4): the chair records
 * an action for P, P records a decision and an action for Q, P closes it (its besluitenlijst with P's name as it was
 * then, queued as a card to the channel), and P edits the next meeting's agenda. The store checks no roles.
 */
async function seedMeeting(store: Store, decision: { id: string; title: string }): Promise<void> {
  const wg = blnp.bodies.find((b) => b.kind === 'werkgroep' && b.members.includes(P.id))?.id ?? '';
  for (const [id, owner] of [
    [MEETING_ACTION_P, P],
    [MEETING_ACTION_Q, Q],
  ] as const)
    await store.actions.save(
      pid,
      {
        id,
        werkgroep: wg,
        fields: normalise({
          title: `Uitwerken ${id}`,
          due: '2026-12-15',
          status: 'open',
          ks: [],
          owners: [owner.id],
          notes: '',
        }),
        base: null,
        blockedBy: [],
        origin: { kind: 'meeting', ref: `${MEETING.body}:${MEETING.date}` },
        createdOn: MEETING.date,
        deleted: false,
        taskId: null,
        taskEtag: null,
        detailsEtag: null,
      },
      NOW,
    );
  const action = (id: string, owner: Person) =>
    ({
      kind: 'action',
      actionId: id,
      title: `Uitwerken ${id}`,
      werkgroep: wg,
      owner: owner.id,
      ownerName: owner.name,
      due: '2026-12-15',
    }) as const;
  const at = new Date(`${MEETING.date}T15:00:00Z`);
  for (const [record, by] of [
    [{ ...action(MEETING_ACTION_P, P), item: `werkgroep:${wg}` }, CHAIR],
    [{ kind: 'decision', decisionId: decision.id, title: decision.title, item: `besluit:${decision.id}` } as const, P],
    [{ ...action(MEETING_ACTION_Q, Q), item: `werkgroep:${wg}` }, P],
  ] as const)
    await store.meetings.append(pid, MEETING.body, MEETING.date, { ...record, by: by.id, at });
  const records = await store.meetings.records(pid, MEETING.body, MEETING.date);
  const nameOf = (id: string) =>
    id === P.id
      ? OLD_NAME
      : (blnp.people.find((p) => p.id === id)?.name ?? blnp.bodies.find((b) => b.id === id)?.name ?? id);
  const body = { id: REGIEGROEP.id, name: REGIEGROEP.name };
  const besluitenlijst = composeBesluitenlijst({ body, date: MEETING.date, items: [], records, nameOf });
  const key = `regiegroep:${MEETING.date}`;
  expect(
    await store.meetings.close(pid, MEETING.body, MEETING.date, {
      lastSeq: records.at(-1)?.seq ?? 0,
      at,
      by: P.id,
      besluitenlijst,
      delivery: {
        key: `besluitenlijst|${key}|channel:${body.id}`,
        kind: 'besluitenlijst',
        occurrenceKey: key,
        recipient: `channel:${body.id}`,
        payload: { besluitenlijst },
      },
    }),
  ).toBe('closed');
  const next = { body: MEETING.body, date: '2026-12-08' };
  const edits = { order: ['punt:1'], added: [{ id: 'punt:1', title: 'Begroting 2027' }], removed: [] };
  expect(await store.agendaEdits.save(pid, next, 0, edits, { who: P.id, at: NOW })).toBe(1);
}

/** The programme's figures as totals: per werkgroep, per owner (summed), overall. */
async function totals(store: Store, programme: Programme) {
  const f = await figuresOf({ store, programme }, TODAY);
  const owners = [...new Set(f.open.flatMap((a) => a.owners))];
  const byOwner = owners.map((o) => f.owner(o));
  const sum = (xs: { open: number; overdue: number; blocked: number }[]) =>
    xs.reduce((a, b) => ({ open: a.open + b.open, overdue: a.overdue + b.overdue, blocked: a.blocked + b.blocked }), {
      open: 0,
      overdue: 0,
      blocked: 0,
    });
  return {
    open: f.open.length,
    overdue: f.open.filter(f.isOverdue).length,
    blocked: f.open.filter(f.isBlocked).length,
    werkgroepen: Object.fromEntries(
      blnp.bodies.filter((b) => b.kind === 'werkgroep').map((b) => [b.id, f.werkgroep(b.id)]),
    ),
    owners: sum(byOwner),
    ownerCount: owners.length,
    decisions: (await store.decisions.list(pid)).length,
  };
}

/** P's and Q's data, as the product writes it: actions, decisions, updates, bot, guests, journal, a queued job. */
async function seed(store: Store): Promise<{ pAad: string }> {
  await store.programmes.record({
    programmeId: pid,
    hash: blnpLoaded.ok ? (blnpLoaded.hash ?? '') : '',
    sourcePath: 'programmes/blnp.yaml',
    content: blnpLoaded.ok ? blnpLoaded.text : '',
    loadedAt: new Date('2026-11-01T08:00:00Z'),
  });
  for (const a of seeded) {
    // One of Q's actions names P in its notes (by e-mail address): a free-text mention.
    const notes = a.id === owning(Q.id)[0]?.id ? `Afstemmen met ${P.email ?? P.upn}` : a.fields.notes;
    await store.actions.save(pid, { ...a, fields: { ...a.fields, notes } }, NOW);
  }
  const decisions = seedDecisions(blnp, TODAY, await store.actions.list(pid));
  for (const [i, d] of decisions.entries())
    await store.decisions.save(
      pid,
      i === 0
        ? { ...d, proposal: `${d.proposal} Uitgewerkt door ${P.name}.` }
        : i === 1
          ? { ...d, proposedBy: P.id }
          : d,
      NOW,
    );
  // P proposed decision 1 and moved it on: two lines of the decision history (issue 18 §1).
  for (const [kind, from, to] of [
    ['proposed', null, 'werkgroep'],
    ['moved', 'werkgroep', 'projectgroep'],
  ] as const)
    await store.db.query(
      `INSERT INTO decision_events (programme_id, decision_id, at, by_whom, kind, from_level, to_level)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [pid, decisions[1]?.id, NOW, P.id, kind, from, to],
    );
  await seedMeeting(store, { id: decisions[1]?.id ?? '', title: decisions[1]?.title ?? '' });
  for (const m of seedMeasurements(blnp, TODAY)) await store.indicators.record(pid, m, NOW);
  const mine = owning(P.id)[0];
  if (!mine) throw new Error('P carries actions');
  await store.indicators.record(
    pid,
    { indicatorId: blnp.indicators[0]?.id ?? '', on: TODAY, value: 7, note: 'gemeten', recordedBy: P.id },
    NOW,
  );
  await store.actions.recordConflicts(
    pid,
    [{ actionId: mine.id, field: 'owners', ours: [P.id], theirs: [P.id, Q.id] }],
    NOW,
  );
  const werkgroepOf = (p: Person) =>
    blnp.bodies.find((b) => b.kind === 'werkgroep' && b.members.includes(p.id))?.id ?? '';
  for (const who of [P, Q])
    await store.bot.saveUpdate(pid, {
      werkgroep: werkgroepOf(who),
      period: who === P ? 'regiegroep:2026-12-08' : 'regiegroep:2026-11-10',
      data: { status: 'op-koers', progress: `Voortgang van ${who.name}`, ks: [], actionIds: [] },
      submittedBy: who.id,
      submittedAt: NOW,
    });
  const pAad = randomUUID();
  for (const [who, aad] of [
    [P, pAad],
    [Q, randomUUID()],
  ] as const) {
    const conversationId = `a:personal-${who.id}`;
    await store.bot.saveConversation(pid, {
      conversationId,
      kind: 'personal',
      tenantId: blnp.gemeenten[0]?.tenantId ?? '',
      serviceUrl: 'https://smba.trafficmanager.net/emea/',
      userAadId: aad,
      personId: who.id,
      installedAt: NOW,
    });
    await store.botLanguages.set(pid, { conversationId, userId: `29:${aad}` }, 'nl', NOW);
    await store.bot.createDeliveries(
      pid,
      [
        {
          key: `digest|2026-W48|${who.id}`,
          kind: 'digest',
          recipient: who.id,
          dueAt: new Date('2026-11-23T08:00:00Z'),
        },
      ],
      NOW,
    );
  }
  await store.guests.save(pid, [{ personId: P.id, state: 'invited', guestUserId: randomUUID() }], NOW);
  const run = await store.sync.startRun(pid, 'apply', NOW);
  await store.sync.journal(
    run,
    [
      { changeId: `team-member:${P.id}:add`, state: 'done' },
      { changeId: `team-member:${Q.id}:add`, state: 'done' },
      { changeId: `team-member:${pAad}:remove`, state: 'failed', detail: '404 NotFound' },
      { changeId: `channel:wg-hrm:member:${R.id}:add`, state: 'done' },
    ],
    NOW,
  );
  await store.sync.finishRun(run, NOW, { mode: 'apply', summary: { created: 2 } });
  const runner = await startJobRunner(store, { pollingIntervalSeconds: 60 });
  await runner.enqueue(DELIVER_QUEUE, [{ programmeId: pid, key: `digest|2026-W48|${P.id}`, dueAt: NOW.toISOString() }]);
  await runner.stop();
  return { pAad };
}

function io(env: Record<string, string>, cwd: string) {
  const stdout = new PassThrough();
  const stderr = new PassThrough();
  let out = '';
  let err = '';
  stdout.on('data', (d: Buffer) => (out += d.toString()));
  stderr.on('data', (d: Buffer) => (err += d.toString()));
  const cli: CliIo = { stdout, stderr, stdin: new PassThrough(), env: { LOG_LEVEL: 'silent', ...env }, cwd };
  return { cli, out: () => out, err: () => err };
}

interface Setup {
  name: string;
  /** The store's options and the environment the CLI gets for it. */
  make(dir: string): Promise<{ options: StoreOptions; env: Record<string, string>; drop(): Promise<void> }>;
}

const setups: Setup[] = [
  {
    name: 'PGlite (a data directory, with its lock)',
    make: async (dir) => ({
      options: { dataDir: path.join(dir, 'pglite') },
      env: { REGIEKAMER_DATA_DIR: dir },
      drop: async () => undefined,
    }),
  },
  {
    name: 'a PostgreSQL server (DATABASE_URL)',
    make: async (dir) => {
      const database: TestDatabase = await serverBackend.createDatabase();
      return {
        options: database.options,
        env: { REGIEKAMER_DATA_DIR: dir, DATABASE_URL: database.options.databaseUrl ?? '' },
        drop: () => database.drop(),
      };
    },
  },
];

describe.each(setups)('persoon export and wis on $name', (setup) => {
  let dir: string;
  let env: Record<string, string>;
  let options: StoreOptions;
  let drop: () => Promise<void>;
  let pAad: string;
  const withStore = async <T>(fn: (s: Store) => Promise<T>): Promise<T> => {
    const s = await openStore(options);
    try {
      return await fn(s);
    } finally {
      await s.close();
    }
  };
  const run = async (args: string[], file: string) => {
    const o = io({ ...env, REGIEKAMER_PROGRAMME: file }, dir);
    const code = await main(args, o.cli);
    return { code, out: o.out(), err: o.err() };
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'rk-persoon-'));
    const made = await setup.make(dir);
    ({ env, options, drop } = made);
    await writeFile(path.join(dir, 'zonder.yaml'), without([P.id]));
    await writeFile(path.join(dir, 'zonder-r.yaml'), without([P.id, R.id]));
    pAad = await withStore(async (s) => {
      await s.migrate();
      return (await seed(s)).pAad;
    });
  }, 120_000);
  afterAll(async () => {
    await drop();
    await rm(dir, { recursive: true, force: true });
  });

  it('exports everything about the person, and nothing about anyone else', { timeout: 60_000 }, async () => {
    const r = await run(['persoon', 'export', P.id], BLNP);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const x = JSON.parse(r.out) as {
      person: { id: string; name: string; upn: string; inProgrammeFile: boolean };
      werkgroepen: { id: string }[];
      programmeVersions: unknown[];
      store: Record<string, unknown[]> & { guest: { state: string } | null; mentions: { table: string }[] };
    };
    expect(x.person).toMatchObject({ id: P.id, name: P.name, upn: P.upn, inProgrammeFile: true });
    expect(x.werkgroepen.length).toBeGreaterThan(0);
    expect(x.programmeVersions).toHaveLength(1);
    const s = x.store;
    expect(s['actions']?.map((a) => (a as { id: string }).id).sort()).toEqual(
      [...seeded.filter((a) => a.fields.owners.includes(P.id)).map((a) => a.id), MEETING_ACTION_P].sort(),
    );
    expect(s['updates']).toHaveLength(1);
    expect(s['measurements']).toHaveLength(1);
    expect(s['conversations']).toHaveLength(1);
    expect(s['botLanguages']).toHaveLength(1);
    expect(s['deliveries']).toHaveLength(1);
    expect(s.guest?.state).toBe('invited');
    expect(s['journal']).toHaveLength(2);
    expect(s['jobs']).toHaveLength(1);
    expect(s['decisions']?.length).toBeGreaterThan(0);
    expect((s['decisions'] as { id: string }[]).map((d) => d.id)).toContain(decisions1Id);
    expect((s['decisionEvents'] as { kind: string }[]).map((e) => e.kind)).toEqual(['proposed', 'moved']);
    expect(s.mentions.map((m) => m.table)).toEqual(expect.arrayContaining(['public.actions', 'public.decisions']));
    // The meeting (issue 18): what P recorded, the action agreed for P, the meeting P closed, the besluitenlijst's
    // entry naming P (by id: the name it keeps is the old one), and P's agenda edit.
    const m = s as unknown as Record<string, { [k: string]: unknown }[]>;
    expect(m['meetingRecords']?.map((r) => [r['kind'], r['ownedBySelf']])).toEqual([
      ['decision', null],
      ['action', false],
    ]);
    expect(m['meetingActions']).toEqual([
      expect.objectContaining({ actionId: MEETING_ACTION_P, date: MEETING.date, recordedBySelf: false }),
    ]);
    expect(m['meetingsClosed']).toEqual([expect.objectContaining({ body: MEETING.body, date: MEETING.date })]);
    expect(m['besluitenlijsten']).toEqual([
      expect.objectContaining({
        date: MEETING.date,
        actions: [expect.objectContaining({ id: MEETING_ACTION_P, ownedBySelf: true })],
      }),
    ]);
    expect(m['agendaEdits']).toEqual([expect.objectContaining({ date: '2026-12-08', editedBySelf: true })]);
    // Nobody else: no other person's name, UPN or e-mail, and not Q's update, conversation or message.
    const text = r.out.toLowerCase();
    for (const other of blnp.people.filter((p) => p.id !== P.id))
      for (const term of termsOf(other)) expect(text, `${other.id}: ${term}`).not.toContain(term.toLowerCase());
    expect(text).not.toContain(`personal-${Q.id}`);
    expect(text).not.toContain(`|${Q.id}`);
  });

  it(
    'refuses a bad id, an unknown person, no confirmation, and a person still in the file',
    { timeout: 60_000 },
    async () => {
      const bad = await run(['persoon', 'export', 'Niet Goed'], BLNP);
      expect(bad.code).toBe(2);
      expect(bad.err).toContain("'Niet Goed' is geen persoon-id");
      const unknown = await run(['persoon', 'wis', 'niemand-bekend', '--yes'], path.join(dir, 'zonder.yaml'));
      expect(unknown.code).toBe(2);
      expect(unknown.err).toContain("Persoon 'niemand-bekend' is onbekend");
      const unconfirmed = await run(['persoon', 'wis', P.id], path.join(dir, 'zonder.yaml'));
      expect(unconfirmed.code).toBe(2);
      expect(unconfirmed.err).toContain('bevestig met --yes');
      // In a terminal it shows what it would erase and asks; anything but yes erases nothing.
      const o = io({ ...env, REGIEKAMER_PROGRAMME: BLNP }, dir);
      const stdin = Object.assign(new PassThrough(), { isTTY: true });
      stdin.end('nee\n');
      expect(await main(['persoon', 'wis', P.id], { ...o.cli, stdin })).toBe(2);
      expect(o.err()).toContain('staat nog in het programmabestand');
      const asked = io({ ...env, REGIEKAMER_PROGRAMME: path.join(dir, 'zonder.yaml') }, dir);
      const answer = Object.assign(new PassThrough(), { isTTY: true });
      answer.end('nee\n');
      const code = await main(['persoon', 'wis', P.id], { ...asked.cli, stdin: answer });
      if (setup.name.includes('PostgreSQL')) {
        // No question while a server may still run with the old file.
        expect(code).toBe(2);
        expect(asked.err()).toContain('draaien nog met een versie van het programmabestand');
      } else {
        expect(code).toBe(0);
        expect(asked.out()).toMatch(
          new RegExp(`Over '${P.id}' bewaart de opslag: \\d+ acties als eigenaar, 1 voortgangsupdates`),
        );
        // The meeting: two records by P, one action for P, one meeting closed, one besluitenlijst, one agenda edit.
        expect(asked.out()).toContain("6 regels in vergaderingen, besluitenlijsten en agenda's");
        expect(asked.out()).toContain('Niets gewist.');
      }
      const inFile = await run(['persoon', 'wis', P.id, '--yes', '--lang', 'en'], BLNP);
      expect(inFile.code).toBe(2);
      expect(inFile.err).toContain(`'${P.id}' is still in the programme file`);
      expect(inFile.err).toContain('regiekamer apply --prune');
      // Nothing was touched.
      expect(await withStore((s) => scan(s.db, termsOf(P)))).toEqual(
        expect.arrayContaining(['public.actions.fields', 'public.decisions.data', 'public.programme_versions.content']),
      );
    },
  );

  it(
    'erases: no table holds their name, UPN or e-mail, and the figures add up as before',
    { timeout: 120_000 },
    async () => {
      const before = await withStore((s) => totals(s, blnp));
      const without = path.join(dir, 'zonder.yaml');
      const loaded = await loadProgrammeFile(without);
      if (!loaded.ok) throw new Error(`the file without ${P.id} does not load`);
      if (setup.name.includes('PostgreSQL')) {
        // A server may still run with the old file: refused until the newest stored version is without them.
        const early = await run(['persoon', 'wis', P.id, '--yes'], without);
        expect(early.code).toBe(2);
        expect(early.err).toContain('draaien nog met een versie van het programmabestand');
        await withStore((s) =>
          s.programmes.record({
            programmeId: pid,
            hash: loaded.hash ?? '',
            sourcePath: 'zonder.yaml',
            content: loaded.text,
            loadedAt: new Date('2026-11-21T08:00:00Z'),
          }),
        );
      }
      const r = await run(['persoon', 'wis', P.id, '--yes'], without);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      const pseudonym = /gepseudonimiseerd als '(verwijderd persoon [0-9a-f]{6})'/.exec(r.out)?.[1];
      expect(pseudonym, r.out).toBeDefined();

      await withStore(async (s) => {
        // Also the name the besluitenlijst kept from before P's name changed (no file or version has it any more).
        expect(await scan(s.db, [...termsOf(P), pAad, OLD_NAME])).toEqual([]);
        // The person's id is gone from every structured place, and their own rows are gone.
        expect(await scan(s.db, [`"${P.id}"`, `|${P.id}`, `:${P.id}:`])).toEqual([]);
        expect(await scanExact(s.db, P.id)).toEqual([]);
        // The meeting's record stays, under the pseudonym; the chair's and Q's parts are untouched.
        const recs = await s.meetings.records(pid, MEETING.body, MEETING.date);
        expect(recs.map((x) => x.by)).toEqual([CHAIR.id, pseudonym, pseudonym]);
        expect(recs.flatMap((x) => (x.kind === 'action' ? [[x.owner, x.ownerName]] : []))).toEqual([
          [pseudonym, pseudonym],
          [Q.id, Q.name],
        ]);
        const meeting = await s.meetings.get(pid, MEETING.body, MEETING.date);
        expect(meeting?.closedBy).toBe(pseudonym);
        expect(meeting?.besluitenlijst?.actions.map((x) => [x.owner, x.ownerName])).toEqual([
          [pseudonym, pseudonym],
          [Q.id, Q.name],
        ]);
        expect(meeting?.besluitenlijst?.decisions).toHaveLength(1);
        const card = await s.db.query<{ payload: unknown }>('SELECT payload FROM bot_deliveries WHERE recipient = $1', [
          `channel:${MEETING.body}`,
        ]);
        const cardList = (
          (typeof card.rows[0]?.payload === 'string' ? JSON.parse(card.rows[0].payload) : card.rows[0]?.payload) as {
            besluitenlijst: Besluitenlijst;
          }
        ).besluitenlijst;
        expect(cardList.actions.map((x) => x.ownerName)).toEqual([pseudonym, Q.name]);
        expect((await s.agendaEdits.get(pid, { body: MEETING.body, date: '2026-12-08' })).edits?.added).toHaveLength(1);
        const edit = await s.db.query<{ updated_by: string }>('SELECT updated_by FROM agenda_edits');
        expect(edit.rows.map((x) => x.updated_by)).toEqual([pseudonym]);
        const events = await s.db.query<{ by_whom: string }>(
          'SELECT by_whom FROM decision_events WHERE decision_id = $1',
          [decisions1Id],
        );
        expect(events.rows.map((e) => e.by_whom)).toEqual([pseudonym, pseudonym]);
        expect(await s.bot.personal(pid, P.id)).toBeUndefined();
        expect((await s.guests.list(pid)).map((g) => g.personId)).not.toContain(P.id);
        // The programme's history is kept under the pseudonym, so every figure adds up to the same totals.
        const after = await totals(s, loaded.programme);
        expect(after).toEqual(before);
        const f = await figuresOf({ store: s, programme: loaded.programme }, TODAY);
        // P's open actions: the seeded ones and the one agreed in the meeting.
        expect(f.owner(pseudonym ?? '').open).toBe(owning(P.id).length + 1);
        expect((await s.bot.updates(pid)).map((u) => u.submittedBy)).toContain(pseudonym);
        // Q is untouched.
        expect(await scan(s.db, [Q.upn])).toEqual(expect.arrayContaining(['public.programme_versions.content']));
        expect(await s.bot.personal(pid, Q.id)).toBeDefined();
      });
      // Nothing is left to export: the person is unknown now.
      const again = await run(['persoon', 'export', P.id], without);
      expect(again.code).toBe(2);
      expect(again.err).toContain('is onbekend');
      expect(await readFile(without, 'utf8')).not.toContain(P.upn);
    },
  );
  it(
    'erases a person whose only trace is the sync journal (not refused as unknown)',
    { timeout: 120_000 },
    async () => {
      const file = path.join(dir, 'zonder-r.yaml');
      const loaded = await loadProgrammeFile(file);
      if (!loaded.ok) throw new Error(`the file without ${R.id} does not load`);
      if (setup.name.includes('PostgreSQL'))
        await withStore((s) =>
          s.programmes.record({
            programmeId: pid,
            hash: loaded.hash ?? '',
            sourcePath: 'zonder-r.yaml',
            content: loaded.text,
            loadedAt: new Date('2026-11-22T08:00:00Z'),
          }),
        );
      await withStore(async (s) => {
        expect(await scan(s.db, [`:${R.id}:`])).toEqual(['public.sync_journal.change_id']);
        // Without a stored programme version naming them, the store's rows alone must say they are known.
        expect(await personRecords(s.db).referenced(pid, R.id)).toBe(true);
      });
      const r = await run(['persoon', 'wis', R.id, '--yes'], file);
      expect(r.err).toBe('');
      expect(r.code).toBe(0);
      await withStore(async (s) => expect(await scan(s.db, [`:${R.id}:`, ...termsOf(R)])).toEqual([]));
    },
  );
});
