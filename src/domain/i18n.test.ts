// The one catalogue: every key in Dutch and English with the same placeholders, valid ICU, plural forms
// that render right in both languages, apostrophes that stay literal, and namespaces that do not collide.
import IntlMessageFormat from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import {
  both,
  LANGS,
  messageKeys,
  messageSource,
  NAMESPACES,
  sourceArguments,
  t,
  toIcu,
  type MessageKey,
} from './i18n.ts';
import { bt } from './bot/messages.ts';

type Ast = ReturnType<IntlMessageFormat['getAst']>;

/** Each plural/select placeholder with the option keys it offers ('one', 'other', '=0', ...). */
function optionsOf(ast: Ast, into = new Map<string, Set<string>>()): Map<string, Set<string>> {
  for (const el of ast) {
    if ('options' in el) {
      const set = into.get(el.value) ?? new Set<string>();
      for (const [k, option] of Object.entries(el.options)) {
        set.add(k);
        optionsOf(option.value, into);
      }
      into.set(el.value, set);
    } else if ('children' in el) optionsOf(el.children, into);
  }
  return into;
}

/** How the two languages' placeholders differ: '' when they have the same names, each used the same way. */
function placeholderDifference(nl: string, en: string): string {
  const a = [...sourceArguments(nl, 'nl')].sort();
  const b = [...sourceArguments(en, 'en')].sort();
  return JSON.stringify(a) === JSON.stringify(b) ? '' : `nl ${JSON.stringify(a)} en ${JSON.stringify(b)}`;
}

const astOf = (key: MessageKey, lang: 'nl' | 'en') =>
  new IntlMessageFormat(toIcu(messageSource(key, lang)), lang, undefined, { ignoreTag: true }).getAst();

