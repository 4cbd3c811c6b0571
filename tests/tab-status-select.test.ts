// The tab's status dropdown in Chromium saves on commit, not on every arrow key (issue 14 §7): the tab from its
// sources (Vite, as `npm start` serves it) against an API that counts the writes it receives. Arrow, arrow, Enter
// is one write, of the status two steps on; leaving the field after it writes nothing more; a choice made with the
// pointer (an option selected) writes at once; leaving the field after arrows alone commits that draft, once.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import express from 'express';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionView } from '../src/app/contract.ts';
import { tabRouter } from '../src/entry/server/tab.ts';
import { createLogger } from '../src/platform/logger.ts';
import { CHROMIUM } from './support/playground.ts';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'];
const action: ActionView = {
  id: 'a1',
  werkgroep: 'wg-a',
  werkgroepName: 'Werkgroep A',
  title: 'Verschillen tussen de vier gemeenten op een rij',
  due: '2026-12-20',
  status: 'open',
  ks: [],
  owners: [{ id: 'p1', name: 'Fictief Een' }],
  notes: '',
  overdue: false,
  inPlanner: true,
  blockedBy: [],
  conflicts: [],
  version: 'v0',
};
/** The bodies of the writes the API received, in order. */
const writes: unknown[] = [];
let server: Server;
let closeTab: () => Promise<void>;
let browser: Browser;
let page: Page;
let base: string;

beforeAll(async () => {
  const app = express();
  const api = express.Router();
  api.get('/ik', (_req, res) => {
    res.json({
      person: { id: 'p1', name: 'Fictief Een', gemeente: 'alfa', roles: [] },
      app: false,
      mayDecide: false,
      werkgroepen: ['wg-a'],
      programme: { id: 'proef', name: 'Proef' },
    });
  });
  api.get('/acties', (_req, res) => {
    res.json({ actions: [action] });
  });
  api.patch('/acties/:id', express.json(), (req, res) => {
    writes.push(req.body);
    Object.assign(action, req.body as Partial<ActionView>, { version: `v${writes.length}` });
    res.json(action);
  });
  app.use('/api', api);
  const tab = await tabRouter({ mode: 'local', logger: createLogger('silent') });
  closeTab = tab.close;
  app.use('/tab', tab.router);
  server = createServer(app);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  page = await browser.newPage({ locale: 'nl-NL' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  await closeTab?.();
});

describe('the status dropdown in the tab', () => {
  it(
    'writes once for arrow, arrow, Enter; once for a pointer choice; once for arrows then leaving',
    { timeout: 180_000 },
    async () => {
      // Vite transforms the sources on first request: on a loaded machine that takes longer than a page load's default.
      await page.goto(`${base}/tab/?view=acties&lang=nl&theme=light#token=fictief`, {
        waitUntil: 'commit',
        timeout: 120_000,
      });
      const select = page.getByRole('combobox', { name: `Status: ${action.title}` });
      await select.waitFor({ timeout: 120_000 });
      const saved = page.getByRole('status').filter({ hasText: 'Opgeslagen; Planner wordt bijgewerkt.' });

      await select.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      // The draft shows; nothing has been sent on.
      await expect(select.inputValue()).resolves.toBe('wacht');
      await page.keyboard.press('Enter');
      await saved.waitFor();
      expect(writes).toEqual([{ status: 'wacht' }]);

      // Leaving the field after the commit sends nothing; a choice with the pointer sends at once. Had the blur
      // written, its write would have come first (the page sends in the order of the events).
      await page.keyboard.press('Tab');
      await select.selectOption('loopt');
      await expect.poll(() => writes.length).toBe(2);
      expect(writes).toEqual([{ status: 'wacht' }, { status: 'loopt' }]);

      // Arrows and then leaving the field: the draft is committed, once.
      await select.focus();
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await expect.poll(() => writes.length).toBe(3);
      expect(writes).toEqual([{ status: 'wacht' }, { status: 'loopt' }, { status: 'gereed' }]);
      await expect(select.inputValue()).resolves.toBe('gereed');
    },
  );
});
