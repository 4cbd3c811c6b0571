#!/usr/bin/env node
// Entry for `regiekamer` (npx, npm start, the installed package's bin). The installed package ships the build
// (dist/, made by `npm run build`) and no sources: it runs dist/entry/cli/bin.js with plain node, needing no
// devDependency. A checkout has src/: it runs the TypeScript sources with Node's own type stripping (Node ≥ 22.18
// erases the types as it loads a .ts file; no tsx, no build step after `npm install`, and a stale dist/ is never run
// by accident); `node dist/entry/cli/bin.js` runs the build.
// https://nodejs.org/api/typescript.html#type-stripping
import { existsSync } from 'node:fs';
import module from 'node:module';

// The module compile cache: Node keeps the V8 code cache of every module it compiles (JavaScript, and TypeScript
// after stripping) on disk, by default in <os.tmpdir()>/node-compile-cache (NODE_COMPILE_CACHE=dir chooses another
// directory), and reuses it while a module's contents are unchanged, so the second and later commands start faster.
// It never changes what runs; NODE_DISABLE_COMPILE_CACHE=1 turns it off.
// https://nodejs.org/api/module.html#moduleenablecompilecachecachedir
module.enableCompileCache?.();

const sources = new URL('../src/entry/cli/bin.ts', import.meta.url);
const built = new URL('../dist/entry/cli/bin.js', import.meta.url);

if (existsSync(sources)) {
  if (process.features.typescript) {
    await import(sources.href);
  } else {
    // Node without type stripping: older than 22.18, or started with --no-experimental-strip-types.
    process.stderr.write(
      'regiekamer: deze Node.js voert geen TypeScript uit (nodig: Node ≥ 22.18 met type stripping); ' +
        'bouw met npm run build en start node dist/entry/cli/bin.js / this Node.js does not run TypeScript ' +
        '(needs Node ≥ 22.18 with type stripping); build with npm run build and run node dist/entry/cli/bin.js\n',
    );
    process.exitCode = 1;
  }
} else if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write(
    'regiekamer: dist/ ontbreekt; bouw eerst met npm run build / dist/ is missing; build first with npm run build\n',
  );
  process.exitCode = 1;
}
