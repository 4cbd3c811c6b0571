// Bad input that fails before a route's own validation, as a clear refusal instead of a 500: a body the JSON parser
// refuses (malformed, not an object or array, over the limit), a charset other than UTF-8, a path that does not
// decode, and text that cannot be stored as sent (a NUL character: PostgreSQL text cannot hold one; a lone
// surrogate: it would be stored as U+FFFD, silently changed). Used by the API (src/entry/server/api.ts) and the
// bot's endpoint (../bot/transport.ts), each answering in its own error shape.
import type { NextFunction, Request, Response } from 'express';
import type { MessageKey, Params } from '../../domain/i18n.ts';

/** What a bad input is answered with: the HTTP status, a code and the message (../../domain/i18n/api.ts). */
export interface InputRefusal {
  status: 400 | 413 | 415;
  code: 'bad_input' | 'too_large' | 'unsupported_media_type';
  key: MessageKey;
  params: Params;
}

const bad = (key: MessageKey, params: Params = {}): InputRefusal => ({ status: 400, code: 'bad_input', key, params });

/**
 * The refusal for an error raised while reading a request: body-parser's errors by their `type`
 * (https://github.com/expressjs/body-parser#errors) and the router's URIError for a path parameter that does not
 * decode (status 400); undefined for any other error (a fault of ours: the caller answers 500).
 */
export function refusalOf(err: unknown): InputRefusal | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { type?: unknown; limit?: unknown; charset?: unknown; status?: unknown };
  switch (e.type) {
    case 'entity.parse.failed':
      return bad('api.input.badJson');
    case 'entity.too.large':
      return { status: 413, code: 'too_large', key: 'api.input.tooLarge', params: { max: kb(e.limit) } };
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return unsupportedCharset(String(e.charset ?? '?'));
    case 'request.aborted':
    case 'request.size.invalid':
    case 'stream.encoding.set':
      return bad('api.input.badBody');
    default:
      break;
  }
  if (err instanceof URIError) return bad('api.input.badPath');
  return undefined;
}

const kb = (limit: unknown) => (typeof limit === 'number' ? Math.round(limit / 1024) : '?');
const unsupportedCharset = (charset: string): InputRefusal => ({
  status: 415,
  code: 'unsupported_media_type',
  key: 'api.input.charset',
  params: { charset },
});

/** The charset parameter of a Content-Type header, lower case; undefined without one. */
function charsetOf(contentType: string | undefined): string | undefined {
  const m = /;\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(contentType ?? '');
  return m?.[1]?.toLowerCase();
}

/** A NUL character or a lone surrogate: text that cannot be stored as it was sent. */
// eslint-disable-next-line no-control-regex
const UNSTORABLE = /\u0000|[\uD800-\uDFFF]/u;

/**
 * The refusal for what a request carries, or undefined when it may go on: a charset other than UTF-8 (415; JSON
 * between systems is UTF-8, RFC 8259 §8.1), a path segment that does not decode, or a NUL or lone surrogate in the
 * path, a query value or any key or string of the parsed body (400). Walks the body without recursion.
 */
function refusalOfRequest(req: Request): InputRefusal | undefined {
  const charset = charsetOf(req.headers['content-type']);
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return unsupportedCharset(charset);
  for (const segment of req.path.split('/')) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(segment);
    } catch {
      return bad('api.input.badPath');
    }
    if (UNSTORABLE.test(decoded)) return bad('api.input.badText');
  }
  const pending: unknown[] = [req.query, req.body];
  while (pending.length > 0) {
    const value = pending.pop();
    if (typeof value === 'string') {
      if (UNSTORABLE.test(value)) return bad('api.input.badText');
    } else if (typeof value === 'object' && value !== null) {
      for (const [k, v] of Object.entries(value)) {
        if (UNSTORABLE.test(k)) return bad('api.input.badText');
        pending.push(v);
      }
    }
  }
  return undefined;
}

/**
 * Middleware: refuses what `refusalOfRequest` refuses, answered by `answer`. Mount it before the body parser (so a
 * body in another charset is refused as such, not decoded and misread) and again after it (for the body's text).
 */
export function checkInput(answer: (res: Response, r: InputRefusal) => void) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const refusal = refusalOfRequest(req);
    if (refusal) answer(res, refusal);
    else next();
  };
}

/** Error middleware: answers a bad input (refusalOf) with `answer`; passes anything else on. */
export function inputErrors(answer: (res: Response, r: InputRefusal) => void) {
  return (err: unknown, _req: Request, res: Response, next: NextFunction): void => {
    const refusal = refusalOf(err);
    if (refusal) answer(res, refusal);
    else next(err);
  };
}
