// Who a cadence invites (issue 16 §4): its bodies' members or everyone, plus its audiences — their people and their
// groups by address — with person ids and addresses kept apart; meeting hours count people only.
import { describe, expect, it } from 'vitest';
import { ProgrammeSchema, type Programme } from '../programme/schema.ts';
import { cadenceAttendees, cadenceInvitation, meetingHoursPerWeek } from './attendance.ts';

const programme: Programme = ProgrammeSchema.parse({
  version: 1,
  programme: {
    id: 'proef',
    name: 'Proef',
    organizer: 'regiekamer@alfa.example',
    team: { name: 'Proef', owners: ['anna'] },
  },
  gemeenten: [
    { id: 'alfa', name: 'Alfa', tenantId: '11111111-1111-4111-8111-111111111111', domain: 'alfa.example', host: true },
  ],
  people: [
    { id: 'anna', name: 'Anna Alfa', upn: 'anna@alfa.example', gemeente: 'alfa', hoursPerWeek: 24 },
    {
      id: 'bram',
      name: 'Bram Alfa',
      upn: 'bram@alfa.example',
      email: 'b.alfa@alfa.example',
      gemeente: 'alfa',
      hoursPerWeek: 8,
    },
    { id: 'cor', name: 'Cor Alfa', upn: 'cor@alfa.example', gemeente: 'alfa', hoursPerWeek: 4 },
    { id: 'dora', name: 'Dora Alfa', upn: 'dora@alfa.example', gemeente: 'alfa', hoursPerWeek: 4 },
  ],
  bodies: [
    { id: 'projectteam', kind: 'projectteam', name: 'Projectteam', members: ['anna'] },
    { id: 'or', kind: 'ondernemingsraad', name: 'OR-platform', members: ['dora'], address: 'or@alfa.example' },
    { id: 'kbg', kind: 'klankbordgroep', name: 'Klankbordgroep', members: ['cor'] },
  ],
  audiences: [
    { id: 'allen', name: 'Iedereen in het programma', programme: true },
    { id: 'informeren', name: 'OR en klankbordgroep', bodies: ['or', 'kbg'] },
    {
      id: 'medewerkers',
      name: 'Alle medewerkers Alfa',
      // Bram's address (any case) and the OR's address again: each is invited once, Bram as a person.
      addresses: ['alle-medewerkers@alfa.example', 'B.Alfa@alfa.example', 'OR@alfa.example'],
    },
  ],
  cadences: [
    {
      id: 'bijeenkomst',
      name: 'Bijeenkomst',
      bodies: ['projectteam'],
      audiences: ['informeren', 'medewerkers'],
      rule: { type: 'dates', dates: ['2026-03-19'] },
      start: '15:30',
      durationMinutes: 120,
      from: '2026-01-01',
      until: '2026-12-31',
    },
  ],
});
const cadence = (over: Partial<Programme['cadences'][number]>) => ({ ...programme.cadences[0]!, ...over });

describe('cadenceInvitation', () => {
  it('adds the audiences: the members of their bodies, the bodies\u2019 addresses and their own addresses, each once', () => {
    expect(cadenceInvitation(programme, cadence({}))).toEqual({
      people: ['anna', 'dora', 'cor'],
      addresses: [
        { address: 'or@alfa.example', name: 'OR-platform' },
        { address: 'alle-medewerkers@alfa.example', name: 'Alle medewerkers Alfa' },
      ],
    });
    expect(cadenceAttendees(programme, cadence({}))).toEqual(['anna', 'dora', 'cor']);
  });

  it('invites everyone for an audience with programme: true, and only the members without audiences', () => {
    expect(cadenceInvitation(programme, cadence({ audiences: ['allen'] }))).toEqual({
      people: ['anna', 'bram', 'cor', 'dora'],
      addresses: [],
    });
    expect(cadenceInvitation(programme, cadence({ audiences: [] }))).toEqual({ people: ['anna'], addresses: [] });
    // An unknown audience is validate's to refuse; the invitation passes it over.
    expect(cadenceInvitation(programme, cadence({ audiences: ['onbekend'] })).people).toEqual(['anna']);
  });

  it('counts meeting hours for programme people only, audiences\u2019 people included, addresses never', () => {
    const hours = meetingHoursPerWeek(programme, '2026-03-01');
    // One 2-hour meeting in the 13 weeks from 1 March: 2 / 13 = 0.15… → 0.2 each.
    expect([...hours]).toEqual([
      ['anna', 0.2],
      ['dora', 0.2],
      ['cor', 0.2],
    ]);
  });
});
