// The progress ask across tenants (docs/identiteit.md): a trekker of the host gemeente is asked in their personal
// chat; a trekker of another gemeente in the werkgroep's shared channel, @mentioned; the card's answer counts only
// from the mentioned person, found by their object id in their own gemeente's tenant — nobody else's answer is
// stored, and the card stays theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { DeliveryRow } from '../../adapters/store/bot-records.ts';
import type { Inbound } from '../../adapters/bot/transport.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { createBotService, type BotService, type UserLookup } from './service.ts';

const LEUSDEN = '6f1c9a4e-2b7d-4c3f-8e5a-1a9b0c7d2e02'; // host
const NIJKERK = '9a2d7e5b-4c1f-4b6a-9d3e-2b8c1f0e3d03';
// Object ids as each tenant's directory has them (fictional).
const directory: Record<string, Record<string, string>> = {
  [NIJKERK]: {
    'aad-linda': 'linda.koster@nijkerk.example', // th-hrm, trekker of wg-hrm
    'aad-kees': 'kees.wolters@nijkerk.example', // another Nijkerk person of the programme
  },
  [LEUSDEN]: { 'aad-erik': 'erik.jansen@leusden.example', 'aad-marieke': 'marieke.vandalen@leusden.example' },
};
const asked: string[] = [];
const users: UserLookup = async (tenantId, aad) => {
  asked.push(`${tenantId}|${aad}`);
  const upn = directory[tenantId]?.[aad];
  if (!upn) throw new Error('404 Request_ResourceNotFound');
  return { userPrincipalName: upn, mail: upn };
};

let p: Programme;
let store: Store;
let bot: BotService;
let period: string;
const clock = new FixedClock('2026-11-23T10:00:00Z');
const SERVICE = 'https://smba.example.test/emea/';

const row = (recipient: string, werkgroep: string): DeliveryRow => ({
  key: `ask|${period}|${recipient}|${werkgroep}`,
  kind: 'ask',
  occurrenceKey: period,
  recipient,
  werkgroep,
  dueAt: clock.now(),
  status: 'pending',
  attempts: 0,
  activityId: null,
  conversationId: null,
  reason: null,
  payload: null,
  sentAt: null,
});

/** A click in the wg-hrm shared channel (a conversation of the host tenant) by the user `aad`. */
const inChannel = (aad: string): Inbound => ({
  conversation: { id: '19:hrm@thread.tacv2', type: 'channel', tenantId: LEUSDEN },
  serviceUrl: SERVICE,
  from: { id: `29:${aad}`, aadObjectId: aad },
  recipient: { id: 'bot' },
  teamId: 'team',
  channelId: '19:hrm@thread.tacv2',
  locale: 'nl-NL',
});

beforeAll(async () => {
  p = await loadProgramme('blnp');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  bot = createBotService({ store, programme: p, clock, users, lang: 'nl' });
  period = bot.currentPeriod()?.occurrence.key ?? '';
  const pid = p.programme.id;
  const base = { tenantId: LEUSDEN, serviceUrl: SERVICE, installedAt: clock.now() };
  for (const [person, aad] of [
    ['th-financien', 'aad-erik'],
    ['th-hrm', 'aad-linda'],
  ])
    await store.bot.saveConversation(pid, {
      ...base,
      conversationId: `a:${person}`,
      kind: 'personal',
      personId: person,
      userAadId: aad,
    });
  for (const body of ['wg-hrm', 'wg-financien'])
    await store.bot.saveConversation(pid, {
      ...base,
      conversationId: `19:${body}@thread.tacv2`,
      kind: 'channel',
      teamId: 'team',
      channelId: `19:${body}@thread.tacv2`,
      bodyId: body,
    });
});
afterAll(async () => {
  await store.close();
});

const cardOf = (activity: Record<string, unknown>) =>
  (activity['attachments'] as { content: Record<string, unknown> }[])[0]?.content ?? {};

