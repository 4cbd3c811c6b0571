// Graph's input limits (docs/platform.md#input-limits), each checked on both sides: `validate` refuses a file value
// just over the limit with its line and column and takes one just under, and the local tenant answers the same
// value the way Graph does (400 with Graph's error code), so a test against it cannot pass what Graph refuses.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';
import { startTestTenant, TENANT_A, TEST_ORGANIZER, type TestTenant } from '@regiekamer/local-tenant/testing';
import { parseProgramme, type Problem } from '../src/domain/programme/parse.ts';
import { GRAPH_LIMITS } from '../src/domain/programme/limits.ts';
import { desiredState } from '../src/domain/sync/desired.ts';
import { plan, type ActualState } from '../src/domain/sync/plan.ts';

const root = path.resolve(import.meta.dirname, '..');
const minimal = readFileSync(path.join(root, 'tests/fixtures/programmes/minimal.yaml'), 'utf8');
const GRAPH = 'https://graph.microsoft.com/v1.0';

/** The minimal programme with `edit` applied to its YAML document, through validate. */
function validate(edit: (doc: ReturnType<typeof parseDocument>) => void): Problem[] {
  const doc = parseDocument(minimal);
  edit(doc);
  const result = parseProgramme(new TextEncoder().encode(doc.toString({ lineWidth: 0 })), 'limits.yaml');
  return result.ok ? [] : result.problems;
}

const text = (n: number) =>
  'Werkgroep '
    .repeat(Math.ceil(n / 10))
    .slice(0, n)
    .replace(/ $/, 'x');

let t: TestTenant;
let teamId: string;
let planId: string;
const graph = (method: string, p: string, body?: unknown) => t.graph(TENANT_A, method, p, body);

const event = (extra: Record<string, unknown>) => ({
  subject: 'Regiegroep',
  start: { dateTime: '2026-03-02T09:30:00', timeZone: 'W. Europe Standard Time' },
  end: { dateTime: '2026-03-02T11:00:00', timeZone: 'W. Europe Standard Time' },
  ...extra,
});
const attendees = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ emailAddress: { address: `p${i}@alfa.example` }, type: 'required' }));

beforeAll(async () => {
  t = await startTestTenant({ faults: { throttling: false } });
  const team = await graph('POST', '/teams', {
    'template@odata.bind': `${GRAPH}/teamsTemplates('standard')`,
    displayName: 'Proefteam',
    members: [
      {
        '@odata.type': '#microsoft.graph.aadUserConversationMember',
        roles: ['owner'],
        'user@odata.bind': `${GRAPH}/users('anna@alfa.example')`,
      },
    ],
  });
  expect(team.status).toBe(202);
  teamId = /\/teams\('([^']+)'\)/.exec(team.headers.get('location') ?? '')?.[1] as string;
  const p = await graph('POST', '/planner/plans', { container: { containerId: teamId, type: 'group' }, title: 'Plan' });
  expect(p.status).toBe(201);
  planId = String(p.body.id);
});
afterAll(async () => {
  await t.close();
});

interface Row {
  limit: keyof typeof GRAPH_LIMITS;
  /** Sets a value of `length` characters (or count) in the file; the problem is expected at `path`. */
  file?: { set: (doc: ReturnType<typeof parseDocument>, length: number) => void; path: (string | number)[] };
  /** The Graph call that writes such a value. */
  tenant: (length: number) => Promise<{ status: number; body: Record<string, unknown> }>;
  code: string;
}

const rows: Row[] = [
  {
    limit: 'channelName',
    file: { set: (d, n) => d.setIn(['bodies', 3, 'name'], text(n)), path: ['bodies', 3, 'name'] },
    tenant: (n) => graph('POST', `/teams/${teamId}/channels`, { displayName: text(n), membershipType: 'standard' }),
    code: 'BadRequest',
  },
  {
    limit: 'teamName',
    file: { set: (d, n) => d.setIn(['programme', 'team', 'name'], text(n)), path: ['programme', 'team', 'name'] },
    tenant: (n) => graph('PATCH', `/teams/${teamId}`, { displayName: text(n) }),
    code: 'BadRequest',
  },
  {
    limit: 'teamDescription',
    file: {
      set: (d, n) => d.setIn(['programme', 'team', 'description'], text(n)),
      path: ['programme', 'team', 'description'],
    },
    tenant: (n) => graph('PATCH', `/teams/${teamId}`, { description: text(n) }),
    code: 'BadRequest',
  },
  {
    limit: 'eventSubject',
    file: { set: (d, n) => d.setIn(['cadences', 0, 'name'], text(n)), path: ['cadences', 0, 'name'] },
    tenant: (n) => graph('POST', `/users/${TEST_ORGANIZER}/events`, event({ subject: text(n) })),
    code: 'ErrorInvalidRequest',
  },
  {
    limit: 'eventAttendees',
    file: {
      set: (d, n) => {
        const people = Array.from({ length: n }, (_, i) =>
          d.createNode({
            id: `p${i}`,
            name: `Persoon ${i}`,
            upn: `p${i}@alfa.example`,
            gemeente: 'alfa',
            hoursPerWeek: 1,
          }),
        );
        for (const p of people) d.addIn(['people'], p);
        d.setIn(['cadences', 0, 'audience'], 'everyone');
      },
      path: ['cadences', 0, 'audience'],
    },
    tenant: (n) => graph('POST', `/users/${TEST_ORGANIZER}/events`, event({ attendees: attendees(n) })),
    code: 'ErrorInvalidRecipients',
  },
  {
    limit: 'bucketName',
    file: { set: (d, n) => d.set('planner', d.createNode({ buckets: [text(n)] })), path: ['planner', 'buckets', 0] },
    tenant: (n) => graph('POST', `/planner/plans/${planId}/buckets`, { name: text(n), planId }),
    code: 'BadRequest',
  },
  {
    limit: 'taskTitle',
    file: {
      set: (d, n) => d.set('backlog', d.createNode([{ vakgebied: 'ict', topics: [{ id: 't1', title: text(n) }] }])),
      path: ['backlog', 0, 'topics', 0, 'title'],
    },
    tenant: (n) => graph('POST', `/planner/plans/${planId}/tasks`, { planId, title: text(n) }),
    code: 'BadRequest',
  },
  {
    // A plan is titled with a werkgroep's name, which the schema keeps to 200 characters: only the tenant side.
    limit: 'planTitle',
    tenant: (n) =>
      graph('POST', '/planner/plans', { container: { containerId: teamId, type: 'group' }, title: text(n) }),
    code: 'BadRequest',
  },
];

