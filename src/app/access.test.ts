// Every rule of the access module as a table: each permission × each kind of caller, on the BLNP programme.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadProgramme } from '../../tests/helpers/programmes.ts';
import type { Person, Programme, Werkgroep } from '../domain/programme/schema.ts';
import { callerOf, decide, type Caller, type Permission } from './access.ts';

let blnp: Programme;
let wg: Werkgroep;
let other: Werkgroep;
const roles: Record<string, Caller> = {};

beforeAll(async () => {
  blnp = await loadProgramme('blnp');
  const werkgroepen = blnp.bodies.filter((b): b is Werkgroep => b.kind === 'werkgroep');
  wg = werkgroepen[0]!;
  const regiegroep = blnp.bodies.find((b) => b.kind === 'regiegroep')!;
  const inNoWerkgroep = (p: Person) => !werkgroepen.some((w) => w.trekker === p.id || w.members.includes(p.id));
  const plain = (p: Person) => !p.roles.includes('projectleider') && !regiegroep.members.includes(p.id);
  const member = blnp.people.find((p) => wg.members.includes(p.id) && p.id !== wg.trekker && plain(p))!;
  other = werkgroepen.find((w) => w.id !== wg.id && !w.members.includes(member.id) && w.trekker !== member.id)!;
  const otherMember = blnp.people.find(
    (p) =>
      (other.members.includes(p.id) || other.trekker === p.id) &&
      !wg.members.includes(p.id) &&
      wg.trekker !== p.id &&
      plain(p),
  )!;
  const person = (p: Person | undefined): Caller => {
    expect(p, 'the seeded programme has a person for every role of the table').toBeDefined();
    return { kind: 'person', person: p! };
  };
  roles['member'] = person(member);
  roles['trekker'] = person(blnp.people.find((p) => p.id === wg.trekker && plain(p)));
  roles['other werkgroep'] = person(otherMember);
  roles['outsider'] = person(blnp.people.find((p) => inNoWerkgroep(p) && plain(p)));
  roles['projectleider'] = person(blnp.people.find((p) => p.roles.includes('projectleider')));
  roles['regiegroep'] = person(
    blnp.people.find(
      (p) => regiegroep.members.includes(p.id) && !p.roles.includes('projectleider') && inNoWerkgroep(p),
    ),
  );
  roles['stranger'] = { kind: 'stranger' };
  roles['app'] = { kind: 'app' };
  // Issue 16 §2: someone only in an informed body (a wethouder in the stuurgroep-plus), for the report's rows.
  const working = new Set(['werkgroep', 'projectgroep', 'regiegroep', 'projectteam']);
  const inWorkingBody = (p: Person) =>
    blnp.bodies.some(
      (b) =>
        working.has(b.kind) &&
        (b.members.includes(p.id) || ('trekker' in b && b.trekker === p.id) || ('lead' in b && b.lead === p.id)),
    );
  const stuurgroep = blnp.bodies.find((b) => b.kind === 'stuurgroep')!;
  roles['stuurgroep only'] = person(
    blnp.people.find((p) => stuurgroep.members.includes(p.id) && !inWorkingBody(p) && plain(p)),
  );
});

