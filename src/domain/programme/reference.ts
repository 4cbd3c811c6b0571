// A Markdown reference of the programme file, generated from the JSON Schema (itself generated from the zod schema),
// so the documentation cannot drift from what `regiekamer validate` accepts.
import { REFERENCE_PROSE } from './reference-prose.ts';
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  oneOf?: JsonSchema[];
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
};

interface Row {
  path: string;
  type: string;
  required: boolean;
  def: string;
  notes: string;
}

const PATTERN_NAMES: Record<string, string> = {
  '^[a-z0-9][a-z0-9-]{0,62}$': 'id',
  '^([01]\\d|2[0-3]):[0-5]\\d$': 'tijd `UU:MM`',
  '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$': 'GUID',
};
const FORMAT_NAMES: Record<string, string> = {
  date: 'datum `JJJJ-MM-DD`',
  uri: 'URL',
  'iana-time-zone': 'tijdzone (IANA)',
};
const TYPE_NAMES: Record<string, string> = {
  string: 'tekst',
  number: 'getal',
  integer: 'geheel getal',
  boolean: '`true` \\| `false`',
  object: 'object',
};

function typeOf(s: JsonSchema): string {
  if (s.const !== undefined) return `\`${JSON.stringify(s.const)}\``;
  if (s.enum) return s.enum.map((e) => `\`${String(e)}\``).join(' \\| ');
  if (s.type === 'array') return `lijst van ${s.items ? typeOf(s.items) : '?'}`;
  // A union without a discriminator (waitsOn: an id or a small object) has no sections below: name its variants.
  const plain = s.anyOf?.every((v) => !Object.values(v.properties ?? {}).some((p) => p.const !== undefined));
  if (s.anyOf && plain)
    return s.anyOf
      .map((v) => (v.type === 'object' && v.properties ? `\`{ ${Object.keys(v.properties).join(', ')} }\`` : typeOf(v)))
      .join(' \\| ');
  if (s.oneOf || s.anyOf) return 'een van de varianten hieronder';
  if (s.type === 'object') return 'object';
  if (s.type === 'string' && s.format) return FORMAT_NAMES[s.format] ?? `tekst (${s.format})`;
  if (s.type === 'string' && s.pattern) {
    if (s.pattern.includes('@')) return 'UPN of e-mailadres';
    if (s.pattern.startsWith('^(?=')) return 'domeinnaam';
    return PATTERN_NAMES[s.pattern] ?? `tekst \`${s.pattern}\``;
  }
  const type = Array.isArray(s.type) ? s.type[0] : s.type;
  return type ? (TYPE_NAMES[type] ?? type) : '?';
}

function notesOf(s: JsonSchema): string {
  const parts: string[] = [];
  if (s.description) parts.push(s.description);
  if (s.minimum !== undefined || s.maximum !== undefined) parts.push(`bereik ${s.minimum ?? '…'}–${s.maximum ?? '…'}`);
  if (s.maxLength !== undefined) parts.push(`max. ${s.maxLength} tekens`);
  return parts.join(' ');
}

function walk(
  s: JsonSchema,
  path: string,
  required: boolean,
  rows: Row[],
  sections: { title: string; rows: Row[] }[],
): void {
  if (path) {
    rows.push({
      path,
      type: typeOf(s),
      required,
      def: s.default === undefined ? '' : `\`${JSON.stringify(s.default)}\``,
      notes: notesOf(s),
    });
  }
  const variants = s.oneOf ?? s.anyOf;
  if (variants) {
    for (const v of variants) {
      const disc = Object.entries(v.properties ?? {}).find(([, p]) => p.const !== undefined);
      const title = disc ? `\`${path}\` met \`${disc[0]}: ${String(disc[1].const)}\`` : `\`${path}\``;
      const sub: Row[] = [];
      walk({ ...v, description: undefined }, '', false, sub, sections);
      for (const [k, p] of Object.entries(v.properties ?? {}))
        walk(p, `${path}.${k}`, (v.required ?? []).includes(k), sub, sections);
      sections.push({ title, rows: sub });
    }
    return;
  }
  if (s.type === 'object' && s.properties) {
    for (const [k, p] of Object.entries(s.properties))
      walk(p, path ? `${path}.${k}` : k, (s.required ?? []).includes(k), rows, sections);
  }
  if (s.type === 'array' && s.items && (s.items.properties || s.items.oneOf))
    walk({ ...s.items, description: undefined }, `${path}[]`, false, rows, sections);
}

function table(rows: Row[]): string {
  const head = '| veld | type | verplicht | standaard | toelichting |\n| --- | --- | --- | --- | --- |';
  return [
    head,
    ...rows
      .filter((r) => !r.path.endsWith('[]') || r.type !== 'object')
      .map(
        (r) =>
          `| \`${r.path}\` | ${r.type} | ${r.required ? 'ja' : ''} | ${r.def} | ${r.notes.replace(/\|/g, '\\|')} |`,
      ),
  ].join('\n');
}

export function programmeReference(schema: JsonSchema): string {
  const rows: Row[] = [];
  const sections: { title: string; rows: Row[] }[] = [];
  walk(schema, '', true, rows, sections);
  return [
    '# Het programmabestand — referentie',
    '',
    '<!-- Gegenereerd met `npx regiekamer schema --reference docs/programmabestand.md`; niet met de hand bewerken. -->',
    '',
    schema.description ?? '',
    '',
    "Naast deze structuur controleert `regiekamer validate` de samenhang: unieke id's, verwijzingen naar bestaande",
    'personen, organen, gemeenten en vakgebieden, precies één host-gemeente, trekkers die lid zijn van hun werkgroep,',
    "geen kringloop in afhankelijkheden, tenant-id's voor gedeelde kanalen, data en tijden in volgorde en binnen bereik.",
    '',
    table(rows),
    '',
    ...REFERENCE_PROSE,
    ...sections.flatMap((sec) => [`## ${sec.title}`, '', table(sec.rows), '']),
  ].join('\n');
}
