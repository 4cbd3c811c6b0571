// The bot answers in the language the person writes in, and keeps to it within a chat: a plain Dutch question gets
// the Dutch help, and once a person has written Dutch the words both languages share (status, update, help) are
// answered in Dutch too — also after a restart (the language is stored per conversation and person), while another
// person in the same chat still gets their own Teams locale's language. Issue 14 §7.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Inbound } from '../../adapters/bot/transport.ts';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { createBotService } from './service.ts';

let p: Programme;
let store: Store;
const clock = new FixedClock('2026-11-23T10:00:00Z');
const HELP = { nl: 'Regiekamer: wat kan ik voor je doen?', en: 'Regiekamer: what can I do for you?' };
const NO_UPDATE = { nl: 'Nog geen update ontvangen.', en: 'No update received yet.' };

/** A person in a group chat whose Teams runs in English (locale en-US), as real activities come. */
const from = (id: string, locale?: string): Inbound => ({
  conversation: { id: 'chat-1', type: 'groupChat', tenantId: 't1' },
  serviceUrl: 'https://smba.example/',
  from: { id },
  recipient: { id: 'bot' },
  ...(locale ? { locale } : {}),
});

const shown = (answers: Record<string, unknown>[]) => JSON.stringify(answers);

beforeAll(async () => {
  p = await loadProgramme('blnp');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
});

afterAll(async () => {
  await store.close();
});

describe('the language of the answers in one chat', () => {
  it('follows what the person wrote, keeps to it for shared words, remembers it across a restart', async () => {
    const anna = from('u-anna', 'en-US');
    const bram = from('u-bram', 'en-US');
    const say = async (who: Inbound, text: string) =>
      shown(
        await createBotService({ store, programme: p, clock, lang: 'nl', localPerson: p.people[0]?.id }).message(
          who,
          text,
        ),
      );

    // Nothing written yet that decides it: the Teams locale.
    expect(await say(anna, 'help')).toContain(HELP.en);
    // A plain Dutch question: the Dutch help, not the English one.
    expect(await say(anna, 'hoe werkt dit?')).toContain(HELP.nl);
    // Words both languages share are answered in the language she wrote in, also by a new instance of the bot.
    expect(await say(anna, 'status ict')).toContain(NO_UPDATE.nl);
    expect(await say(anna, `<at id="0">Regiekamer</at>&nbsp;help`)).toContain(HELP.nl);
    expect(await say(anna, 'wat moet ik doen')).toContain(HELP.nl);
    // Free Dutch text that is no command: the help in Dutch, naming what was not understood.
    expect(await say(anna, 'ik snap het niet')).toContain("Dat herken ik niet: 'ik snap het niet'.");
    // Someone else in the same chat has not written Dutch: their locale still decides for them.
    expect(await say(bram, 'status ict')).toContain(NO_UPDATE.en);
    // When she writes English, she gets English from then on.
    expect(await say(anna, 'how does this work?')).toContain(HELP.en);
    expect(await say(anna, 'status ict')).toContain(NO_UPDATE.en);
    expect(await say(anna, 'mijn acties')).toContain('Open acties van');
    expect(await say(anna, 'status ict')).toContain(NO_UPDATE.nl);
    // Stored: in the store, per conversation and person.
    expect(await store.botLanguages.get(p.programme.id, { conversationId: 'chat-1', userId: 'u-anna' })).toBe('nl');
    expect(
      await store.botLanguages.get(p.programme.id, { conversationId: 'chat-1', userId: 'u-bram' }),
    ).toBeUndefined();
  });

  it('answers in Dutch when neither the words nor the locale decide (the product default)', async () => {
    const x = from('u-x');
    // A person of the programme (status is for its people only, as on the API)
    const bot = createBotService({ store, programme: p, clock, lang: 'nl', localPerson: p.people[0]?.id });
    expect(shown(await bot.message(x, 'help'))).toContain(HELP.nl);
    expect(shown(await bot.message({ ...x, locale: 'de-DE' }, 'status ict'))).toContain(NO_UPDATE.nl);
  });
});
