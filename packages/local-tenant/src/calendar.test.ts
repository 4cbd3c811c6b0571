// Calendar handlers of the local tenant, called directly with a hand-built TenantContext: recurrence expansion
// across DST, relative/absolute monthly patterns, instances and calendarView windows, exceptions, cancellations,
// transactionId de-duplication, attendee copies and the property names of the Graph v1.0 contract.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { FixedClock, GRAPH_CONTRACT } from './testing.ts';
import { calendarRoutes, instanceId, mailboxKey } from './calendar.ts';
import {
  GraphHttpError,
  type Entity,
  type LocalTenantState,
  type Route,
  type TenantContext,
  type TenantRequest,
} from './core.ts';

type Item = Record<string, unknown>;
interface Result {
  status: number;
  headers: Record<string, string>;
  body: Item & { value?: Item[]; error?: { code: string; message: string } };
}

const TENANT = '11111111-1111-4111-8111-111111111111';
const OTHER_TENANT = '22222222-2222-4222-8222-222222222222';
const ORGANIZER = 'organizer@alfa.example';
const AMS = { Prefer: 'outlook.timezone="W. Europe Standard Time"' };

function user(id: string, upn: string, displayName: string): Entity {
  return { id, userPrincipalName: upn, mail: upn, displayName, accountEnabled: true };
}

function newState(): LocalTenantState {
  return {
    version: 1,
    apps: [],
    tenants: {
      [TENANT]: {
        id: TENANT,
        displayName: 'Alfa',
        domain: 'alfa.example',
        collections: {
          users: {
            'a0000000-0000-4000-8000-000000000001': user(
              'a0000000-0000-4000-8000-000000000001',
              ORGANIZER,
              'Organizer mailbox',
            ),
            'a0000000-0000-4000-8000-000000000002': user(
              'a0000000-0000-4000-8000-000000000002',
              'cor@alfa.example',
              'Cor Alfa',
            ),
          },
        },
      },
      [OTHER_TENANT]: {
        id: OTHER_TENANT,
        displayName: 'Beta',
        domain: 'beta.example',
        collections: {
          users: {
            'b0000000-0000-4000-8000-000000000001': {
              ...user('b0000000-0000-4000-8000-000000000001', 'bram@beta.example', 'Bram Beta'),
              mail: 'b.beta@beta.example',
            },
          },
        },
      },
    },
  };
}

let clock: FixedClock;
let ctx: TenantContext;
let routes: Route[];

beforeEach(() => {
  clock = new FixedClock('2026-02-01T10:00:00Z');
  let ids = 0;
  let etags = 0;
  ctx = {
    state: newState(),
    clock,
    newId: (prefix) => `${prefix ?? ''}00000000-0000-4000-8000-${String(++ids).padStart(12, '0')}`,
    newEtag: () => `W/"etag-${++etags}"`,
    baseUrl: 'https://localhost:4443',
    changed: () => undefined,
  };
  routes = calendarRoutes();
});

/** Routes a request the way the server does (case-insensitive literals, {params}) and maps GraphHttpError to a response. */
async function call(
  method: TenantRequest['method'],
  target: string,
  body?: unknown,
  headers: Record<string, string> = {},
  tenantId = TENANT,
): Promise<Result> {
  const [rawPath = '', rawQuery = ''] = target.split('?');
  const segments = rawPath
    .split('/')
    .filter((s) => s !== '')
    .map(decodeURIComponent);
  for (const route of routes.filter((r) => r.method === method)) {
    const pattern = route.pattern.split('/').filter((s) => s !== '');
    if (pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    const ok = pattern.every((p, i) => {
      const seg = segments[i] as string;
      const m = /^\{(.+)\}$/.exec(p);
      if (m?.[1]) {
        params[m[1]] = seg;
        return true;
      }
      return p.toLowerCase() === seg.toLowerCase();
    });
    if (!ok) continue;
    const lower = Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v]));
    const req: TenantRequest = {
      tenantId,
      appId: 'app',
      method,
      path: rawPath,
      params,
      query: new URLSearchParams(rawQuery),
      headers: lower,
      body,
    };
    try {
      const res = await route.handler(req, ctx);
      return { status: res.status, headers: res.headers ?? {}, body: (res.body ?? {}) as Result['body'] };
    } catch (err) {
      if (err instanceof GraphHttpError)
        return { status: err.status, headers: err.headers, body: { error: { code: err.code, message: err.message } } };
      throw err;
    }
  }
  throw new Error(`no route for ${method} ${rawPath}`);
}

