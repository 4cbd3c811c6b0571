// The runtime: the Node.js running the tests must satisfy package.json's engines.node (Node 20 is end of life since
// 30 April 2026; docs/platform.md#runtime). scripts/check-node.mjs makes the same decision in .ci/run before any
// package is installed, so it is checked here against semver, the npm registry's own reading of a range.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
  engines: { node: string };
};
const checkNode = (version: string) => {
  try {
    execFileSync(process.execPath, ['scripts/check-node.mjs', version], { stdio: 'pipe' });
    return true;
  } catch {
    return false;
  }
};

describe('runtime', () => {
  it('runs on a Node.js that engines.node allows', () => {
    console.log(`node --version: ${process.version} (engines.node ${pkg.engines.node})`);
    expect(
      semver.satisfies(process.version, pkg.engines.node),
      `Node.js ${process.version} does not satisfy ${pkg.engines.node}`,
    ).toBe(true);
  });

  it('asks for a supported Node.js (no end-of-life major)', () => {
    expect(semver.minVersion(pkg.engines.node)?.major).toBeGreaterThanOrEqual(22);
  });

  it('check-node.mjs (used by .ci/run) decides as semver does', () => {
    for (const v of [
      '20.20.2',
      '22.11.0',
      '22.12.0',
      '22.18.9',
      '22.19.0',
      '23.0.0',
      '24.0.0',
      '24.21.0',
      '26.1.0',
      process.versions.node,
    ]) {
      expect(checkNode(v), v).toBe(semver.satisfies(v, pkg.engines.node));
    }
  });
});
