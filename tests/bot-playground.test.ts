// The bot end to end, as a person meets it locally: `npm start` starts the Microsoft 365 Agents Playground
// pointed at the bot; Chromium opens it, asks for help, opens the update card, submits it with a required
// field empty and with a K without its note (errors shown in the card, nothing entered lost, nothing stored),
// submits it complete (confirmation in the card, stored), and sees the update in `status <werkgroep>`; then proposes
// a decision through the `decision` form.
import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { once } from 'node:events';
import { afterAll, describe, expect, it } from 'vitest';
import { startStack, type RunningStart } from './helpers/stack.ts';
import { loadProgramme } from './helpers/programmes.ts';
import { openPlayground, sendMessage, waitForCard, cards, type PlaygroundPage } from './support/playground.ts';

const blnp = await loadProgramme('blnp');
const werkgroep = blnp.bodies.find((b) => b.kind === 'werkgroep');
if (!werkgroep || werkgroep.kind !== 'werkgroep') throw new Error('BLNP has werkgroepen');
const shots = path.resolve(import.meta.dirname, '../test-results/bot');

let run: RunningStart | undefined;
let pg: PlaygroundPage | undefined;
afterAll(async () => {
  await pg?.close();
  if (run && run.child.exitCode === null) {
    run.child.kill('SIGINT');
    await once(run.child, 'exit');
  }
});

describe('the bot in the Agents Playground', () => {
  it(
    'help, the update card with errors in the card, a complete update stored, status shows it, a decision proposed',
    { timeout: 240_000 },
    async () => {
      await mkdir(shots, { recursive: true });
      const dataDir = await mkdtemp(path.join(os.tmpdir(), 'rk-bot-'));
      run = startStack({
        REGIEKAMER_DATA_DIR: dataDir,
        PORT: '0',
        LOCAL_TENANT_PORT: '0',
        LOCAL_TENANT_HTTP_PORT: '0',
        // A port of its own (the Playground falls back to a free one when it is taken); the sync is not needed here.
        PLAYGROUND_PORT: String(20_000 + Math.floor(Math.random() * 20_000)),
        SYNC_INTERVAL_MINUTES: '0',
        PLANNER_POLL_SECONDS: '0',
        BOT_RHYTHM_SECONDS: '0',
      });
      const [, playgroundUrl] = await run.line(/Agents Playground: (http:\/\/\S+)/);
      expect(playgroundUrl).toMatch(/^http:\/\/localhost:\d+$/);
      pg = await openPlayground(playgroundUrl as string);
      const { page } = pg;

      // Installing in the personal chat (the Playground does it on opening) gets a welcome and the help card.
      await waitForCard(page, /what can I do for you/i);
      await sendMessage(page, 'help');
      await waitForCard(page, /what can I do for you/i, 2);
      // An unknown command gets help, saying what was not understood (in English: once a person writes Dutch,
      // the bot answers in Dutch from then on, and the rest of this chat is in the Playground's English).
      await sendMessage(page, 'good morning');
      await waitForCard(page, /I don't recognise that: 'good morning'/);
      await page.screenshot({ path: path.join(shots, 'help.png') });

      // The update card for the trekker's werkgroep.
      await sendMessage(page, 'update');
      const title = new RegExp(`Progress ${werkgroep.name}`);
      let card = await waitForCard(page, title);
      await card.getByRole('radio', { name: 'needs attention' }).check();
      await card.getByRole('checkbox', { name: 'Costs' }).check();
      await card.getByRole('textbox', { name: 'Results to celebrate' }).fill('Eerste koppeling live');
      // Progress (required) left empty: the error is shown in the card.
      await card.getByRole('button', { name: 'Submit' }).click();
      await card.getByText('Progress is required').first().waitFor();
      await page.screenshot({ path: path.join(shots, 'update-required.png') });

      // Progress filled, but Costs chosen without its note: only the bot can see this; its answer replaces the
      // card with the error at the top and every value still in place.
      await card.getByRole('textbox', { name: /^Progress/ }).fill('Netwerken gekoppeld; licenties samengevoegd.');
      await card.getByRole('button', { name: 'Submit' }).click();
      card = await waitForCard(page, /add a short note for Costs/);
      expect(await card.getByRole('textbox', { name: /^Progress/ }).inputValue()).toBe(
        'Netwerken gekoppeld; licenties samengevoegd.',
      );
      expect(await card.getByRole('textbox', { name: 'Results to celebrate' }).inputValue()).toBe(
        'Eerste koppeling live',
      );
      await page.screenshot({ path: path.join(shots, 'update-error.png') });

      // Nothing was stored: status still has no update.
      await sendMessage(page, `status ${werkgroep.name}`);
      await waitForCard(page, /No update received yet/);

      // Complete: the card confirms who submitted when.
      card = cards(page)
        .filter({ hasText: /add a short note for Costs/ })
        .last();
      await card.getByRole('textbox', { name: 'Note on Costs' }).fill('Eén contract in plaats van vier');
      await card.getByRole('button', { name: 'Submit' }).click();
      const trekker = blnp.people.find((p) => p.id === werkgroep.trekker);
      card = await waitForCard(page, new RegExp(`Submitted by ${trekker?.name ?? '?'} on`));
      expect(await card.getByRole('textbox', { name: /^Progress/ }).inputValue()).toBe(
        'Netwerken gekoppeld; licenties samengevoegd.',
      );
      await page.screenshot({ path: path.join(shots, 'update-submitted.png') });

      // Stored: the werkgroep's status shows it.
      await sendMessage(page, `stauts ${werkgroep.name}`);
      const status = await waitForCard(page, /Latest update: needs attention, today/);
      await status.getByText('Netwerken gekoppeld; licenties samengevoegd.').waitFor();
      await status.getByText('Eén contract in plaats van vier').waitFor();
      await page.screenshot({ path: path.join(shots, 'status.png') });

      // Proposing a decision: the form from `decision <title>`, submitted with Execute, answered with the decision id.
      await sendMessage(page, 'decision Extend the ICT contract');
      card = await waitForCard(page, /Propose a decision/);
      expect(await card.getByRole('textbox', { name: /^Title/ }).inputValue()).toBe('Extend the ICT contract');
      await card.getByRole('textbox', { name: /^Proposal/ }).fill('Extend the contract by two years.');
      await card.getByRole('radio', { name: 'projectgroep' }).check();
      await card.getByRole('button', { name: 'Submit proposal' }).click();
      await waitForCard(page, /Proposed as decision B\d{8}-1: 'Extend the ICT contract', at projectgroep/);
      await page.screenshot({ path: path.join(shots, 'besluit.png') });
    },
  );
});