describe('access: every permission × every caller', () => {
  const permissions: Record<string, () => Permission> = {
    'work.change': () => ({ do: 'work.change', werkgroep: wg.id }),
    'update.submit': () => ({ do: 'update.submit', werkgroep: wg.id }),
    'decision.change': () => ({ do: 'decision.change' }),
    'decision.propose': () => ({ do: 'decision.propose', werkgroep: wg.id }),
    // A proposal made by the member: theirs to edit or withdraw, and the projectleider's and the regiegroep's.
    'decision.edit of the member': () => ({
      do: 'decision.edit',
      proposer: roles['member']?.kind === 'person' ? roles['member'].person.id : '',
    }),
    'decision.edit of seed data': () => ({ do: 'decision.edit' }),
    'indicator.record': () => ({ do: 'indicator.record' }),
    'rhythm.trigger': () => ({ do: 'rhythm.trigger' }),
    // In a meeting (issue 18 §3, §4): the body's chair and the projectleider; the table's regiegroep member is no chair.
    'meeting.record of the regiegroep': () => ({ do: 'meeting.record', body: 'regiegroep' }),
    'meeting.close of the regiegroep': () => ({ do: 'meeting.close', body: 'regiegroep' }),
    'agenda.edit': () => ({ do: 'agenda.edit' }),
    'report.edit': () => ({ do: 'report.edit' }),
    'report.approve': () => ({ do: 'report.approve' }),
    'report.read informed': () => ({ do: 'report.read', variant: 'informed' }),
    'report.read regiegroep': () => ({ do: 'report.read', variant: 'regiegroep' }),
    'self.read': () => ({ do: 'self.read' }),
    'programme.read': () => ({ do: 'programme.read' }),
    // The member's load: theirs to see, and the projectleider's and the regiegroep's; not a colleague's (AVG).
    'load.read of the member': () => ({
      do: 'load.read',
      person: roles['member']?.kind === 'person' ? roles['member'].person.id : '',
    }),
  };
  // y: allowed; otherwise the refusal's reason.
  const table: Record<string, Record<string, string>> = {
    'work.change': {
      member: 'y',
      trekker: 'y',
      'other werkgroep': 'notMember',
      outsider: 'notMember',
      projectleider: 'y',
      regiegroep: 'notMember',
      stranger: 'notInProgramme',
      app: 'y',
    },
    'update.submit': {
      member: 'y',
      trekker: 'y',
      'other werkgroep': 'notMember',
      outsider: 'notMember',
      projectleider: 'y',
      regiegroep: 'notMember',
      stranger: 'notInProgramme',
      app: 'y',
    },
    'decision.change': {
      member: 'notDecider',
      trekker: 'notDecider',
      'other werkgroep': 'notDecider',
      outsider: 'notDecider',
      projectleider: 'y',
      regiegroep: 'y',
      stranger: 'notDecider',
      app: 'y',
    },
    'decision.propose': {
      member: 'y',
      trekker: 'y',
      'other werkgroep': 'notMember',
      outsider: 'notMember',
      projectleider: 'y',
      regiegroep: 'y',
      stranger: 'notInProgramme',
      app: 'y',
    },
    'decision.edit of the member': {
      member: 'y',
      trekker: 'notProposer',
      'other werkgroep': 'notProposer',
      outsider: 'notProposer',
      projectleider: 'y',
      regiegroep: 'y',
      stranger: 'notInProgramme',
      app: 'y',
    },
    'decision.edit of seed data': {
      member: 'notProposer',
      trekker: 'notProposer',
      'other werkgroep': 'notProposer',
      outsider: 'notProposer',
      projectleider: 'y',
      regiegroep: 'y',
      stranger: 'notInProgramme',
      app: 'y',
    },
    'indicator.record': {
      member: 'notMeasurer',
      trekker: 'notMeasurer',
      'other werkgroep': 'notMeasurer',
      outsider: 'notMeasurer',
      projectleider: 'y',
      regiegroep: 'y',
      stranger: 'notMeasurer',
      app: 'y',
    },
    'rhythm.trigger': {
      member: 'notDecider',
      trekker: 'notDecider',
      'other werkgroep': 'notDecider',
      outsider: 'notDecider',
      projectleider: 'y',
      regiegroep: 'notDecider',
      stranger: 'notDecider',
      app: 'y',
    },
    'meeting.record of the regiegroep': {
      member: 'notChair',
      trekker: 'notChair',
      'other werkgroep': 'notChair',
      outsider: 'notChair',
      projectleider: 'y',
      regiegroep: 'notChair',
      stranger: 'notInProgramme',
      app: 'y',
    },
    'meeting.close of the regiegroep': {
      member: 'notChair',
      trekker: 'notChair',
      'other werkgroep': 'notChair',
      outsider: 'notChair',
      projectleider: 'y',
      regiegroep: 'notChair',
      stranger: 'notInProgramme',
      app: 'y',
    },
    'agenda.edit': {
      member: 'notProjectleider',
      trekker: 'notProjectleider',
      'other werkgroep': 'notProjectleider',
      outsider: 'notProjectleider',
      projectleider: 'y',
      regiegroep: 'notProjectleider',
      stranger: 'notInProgramme',
      app: 'y',
    },
    // The monthly report (issue 16 §2): the projectleider writes and approves; everyone in the programme reads the
    // informed version, those who work in it (not only in an informed body) the regiegroep's.
    ...Object.fromEntries(
      ['report.edit', 'report.approve'].map((k) => [
        k,
        {
          member: 'notProjectleider',
          trekker: 'notProjectleider',
          outsider: 'notProjectleider',
          projectleider: 'y',
          regiegroep: 'notProjectleider',
          'stuurgroep only': 'notProjectleider',
          stranger: 'notInProgramme',
          app: 'y',
        },
      ]),
    ),
    'report.read informed': {
      member: 'y',
      outsider: 'y',
      regiegroep: 'y',
      'stuurgroep only': 'y',
      stranger: 'notInProgramme',
      app: 'y',
    },
    'report.read regiegroep': {
      member: 'y',
      trekker: 'y',
      outsider: 'y',
      projectleider: 'y',
      regiegroep: 'y',
      'stuurgroep only': 'notProgrammeWorker',
      stranger: 'notInProgramme',
      app: 'y',
    },
    'self.read': {
      member: 'y',
      trekker: 'y',
      'other werkgroep': 'y',
      outsider: 'y',
      projectleider: 'y',
      regiegroep: 'y',
      stranger: 'y',
      app: 'y',
    },
    'programme.read': {
      member: 'y',
      trekker: 'y',
      'other werkgroep': 'y',
      outsider: 'y',
      projectleider: 'y',
      regiegroep: 'y',
      stranger: 'notInProgramme',
      app: 'y',
    },
    'load.read of the member': {
      member: 'y',
      trekker: 'notOwnLoad',
      'other werkgroep': 'notOwnLoad',
      outsider: 'notOwnLoad',
      projectleider: 'y',
      regiegroep: 'y',
      stranger: 'notInProgramme',
      app: 'y',
    },
  };
  for (const [permission, row] of Object.entries(table)) {
    for (const [role, expected] of Object.entries(row)) {
      it(`${permission} by ${role}: ${expected === 'y' ? 'allowed' : expected}`, () => {
        const verdict = decide(blnp, roles[role]!, permissions[permission]!());
        expect(verdict).toEqual(expected === 'y' ? { allowed: true } : { allowed: false, reason: expected });
      });
    }
  }
});

