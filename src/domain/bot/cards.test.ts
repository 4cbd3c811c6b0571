// Every card the bot can send validates against the Adaptive Cards 1.5 schema (a verbatim copy of the
// contract, checked by hash), with realistic and edge inputs; the update card keeps what was entered and shows
// errors inside the card.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import AjvModule from 'ajv';
import ajvFormats from 'ajv-formats';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import {
  announcementCard,
  askCard,
  cardActivity,
  nudgeCard,
  decisionsCard,
  digestCard,
  helpCard,
  myActionsCard,
  overviewCard,
  plain,
  statusCard,
  updateCard,
  type Card,
} from './cards.ts';
import { validateUpdate } from './update.ts';
import type { Action, Decision } from '../work/model.ts';
import type { Lang } from '../i18n.ts';

const schemaText = await readFile(new URL('./adaptive-card.schema.json', import.meta.url), 'utf8');
const Ajv = AjvModule.default;
const ajv = new Ajv({ strict: false, allErrors: true });
ajv.addMetaSchema(draft6);
ajvFormats.default(ajv);
const { id: _id, ...schema } = JSON.parse(schemaText) as Record<string, unknown>;
const validate = ajv.compile(schema);

function expectValid(card: Card): void {
  const ok = validate(card);
  expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
}

const programme = await loadProgramme('blnp');
const werkgroep = programme.bodies.find((b) => b.kind === 'werkgroep');
if (!werkgroep) throw new Error('BLNP has werkgroepen');
const long = 'Lange tekst met *markdown* en [links](https://example.org) '.repeat(80);
const actions: Action[] = [
  {
    id: 'a1',
    werkgroep: werkgroep.id,
    title: 'Inventariseer applicaties',
    owners: ['p1'],
    due: '2026-11-01',
    status: 'open',
    ks: ['kwaliteit'],
    blockedBy: [],
  },
  { id: 'a2', werkgroep: werkgroep.id, title: long, owners: ['p1'], status: 'loopt', ks: [], blockedBy: [] },
  ...Array.from({ length: 30 }, (_, i): Action => ({
    id: `b${i}`,
    werkgroep: werkgroep.id,
    title: `Actie ${i}`,
    owners: ['p1'],
    due: '2026-12-20',
    status: 'open',
    ks: [],
    blockedBy: [],
  })),
];
const decisions: Decision[] = [
  {
    id: 'd1',
    title: 'Verrekenmodel',
    proposal: 'x',
    werkgroep: werkgroep.id,
    route: ['werkgroep', 'projectgroep', 'regiegroep'],
    steps: [
      { level: 'werkgroep', reachedOn: '2026-10-01' },
      { level: 'projectgroep', reachedOn: '2026-10-20' },
    ],
    blocks: [],
  },
];

it('the schema copy is the contract (/work/shared/contracts/adaptive-card.schema.json), unchanged', () => {
  expect(createHash('sha256').update(schemaText).digest('hex')).toBe(
    '32c91fb285180a266a55b3475dd0396e63fe079311714d3a14963b41f5e17920',
  );
  expect(schema['$schema']).toBe('http://json-schema.org/draft-06/schema#');
});

