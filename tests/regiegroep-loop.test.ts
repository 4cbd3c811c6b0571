// The regiegroep's monthly loop end to end (issue 18), with `npm start` in Debian's Chromium, as the projectleider:
// an update's "decisions needed" becomes a proposal, moved up to the regiegroep after confirming; the next
// regiegroep's agenda shows it with the update in full; in the meeting view the decision is recorded as taken and
// an action with an owner is added; the meeting is closed; the besluitenlijst card reaches the regiegroep's channel
// in the local tenant, the action reaches Planner, and Besluiten shows the decision's lead time. Then as a werkgroep
// member: proposing works, moving and closing are refused, and the refusal is shown. Screenshots: test-results/loop/.
import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { DateTime } from 'luxon';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedUpdates } from '../src/adapters/work/seed.ts';
import { meetingOccurrences } from '../src/domain/bot/rhythm.ts';
import { startStack, type RunningStart } from './helpers/stack.ts';
import { loadProgramme } from './helpers/programmes.ts';
import { localTenantOf } from './helpers/local-graph.ts';
import { CHROMIUM, CHROMIUM_FLAGS } from './support/playground.ts';

const shots = path.resolve(import.meta.dirname, '../test-results/loop');
const blnp = await loadProgramme('blnp');
const tz = blnp.programme.timeZone;
const projectleider = blnp.people.find((p) => p.roles.includes('projectleider'));
if (!projectleider) throw new Error('BLNP has a projectleider');
const regiegroep = blnp.bodies.find((b) => b.kind === 'regiegroep');
if (!regiegroep) throw new Error('BLNP has a regiegroep');

// The next regiegroep meeting (the one the local start seeds updates for) and the update that needs a decision.
const now = new Date();
const next = meetingOccurrences(blnp).find((m) => m.bodyIds.includes(regiegroep.id) && m.start > now);
if (!next) throw new Error('BLNP has a regiegroep meeting ahead');
const meetingDate = DateTime.fromJSDate(next.start, { zone: tz }).toISODate() as string;
const later = meetingOccurrences(blnp).find((m) => m.bodyIds.includes(regiegroep.id) && m.start > next.start);
if (!later) throw new Error('BLNP has a second regiegroep meeting ahead');
const laterDate = DateTime.fromJSDate(later.start, { zone: tz }).toISODate() as string;
const seeded = seedUpdates(blnp, now);
const asking = seeded.find((u) => typeof u.data['decisionsNeeded'] === 'string');
if (!asking) throw new Error('the local start seeds an update with a decision needed');
const askingWerkgroep = blnp.bodies.find((b) => b.id === asking.werkgroep);
if (askingWerkgroep?.kind !== 'werkgroep') throw new Error('the update is a werkgroep’s');
const decisionTitle = String(asking.data['decisionsNeeded']).split('\n')[0]?.trim() ?? '';
const progress = String(asking.data['progress']);
// A werkgroep member who is neither trekker nor in the regiegroep, nor the projectleider.
const member = blnp.people.find(
  (p) =>
    askingWerkgroep.members.includes(p.id) &&
    p.id !== askingWerkgroep.trekker &&
    !regiegroep.members.includes(p.id) &&
    !p.roles.includes('projectleider'),
);
if (!member) throw new Error('the werkgroep has a plain member');
const actionTitle = `Zaaksysteem: offerte opvragen (${Date.now()})`;

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
  dir = await mkdtemp(path.join(os.tmpdir(), 'rk-loop-'));
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