describe('Graph input limits: validate and the local tenant refuse the same values', () => {
  it.each(rows)('$limit: just under passes, just over is refused on both sides', async (row) => {
    const max = GRAPH_LIMITS[row.limit];
    // Values just under (the limit itself) and just over (one more).
    if (row.file) {
      const file = row.file;
      // The people added for the attendee row come on top of the three the file has.
      const base = row.limit === 'eventAttendees' ? 3 : 0;
      const under = validate((d) => file.set(d, max - base));
      expect(under.filter((p) => p.key.startsWith('limit.') || p.key === 'format.tooLong')).toEqual([]);
      const over = validate((d) => file.set(d, max - base + 1));
      const problem = over.find((p) => p.key.startsWith('limit.'));
      expect(problem?.path).toEqual(file.path);
      expect(problem?.line).toBeGreaterThan(1);
      expect(problem?.col).toBeGreaterThan(0);
    }
    const ok = await row.tenant(max);
    expect(ok.status, JSON.stringify(ok.body)).toBeLessThan(300);
    const refused = await row.tenant(max + 1);
    expect(refused.status).toBe(400);
    expect((refused.body.error as { code: string }).code).toBe(row.code);
  });

  it('the 66-character werkgroep name: validate names it at its line and column; the tenant answers 400 with a reason', async () => {
    const name = 'Werkgroep Data-uitwisseling en informatiebeheer tussen gemeenten';
    const problems = validate((d) => d.setIn(['bodies', 3, 'name'], name));
    expect(problems.map((p) => `${p.line}:${p.col} ${p.key}`)).toEqual(['64:11 limit.tooLong']);
    const res = await graph('POST', `/teams/${teamId}/channels`, { displayName: name, membershipType: 'standard' });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ code: 'BadRequest', message: expect.stringMatching(/at most 50/) });
  });

  it.each([
    ['a reserved name', 'LPT1', 'limit.channelWord'],
    ['a control character', 'Werkgroep\u0007ICT', 'limit.control'],
  ])('a channel name with %s is refused at validate and by the tenant', async (_, name, key) => {
    const problems = validate((d) => d.setIn(['bodies', 3, 'channel', 'name'], name));
    expect(problems.map((p) => `${p.key} ${p.path.join('.')}`)).toEqual([`${key} bodies.3.channel.name`]);
    const res = await graph('POST', `/teams/${teamId}/channels`, { displayName: name, membershipType: 'standard' });
    expect(res.status).toBe(400);
    expect((res.body.error as { code: string }).code).toBe('BadRequest');
  });

  it('a zone without a Windows name is refused at validate; the tenant refuses Europe/Amsterdam as Graph does', async () => {
    const problems = validate((d) => d.setIn(['cadences', 0, 'timeZone'], 'Antarctica/Troll'));
    expect(problems.map((p) => p.key)).toEqual(['limit.timeZone']);
    expect(validate((d) => d.setIn(['cadences', 0, 'timeZone'], 'Europe/Amsterdam'))).toEqual([]);
    const iana = await graph(
      'POST',
      `/users/${TEST_ORGANIZER}/events`,
      event({ start: { dateTime: '2026-03-02T09:30:00', timeZone: 'Europe/Amsterdam' } }),
    );
    expect(iana.status).toBe(400);
    expect(iana.body.error).toMatchObject({
      code: 'TimeZoneNotSupportedException',
      message:
        "A valid TimeZone value must be specified. The following TimeZone value is not supported: 'Europe/Amsterdam'.",
    });
  });

  it('the meeting Regiekamer writes reaches Graph with the Windows zone name, in start, end and recurrence', async () => {
    const parsed = parseProgramme(new TextEncoder().encode(minimal), 'minimal.yaml');
    if (!parsed.ok) throw new Error('minimal.yaml should be valid');
    const desired = desiredState(parsed.programme);
    const none: ActualState = { directory: {}, team: undefined, channels: [], meetings: [] };
    const create = plan(desired, none, { today: '2025-12-01' }).find((c) => c.apply.op === 'createMeeting');
    if (create?.apply.op !== 'createMeeting') throw new Error('the plan should create the regiegroep series');
    const res = await graph('POST', `/users/${TEST_ORGANIZER}/events`, create.apply.event);
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const stored = await graph('GET', `/users/${TEST_ORGANIZER}/events/${String(res.body.id)}`);
    // Graph answers times in UTC unless asked otherwise; the zone it was sent is kept as originalStartTimeZone.
    const body = stored.body as {
      originalStartTimeZone: string;
      originalEndTimeZone: string;
      recurrence: { range: { recurrenceTimeZone: string } };
    };
    expect([body.originalStartTimeZone, body.originalEndTimeZone, body.recurrence.range.recurrenceTimeZone]).toEqual([
      'W. Europe Standard Time',
      'W. Europe Standard Time',
      'W. Europe Standard Time',
    ]);
  });
});
