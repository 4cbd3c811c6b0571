// What a person typed to the bot, as a command: Dutch or English, any case, mentions and markup stripped,
// small typos forgiven (edit distance, fastest-levenshtein). Anything else is 'unknown' and gets help.
import { decodeHTML } from 'entities';
import { distance } from 'fastest-levenshtein';
import type { Lang } from '../i18n.ts';
import type { Programme } from '../programme/schema.ts';
import { textLang } from './language.ts';

type CommandName = 'help' | 'mijn-acties' | 'status' | 'update' | 'besluiten' | 'besluit' | 'agenda' | 'unknown';

export interface Command {
  command: CommandName;
  arg?: string;
  /** The language the words were in; absent when they do not decide it (help, status, update, agenda, a name). */
  lang?: Lang;
  /** unknown only: the words as written, without mentions and markup (to say what was not understood). */
  text?: string;
}

/** Spellings per command; the language of the one matched is the language the answer is in. */
const WORDS: { words: string; command: Exclude<CommandName, 'unknown'>; lang?: Lang; takesArg?: boolean }[] = [
  { words: 'help', command: 'help' },
  { words: 'hulp', command: 'help', lang: 'nl' },
  { words: 'menu', command: 'help' },
  { words: '?', command: 'help' },
  { words: 'mijn acties', command: 'mijn-acties', lang: 'nl' },
  { words: 'acties', command: 'mijn-acties', lang: 'nl' },
  { words: 'my actions', command: 'mijn-acties', lang: 'en' },
  { words: 'my tasks', command: 'mijn-acties', lang: 'en' },
  { words: 'status', command: 'status', takesArg: true },
  { words: 'update', command: 'update', takesArg: true },
  { words: 'voortgang', command: 'update', lang: 'nl', takesArg: true },
  { words: 'besluiten', command: 'besluiten', lang: 'nl' },
  { words: 'besluitenlijst', command: 'besluiten', lang: 'nl' },
  { words: 'decisions', command: 'besluiten', lang: 'en' },
  // Propose a decision (the rest of the message is its title) and the next meeting's agenda (the rest names the body).
  { words: 'besluit', command: 'besluit', lang: 'nl', takesArg: true },
  { words: 'voorstel', command: 'besluit', lang: 'nl', takesArg: true },
  { words: 'decision', command: 'besluit', lang: 'en', takesArg: true },
  { words: 'propose', command: 'besluit', lang: 'en', takesArg: true },
  { words: 'agenda', command: 'agenda', takesArg: true },
  // Questions a newcomer asks: they get the help, in their language.
  { words: 'hoe werkt dit', command: 'help', lang: 'nl' },
  { words: 'hoe werkt het', command: 'help', lang: 'nl' },
  { words: 'wat kan ik doen', command: 'help', lang: 'nl' },
  { words: 'wat kun je', command: 'help', lang: 'nl' },
  { words: 'wat moet ik doen', command: 'help', lang: 'nl' },
  { words: 'how does this work', command: 'help', lang: 'en' },
  { words: 'what can you do', command: 'help', lang: 'en' },
  { words: 'what can i do', command: 'help', lang: 'en' },
  { words: 'what should i do', command: 'help', lang: 'en' },
];

/** Every spelling as written, to tell an exact command word from a typo of another. */
const EXACT = new Set(WORDS.map((w) => w.words));

/** Lower case, no diacritics, single spaces. */
function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
}

const AT = /<at(?:\s[^>]*)?>[\s\S]*?<\/at\s*>/gi;

/**
 * The words of a message without its mentions and markup. Teams writes a mention into the text as an `<at>`
 * element — with attributes (`<at id="0">`), around nested tags, anywhere in the text, sometimes HTML-encoded —
 * and lists it in the activity's entities (type mention, its `text` the exact element): those texts are removed
 * first, then any `<at>` element left, then other tags; entities are decoded (&nbsp; is a space).
 * See docs/platform.md#bot-and-messages.
 */
function plainText(text: string, mentions: readonly string[]): string {
  const strip = (s: string) => mentions.reduce((acc, m) => (m ? acc.split(m).join(' ') : acc), s).replace(AT, ' ');
  return strip(decodeHTML(strip(text)))
    .replace(/<[^>]+>/g, ' ')
    .replace(/\u00a0/g, ' ')
    .trim();
}

/** One swap of two neighbouring letters ('stauts'), which Levenshtein counts as two edits, counts as one. */
function typoCost(a: string, b: string): number {
  const d = distance(a, b);
  if (d !== 2 || a.length !== b.length) return d;
  const diff = [...a].flatMap((ch, i) => (ch !== b[i] ? [i] : []));
  return diff.length === 2 &&
    diff[1] === (diff[0] as number) + 1 &&
    a[diff[0] as number] === b[diff[1] as number] &&
    a[diff[1] as number] === b[diff[0] as number]
    ? 1
    : d;
}

/** How many typos a word of this length may have. */
const tolerance = (word: string) => (word.length <= 3 ? 0 : word.length <= 6 ? 1 : 2);

/**
 * The command in a message's text. `mentions`: the texts of the activity's mention entities (Teams: entities of
 * type mention, each `text` as it stands in the message), removed wherever they stand.
 */
