// The monthly loop through the bot (issue 18 §5, the card half of §1): `besluit` answers with a form whose submission
// is POST /api/besluiten's use case with the sender as caller (the same access rules; a refusal comes back in the
// form with everything entered); "Maak voorstel" on an update's decisions needed makes one proposal linked to the
// update; `agenda` shows the next meeting's agenda; the help names both commands.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MEMORY, openStore } from '../../adapters/store/open.ts';
import type { Store } from '../../adapters/store/store.ts';
import type { Inbound } from '../../adapters/bot/transport.ts';
import type { Programme } from '../../domain/programme/schema.ts';
import { FixedClock } from '../../domain/time/clock.ts';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { createBotService } from './service.ts';

let p: Programme;
let store: Store;
const clock = new FixedClock('2026-11-23T10:00:00Z');
const inbound: Inbound = {
  conversation: { id: 'c-loop', type: 'personal', tenantId: 't1' },
  serviceUrl: 'https://smba.example/',
  from: { id: 'u-loop' },
  recipient: { id: 'bot' },
  locale: 'nl-NL',
};
// Fictional BLNP people: the trekker of Werkgroep ICT, and a member of Werkgroep Financiën only.
const TREKKER = 'th-ict';
const OUTSIDER = 'tom-bakker';
const PERIOD = 'regiegroep:2026-12-08';

const bot = (localPerson?: string, lang: 'nl' | 'en' = 'nl') =>
  createBotService({
    store,
    programme: p,
    clock,
    lang,
    tabUrl: 'https://regiekamer.example/tab/',
    ...(localPerson ? { localPerson } : {}),
  });
const cardOf = (answer: Record<string, unknown>[]) =>
  (answer[0]?.['attachments'] as { content: Record<string, unknown> }[] | undefined)?.[0]?.content ?? {};
const inputsOf = (card: Record<string, unknown>) =>
  Object.fromEntries(
    (card['body'] as Record<string, unknown>[])
      .filter((e) => String(e['type']).startsWith('Input.'))
      .map((e) => [String(e['id']), e] as const),
  );
const decisions = () => store.decisions.list(p.programme.id);

beforeAll(async () => {
  p = await loadProgramme('blnp');
  store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const wg = p.bodies.find((b) => b.id === 'wg-ict');
  const out = p.people.find((x) => x.id === OUTSIDER);
  if (wg?.kind !== 'werkgroep' || wg.trekker !== TREKKER || !out || wg.members.includes(OUTSIDER))
    throw new Error('BLNP: th-ict trekt Werkgroep ICT, tom-bakker is er geen lid van');
});

afterAll(async () => {
  await store.close();
});

