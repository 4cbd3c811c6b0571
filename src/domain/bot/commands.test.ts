// Commands in Dutch and English, forgiving about case, mentions and small typos; werkgroepen by id or name;
// and the update card's validation: required fields, K notes, values echoed so nothing is lost.
import { describe, expect, it } from 'vitest';
import { loadProgramme } from '../../../tests/helpers/programmes.ts';
import { parseCommand, resolveAgendaBody, resolveWerkgroep } from './commands.ts';
import { validateUpdate, valuesOf } from './update.ts';

const blnp = await loadProgramme('blnp');

describe('parseCommand', () => {
  it.each([
    ['help', 'help', undefined, undefined],
    ['HELP', 'help', undefined, undefined],
    ['hulp', 'help', undefined, 'nl'],
    ['?', 'help', undefined, undefined],
    ['', 'help', undefined, undefined],
    ['<at>Regiekamer</at> help', 'help', undefined, undefined],
    ['mijn acties', 'mijn-acties', undefined, 'nl'],
    ['Mijn Acties', 'mijn-acties', undefined, 'nl'],
    ['mjin acties', 'mijn-acties', undefined, 'nl'],
    ['mijn actie', 'mijn-acties', undefined, 'nl'],
    ['acties', 'mijn-acties', undefined, 'nl'],
    ['my actions', 'mijn-acties', undefined, 'en'],
    ['My Actoins', 'mijn-acties', undefined, 'en'],
    ['status financien', 'status', 'financien', undefined],
    ['stauts Financiën', 'status', 'Financiën', undefined],
    ['Status   wg-ict', 'status', 'wg-ict', undefined],
    ['status', 'status', undefined, undefined],
    ['update', 'update', undefined, undefined],
    ['updaet ICT', 'update', 'ICT', undefined],
    ['voortgang', 'update', undefined, 'nl'],
    ['besluiten', 'besluiten', undefined, 'nl'],
    ['besluitne', 'besluiten', undefined, 'nl'],
    ['decisions', 'besluiten', undefined, 'en'],
    ['Decisoins', 'besluiten', undefined, 'en'],
    // 'besluit' was read as a typo of 'besluiten' until it became the command that proposes a decision (issue 18).
    ['besluit', 'besluit', undefined, 'nl'],
    ['besluit Nieuwe fietsenregeling', 'besluit', 'Nieuwe fietsenregeling', 'nl'],
    ['<at>Regiekamer</at> Besluit: ICT-contract verlengen', 'besluit', 'ICT-contract verlengen', 'nl'],
    ['beslut', 'besluit', undefined, 'nl'],
    ['voorstel Verrekenmodel vaststellen', 'besluit', 'Verrekenmodel vaststellen', 'nl'],
    ['decision Extend the ICT contract', 'besluit', 'Extend the ICT contract', 'en'],
    ['decision', 'besluit', undefined, 'en'],
    ['propose', 'besluit', undefined, 'en'],
    ['agenda', 'agenda', undefined, undefined],
    ['Agenda regiegroep', 'agenda', 'regiegroep', undefined],
    ['agnda Projectgroep Harmonisatie', 'agenda', 'Projectgroep Harmonisatie', undefined],
    ['/help', 'help', undefined, undefined],
    ['<at>Regiekamer</at>&nbsp;Mijn acties graag', 'mijn-acties', undefined, 'nl'],
    ['<p><at>Regie\u00adkamer</at> status <b>Financiën</b></p>', 'status', 'Financiën', undefined],
    ['STATUS Werkgroep Juridische Zaken', 'status', 'Werkgroep Juridische Zaken', undefined],
  ] as const)('%j → %s', (text, command, arg, lang) => {
    const c = parseCommand(text);
    expect(c.command).toBe(command);
    expect(c.arg).toBe(arg);
    expect(c.lang).toBe(lang);
  });

  it.each(['goedemorgen', 'wat is het weer', 'besluiten nemen is leuk', 'decisions are slow', 'xyz', 'stat'])(
    '%j is not a command (help follows)',
    (text) => {
      expect(parseCommand(text).command).toBe('unknown');
    },
  );
});

