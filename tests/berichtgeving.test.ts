// The monthly berichtgeving end to end (issue 16 §3), with `npm start` in Debian's Chromium: the app is added to the
// programme's team (Teams tells the bot in the team's General channel, as it does on a team install); signed in as
// BLNP's communicatieadviseur, the month's draft is edited and saved in the tab, and nothing has reached the
// announcement channel (the team's General channel: BLNP names no communication.news.channel); after approving, the
// message with the edited text reaches that channel in the local tenant's Bot Connector record, exactly once. A
// werkgroep member sees approving disabled with the reason. Screenshots: test-results/berichtgeving/.
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStart } from './helpers/stack.ts';
import { loadProgramme } from './helpers/programmes.ts';
import { localTenantOf } from './helpers/local-graph.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from './support/playground.ts';

const shots = path.resolve(import.meta.dirname, '../test-results/berichtgeving');
const blnp = await loadProgramme('blnp');
const adviseur = blnp.people.find((p) => p.roles.includes('communicatieadviseur'));
if (!adviseur) throw new Error('BLNP has a communicatieadviseur');
if (blnp.communication.news?.channel) throw new Error('this test expects the default: the team’s General channel');
const werkgroep = blnp.bodies.find((b) => b.kind === 'werkgroep');
if (werkgroep?.kind !== 'werkgroep') throw new Error('BLNP has a werkgroep');
const member = blnp.people.find(
  (p) =>
    werkgroep.members.includes(p.id) && !p.roles.includes('projectleider') && !p.roles.includes('communicatieadviseur'),
);
if (!member) throw new Error('the werkgroep has a plain member');
const stamp = Date.now();
const editedTitle = `Nieuws uit BLNP (${stamp})`;
const editedLine = `De vier gemeenten vierden de eerste gezamenlijke begroting (${stamp})`;

let dir: string;
let run: RunningStart;
let url: string;
let browser: Browser;
let page: Page;

async function signIn(p: Page, name: string) {
  await p.goto(`${url}/tab/?lang=nl&theme=light`);
  await p.getByRole('button', { name: 'Aanmelden' }).click();
  await p.getByRole('button', { name: new RegExp(name) }).click();
  await p.getByText(`Aangemeld als ${name}`).waitFor();
}