/** Teams adds the app to the programme's team: the bot hears of it in the regiegroep's channel (as Teams would say). */
async function addBotToTeam(): Promise<string> {
  const tenant = await localTenantOf(dir, blnp);
  const teamId = await tenant.teamId();
  const channels = await tenant.graph(`/teams/${teamId}/channels`);
  const channelName = regiegroep?.channel?.name ?? regiegroep?.name;
  const channelId = String(channels.value?.find((c) => c['displayName'] === channelName)?.['id']);
  const activity = {
    type: 'conversationUpdate',
    id: `install-${Date.now()}`,
    timestamp: new Date().toISOString(),
    channelId: 'msteams',
    serviceUrl: `${tenant.info.baseUrl}/`,
    locale: 'nl-NL',
    from: { id: `29:${projectleider?.id ?? ''}` },
    recipient: { id: `28:${tenant.info.app.clientId}`, name: 'Regiekamer' },
    conversation: { id: channelId, conversationType: 'channel', tenantId: tenant.host },
    channelData: { tenant: { id: tenant.host }, team: { id: teamId }, channel: { id: channelId } },
    membersAdded: [{ id: `28:${tenant.info.app.clientId}` }],
  };
  const res = await fetch(`${url}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  if (res.status !== 200) throw new Error(`the bot answered ${res.status}: ${run.output().stderr.slice(-3000)}`);
  return channelId;
}

describe('the regiegroep loop in the tab', () => {
  it(
    'as the projectleider: proposal from an update, agenda, meeting, besluitenlijst in the channel, action in Planner',
    { timeout: 480_000 },
    async () => {
      // The first sync makes the team and its channels (the Planner poll that made the plans comes after it).
      await run.line(/"component":"planner".*"created":[1-9]/);
      const channelId = await addBotToTeam();
      await signIn(page, projectleider.name);

      // 1. The update's "decisions needed" becomes a proposal (at the projectgroep), then moved up to the regiegroep.
      await page.goto(`${url}/tab/?view=werkgroep&werkgroep=${askingWerkgroep.id}&lang=nl&theme=light`);
      const update = page.getByRole('article', { name: next.key });
      await update.getByRole('button', { name: 'Maak voorstel' }).click();
      const form = update.getByRole('region', { name: 'Nieuw voorstel' });
      await expect(form.getByRole('textbox', { name: 'Titel' }).inputValue()).resolves.toBe(decisionTitle);
      await form.getByRole('button', { name: 'Voorstel indienen' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Voorstel '${decisionTitle}' ingediend` })
        .waitFor();
      await page.screenshot({ path: path.join(shots, 'voorstel.png'), fullPage: true });

      await page.goto(`${url}/tab/?view=besluiten&lang=nl&theme=light`);
      const card = page.getByRole('article', { name: decisionTitle });
      await card.getByRole('button', { name: 'Verplaatsen' }).click();
      const move = page.getByRole('dialog', { name: `'${decisionTitle}' verplaatsen` });
      await move.getByRole('combobox', { name: 'Naar niveau' }).selectOption('regiegroep');
      await move.getByRole('button', { name: 'Ja, verplaatsen' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `'${decisionTitle}' verplaatst naar regiegroep` })
        .waitFor();

      // 2. The next regiegroep's agenda: the update in full, the decision waiting at the regiegroep.
      await page.goto(`${url}/tab/?view=agenda&body=${regiegroep.id}&date=${meetingDate}&lang=nl&theme=light`);
      await page.getByText(progress).first().waitFor();
      await page.getByText(decisionTitle).first().waitFor();
      await page.screenshot({ path: path.join(shots, 'agenda.png'), fullPage: true });

      // 3. The meeting app for that occurrence: the decision taken, an action with an owner and a due date.
      await page.goto(`${url}/tab/?meeting=${regiegroep.id}:${meetingDate}&lang=nl&theme=light`);
      const item = page.getByRole('region', { name: decisionTitle });
      await item.getByRole('combobox', { name: 'Uitkomst' }).selectOption('besloten');
      await item.getByRole('button', { name: 'Uitkomst vastleggen' }).click();
      await page.getByRole('status').filter({ hasText: 'Vastgelegd' }).waitFor();

      const owner = blnp.people.find((p) => p.id === askingWerkgroep.trekker);
      const due = DateTime.now().setZone(tz).plus({ weeks: 3 }).toISODate() as string;
      const actionForm = page.getByRole('form', { name: 'Actie toevoegen' });
      await actionForm.getByRole('combobox', { name: 'Agendapunt' }).selectOption(`werkgroep:${askingWerkgroep.id}`);
      await actionForm.getByRole('combobox', { name: 'Werkgroep' }).selectOption(askingWerkgroep.id);
      await actionForm.getByRole('textbox', { name: 'Actie', exact: true }).fill(actionTitle);
      await actionForm.getByRole('combobox', { name: 'Eigenaar' }).selectOption(owner?.id ?? '');
      await actionForm.getByLabel('Uiterste datum').fill(due);
      await actionForm.getByRole('button', { name: 'Actie toevoegen' }).click();
      await page
        .getByRole('status')
        .filter({ hasText: `Vastgelegd: ${actionTitle}` })
        .waitFor();
      await page.screenshot({ path: path.join(shots, 'vergadering.png'), fullPage: true });

      // 4. Closed: the besluitenlijst is kept in the tab and its card goes to the regiegroep's channel.
      await page.getByRole('button', { name: 'Vergadering sluiten' }).click();
      await page.getByRole('button', { name: 'Ja, sluiten en versturen' }).click();
      await page.getByRole('status').filter({ hasText: 'De vergadering is gesloten' }).waitFor();
      const list = page.getByRole('article', { name: /^Besluitenlijst / });
      await expect(list.textContent()).resolves.toContain(decisionTitle);
      await expect(list.textContent()).resolves.toContain(actionTitle);
      await page.screenshot({ path: path.join(shots, 'besluitenlijst.png'), fullPage: true });

      const tenant = await localTenantOf(dir, blnp);
      const cardText = async () =>
        (await tenant.botActivities(channelId))
          .map((a) => JSON.stringify(a.activity?.['attachments'] ?? []))
          .find((t) => t.includes(decisionTitle) && t.includes(actionTitle));
      // The delivery worker sends it (a durable job, handed over at closing): the local tenant's record shows it.
      await expect.poll(cardText, { timeout: 60_000, interval: 500 }).toBeDefined();

      // 5. The action reaches Planner: after two more finished polls (the second began after the close).
      const polls = (out: { stderr: string }) => (out.stderr.match(/planner poll finished/g) ?? []).length;
      const target = polls(run.output()) + 2;
      await run.until((out) => polls(out) >= target);
      const teamId = await tenant.teamId();
      const plans = await tenant.graph(`/groups/${teamId}/planner/plans`);
      const titles: string[] = [];
      for (const plan of plans.value ?? [])
        for (const task of (await tenant.graph(`/planner/plans/${String(plan['id'])}/tasks?$top=999`)).value ?? [])
          titles.push(String(task['title']));
      expect(titles).toContain(actionTitle);

      // 6. Besluiten: the decision taken, with its lead time (proposed, moved and taken today: 0 days).
      await page.goto(`${url}/tab/?view=besluiten&lang=nl&theme=light`);
      const taken = page.getByRole('article', { name: decisionTitle });
      await taken.getByText(/besloten/).waitFor();
      await expect(taken.textContent()).resolves.toMatch(/totaal 0 dagen/);
      await page.screenshot({ path: path.join(shots, 'besluiten.png'), fullPage: true });
    },
  );

  it(
    'as a werkgroep member: may propose, may not move or close; the refusal is shown',
    { timeout: 180_000 },
    async () => {
      const memberPage = await browser.newPage({ viewport: { width: 1400, height: 1000 }, locale: 'nl-NL' });
      await signIn(memberPage, member.name);
      await memberPage.goto(`${url}/tab/?view=besluiten&lang=nl&theme=light`);
      await memberPage.getByRole('button', { name: 'Nieuw voorstel' }).click();
      const form = memberPage.getByRole('region', { name: 'Nieuw voorstel' });
      const title = `Gezamenlijke inkoop van licenties (${Date.now()})`;
      await form.getByRole('textbox', { name: 'Titel' }).fill(title);
      await form
        .getByRole('textbox', { name: 'Voorstel: wat besloten moet worden en waarom' })
        .fill('De vier gemeenten kopen de licenties samen in.');
      await form.getByRole('combobox', { name: 'Werkgroep van herkomst' }).selectOption(askingWerkgroep.id);
      await form.getByRole('combobox', { name: 'Niveau waar het voorstel begint' }).selectOption('werkgroep');
      await form.getByRole('button', { name: 'Voorstel indienen' }).click();
      await memberPage
        .getByRole('status')
        .filter({ hasText: `Voorstel '${title}' ingediend` })
        .waitFor();

      // Moving and recording an outcome: the controls are there, refused, with the reason shown beside them.
      const card = memberPage.getByRole('article', { name: title });
      await expect(card.getByRole('button', { name: 'Verplaatsen' }).isDisabled()).resolves.toBe(true);
      await expect(card.getByRole('button', { name: 'Besluit vastleggen' }).isDisabled()).resolves.toBe(true);
      await memberPage.screenshot({ path: path.join(shots, 'lid-geweigerd.png'), fullPage: true });

      await expect(card.textContent()).resolves.toContain(
        'Verplaatsen en een besluit vastleggen kan alleen de projectleider of de regiegroep.',
      );

      // A meeting still open (the one after the closed one): closing it is refused by the server, and that is shown.
      await memberPage.goto(`${url}/tab/?meeting=${regiegroep.id}:${laterDate}&lang=nl&theme=light`);
      await memberPage.getByRole('button', { name: 'Vergadering sluiten' }).click();
      await memberPage.getByRole('button', { name: 'Ja, sluiten en versturen' }).click();
      await memberPage
        .getByRole('alert')
        .filter({ hasText: 'alleen de voorzitter van dit overleg en de projectleider leggen vast' })
        .waitFor();
      await memberPage.screenshot({ path: path.join(shots, 'lid-vergadering.png'), fullPage: true });
      await memberPage.close();
    },
  );
});
