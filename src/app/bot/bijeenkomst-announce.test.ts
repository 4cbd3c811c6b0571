// BLNP's quarterly bijeenkomst announced on an injected clock (issue 16 §4): on the working day before the
// bijeenkomst of Thursday 21 January 2027 the rhythm has the announcement due in the projectteam's channel (the
// cadence's body), and the bot composes it with the milestones to celebrate: those reached since the bijeenkomst of
// 15 October 2026 and the next ones. Milestones are in-test data (the example file gets its own).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import type { Composed } from '../../adapters/bot/deliveries.ts';
import type { DeliveryRow } from '../../adapters/store/bot-records.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import { meetingOccurrences, reminderPlan, type PlannedDelivery } from '../../domain/bot/rhythm.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { createBotService } from './service.ts';

// Wednesday 20 January 2027, 09:00 in Amsterdam: the programme's sendAt on the working day before.
const clock = new FixedClock('2027-01-20T08:00:00Z');
let programme: Programme;
let store: Store;

/** The delivery row the rhythm's ledger holds for a planned announcement, as the worker takes it. */
const rowOf = (planned: PlannedDelivery): DeliveryRow => ({
  key: planned.key,
  kind: 'announce',
  occurrenceKey: planned.occurrenceKey ?? null,
  recipient: planned.recipient,
  werkgroep: null,
  dueAt: planned.dueAt,
  status: 'sending',
  attempts: 1,
  activityId: null,
  conversationId: null,
  reason: null,
  payload: {},
  sentAt: null,
});
const linesOf = (composed: Composed): string[] => {
  if ('skip' in composed) throw new Error(`skipped: ${composed.skip}`);
  const body = (composed.activity['attachments'] as { content: { body: { text?: string }[] } }[])[0]?.content.body;
  return (body ?? []).map((e) => e.text ?? '');
};

const milestones: Programme['milestones'] = [
  { id: 'start', date: '2026-10-15', title: 'Start inrichting GR', phase: 2, celebrate: true },
  { id: 'akkoord', date: '2026-11-30', title: 'Akkoord op het verrekenmodel', phase: 2, celebrate: true },
  { id: 'intern', date: '2026-12-01', title: 'Interne oplevering', celebrate: false },
  { id: 'besluit', date: '2027-01-21', title: 'Raadsbesluiten GR genomen', phase: 3, celebrate: true },
  { id: 'live', date: '2027-03-01', title: 'Eerste diensten live', phase: 3, celebrate: true },
];

beforeAll(async () => {
  programme = { ...(await loadProgramme('blnp')), milestones };
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  for (const bodyId of ['projectteam', 'pg-inrichting-gr'])
    await store.bot.saveConversation(programme.programme.id, {
      tenantId: 'tenant',
      serviceUrl: 'https://smba.example/',
      installedAt: clock.now(),
      conversationId: `19:${bodyId}@thread.tacv2`,
      kind: 'channel',
      teamId: 'team',
      channelId: `19:${bodyId}@thread.tacv2`,
      bodyId,
    });
});
afterAll(async () => {
  await store.close();
});

describe('the bijeenkomst announcement', () => {
  it('is due now in the projectteam channel and lists the milestones to celebrate', async () => {
    const now = clock.now();
    const due = reminderPlan(
      programme,
      meetingOccurrences(programme),
      { from: now, until: new Date(now.getTime() + 60 * 60 * 1000) },
      new Set(),
    ).filter((d) => d.kind === 'announce');
    expect(due.map((d) => [d.key, d.dueAt.toISOString()])).toEqual([
      ['announce|bijeenkomst:2027-01-21|channel:projectteam', '2027-01-20T08:00:00.000Z'],
      ['announce|pg-inrichting-gr:2027-01-21|channel:pg-inrichting-gr', '2027-01-20T08:00:00.000Z'],
    ]);
    const service = createBotService({ store, programme, clock, lang: 'nl' });
    const composed = await service.compose(rowOf(due[0]!));
    expect('to' in composed && composed.to.conversationId).toBe('19:projectteam@thread.tacv2');
    const lines = linesOf(composed);
    expect(lines[0]).toContain('donderdag 21 januari 2027');
    expect(lines.slice(lines.indexOf('Mijlpalen om te vieren'))).toEqual([
      'Mijlpalen om te vieren',
      'Bereikt sinds de vorige bijeenkomst (15 oktober 2026)',
      '• 30 november 2026 — **Akkoord op het verrekenmodel** (fase 2)',
      '• 21 januari 2027 — **Raadsbesluiten GR genomen** (fase 3)',
      'Komende mijlpalen',
      '• 1 maart 2027 — **Eerste diensten live** (fase 3)',
    ]);

    // The projectgroep meeting the same day is no bijeenkomst: its announcement has its agenda, no milestones.
    const other = linesOf(await service.compose(rowOf(due[1]!)));
    expect(other[0]).toContain('Projectgroep');
    expect(other).not.toContain('Mijlpalen om te vieren');
  });
});
