// The one message catalogue for everything a person reads (CLI, bot, the API's messages, the tab): Dutch first,
// English second. Code passes a key and parameters; only the edges (CLI, API, bot, tab) choose the language.
//
// Messages are ICU MessageFormat, formatted by FormatJS's intl-messageformat
// (https://formatjs.github.io/docs/intl-messageformat): `{name}` interpolates, `{count, plural, one {{count} x} other
// {{count} xs}}` picks the plural form from the CLDR rules of the language (Intl.PluralRules), `=0 {…}` matches an
// exact number. The count is printed with `{count}` rather than ICU's `#`: `#` formats the number for the locale
// (1.250, 21,5) while every other number in a message prints as it is, and `{count}` without a value stays visible.
// Pure (no I/O, no node: imports): the domain, the server and the tab's browser bundle all read it.
//
// One deviation from plain ICU: an apostrophe is always a literal apostrophe. In ICU an apostrophe before `{`
// starts quoted text, so "veld '{key}' ontbreekt" would print "{key}" itself; our messages quote names with
// apostrophes all the time, so they are doubled ('' is ICU's literal apostrophe) before the message is compiled.
// The price: a message cannot print a literal `{` or `}` (none needs to; pass it as a parameter). Rich-text tags are
// off (`ignoreTag`): `<cadans>` in a message is text, not an ICU tag.
import IntlMessageFormat from 'intl-messageformat';
import { apiMessages } from './i18n/api.ts';
import { botMessages } from './i18n/bot.ts';
import { checkMessages } from './i18n/checks.ts';
import { cliMessages } from './i18n/cli.ts';
import { domainMessages } from './i18n/domain.ts';
import { identityMessages } from './i18n/identity.ts';
import { preflightMessages } from './i18n/preflight.ts';
import { tabMessages } from './i18n/tab.ts';
import { uitrolMessages } from './i18n/uitrol.ts';
import { privacyMessages } from './i18n/privacy.ts';
import { agendaMessages } from './i18n/agenda.ts';
import { besluitenMessages } from './i18n/besluiten.ts';
import { botLoopMessages } from './i18n/bot-loop.ts';
import { vergaderingMessages } from './i18n/vergadering.ts';
import { agendaItemsMessages } from './i18n/agenda-items.ts';
import { bijeenkomstMessages } from './i18n/bijeenkomst.ts';
import { reportMessages } from './i18n/report.ts';
import { rapportMessages } from './i18n/rapport.ts';
import { programmeFileMessages } from './i18n/programme-file.ts';
import { berichtenMessages } from './i18n/berichten.ts';

export type Lang = 'nl' | 'en';
export const LANGS: readonly Lang[] = ['nl', 'en'];

/** The locale a language formats dates and numbers in (BCP 47), e.g. for toLocaleString. */
export const LOCALE_OF: Readonly<Record<Lang, string>> = { nl: 'nl-NL', en: 'en-GB' };

/** Message parameters by placeholder name; a plural placeholder takes a number. */
export type Params = Record<string, string | number | undefined>;

/** One message in both languages, as ICU MessageFormat source. */
export type Entry = { nl: string; en: string };

type Prefixed<P extends string, M> = { [K in keyof M & string as `${P}${K}`]: M[K] };

function prefixed<P extends string, M extends Record<string, Entry>>(prefix: P, messages: M): Prefixed<P, M> {
  return Object.fromEntries(Object.entries(messages).map(([k, v]) => [`${prefix}${k}`, v])) as Prefixed<P, M>;
}

/** The namespaces, each with the prefix its keys get in the one catalogue (tests check no two keys collide). */
export const NAMESPACES = {
  domain: { prefix: '', messages: domainMessages },
  checks: { prefix: '', messages: checkMessages },
  api: { prefix: '', messages: apiMessages },
  cli: { prefix: '', messages: cliMessages },
  bot: { prefix: 'bot.', messages: botMessages },
  tab: { prefix: 'tab.', messages: tabMessages },
  identity: { prefix: '', messages: identityMessages },
  uitrol: { prefix: '', messages: uitrolMessages },
  preflight: { prefix: '', messages: preflightMessages },
  privacy: { prefix: '', messages: privacyMessages },
  agenda: { prefix: '', messages: agendaMessages },
  besluiten: { prefix: '', messages: besluitenMessages },
  botLoop: { prefix: '', messages: botLoopMessages },
  vergadering: { prefix: '', messages: vergaderingMessages },
  agendaItems: { prefix: '', messages: agendaItemsMessages },
  bijeenkomst: { prefix: '', messages: bijeenkomstMessages },
  report: { prefix: '', messages: reportMessages },
  rapport: { prefix: '', messages: rapportMessages },
  programmeFile: { prefix: '', messages: programmeFileMessages },
  berichten: { prefix: '', messages: berichtenMessages },
} as const;

