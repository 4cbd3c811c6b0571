#!/usr/bin/env node
// The command line's process entry: installs the last-resort handlers, runs main() and sets the exit code.
// bin/regiekamer.js runs it from the sources (through tsx) in a checkout and as dist/entry/cli/bin.js (plain node)
// in the installed package; `node dist/entry/cli/bin.js …` runs the build directly.

import { both } from '../../domain/i18n.ts';

// A closed pipe (`regiekamer … | head`) ends the command quietly; anything else unexpected is one line, never a stack.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    process.stderr.write(`regiekamer: ${err.message}\n`);
    process.exit(1);
  });
}
process.on('uncaughtException', (err) => {
  process.stderr.write(`regiekamer: ${both('cli.unexpected')}: ${err.message}\n`);
  process.exit(1);
});

// Imported only now, so that an error while loading the command line meets the handlers above.
const { main } = await import('./main.ts');
process.exitCode = await main(process.argv.slice(2));
