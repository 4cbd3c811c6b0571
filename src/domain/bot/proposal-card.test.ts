// The cards of the monthly loop in the bot (issue 18 §5, the card half of §1): the `besluit` form, its answers, the
// "Maak voorstel" action on an update and the overview, and the agenda card — each valid Adaptive Cards 1.5 (the
// schema copy cards.test.ts checks by hash), in Dutch and English; the form's checks keep what was entered.
import { readFile } from 'node:fs/promises';
import AjvModule from 'ajv';
import ajvFormats from 'ajv-formats';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { agendaBodies, composeAgenda, findMeeting } from '../agenda/compose.ts';
import { agendaItems, NO_EDITS } from '../agenda/items.ts';
import type { Lang } from '../i18n.ts';
import type { Werkgroep } from '../programme/schema.ts';
import type { Decision } from '../work/model.ts';
import { agendaCard } from './agenda-card.ts';
import { overviewCard, updateCard, type Card } from './cards.ts';
import {
  checkProposalForm,
  draftFromUpdate,
  fromUpdateElement,
  proposalFormCard,
  proposedCard,
  updateRef,
  withProposalAnswer,
} from './proposal-card.ts';

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
const ict = programme.bodies.find((b): b is Werkgroep => b.id === 'wg-ict' && b.kind === 'werkgroep');
if (!ict) throw new Error('BLNP has wg-ict');
const route = programme.decisionRoute;
const inputs = (c: Card) =>
  (c['body'] as Record<string, unknown>[]).filter((e) => String(e['type']).startsWith('Input.'));