describe('callerOf', () => {
  it("finds a person by UPN or e-mail, case-insensitively; the app by its own app's app-only token; others as strangers", () => {
    const p = blnp.people[0]!;
    expect(callerOf(blnp, { delegated: true, upn: p.upn.toUpperCase() })).toEqual({ kind: 'person', person: p });
    const withMail = blnp.people.find((x) => x.email && x.email.toLowerCase() !== x.upn.toLowerCase());
    if (withMail)
      expect(callerOf(blnp, { delegated: true, upn: withMail.email! })).toEqual({ kind: 'person', person: withMail });
    expect(callerOf(blnp, { delegated: false, appId: 'eigen-app' }, ['eigen-app'])).toEqual({ kind: 'app' });
    // Another application's app-only token for our API (Entra ID issues those unless assignment is required).
    expect(callerOf(blnp, { delegated: false, appId: 'andere-app' }, ['eigen-app'])).toEqual({ kind: 'stranger' });
    expect(callerOf(blnp, { delegated: false })).toEqual({ kind: 'stranger' });
    expect(callerOf(blnp, { delegated: true, upn: 'nobody@elsewhere.example' })).toEqual({ kind: 'stranger' });
    expect(callerOf(blnp, { delegated: true })).toEqual({ kind: 'stranger' });
  });
});

describe('callerOf across tenants (docs/identiteit.md)', () => {
  const tenantOf = (id: string) => blnp.gemeenten.find((g) => g.id === id)?.tenantId ?? '';
  it("takes a person's token from their own gemeente's tenant and from the host tenant (guest account), no other", () => {
    const linda = blnp.people.find((p) => p.id === 'th-hrm')!;
    expect(linda.gemeente).toBe('nijkerk');
    const host = blnp.gemeenten.find((g) => g.host)!.tenantId!;
    for (const tid of [tenantOf('nijkerk'), tenantOf('nijkerk').toUpperCase(), host])
      expect(callerOf(blnp, { delegated: true, upn: linda.upn, tenantId: tid })).toEqual({
        kind: 'person',
        person: linda,
      });
    for (const tid of [tenantOf('putten'), tenantOf('bunschoten'), '0b4a7e1d-6c2f-4d8a-9e3b-5f1c2d3e4b05'])
      expect(callerOf(blnp, { delegated: true, upn: linda.upn, tenantId: tid })).toEqual({ kind: 'stranger' });
  });
});

describe('who chairs a meeting (issue 18 §3, §4)', () => {
  it("lets a regiegroep's chair record in and close its meetings, not a projectgroep's; a projectgroep's lead its own", () => {
    const chair = blnp.people.find((p) => p.id === 'gs-leusden')!;
    const caller: Caller = { kind: 'person', person: chair };
    for (const kind of ['meeting.record', 'meeting.close'] as const) {
      expect(decide(blnp, caller, { do: kind, body: 'regiegroep' })).toEqual({ allowed: true });
      expect(decide(blnp, caller, { do: kind, body: 'pg-harmonisatie' })).toEqual({
        allowed: false,
        reason: 'notChair',
      });
    }
    // A projectgroep led by a trekker who is no projectleider: that lead chairs it, and no other body.
    const led: Programme = {
      ...blnp,
      bodies: blnp.bodies.map((b) =>
        b.id === 'pg-harmonisatie' && b.kind === 'projectgroep' ? { ...b, lead: 'th-financien' } : b,
      ),
    };
    const lead: Caller = { kind: 'person', person: blnp.people.find((p) => p.id === 'th-financien')! };
    expect(lead.kind === 'person' && lead.person.roles).not.toContain('projectleider');
    expect(decide(led, lead, { do: 'meeting.close', body: 'pg-harmonisatie' })).toEqual({ allowed: true });
    expect(decide(led, lead, { do: 'meeting.record', body: 'regiegroep' })).toEqual({
      allowed: false,
      reason: 'notChair',
    });
  });
});
