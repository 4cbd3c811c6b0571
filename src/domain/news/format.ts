// The news message's text format (issue 16 §3): a small, safe Markdown subset that a person can type in the tab and
// that renders both to an Adaptive Card (Teams' TextBlock renders a Markdown subset:
// https://learn.microsoft.com/microsoftteams/platform/task-modules-and-cards/cards/cards-format#markdown-formatting-for-adaptive-cards)
// and to a standalone HTML page for the gemeenten's intranets. Only these constructs mean anything:
//   `## Kop` (also `#` or `###`)   a heading (one level, below the message's title)
//   `- punt` (also `* punt`)       a bullet; consecutive bullets form one list
//   `**vet**`                      bold text inside a line
//   a blank line                   ends a paragraph; other lines of a paragraph are joined with a space
// Everything else is text: links, images, HTML and other Markdown are shown as typed (escaped), never interpreted,
// so a message cannot carry a script or a link the writer did not see. Pure.
import { plain, type Card } from '../bot/cards.ts';

/** A piece of a line: plain text or bold text. */
export type Inline = { text: string; bold: boolean };

/** One block of the message body. */
export type NewsBlock =
  { kind: 'heading'; text: Inline[] } | { kind: 'paragraph'; text: Inline[] } | { kind: 'list'; items: Inline[][] };

/** `**bold**` pairs in `line` as bold pieces; an unpaired `**` stays text. */
const inlines = (line: string): Inline[] => {
  const parts = line.split('**');
  // An even number of parts means an odd number of markers: the last one has no partner and stays literal.
  const pairs =
    parts.length % 2 === 1 ? parts : [...parts.slice(0, -2), `${parts.at(-2) ?? ''}**${parts.at(-1) ?? ''}`];
  return pairs.map((text, i) => ({ text, bold: i % 2 === 1 })).filter((p) => p.text !== '');
};

const HEADING = /^#{1,3}\s+(.*)$/;
const BULLET = /^[-*]\s+(.*)$/;

/** The blocks of `body` (the format above); blank and whitespace-only lines separate blocks. */
export const parseNews = (body: string): NewsBlock[] => {
  const blocks: NewsBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] = [];
  const flush = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', text: inlines(paragraph.join(' ')) });
    if (list.length) blocks.push({ kind: 'list', items: list.map(inlines) });
    paragraph = [];
    list = [];
  };
  for (const raw of body.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    if (line === '') flush();
    else if (heading) {
      flush();
      blocks.push({ kind: 'heading', text: inlines(heading[1] ?? '') });
    } else if (bullet) {
      if (paragraph.length) flush();
      list.push(bullet[1] ?? '');
    } else {
      if (list.length) flush();
      paragraph.push(line);
    }
  }
  flush();
  return blocks;
};

/** Card text of pieces: escaped for Teams' Markdown (./cards.ts plain), bold as `**…**`. */
const cardText = (pieces: Inline[]): string =>
  pieces.map((p) => (p.bold ? `**${plain(p.text)}**` : plain(p.text))).join('');

type Element = Record<string, unknown>;
const textBlock = (s: string, o: Element = {}): Element => ({ type: 'TextBlock', text: s, wrap: true, ...o });

/**
 * The message as an Adaptive Card 1.5 (Teams renders 1.5 at most, docs/platform.md#bot-and-messages): the title as
 * a heading, then per block a TextBlock — headings bold, list items as "• " lines. `footer` (optional) is a subtle
 * last line.
 */
export const newsCard = (o: { title: string; body: string; footer?: string | undefined }): Card => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    textBlock(plain(o.title, 200), { size: 'Large', weight: 'Bolder', style: 'heading' }),
    ...parseNews(o.body).flatMap((b): Element[] =>
      b.kind === 'heading'
        ? [textBlock(cardText(b.text), { size: 'Medium', weight: 'Bolder', spacing: 'Medium', style: 'heading' })]
        : b.kind === 'paragraph'
          ? [textBlock(cardText(b.text))]
          : b.items.map((item, i) => textBlock(`• ${cardText(item)}`, i === 0 ? {} : { spacing: 'None' })),
    ),
    ...(o.footer ? [textBlock(plain(o.footer), { isSubtle: true, size: 'Small', spacing: 'Medium' })] : []),
  ],
});

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** `s` safe as HTML text and attribute value. */
const escapeHtml = (s: string): string => s.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

const htmlText = (pieces: Inline[]): string =>
  pieces.map((p) => (p.bold ? `<strong>${escapeHtml(p.text)}</strong>` : escapeHtml(p.text))).join('');

/**
 * The message as a standalone HTML page for an intranet: `lang` on the root, the title as the one h1, headings as
 * h2, lists as ul; every piece of text escaped; no scripts, no external resources, inline CSS only.
 */
export const newsHtml = (o: { title: string; body: string; lang: string; footer?: string | undefined }): string => {
  const body = parseNews(o.body)
    .map((b) =>
      b.kind === 'heading'
        ? `<h2 style="font-size:1.25em;margin:1.2em 0 0.4em">${htmlText(b.text)}</h2>`
        : b.kind === 'paragraph'
          ? `<p>${htmlText(b.text)}</p>`
          : `<ul>${b.items.map((i) => `<li>${htmlText(i)}</li>`).join('')}</ul>`,
    )
    .join('\n');
  const footer = o.footer ? `\n<footer><p style="color:#555;font-size:0.9em">${escapeHtml(o.footer)}</p></footer>` : '';
  return [
    '<!DOCTYPE html>',
    `<html lang="${escapeHtml(o.lang)}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(o.title)}</title>`,
    '</head>',
    '<body style="font-family:Segoe UI,Arial,sans-serif;line-height:1.5;max-width:42em;margin:2em auto;padding:0 1em;color:#1b1b1b">',
    '<main>',
    '<article>',
    `<h1 style="font-size:1.6em;margin:0 0 0.6em">${escapeHtml(o.title)}</h1>`,
    body,
    '</article>',
    '</main>',
    footer,
    '</body>',
    '</html>',
    '',
  ].join('\n');
};
