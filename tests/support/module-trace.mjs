// Loaded with `node --import` in tests: records the URL of every module the process loads and writes the list to
// RK_MODULES_FILE on exit (which modules a command needed).
import { writeFileSync } from 'node:fs';
import { registerHooks } from 'node:module';

const loaded = new Set();
registerHooks({
  load(url, context, nextLoad) {
    loaded.add(url);
    return nextLoad(url, context);
  },
});
const file = process.env.RK_MODULES_FILE;
if (file) process.on('exit', () => writeFileSync(file, JSON.stringify([...loaded])));