function startsOf(items: Item[] | undefined): string[] {
  return (items ?? []).map((i) => String((i.start as Item).dateTime));
}

const fortnightly = (extra: Item = {}) => ({
  subject: 'Regiegroep',
  start: { dateTime: '2026-03-02T09:30:00', timeZone: 'W. Europe Standard Time' },
  end: { dateTime: '2026-03-02T11:00:00', timeZone: 'W. Europe Standard Time' },
  recurrence: {
    pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
    range: { type: 'endDate', startDate: '2026-03-02', endDate: '2026-05-01' },
  },
  ...extra,
});

async function createSeries(body: Item = fortnightly()): Promise<Item> {
  const res = await call('POST', `/users/${ORGANIZER}/events`, body);
  expect(res.status).toBe(201);
  return res.body;
}

// ---------------------------------------------------------------------------------------------------------------
// Contract

type Schema = { allOf?: Item[]; properties?: Item };
const contract = parse(readFileSync(GRAPH_CONTRACT, 'utf8')) as { components: { schemas: Record<string, Schema> } };

function propertiesOf(name: string): Set<string> {
  const out = new Set<string>();
  const walk = (s: Schema | undefined) => {
    if (!s) return;
    for (const key of Object.keys(s.properties ?? {})) out.add(key);
    for (const part of s.allOf ?? []) {
      const ref = part.$ref;
      if (typeof ref === 'string') walk(contract.components.schemas[ref.split('/').pop() ?? '']);
      else walk(part as Schema);
    }
  };
  walk(contract.components.schemas[`microsoft.graph.${name}`]);
  return out;
}

function unknownKeys(body: Item, schema: string): string[] {
  const allowed = propertiesOf(schema);
  expect(allowed.size).toBeGreaterThan(0);
  return Object.keys(body).filter((k) => !k.startsWith('@odata.') && !allowed.has(k));
}

