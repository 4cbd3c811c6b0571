// OData query options the local tenant applies around handlers: $filter (eq, and, startswith on top-level
// properties), $select, $top as page size, and paging with an opaque $skiptoken in @odata.nextLink.
import { GraphHttpError } from './core.ts';

type Literal = string | number | boolean | null;
type Predicate = (item: Record<string, unknown>) => boolean;

const TOKEN = /\s*(?:(\()|(\))|(,)|('(?:[^']|'')*')|([A-Za-z_][\w.]*)|(-?\d+(?:\.\d+)?))/y;

type Token =
  | { kind: 'open' | 'close' | 'comma' }
  | { kind: 'string'; value: string }
  | { kind: 'word'; value: string }
  | { kind: 'number'; value: number };

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  let pos = 0;
  while (pos < expr.length) {
    if (/^\s*$/.test(expr.slice(pos))) break;
    TOKEN.lastIndex = pos;
    const m = TOKEN.exec(expr);
    if (!m) throw invalidFilter(expr);
    pos = TOKEN.lastIndex;
    if (m[1]) tokens.push({ kind: 'open' });
    else if (m[2]) tokens.push({ kind: 'close' });
    else if (m[3]) tokens.push({ kind: 'comma' });
    else if (m[4]) tokens.push({ kind: 'string', value: m[4].slice(1, -1).replaceAll("''", "'") });
    else if (m[5]) tokens.push({ kind: 'word', value: m[5] });
    else if (m[6]) tokens.push({ kind: 'number', value: Number(m[6]) });
  }
  return tokens;
}

function invalidFilter(expr: string): GraphHttpError {
  return new GraphHttpError(
    400,
    'BadRequest',
    `Invalid filter clause: '${expr}'. Supported here: eq, and, startswith on top-level properties.`,
  );
}

function sameValue(actual: unknown, expected: Literal): boolean {
  if (expected === null) return actual === null || actual === undefined;
  // Directory string comparisons are case-insensitive (userPrincipalName, mail, displayName).
  if (typeof expected === 'string' && typeof actual === 'string')
    return actual.toLowerCase() === expected.toLowerCase();
  return actual === expected;
}

/** Compiles a $filter expression to a predicate; throws a Graph-shaped 400 for anything unsupported. */
export function parseFilter(expr: string): Predicate {
  const tokens = tokenize(expr);
  let i = 0;
  const next = (): Token | undefined => tokens[i++];
  const peek = (): Token | undefined => tokens[i];

  const literal = (): Literal => {
    const t = next();
    if (!t) throw invalidFilter(expr);
    if (t.kind === 'string' || t.kind === 'number') return t.value;
    if (t.kind === 'word' && (t.value === 'true' || t.value === 'false')) return t.value === 'true';
    if (t.kind === 'word' && t.value === 'null') return null;
    throw invalidFilter(expr);
  };
  const property = (): string => {
    const t = next();
    if (t?.kind !== 'word' || t.value.includes('.')) throw invalidFilter(expr);
    return t.value;
  };

  const clause = (): Predicate => {
    const t = next();
    if (t?.kind === 'open') {
      const inner = conjunction();
      if (next()?.kind !== 'close') throw invalidFilter(expr);
      return inner;
    }
    if (t?.kind === 'word' && t.value.toLowerCase() === 'startswith' && peek()?.kind === 'open') {
      next();
      const prop = property();
      if (next()?.kind !== 'comma') throw invalidFilter(expr);
      const prefix = literal();
      if (next()?.kind !== 'close' || typeof prefix !== 'string') throw invalidFilter(expr);
      const lower = prefix.toLowerCase();
      return (item) => typeof item[prop] === 'string' && (item[prop] as string).toLowerCase().startsWith(lower);
    }
    if (t?.kind === 'word') {
      const prop = t.value;
      if (prop.includes('.')) throw invalidFilter(expr);
      const op = next();
      if (op?.kind !== 'word' || op.value.toLowerCase() !== 'eq') throw invalidFilter(expr);
      const value = literal();
      return (item) => sameValue(item[prop], value);
    }
    throw invalidFilter(expr);
  };

  const conjunction = (): Predicate => {
    const parts = [clause()];
    for (;;) {
      const t = peek();
      if (t?.kind === 'word' && t.value.toLowerCase() === 'and') {
        next();
        parts.push(clause());
      } else {
        break;
      }
    }
    return (item) => parts.every((p) => p(item));
  };

  if (tokens.length === 0) throw invalidFilter(expr);
  const predicate = conjunction();
  if (i !== tokens.length) throw invalidFilter(expr);
  return predicate;
}

export function parseSelect(value: string | null): string[] | undefined {
  if (value === null) return undefined;
  const names = value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (names.length === 0) throw new GraphHttpError(400, 'BadRequest', 'Invalid $select: no property named.');
  for (const n of names) {
    if (!/^[A-Za-z_@][\w.@]*$/.test(n)) throw new GraphHttpError(400, 'BadRequest', `Invalid $select property '${n}'.`);
  }
  return names;
}

/** Keeps only the named properties, plus OData annotations (`@odata.etag`, `@odata.type`, …). */
export function applySelect(item: Record<string, unknown>, names: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(item)) {
    if (key.startsWith('@odata.') || names.includes(key)) out[key] = value;
  }
  return out;
}

export function parseTop(value: string | null, max: number): number | undefined {
  if (value === null) return undefined;
  if (!/^\d+$/.test(value.trim())) throw new GraphHttpError(400, 'BadRequest', `Invalid value '${value}' for $top.`);
  const n = Number(value);
  if (n < 1 || n > max)
    throw new GraphHttpError(
      400,
      'BadRequest',
      `Invalid page size specified: '${value}'. Must be between 1 and ${max} inclusive.`,
    );
  return n;
}

export function encodeSkipToken(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeSkipToken(token: string | null): number {
  if (token === null) return 0;
  try {
    const parsed = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as { o?: unknown };
    if (typeof parsed.o === 'number' && Number.isInteger(parsed.o) && parsed.o >= 0) return parsed.o;
  } catch (err) {
    throw new GraphHttpError(
      400,
      'BadRequest',
      `Invalid $skiptoken (${err instanceof Error ? err.name : 'parse error'}).`,
    );
  }
  throw new GraphHttpError(400, 'BadRequest', 'Invalid $skiptoken.');
}

/** The URL of the next page: the same request with $skiptoken replaced. */
export function nextLink(base: string, rawPath: string, query: URLSearchParams, offset: number): string {
  const q = new URLSearchParams(query);
  q.delete('$skiptoken');
  q.set('$skiptoken', encodeSkipToken(offset));
  // OData system options keep their literal '$' (URLSearchParams would encode it as %24).
  return `${base}${rawPath}?${q.toString().replaceAll('%24', '$')}`;
}
