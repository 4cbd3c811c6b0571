// Every text-like column of the store's own tables (the migrations' in `public`, pg-boss's in `pgboss`), found
// through information_schema rather than listed by hand, so a table added later is covered too. Used to find and
// to replace what names a person (their name, UPN, e-mail address, Entra object ids) wherever it was written.
import type { Db } from './store.ts';

/** One column that can hold text: `json`/`jsonb` columns are searched in their text form. */
interface TextColumn {
  schema: string;
  table: string;
  column: string;
  kind: 'text' | 'json' | 'jsonb';
}

/** The schemas the product writes: its migrations' tables and pg-boss's (src/adapters/queue/jobs.ts). */
const SCHEMAS = ['public', 'pgboss'];

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The column as `schema.table`, quoted for SQL. */
const tableOf = (c: TextColumn): string => `${quoteIdent(c.schema)}.${quoteIdent(c.table)}`;

/** Every text, varchar, json and jsonb column of a base table in the product's schemas (generated columns left out). */
async function textColumns(db: Db): Promise<TextColumn[]> {
  const r = await db.query<{ table_schema: string; table_name: string; column_name: string; data_type: string }>(
    `SELECT c.table_schema, c.table_name, c.column_name, c.data_type
       FROM information_schema.columns c
       JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
      WHERE c.table_schema = ANY($1) AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
        AND c.data_type IN ('text', 'character varying', 'json', 'jsonb')
      ORDER BY c.table_schema, c.table_name, c.column_name`,
    [SCHEMAS],
  );
  return r.rows.map((row) => ({
    schema: row.table_schema,
    table: row.table_name,
    column: row.column_name,
    kind: row.data_type === 'json' || row.data_type === 'jsonb' ? row.data_type : 'text',
  }));
}

/** A PostgreSQL regular expression (ARE) that matches `literal` exactly. */
const escapeRegex = (literal: string) => literal.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');

/**
 * The pattern matching any of `terms` (case-insensitively, with the `~*` operator or flag `i`) as it is written in a
 * column of `kind`: in json and jsonb text a term appears JSON-escaped (a quote or backslash in it doubled up).
 */
function patternFor(terms: readonly string[], kind: TextColumn['kind']): string {
  const written = (term: string) => (kind === 'text' ? term : JSON.stringify(term).slice(1, -1));
  return terms.map((term) => escapeRegex(written(term))).join('|');
}

const asText = (c: TextColumn) => `${quoteIdent(c.column)}::text`;

/** How many rows of each column mention any of `terms` (case-insensitively); only columns with a mention. */
export async function countMentions(
  db: Db,
  terms: readonly string[],
): Promise<{ table: string; column: string; rows: number }[]> {
  const wanted = terms.filter((term) => term.length > 0);
  if (wanted.length === 0) return [];
  const out: { table: string; column: string; rows: number }[] = [];
  for (const c of await textColumns(db)) {
    const r = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${tableOf(c)} WHERE ${asText(c)} ~* $1`, [
      patternFor(wanted, c.kind),
    ]);
    const n = Number(r.rows[0]?.n ?? 0);
    if (n > 0) out.push({ table: `${c.schema}.${c.table}`, column: c.column, rows: n });
  }
  return out;
}

/**
 * Replaces every mention of `terms` (case-insensitively) in every text-like column by `replacement`, which must not
 * contain a backslash or `&` (regexp_replace's back-references) nor need JSON escaping. Returns the rows changed.
 */
export async function replaceMentions(db: Db, terms: readonly string[], replacement: string): Promise<number> {
  const wanted = terms.filter((term) => term.length > 0);
  if (wanted.length === 0) return 0;
  if (/[\\&"]/.test(replacement)) throw new Error('replacement must not contain \\, & or "');
  let changed = 0;
  for (const c of await textColumns(db)) {
    const pattern = patternFor(wanted, c.kind);
    const cast = c.kind === 'text' ? '' : `::${c.kind}`;
    const r = await db.query(
      `UPDATE ${tableOf(c)} SET ${quoteIdent(c.column)} = regexp_replace(${asText(c)}, $1, $2, 'gi')${cast}
        WHERE ${asText(c)} ~* $1 RETURNING 1 AS one`,
      [pattern, replacement],
    );
    changed += r.rows.length;
  }
  return changed;
}
