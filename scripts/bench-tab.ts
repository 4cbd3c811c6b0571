// The tab's part of `npm run bench`: the production build (as `npm run build:tab` makes it) served the way the
// server serves it outside local mode (compressed), with BLNP, 1,000 actions, its decisions, an update per
// werkgroep and four quarters of indicator values in the store. Reports the initial JavaScript (gzip: the entry
// and what it imports statically) and, in headless Chromium with an empty cache each time, the time from
// navigation to the first frame in which each view shows its data, plus the JavaScript that view had loaded by
// then. A benchmark: it measures, it does not assert.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import type { Programme } from '../src/domain/programme/schema.ts';
import { FOUR_KS as KS } from '../src/domain/vocabulary.ts';
import { openStore } from '../src/adapters/store/open.ts';
import type { StoredAction } from '../src/adapters/store/action-records.ts';
import { testIssuer } from '../src/adapters/auth/testing.ts';
import { seedActions, seedDecisions, seedMeasurements } from '../src/adapters/work/seed.ts';
import { today as todayOf } from '../src/app/sync.ts';
import { MEMORY } from '../src/adapters/store/open.ts';
import { apiRouter } from '../src/entry/server/api.ts';
import { createHttpApp } from '../src/entry/server/http.ts';
import { tabRouter } from '../src/entry/server/tab.ts';
import { systemClock } from '../src/platform/clock.ts';
import { createLogger } from '../src/platform/logger.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from '../tests/support/playground.ts';

const ACTIONS = 1000;
const ROUNDS = 5;

/** When each view shows its data (checked in the page every animation frame). */
const READY: Record<string, string> = {
  overzicht: `document.querySelectorAll('main [role=article]').length >= WERKGROEPEN`,
  werkgroep: `/Trekker: /.test(document.querySelector('main')?.textContent ?? '') && document.querySelectorAll('main [role=article], main li').length > 0`,
  acties: `document.querySelectorAll('main tr[data-action]').length > 0`,
  besluiten: `document.querySelectorAll('main svg.recharts-surface').length > 0 && document.querySelectorAll('main [role=article]').length > 0`,
  vierks: `document.querySelectorAll('main [role=article]').length >= 4 && document.querySelectorAll('main svg.recharts-surface').length > 0`,
  capaciteit: `document.querySelectorAll('main tbody tr').length > 0`,
};

/** The seeded actions of BLNP, repeated with other ids, owners and dates up to `n`. */
function manyActions(p: Programme, today: string, n: number): StoredAction[] {
  const seeds = seedActions(p, today);
  const out: StoredAction[] = [];
  for (let i = 0; out.length < n; i++) {
    const s = seeds[i % seeds.length] as StoredAction;
    if (i < seeds.length) {
      out.push(s);
      continue;
    }
    const round = Math.floor(i / seeds.length);
    const body = p.bodies.find((b) => b.id === s.werkgroep);
    const people = body?.kind === 'werkgroep' ? [body.trekker, ...body.members] : s.fields.owners;
    const due = new Date(Date.parse(`${s.fields.due ?? today}T00:00:00Z`) + (((i * 7) % 90) - 30) * 86_400_000)
      .toISOString()
      .slice(0, 10);
    out.push({
      ...s,
      id: `${s.id}-r${round}`,
      fields: {
        ...s.fields,
        title: `${s.fields.title} (${round + 1})`,
        due,
        owners: [people[i % people.length] as string],
        ks: [KS[i % KS.length] as (typeof KS)[number]],
      },
    });
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor((s.length - 1) / 2)] ?? NaN;
}

