// OData options and route matching of the local tenant, without HTTP.
import { describe, expect, it } from 'vitest';
import { GraphHttpError, type Route } from './core.ts';
import { applySelect, decodeSkipToken, encodeSkipToken, nextLink, parseFilter } from './odata.ts';
import { contextFragment, pathSegments, RouteTable } from './routing.ts';
import { Throttler } from './throttle.ts';
import { FixedClock } from './testing.ts';

const people = [
  { id: '1', displayName: 'Anna Alfa', mail: 'anna@alfa.example', accountEnabled: true, jobTitle: null },
  { id: '2', displayName: "Ank O'Brien", mail: 'ank@alfa.example', accountEnabled: false, jobTitle: 'Adviseur' },
  { id: '3', displayName: 'Bram Beta', mail: 'bram@beta.example', accountEnabled: true, jobTitle: 'Trekker' },
];

describe('$filter', () => {
  it('supports eq (strings case-insensitive, booleans, null), startswith and and', () => {
    const ids = (expr: string) => people.filter(parseFilter(expr)).map((p) => p.id);
    expect(ids("mail eq 'ANNA@alfa.example'")).toEqual(['1']);
    expect(ids('accountEnabled eq false')).toEqual(['2']);
    expect(ids('jobTitle eq null')).toEqual(['1']);
    expect(ids("startswith(displayName,'an')")).toEqual(['1', '2']);
    expect(ids("startswith(displayName,'An') and accountEnabled eq true")).toEqual(['1']);
    expect(ids("displayName eq 'Ank O''Brien'")).toEqual(['2']);
    expect(ids("(accountEnabled eq true) and startswith(mail, 'bram')")).toEqual(['3']);
  });

  it('refuses what it does not support with a Graph-shaped 400', () => {
    for (const expr of [
      '',
      'displayName ne 3',
      "manager/displayName eq 'x'",
      "displayName eq 'x' or id eq '1'",
      'startswith(displayName)',
      "id eq '1' and",
    ]) {
      let err: unknown;
      try {
        parseFilter(expr);
      } catch (e) {
        err = e;
      }
      expect(err, expr).toBeInstanceOf(GraphHttpError);
      expect((err as GraphHttpError).status).toBe(400);
    }
  });
});

describe('paging and $select', () => {
  it('round-trips skip tokens and keeps OData annotations under $select', () => {
    expect(decodeSkipToken(encodeSkipToken(40))).toBe(40);
    expect(decodeSkipToken(null)).toBe(0);
    expect(() => decodeSkipToken('bm9wZQ')).toThrow(GraphHttpError);
    const link = nextLink('https://localhost:4443/v1.0', '/users', new URLSearchParams('$top=2&$skiptoken=old'), 4);
    expect(link).toBe(`https://localhost:4443/v1.0/users?$top=2&$skiptoken=${encodeSkipToken(4)}`);
    expect(applySelect({ '@odata.etag': 'W/"1"', id: '1', title: 't', extra: 1 }, ['title'])).toEqual({
      '@odata.etag': 'W/"1"',
      title: 't',
    });
  });
});

describe('routing', () => {
  const route = (method: Route['method'], pattern: string): Route => ({
    method,
    pattern,
    handler: () => ({ status: 200 }),
  });
  const table = new RouteTable([
    route('GET', '/teams/{team-id}/operations/{teamsAsyncOperation-id}'),
    route('GET', '/groups/{group-id}/members'),
    route('POST', '/groups/{group-id}/members/$ref'),
    route('GET', '/users/{user-id}'),
  ]);

  it("matches Graph's key syntax, encoded ids and literal segments case-insensitively", () => {
    const m = table.match('GET', "/teams('t1')/operations('op%201')");
    expect(m.kind === 'match' && m.match.params).toEqual({ 'team-id': 't1', 'teamsAsyncOperation-id': 'op 1' });
    const u = table.match('GET', '/Users/anna%40alfa.example');
    expect(u.kind === 'match' && u.match.params['user-id']).toBe('anna@alfa.example');
    expect(table.match('POST', '/groups/g/members/$ref').kind).toBe('match');
    expect(table.match('DELETE', '/users/x')).toEqual({ kind: 'method-not-allowed', allowed: ['GET'] });
    expect(table.match('GET', '/groups/g/owners')).toMatchObject({ kind: 'not-found', segment: 'owners' });
    expect(pathSegments("/channels('19:a@thread.tacv2')")).toEqual(['channels', '19:a@thread.tacv2']);
  });

  it('builds @odata.context fragments like Graph', () => {
    expect(contextFragment('/users/{user-id}', { 'user-id': 'a' }, false)).toBe('users/$entity');
    expect(contextFragment('/teams/{team-id}/channels', { 'team-id': 't' }, true)).toBe("teams('t')/channels");
    expect(
      contextFragment('/teams/{team-id}/channels/{channel-id}', { 'team-id': 't', 'channel-id': 'c' }, false),
    ).toBe("teams('t')/channels/$entity");
  });
});

describe('throttler', () => {
  it('takes a slot in all buckets or none, and says how long to wait', () => {
    const clock = new FixedClock('2026-11-23T09:00:00Z');
    const th = new Throttler(clock);
    const small = { key: 'team|a|t|1', limit: 2, windowMs: 1000 };
    const big = { key: 'app|a', limit: 3, windowMs: 10_000 };
    expect(th.take([small, big]).ok).toBe(true);
    clock.advance(400);
    expect(th.take([small, big]).ok).toBe(true);
    const refused = th.take([small, big]);
    expect(refused).toMatchObject({ ok: false, retryAfterSeconds: 1 });
    clock.advance(600);
    // The refused request did not count: the app bucket still has one slot.
    expect(th.take([small, big]).ok).toBe(true);
    const appFull = th.take([{ key: 'team|a|t|2', limit: 4, windowMs: 1000 }, big]);
    expect(appFull).toMatchObject({ ok: false, retryAfterSeconds: 9 });
  });
});
