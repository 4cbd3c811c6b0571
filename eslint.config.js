// Lint rules, including the layer rules that make the arrows binding: domain ← app ← adapters ← entry.
//
// - src/domain is pure: no I/O modules, no environment, no clock, and it imports nothing from app, adapters,
//   entry or platform.
// - src/app holds the use cases. It may import the domain. It reaches I/O only through (a) ports it declares
//   itself (small interfaces such as PlannerGraph or Directory, implemented in src/adapters and handed in by the
//   entry points) or (b) `import type` from src/adapters (types erase at runtime, so no adapter code is loaded
//   by a use case). A value import of an adapter from src/app is an error; so is any import of src/entry.
// - src/adapters do I/O (store, Graph, bot transport, queue, files) and may import app and domain, not entry.
// - src/entry (server, CLI, tab) wires everything together.
// - The local tenant (packages/local-tenant, '@regiekamer/local-tenant', and its old home src/entry/tenant) is a
//   test double of Microsoft 365: only tests, test support, the local start (src/entry/server/stack.ts) and the
//   CLI's `tenant` command may import it.
// Dynamic import() is held to the same arrows (no-restricted-syntax), since no-restricted-imports does not see it.
// Guardrails: no file in src or packages/local-tenant/src over 500 lines, no function over 120 (tests and the old
// local tenant location excepted).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ioModules = [
  'fs',
  'node:fs',
  'fs/promises',
  'node:fs/promises',
  'http',
  'node:http',
  'https',
  'node:https',
  'net',
  'node:net',
  'child_process',
  'node:child_process',
  'pg',
  'express',
  'pino',
  '@electric-sql/pglite',
  '@electric-sql/pglite-socket',
  'pg-boss',
  '@microsoft/microsoft-graph-client',
  '@azure/identity',
  '@azure/msal-node',
  '@microsoft/teams.apps',
];

const TESTS = ['src/**/*.test.ts', 'src/**/*.test.tsx'];
/** Test support: helpers only tests import (they may start the local tenant). */
const TEST_SUPPORT = ['src/**/testing.ts'];
/** Moving to packages/local-tenant; its own files are not held to src's rules meanwhile. */
const OLD_LOCAL_TENANT = ['src/entry/tenant/**'];
/** The only runtime code that may start the local tenant. */
const LOCAL_TENANT_USERS = [
  'src/entry/server/stack.ts',
  'src/entry/server/local-tenant-data.ts',
  'src/entry/cli/commands/tenant.ts',
];

const LOCAL_TENANT_MESSAGE =
  'The local tenant is a test double: only tests, test support, the local start (src/entry/server/stack.ts) and `regiekamer tenant` may import it.';
const localTenantGroups = [
  {
    group: [
      '@regiekamer/local-tenant',
      '@regiekamer/local-tenant/**',
      '**/packages/local-tenant',
      '**/packages/local-tenant/**',
    ],
    message: LOCAL_TENANT_MESSAGE,
  },
];
/** Until the move lands, the old location bites too (for domain, app and adapters). */
const oldLocalTenantGroups = [{ group: ['**/entry/tenant', '**/entry/tenant/**'], message: LOCAL_TENANT_MESSAGE }];

/** Dynamic import() of a path matching `re` (a regex source over the specifier) is an error too. */
const dynamicImports = (re, message) => ({ selector: `ImportExpression[source.value=/${re}/]`, message });
const LOCAL_TENANT_DYNAMIC = dynamicImports(
  '(^@regiekamer\\/local-tenant|packages\\/local-tenant|(^|\\/)entry\\/tenant(\\/|$))',
  LOCAL_TENANT_MESSAGE,
);

const DOMAIN_MESSAGE =
  'The domain may not import app, adapters, entry points or platform code (domain ← app ← adapters ← entry).';
const APP_ENTRY_MESSAGE = 'Use cases may not import entry points (domain ← app ← adapters ← entry).';
const APP_ADAPTER_MESSAGE =
  'Use cases import adapters as types only (`import type`); reach I/O through a port the app declares, implemented in src/adapters.';
