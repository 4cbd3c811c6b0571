// `npm run build`: the production build in dist/, which installed use runs with plain node (no tsx, no
// devDependencies):
//   dist/{adapters,domain,entry,platform}/  the server and the CLI, compiled by tsc (tsconfig.build.json: src/'s
//                                           layout, tests and the tab left out, `.ts` imports rewritten to `.js`)
//   the same folders, non-TS files          what modules read beside themselves at run time (SQL migrations, the
//                                           Graph contract, JSON schemas), copied from src/
//   dist/tab/                               the tab, built by Vite (as tests/tab-build.test.ts and the bench build it)
//   dist/node_modules/@regiekamer/local-tenant/
//                                           the local tenant (packages/local-tenant, tests and test support left out),
//                                           compiled by tsc with a package.json of its own: the compiled server's
//                                           `import '@regiekamer/local-tenant'` finds it there (Node looks in every
//                                           node_modules above the importing file), so local mode works installed
// `npm run build:tab` (this script with the argument `tab`) builds only dist/tab.
// Other files in dist/ (e.g. the app package dist/regiekamer.zip) are left alone.
import { spawnSync } from 'node:child_process';
import { copyFile, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const ROOT = path.resolve(import.meta.dirname, '..');
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');
const TAB_SOURCES = path.join(SRC, 'entry', 'tab');
const LOCAL_TENANT = path.join(ROOT, 'packages', 'local-tenant');
const LOCAL_TENANT_OUT = path.join(DIST, 'node_modules', '@regiekamer', 'local-tenant');

/** Builds the tab into dist/tab (emptied first). */
async function buildTab(): Promise<void> {
  await build({
    root: TAB_SOURCES,
    base: '/tab/',
    configFile: false,
    logLevel: 'warn',
    plugins: [react()],
    build: { outDir: path.join(DIST, 'tab'), emptyOutDir: true },
  });
}

/** Whether a file under src/ is a run-time asset to copy: not TypeScript and not one of the tab's sources. */
function isAsset(file: string): boolean {
  return !/\.(ts|tsx)$/.test(file) && !file.startsWith(TAB_SOURCES + path.sep);
}

/** Compiles src/ into dist/ with tsc and copies the non-TS files modules read at run time beside them. */
async function buildServer(): Promise<void> {
  // Only what an earlier build wrote: the folders mirroring src/ (a removed source must not linger in dist/).
  for (const entry of await readdir(SRC, { withFileTypes: true })) {
    if (entry.isDirectory()) await rm(path.join(DIST, entry.name), { recursive: true, force: true });
  }
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`tsc failed (exit ${result.status ?? result.signal})`);
  const assets = (await readdir(SRC, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name))
    .filter(isAsset);
  for (const file of assets) {
    const to = path.join(DIST, path.relative(SRC, file));
    await mkdir(path.dirname(to), { recursive: true });
    await copyFile(file, to);
  }
  process.stdout.write(
    `build: server and CLI compiled to dist/, ${assets.length} run-time files copied (${assets.map((f) => path.relative(SRC, f)).join(', ')})\n`,
  );
}

/**
 * Compiles packages/local-tenant into dist/node_modules/@regiekamer/local-tenant with a package.json whose entry is
 * the compiled index.js. Its dependencies resolve from the installed package's node_modules, so each must be one of
 * the root's dependencies (with the same range); the build fails when one is not.
 */
async function buildLocalTenant(): Promise<void> {
  const own = JSON.parse(await readFile(path.join(LOCAL_TENANT, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    license?: string;
    dependencies?: Record<string, string>;
  };
  const root = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
  };
  const missing = Object.entries(own.dependencies ?? {}).filter(([name, range]) => root.dependencies?.[name] !== range);
  if (missing.length > 0)
    throw new Error(
      `${own.name} needs ${missing.map(([n, r]) => `${n}@${r}`).join(', ')} among the root package's dependencies`,
    );
  await rm(LOCAL_TENANT_OUT, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const result = spawnSync(
    process.execPath,
    [tsc, '-p', path.join(LOCAL_TENANT, 'tsconfig.build.json'), '--outDir', LOCAL_TENANT_OUT],
    { stdio: 'inherit' },
  );
  if (result.status !== 0) throw new Error(`tsc (local tenant) failed (exit ${result.status ?? result.signal})`);
  const manifest = {
    name: own.name,
    version: own.version,
    private: true,
    type: 'module',
    license: own.license,
    exports: { '.': './index.js' },
    dependencies: own.dependencies ?? {},
  };
  await writeFile(path.join(LOCAL_TENANT_OUT, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  process.stdout.write(`build: ${own.name} compiled to ${path.relative(ROOT, LOCAL_TENANT_OUT)}\n`);
}

const only = process.argv[2];
if (only !== undefined && only !== 'tab') throw new Error(`usage: build.ts [tab] (got ${only})`);
if (only !== 'tab') {
  await buildServer();
  await buildLocalTenant();
}
await buildTab();
process.stdout.write('build: tab built to dist/tab\n');
