#!/usr/bin/env node
// Entry for `regiekamer` (npx, npm start, the installed package's bin). The installed package ships the build
// (dist/, made by `npm run build`) and no sources: it runs dist/entry/cli/bin.js with plain node, needing neither tsx
// nor any devDependency. A checkout has src/: it runs the sources through tsx (a devDependency), so no build step
// is needed after `npm install` and a stale dist/ is never run by accident; `node dist/entry/cli/bin.js` runs the build.
import { existsSync } from 'node:fs';

const sources = new URL('../src/entry/cli/bin.ts', import.meta.url);
const built = new URL('../dist/entry/cli/bin.js', import.meta.url);

if (existsSync(sources)) {
  const { register } = await import('tsx/esm/api');
  register();
  await import(sources.href);
} else if (existsSync(built)) {
  await import(built.href);
} else {
  process.stderr.write(
    'regiekamer: dist/ ontbreekt; bouw eerst met npm run build / dist/ is missing; build first with npm run build\n',
  );
  process.exitCode = 1;
}
