// Every user-facing string comes from the one catalogue (src/domain/i18n.ts and src/domain/i18n/): no source file
// outside it branches on the language (`lang === 'nl' ? … : …`, `case 'en':`), joins the two languages by hand in a
// literal ('Gestopt. / Stopped.'), or keeps a private { nl, en } table. The scan reads the TypeScript syntax tree, so
// comments and code such as `a / b` do not count; it is run on sample sources too, so it can be seen to fail.
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '..');

/** A letter-ish word end, " / ", then a word: "Gestopt. / Stopped.", "mislukt / failed". Not "a / b" in code. */
const BILINGUAL = /[\p{L}.…)!?'’] \/ \(?[\p{L}]/u;
const LANGUAGE = new Set(['nl', 'en']);

/** The places in one source file that pick or join languages outside the catalogue, as "line: what". */
export function languageBranches(source: string, fileName = 'sample.ts'): string[] {
  const file = ts.createSourceFile(
    fileName,
    source,
    ts.ScriptTarget.Latest,
    true,
    fileName.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS,
  );
  const found: string[] = [];
  const at = (node: ts.Node, what: string) =>
    found.push(`${file.getLineAndCharacterOfPosition(node.getStart(file)).line + 1}: ${what}`);
  const isLanguage = (node: ts.Node) => ts.isStringLiteralLike(node) && LANGUAGE.has(node.text);
  const visit = (node: ts.Node): void => {
    if (
      ts.isBinaryExpression(node) &&
      [
        ts.SyntaxKind.EqualsEqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsEqualsToken,
        ts.SyntaxKind.EqualsEqualsToken,
        ts.SyntaxKind.ExclamationEqualsToken,
      ].includes(node.operatorToken.kind) &&
      (isLanguage(node.left) || isLanguage(node.right))
    ) {
      at(node, `language branch ${node.getText(file)}`);
    } else if (ts.isCaseClause(node) && isLanguage(node.expression)) {
      at(node, `language case ${node.expression.getText(file)}`);
    } else if (
      (ts.isStringLiteral(node) ||
        ts.isNoSubstitutionTemplateLiteral(node) ||
        ts.isTemplateHead(node) ||
        ts.isTemplateMiddle(node) ||
        ts.isTemplateTail(node) ||
        ts.isJsxText(node)) &&
      BILINGUAL.test(node.text)
    ) {
      at(node, `bilingual literal ${JSON.stringify(node.text)}`);
    } else if (ts.isObjectLiteralExpression(node)) {
      const names = new Set(
        node.properties.map((p) =>
          p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) ? p.name.text : '',
        ),
      );
      if (names.has('nl') && names.has('en')) at(node, 'private { nl, en } message table');
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

async function sourceFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await sourceFiles(full)));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const isCatalogue = (rel: string) => rel === 'src/domain/i18n.ts' || rel.startsWith('src/domain/i18n/');

describe('user-facing strings come from the catalogue', () => {
  it('finds language branches, hand-joined bilingual literals and private tables in a sample', () => {
    const sample = [
      "const a = lang === 'nl' ? 'dagen' : 'days';",
      "if ('en' !== opts.lang) go();",
      "switch (lang) { case 'nl': break; }",
      "write('Gestopt. / Stopped.');",
      'write(`  Sync       mislukt / failed: ${error}`);',
      "const words = { none: { nl: 'Geen acties.', en: 'No actions.' } };",
      'const el = <p>Laden… / Loading…</p>;',
    ].join('\n');
    expect(languageBranches(sample, 'sample.tsx')).toEqual([
      "1: language branch lang === 'nl'",
      "2: language branch 'en' !== opts.lang",
      "3: language case 'nl'",
      '4: bilingual literal "Gestopt. / Stopped."',
      '5: bilingual literal "  Sync       mislukt / failed: "',
      '6: private { nl, en } message table',
      '7: bilingual literal "Laden… / Loading…"',
    ]);
  });

  it('leaves code, comments and the catalogue calls alone', () => {
    const sample = [
      '// Dutch first / English second, as the API does',
      'const ratio = `${load} / ${hours}`;',
      'const half = total / 2;',
      "const s = both('cli.stopped');",
      "const mode = kind === 'nl-NL' ? 1 : 2;",
      "const url = 'https://example.org/a/b';",
    ].join('\n');
    expect(languageBranches(sample)).toEqual([]);
  });

  it('finds none in src/ outside the catalogue module and the tests', async () => {
    const files = await sourceFiles(path.join(root, 'src'));
    expect(files.length).toBeGreaterThan(100);
    const findings: string[] = [];
    for (const file of files) {
      const rel = path.relative(root, file).split(path.sep).join('/');
      if (isCatalogue(rel)) continue;
      for (const f of languageBranches(await readFile(file, 'utf8'), file)) findings.push(`${rel}:${f}`);
    }
    expect(findings).toEqual([]);
  });
});