beforeAll(async () => {
  await mkdir(shots, { recursive: true });
  dir = await mkdtemp(path.join(os.tmpdir(), 'rk-news-'));
  run = startStack({
    REGIEKAMER_DATA_DIR: dir,
    PORT: '0',
    LOCAL_TENANT_PORT: '0',
    LOCAL_TENANT_HTTP_PORT: '0',
    PLAYGROUND_PORT: '0',
    BOT_RHYTHM_SECONDS: '0',
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

/** Teams adds the app to the programme's team: the bot hears of it in the team's General channel. Its id. */
async function addBotToTeam(): Promise<string> {
  const tenant = await localTenantOf(dir, blnp);
  const teamId = await tenant.teamId();
  const channels = await tenant.graph(`/teams/${teamId}/channels`);
  const general = String(channels.value?.find((c) => c['displayName'] === 'General')?.['id']);
  const activity = {
    type: 'conversationUpdate',
    id: `install-${stamp}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${tenant.info.baseUrl}/`,
    locale: 'nl-NL',
    from: { id: `29:${adviseur?.id ?? ''}` },
    recipient: { id: `28:${tenant.info.app.clientId}`, name: 'Regiekamer' },
    conversation: { id: general, conversationType: 'channel', tenantId: tenant.host },
    channelData: { tenant: { id: tenant.host }, team: { id: teamId }, channel: { id: general } },
    membersAdded: [{ id: `28:${tenant.info.app.clientId}` }],
  };
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  if (res.status !== 200) throw new Error(`the bot answered ${res.status}: ${run.output().stderr.slice(-3000)}`);
  return general;
}

describe('the monthly berichtgeving in the tab', () => {
  it(
    'as the communicatieadviseur: edit, nothing sent; approve, the message reaches the General channel once',
    { timeout: 300_000 },
    async () => {
      // The first sync makes the team and its channels.
      await run.line(/"component":"planner".*"created":[1-9]/);
      const general = await addBotToTeam();
      const tenant = await localTenantOf(dir, blnp);
      /** The cards the bot posted in the General channel (its welcome on install is text, not a card). */
      const cards = async () =>
        (await tenant.botActivities(general))
          .map((a) => a.activity?.['attachments'])
          .filter((a): a is unknown[] => Array.isArray(a) && a.length > 0)
          .map((a) => JSON.stringify(a));

      await signIn(page, adviseur.name);
      await page.goto(`${url}/tab/?view=berichtgeving&lang=nl&theme=light`);
      await page.getByText('Concept, opgesteld uit de gegevens van de maand').waitFor();
      await page.getByText('Wordt geplaatst in: het algemene kanaal van het team').waitFor();
      const body = page.getByRole('textbox', { name: /^Tekst/ });
      await expect(body.inputValue()).resolves.toContain('## Successen');
      await page.getByRole('textbox', { name: 'Titel' }).fill(editedTitle);
      await body.fill(`${await body.inputValue()}\n\n## Gevierd\n\n- ${editedLine}`);
      await page.getByRole('article', { name: 'Voorbeeld' }).getByText(editedLine).waitFor();
      await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
      await page.getByRole('status').filter({ hasText: 'Opgeslagen' }).waitFor();
      await page.getByText(`Concept, laatst bewerkt door ${adviseur.name}`).waitFor();
      await page.screenshot({ path: path.join(shots, 'bewerkt.png'), fullPage: true });

      // Saved, not approved: nothing reached the channel, and the message is still a draft.
      expect(await cards()).toEqual([]);
      await expect(page.getByRole('note').textContent()).resolves.toMatch(/^Concept, laatst bewerkt door /);

      await page.getByRole('button', { name: 'Goedkeuren en versturen' }).click();
      await page.getByRole('button', { name: 'Ja, goedkeuren en versturen' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: 'Goedgekeurd; het bericht gaat naar het algemene kanaal van het team' })
        .waitFor();
      // The delivery job posts it (a durable job, handed over at approval): the local tenant's record shows it.
      await expect.poll(async () => (await cards()).length, { timeout: 60_000, interval: 500 }).toBe(1);
      const [card] = await cards();
      expect(card).toContain(editedTitle);
      expect(card).toContain(editedLine);
      await page.reload();
      await page
        .getByText(new RegExp(`Goedgekeurd door ${adviseur.name} op .*; geplaatst in het algemene kanaal`))
        .waitFor();
      await expect(page.getByRole('button', { name: 'Goedkeuren en versturen' }).count()).resolves.toBe(0);
      await page.screenshot({ path: path.join(shots, 'goedgekeurd.png'), fullPage: true });
      // The HTML page for the gemeenten' intranets: the approved text, escaped, in Dutch.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download als HTML (voor intranet)' }).click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/^blnp-berichtgeving-\d{4}-\d{2}\.html$/);
      const saved = await readFile(await download.path(), 'utf8');
      expect(saved).toContain('<html lang="nl">');
      expect(saved).toContain(editedLine);
      // Exactly one post, still, after the page has been read again.
      expect(await cards()).toHaveLength(1);
    },
  );

  it('as a werkgroep member: approving is disabled with the reason', { timeout: 120_000 }, async () => {
    const memberPage = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
    await signIn(memberPage, member.name);
    await memberPage.goto(`${url}/tab/?view=berichtgeving&lang=nl&theme=light`);
    // Next month: not approved yet (this month's was approved above).
    const now = new Date();
    const next = new Date(now.getFullYear(), now.getMonth() + 1, 1);
    const nextMonth = `${next.getFullYear()}-${String(next.getMonth() + 1).padStart(2, '0')}`;
    await memberPage.getByLabel('Maand').fill(nextMonth);
    const label = next.toLocaleString('nl-NL', { month: 'long', year: 'numeric' });
    await memberPage.getByRole('heading', { name: `Berichtgeving van ${label}` }).waitFor();
    const approve = memberPage.getByRole('button', { name: 'Goedkeuren en versturen' });
    await expect(approve.isDisabled()).resolves.toBe(true);
    await memberPage
      .getByText('alleen de communicatieadviseur en de projectleider bewerken en keuren de berichtgeving goed')
      .waitFor();
    await memberPage.screenshot({ path: path.join(shots, 'lid-geweigerd.png'), fullPage: true });
    await memberPage.close();
  });
});
