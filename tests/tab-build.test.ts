// The tab's production build (`npm run build:tab`, served from dist/tab outside local mode) succeeds and its
// page loads its script from under /tab/.
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { describe, expect, it } from 'vitest';

describe('the tab build', () => {
  it('builds the app with its assets under /tab/', { timeout: 120_000 }, async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'rk-tab-build-'));
    await build({ root: path.resolve(import.meta.dirname, '../src/entry/tab'), base: '/tab/', configFile: false, logLevel: 'silent', plugins: [react()], build: { outDir, emptyOutDir: true } });
    const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
    expect(html).toMatch(/<script type="module" crossorigin src="\/tab\/assets\/[^"]+\.js"><\/script>/);
    const assets = await readdir(path.join(outDir, 'assets'));
    expect(assets.some((f) => f.endsWith('.js'))).toBe(true);
  });
});
