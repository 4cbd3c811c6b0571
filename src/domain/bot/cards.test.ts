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
import { announcementCard, cardActivity, decisionsCard, digestCard, helpCard, myActionsCard, overviewCard, plain, statusCard, updateCard, type Card } from './cards.ts';
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
  { id: 'a1', werkgroep: werkgroep.id, title: 'Inventariseer applicaties', owners: ['p1'], due: '2026-11-01', status: 'open', ks: ['kwaliteit'], blockedBy: [] },
  { id: 'a2', werkgroep: werkgroep.id, title: long, owners: ['p1'], status: 'loopt', ks: [], blockedBy: [] },
  ...Array.from({ length: 30 }, (_, i): Action => ({ id: `b${i}`, werkgroep: werkgroep.id, title: `Actie ${i}`, owners: ['p1'], due: '2026-12-20', status: 'open', ks: [], blockedBy: [] })),
];
const decisions: Decision[] = [
  { id: 'd1', title: 'Verrekenmodel', proposal: 'x', werkgroep: werkgroep.id, route: ['werkgroep', 'projectgroep', 'regiegroep'], steps: [{ level: 'werkgroep', reachedOn: '2026-10-01' }, { level: 'projectgroep', reachedOn: '2026-10-20' }], blocks: [] },
];