export async function benchTab(programme: Programme): Promise<string[]> {
  const root = path.resolve(import.meta.dirname, '../src/entry/tab');
  const outDir = await mkdtemp(path.join(os.tmpdir(), 'rk-bench-tab-'));
  await build({
    root,
    base: '/tab/',
    configFile: false,
    logLevel: 'silent',
    plugins: [react()],
    build: { outDir, emptyOutDir: true },
  });
  const html = await readFile(path.join(outDir, 'index.html'), 'utf8');
  const initialFiles = [...html.matchAll(/(?:src|href)="\/tab\/(assets\/[^"]+\.js)"/g)].map((m) => m[1] as string);
  const gz = async (file: string) => gzipSync(await readFile(path.join(outDir, file))).length;
  const initialBytes = (await Promise.all(initialFiles.map(gz))).reduce((a, b) => a + b, 0);

  const store = await openStore({ dataDir: MEMORY });
  await store.migrate();
  const pid = programme.programme.id;
  const today = todayOf(programme, systemClock);
  const actions = manyActions(programme, today, ACTIONS);
  for (const a of actions) await store.actions.save(pid, a, systemClock.now());
  for (const d of seedDecisions(programme, today, actions)) await store.decisions.save(pid, d, systemClock.now());
  for (const m of seedMeasurements(programme, today)) await store.indicators.record(pid, m, systemClock.now());
  const werkgroepen = programme.bodies.filter((b) => b.kind === 'werkgroep');
  for (const [i, w] of werkgroepen.entries()) {
    await store.bot.saveUpdate(pid, {
      werkgroep: w.id,
      period: `bench:${today}`,
      submittedBy: w.trekker,
      submittedAt: new Date(systemClock.now().getTime() - i * 86_400_000),
      data: {
        werkgroep: w.id,
        period: `bench:${today}`,
        status: i % 3 === 0 ? 'aandacht' : 'op-koers',
        progress: 'Inventarisatie afgerond.',
        successes: 'Eerste gezamenlijke werkafspraak.',
        ks: [{ k: KS[i % KS.length], note: 'minder dubbel werk' }],
        actionIds: [],
      },
    });
  }

  // Tokens as Entra ID would issue them for the tab, signed by a key only this bench knows.
  const issuer = await testIssuer();
  const validate = issuer.validator(
    programme.gemeenten.map((g) => g.tenantId).filter((t): t is string => t !== undefined),
    systemClock,
  );
  const trekker = programme.people.find((p) => p.id === werkgroepen[0]?.trekker);
  const tid = programme.gemeenten.find((g) => g.id === trekker?.gemeente)?.tenantId;
  if (!trekker || !tid) throw new Error('BLNP has a trekker in a tenant');
  const token = await issuer.userToken(tid, trekker.upn);

  const logger = createLogger('silent');
  const api = apiRouter({
    store,
    programme,
    clock: systemClock,
    validate,
    today: () => today,
    changed: () => undefined,
  });
  const tab = await tabRouter({ mode: 'tenant', logger, dist: outDir });
  const server = createServer(createHttpApp({ check: async () => ({}) }, logger, api, undefined, tab.router));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  const lines: string[] = [];
  try {
    const measureView = async (view: string) => {
      // A new context each time: an empty cache, so every view pays for its JavaScript as a first visit does.
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
      const page = await context.newPage();
      await page.goto(`${base}/tab/?view=${view}&lang=nl&theme=light#token=${encodeURIComponent(token)}`);
      const ready = (READY[view] as string).replace('WERKGROEPEN', String(werkgroepen.length));
      const at = (await (
        await page.waitForFunction(`(${ready}) && performance.now()`, undefined, { polling: 'raf', timeout: 30_000 })
      ).jsonValue()) as number;
      const js = await page.evaluate(() =>
        performance
          .getEntriesByType('resource')
          .filter((e) => e.name.endsWith('.js'))
          .reduce((sum, e) => sum + (e as PerformanceResourceTiming).encodedBodySize, 0),
      );
      await context.close();
      return { at, js };
    };
    await measureView('overzicht'); // warms the server (JIT, PGlite's caches), not the browser: contexts share no cache
    for (const view of Object.keys(READY)) {
      const runs = [];
      for (let i = 0; i < ROUNDS; i++) runs.push(await measureView(view));
      const times = runs.map((r) => r.at);
      lines.push(
        `| ${view} | ${ROUNDS} | ${median(times).toFixed(0)} | ${Math.max(...times).toFixed(0)} | ${((runs[0]?.js ?? 0) / 1024).toFixed(0)} | ${Math.max(...times) <= 1000 ? 'ja' : 'nee'} |`,
      );
    }
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await tab.close();
    await store.close();
    await rm(outDir, { recursive: true, force: true });
  }
  const kb = initialBytes / 1024;
  return [
    `| Eerste JavaScript (gzip) | ${initialFiles.length} bestanden | ${kb.toFixed(0)} KB | doel ≤ 300 KB: ${kb <= 300 ? 'ja' : 'nee'} |`,
    '',
    `| Weergave (BLNP, ${ACTIONS} acties, lege cache) | metingen | mediaan (ms) | max (ms) | JS geladen (KB gzip) | binnen 1 s |`,
    '| --- | --- | --- | --- | --- | --- |',
    ...lines,
  ];
}
