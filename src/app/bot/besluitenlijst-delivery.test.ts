// The besluitenlijst delivery (issue 18 §4) as the bot's delivery worker composes it: the card kept with the closed
// meeting goes to the body's channel conversation, with a link to the besluitenlijst in the tab; without the bot in
// that channel it is skipped with the reason, like every channel message of the rhythm.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import type { DeliveryRow } from '../../adapters/store/bot-records.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { Besluitenlijst } from '../../domain/meeting/besluitenlijst.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { createBotService } from './service.ts';

const clock = new FixedClock('2026-12-08T15:30:00Z');
let programme: Programme;
let store: Store;

const list: Besluitenlijst = {
  body: { id: 'regiegroep', name: 'Regiegroep' },
  date: '2026-12-08',
  decisions: [{ id: 'B1', title: 'Eén loket', item: 'besluit:B1', outcome: 'besloten', isNew: false }],
  actions: [],
  carriedOver: [],
};
const row = (recipient: string): DeliveryRow => ({
  key: `besluitenlijst|regiegroep:2026-12-08|${recipient}`,
  kind: 'besluitenlijst',
  occurrenceKey: 'regiegroep:2026-12-08',
  recipient,
  werkgroep: null,
  dueAt: clock.now(),
  status: 'sending',
  attempts: 1,
  activityId: null,
  conversationId: null,
  reason: null,
  payload: { besluitenlijst: list },
  sentAt: null,
});

beforeAll(async () => {
  programme = await loadProgramme('blnp');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  await store.bot.saveConversation(programme.programme.id, {
    tenantId: 'tenant',
    serviceUrl: 'https://smba.example/',
    installedAt: clock.now(),
    conversationId: '19:regiegroep@thread.tacv2',
    kind: 'channel',
    teamId: 'team',
    channelId: '19:regiegroep@thread.tacv2',
    bodyId: 'regiegroep',
  });
});
afterAll(async () => {
  await store.close();
});

describe('the besluitenlijst delivery', () => {
  it('goes to the body channel as the card kept on closing, linking to the besluitenlijst in the tab', async () => {
    const service = createBotService({ store, programme, clock, lang: 'nl', tabUrl: 'https://rk.example/tab/' });
    const composed = await service.compose(row('channel:regiegroep'));
    if ('skip' in composed) throw new Error(`skipped: ${composed.skip}`);
    expect(composed.to.conversationId).toBe('19:regiegroep@thread.tacv2');
    const card = (
      composed.activity['attachments'] as { content: { body: { text: string }[]; actions: unknown[] } }[]
    )[0]?.content;
    expect(card?.body[0]?.text).toBe('Besluitenlijst Regiegroep — dinsdag 8 december 2026');
    expect(JSON.stringify(card?.body)).toContain('**Eén loket** — besloten');
    expect(card?.actions).toEqual([
      {
        type: 'Action.OpenUrl',
        title: 'Besluitenlijst in Regiekamer',
        url: 'https://rk.example/tab/?view=besluitenlijsten&meeting=regiegroep%3A2026-12-08',
      },
    ]);
  });

  it('is skipped with the reason when the bot is not in the body channel', async () => {
    const service = createBotService({ store, programme, clock, lang: 'nl' });
    expect(await service.compose(row('channel:pg-harmonisatie'))).toEqual({ skip: 'no-conversation' });
  });
});