describe('the message catalogue', () => {
  it('has every key in Dutch and in English, non-empty and valid ICU, with the same placeholders used the same way', () => {
    const keys = messageKeys();
    expect(keys.length).toBeGreaterThan(400);
    const mismatches: string[] = [];
    for (const key of keys) {
      for (const lang of LANGS) {
        expect(messageSource(key, lang).trim(), `${key} (${lang}) is empty`).not.toBe('');
      }
      const difference = placeholderDifference(messageSource(key, 'nl'), messageSource(key, 'en'));
      if (difference) mismatches.push(`${key}: ${difference}`);
    }
    expect(mismatches).toEqual([]);
  });

  it('tells a missing, renamed or differently used placeholder apart (the comparison above can fail)', () => {
    const nl = '{file}: {count, plural, one {# probleem} other {# problemen}}';
    expect(placeholderDifference(nl, '{file}: {count, plural, one {# problem} other {# problems}}')).toBe('');
    expect(placeholderDifference(nl, '{count, plural, one {# problem} other {# problems}}')).not.toBe('');
    expect(placeholderDifference(nl, '{file}: {n, plural, one {# problem} other {# problems}}')).not.toBe('');
    expect(placeholderDifference(nl, '{file}: {count} problem(s)')).not.toBe('');
    expect(() => placeholderDifference('{file', '{file}')).toThrow();
  });

  it('offers an other form in every plural and only forms the language has (CLDR, via Intl.PluralRules)', () => {
    const problems: string[] = [];
    for (const key of messageKeys()) {
      for (const lang of LANGS) {
        const categories = new Set<string>(new Intl.PluralRules(lang).resolvedOptions().pluralCategories);
        for (const [arg, options] of optionsOf(astOf(key, lang))) {
          if (!options.has('other')) problems.push(`${key} (${lang}) {${arg}} has no other`);
          if (sourceArguments(messageSource(key, lang), lang).get(arg) !== 'plural') continue;
          for (const o of options)
            if (!o.startsWith('=') && !categories.has(o))
              problems.push(`${key} (${lang}) {${arg}}: ${o} is not a ${lang} plural form`);
        }
      }
    }
    expect(problems).toEqual([]);
  });

  it('keeps the namespaces apart: no key of one hides a key of another', () => {
    const total = Object.values(NAMESPACES).reduce((n, ns) => n + Object.keys(ns.messages).length, 0);
    expect(messageKeys()).toHaveLength(total);
  });

  it('renders plural forms for 0, 1 and 2 in both languages', () => {
    const forms = (key: MessageKey, param: string, extra: Record<string, string> = {}) =>
      LANGS.map((lang) => [0, 1, 2].map((n) => t(key, { ...extra, [param]: n }, lang)));
    expect(forms('validate.failed', 'count', { file: 'p.yaml' })).toEqual([
      ['p.yaml: 0 problemen gevonden', 'p.yaml: 1 probleem gevonden', 'p.yaml: 2 problemen gevonden'],
      ['p.yaml: 0 problems found', 'p.yaml: 1 problem found', 'p.yaml: 2 problems found'],
    ]);
    expect(forms('sync.plan.header', 'count', { programme: 'BEL' })).toEqual([
      ['Plan voor BEL: 0 wijzigingen', 'Plan voor BEL: 1 wijziging', 'Plan voor BEL: 2 wijzigingen'],
      ['Plan for BEL: 0 changes', 'Plan for BEL: 1 change', 'Plan for BEL: 2 changes'],
    ]);
    expect(forms('tab.age', 'n')).toEqual([
      ['vandaag', 'gisteren', '2 dagen geleden'],
      ['today', 'yesterday', '2 days ago'],
    ]);
    expect(forms('bot.age', 'n')).toEqual([
      ['vandaag', '1 dag oud', '2 dagen oud'],
      ['today', '1 day old', '2 days old'],
    ]);
    expect(forms('tab.vierks.actions', 'n')).toEqual([
      ['0 acties dragen bij', '1 actie draagt bij', '2 acties dragen bij'],
      ['0 actions contribute', '1 action contributes', '2 actions contribute'],
    ]);
    expect(
      forms('cli.start.syncDone', 'drift', {
        created: '1',
        updated: '0',
        unchanged: '3',
        skipped: '0',
        failed: '0',
      })[0],
    ).toEqual([
      '  Sync       1 gemaakt, 0 bijgewerkt, 3 ongewijzigd, 0 overgeslagen, 0 mislukt; 0 afwijkingen',
      '  Sync       1 gemaakt, 0 bijgewerkt, 3 ongewijzigd, 0 overgeslagen, 0 mislukt; 1 afwijking',
      '  Sync       1 gemaakt, 0 bijgewerkt, 3 ongewijzigd, 0 overgeslagen, 0 mislukt; 2 afwijkingen',
    ]);
    expect(
      t('validate.ok', { file: 'f', name: 'P', gemeenten: 1, people: 1, bodies: 2, werkgroepen: 1, cadences: 0 }, 'nl'),
    ).toBe('f: geldig — P: 1 gemeente, 1 persoon, 2 organen (1 werkgroep), 0 overlegritmes');
  });

  it('prints apostrophes around a placeholder literally, where plain ICU would quote the placeholder away', () => {
    expect(messageSource('required', 'nl')).toBe("verplicht veld '{key}' ontbreekt");
    // The pitfall this catalogue avoids: ICU reads '{key}' as quoted text.
    expect(new IntlMessageFormat(messageSource('required', 'nl'), 'nl').format({ key: 'id' })).toBe(
      'verplicht veld {key} ontbreekt',
    );
    expect(t('required', { key: 'id' }, 'nl')).toBe("verplicht veld 'id' ontbreekt");
    expect(t('required', { key: 'id' }, 'en')).toBe("required field 'id' is missing");
    expect(t('sync.reason.disabled', { person: 'Fictief', upn: 'f@x.nl' }, 'en')).toBe(
      "Fictief's account (f@x.nl) is disabled",
    );
    expect(bt('help.unknown', { text: 'hallo' }, 'en')).toBe("I don't recognise that: 'hallo'.");
    expect(t('tab.nav.vierks', {}, 'nl')).toBe("De vier K's");
    // A Luxon pattern keeps its own quoting, untouched.
    expect(bt('format.submittedAt', {}, 'nl')).toBe("d LLLL yyyy 'om' HH:mm");
  });

  it('leaves a missing parameter visible, prints <…> as text, and joins both languages Dutch first', () => {
    expect(t('dup.id', { id: 'wg-a' }, 'nl')).toBe("dubbel id 'wg-a' (ook gebruikt op regel {otherLine})");
    expect(t('validate.failed', { file: 'f' }, 'en')).toBe('f: {count} problems found');
    expect(both('cli.help.bijeenkomst')).toBe(
      'de bijeenkomst: <cadans>:<JJJJ-MM-DD>, bv. regiegroep:2026-12-08 / the meeting: <cadence>:<YYYY-MM-DD>, e.g. regiegroep:2026-12-08',
    );
    expect(both('api.badInput', { detail: 'x' })).toBe(
      'ongeldige invoer (x); er is niets gewijzigd / invalid input (x); nothing was changed',
    );
  });

  it('prints numbers as they are, a plural count too (a port stays 4443, a median 21.5)', () => {
    expect(both('cli.start.portInUse', { port: 4443 })).toBe(
      'Poort 4443 is al in gebruik; kies een andere met PORT=… / port 4443 is in use; set PORT=…',
    );
    expect(t('file.tooLarge', { size: 12_000_000, max: 10_000_000 }, 'nl')).toBe(
      'het bestand is te groot (12000000 bytes; maximaal 10000000)',
    );
    expect(t('cli.besluiten.median', { level: 'werkgroep', days: 21.5, count: 4 }, 'nl')).toBe(
      'werkgroep 21.5 dagen (4)',
    );
    expect(t('sync.plan.header', { programme: 'P', count: 1250 }, 'nl')).toBe('Plan voor P: 1250 wijzigingen');
  });
});
