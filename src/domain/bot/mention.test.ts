// The ask in a shared channel @mentions its person the way Teams documents mentions in Adaptive Cards: the `<at>`
// element in a TextBlock, the same text in `msteams.entities` (type mention, mentioned id and name), and the person
// in the data of every Action.Execute; the card itself still validates against Adaptive Cards 1.5.
import { readFile } from 'node:fs/promises';
import AjvModule from 'ajv';
import ajvFormats from 'ajv-formats';
import draft6 from 'ajv/dist/refs/json-schema-draft-06.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { updateCard } from './cards.ts';
import { FOR_KEY, mentionCard } from './mention.ts';

const schemaText = await readFile(new URL('./adaptive-card.schema.json', import.meta.url), 'utf8');
const ajv = new AjvModule.default({ strict: false, allErrors: true });
ajv.addMetaSchema(draft6);
ajvFormats.default(ajv);
const { id: _id, ...schema } = JSON.parse(schemaText) as Record<string, unknown>;
const validate = ajv.compile(schema);

const blnp = await loadProgramme('blnp');
const base = updateCard({
  programme: blnp,
  werkgroep: 'wg-hrm',
  period: 'regiegroep:2026-12-08',
  periodLabel: 'Regiegroep, dinsdag 8 december 2026',
  editable: true,
  openActions: [],
  refreshUserIds: [],
  intro: 'De regiegroep vergadert op dinsdag 8 december.',
  lang: 'nl',
});

describe('a card that mentions its person', () => {
  it('mentions them in a TextBlock and in msteams.entities with the same <at> text, their UPN and name', () => {
    const card = mentionCard(
      base,
      { personId: 'th-hrm', name: 'Linda Koster', upn: 'linda.koster@nijkerk.example' },
      'nl',
    );
    const first = (card['body'] as { type: string; text: string }[])[0];
    expect(first).toEqual({ type: 'TextBlock', text: '<at>Linda Koster</at>, deze vraag is voor jou.', wrap: true });
    expect(card['msteams']).toEqual({
      entities: [
        {
          type: 'mention',
          text: '<at>Linda Koster</at>',
          mentioned: { id: 'linda.koster@nijkerk.example', name: 'Linda Koster' },
        },
      ],
    });
    // The rest of the card is the card it was.
    expect((card['body'] as unknown[]).slice(1)).toEqual(base['body']);
    const en = mentionCard(base, { personId: 'th-hrm', name: 'Linda Koster', upn: 'l@n.example' }, 'en');
    expect((en['body'] as { text: string }[])[0]?.text).toBe('<at>Linda Koster</at>, this question is for you.');
  });

  it('puts the person in the data of the submit and of the refresh', () => {
    const card = mentionCard(base, { personId: 'th-hrm', name: 'Linda Koster', upn: 'l@n.example' }, 'nl');
    const submit = (card['actions'] as { verb: string; data: Record<string, unknown> }[])[0];
    expect(submit?.verb).toBe('update.submit');
    expect(submit?.data).toEqual({ werkgroep: 'wg-hrm', period: 'regiegroep:2026-12-08', [FOR_KEY]: 'th-hrm' });
    const refresh = card['refresh'] as { action: { data: Record<string, unknown> } };
    expect(refresh.action.data[FOR_KEY]).toBe('th-hrm');
    // The base card is untouched.
    expect(JSON.stringify(base)).not.toContain(FOR_KEY);
  });

  it('keeps a name with angle brackets one <at> element', () => {
    const card = mentionCard(base, { personId: 'x', name: 'A <b>B</b> & C', upn: 'x@y.example' }, 'nl');
    const entity = (card['msteams'] as { entities: { text: string }[] }).entities[0];
    expect(entity?.text).toBe('<at>A b B /b C</at>');
    expect((card['body'] as { text: string }[])[0]?.text.startsWith(entity?.text ?? '?')).toBe(true);
  });

  it('validates against Adaptive Cards 1.5 apart from Teams’ msteams extension', () => {
    const { msteams: _m, ...card } = mentionCard(
      base,
      { personId: 'th-hrm', name: 'Linda Koster', upn: 'l@n.example' },
      'nl',
    );
    const ok = validate(card);
    expect(ok ? [] : validate.errors?.slice(0, 5)).toEqual([]);
  });
});
