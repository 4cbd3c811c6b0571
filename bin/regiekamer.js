#!/usr/bin/env node
// Entry for `npx regiekamer`: runs the TypeScript CLI through tsx, so no build step is needed after `npm install`.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/entry/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
