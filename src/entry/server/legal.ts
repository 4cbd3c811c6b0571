// The privacy statement (/privacy) and terms of use (/gebruiksvoorwaarden, also /terms) the Teams manifest points
// to (developer.privacyUrl, developer.termsOfUseUrl under PUBLIC_URL): small HTML pages from the one catalogue, in
// Dutch, or English with ?lang=en or an Accept-Language that prefers English over Dutch. Nothing is personal: the
// same page for everyone, no cookies, no scripts.
import { escapeUTF8 } from 'entities';
import { Router, type Request } from 'express';
import { LANGS, parseLang, t, type Lang, type MessageKey } from '../../domain/i18n.ts';

interface Page {
  title: MessageKey;
  /** Blocks in order: a heading (`h`), a paragraph (`p`) or a list of items (`ul`). */
  blocks: ({ h: MessageKey } | { p: MessageKey } | { ul: MessageKey[] })[];
}

const PRIVACY: Page = {
  title: 'legal.privacy.title',
  blocks: [
    { p: 'legal.privacy.intro' },
    { h: 'legal.privacy.controllerHeading' },
    { p: 'legal.privacy.controller' },
    { h: 'legal.privacy.whatHeading' },
    {
      ul: [
        'legal.privacy.what.identity',
        'legal.privacy.what.work',
        'legal.privacy.what.bot',
        'legal.privacy.what.logs',
      ],
    },
    { h: 'legal.privacy.whyHeading' },
    { p: 'legal.privacy.why' },
    { h: 'legal.privacy.whereHeading' },
    { p: 'legal.privacy.where' },
    { h: 'legal.privacy.rightsHeading' },
    { p: 'legal.privacy.rights' },
    { p: 'legal.privacy.register' },
  ],
};

const TERMS: Page = {
  title: 'legal.terms.title',
  blocks: [
    { p: 'legal.terms.intro' },
    { p: 'legal.terms.use' },
    { p: 'legal.terms.visibility' },
    { p: 'legal.terms.service' },
    { p: 'legal.terms.privacy' },
  ],
};

/** The page's language: `?lang=` when it names one, else the first of nl/en the Accept-Language header prefers. */
function languageOf(req: Request): Lang {
  const asked = typeof req.query.lang === 'string' ? req.query.lang : undefined;
  if (asked) return parseLang(asked, 'nl');
  const preferred = req.acceptsLanguages('nl', 'en');
  return parseLang(typeof preferred === 'string' ? preferred : undefined, 'nl');
}

function block(b: Page['blocks'][number], lang: Lang, privacyLink: string): string {
  const text = (key: MessageKey) => escapeUTF8(t(key, {}, lang));
  if ('h' in b) return `<h2>${text(b.h)}</h2>`;
  if ('ul' in b) return `<ul>${b.ul.map((k) => `<li>${text(k)}</li>`).join('')}</ul>`;
  if (b.p === 'legal.terms.privacy') return `<p><a href="${privacyLink}">${text(b.p)}</a></p>`;
  return `<p>${text(b.p)}</p>`;
}

/** The whole HTML document of one page in one language; the other language is one link away. */
function renderLegalPage(page: 'privacy' | 'terms', lang: Lang, path: string): string {
  const p = page === 'privacy' ? PRIVACY : TERMS;
  const other = LANGS.find((l) => l !== lang) ?? lang;
  const title = escapeUTF8(t(p.title, {}, lang));
  return [
    '<!doctype html>',
    `<html lang="${lang}">`,
    '<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '<style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:46rem;margin:2rem auto;padding:0 1rem;',
    'line-height:1.5;color:#242424}h1{font-size:1.6rem}h2{font-size:1.15rem;margin-top:1.5rem}a{color:#2b5797}</style>',
    '</head><body>',
    `<p><a href="${path}?lang=${other}" hreflang="${other}" lang="${other}">${escapeUTF8(t('legal.otherLanguage', {}, lang))}</a></p>`,
    `<h1>${title}</h1>`,
    ...p.blocks.map((b) => block(b, lang, `/privacy?lang=${lang}`)),
    '</body></html>',
    '',
  ].join('\n');
}

/** GET /privacy, /gebruiksvoorwaarden and /terms (the same terms page). */
export function legalRouter(): Router {
  const router = Router();
  const serve = (page: 'privacy' | 'terms', path: string) =>
    router.get(path, (req, res) => {
      const lang = languageOf(req);
      res
        .status(200)
        .set({ 'Content-Language': lang, Vary: 'Accept-Language', 'Cache-Control': 'public, max-age=3600' })
        .type('html')
        .send(renderLegalPage(page, lang, path));
    });
  serve('privacy', '/privacy');
  serve('terms', '/gebruiksvoorwaarden');
  serve('terms', '/terms');
  return router;
}
