// From the bytes of a programme file to a validated Programme, or to every problem with its line and column.
// Pure: the caller reads the file; this only looks at bytes and text.
import { load } from 'js-yaml';
import { CST, isMap, isPair, isScalar, isSeq, Parser, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { t, isMessageKey, type Lang, type MessageKey, type Params } from '../i18n.ts';
import { ProgrammeSchema, type Programme } from './schema.ts';
import { checkSchedule } from './schedule-checks.ts';
import { checkSemantics, type Path } from './semantics.ts';
import { checkLimits } from './limits.ts';
import { decodeProgrammeText, lineColumn } from './decode.ts';
import { MAX_DEPTH, tooDeepInSource, yamlFault } from './yaml-limits.ts';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;

export interface Problem {
  file: string;
  line: number;
  col: number;
  key: MessageKey;
  params: Params;
  path: Path;
  /** 'warning': shown, but the file is valid (exit 0); absent: an error. */
  severity?: 'warning';
}

/** A valid programme with its warnings, or every problem (errors; warnings when they were found too). */
export type ParseResult =
  | { ok: true; programme: Programme; text: string; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings?: Problem[] };

function formatPath(path: Path): string {
  return path.reduce<string>(
    (out, part) => (typeof part === 'number' ? `${out}[${part}]` : out ? `${out}.${part}` : part),
    '',
  );
}

export function problemMessage(p: Problem, lang: Lang = 'nl'): string {
  const where = p.path.length ? ` [${formatPath(p.path)}]` : '';
  return `${t(p.key, p.params, lang)}${where}`;
}

export function formatProblem(p: Problem, lang: Lang = 'nl'): string {
  const message = problemMessage(p, lang);
  return `${p.file}:${p.line}:${p.col} ${p.severity === 'warning' ? t('validate.warning', { message }, lang) : message}`;
}

/**
 * The programme in `bytes` (the file named `file` in problems), or every problem with its line and column. Reads
 * UTF-8 and UTF-16 and CR, LF and CR LF line ends alike (./decode.ts). Never throws: whatever goes wrong while
 * reading, parsing or checking the file — including a fault of this code — is a problem with a place.
 */
export function parseProgramme(bytes: Uint8Array, file: string): ParseResult {
  try {
    return parseUnguarded(bytes, file);
  } catch (err) {
    const detail = firstLine(err instanceof Error ? err.message : String(err));
    return { ok: false, problems: [{ file, line: 1, col: 1, key: 'file.unexpected', params: { detail }, path: [] }] };
  }
}

function parseUnguarded(bytes: Uint8Array, file: string): ParseResult {
  const at = (key: MessageKey, params: Params = {}, line = 1, col = 1): ParseResult => ({
    ok: false,
    problems: [{ file, line, col, key, params, path: [] }],
  });

  if (bytes.byteLength > MAX_FILE_BYTES) return at('file.tooLarge', { size: bytes.byteLength, max: MAX_FILE_BYTES });
  const decoded = decodeProgrammeText(bytes);
  if (!decoded.ok) return at(decoded.key, decoded.params, decoded.line, decoded.col);
  const { text } = decoded;
  if (text.trim() === '') return at('file.empty');

  const pos = lineColumn(text);
  let doc: Document | undefined;
  let data: unknown = fastData(text);
  if (data === undefined) {
    const full = fullData(text, file, pos);
    if (!full.ok) return full.result;
    ({ doc, data } = full);
  }
  if (data === null || data === undefined) return at('file.empty');
  if (typeof data !== 'object' || Array.isArray(data)) return at('yaml.notMapping');

  // Places come from yaml's Document, built only when a problem or warning needs one.
  const locate = (path: Path, keyNode = false) => {
    doc ??= parseDocument(text, DOCUMENT_OPTIONS);
    const offset = offsetOf(doc, path, keyNode);
    const { line, col } = pos(offset);
    return { line, col };
  };
  const problems: Problem[] = [];

  const parsed = ProgrammeSchema.safeParse(data, { reportInput: true });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push(...fromZodIssue(issue, data, file, locate));
  }
  for (const issue of [...checkSemantics(data), ...checkLimits(data)]) {
    const params: Params = { ...issue.params };
    if (issue.relatedPath) params.otherLine = locate(issue.relatedPath).line;
    problems.push({ file, ...locate(issue.path), key: issue.key, params, path: issue.path });
  }
  const warnings: Problem[] = [];
  for (const issue of parsed.success ? checkSchedule(parsed.data) : []) {
    const params: Params = { ...issue.params };
    if (issue.relatedPath) params.otherLine = locate(issue.relatedPath).line;
    const problem: Problem = { file, ...locate(issue.path), key: issue.key, params, path: issue.path };
    if (issue.severity === 'warning') warnings.push({ ...problem, severity: 'warning' });
    else problems.push(problem);
  }
  const byPlace = (a: Problem, b: Problem) => a.line - b.line || a.col - b.col;
  if (problems.length > 0 || !parsed.success) {
    return {
      ok: false,
      problems: dedupe(withoutGenericTooLong(problems)).sort(byPlace),
      warnings: warnings.sort(byPlace),
    };
  }
  return { ok: true, programme: parsed.data, text, warnings: warnings.sort(byPlace) };
}

