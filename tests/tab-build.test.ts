// The tab's production build (`npm run build:tab`, served from dist/tab outside local mode) succeeds, its page
// loads its script from under /tab/, the charts are a chunk of their own (loaded with Besluiten only), and the
// server sends the built files compressed, the hashed ones cacheable for a year and the page never stale.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import express from 'express';
import { build } from 'vite';
import react from '@vitejs/plugin-react';
import { describe, expect, it } from 'vitest';
import { tabRouter } from '../src/entry/server/tab.ts';
import { createLogger } from '../src/platform/logger.ts';

describe('the tab build', () => {
  it('builds the app with its assets under /tab/ and serves them compressed', { timeout: 120_000 }, async () => {
    const outDir = await mkdtemp(path.join(os.tmpdir(), 'rk-tab-build-'));
    await build({
      root: path.resolve(import.meta.dirname, '../src/entry/tab'),
      base: '/tab/',
      configFile: false,
      logLevel: 'silent',
      plugins: [react()],
      build: { outDir, emptyOutDir: true },
    });
    const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
    const entry = /<script type="module" crossorigin src="(\/tab\/assets\/[^"]+\.js)"><\/script>/.exec(html)?.[1];
    expect(entry).toBeDefined();
    const assets = await readdir(path.join(outDir, 'assets'));
    const charts = assets.find((f) => /^Besluiten-.*\.js$/.test(f));
    expect(charts).toBeDefined();
    expect(html).not.toContain(charts);

    const tab = await tabRouter({ mode: 'tenant', logger: createLogger('silent'), dist: outDir });
    const app = express();
    app.use('/tab', tab.router);
    const server = createServer(app);
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const script = await fetch(`${base}${entry}`, { headers: { 'accept-encoding': 'gzip' } });
      expect(script.status).toBe(200);
      expect(script.headers.get('content-encoding')).toBe('gzip');
      expect(script.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      const page = await fetch(`${base}/tab/`);
      expect(page.status).toBe(200);
      expect(page.headers.get('cache-control')).toBe('public, max-age=0');
      expect(await page.text()).toContain(entry);
    } finally {
      server.close();
      await tab.close();
    }
  });
});
