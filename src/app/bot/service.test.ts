// Who may report a werkgroep's progress through the bot is the access module's rule (update.submit), the same the
// API applies: a person outside the werkgroep is refused in the chat and in the card (nothing stored), its trekker
// gets the card and submits it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { Programme, Werkgroep } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { createBotService } from './service.ts';
import type { Inbound } from '../../adapters/bot/transport.ts';

let p: Programme;
let store: Store;
let wg: Werkgroep;
let outsider: string;
const clock = new FixedClock('2026-11-23T10:00:00Z');
const inbound: Inbound = {
  conversation: { id: 'c1', type: 'personal', tenantId: 't1' },
  serviceUrl: 'https://smba.example/',
  from: { id: 'u1' },
  recipient: { id: 'bot' },
  locale: 'nl-NL',
};

beforeAll(async () => {
  p = await loadProgramme('blnp');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const w = p.bodies.find((b): b is Werkgroep => b.kind === 'werkgroep');
  const out = p.people.find(
    (x) => w && x.id !== w.trekker && !w.members.includes(x.id) && !x.roles.includes('projectleider'),
  );
  if (!w || !out) throw new Error('a werkgroep and someone outside it');
  wg = w;
  outsider = out.id;
});

afterAll(async () => {
  await store.close();
});

describe('progress updates through the bot', () => {
  it('refuses someone outside the werkgroep in the chat and in the card, and stores nothing', async () => {
    const bot = createBotService({ store, programme: p, clock, lang: 'nl', localPerson: outsider });
    expect(await bot.message(inbound, `update ${wg.name}`)).toEqual([
      { type: 'message', text: `Alleen leden van ${wg.name} kunnen de voortgang doorgeven.` },
    ]);
    const period = bot.currentPeriod()?.occurrence.key;
    if (!period) throw new Error('a meeting ahead');
    const card = await bot.cardAction(inbound, 'update.submit', {
      werkgroep: wg.id,
      period,
      status: 'op-koers',
      progress: 'Loopt',
    });
    expect(JSON.stringify(card)).toContain(`Alleen leden van ${wg.name} kunnen de voortgang doorgeven.`);
    expect(await store.bot.update(p.programme.id, wg.id, period)).toBeUndefined();
  });

  it('gives the trekker the card of their own werkgroep and stores what they submit', async () => {
    const bot = createBotService({ store, programme: p, clock, lang: 'nl', localPerson: wg.trekker });
    const [answer] = await bot.message(inbound, 'update');
    expect((answer?.['attachments'] as { contentType: string }[] | undefined)?.[0]?.contentType).toBe(
      'application/vnd.microsoft.card.adaptive',
    );
    const period = bot.currentPeriod()?.occurrence.key;
    if (!period) throw new Error('a meeting ahead');
    await bot.cardAction(inbound, 'update.submit', { werkgroep: wg.id, period, status: 'op-koers', progress: 'Loopt' });
    expect((await store.bot.update(p.programme.id, wg.id, period))?.submittedBy).toBe(wg.trekker);
  });
});

describe('the programme figures through the bot', () => {
  // The same rule as the API's read routes (programme.read): a stranger gets no status or decisions; a person of the
  // programme, also one outside the werkgroep asked about, does.
  it('answers status and besluiten to a person of the programme only', async () => {
    const stranger = createBotService({ store, programme: p, clock, lang: 'nl' });
    for (const command of [`status ${wg.name}`, 'besluiten']) {
      const answer = await stranger.message(inbound, command);
      expect(answer).toHaveLength(1);
      expect(answer[0]).toMatchObject({ type: 'message' });
      expect(JSON.stringify(answer)).not.toContain('AdaptiveCard');
    }
    const member = createBotService({ store, programme: p, clock, lang: 'nl', localPerson: outsider });
    for (const command of [`status ${wg.name}`, 'besluiten']) {
      expect(JSON.stringify(await member.message(inbound, command))).toContain('AdaptiveCard');
    }
  });
});