const DOCUMENT_OPTIONS = { prettyErrors: false, uniqueKeys: true, keepSourceTokens: false } as const;

/**
 * The data of `text` read the fast way: js-yaml (YAML 1.2 core schema, as yaml's default) builds it straight from the
 * text, about ten times faster than yaml's Document for a 10,000-person file (`npm run bench`). Undefined whenever the
 * careful path must look: any error (syntax, a duplicate key, more than one document), an alias (bombs and unknown
 * aliases are judged there), or nesting near MAX_DEPTH. The careful path then reads the text again and says where.
 * Docs: https://github.com/nodeca/js-yaml#load-string---options- (maxAliases, maxDepth, json).
 */
export function fastData(text: string): unknown {
  try {
    return load(text, { maxAliases: 0, maxDepth: MAX_DEPTH - 2, json: false });
  } catch {
    return undefined;
  }
}

/** The data of `text` read with yaml's Document, which knows every node's place; or the problems found, with places. */
function fullData(
  text: string,
  file: string,
  pos: (offset: number) => { line: number; col: number },
): { ok: true; doc: Document; data: unknown } | { ok: false; result: ParseResult } {
  const at = (key: MessageKey, params: Params, offset: number): { ok: false; result: ParseResult } => ({
    ok: false,
    result: { ok: false, problems: [{ file, ...pos(offset), key, params, path: [] }] },
  });
  const doc = parseDocument(text, DOCUMENT_OPTIONS);

  if (doc.errors.some((e) => e.code === 'RESOURCE_EXHAUSTION')) {
    const deep = tooDeepInSource(text);
    if (deep !== undefined) return at('yaml.tooDeep', { max: MAX_DEPTH }, deep);
  }
  if (doc.errors.length > 0) {
    const problems = doc.errors.map((e): Problem => {
      // An unclosed quote is reported by yaml at the end of the file; point at the quote that was opened instead.
      const opened = e.code === 'MISSING_CHAR' && /quote/i.test(e.message) ? unclosedQuoteOffset(text) : undefined;
      const { line, col } = pos(opened ?? e.pos[0]);
      const specific = `yaml.${e.code}`;
      const key: MessageKey = isMessageKey(specific) ? specific : 'yaml.syntax';
      const detail = firstLine(e.message).replace(/ at line \d+, column \d+:?$/, '');
      return { file, line, col, key, params: { detail }, path: [] };
    });
    return { ok: false, result: { ok: false, problems } };
  }
  // Nesting, unknown aliases and alias bombs are refused where they are, before the data is built.
  const fault = yamlFault(doc);
  if (fault) return at(fault.key, fault.params, fault.offset);
  // yamlFault bounds what aliases expand to (with a place); yaml's own guard would throw without one.
  return { ok: true, doc, data: doc.toJS({ maxAliasCount: -1 }) };
}

