// Test fixtures for the work domain: a small programme (fictional people) and an action factory. Tests only.
import { ProgrammeSchema, type Programme } from '../programme/schema.ts';
import type { Action } from './model.ts';

export function workProgramme(): Programme {
  return ProgrammeSchema.parse({
    version: 1,
    programme: {
      id: 'proef',
      name: 'Proefprogramma',
      organizer: 'regiekamer@alfa.example',
      team: { name: 'Proefteam', owners: ['anna'] },
    },
    gemeenten: [
      { id: 'alfa', name: 'Alfa', domain: 'alfa.example', host: true },
      { id: 'beta', name: 'Beta', domain: 'beta.example' },
    ],
    people: [
      {
        id: 'anna',
        name: 'Anna Alfa',
        upn: 'anna@alfa.example',
        gemeente: 'alfa',
        roles: ['projectleider'],
        hoursPerWeek: 24,
      },
      {
        id: 'bram',
        name: 'Bram Beta',
        upn: 'bram@beta.example',
        gemeente: 'beta',
        roles: ['trekker'],
        hoursPerWeek: 4,
      },
      { id: 'cor', name: 'Cor Alfa', upn: 'cor@alfa.example', gemeente: 'alfa', hoursPerWeek: 8 },
      { id: 'dora', name: 'Dora Beta', upn: 'dora@beta.example', gemeente: 'beta', hoursPerWeek: 8 },
    ],
    bodies: [
      {
        id: 'harmonisatie',
        kind: 'projectgroep',
        name: 'Harmonisatie',
        lead: 'anna',
        members: ['anna', 'bram', 'cor'],
      },
      { id: 'inrichting', kind: 'projectgroep', name: 'Inrichting GR', lead: 'anna', members: ['anna', 'dora'] },
      {
        id: 'financien',
        kind: 'werkgroep',
        name: 'Financiën',
        projectgroep: 'harmonisatie',
        trekker: 'bram',
        members: ['bram', 'cor'],
      },
      {
        id: 'ict',
        kind: 'werkgroep',
        name: 'ICT',
        projectgroep: 'harmonisatie',
        trekker: 'cor',
        members: ['cor', 'bram'],
      },
      {
        id: 'besturingsfilosofie',
        kind: 'werkgroep',
        name: 'Besturingsfilosofie',
        projectgroep: 'inrichting',
        trekker: 'dora',
        members: ['dora'],
      },
      {
        id: 'verrekenmodel',
        kind: 'werkgroep',
        name: 'Verrekenmodel',
        projectgroep: 'inrichting',
        trekker: 'anna',
        members: ['anna'],
      },
    ],
    dependencies: [
      { werkgroep: 'financien', waitsOn: ['ict'] },
      { werkgroep: 'verrekenmodel', waitsOn: ['besturingsfilosofie'] },
    ],
  });
}

export function action(id: string, overrides: Partial<Action> = {}): Action {
  return {
    id,
    werkgroep: 'financien',
    title: `Actie ${id}`,
    owners: [],
    status: 'open',
    ks: ['kwaliteit'],
    blockedBy: [],
    ...overrides,
  };
}