const ADAPTER_MESSAGE = 'Adapters may not import entry points (domain ← app ← adapters ← entry).';

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', '.regiekamer/', 'test-results/', 'coverage/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    // Everything in src except the allow-list: no local tenant.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: [...TESTS, ...TEST_SUPPORT, ...OLD_LOCAL_TENANT, ...LOCAL_TENANT_USERS],
    rules: {
      'no-restricted-imports': ['error', { patterns: localTenantGroups }],
      'no-restricted-syntax': ['error', LOCAL_TENANT_DYNAMIC],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    ignores: [...TESTS, ...TEST_SUPPORT],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({
            name,
            message: 'The domain is pure: no I/O here. Put it in src/adapters.',
          })),
          patterns: [
            {
              group: [
                '**/app',
                '**/app/**',
                '**/adapters',
                '**/adapters/**',
                '**/entry',
                '**/entry/**',
                '**/platform',
                '**/platform/**',
              ],
              message: DOMAIN_MESSAGE,
            },
            ...localTenantGroups,
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'The domain reads no environment; inject config.' },
        { name: 'fetch', message: 'The domain does no I/O.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'Inject a Clock; no new Date() in the domain.',
        },
        {
          selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
          message: 'Inject a Clock; no Date.now() in the domain.',
        },
        dynamicImports('(^|\\/)(app|adapters|entry|platform)(\\/|$)', DOMAIN_MESSAGE),
        LOCAL_TENANT_DYNAMIC,
      ],
    },
  },
  {
    files: ['src/app/**/*.ts'],
    ignores: [...TESTS, ...TEST_SUPPORT],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['**/entry', '**/entry/**'], message: APP_ENTRY_MESSAGE },
            { group: ['**/adapters', '**/adapters/**'], allowTypeImports: true, message: APP_ADAPTER_MESSAGE },
            ...localTenantGroups,
          ],
        },
      ],
      'no-restricted-syntax': [
        'error',
        dynamicImports('(^|\\/)entry(\\/|$)', APP_ENTRY_MESSAGE),
        dynamicImports('(^|\\/)adapters(\\/|$)', APP_ADAPTER_MESSAGE),
        LOCAL_TENANT_DYNAMIC,
      ],
    },
  },
  {
    files: ['src/adapters/**/*.ts'],
    ignores: [...TESTS, ...TEST_SUPPORT],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            // The old local tenant first: it is under entry/, and its message is the more precise one.
            ...oldLocalTenantGroups,
            { group: ['**/entry', '**/entry/**'], message: ADAPTER_MESSAGE },
            ...localTenantGroups,
          ],
        },
      ],
      'no-restricted-syntax': ['error', dynamicImports('(^|\\/)entry(\\/|$)', ADAPTER_MESSAGE), LOCAL_TENANT_DYNAMIC],
    },
  },
  {
    // The API contract and the tab run in the browser too: zod, domain types and the catalogue only.
    files: ['src/app/contract.ts', 'src/entry/tab/**/*.ts', 'src/entry/tab/**/*.tsx'],
    ignores: ['src/entry/tab/**/*.test.ts', 'src/entry/tab/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ioModules.map((name) => ({ name, message: 'Browser code: no I/O modules.' })),
          patterns: [
            { group: ['node:*'], message: 'Browser code: no node: modules.' },
            {
              group: ['**/adapters/**', '**/platform/**', '**/entry/server/**', '**/entry/cli/**'],
              message: 'Browser code may import the contract and the domain, not adapters or the server.',
            },
            { group: ['**/entry', '**/entry/**', '!**/entry/tab/**'], message: APP_ENTRY_MESSAGE },
            ...localTenantGroups,
          ],
        },
      ],
    },
  },
  {
    // Size guardrails: a file says one thing, a function does one thing.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: [...TESTS, ...OLD_LOCAL_TENANT],
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 120, IIFEs: true, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The same size guardrails for the local tenant package: split by resource family, handlers as named functions.
    files: ['packages/local-tenant/src/**/*.ts'],
    ignores: ['packages/local-tenant/src/**/*.test.ts'],
    rules: {
      'max-lines': ['error', { max: 500, skipBlankLines: true, skipComments: true }],
      'max-lines-per-function': ['error', { max: 120, IIFEs: true, skipBlankLines: true, skipComments: true }],
    },
  },
  {
    // The local tenant knows nothing of Regiekamer: it imports nothing outside its own package.
    files: ['packages/local-tenant/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '../../**',
                '**/src/domain/**',
                '**/src/adapters/**',
                '**/src/app/**',
                '**/src/entry/**',
                '**/src/platform/**',
              ],
              message: 'The local tenant is its own package: no imports from the product.',
            },
          ],
        },
      ],
    },
  },
);
