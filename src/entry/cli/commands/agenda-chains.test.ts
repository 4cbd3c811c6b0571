// `regiekamer agenda`'s chains of waits (issue 16 §1): a werkgroep waiting on a phase prints the phase by number in
// the chosen language, werkgroepen, actions and decisions by id.
import { describe, expect, it } from 'vitest';
import type { AgendaResponse } from '../../../app/contract.ts';
import { agendaLines } from './agenda.ts';

// Only what agendaLines reads; the rest of the agenda is empty.
const agenda = {
  body: { id: 'regiegroep', name: 'Regiegroep', kind: 'regiegroep' },
  meeting: { date: '2026-12-08' },
  items: [],
  capacityAlerts: [],
  werkgroepen: [],
  missingUpdates: [],
  decisions: [],
  blockedChains: [
    {
      items: [
        { kind: 'werkgroep', id: 'wg-verrekenmodel' },
        { kind: 'phase', id: '3' },
      ],
    },
  ],
  overdueActions: [],
} as unknown as AgendaResponse;

describe('regiekamer agenda: chains', () => {
  it('names a waited-on phase by its number, in Dutch and in English', () => {
    expect(agendaLines(agenda, 'nl')).toContain('- wg-verrekenmodel → fase 3');
    expect(agendaLines(agenda, 'en')).toContain('- wg-verrekenmodel → phase 3');
  });
});
