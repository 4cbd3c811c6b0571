// Checks Graph requests against the Graph v1.0 OpenAPI subset the product is built on (a copy of
// ../shared/contracts/graph-v1.0-subset.yaml, plus POST /invitations from Identity.SignIns): the path and method must exist, and every property name in
// a JSON body must exist in the operation's request schema. $batch and the event `cancel` action are not in
// the subset (see contracts/README.md); their documented shapes are checked here.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';

type Schema = {
  $ref?: string;
  allOf?: Schema[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  properties?: Record<string, Schema>;
  items?: Schema;
  type?: string;
  additionalProperties?: unknown;
};
interface Operation {
  requestBody?: { content?: Record<string, { schema?: Schema }> };
}
interface Doc {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
}

export interface Violation {
  kind: 'unknown-path' | 'unknown-method' | 'unknown-property' | 'bad-batch';
  where: string;
  detail: string;
}

const FILE = new URL('./graph-v1.0-subset.yaml', import.meta.url);
let cached: GraphContract | undefined;

export class GraphContract {
  private readonly doc: Doc;

  private readonly templates: { segments: string[]; path: string }[];

  constructor(doc: Doc) {
    this.doc = doc;
    this.templates = Object.keys(doc.paths).map((p) => ({ path: p, segments: p.split('/').filter(Boolean) }));
  }

  static load(): GraphContract {
    cached ??= new GraphContract(parse(readFileSync(FILE, 'utf8')) as Doc);
    return cached;
  }

  private match(path: string): string | undefined {
    const segs = path
      .split('/')
      .filter(Boolean)
      .map((s) => decodeURIComponent(s));
    return this.templates.find(
      (t) =>
        t.segments.length === segs.length &&
        t.segments.every((s, i) => s.startsWith('{') || s.toLowerCase() === segs[i]?.toLowerCase()),
    )?.path;
  }

  private resolve(s: Schema | undefined, seen = new Set<string>()): Schema[] {
    if (!s) return [];
    if (s.$ref) {
      const name = s.$ref.split('/').pop() ?? '';
      if (seen.has(name)) return [];
      seen.add(name);
      return this.resolve(this.doc.components.schemas[name], seen);
    }
    return [s, ...[...(s.allOf ?? []), ...(s.anyOf ?? []), ...(s.oneOf ?? [])].flatMap((x) => this.resolve(x, seen))];
  }

  /** Property names not in the schema (recursively through objects and arrays), as dotted paths. */
  private unknownKeys(value: unknown, schema: Schema | undefined, at: string): string[] {
    if (Array.isArray(value)) {
      const items = this.resolve(schema)
        .map((s) => s.items)
        .find(Boolean);
      return value.flatMap((v, i) => this.unknownKeys(v, items, `${at}[${i}]`));
    }
    if (typeof value !== 'object' || value === null) return [];
    const parts = this.resolve(schema);
    const props: Record<string, Schema> = Object.assign({}, ...parts.map((p) => p.properties ?? {}));
    // A schema that names no properties (open types, derived types chosen by @odata.type) is not checked deeper.
    if (Object.keys(props).length === 0) return [];
    const odataType = (value as Record<string, unknown>)['@odata.type'];
    const derived =
      typeof odataType === 'string' ? this.doc.components.schemas[odataType.replace(/^#/, '')] : undefined;
    const all: Record<string, Schema> = derived
      ? Object.assign({}, props, ...this.resolve(derived).map((p) => p.properties ?? {}))
      : props;
    // A derived type the subset does not carry (e.g. aadUserConversationMember, whose userId/tenantId docs/platform.md#teams-structure
    // documents): its own properties cannot be checked here, only those of the base type it extends.
    const openDerived = typeof odataType === 'string' && !derived;
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => {
      if (k.includes('@odata.')) return [];
      if (!(k in all)) return openDerived ? [] : [`${at}${at ? '.' : ''}${k}`];
      return this.unknownKeys(v, all[k], `${at}${at ? '.' : ''}${k}`);
    });
  }

  checkRequest(req: { method: string; url: string; body?: unknown }): Violation[] {
    const path =
      req.url
        .replace(/^https?:\/\/[^/]+/, '')
        .replace(/^\/v1\.0(?=\/)/, '')
        .split('?')[0] ?? '';
    const method = req.method.toLowerCase();
    const where = `${req.method} ${path}`;
    if (path === '/$batch') return this.checkBatch(req.body);
    if (method === 'post' && /^\/users\/[^/]+\/events\/[^/]+\/cancel$/.test(path)) {
      const extra = Object.keys((req.body ?? {}) as object).filter((k) => k !== 'comment');
      return extra.map((k) => ({ kind: 'unknown-property' as const, where, detail: k }));
    }
    const template = this.match(path);
    if (!template) return [{ kind: 'unknown-path', where, detail: 'no such path in the Graph v1.0 subset' }];
    const op = this.doc.paths[template]?.[method];
    if (!op) return [{ kind: 'unknown-method', where, detail: `${req.method} is not defined on ${template}` }];
    if (req.body === undefined) return [];
    const schema = op.requestBody?.content?.['application/json']?.schema;
    return this.unknownKeys(req.body, schema, '').map((k) => ({ kind: 'unknown-property' as const, where, detail: k }));
  }

  checkBatch(body: unknown): Violation[] {
    const requests = (
      body as { requests?: { id?: string; method?: string; url?: string; body?: unknown }[] } | undefined
    )?.requests;
    if (!Array.isArray(requests)) return [{ kind: 'bad-batch', where: 'POST /$batch', detail: 'no requests array' }];
    const out: Violation[] = [];
    if (requests.length > 20)
      out.push({ kind: 'bad-batch', where: 'POST /$batch', detail: `${requests.length} requests; at most 20` });
    const ids = new Set<string>();
    for (const r of requests) {
      if (!r.id || !r.method || !r.url)
        out.push({ kind: 'bad-batch', where: 'POST /$batch', detail: 'a request needs id, method and url' });
      if (r.id && ids.has(r.id)) out.push({ kind: 'bad-batch', where: 'POST /$batch', detail: `duplicate id ${r.id}` });
      if (r.id) ids.add(r.id);
      if (r.url && r.method)
        out.push(
          ...this.checkRequest({ method: r.method, url: r.url, ...(r.body !== undefined ? { body: r.body } : {}) }),
        );
    }
    return out;
  }
}

export interface Exchange {
  method: string;
  url: string;
  body?: unknown;
}

/** Wraps a fetch and records every Graph request it sends (method, URL, parsed JSON body). */
export function recordingFetch(inner: typeof fetch): { fetch: typeof fetch; exchanges: Exchange[] } {
  const exchanges: Exchange[] = [];
  const wrapped: typeof fetch = async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (/\/v1\.0\//.test(url)) {
      const raw = init?.body;
      let body: unknown;
      if (typeof raw === 'string' && raw) {
        try {
          body = JSON.parse(raw);
        } catch {
          body = raw;
        }
      }
      exchanges.push({ method: (init?.method ?? 'GET').toUpperCase(), url, ...(body !== undefined ? { body } : {}) });
    }
    return inner(input, init);
  };
  return { fetch: wrapped, exchanges };
}