export function parseCommand(input: string, mentions: readonly string[] = []): Command {
  const words = plainText(input, mentions);
  const text = fold(words)
    .replace(/^\/+/, '')
    .replace(/(?<=.)[?!.]+$/, '')
    .trim();
  if (text === '') return { command: 'help' };
  const tokens = text.split(' ');
  let best: { entry: (typeof WORDS)[number]; cost: number; used: number } | undefined;
  for (const entry of WORDS) {
    const n = entry.words.split(' ').length;
    if (tokens.length < n || (!entry.takesArg && tokens.length > n + 1)) continue;
    const head = tokens.slice(0, n).join(' ');
    const cost = typoCost(head, entry.words);
    if (cost > tolerance(entry.words)) continue;
    // A command word written exactly is never a typo of another one ('besluiten nemen…' is not 'besluit nemen…').
    if (cost > 0 && EXACT.has(head)) continue;
    // Prefer the closest, then the longest phrase (so 'mijn acties' beats 'acties').
    if (!best || cost < best.cost || (cost === best.cost && n > best.used)) best = { entry, cost, used: n };
  }
  if (!best) {
    const lang = textLang(words);
    return { command: 'unknown', text: words, ...(lang ? { lang } : {}) };
  }
  const rest = words.replace(/^\/+/, '').trim().split(/\s+/).slice(best.used).join(' ').trim();
  const lang = best.entry.lang ? { lang: best.entry.lang } : {};
  if (!best.entry.takesArg && rest !== '' && !/^(please|graag|aub|a\.u\.b\.)$/i.test(rest))
    return { command: 'unknown', text: words, ...lang };
  return { command: best.entry.command, ...lang, ...(best.entry.takesArg && rest !== '' ? { arg: rest } : {}) };
}

export type WerkgroepMatch = { id: string } | { candidates: { id: string; name: string }[] };

/** A werkgroep by id (also without its prefix: 'jz' for 'wg-jz') or name: exact (folded) first, then a unique prefix or near match; otherwise candidates. */
export function resolveWerkgroep(arg: string, programme: Programme): WerkgroepMatch {
  const groups = programme.bodies
    .filter((b) => b.kind === 'werkgroep')
    .map((b) => ({
      id: b.id,
      name: b.name,
      keys: [
        fold(b.id),
        fold(b.id).replace(/^[a-z]{1,4}-(?=.)/, ''),
        fold(b.name),
        fold(b.name.replace(/^werkgroep\s+/i, '')),
      ],
    }));
  const q = fold(arg);
  const exact = groups.filter((g) => g.keys.includes(q));
  if (exact.length === 1 && exact[0]) return { id: exact[0].id };
  const partial = groups.filter((g) => g.keys.some((k) => q.length >= 3 && (k.startsWith(q) || k.includes(q))));
  if (partial.length === 1 && partial[0]) return { id: partial[0].id };
  const scored = groups
    .map((g) => ({ g, cost: Math.min(...g.keys.map((k) => distance(k, q))) }))
    .sort((a, b) => a.cost - b.cost);
  const first = scored[0];
  if (first && first.cost <= tolerance(q) && (scored[1]?.cost ?? Infinity) > first.cost) return { id: first.g.id };
  const pool = partial.length > 0 ? partial : scored.slice(0, 5).map((s) => s.g);
  return { candidates: pool.map((g) => ({ id: g.id, name: g.name })) };
}

/**
 * The regiegroep or projectgroep an `agenda` command names: by id, name or kind ('regiegroep'), folded, a unique
 * prefix or near match; without words the first regiegroep. Otherwise the bodies there are to choose from.
 */
export function resolveAgendaBody(
  arg: string | undefined,
  programme: Programme,
): { id: string } | { choose: string[] } {
  const bodies = programme.bodies.filter((b) => b.kind === 'regiegroep' || b.kind === 'projectgroep');
  const names = bodies.map((b) => b.name);
  if (!arg) {
    const first = bodies.find((b) => b.kind === 'regiegroep') ?? bodies[0];
    return first ? { id: first.id } : { choose: names };
  }
  const q = fold(arg);
  const keyed = bodies.map((b) => ({ id: b.id, keys: [fold(b.id), fold(b.name)] }));
  const byKind = bodies.filter((b) => fold(b.kind) === q);
  if (byKind.length === 1 && byKind[0]) return { id: byKind[0].id };
  const exact = keyed.filter((b) => b.keys.includes(q));
  if (exact.length === 1 && exact[0]) return { id: exact[0].id };
  const partial = keyed.filter((b) => q.length >= 3 && b.keys.some((k) => k.startsWith(q) || k.includes(q)));
  if (partial.length === 1 && partial[0]) return { id: partial[0].id };
  const scored = keyed
    .map((b) => ({ id: b.id, cost: Math.min(...b.keys.map((k) => distance(k, q))) }))
    .sort((a, b) => a.cost - b.cost);
  const first = scored[0];
  if (first && first.cost <= tolerance(q) && (scored[1]?.cost ?? Infinity) > first.cost) return { id: first.id };
  return { choose: names };
}