describe.each(['nl', 'en'] as Lang[])('cards (%s) validate against Adaptive Cards 1.5', (lang) => {
  it('help, also for an unknown command', () => {
    const help = helpCard(lang);
    expectValid(help);
    const json = JSON.stringify(help);
    for (const word of lang === 'nl'
      ? ['mijn acties', 'besluiten', 'status', 'update', 'help']
      : ['my actions', 'decisions', 'status', 'update', 'help'])
      expect(json).toContain(word);
    // No angle brackets: Teams may take <werkgroep> for an HTML tag.
    expect(json).not.toMatch(/[<>]/);
    const unknown = helpCard(lang, 'doe iets *raars*');
    expectValid(unknown);
    expect(JSON.stringify(unknown)).toContain('doe iets \\\\*raars\\\\*');
  });

  it('ask and nudge: the update card with the question or the reminder on top', () => {
    const base = {
      programme,
      werkgroep: 'wg-ict',
      period: 'regiegroep:2026-12-08',
      periodLabel: 'regiegroep 8 december',
      openActions: [],
      refreshUserIds: ['29:a'],
      editable: true,
      meetingLabel: 'dinsdag 8 december 2026',
      lang,
    };
    const ask = askCard(base);
    expectValid(ask);
    const first = (ask['body'] as { text?: string }[])[0]?.text;
    expect(first).toBe(
      lang === 'nl'
        ? 'De regiegroep vergadert op dinsdag 8 december 2026. Wil je de voortgang van Werkgroep ICT delen?'
        : 'The regiegroep meets on dinsdag 8 december 2026. Would you share the progress of Werkgroep ICT?',
    );
    expect(ask['actions']).toEqual([
      expect.objectContaining({
        type: 'Action.Execute',
        verb: 'update.submit',
        data: { werkgroep: 'wg-ict', period: 'regiegroep:2026-12-08' },
      }),
    ]);
    const nudge = nudgeCard(base);
    expectValid(nudge);
    expect((nudge['body'] as { text?: string }[])[0]?.text).toContain(lang === 'nl' ? 'Herinnering' : 'Reminder');
    // No open actions: no empty ChoiceSet.
    expect(JSON.stringify(nudge)).not.toContain('"id":"actions"');
  });

  it('the update card: empty, with errors and values, submitted, closed, 70 refresh users', () => {
    const base = {
      programme,
      werkgroep: werkgroep.id,
      period: 'regiegroep:2026-12-08',
      periodLabel: 'regiegroep 8 december',
      openActions: actions.map((a) => ({ id: a.id, title: a.title })),
      lang,
    };
    const empty = updateCard({ ...base, editable: true, refreshUserIds: ['29:a'] });
    expectValid(empty);
    const refused = validateUpdate(
      {
        werkgroep: werkgroep.id,
        period: 'regiegroep:2026-12-08',
        status: 'risico',
        progress: '',
        ks: 'kosten',
        successes: 'Iets moois',
      },
      { programme },
      lang,
    );
    if (refused.ok) throw new Error('expected a refusal');
    const withErrors = updateCard({
      ...base,
      editable: true,
      refreshUserIds: Array.from({ length: 70 }, (_, i) => `29:${i}`),
      values: refused.values,
      errors: refused.errors,
    });
    expectValid(withErrors);
    // Nothing entered is lost: the values come back in the inputs; the errors are in the card.
    const json = JSON.stringify(withErrors);
    expect(json).toContain('Iets moois');
    expect(json).toContain('"value":"risico"');
    expect(json).toContain(lang === 'nl' ? 'Voortgang is verplicht' : 'Progress is required');
    expect((withErrors['refresh'] as { userIds: string[] }).userIds).toEqual(
      Array.from({ length: 60 }, (_, i) => `29:${i}`),
    );
    expect(withErrors['refresh']).toMatchObject({
      action: {
        type: 'Action.Execute',
        verb: 'update.refresh',
        data: { werkgroep: werkgroep.id, period: 'regiegroep:2026-12-08' },
      },
    });
    // The error list is the first thing in the card, in the attention colour; the K without a note has its error on its input.
    const top = (withErrors['body'] as { type: string; items: { color: string; text: string }[] }[])[0];
    expect(top?.type).toBe('Container');
    expect(top?.items.every((i) => i.color === 'Attention')).toBe(true);
    expect(top?.items).toHaveLength(1 + refused.errors.length);
    const inputs = (withErrors['body'] as { id?: string; errorMessage?: string }[]).filter((e) => e.id);
    expect(inputs.find((e) => e.id === 'k_kosten_note')?.errorMessage).toBe(
      lang === 'nl' ? 'geef bij Kosten een korte toelichting' : 'add a short note for Costs',
    );
    // Every input id is one validateUpdate reads.
    expect(inputs.map((e) => e.id)).toEqual([
      'status',
      'progress',
      'successes',
      'nextSteps',
      'blockers',
      'decisionsNeeded',
      'ks',
      'k_kwaliteit_note',
      'k_kwetsbaarheid_note',
      'k_kosten_note',
      'k_kansen_note',
      'actions',
    ]);
    const submitted = updateCard({
      ...base,
      editable: true,
      refreshUserIds: ['29:a'],
      values: { status: 'op-koers', progress: long },
      submitted: { byName: 'Fictief Persoon', at: '2026-12-01T09:15:00Z', timeZone: 'Europe/Amsterdam' },
      editableUntil: '2026-12-07T09:00:00Z',
    });
    expectValid(submitted);
    expect(JSON.stringify(submitted)).toContain(
      lang === 'nl'
        ? 'Ingediend door Fictief Persoon op 1 december 2026 om 10:15'
        : 'Submitted by Fictief Persoon on 1 December 2026 at 10:15',
    );
    const closed = updateCard({
      ...base,
      editable: false,
      refreshUserIds: [],
      values: { status: 'aandacht', progress: 'Klaar', ks: 'kansen', k_kansen_note: 'Nieuwe rol' },
    });
    expectValid(closed);
    expect(closed['actions']).toBeUndefined();
    expect(closed['refresh']).toBeUndefined();
    const closedJson = JSON.stringify(closed);
    expect(closedJson).not.toContain('Input.');
    expect(closedJson).toContain('Nieuwe rol');
    expect(closedJson).toContain(lang === 'nl' ? 'niet meer te wijzigen' : 'can no longer be changed');
  });

  it('status, my actions, decisions, overview, announcement and digest', () => {
    const today = '2026-12-01';
    expectValid(
      statusCard({
        werkgroepName: werkgroep.name,
        today,
        timeZone: 'Europe/Amsterdam',
        openActions: 3,
        overdue: 1,
        blocked: 0,
        lang,
      }),
    );
    const linked = statusCard({
      werkgroepName: werkgroep.name,
      today,
      timeZone: 'Europe/Amsterdam',
      openActions: 3,
      overdue: 1,
      blocked: 0,
      lang,
      tabUrl: 'http://localhost:3978/tab/?view=werkgroep&werkgroep=wg-ict',
    });
    expectValid(linked);
    expect(linked['actions']).toEqual([
      {
        type: 'Action.OpenUrl',
        title: lang === 'nl' ? 'Openen in Regiekamer' : 'Open in Regiekamer',
        url: 'http://localhost:3978/tab/?view=werkgroep&werkgroep=wg-ict',
      },
    ]);
    expectValid(
      statusCard({
        werkgroepName: werkgroep.name,
        today,
        timeZone: 'Europe/Amsterdam',
        openActions: 3,
        overdue: 1,
        blocked: 2,
        lang,
        latest: {
          werkgroep: werkgroep.id,
          period: 'p',
          status: 'aandacht',
          progress: long,
          blockers: 'x',
          decisionsNeeded: 'y',
          ks: [{ k: 'kansen', note: 'z' }],
          actionIds: [],
          submittedBy: 'p1',
          submittedAt: '2026-11-28T10:00:00Z',
          byName: 'Fictief',
        },
      }),
    );
    expectValid(
      myActionsCard({
        personName: 'Fictief',
        actions,
        today,
        werkgroepNames: { [werkgroep.id]: werkgroep.name },
        lang,
      }),
    );
    expectValid(myActionsCard({ personName: 'Fictief', actions: [], today, werkgroepNames: {}, lang }));
    expectValid(decisionsCard({ decisions, today, lang }));
    expectValid(decisionsCard({ decisions: [], today, lang }));
    const overview = overviewCard({
      meetingLabel: '8 december',
      lang,
      rows: [
        { werkgroepName: 'A', status: 'risico', updateAgeDays: 2, decisionsNeeded: 'Besluit X', missing: false },
        { werkgroepName: 'B', missing: true },
      ],
      blocked: Array.from({ length: 20 }, (_, i) => ({ title: `Blok ${i}`, werkgroepName: 'A', waitingDays: i })),
      overdue: [{ title: 'Te laat', werkgroepName: 'B', due: '2026-11-01' }],
    });
    expectValid(overview);
    const overviewJson = JSON.stringify(overview);
    expect(overviewJson).toContain(lang === 'nl' ? '+5 meer' : '+5 more');
    expect(overviewJson).toContain(lang === 'nl' ? 'risico · 2 dagen oud' : 'at risk · 2 days old');
    expect(overviewJson).toContain(lang === 'nl' ? 'geen update' : 'no update');
    expect(overviewJson).toContain('Blok 14');
    expect(overviewJson).not.toContain('Blok 15');
    expectValid(overviewCard({ meetingLabel: 'x', rows: [], blocked: [], overdue: [], lang }));
    const announce = announcementCard({
      bodyName: 'Regiegroep',
      start: new Date('2026-12-08T14:00:00Z'),
      end: new Date('2026-12-08T15:30:00Z'),
      timeZone: 'Europe/Amsterdam',
      joinUrl: 'https://teams.microsoft.com/l/meetup-join/x',
      agendaUrl: 'https://example.org/agenda',
      openActions: [{ title: 'A', due: '2026-12-10', ownerNames: ['Fictief'] }],
      lang,
    });
    expectValid(announce);
    expect(JSON.stringify(announce)).toContain('15:00–16:30');
    expectValid(
      announcementCard({
        bodyName: 'X',
        start: new Date('2026-12-08T14:00:00Z'),
        end: new Date('2026-12-08T15:00:00Z'),
        timeZone: 'Europe/Amsterdam',
        openActions: [],
        lang,
      }),
    );
    expectValid(
      digestCard({
        personName: 'Fictief',
        overdue: [{ title: 'A', werkgroepName: 'B', due: '2026-11-01' }],
        today,
        lang,
        tabUrl: 'http://localhost:3978/tab/?view=acties',
      }),
    );
  });

  it('a card as an attachment of a message', () => {
    const a = cardActivity(helpCard(lang));
    expect(a).toMatchObject({
      type: 'message',
      attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }],
    });
  });
});