describe('besluit: the form and its submission', () => {
  it('answers with the form, the title prefilled, the werkgroepen the sender may propose for', async () => {
    const card = cardOf(await bot(TREKKER).message(inbound, 'besluit ICT-contract verlengen'));
    const inputs = inputsOf(card);
    expect(inputs['title']?.['value']).toBe('ICT-contract verlengen');
    expect((inputs['werkgroep']?.['choices'] as { value: string }[]).map((c) => c.value)).toEqual(['wg-ict']);
    expect(inputs['werkgroep']?.['value']).toBe('wg-ict');
    expect(card['actions']).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: 'besluit.propose' })]);
    // English words, English form.
    const en = cardOf(
      await bot(TREKKER).message({ ...inbound, conversation: { ...inbound.conversation, id: 'c-en' } }, 'decision'),
    );
    expect(JSON.stringify(en)).toContain('Propose a decision');
  });

  it('proposes through the use case with the sender as proposer, and answers with the decision id', async () => {
    const card = await bot(TREKKER).cardAction(inbound, 'besluit.propose', {
      title: 'ICT-contract verlengen',
      proposal: 'Het contract met de leverancier twee jaar verlengen.',
      werkgroep: 'wg-ict',
      level: 'projectgroep',
    });
    const made = (await decisions()).filter((d) => d.title === 'ICT-contract verlengen');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      werkgroep: 'wg-ict',
      proposedBy: TREKKER,
      steps: [{ level: 'projectgroep', reachedOn: '2026-11-23' }],
    });
    expect(JSON.stringify(card)).toContain(`Voorgesteld als besluit ${made[0]?.id}`);
    expect(JSON.stringify(card)).toContain('view=besluiten');
  });

  it('refuses someone outside the werkgroep in the form, keeps what they entered, and stores nothing', async () => {
    const before = (await decisions()).length;
    const entered = {
      title: 'Servers vervangen',
      proposal: 'Alle servers in 2027 vervangen.',
      werkgroep: 'wg-ict',
      level: 'regiegroep',
    };
    const card = await bot(OUTSIDER).cardAction(inbound, 'besluit.propose', entered);
    expect(JSON.stringify(card)).toContain('alleen leden van Werkgroep ICT');
    const inputs = inputsOf(card);
    expect(Object.fromEntries(Object.entries(inputs).map(([k, v]) => [k, v['value']]))).toEqual(entered);
    expect(card['actions']).toEqual([expect.objectContaining({ verb: 'besluit.propose' })]);
    expect((await decisions()).length).toBe(before);
  });

  it('names the missing fields in the form and stores nothing', async () => {
    const before = (await decisions()).length;
    const card = await bot(TREKKER).cardAction(inbound, 'besluit.propose', {
      title: 'Alleen een titel',
      werkgroep: 'wg-ict',
    });
    const json = JSON.stringify(card);
    expect(json).toContain('vul Voorstel in');
    expect(json).toContain('kies Niveau waar het besluit ligt');
    expect(inputsOf(card)['title']?.['value']).toBe('Alleen een titel');
    expect((await decisions()).length).toBe(before);
  });

  it('tells someone not in the programme so, in the chat and in the form', async () => {
    const stranger = bot();
    expect(await stranger.message(inbound, 'besluit X')).toEqual([
      { type: 'message', text: 'Ik kan je niet vinden in het programma; vraag de projectleider je toe te voegen.' },
    ]);
    const card = await stranger.cardAction(inbound, 'besluit.propose', {
      title: 'X',
      proposal: 'Y',
      werkgroep: 'wg-ict',
      level: 'werkgroep',
    });
    expect(JSON.stringify(card)).toContain('je staat niet in het programma');
  });
});