function unclosedQuoteOffset(text: string): number | undefined {
  let found: number | undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const part of [item.key, item.value]) {
        if (found !== undefined || !part) continue;
        if (part.type === 'double-quoted-scalar' || part.type === 'single-quoted-scalar') {
          const quote = part.type === 'double-quoted-scalar' ? '"' : "'";
          const source = part.source.trimEnd();
          if (source.length < 2 || !source.endsWith(quote)) found = part.offset;
        }
      }
    });
  }
  return found;
}

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}

/** A Graph limit (limits.ts) says more than the schema's generic "too long" at the same place: keep the first. */
function withoutGenericTooLong(problems: Problem[]): Problem[] {
  const limited = new Set(problems.filter((p) => p.key === 'limit.tooLong').map((p) => `${p.line}:${p.col}`));
  return problems.filter((p) => p.key !== 'format.tooLong' || !limited.has(`${p.line}:${p.col}`));
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.line}:${p.col}:${p.key}:${JSON.stringify(p.params)}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function valueAt(data: unknown, path: Path): unknown {
  let cur: unknown = data;
  for (const part of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string | number, unknown>)[part];
  }
  return cur;
}

type Locate = (path: Path, keyNode?: boolean) => { line: number; col: number };

function fromZodIssue(issue: z.core.$ZodIssue, data: unknown, file: string, locate: Locate): Problem[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const mk = (p: Path, key: MessageKey, params: Params = {}, keyNode = false): Problem => ({
    file,
    ...locate(p, keyNode),
    key,
    params,
    path: p,
  });

  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => mk([...path, k], 'unknownKey', { key: k }, true));
    case 'invalid_type': {
      if (valueAt(data, path) === undefined) {
        const key = path[path.length - 1];
        return [mk(path.slice(0, -1), 'required', { key: String(key ?? '') })];
      }
      if (isMessageKey(issue.message)) return [mk(path, issue.message)];
      if (issue.expected === 'array') return [mk(path, 'type.array')];
      if (issue.expected === 'object') return [mk(path, 'type.object')];
      return [mk(path, 'type.generic', { expected: issue.expected })];
    }
    case 'invalid_union': {
      // A discriminated union (body kind, rule type): zod points at the discriminator itself.
      const key: MessageKey = isMessageKey(issue.message) ? issue.message : 'invalid.generic';
      if ('discriminator' in issue && valueAt(data, path) === undefined) {
        return [mk(path.slice(0, -1), 'required', { key: String(path[path.length - 1] ?? '') })];
      }
      return [mk(path, key)];
    }
    default: {
      if (isMessageKey(issue.message)) return [mk(path, issue.message)];
      if (issue.code === 'too_big' || issue.code === 'too_small') return [mk(path, 'range.generic')];
      if (issue.code === 'invalid_value') return [mk(path, 'enum.generic')];
      return [mk(path, 'invalid.generic')];
    }
  }
}

/** Offset in the text of the node at `path` (or of its key), falling back to the nearest existing parent. */
function offsetOf(doc: Document, path: Path, keyNode: boolean): number {
  let node: Node | null | undefined = doc.contents as Node | null;
  let best = node?.range?.[0] ?? 0;
  for (let i = 0; i < path.length; i++) {
    const part = path[i];
    if (isMap(node)) {
      const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === part);
      if (!pair) return best;
      const last = i === path.length - 1;
      const keyRange = isScalar(pair.key) ? pair.key.range : undefined;
      if (last && keyNode && keyRange) return keyRange[0];
      node = pair.value as Node | null;
      const range = node?.range ?? keyRange;
      if (range) best = range[0];
      else if (keyRange) best = keyRange[0];
    } else if (isSeq(node) && typeof part === 'number') {
      const item = node.items[part] as Node | undefined;
      if (!item) return best;
      node = item;
      if (item.range) best = item.range[0];
    } else {
      return best;
    }
  }
  return best;
}
