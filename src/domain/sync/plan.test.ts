// plan(desired, actual) without any network: what an empty tenant needs, that a matching tenant needs nothing,
// what cannot be done and why, drift, and how holidays and a changed cadence become changes.
import { describe, expect, it } from 'vitest';
import { ProgrammeSchema, type ProgrammeInput } from '../programme/schema.ts';
import { desiredState, type DesiredState } from './desired.ts';
import { plan, type ActualState, type Change } from './plan.ts';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';

function programme(over: Partial<ProgrammeInput> = {}) {
  return ProgrammeSchema.parse({
    version: 1,
    programme: {
      id: 'proef',
      name: 'Proef',
      organizer: 'regie@alfa.example',
      team: { name: 'Proefteam', owners: ['anna'] },
    },
    gemeenten: [
      { id: 'alfa', name: 'Alfa', tenantId: A, domain: 'alfa.example', host: true },
      { id: 'beta', name: 'Beta', tenantId: B, domain: 'beta.example' },
      { id: 'gamma', name: 'Gamma', domain: 'gamma.example' },
    ],
    people: [
      { id: 'anna', name: 'Anna Alfa', upn: 'anna@alfa.example', gemeente: 'alfa', hoursPerWeek: 8 },
      { id: 'cor', name: 'Cor Alfa', upn: 'cor@alfa.example', gemeente: 'alfa', hoursPerWeek: 8 },
      { id: 'bram', name: 'Bram Beta', upn: 'bram@beta.example', gemeente: 'beta', hoursPerWeek: 8 },
      { id: 'gert', name: 'Gert Gamma', upn: 'gert@gamma.example', gemeente: 'gamma', hoursPerWeek: 8 },
    ],
    bodies: [
      {
        id: 'pg',
        kind: 'projectgroep',
        name: 'Projectgroep',
        lead: 'anna',
        members: ['anna', 'bram'],
        channel: { kind: 'shared' },
      },
      {
        id: 'wg',
        kind: 'werkgroep',
        name: 'Werkgroep ICT',
        projectgroep: 'pg',
        trekker: 'cor',
        members: ['cor', 'anna', 'bram', 'gert'],
        channel: { kind: 'private', externalAccess: 'guest' },
      },
      { id: 'pt', kind: 'projectteam', name: 'Projectteam', members: ['anna'], channel: { kind: 'standard' } },
    ],
    cadences: [
      // Mondays every two weeks; 2026-04-06 is Tweede Paasdag: moved to Tuesday.
      {
        id: 'pg',
        name: 'Projectgroep',
        bodies: ['pg'],
        rule: { type: 'weekly', interval: 2, weekday: 'monday' },
        start: '09:30',
        durationMinutes: 60,
        holidays: 'next-working-day',
        from: '2026-03-23',
        until: '2026-06-30',
      },
    ],
    ...over,
  });
}

const dir = {
  [A]: { 'anna@alfa.example': { id: 'u-anna', enabled: true }, 'cor@alfa.example': { id: 'u-cor', enabled: true } },
  [B]: { 'bram@beta.example': { id: 'u-bram', enabled: true } },
};
const empty: ActualState = { directory: dir, team: undefined, channels: [], meetings: [] };
const ids = (cs: Change[]) => cs.map((c) => c.id).sort();

/** The actual state an apply of `d` would leave behind (what a perfect executor makes). */
function converged(d: DesiredState): ActualState {
  const userOf = (id: string) => (({ anna: 'u-anna', cor: 'u-cor', bram: 'u-bram' }) as Record<string, string>)[id];
  const member = (id: string) => ({ membershipId: `m-${id}`, userId: userOf(id) ?? 'x', roles: [] });
  return {
    directory: dir,
    team: {
      id: 'team',
      displayName: d.team.displayName,
      description: d.team.description,
      members: d.team.members.filter((id) => userOf(id) && d.people[id]?.tenantId === A).map(member),
    },
    channels: d.channels.map((c) => ({
      id: c.key,
      displayName: c.displayName,
      description: c.description,
      kind: c.kind,
      members: c.members.filter((m) => userOf(m) && !(c.kind === 'private' && m === 'bram')).map(member),
    })),
    meetings: d.meetings.map((m) => ({
      id: m.key,
      transactionId: m.transactionId,
      subject: m.subject,
      bodyHtml: m.bodyHtml,
      attendees: m.attendees.map((p) => d.people[p]?.email ?? ''),
      endDate: m.ruleDates[m.ruleDates.length - 1] ?? '',
      recurrence: m.recurrence ?? {},
      instances: m.ruleDates
        .filter((r) => !m.exceptions.some((x) => x.originalDate === r && x.action === 'cancel'))
        .map((r) => {
          const x = m.exceptions.find((e) => e.originalDate === r);
          return {
            id: `${m.key}-${r}`,
            originalDate: r,
            start: x?.start ?? `${r}T09:30:00`,
            isException: x !== undefined,
          };
        }),
    })),
  };
}

