#!/usr/bin/env node
// Entry for `npx regiekamer`: runs the TypeScript CLI through tsx, so no build step is needed after `npm install`.
import { register } from 'tsx/esm/api';

// A closed pipe (`regiekamer … | head`) ends the command quietly; anything else unexpected is one line, never a stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`regiekamer: ${err.message}\n`);
    process.exit(1);
  });
}
process.on('uncaughtException', (err) => {
  process.stderr.write(`regiekamer: onverwachte fout / unexpected error: ${err.message}\n`);
  process.exit(1);
});

register();
const { main } = await import('../src/entry/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
