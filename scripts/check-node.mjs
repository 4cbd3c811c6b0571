#!/usr/bin/env node
// Exit 0 when the running Node.js (or the version given as the first argument) satisfies package.json's engines.node (">=MAJOR.MINOR[.PATCH]"), else exit 1 with
// one line saying what runs and what is needed. Used by .ci/run before anything is installed, so it needs no packages
// and is plain JavaScript that any Node.js since 12 can run.
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const wanted = String(pkg.engines?.node ?? '');
const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(wanted.trim());
if (!m) {
  console.error(`check-node: engines.node "${wanted}" is not of the form >=MAJOR.MINOR.PATCH`);
  process.exit(2);
}
const need = [m[1], m[2] ?? '0', m[3] ?? '0'].map(Number);
const version = (process.argv[2] ?? process.versions.node).replace(/^v/, '');
const have = version.split('.').map(Number);
const cmp = have[0] - need[0] || have[1] - need[1] || have[2] - need[2];
if (cmp < 0) {
  console.error(
    `Node.js ${version} draait; Regiekamer vraagt ${wanted} / Node.js ${version} runs; Regiekamer needs ${wanted}`,
  );
  process.exit(1);
}
console.log(`Node.js ${version} voldoet aan ${wanted} / satisfies ${wanted}`);