describe.each(['nl', 'en'] as Lang[])('the monthly loop cards (%s)', (lang) => {
  it('the besluit form: title prefilled, werkgroepen offered, the route as levels, submitted with Execute', () => {
    const form = proposalFormCard({
      werkgroepen: [{ id: 'wg-ict', name: 'Werkgroep ICT' }],
      levels: route,
      values: { title: 'ICT-contract *verlengen*' },
      lang,
    });
    expectValid(form);
    const byId = Object.fromEntries(inputs(form).map((i) => [i['id'], i]));
    expect(byId['title']?.['value']).toBe('ICT-contract *verlengen*');
    // The only werkgroep is preselected; the level is chosen, not defaulted.
    expect(byId['werkgroep']?.['value']).toBe('wg-ict');
    expect(byId['level']?.['value']).toBeUndefined();
    expect((byId['level']?.['choices'] as { value: string }[]).map((c) => c.value)).toEqual(route);
    expect(form['actions']).toEqual([expect.objectContaining({ type: 'Action.Execute', verb: 'besluit.propose' })]);
    expect(JSON.stringify(form)).not.toMatch(/[<>]/);
  });

  it('the form comes back with everything entered and the refusal on top', () => {
    const values = { title: 'T', proposal: 'Voorstel\nmet twee regels', werkgroep: 'wg-ict', level: 'regiegroep' };
    const again = proposalFormCard({
      werkgroepen: [
        { id: 'wg-ict', name: 'Werkgroep ICT' },
        { id: 'wg-hrm', name: 'Werkgroep HRM' },
      ],
      levels: route,
      values,
      refusal: 'alleen leden van Werkgroep ICT',
      lang,
    });
    expectValid(again);
    const byId = Object.fromEntries(inputs(again).map((i) => [i['id'], i['value']]));
    expect(byId).toEqual(values);
    const top = (again['body'] as Record<string, unknown>[])[0];
    expect(top).toMatchObject({ type: 'Container', style: 'attention' });
    expect(JSON.stringify(top)).toContain('alleen leden van Werkgroep ICT');
  });

  it('a person who may propose for no werkgroep gets the reason, not an empty form', () => {
    const none = proposalFormCard({ werkgroepen: [], levels: route, lang });
    expectValid(none);
    expect(inputs(none)).toEqual([]);
    expect(none['actions']).toBeUndefined();
  });

  it('the answers: the decision made, and "Maak voorstel" on the update and the overview', () => {
    const made = proposedCard({
      id: 'B20261123-1',
      title: 'Verlengen',
      level: 'projectgroep',
      lang,
      tabUrl: 'https://x.example/tab/?view=besluiten',
    });
    expectValid(made);
    expect(JSON.stringify(made)).toContain('B20261123-1');
    const action = fromUpdateElement({ werkgroep: 'wg-ict', period: 'regiegroep:2026-12-08', card: 'update', lang });
    expect(action).toMatchObject({
      type: 'ActionSet',
      actions: [
        {
          type: 'Action.Execute',
          verb: 'besluit.fromUpdate',
          associatedInputs: 'none',
          data: { werkgroep: 'wg-ict', period: 'regiegroep:2026-12-08', card: 'update' },
        },
      ],
    });
    const base = {
      programme,
      werkgroep: 'wg-ict',
      period: 'regiegroep:2026-12-08',
      periodLabel: 'Regiegroep, 8 december',
      openActions: [],
      refreshUserIds: ['29:a'],
      values: { status: 'aandacht', progress: 'Loopt', decisionsNeeded: 'Contract verlengen tot 2028' },
      submitted: { byName: 'Fictief', at: '2026-11-23T10:00:00Z', timeZone: 'Europe/Amsterdam' },
      decisionsNeededAction: action,
      lang,
    };
    for (const editable of [true, false]) {
      const card = updateCard({ ...base, editable });
      expectValid(card);
      expect(JSON.stringify(card)).toContain('besluit.fromUpdate');
      expectValid(withProposalAnswer(card, { refusal: 'nee' }, lang));
      const answered = withProposalAnswer(card, { proposed: { id: 'B1', title: 'T', level: 'projectgroep' } }, lang);
      expectValid(answered);
      expect((answered['body'] as Record<string, unknown>[])[0]).toMatchObject({ type: 'Container', style: 'good' });
    }
    // Without decisions needed there is nothing to propose: no action, even when one is passed.
    const nothing = updateCard({ ...base, editable: true, values: { status: 'op-koers', progress: 'Loopt' } });
    expect(JSON.stringify(nothing)).not.toContain('besluit.fromUpdate');
    const overview = overviewCard({
      meetingLabel: '8 december',
      lang,
      rows: [
        {
          werkgroepName: 'Werkgroep ICT',
          status: 'aandacht',
          decisionsNeeded: 'Contract verlengen',
          decisionsNeededAction: fromUpdateElement({ werkgroep: 'wg-ict', period: 'p', card: 'overview', lang }),
          missing: false,
        },
        {
          werkgroepName: 'Werkgroep HRM',
          status: 'op-koers',
          decisionsNeeded: 'Regeling',
          decisionsNeededAction: fromUpdateElement({
            werkgroep: 'wg-hrm',
            period: 'p',
            card: 'overview',
            proposedAs: 'B7',
            lang,
          }),
          missing: false,
        },
      ],
      blocked: [],
      overdue: [],
    });
    expectValid(overview);
    const json = JSON.stringify(overview);
    expect(json.match(/besluit\.fromUpdate/g)).toHaveLength(1);
    expect(json).toContain('B7');
  });

  it('the agenda card of the December regiegroep: status or no update per werkgroep, waits, who has not sent one', () => {
    const body = agendaBodies(programme).find((b) => b.kind === 'regiegroep');
    const found = body && findMeeting(programme, body.id, { now: new Date('2026-11-23T10:00:00Z') });
    if (!body || !found) throw new Error('a regiegroep meeting ahead');
    const waiting: Decision = {
      id: 'B20261101-1',
      title: 'Verrekenmodel vaststellen',
      proposal: 'x',
      werkgroep: 'wg-verrekenmodel',
      route: [...route],
      steps: [{ level: 'regiegroep', reachedOn: '2026-11-03' }],
      blocks: [],
    };
    const agenda = composeAgenda({
      programme,
      body,
      meeting: found.meeting,
      previous: found.previous,
      updates: [
        {
          werkgroep: 'wg-ict',
          period: found.meeting.key,
          status: 'risico',
          progress: 'Loopt',
          ks: [],
          actionIds: [],
          submittedBy: 'th-ict',
          submittedAt: '2026-11-22T10:00:00Z',
        },
      ],
      actions: [],
      decisions: [waiting],
      today: '2026-11-23',
    });
    // The projectleider put the decision first and added an item.
    const items = agendaItems(agenda, {
      ...NO_EDITS,
      order: [`besluit:${waiting.id}`],
      added: [{ id: 'punt:1', title: 'Rondvraag', note: 'Kort' }],
    });
    const card = agendaCard({
      agenda: { ...agenda, items },
      timeZone: 'Europe/Amsterdam',
      tabUrl: 'https://x.example/tab/?meeting=regiegroep:2026-12-08',
      lang,
    });
    expectValid(card);
    const json = JSON.stringify(card);
    const lines = (card['body'] as { text?: string }[]).flatMap((e) => (e.text ? [e.text] : []));
    const numbered = lines.filter((l) => /^\d+\. /.test(l));
    const werkgroepen = programme.bodies.filter((b) => b.kind === 'werkgroep');
    // Every item once, in the agenda's order: the decision, the werkgroepen, the added item.
    expect(numbered).toHaveLength(werkgroepen.length + 2);
    expect(numbered[0]).toMatch(/^1\. .*Verrekenmodel vaststellen.*(wacht 20 dagen|waiting 20 days)/);
    expect(numbered.at(-1)).toBe(`${String(werkgroepen.length + 2)}. **Rondvraag**`);
    const noUpdate = lang === 'nl' ? 'nog geen update' : 'no update yet';
    expect(numbered.filter((l) => l.endsWith(noUpdate))).toHaveLength(werkgroepen.length - 1);
    expect(numbered.find((l) => l.includes('**Werkgroep ICT**'))).toMatch(lang === 'nl' ? / · risico$/ : / · at risk$/);
    expect(json).toContain('15:00–16:30');
    // Who has not sent an update: every werkgroep but ICT, with its trekker.
    expect(agenda.missingUpdates).toHaveLength(werkgroepen.length - 1);
    for (const m of agenda.missingUpdates) expect(json).toContain(m.trekkerName);
  });
});