const catalogue = {
  ...domainMessages,
  ...checkMessages,
  ...apiMessages,
  ...cliMessages,
  ...prefixed('bot.', botMessages),
  ...prefixed('tab.', tabMessages),
  ...identityMessages,
  ...uitrolMessages,
  ...preflightMessages,
  ...privacyMessages,
  ...agendaMessages,
  ...besluitenMessages,
  ...botLoopMessages,
  ...vergaderingMessages,
  ...agendaItemsMessages,
  ...bijeenkomstMessages,
  ...reportMessages,
  ...rapportMessages,
  ...programmeFileMessages,
  ...berichtenMessages,
};

/** Every key of the catalogue; a key that does not exist is a type error at the call. */
export type MessageKey = keyof typeof catalogue;

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(catalogue, key);
}

/** All keys, for tests and tools. */
export function messageKeys(): MessageKey[] {
  return Object.keys(catalogue) as MessageKey[];
}

/** The ICU source of one message in one language, exactly as written in the catalogue. */
export function messageSource(key: MessageKey, lang: Lang): string {
  return catalogue[key][lang];
}

/** The ICU text intl-messageformat compiles: every apostrophe doubled, so it stays literal (see the top). */
export function toIcu(source: string): string {
  return source.replaceAll("'", "''");
}

type Ast = ReturnType<IntlMessageFormat['getAst']>;
/** How a message uses a placeholder: printed as it is, or as the number that picks a plural/select form. */
export type ArgumentKind = 'simple' | 'plural' | 'select';

function collectArguments(ast: Ast, into: Map<string, ArgumentKind>): void {
  for (const el of ast) {
    if ('options' in el) {
      into.set(el.value, 'pluralType' in el ? 'plural' : 'select');
      for (const option of Object.values(el.options)) collectArguments(option.value, into);
    } else if ('children' in el) {
      collectArguments(el.children, into);
    } else if ('value' in el && el.type !== 0 /* TYPE.literal of @formatjs/icu-messageformat-parser */) {
      if (!into.has(el.value)) into.set(el.value, 'simple');
    }
  }
}

function compileSource(source: string, lang: Lang) {
  const format = new IntlMessageFormat(toIcu(source), LOCALE_OF[lang], undefined, { ignoreTag: true });
  const args = new Map<string, ArgumentKind>();
  collectArguments(format.getAst(), args);
  return { format, args };
}

const compiled = new Map<string, ReturnType<typeof compileSource>>();

function compile(key: MessageKey, lang: Lang) {
  const id = `${lang}\u0000${key}`;
  let entry = compiled.get(id);
  if (!entry) {
    entry = compileSource(catalogue[key][lang], lang);
    compiled.set(id, entry);
  }
  return entry;
}

/**
 * The placeholders of a message source written in the catalogue's style and how each is used, e.g.
 * `{ count: 'plural', file: 'simple' }`. Throws intl-messageformat's SyntaxError when the source is not valid ICU.
 */
export function sourceArguments(source: string, lang: Lang): Map<string, ArgumentKind> {
  return compileSource(source, lang).args;
}

/**
 * The message for `key` in `lang`, its placeholders filled from `params`. A placeholder without a value stays
 * visible as `{name}` (as a hint, rather than throwing in the middle of an error message).
 */
export function t(key: MessageKey, params: Params = {}, lang: Lang = 'nl'): string {
  const { format, args } = compile(key, lang);
  const values: Record<string, string | number> = {};
  for (const name of args.keys()) {
    const value = params[name];
    values[name] = value === undefined ? `{${name}}` : value;
  }
  return String(format.format(values));
}

/** One message in both languages, Dutch first: "Nederlands / English" (the API's and the CLI's bilingual form). */
export function both(key: MessageKey, params: Params = {}): string {
  return `${t(key, params, 'nl')} / ${t(key, params, 'en')}`;
}

/** The language a locale or LANG value asks for ('en-US', 'en_GB.UTF-8', 'nl-NL'); `fallback` otherwise. */
export function parseLang(value: string | null | undefined, fallback: Lang = 'nl'): Lang {
  if (!value) return fallback;
  const lower = value.toLowerCase();
  if (lower.startsWith('en')) return 'en';
  if (lower.startsWith('nl')) return 'nl';
  return fallback;
}