describe('resolveWerkgroep', () => {
  it('finds a werkgroep by id, name, without "werkgroep", ignoring case, accents and a typo', () => {
    const fin = blnp.bodies.find((b) => b.id === 'wg-financien');
    expect(fin?.kind).toBe('werkgroep');
    for (const q of [
      'wg-financien',
      'WG-FINANCIEN',
      fin?.name ?? '',
      'financien',
      'Financiën',
      'financein',
      'finan',
      ' FINANCIËN ',
    ]) {
      expect(resolveWerkgroep(q, blnp)).toEqual({ id: 'wg-financien' });
    }
  });

  it('resolves the short names people use', () => {
    expect(resolveWerkgroep('jz', blnp)).toEqual({ id: 'wg-jz' });
    expect(resolveWerkgroep('juridische zaken', blnp)).toEqual({ id: 'wg-jz' });
    expect(resolveWerkgroep('verrekenmodl', blnp)).toEqual({ id: 'wg-verrekenmodel' });
  });

  it('offers candidates when it cannot choose', () => {
    const r = resolveWerkgroep('concept', blnp);
    expect('candidates' in r && r.candidates.map((c) => c.id).sort()).toEqual([
      'wg-dienstverleningsconcept',
      'wg-huisvestingsconcept',
    ]);
    const none = resolveWerkgroep('zwembad', blnp);
    expect('candidates' in none).toBe(true);
  });
});

describe('validateUpdate', () => {
  const base = {
    werkgroep: 'wg-ict',
    period: 'regiegroep:2026-12-08',
    status: 'aandacht',
    progress: 'Netwerk gekoppeld.',
  };

  it('accepts a complete update and keeps only what was filled in', () => {
    const r = validateUpdate(
      {
        ...base,
        successes: ' Eerste koppeling live ',
        ks: 'kwaliteit,kosten',
        k_kwaliteit_note: 'minder storingen',
        k_kosten_note: 'één contract',
        actions: 'a1,a2',
      },
      { programme: blnp, knownActionIds: new Set(['a1', 'a2']) },
      'nl',
    );
    expect(r).toEqual({
      ok: true,
      update: {
        ...base,
        successes: 'Eerste koppeling live',
        ks: [
          { k: 'kwaliteit', note: 'minder storingen' },
          { k: 'kosten', note: 'één contract' },
        ],
        actionIds: ['a1', 'a2'],
      },
    });
    if (r.ok) expect(validateUpdate(valuesOf(r.update), { programme: blnp }, 'nl')).toEqual(r);
  });

  it('refuses missing and wrong fields with messages per field, in Dutch or English, echoing every value', () => {
    const input = {
      werkgroep: 'wg-zwembad',
      period: '',
      status: 'prima',
      progress: '   ',
      nextSteps: 'Plan maken',
      ks: 'kansen,koffie',
      actions: 'a9',
    };
    const nl = validateUpdate(input, { programme: blnp, knownActionIds: new Set(['a1']) }, 'nl');
    expect(nl.ok).toBe(false);
    if (nl.ok) return;
    expect(nl.errors.map((e) => e.field).sort()).toEqual([
      'actions',
      'k_kansen_note',
      'ks',
      'period',
      'progress',
      'status',
      'werkgroep',
    ]);
    expect(nl.errors.find((e) => e.field === 'progress')?.message).toBe('Voortgang is verplicht');
    expect(nl.values).toMatchObject({ nextSteps: 'Plan maken', ks: 'kansen,koffie', werkgroep: 'wg-zwembad' });
    const en = validateUpdate(input, { programme: blnp }, 'en');
    expect(!en.ok && en.errors.find((e) => e.field === 'progress')?.message).toBe('Progress is required');
  });

  it('refuses text that is too long, and a projectgroep as werkgroep', () => {
    const r = validateUpdate({ ...base, progress: 'x'.repeat(2001) }, { programme: blnp }, 'nl');
    expect(!r.ok && r.errors.map((e) => e.field)).toEqual(['progress']);
    const pg = validateUpdate({ ...base, werkgroep: 'pg-harmonisatie' }, { programme: blnp }, 'nl');
    expect(!pg.ok && pg.errors.map((e) => e.field)).toEqual(['werkgroep']);
  });
});