describe('checkProposalForm', () => {
  const choices = { werkgroepen: ['wg-ict'], levels: route };
  it('passes a filled form, trimmed', () => {
    expect(
      checkProposalForm({ title: ' T ', proposal: ' P ', werkgroep: 'wg-ict', level: 'projectgroep' }, choices, 'nl'),
    ).toEqual({ ok: true, input: { title: 'T', proposal: 'P', werkgroep: 'wg-ict', level: 'projectgroep' } });
  });
  it('names every missing or wrong field and keeps what was entered', () => {
    const r = checkProposalForm(
      { title: 'x'.repeat(201), proposal: '  ', werkgroep: 'wg-hrm', level: 'gemeenteraad' },
      choices,
      'nl',
    );
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.map((e) => e.field)).toEqual(['title', 'proposal', 'werkgroep', 'level']);
    expect(r.errors[0]?.message).toBe('Titel is te lang: hoogstens 200 tekens');
    expect(r.values).toEqual({ title: 'x'.repeat(201), proposal: '  ', werkgroep: 'wg-hrm', level: 'gemeenteraad' });
    const en = checkProposalForm({}, choices, 'en');
    expect(en.ok ? [] : en.errors.map((e) => e.message)).toContain('fill in Title');
  });
});

describe('draftFromUpdate', () => {
  it('takes the first line as the title, the whole text as the proposal, at the projectgroep', () => {
    expect(draftFromUpdate('\n- Contract verlengen tot 2028\nOmdat de aanbesteding later is.', ict, route)).toEqual({
      title: 'Contract verlengen tot 2028',
      proposal: '- Contract verlengen tot 2028\nOmdat de aanbesteding later is.',
      level: 'projectgroep',
    });
  });
  it('cuts a long first line at a word, within 200 characters; nothing for an empty text', () => {
    const d = draftFromUpdate('woord '.repeat(60), ict, route);
    expect(d?.title.length).toBeLessThanOrEqual(200);
    expect(d?.title.endsWith('woord…')).toBe(true);
    expect(draftFromUpdate('  \n ', ict, route)).toBeUndefined();
  });
  it('falls back to the werkgroep level when the route passes no projectgroep', () => {
    expect(draftFromUpdate('X', ict, ['werkgroep', 'regiegroep'])?.level).toBe('werkgroep');
  });
  it('refers to an update as werkgroep@period', () => {
    expect(updateRef('wg-ict', 'regiegroep:2026-12-08')).toBe('wg-ict@regiegroep:2026-12-08');
  });
});
