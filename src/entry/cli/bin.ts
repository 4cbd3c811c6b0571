#!/usr/bin/env node
// The command line's process entry: installs the last-resort handlers, runs main() and sets the exit code.
// bin/regiekamer.js runs it from the sources (Node's own type stripping) in a checkout and as dist/entry/cli/bin.js
// (plain node) in the installed package; `node dist/entry/cli/bin.js …` runs the build directly.

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

// Done: the process ends when nothing is left open. Something that stays open (a socket, a timer, a child process of
// a dependency that did not stop) must not keep it alive unseen: after a bound it is named and the process exits.
const LINGER_MS = 5_000;
setTimeout(() => {
  const open = process.getActiveResourcesInfo().filter((r) => r !== 'TTYWrap');
  const counts = [...new Set(open)].map((r) => `${r} ×${open.filter((x) => x === r).length}`).join(', ');
  process.stderr.write(`regiekamer: ${both('cli.exit.lingering', { seconds: LINGER_MS / 1000, resources: counts })}\n`);
  process.exit(process.exitCode === 0 || process.exitCode === undefined ? 1 : process.exitCode);
}, LINGER_MS).unref();
