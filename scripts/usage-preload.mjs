// Loaded with `node --import` into a benchmarked command (scripts/bench-cli.ts): on exit it writes the process's
// own resource usage (process.resourceUsage(): CPU time in µs, peak resident set in KiB) to RK_USAGE_FILE.
import { writeFileSync } from 'node:fs';

const file = process.env.RK_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    writeFileSync(file, JSON.stringify({ userUs: u.userCPUTime, systemUs: u.systemCPUTime, maxRssKiB: u.maxRSS }));
  });
}
