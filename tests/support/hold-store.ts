// A second process on a data directory, for tests: opens the store (PGlite in argv[2]) as `regiekamer start` does,
// says "held", and on a line on stdin queries it once more, says "still fine" and closes it.
import { openStore } from '../../src/adapters/store/open.ts';

const store = await openStore({ dataDir: process.argv[2] ?? '', command: 'start' });
await store.migrate();
process.stdout.write('held\n');
process.stdin.once('data', () => {
  void (async () => {
    await store.programmes.list('blnp');
    process.stdout.write('still fine\n');
    await store.close();
    process.exit(0);
  })();
});