describe('the progress ask across tenants', () => {
  it('asks a trekker of the host gemeente in their personal chat, without a mention', async () => {
    expect(period).not.toBe('');
    const c = await bot.compose(row('th-financien', 'wg-financien'));
    if (!('to' in c)) throw new Error(`skipped: ${c.skip}`);
    expect(c.to.conversationId).toBe('a:th-financien');
    expect(cardOf(c.activity)['msteams']).toBeUndefined();
  });

  it("asks a trekker of another gemeente in the werkgroep's shared channel, @mentioning them (not their personal chat)", async () => {
    const c = await bot.compose(row('th-hrm', 'wg-hrm'));
    if (!('to' in c)) throw new Error(`skipped: ${c.skip}`);
    expect(c.to.conversationId).toBe('19:wg-hrm@thread.tacv2');
    const card = cardOf(c.activity);
    expect(card['msteams']).toEqual({
      entities: [
        {
          type: 'mention',
          text: '<at>Linda Koster</at>',
          mentioned: { id: 'linda.koster@nijkerk.example', name: 'Linda Koster' },
        },
      ],
    });
    expect(JSON.stringify(card['body'])).toContain('<at>Linda Koster</at>, deze vraag is voor jou.');
  });

  it('asks the same trekker personally once they have an accepted guest account in the host tenant', async () => {
    await store.guests.save(
      p.programme.id,
      [{ personId: 'th-hrm', state: 'invited', guestUserId: 'g-1' }],
      clock.now(),
    );
    const invited = await bot.compose(row('th-hrm', 'wg-hrm'));
    expect('to' in invited && invited.to.conversationId).toBe('19:wg-hrm@thread.tacv2');
    await store.guests.save(
      p.programme.id,
      [{ personId: 'th-hrm', state: 'accepted', guestUserId: 'g-1' }],
      clock.now(),
    );
    const accepted = await bot.compose(row('th-hrm', 'wg-hrm'));
    expect('to' in accepted && accepted.to.conversationId).toBe('a:th-hrm');
    await store.guests.save(p.programme.id, [{ personId: 'th-hrm', state: 'not-invited' }], clock.now());
  });

  it('takes the answer from the mentioned person only, checked in their own tenant', async () => {
    const data = { werkgroep: 'wg-hrm', period, for: 'th-hrm', status: 'op-koers', progress: 'Loopt volgens plan' };
    // A host-tenant colleague (the projectleider, who may report for any werkgroep), a Nijkerk colleague, and an
    // object id Nijkerk does not know: refused, with the entry kept and the card still for Linda.
    for (const aad of ['aad-marieke', 'aad-kees', 'aad-onbekend']) {
      const card = await bot.cardAction(inChannel(aad), 'update.submit', data);
      const text = JSON.stringify(card);
      expect(text).toContain('Deze kaart is voor Linda Koster; alleen die persoon kan hem invullen.');
      expect(text).toContain('Loopt volgens plan');
      expect(text).toContain('"mentioned":{"id":"linda.koster@nijkerk.example"');
      expect(await store.bot.update(p.programme.id, 'wg-hrm', period)).toBeUndefined();
    }
    // Each was looked up in Nijkerk (Linda's gemeente), not in the channel's host tenant.
    expect(asked.filter((a) => a.startsWith(LEUSDEN))).toEqual([]);

    const card = await bot.cardAction(inChannel('aad-linda'), 'update.submit', data);
    expect(JSON.stringify(card)).not.toContain('Deze kaart is voor');
    expect((await store.bot.update(p.programme.id, 'wg-hrm', period))?.submittedBy).toBe('th-hrm');
  });

  it('refuses a card naming someone outside the programme', async () => {
    const card = await bot.cardAction(inChannel('aad-linda'), 'update.submit', {
      werkgroep: 'wg-hrm',
      period,
      for: 'niemand',
      status: 'op-koers',
    });
    expect(JSON.stringify(card)).not.toContain('update.submit');
  });
});
