// Lint rules, including the layer rule: the pure domain imports no I/O and nothing from adapters or entry points.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const ioModules = [
  'fs', 'node:fs', 'fs/promises', 'node:fs/promises', 'http', 'node:http', 'https', 'node:https',
  'net', 'node:net', 'child_process', 'node:child_process', 'pg', 'express', 'pino',
  '@electric-sql/pglite', '@electric-sql/pglite-socket', 'pg-boss', '@microsoft/microsoft-graph-client',
  '@azure/identity', '@azure/msal-node', '@microsoft/teams.apps',
];

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
    files: ['src/domain/**/*.ts'],
    ignores: ['src/domain/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioModules.map((name) => ({ name, message: 'The domain is pure: no I/O here. Put it in src/adapters.' })),
        patterns: [
          { group: ['**/adapters/**', '**/entry/**', '**/platform/**'], message: 'The domain may not import adapters, entry points or platform code.' },
        ],
      }],
      'no-restricted-globals': ['error',
        { name: 'process', message: 'The domain reads no environment; inject config.' },
        { name: 'fetch', message: 'The domain does no I/O.' },
      ],
      'no-restricted-syntax': ['error',
        { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Inject a Clock; no new Date() in the domain.' },
        { selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']", message: 'Inject a Clock; no Date.now() in the domain.' },
      ],
    },
  },
  {
    // The API contract and the tab run in the browser too: zod, domain types and the catalogue only.
    files: ['src/app/contract.ts', 'src/entry/tab/**/*.ts', 'src/entry/tab/**/*.tsx'],
    ignores: ['src/entry/tab/**/*.test.ts', 'src/entry/tab/**/*.test.tsx'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: ioModules.map((name) => ({ name, message: 'Browser code: no I/O modules.' })),
        patterns: [
          { group: ['node:*'], message: 'Browser code: no node: modules.' },
          { group: ['**/adapters/**', '**/platform/**', '**/entry/server/**', '**/entry/cli/**'], message: 'Browser code may import the contract and the domain, not adapters or the server.' },
        ],
      }],
    },
  },
  {
    // The local tenant (packages/local-tenant) is a stand-in for Microsoft 365, not part of the product: in src/ only
    // tests and the local start may import it (the arrow points from the product's edge to the emulator, never back).
    // A rule name of its own (typescript-eslint's twin of no-restricted-imports), so it adds to the layer rules
    // above instead of replacing them for the same files.
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: [
      'src/**/*.test.ts',
      'src/**/*.test.tsx',
      'src/entry/server/stack.ts',
      'src/entry/server/local-tenant-data.ts',
      'src/entry/cli/commands/tenant.ts',
    ],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['@regiekamer/local-tenant', '@regiekamer/local-tenant/*', '**/packages/local-tenant/**'], message: 'Only tests and the local start (stack.ts, local-tenant-data.ts, the tenant command) may import the local tenant.' },
        ],
      }],
    },
  },
  {
    // The local tenant knows nothing of Regiekamer: it imports nothing outside its own package.
    files: ['packages/local-tenant/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        patterns: [
          { group: ['../../**', '**/src/domain/**', '**/src/adapters/**', '**/src/app/**', '**/src/entry/**', '**/src/platform/**'], message: 'The local tenant is its own package: no imports from the product.' },
        ],
      }],
    },
  },
);