describe('plan', () => {
  const d = desiredState(programme());
  const today = '2026-03-01';

  it('creates the team, channels, members and the series with its holiday move in an empty tenant', () => {
    const changes = plan(d, empty, { today });
    expect(changes.find((c) => c.id === 'team:create')?.apply).toMatchObject({
      op: 'createTeam',
      ownerUserId: 'u-anna',
    });
    expect(
      changes
        .filter((c) => c.kind === 'channel' && c.action === 'create')
        .map((c) => c.target)
        .sort(),
    ).toEqual(['Projectgroep', 'Projectteam', 'Werkgroep ICT']);
    // Bram works in Beta's tenant: he joins the shared channel from there, with his tenant id.
    expect(changes.find((c) => c.id === 'channel:pg:member:bram:add')?.apply).toEqual({
      op: 'addChannelMember',
      channelKey: 'channel:pg',
      userId: 'u-bram',
      tenantId: B,
    });
    const series = changes.find((c) => c.id === 'series:pg:create');
    expect(series?.apply).toMatchObject({
      op: 'createMeeting',
      event: {
        isOnlineMeeting: true,
        onlineMeetingProvider: 'teamsForBusiness',
        recurrence: { pattern: { type: 'weekly', interval: 2 } },
      },
    });
    expect(changes.find((c) => c.id === 'series:pg:2026-04-06:move')?.apply).toMatchObject({
      op: 'moveOccurrence',
      start: '2026-04-07T09:30:00',
    });
    expect(changes.every((c) => !c.destructive)).toBe(true);
  });

  it('names what cannot be done and why, and carries on', () => {
    const changes = plan(d, empty, { today });
    const skipped = changes.filter((c) => c.action === 'skip');
    expect(skipped.map((c) => [c.id, c.reason.key])).toEqual(
      expect.arrayContaining([
        // A guest is invited by mail address: a gemeente without a tenant id does not stop that (issue 14 §4).
        ['channel:wg:member:gert:skip', 'sync.reason.noGuest'],
        ['channel:wg:member:bram:skip', 'sync.reason.noGuest'],
      ]),
    );
    const disabled = plan(
      d,
      { ...empty, directory: { ...dir, [A]: { ...dir[A], 'cor@alfa.example': { id: 'u-cor', enabled: false } } } },
      { today },
    );
    expect(disabled.find((c) => c.id === 'team-member:cor:skip')?.reason.key).toBe('sync.reason.disabled');
  });

  it('plans nothing for a tenant that matches (besides what cannot be done)', () => {
    const changes = plan(d, converged(d), { today });
    expect(changes.filter((c) => c.action !== 'skip')).toEqual([]);
  });

  it('reports a hand-added member and an unmanaged channel as drift: destructive, not applied without --prune', () => {
    const actual = converged(d);
    actual.channels[0]?.members.push({ membershipId: 'm-x', userId: 'u-someone', roles: [] });
    actual.channels.push({ id: 'c-x', displayName: 'Koffiehoek', description: '', kind: 'standard', members: [] });
    const drift = plan(d, actual, { today }).filter((c) => c.drift);
    expect(ids(drift)).toEqual(['channel:c-x:remove', 'channel:pg:member:u-someone:remove']);
    expect(drift.every((c) => c.destructive)).toBe(true);
  });

  it('a changed cadence ends the old series after today and starts a new one at the next date; the past stays', () => {
    const before = converged(d);
    const changed = desiredState(
      programme({
        cadences: [
          {
            id: 'pg',
            name: 'Projectgroep',
            bodies: ['pg'],
            rule: { type: 'weekly', interval: 2, weekday: 'monday' },
            start: '10:00',
            durationMinutes: 60,
            holidays: 'next-working-day',
            from: '2026-03-23',
            until: '2026-06-30',
          },
        ],
      }),
    );
    const changes = plan(changed, before, { today: '2026-04-10' });
    const end = changes.find((c) => c.action === 'end');
    expect(end?.apply).toMatchObject({
      op: 'endSeries',
      eventId: 'series:pg',
      recurrence: { range: { endDate: '2026-04-10' } },
    });
    const create = changes.find((c) => c.id === 'series:pg:create');
    expect(create?.apply).toMatchObject({
      op: 'createMeeting',
      event: { start: { dateTime: '2026-04-20T10:00:00' }, recurrence: { range: { startDate: '2026-04-20' } } },
    });
    // The Easter Monday move lies in the past: not touched again.
    expect(changes.some((c) => c.kind === 'occurrence')).toBe(false);
  });
});
