// `regiekamer agenda`'s text (issue 18 §2): the agenda GET /api/agenda gives for BLNP's December 2026 regiegroep,
// rendered in Dutch and in English — each werkgroep without an update says so, the missing list names the trekkers,
// a waiting decision says its days.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY, openStore } from '../../../adapters/store/open.ts';
import type { Store } from '../../../adapters/store/store.ts';
import { agendaOf } from '../../../app/agenda.ts';
import type { AgendaResponse } from '../../../app/contract.ts';
import { FixedClock } from '../../../domain/time/clock.ts';
import { loadProgramme } from '../../../../tests/helpers/programmes.ts';
import { agendaLines } from './agenda.ts';

let store: Store;
let agenda: AgendaResponse;

beforeAll(async () => {
  const p = await loadProgramme('blnp');
  const clock = new FixedClock('2026-11-23T10:00:00Z');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const pid = p.programme.id;
  await store.bot.saveUpdate(pid, {
    werkgroep: 'wg-ict',
    period: 'regiegroep:2026-12-08',
    data: {
      status: 'risico',
      progress: 'Migratie van de zaaksystemen loopt achter',
      blockers: 'Leverancierscontract nog niet getekend',
      ks: [{ k: 'kwetsbaarheid', note: 'Eén beheerder kent het oude systeem' }],
      actionIds: [],
    },
    submittedBy: 'th-ict',
    submittedAt: new Date('2026-11-20T09:00:00Z'),
  });
  await store.decisions.save(
    pid,
    {
      id: 'b-1',
      title: 'Keuze zaaksysteem',
      proposal: 'Eén zaaksysteem voor de vier gemeenten',
      werkgroep: 'wg-ict',
      route: [...p.decisionRoute],
      steps: [
        { level: 'werkgroep', reachedOn: '2026-11-01' },
        { level: 'projectgroep', reachedOn: '2026-11-10' },
        { level: 'regiegroep', reachedOn: '2026-11-22' },
      ],
      blocks: [],
    },
    clock.now(),
  );
  const pl = p.people.find((x) => x.roles.includes('projectleider'));
  if (!pl) throw new Error('BLNP has a projectleider');
  const r = await agendaOf(
    { store, programme: p, clock, today: () => '2026-11-23' },
    { kind: 'person', person: pl },
    { body: 'regiegroep', date: '2026-12-08' },
  );
  if (!r.ok) throw new Error(r.error.key);
  agenda = r.value;
});

afterAll(async () => {
  await store.close();
});

describe('regiekamer agenda (text)', () => {
  it('in Dutch: the update in full, "nog geen update" for exactly the others, the days a decision waits', () => {
    const lines = agendaLines(agenda, 'nl');
    expect(lines[0]).toBe('Agenda Regiegroep, 2026-12-08');
    const ict = lines.findIndex((l) => l.includes('Migratie van de zaaksystemen'));
    expect(lines[ict]).toMatch(/^- .*\[risico\] Migratie van de zaaksystemen loopt achter$/);
    expect(lines.slice(ict + 1, ict + 3)).toEqual([
      '    Leverancierscontract nog niet getekend',
      '    kwetsbaarheid: Eén beheerder kent het oude systeem',
    ]);
    expect(lines.filter((l) => l.endsWith(': nog geen update'))).toHaveLength(8);
    expect(lines).toContain(
      `Nog geen update gestuurd (8): ${agenda.missingUpdates.map((m) => `${m.werkgroepName} (${m.trekkerName})`).join(', ')}`,
    );
    expect(lines).toContain('- Keuze zaaksysteem (Werkgroep ICT): wacht 1 dag (sinds 2026-11-22)');
  });

  it('in English', () => {
    const lines = agendaLines(agenda, 'en');
    expect(lines.filter((l) => l.endsWith(': no update yet'))).toHaveLength(8);
    expect(lines).toContain('- Keuze zaaksysteem (Werkgroep ICT): waiting 1 day (since 2026-11-22)');
  });
});