describe('Maak voorstel on an update', () => {
  it('turns the decisions needed into one proposal linked to the update, by the person who clicked', async () => {
    const trekker = bot(TREKKER);
    await trekker.cardAction(inbound, 'update.submit', {
      werkgroep: 'wg-ict',
      period: PERIOD,
      status: 'aandacht',
      progress: 'Migratie loopt',
      decisionsNeeded: 'Keuze voor één zaaksysteem\nDe drie contracten lopen in 2027 af.',
    });
    // The trekker's confirmation carries the action.
    const confirmation = cardOf(await trekker.message(inbound, 'update ICT'));
    expect(JSON.stringify(confirmation)).toContain('"verb":"besluit.fromUpdate"');
    const data = { werkgroep: 'wg-ict', period: PERIOD, card: 'update' };

    const refused = await bot(OUTSIDER).cardAction(inbound, 'besluit.fromUpdate', data);
    expect(JSON.stringify(refused)).toContain('alleen leden van Werkgroep ICT');
    expect((await decisions()).filter((d) => d.origin?.kind === 'update')).toEqual([]);

    const answered = await trekker.cardAction(inbound, 'besluit.fromUpdate', data);
    const made = (await decisions()).filter((d) => d.origin?.kind === 'update');
    expect(made).toHaveLength(1);
    expect(made[0]).toMatchObject({
      title: 'Keuze voor één zaaksysteem',
      proposal: 'Keuze voor één zaaksysteem\nDe drie contracten lopen in 2027 af.',
      werkgroep: 'wg-ict',
      proposedBy: TREKKER,
      origin: { kind: 'update', ref: `wg-ict@${PERIOD}` },
      steps: [{ level: 'projectgroep', reachedOn: '2026-11-23' }],
    });
    const json = JSON.stringify(answered);
    expect(json).toContain(`Voorgesteld als besluit ${made[0]?.id}`);
    // The card answered is the update card again, now saying which decision it became instead of offering the action.
    expect(json).toContain('Voortgang Werkgroep ICT');
    expect(json).not.toContain('"verb":"besluit.fromUpdate"');

    // A second click (here from the overview) makes no second decision.
    const again = await bot('pl-marieke').cardAction(inbound, 'besluit.fromUpdate', { ...data, card: 'overview' });
    expect((await decisions()).filter((d) => d.origin?.kind === 'update')).toHaveLength(1);
    expect(JSON.stringify(again)).toContain(`Voorgesteld als besluit ${made[0]?.id}`);
    expect(JSON.stringify(again)).toContain('Overzicht voor de regiegroep');
  });

  it('refuses an update without decisions needed, and one that does not exist', async () => {
    const trekker = bot('th-hrm');
    await trekker.cardAction(inbound, 'update.submit', {
      werkgroep: 'wg-hrm',
      period: PERIOD,
      status: 'op-koers',
      progress: 'Loopt',
    });
    const none = await trekker.cardAction(inbound, 'besluit.fromUpdate', {
      werkgroep: 'wg-hrm',
      period: PERIOD,
      card: 'update',
    });
    expect(JSON.stringify(none)).toContain('In deze update van Werkgroep HRM staat geen besluit dat nodig is.');
    const gone = await trekker.cardAction(inbound, 'besluit.fromUpdate', {
      werkgroep: 'wg-jz',
      period: PERIOD,
      card: 'overview',
    });
    expect(JSON.stringify(gone)).toContain('Deze update van Werkgroep Juridische Zaken bestaat niet (meer).');
  });
});

describe('agenda', () => {
  it("answers with the next regiegroep's agenda: its items in order (status or no update per werkgroep), who is missing", async () => {
    const card = cardOf(await bot(OUTSIDER).message(inbound, 'agenda'));
    const json = JSON.stringify(card);
    expect(json).toContain('Agenda Regiegroep, dinsdag 8 december 2026');
    expect(json).toContain('nog geen update');
    expect(json).toContain('meeting=regiegroep%3A2026-12-08');
    const lines = (card['body'] as { text?: string }[]).flatMap((e) => (e.text ? [e.text] : []));
    expect(lines.find((l) => l.includes('**Werkgroep ICT**'))).toMatch(
      /^\d+\. \*\*Werkgroep ICT\*\* · aandacht nodig$/,
    );
  });

  it('takes a projectgroep by name, asks which body for words that fit none, refuses a stranger', async () => {
    const pg = JSON.stringify(cardOf(await bot(OUTSIDER).message(inbound, 'agenda harmonisatie')));
    expect(pg).toContain('Agenda Projectgroep Harmonisatie');
    const which = await bot(OUTSIDER).message(inbound, 'agenda zwembad');
    expect(which[0]?.['text']).toContain("'zwembad' is geen regiegroep of projectgroep");
    const stranger = await bot().message(inbound, 'agenda');
    expect(JSON.stringify(stranger)).not.toContain('AdaptiveCard');
  });
});

it('the help lists besluit and agenda, in Dutch and in English', async () => {
  const nl = JSON.stringify(cardOf(await bot(TREKKER).message(inbound, 'hulp')));
  expect(nl).toContain('besluit ‹titel›');
  expect(nl).toContain('agenda ‹orgaan›');
  const en = JSON.stringify(
    cardOf(
      await bot(TREKKER).message(
        { ...inbound, conversation: { ...inbound.conversation, id: 'c-en2' } },
        'what can you do',
      ),
    ),
  );
  expect(en).toContain('decision ‹title›');
  expect(en).toContain('agenda ‹body›');
});
