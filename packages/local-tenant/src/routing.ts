// Matches request paths against OpenAPI-style route patterns ('/teams/{team-id}/channels'), the way Graph
// does: literal segments case-insensitive, key segments (`teams('id')`) treated like `teams/id`.
import type { Route } from './core.ts';

interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

export type MatchResult =
  | { kind: 'match'; match: RouteMatch }
  | { kind: 'method-not-allowed'; allowed: string[] }
  | { kind: 'not-found'; segment: string };

interface CompiledRoute {
  route: Route;
  /** Per segment: a literal (lower-cased) or a parameter name. */
  segments: ({ literal: string } | { param: string })[];
  literals: number;
}

const KEY_SEGMENT = /^([A-Za-z$][\w.$]*)\((.*)\)$/;

/** Splits a raw path into decoded segments, unfolding `name('key')` into `name`, `key`. */
export function pathSegments(rawPath: string): string[] {
  const out: string[] = [];
  for (const raw of rawPath.split('/')) {
    if (raw === '') continue;
    const decoded = safeDecode(raw);
    const key = KEY_SEGMENT.exec(decoded);
    if (key?.[1] && key[2] !== undefined) {
      out.push(key[1]);
      const inner = key[2].trim();
      // OData keys may be quoted ('abc') or bare (a GUID); quotes inside are doubled.
      out.push(
        inner.startsWith("'") && inner.endsWith("'") && inner.length >= 2
          ? inner.slice(1, -1).replaceAll("''", "'")
          : inner,
      );
    } else {
      out.push(decoded);
    }
  }
  return out;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    // A malformed escape is matched literally; the route then simply does not match.
    return segment;
  }
}

function compile(route: Route): CompiledRoute {
  const segments = route.pattern
    .split('/')
    .filter((s) => s !== '')
    .map((s) => {
      const m = /^\{(.+)\}$/.exec(s);
      return m?.[1] ? { param: m[1] } : { literal: s.toLowerCase() };
    });
  return { route, segments, literals: segments.filter((s) => 'literal' in s).length };
}

export class RouteTable {
  private readonly compiled: CompiledRoute[];

  constructor(routes: Route[]) {
    // More literal segments win: '/groups/{group-id}/members/$ref' before '/groups/{group-id}/members/{id}'.
    this.compiled = routes.map(compile).sort((a, b) => b.literals - a.literals);
  }

  match(method: string, rawPath: string): MatchResult {
    const segments = pathSegments(rawPath);
    const allowed = new Set<string>();
    let deepest = 0;
    for (const c of this.compiled) {
      const { params, matched } = matchSegments(c, segments);
      deepest = Math.max(deepest, matched);
      if (!params) continue;
      if (c.route.method === method) return { kind: 'match', match: { route: c.route, params } };
      allowed.add(c.route.method);
    }
    if (allowed.size > 0) return { kind: 'method-not-allowed', allowed: [...allowed] };
    return { kind: 'not-found', segment: segments[deepest] ?? segments[segments.length - 1] ?? '' };
  }
}

function matchSegments(c: CompiledRoute, segments: string[]): { params?: Record<string, string>; matched: number } {
  const params: Record<string, string> = {};
  let matched = 0;
  for (let i = 0; i < Math.min(c.segments.length, segments.length); i++) {
    const spec = c.segments[i];
    const actual = segments[i] as string;
    if (!spec) break;
    if ('literal' in spec) {
      if (spec.literal !== actual.toLowerCase()) return { matched };
    } else {
      params[spec.param] = actual;
    }
    matched = i + 1;
  }
  if (c.segments.length !== segments.length) return { matched };
  return { params, matched };
}

/** The `@odata.context` fragment for a path: `teams('t')/channels`, or `users/$entity` for one item. */
export function contextFragment(pattern: string, params: Record<string, string>, collection: boolean): string {
  const parts = pattern.split('/').filter((s) => s !== '');
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string;
    const m = /^\{(.+)\}$/.exec(part);
    if (m?.[1]) {
      const isLast = i === parts.length - 1;
      if (isLast && !collection) continue;
      const prev = out.pop() ?? '';
      out.push(`${prev}('${(params[m[1]] ?? '').replaceAll("'", "''")}')`);
    } else {
      out.push(part);
    }
  }
  return collection ? out.join('/') : `${out.join('/')}/$entity`;
}