describe('user text in cards', () => {
  it('a long text is cut to its bound, without splitting an emoji', () => {
    const card = statusCard({
      werkgroepName: 'X',
      today: '2026-12-01',
      timeZone: 'Europe/Amsterdam',
      openActions: 0,
      overdue: 0,
      blocked: 0,
      lang: 'nl',
      latest: {
        werkgroep: 'wg-ict',
        period: 'p',
        status: 'op-koers',
        progress: 'a'.repeat(1998) + '😀'.repeat(10),
        ks: [],
        actionIds: [],
        submittedBy: 'p1',
        submittedAt: '2026-12-01T08:00:00Z',
        byName: 'X',
      },
    });
    expectValid(card);
    const value =
      ((card['body'] as { type: string; facts?: { value: string }[] }[]).find((e) => e.type === 'FactSet')?.facts ??
        [])[0]?.value ?? '';
    expect(value).toBe(`${'a'.repeat(1998)}…`);
    expect(plain('abc😀d', 5)).toBe('abc…');
  });
});

describe('the age of the latest update', () => {
  const at = (submittedAt: string, today: string, timeZone = 'Europe/Amsterdam') =>
    JSON.stringify(
      statusCard({
        werkgroepName: 'X',
        today,
        timeZone,
        openActions: 0,
        overdue: 0,
        blocked: 0,
        lang: 'en',
        latest: {
          werkgroep: 'wg-ict',
          period: 'p',
          status: 'op-koers',
          progress: 'p',
          ks: [],
          actionIds: [],
          submittedBy: 'p1',
          submittedAt,
          byName: 'X',
        },
      }),
    );

  it('counts days in the programme’s time zone, not in UTC: 23:30 UTC in winter is the next day in Amsterdam', () => {
    expect(at('2026-11-29T23:30:00Z', '2026-11-30')).toContain('today');
    expect(at('2026-11-29T22:30:00Z', '2026-11-30')).toContain('1 day old');
    expect(at('2026-07-01T22:30:00Z', '2026-07-02')).toContain('today');
    expect(at('2026-11-29T23:30:00Z', '2026-11-29', 'UTC')).toContain('today');
  });
});

describe('the schema check itself', () => {
  it('refuses a card that is not 1.5-valid', () => {
    expect(validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'x' }] })).toBe(false);
    expect(
      validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', color: 'purple' }] }),
    ).toBe(false);
  });

  it('user text cannot turn into markup, and keeps what Teams does not render as typed', () => {
    expect(plain('[klik](https://evil.example) *vet*')).toBe('\\[klik\\](https://evil.example) \\*vet\\*');
    expect(plain('_cursief_ maar k_kwaliteit en snake_case niet')).toBe(
      '\\_cursief\\_ maar k_kwaliteit en snake_case niet',
    );
    expect(plain('Overleg (ICT) #2 > 1 - 3 ~ `x`')).toBe('Overleg (ICT) #2 > 1 - 3 ~ `x`');
    expect(plain('S:\\Financien\\map')).toBe('S:\\Financien\\map');
    expect(plain('a\\*b')).toBe('a\\\\\\*b');
  });
});
