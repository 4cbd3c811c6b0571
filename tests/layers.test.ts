// The layer arrows (domain ← app ← adapters ← entry) and the size guardrails are lint rules: small wrong-way
// files, linted with the project's own eslint.config.js through ESLint's Node API, fail with the rule that forbids
// them; the allowed directions lint clean.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '..') });

/** The rule ids and messages of the errors linting `code` as the file at `filePath` (relative to the repo). */
async function lint(code: string, filePath: string): Promise<{ ruleId: string | null; message: string }[]> {
  const [result] = await eslint.lintText(code, { filePath });
  if (!result) throw new Error(`no lint result for ${filePath}`);
  return result.messages.filter((m) => m.severity === 2).map((m) => ({ ruleId: m.ruleId, message: m.message }));
}

describe('layer rules', () => {
  const wrongWay: [string, string, string, RegExp][] = [
    [
      'domain → adapters',
      'src/domain/x.ts',
      "import { openStore } from '../adapters/store/open.ts';\nexport const s = openStore;\n",
      /domain may not import/,
    ],
    [
      'domain → app',
      'src/domain/work/x.ts',
      "import { decide } from '../../app/access.ts';\nexport const d = decide;\n",
      /domain may not import/,
    ],
    [
      'app → entry',
      'src/app/x.ts',
      "import { main } from '../entry/cli/main.ts';\nexport const m = main;\n",
      /Use cases may not import entry points/,
    ],
    [
      'app → adapters (a value)',
      'src/app/work/x.ts',
      "import { openStore } from '../../adapters/store/open.ts';\nexport const s = openStore;\n",
      /import adapters as types only/,
    ],
    [
      'adapters → entry',
      'src/adapters/x.ts',
      "import { startStack } from '../entry/server/stack.ts';\nexport const s = startStack;\n",
      /Adapters may not import entry points/,
    ],
    [
      'adapters → @regiekamer/local-tenant',
      'src/adapters/x.ts',
      "import { startLocalTenant } from '@regiekamer/local-tenant';\nexport const s = startLocalTenant;\n",
      /local tenant is a test double/,
    ],
    [
      'adapters → packages/local-tenant',
      'src/adapters/graph/x.ts',
      "import { startLocalTenant } from '../../../packages/local-tenant/src/server.ts';\nexport const s = startLocalTenant;\n",
      /local tenant is a test double/,
    ],
    [
      'adapters → the old src/entry/tenant',
      'src/adapters/x.ts',
      "import { startLocalTenant } from '../entry/tenant/server.ts';\nexport const s = startLocalTenant;\n",
      /local tenant is a test double/,
    ],
    [
      'app → the old src/entry/tenant',
      'src/app/x.ts',
      "import type { LocalTenantHandle } from '../entry/tenant/server.ts';\nexport type H = LocalTenantHandle;\n",
      /Use cases may not import entry points|local tenant is a test double/,
    ],
    [
      'entry/server → @regiekamer/local-tenant (not the local start)',
      'src/entry/server/x.ts',
      "import { startLocalTenant } from '@regiekamer/local-tenant';\nexport const s = startLocalTenant;\n",
      /local tenant is a test double/,
    ],
    [
      'adapters → entry by dynamic import()',
      'src/adapters/x.ts',
      "export const load = () => import('../entry/server/stack.ts');\n",
      /Adapters may not import entry points/,
    ],
    [
      'app → adapters by dynamic import()',
      'src/app/x.ts',
      "export const load = () => import('../adapters/store/open.ts');\n",
      /import adapters as types only/,
    ],
    [
      'domain → adapters by dynamic import()',
      'src/domain/x.ts',
      "export const load = () => import('../adapters/store/open.ts');\n",
      /domain may not import/,
    ],
  ];
  for (const [name, filePath, code, message] of wrongWay) {
    it(`refuses ${name}`, async () => {
      const errors = await lint(code, filePath);
      expect(errors.length).toBeGreaterThan(0);
      expect(errors.every((e) => e.ruleId === 'no-restricted-imports' || e.ruleId === 'no-restricted-syntax')).toBe(
        true,
      );
      expect(errors.map((e) => e.message).join('\n')).toMatch(message);
    });
  }

  const allowed: [string, string, string][] = [
    ['app → domain', 'src/app/x.ts', "import { plan } from '../domain/sync/plan.ts';\nexport const p = plan;\n"],
    [
      'app → adapters as a type',
      'src/app/x.ts',
      "import type { Store } from '../adapters/store/store.ts';\nexport type S = Store;\n",
    ],
    ['adapters → app', 'src/adapters/x.ts', "import { decide } from '../app/access.ts';\nexport const d = decide;\n"],
    [
      'entry → app',
      'src/entry/server/x.ts',
      "import { decide } from '../../app/access.ts';\nexport const d = decide;\n",
    ],
    [
      'entry → adapters',
      'src/entry/cli/x.ts',
      "import { openStore } from '../../adapters/store/open.ts';\nexport const s = openStore;\n",
    ],
    [
      'a test → the local tenant',
      'src/adapters/x.test.ts',
      "import { startLocalTenant } from '@regiekamer/local-tenant';\nexport const s = startLocalTenant;\n",
    ],
    [
      'the local start → the local tenant',
      'src/entry/server/stack.ts',
      "export const load = () => import('@regiekamer/local-tenant');\n",
    ],
  ];
  for (const [name, filePath, code] of allowed) {
    it(`allows ${name}`, async () => {
      expect(await lint(code, filePath)).toEqual([]);
    });
  }
});

describe('size guardrails', () => {
  const fn = (lines: number) =>
    `export function long(): number {\n  let n = 0;\n${'  n += 1;\n'.repeat(lines - 4)}  return n;\n}\n`;

  it('refuses a function of 121 lines and allows one of 120', async () => {
    const long = fn(121);
    expect(long.trimEnd().split('\n')).toHaveLength(121);
    expect((await lint(long, 'src/app/x.ts')).map((e) => e.ruleId)).toEqual(['max-lines-per-function']);
    expect(await lint(fn(120), 'src/app/x.ts')).toEqual([]);
  });

  it('refuses a file of 501 lines in src', async () => {
    const file = `export const n = [\n${'  1,\n'.repeat(499)}];\n`;
    expect(file.trimEnd().split('\n')).toHaveLength(501);
    expect((await lint(file, 'src/domain/x.ts')).map((e) => e.ruleId)).toEqual(['max-lines']);
  });
});