describe('calendar: contract shapes', () => {
  it('returns events, occurrences, recurrence and calendars with property names of the v1.0 contract', async () => {
    const master = await createSeries(
      fortnightly({
        attendees: [{ emailAddress: { address: 'cor@alfa.example', name: 'Cor Alfa' }, type: 'required' }],
        location: { displayName: 'Raadzaal' },
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
      }),
    );
    expect(unknownKeys(master, 'event')).toEqual([]);
    const rec = master.recurrence as { pattern: Item; range: Item };
    expect(unknownKeys(rec.pattern, 'recurrencePattern')).toEqual([]);
    expect(unknownKeys(rec.range, 'recurrenceRange')).toEqual([]);
    expect(unknownKeys(master.start as Item, 'dateTimeTimeZone')).toEqual([]);
    expect(unknownKeys(master.onlineMeeting as Item, 'onlineMeetingInfo')).toEqual([]);
    expect(unknownKeys(master.location as Item, 'location')).toEqual([]);
    const attendee = (master.attendees as Item[])[0] as Item;
    expect(unknownKeys(attendee, 'attendee')).toEqual([]);
    expect(unknownKeys(attendee.status as Item, 'responseStatus')).toEqual([]);
    expect(unknownKeys(master.organizer as Item, 'recipient')).toEqual([]);

    const view = await call(
      'GET',
      `/users/${ORGANIZER}/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-20T00:00:00Z`,
    );
    expect(view.body.value).toHaveLength(2);
    for (const occ of view.body.value ?? []) expect(unknownKeys(occ, 'event')).toEqual([]);

    const cal = await call('GET', `/users/${ORGANIZER}/calendar`);
    expect(cal.status).toBe(200);
    expect(unknownKeys(cal.body, 'calendar')).toEqual([]);
    expect(cal.body.isDefaultCalendar).toBe(true);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Recurrence

describe('calendar: recurrence expansion', () => {
  it('keeps a fortnightly series at 09:30 wall-clock time across the spring DST change in Europe/Amsterdam', async () => {
    const master = await createSeries();
    expect(master.type).toBe('seriesMaster');
    expect((master.recurrence as { range: Item }).range.recurrenceTimeZone).toBe('W. Europe Standard Time');
    // Default output is UTC: the offset changes on 29 March, so the UTC hour moves from 08:30 to 07:30.
    const utc = await call(
      'GET',
      `/users/${ORGANIZER}/events/${String(master.id)}/instances?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-12-31T00:00:00Z`,
    );
    expect(startsOf(utc.body.value)).toEqual([
      '2026-03-02T08:30:00.0000000',
      '2026-03-16T08:30:00.0000000',
      '2026-03-30T07:30:00.0000000',
      '2026-04-13T07:30:00.0000000',
      '2026-04-27T07:30:00.0000000',
    ]);
    expect((utc.body.value?.[0]?.start as Item).timeZone).toBe('UTC');
    const local = await call(
      'GET',
      `/users/${ORGANIZER}/events/${String(master.id)}/instances?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-12-31T00:00:00Z`,
      undefined,
      AMS,
    );
    expect(startsOf(local.body.value).map((s) => s.slice(11, 16))).toEqual([
      '09:30',
      '09:30',
      '09:30',
      '09:30',
      '09:30',
    ]);
    expect((local.body.value?.[2]?.start as Item).timeZone).toBe('W. Europe Standard Time');
    expect((local.body.value?.[2]?.end as Item).dateTime).toBe('2026-03-30T11:00:00.0000000');
    const first = local.body.value?.[0] as Item;
    expect(first).toMatchObject({
      type: 'occurrence',
      seriesMasterId: master.id,
      originalStart: '2026-03-02T08:30:00Z',
      id: instanceId(String(master.id), '2026-03-02T08:30:00Z'),
    });
  });

  it('expands a series given in a Windows zone name across the autumn DST change', async () => {
    const master = await createSeries({
      subject: 'Stuurgroep',
      start: { dateTime: '2026-10-12T14:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-10-12T15:00:00', timeZone: 'W. Europe Standard Time' },
      recurrence: {
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
        range: { type: 'numbered', startDate: '2026-10-12', numberOfOccurrences: 3 },
      },
    });
    const res = await call(
      'GET',
      `/users/${ORGANIZER}/events/${String(master.id)}/instances?startDateTime=2026-10-01T00:00:00Z&endDateTime=2027-01-01T00:00:00Z`,
    );
    expect(startsOf(res.body.value)).toEqual([
      '2026-10-12T12:00:00.0000000',
      '2026-10-26T13:00:00.0000000',
      '2026-11-09T13:00:00.0000000',
    ]);
  });

  it('puts a relativeMonthly "second Tuesday" series on the second Tuesday, and a numbered range stops after its count', async () => {
    const master = await createSeries({
      subject: 'Kernteam',
      start: { dateTime: '2026-01-13T13:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-01-13T14:30:00', timeZone: 'W. Europe Standard Time' },
      recurrence: {
        pattern: { type: 'relativeMonthly', interval: 1, daysOfWeek: ['tuesday'], index: 'second' },
        range: { type: 'numbered', startDate: '2026-01-13', numberOfOccurrences: 6 },
      },
    });
    const res = await call(
      'GET',
      `/users/${ORGANIZER}/events/${String(master.id)}/instances?startDateTime=2025-12-01T00:00:00Z&endDateTime=2027-12-31T00:00:00Z`,
      undefined,
      { Prefer: 'outlook.timezone="Europe/Amsterdam"' },
    );
    expect(startsOf(res.body.value).map((s) => s.slice(0, 16))).toEqual([
      '2026-01-13T13:00',
      '2026-02-10T13:00',
      '2026-03-10T13:00',
      '2026-04-14T13:00',
      '2026-05-12T13:00',
      '2026-06-09T13:00',
    ]);
    const rec = master.recurrence as { pattern: Item; range: Item };
    expect(rec.pattern).toMatchObject({
      type: 'relativeMonthly',
      index: 'second',
      daysOfWeek: ['tuesday'],
      dayOfMonth: 0,
      month: 0,
    });
    expect(rec.range).toMatchObject({ type: 'numbered', numberOfOccurrences: 6, endDate: '0001-01-01' });
  });

  it('runs a quarterly series (interval 3) on day 31 on the last day of shorter months, without end', async () => {
    const master = await createSeries({
      subject: 'Kwartaalrapportage',
      start: { dateTime: '2026-01-31T10:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-01-31T11:00:00', timeZone: 'W. Europe Standard Time' },
      recurrence: {
        pattern: { type: 'absoluteMonthly', interval: 3, dayOfMonth: 31 },
        range: { type: 'noEnd', startDate: '2026-01-31' },
      },
    });
    const year = await call(
      'GET',
      `/users/${ORGANIZER}/calendarView?startDateTime=2026-01-01T00:00:00Z&endDateTime=2027-01-01T00:00:00Z`,
      undefined,
      AMS,
    );
    expect(startsOf(year.body.value).map((s) => s.slice(0, 10))).toEqual([
      '2026-01-31',
      '2026-04-30',
      '2026-07-31',
      '2026-10-31',
    ]);
    // No end: years later the series still produces its quarter days.
    const later = await call(
      'GET',
      `/users/${ORGANIZER}/events/${String(master.id)}/instances?startDateTime=2031-01-01T00:00:00Z&endDateTime=2032-01-01T00:00:00Z`,
      undefined,
      AMS,
    );
    expect(startsOf(later.body.value).map((s) => s.slice(0, 10))).toEqual([
      '2031-01-31',
      '2031-04-30',
      '2031-07-31',
      '2031-10-31',
    ]);
  });

  it('lists only occurrences that overlap the instances window and requires the window', async () => {
    const master = await createSeries();
    const res = await call(
      'GET',
      `/users/${ORGANIZER}/events/${String(master.id)}/instances?startDateTime=2026-03-10T00:00:00Z&endDateTime=2026-04-05T00:00:00Z`,
    );
    expect(res.body.value?.map((i) => i.originalStart)).toEqual(['2026-03-16T08:30:00Z', '2026-03-30T07:30:00Z']);
    // An occurrence still running at the window's start overlaps it.
    const overlap = await call(
      'GET',
      `/users/${ORGANIZER}/events/${String(master.id)}/instances?startDateTime=2026-03-16T09:00:00Z&endDateTime=2026-03-16T09:30:00Z`,
    );
    expect(overlap.body.value).toHaveLength(1);
    const missing = await call('GET', `/users/${ORGANIZER}/events/${String(master.id)}/instances`);
    expect(missing.status).toBe(400);
    expect(missing.body.error?.code).toBe('ErrorInvalidParameter');
    // The list of events shows the series master, not its occurrences.
    const list = await call('GET', `/users/${ORGANIZER}/events`);
    expect(list.body.value?.map((e) => e.type)).toEqual(['seriesMaster']);
  });

  it('refuses recurrence patterns that lack what their type needs, and unknown time zones', async () => {
    const weeklyWithoutDays = await call(
      'POST',
      `/users/${ORGANIZER}/events`,
      fortnightly({
        recurrence: { pattern: { type: 'weekly', interval: 1 }, range: { type: 'noEnd', startDate: '2026-03-02' } },
      }),
    );
    expect(weeklyWithoutDays.status).toBe(400);
    const noStartDate = await call(
      'POST',
      `/users/${ORGANIZER}/events`,
      fortnightly({
        recurrence: { pattern: { type: 'daily', interval: 1 }, range: { type: 'noEnd' } },
      }),
    );
    expect(noStartDate.status).toBe(400);
    const zone = await call(
      'POST',
      `/users/${ORGANIZER}/events`,
      fortnightly({ start: { dateTime: '2026-03-02T09:30:00', timeZone: 'Mars/Olympus' } }),
    );
    expect(zone.status).toBe(400);
    expect(zone.body.error?.code).toBe('TimeZoneNotSupportedException');
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Single occurrences

describe('calendar: single occurrences', () => {
  it('turns a PATCHed occurrence into an exception that keeps its id and original start', async () => {
    const master = await createSeries();
    const id = instanceId(String(master.id), '2026-03-16T08:30:00Z');
    clock.set('2026-02-10T08:00:00Z');
    const patched = await call(
      'PATCH',
      `/users/${ORGANIZER}/events/${id}`,
      {
        subject: 'Regiegroep (verplaatst)',
        start: { dateTime: '2026-03-17T10:30:00', timeZone: 'W. Europe Standard Time' },
        end: { dateTime: '2026-03-17T12:00:00', timeZone: 'W. Europe Standard Time' },
      },
      AMS,
    );
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({
      id,
      type: 'exception',
      originalStart: '2026-03-16T08:30:00Z',
      seriesMasterId: master.id,
      subject: 'Regiegroep (verplaatst)',
    });
    expect((patched.body.start as Item).dateTime).toBe('2026-03-17T10:30:00.0000000');
    expect(patched.body['@odata.etag']).not.toBe(master['@odata.etag']);

    const list = await call(
      'GET',
      `/users/${ORGANIZER}/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-04-01T00:00:00Z`,
      undefined,
      AMS,
    );
    expect(list.body.value?.map((i) => [i.type, String((i.start as Item).dateTime).slice(0, 16), i.subject])).toEqual([
      ['occurrence', '2026-03-02T09:30', 'Regiegroep'],
      ['exception', '2026-03-17T10:30', 'Regiegroep (verplaatst)'],
      ['occurrence', '2026-03-30T09:30', 'Regiegroep'],
    ]);
    const again = await call('GET', `/users/${ORGANIZER}/events/${id}`);
    expect(again.body.type).toBe('exception');

    // An occurrence may not pass the day of its neighbour.
    const crossing = await call('PATCH', `/users/${ORGANIZER}/events/${id}`, {
      start: { dateTime: '2026-03-30T10:30:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-03-30T11:30:00', timeZone: 'W. Europe Standard Time' },
    });
    expect(crossing.status).toBe(400);
    expect(crossing.body.error?.code).toBe('ErrorOccurrenceCrossingBoundary');
    const recurrenceOnOccurrence = await call('PATCH', `/users/${ORGANIZER}/events/${id}`, { recurrence: null });
    expect(recurrenceOnOccurrence.status).toBe(400);
  });

  it('cancels one occurrence by its instance id: it disappears from calendarView and instances', async () => {
    const master = await createSeries();
    const id = instanceId(String(master.id), '2026-03-30T07:30:00Z');
    const cancelled = await call('POST', `/users/${ORGANIZER}/events/${id}/cancel`, {
      comment: 'Vervalt wegens Pasen',
    });
    expect(cancelled.status).toBe(202);
    const view = await call(
      'GET',
      `/users/${ORGANIZER}/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-05-01T00:00:00Z`,
    );
    expect(view.body.value?.map((i) => i.originalStart)).toEqual([
      '2026-03-02T08:30:00Z',
      '2026-03-16T08:30:00Z',
      '2026-04-13T07:30:00Z',
      '2026-04-27T07:30:00Z',
    ]);
    const instances = await call(
      'GET',
      `/users/${ORGANIZER}/events/${String(master.id)}/instances?startDateTime=2026-03-29T00:00:00Z&endDateTime=2026-03-31T00:00:00Z`,
    );
    expect(instances.body.value).toEqual([]);
    expect((await call('GET', `/users/${ORGANIZER}/events/${id}`)).status).toBe(404);
    // A made-up instance id (no occurrence on that date) is not found either.
    expect(
      (await call('GET', `/users/${ORGANIZER}/events/${instanceId(String(master.id), '2026-03-31T07:30:00Z')}`)).status,
    ).toBe(404);
    // The series itself is still there.
    expect((await call('GET', `/users/${ORGANIZER}/events/${String(master.id)}`)).status).toBe(200);
  });

  it('keeps exceptions and cancellations that still fall on the pattern when the range is shortened', async () => {
    const master = await createSeries();
    const seriesId = String(master.id);
    await call('PATCH', `/users/${ORGANIZER}/events/${instanceId(seriesId, '2026-03-16T08:30:00Z')}`, {
      subject: 'Met wethouders',
    });
    await call('PATCH', `/users/${ORGANIZER}/events/${instanceId(seriesId, '2026-04-27T07:30:00Z')}`, {
      subject: 'Laatste',
    });
    await call('POST', `/users/${ORGANIZER}/events/${instanceId(seriesId, '2026-03-02T08:30:00Z')}/cancel`, {});
    // "From 14 April on" is done by the client: end this series before, create a new one after.
    const shortened = await call('PATCH', `/users/${ORGANIZER}/events/${seriesId}`, {
      recurrence: {
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
        range: { type: 'endDate', startDate: '2026-03-02', endDate: '2026-04-13' },
      },
    });
    expect(shortened.status).toBe(200);
    const view = await call(
      'GET',
      `/users/${ORGANIZER}/events/${seriesId}/instances?startDateTime=2026-01-01T00:00:00Z&endDateTime=2026-12-31T00:00:00Z`,
    );
    expect(view.body.value?.map((i) => [i.originalStart, i.type, i.subject])).toEqual([
      ['2026-03-16T08:30:00Z', 'exception', 'Met wethouders'],
      ['2026-03-30T07:30:00Z', 'occurrence', 'Regiegroep'],
      ['2026-04-13T07:30:00Z', 'occurrence', 'Regiegroep'],
    ]);
    // Lengthening again does not bring the dropped exception back.
    await call('PATCH', `/users/${ORGANIZER}/events/${seriesId}`, {
      recurrence: {
        pattern: { type: 'weekly', interval: 2, daysOfWeek: ['monday'], firstDayOfWeek: 'monday' },
        range: { type: 'endDate', startDate: '2026-03-02', endDate: '2026-05-01' },
      },
    });
    const longer = await call(
      'GET',
      `/users/${ORGANIZER}/events/${seriesId}/instances?startDateTime=2026-04-20T00:00:00Z&endDateTime=2026-05-01T00:00:00Z`,
    );
    expect(longer.body.value?.map((i) => [i.type, i.subject])).toEqual([['occurrence', 'Regiegroep']]);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// Idempotency, organizer, meetings

describe('calendar: meetings', () => {
  it('returns the existing event for a repeated transactionId instead of creating a second one', async () => {
    const body = fortnightly({ transactionId: 'regiekamer:proef:regiegroep:2026' });
    const first = await call('POST', `/users/${ORGANIZER}/events`, body);
    clock.advance(60_000);
    const second = await call('POST', `/users/${ORGANIZER}/events`, { ...body, subject: 'Regiegroep (retry)' });
    expect(second.status).toBe(201);
    expect(second.body.id).toBe(first.body.id);
    expect(second.body.subject).toBe('Regiegroep');
    expect(second.body.transactionId).toBe('regiekamer:proef:regiegroep:2026');
    const list = await call('GET', `/users/${ORGANIZER}/events`);
    expect(list.body.value).toHaveLength(1);
    // Another mailbox may use the same transactionId for its own event.
    const elsewhere = await call('POST', '/users/cor@alfa.example/events', body);
    expect(elsewhere.body.id).not.toBe(first.body.id);
  });

  it("gives a Teams meeting a join URL and puts copies in attendees' calendars, in this and another tenant", async () => {
    const master = await createSeries(
      fortnightly({
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        attendees: [
          { emailAddress: { address: 'cor@alfa.example' } },
          { emailAddress: { address: 'b.beta@beta.example' }, type: 'optional' },
          { emailAddress: { address: 'extern@example.org' } },
        ],
      }),
    );
    const joinUrl = String((master.onlineMeeting as Item).joinUrl);
    expect(joinUrl).toMatch(
      /^https:\/\/teams\.microsoft\.com\/l\/meetup-join\/19%3ameeting_[A-Za-z0-9]+%40thread\.v2\/0\?context=/,
    );
    expect(JSON.parse(decodeURIComponent(new URL(joinUrl).searchParams.get('context') ?? '{}'))).toEqual({
      Tid: TENANT,
      Oid: 'a0000000-0000-4000-8000-000000000001',
    });
    expect(master).toMatchObject({
      isOnlineMeeting: true,
      onlineMeetingProvider: 'teamsForBusiness',
      isOrganizer: true,
      responseStatus: { response: 'organizer' },
    });
    expect((master.organizer as { emailAddress: Item }).emailAddress.address).toBe(ORGANIZER);
    expect((master.attendees as Item[]).map((a) => [a.type, (a.status as Item).response])).toEqual([
      ['required', 'none'],
      ['optional', 'none'],
      ['required', 'none'],
    ]);
    expect(String(master.iCalUId)).toMatch(/^040000008200E00074C5B7101A82E008/);

    const copies = await call('GET', '/users/cor@alfa.example/events');
    expect(copies.body.value).toHaveLength(1);
    const copy = copies.body.value?.[0] as Item;
    expect(copy).toMatchObject({
      isOrganizer: false,
      iCalUId: master.iCalUId,
      subject: 'Regiegroep',
      responseStatus: { response: 'notResponded' },
    });
    expect(copy.id).not.toBe(master.id);
    expect((copy.onlineMeeting as Item).joinUrl).toBe(joinUrl);
    const other = await call('GET', '/users/bram@beta.example/events', undefined, {}, OTHER_TENANT);
    expect(other.body.value?.map((e) => e.subject)).toEqual(['Regiegroep']);
    // Occurrences of the copy have the copy's own ids.
    const copyView = await call(
      'GET',
      '/users/cor@alfa.example/calendarView?startDateTime=2026-03-01T00:00:00Z&endDateTime=2026-03-03T00:00:00Z',
    );
    expect(copyView.body.value?.map((i) => i.id)).toEqual([instanceId(String(copy.id), '2026-03-02T08:30:00Z')]);
  });

  it("lets only the organizer cancel; an attendee's copy then shows the meeting as cancelled", async () => {
    const master = await createSeries(fortnightly({ attendees: [{ emailAddress: { address: 'cor@alfa.example' } }] }));
    const copy = (await call('GET', '/users/cor@alfa.example/events')).body.value?.[0] as Item;
    const refused = await call('POST', `/users/cor@alfa.example/events/${String(copy.id)}/cancel`, {
      comment: 'Ik kan niet',
    });
    expect(refused.status).toBe(400);
    expect(refused.body.error?.message).toContain('organizer');
    const refusedOccurrence = await call(
      'POST',
      `/users/cor@alfa.example/events/${instanceId(String(copy.id), '2026-03-16T08:30:00Z')}/cancel`,
      {},
    );
    expect(refusedOccurrence.status).toBe(400);
    // An attendee can't reschedule the meeting either, only their own reminder and categories.
    expect(
      (await call('PATCH', `/users/cor@alfa.example/events/${String(copy.id)}`, { subject: 'Anders' })).status,
    ).toBe(400);
    expect(
      (await call('PATCH', `/users/cor@alfa.example/events/${String(copy.id)}`, { isReminderOn: false })).body
        .isReminderOn,
    ).toBe(false);

    // The organizer cancels one occurrence: the attendee still sees it, marked cancelled.
    await call(
      'POST',
      `/users/${ORGANIZER}/events/${instanceId(String(master.id), '2026-03-16T08:30:00Z')}/cancel`,
      {},
    );
    const attendeeView = await call(
      'GET',
      '/users/cor@alfa.example/calendarView?startDateTime=2026-03-10T00:00:00Z&endDateTime=2026-03-20T00:00:00Z',
    );
    expect(attendeeView.body.value?.map((i) => [i.isCancelled, i.subject])).toEqual([[true, 'Canceled: Regiegroep']]);

    // The organizer cancels the series: gone from the organizer's calendar, cancelled in the attendee's.
    const cancelled = await call('POST', `/users/${ORGANIZER}/events/${String(master.id)}/cancel`, {
      Comment: 'Programma afgerond',
    });
    expect(cancelled.status).toBe(202);
    expect((await call('GET', `/users/${ORGANIZER}/events/${String(master.id)}`)).status).toBe(404);
    expect((await call('GET', `/users/${ORGANIZER}/events`)).body.value).toEqual([]);
    const after = await call('GET', `/users/cor@alfa.example/events/${String(copy.id)}`);
    expect(after.body).toMatchObject({ isCancelled: true, subject: 'Canceled: Regiegroep' });
  });

  it('answers 404 for an unknown mailbox or event and 400 for a property the event type lacks', async () => {
    const unknownUser = await call('GET', '/users/niemand@alfa.example/events');
    expect(unknownUser.status).toBe(404);
    expect(unknownUser.body.error?.code).toBe('ErrorInvalidUser');
    // A user of another tenant is not a mailbox of this one.
    expect((await call('GET', '/users/bram@beta.example/events')).status).toBe(404);
    const unknownEvent = await call('GET', `/users/${ORGANIZER}/events/AAMkAnotThere`);
    expect(unknownEvent.body.error?.code).toBe('ErrorItemNotFound');
    const bad = await call('POST', `/users/${ORGANIZER}/events`, fortnightly({ colour: 'blue' }));
    expect(bad.status).toBe(400);
    expect(bad.body.error?.code).toBe('RequestBodyRead');
    const backwards = await call(
      'POST',
      `/users/${ORGANIZER}/events`,
      fortnightly({ end: { dateTime: '2026-03-02T08:00:00', timeZone: 'W. Europe Standard Time' } }),
    );
    expect(backwards.status).toBe(400);
  });

  it('gives every change a new etag, honours a stale If-Match with 412, and updates single events', async () => {
    const single = await call('POST', `/users/${ORGANIZER}/events`, {
      subject: 'Kick-off',
      start: { dateTime: '2026-02-16T10:00:00', timeZone: 'W. Europe Standard Time' },
      end: { dateTime: '2026-02-16T11:00:00', timeZone: 'W. Europe Standard Time' },
    });
    expect(single.body.type).toBe('singleInstance');
    const etag = String(single.body['@odata.etag']);
    expect(single.body.changeKey).toBe(etag.slice(3, -1));
    clock.advance(3_600_000);
    const patched = await call(
      'PATCH',
      `/users/${ORGANIZER}/events/${String(single.body.id)}`,
      { subject: 'Kick-off BLNP' },
      { 'If-Match': etag },
    );
    expect(patched.status).toBe(200);
    expect(patched.body['@odata.etag']).not.toBe(etag);
    expect(patched.body.lastModifiedDateTime).toBe('2026-02-01T11:00:00.0000000Z');
    const stale = await call(
      'PATCH',
      `/users/${ORGANIZER}/events/${String(single.body.id)}`,
      { subject: 'Oud' },
      { 'If-Match': etag },
    );
    expect(stale.status).toBe(412);
    const deleted = await call('DELETE', `/users/${ORGANIZER}/events/${String(single.body.id)}`);
    expect(deleted.status).toBe(204);
    expect((await call('GET', `/users/${ORGANIZER}/events/${String(single.body.id)}`)).status).toBe(404);
  });

  it('names the mailbox as the throttling key of every calendar route', () => {
    expect(routes.every((r) => r.throttleKey === mailboxKey)).toBe(true);
    const req: TenantRequest = {
      tenantId: TENANT,
      appId: 'app',
      method: 'GET',
      path: '',
      params: { 'user-id': ORGANIZER },
      query: new URLSearchParams(),
      headers: {},
      body: undefined,
    };
    expect(mailboxKey(req)).toBe(`mailbox:${ORGANIZER}`);
  });
});