describe.each(['nl', 'en'] as Lang[])('cards (%s) validate against Adaptive Cards 1.5', (lang) => {
  it('the schema copy is the contract, unchanged', () => {
    expect(createHash('sha256').update(schemaText).digest('hex')).toBe('32c91fb285180a266a55b3475dd0396e63fe079311714d3a14963b41f5e17920');
  });

  it('help, also for an unknown command', () => {
    expectValid(helpCard(lang));
    expectValid(helpCard(lang, 'doe iets *raars*'));
  });

  it('the update card: empty, with errors and values, submitted, closed, 70 refresh users', () => {
    const base = { programme, werkgroep: werkgroep.id, period: 'regiegroep:2026-12-08', periodLabel: 'regiegroep 8 december', openActions: actions.map((a) => ({ id: a.id, title: a.title })), lang };
    const empty = updateCard({ ...base, editable: true, refreshUserIds: ['29:a'] });
    expectValid(empty);
    const refused = validateUpdate({ werkgroep: werkgroep.id, period: 'regiegroep:2026-12-08', status: 'risico', progress: '', ks: 'kosten', successes: 'Iets moois' }, { programme }, lang);
    if (refused.ok) throw new Error('expected a refusal');
    const withErrors = updateCard({ ...base, editable: true, refreshUserIds: Array.from({ length: 70 }, (_, i) => `29:${i}`), values: refused.values, errors: refused.errors });
    expectValid(withErrors);
    // Nothing entered is lost: the values come back in the inputs; the errors are in the card.
    const json = JSON.stringify(withErrors);
    expect(json).toContain('Iets moois');
    expect(json).toContain('"value":"risico"');
    expect(json).toContain(lang === 'nl' ? 'Voortgang is verplicht' : 'Progress is required');
    expect((withErrors['refresh'] as { userIds: string[] }).userIds).toHaveLength(60);
    const submitted = updateCard({ ...base, editable: true, refreshUserIds: ['29:a'], values: { status: 'op-koers', progress: long }, submitted: { byName: 'Fictief Persoon', at: '2026-12-01T09:15:00Z', timeZone: 'Europe/Amsterdam' }, editableUntil: '2026-12-07T09:00:00Z' });
    expectValid(submitted);
    expect(JSON.stringify(submitted)).toContain(lang === 'nl' ? 'Ingediend door Fictief Persoon op 1 december 2026 om 10:15' : 'Submitted by Fictief Persoon on 1 December 2026 at 10:15');
    const closed = updateCard({ ...base, editable: false, refreshUserIds: [], values: { status: 'aandacht', progress: 'Klaar' } });
    expectValid(closed);
    expect(closed['actions']).toBeUndefined();
  });

  it('status, my actions, decisions, overview, announcement and digest', () => {
    const today = '2026-12-01';
    expectValid(statusCard({ werkgroepName: werkgroep.name, today, openActions: 3, overdue: 1, blocked: 0, lang }));
    const linked = statusCard({ werkgroepName: werkgroep.name, today, openActions: 3, overdue: 1, blocked: 0, lang, tabUrl: 'http://localhost:3978/tab/?view=werkgroep&werkgroep=wg-ict' });
    expectValid(linked);
    expect(linked['actions']).toEqual([{ type: 'Action.OpenUrl', title: lang === 'nl' ? 'Openen in Regiekamer' : 'Open in Regiekamer', url: 'http://localhost:3978/tab/?view=werkgroep&werkgroep=wg-ict' }]);
    expectValid(statusCard({
      werkgroepName: werkgroep.name, today, openActions: 3, overdue: 1, blocked: 2, lang,
      latest: { werkgroep: werkgroep.id, period: 'p', status: 'aandacht', progress: long, blockers: 'x', decisionsNeeded: 'y', ks: [{ k: 'kansen', note: 'z' }], actionIds: [], submittedBy: 'p1', submittedAt: '2026-11-28T10:00:00Z', byName: 'Fictief' },
    }));
    expectValid(myActionsCard({ personName: 'Fictief', actions, today, werkgroepNames: { [werkgroep.id]: werkgroep.name }, lang }));
    expectValid(myActionsCard({ personName: 'Fictief', actions: [], today, werkgroepNames: {}, lang }));
    expectValid(decisionsCard({ decisions, today, lang }));
    expectValid(decisionsCard({ decisions: [], today, lang }));
    const overview = overviewCard({
      meetingLabel: '8 december', lang,
      rows: [{ werkgroepName: 'A', status: 'risico', updateAgeDays: 2, decisionsNeeded: 'Besluit X', missing: false }, { werkgroepName: 'B', missing: true }],
      blocked: Array.from({ length: 20 }, (_, i) => ({ title: `Blok ${i}`, werkgroepName: 'A', waitingDays: i })),
      overdue: [{ title: 'Te laat', werkgroepName: 'B', due: '2026-11-01' }],
    });
    expectValid(overview);
    expect(JSON.stringify(overview)).toContain(lang === 'nl' ? '+5 meer' : '+5 more');
    expectValid(overviewCard({ meetingLabel: 'x', rows: [], blocked: [], overdue: [], lang }));
    const announce = announcementCard({ bodyName: 'Regiegroep', start: new Date('2026-12-08T14:00:00Z'), end: new Date('2026-12-08T15:30:00Z'), timeZone: 'Europe/Amsterdam', joinUrl: 'https://teams.microsoft.com/l/meetup-join/x', agendaUrl: 'https://example.org/agenda', openActions: [{ title: 'A', due: '2026-12-10', ownerNames: ['Fictief'] }], lang });
    expectValid(announce);
    expect(JSON.stringify(announce)).toContain('15:00–16:30');
    expectValid(announcementCard({ bodyName: 'X', start: new Date('2026-12-08T14:00:00Z'), end: new Date('2026-12-08T15:00:00Z'), timeZone: 'Europe/Amsterdam', openActions: [], lang }));
    expectValid(digestCard({ personName: 'Fictief', overdue: [{ title: 'A', werkgroepName: 'B', due: '2026-11-01' }], today, lang, tabUrl: 'http://localhost:3978/tab/?view=acties' }));
  });

  it('a card as an attachment of a message', () => {
    const a = cardActivity(helpCard(lang));
    expect(a).toMatchObject({ type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive' }] });
  });
});

describe('the schema check itself', () => {
  it('refuses a card that is not 1.5-valid', () => {
    expect(validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlok', text: 'x' }] })).toBe(false);
    expect(validate({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'x', color: 'purple' }] })).toBe(false);
  });

  it('user text cannot turn into markup', () => {
    expect(plain('[klik](https://evil.example) *vet*')).toBe('\\[klik\\]\\(https://evil.example\\) \\*vet\\*');
  });
});
