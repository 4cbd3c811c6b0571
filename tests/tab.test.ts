// The tab end to end with `npm start`, in Debian's Chromium: a plain browser gets the sign-in screen (401), signs
// in at the local tenant as a werkgroep's trekker, sees BLNP with its seeded data; every view opens in light and
// dark theme and in Dutch and English (screenshots in test-results/tab/); an action's status edited in the table
// reaches its task in the local tenant's Planner; an edit to another werkgroep's action is refused and shown.
import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStart } from './helpers/stack.ts';
import { loadProgramme } from './helpers/programmes.ts';
import { localTenantOf } from './helpers/local-graph.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from './support/playground.ts';

const shots = path.resolve(import.meta.dirname, '../test-results/tab');
const blnp = await loadProgramme('blnp');
const ict = blnp.bodies.find((b) => b.id === 'wg-ict');
if (!ict || ict.kind !== 'werkgroep') throw new Error('BLNP has wg-ict');
const trekker = blnp.people.find((p) => p.id === ict.trekker);
if (!trekker) throw new Error('wg-ict has a trekker');

let dir: string;
let run: RunningStart;
let url: string;
let browser: Browser;
let page: Page;

async function graph(p: string) {
  return (await localTenantOf(dir, blnp)).graph(p);
}

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  dir = await mkdtemp(path.join(os.tmpdir(), 'rk-tab-'));
  run = startStack({
    REGIEKAMER_DATA_DIR: dir,
    PORT: '0',
    LOCAL_TENANT_PORT: '0',
    LOCAL_TENANT_HTTP_PORT: '0',
    PLAYGROUND_PORT: '0',
    BOT_RHYTHM_SECONDS: '0',
    PLANNER_POLL_SECONDS: '5',
    LOG_LEVEL: 'info',
  });
  url = await run.url;
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  if (run && run.child.exitCode === null) {
    run.child.kill('SIGINT');
    await once(run.child, 'exit');
  }
});

describe('the tab with npm start', () => {
  it(
    'prints its URL, asks to sign in, and after signing in at the local tenant shows BLNP',
    { timeout: 120_000 },
    async () => {
      expect(run.output().stdout).toMatch(/Tab\s+http:\/\/127\.0\.0\.1:\d+\/tab/);
      await page.goto(`${url}/tab/?lang=nl&theme=light`);
      await page.getByRole('alert').filter({ hasText: '401' }).waitFor();
      await page.screenshot({ path: path.join(shots, 'aanmelden.png') });
      await page.getByRole('button', { name: 'Aanmelden' }).click();
      await page.getByRole('button', { name: new RegExp(trekker.name) }).click();
      await page.getByText(`Aangemeld als ${trekker.name}`).waitFor();
      await page.getByRole('heading', { name: blnp.programme.name }).waitFor();
      // A tile per werkgroep, with the seeded actions counted.
      for (const w of blnp.bodies.filter((b) => b.kind === 'werkgroep'))
        await page.getByRole('article', { name: w.name }).waitFor();
      await expect(page.getByRole('article', { name: ict.name }).textContent()).resolves.toMatch(
        /\d+ open · \d+ te laat · \d+ geblokkeerd/,
      );
    },
  );

  it('opens every view in light and dark, Dutch and English', { timeout: 180_000 }, async () => {
    const checks: Record<string, { nl: string | RegExp; en: string | RegExp }> = {
      overzicht: { nl: 'Werkgroepen', en: 'Working groups' },
      werkgroep: { nl: /^Trekker: /, en: /^Lead: / },
      acties: { nl: /\d+ acties/, en: /\d+ actions/ },
      besluiten: { nl: 'Mediane doorlooptijd per niveau (dagen)', en: 'Median lead time per level (days)' },
      vierks: { nl: 'Indicatoren', en: 'Indicators' },
      capaciteit: { nl: 'Uren/week', en: 'Hours/week' },
      agenda: { nl: 'Nog geen update gestuurd', en: 'No update sent yet' },
    };
    for (const lang of ['nl', 'en'] as const) {
      for (const theme of ['light', 'dark'] as const) {
        for (const [view, text] of Object.entries(checks)) {
          await page.goto(`${url}/tab/?view=${view}&lang=${lang}&theme=${theme}`);
          await page.getByText(text[lang]).first().waitFor();
          await page.screenshot({ path: path.join(shots, `${view}-${theme}-${lang}.png`), fullPage: true });
        }
        // The theme is applied: the page background differs between light and dark.
        const bg = await page
          .locator('.fui-FluentProvider')
          .first()
          .evaluate((el) => getComputedStyle(el).backgroundColor);
        expect(bg === 'rgb(255, 255, 255)').toBe(theme === 'light');
      }
    }
  });

  it(
    "an inline edit reaches the task in Planner; another werkgroep's action is refused and the refusal shown",
    { timeout: 240_000 },
    async () => {
      // The first sync and Planner poll make the plans and tasks (the server logs the poll that created them).
      await run.line(/"component":"planner".*"created":[1-9]/);
      await page.goto(`${url}/tab/?view=acties&lang=nl&theme=light&werkgroep=${ict.id}`);
      await page.getByText(/\d+ acties/).waitFor();
      const row = page.locator('tr[data-action]').first();
      const title = (await row.locator('td').first().textContent()) ?? '';
      await row.getByRole('combobox').selectOption('gereed');
      await page.getByRole('status').filter({ hasText: 'Opgeslagen; Planner wordt bijgewerkt.' }).waitFor();
      await page.screenshot({ path: path.join(shots, 'acties-bewerkt.png') });

      // In Planner: after two more finished polls (the second began after the edit) the task is 100 % complete.
      const polls = (out: { stderr: string }) => (out.stderr.match(/planner poll finished/g) ?? []).length;
      const target = polls(run.output()) + 2;
      await run.until((out) => polls(out) >= target);
      const plans = await graph(`/groups/${await (await localTenantOf(dir, blnp)).teamId()}/planner/plans`);
      const planId = String(plans.value?.find((p) => String(p['title']).includes('ICT'))?.['id']);
      const task = (await graph(`/planner/plans/${planId}/tasks?$top=999`)).value?.find((t) => t['title'] === title);
      expect(task?.['percentComplete']).toBe(100);

      // Another werkgroep's action: the trekker of ICT is not a member there (unless the programme says so).
      const other = blnp.bodies.find(
        (b) => b.kind === 'werkgroep' && !b.members.includes(trekker.id) && b.trekker !== trekker.id,
      );
      if (!other) throw new Error('a werkgroep the trekker is not in');
      await page.goto(`${url}/tab/?view=acties&lang=nl&theme=light&werkgroep=${other.id}`);
      await page.getByText(/\d+ acties/).waitFor();
      // A real change (choosing the status it already has writes nothing since the dropdown saves changes only).
      const status = page.locator('tr[data-action]').first().getByRole('combobox');
      await status.selectOption((await status.inputValue()) === 'loopt' ? 'wacht' : 'loopt');
      await page
        .getByRole('alert')
        .filter({ hasText: `alleen leden van ${other.name} kunnen de acties ervan wijzigen` })
        .waitFor();
      await page.screenshot({ path: path.join(shots, 'acties-geweigerd.png') });
    },
  );
});