describe('mentions as Teams writes them (issue 14 §7)', () => {
  // The bot's own mention in the forms real Teams clients send: with the entity's id attribute, followed by a
  // non-breaking space (raw or as &nbsp;), around nested tags, not at the start, HTML-encoded, and listed in the
  // activity's entities (whose `text` is removed wherever it stands).
  const bot = '<at id="28:a1b2c3d4-0000-4000-8000-000000000001">Regiekamer</at>';
  it.each([
    [`${bot} update ict`, []],
    ['<at id="0">Regiekamer</at> update ict', ['<at id="0">Regiekamer</at>']],
    [`${bot}&nbsp;update ict`, []],
    [`${bot}\u00a0update ict`, []],
    [`<p>${bot} update ict</p>`, []],
    ['<at id="0"><span itemprop="name">Regiekamer</span></at> update ict', []],
    ['<AT ID="0">Regiekamer</AT>   update   ict', []],
    [`update ict ${bot}`, []],
    [`update ${bot} ict`, []],
    ['&lt;at id=&quot;0&quot;&gt;Regiekamer&lt;/at&gt; update ict', []],
    ['<div><div><at id="0">Regiekamer</at>&nbsp;update ict</div>\n</div>', []],
    // Only the entity says where the mention is: the Skype-style text without tags.
    ['Regiekamer update ict', ['Regiekamer']],
  ] as const)('%j → update ict', (text, mentions) => {
    expect(parseCommand(text, mentions)).toMatchObject({ command: 'update', arg: 'ict' });
  });

  it('keeps what was not understood without the mention, to show it', () => {
    expect(parseCommand(`${bot} goedemiddag`, [bot])).toMatchObject({ command: 'unknown', text: 'goedemiddag' });
  });
});

describe('the language of what a person wrote', () => {
  it.each([
    ['hoe werkt dit?', 'help', 'nl'],
    ['Hoe werkt dit', 'help', 'nl'],
    ['wat moet ik doen', 'help', 'nl'],
    ['wat moet ik doen?', 'help', 'nl'],
    ['how does this work?', 'help', 'en'],
    ['what can you do', 'help', 'en'],
    ['ik snap het niet', 'unknown', 'nl'],
    ['kun je me helpen', 'unknown', 'nl'],
    ['can you help me', 'unknown', 'en'],
    ['good morning', 'unknown', 'en'],
    ['goedemorgen', 'unknown', 'nl'],
    // Words both languages share, or a name, decide nothing.
    ['status ict', 'status', undefined],
    ['update', 'update', undefined],
    ['help', 'help', undefined],
    ['hello', 'unknown', undefined],
  ] as const)('%j → %s in %s', (text, command, lang) => {
    const c = parseCommand(text);
    expect(c.command).toBe(command);
    expect(c.lang).toBe(lang);
  });
});

describe('resolveAgendaBody', () => {
  it('takes the regiegroep without words, and a body by kind, id, name or a near spelling', () => {
    expect(resolveAgendaBody(undefined, blnp)).toEqual({ id: 'regiegroep' });
    for (const q of ['regiegroep', 'Regiegroep', 'regigroep'])
      expect(resolveAgendaBody(q, blnp)).toEqual({ id: 'regiegroep' });
    for (const q of ['pg-harmonisatie', 'Projectgroep Harmonisatie', 'harmonisatie'])
      expect(resolveAgendaBody(q, blnp)).toEqual({ id: 'pg-harmonisatie' });
  });
  it('asks which body when the words fit several or none (a werkgroep has no agenda)', () => {
    const choose = ['Regiegroep', 'Projectgroep Harmonisatie', 'Projectgroep Inrichting GR'];
    expect(resolveAgendaBody('projectgroep', blnp)).toEqual({ choose });
    expect(resolveAgendaBody('Werkgroep ICT', blnp)).toEqual({ choose });
  });
});
