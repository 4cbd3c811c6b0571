// Drives the Microsoft 365 Agents Playground (@microsoft/m365agentsplayground 0.2.28, the local Teams-like chat
// client `npm start` starts) in Debian's Chromium with playwright-core.
//
// What the Playground sends to the bot (checked against 0.2.28 with -c msteams and no --client-id/--client-secret):
// - POST <endpoint> with JSON, headers `x-ms-agents-playground: true`, user-agent axios; NO Authorization header
//   (it only fetches a real Entra token when --client-id and --client-secret are given). Its connector does not
//   check the bot's Authorization header either in that mode.
// - serviceUrl `http://localhost:<port>/_connector` (no trailing slash; --service-url overrides). Bot replies go to
//   POST {serviceUrl}/v3/conversations/{conversation.id}/activities (201 {id}); also POST .../activities/{replyToId},
//   PUT/DELETE .../activities/{id} (update/delete), POST /v3/conversations (proactive), GET .../members.
// - Ids (default config; a .m365agentsplayground.yml in the cwd or $M365_AGENTS_PLAYGROUND_CONFIG_PATH changes them):
//   from {id 'user-id-0', name 'Alex Wilber', aadObjectId '00000000-0000-0000-0000-0000000000020'},
//   recipient {id '00000000-0000-0000-0000-00000000000011', name 'Test Bot'},
//   tenant (conversation.tenantId and channelData.tenant.id) '00000000-0000-0000-0000-0000000000001'.
//   NB: these are NOT valid GUIDs (13/14 digits in the last group) — a strict uuid check rejects them.
//   conversation {id: a fresh random UUID per Playground process (fixed with --conversation-id), conversationType
//   'personal', tenantId}. channelId 'msteams'.
// - Nothing is sent at process start. Every time the page is opened: HEAD <endpoint> (waits up to 15 s for the bot
//   to answer with any status), then conversationUpdate (membersAdded: user and bot) and installationUpdate
//   (action 'add') — concurrently, so in no fixed order. A reopened page shows an empty chat (same conversation id).
// - Action.Execute → invoke, name 'adaptiveCard/action', value {action: {type 'Action.Execute', title, verb, data:
//   {...card data, ...input values as strings}}}, replyToId = the card's activity id. An HTTP 200 body
//   {statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card} replaces the card in place
//   (same chat message; no new message).
// - The Adaptive Cards renderer validates isRequired inputs client-side: an empty required Input.Text shows its
//   errorMessage (or "<label> is required"-style text) under the field and NO invoke reaches the bot. Whitespace
//   passes that check. Input values arrive as strings (toggle 'true'/'false', number '7', date 'YYYY-MM-DD',
//   multi-select 'a,b').
// - Compact multi-select ChoiceSets (isMultiSelect without style 'expanded') render a combobox whose list never
//   opens in 0.2.28; use style 'expanded' for multi-select.
// - With stdout not a TTY, the Playground's console output goes only to its log file (default
//   ./devTools/m365agentsplayground.log in its cwd; startPlayground points it at a temp file instead).
// - The UI loads web fonts and a CDN script from the internet; offline those requests fail harmlessly.
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdtemp, readFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

/** Debian's Chromium and the flags every end-to-end test and benchmark launches it with (offline, headless). */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
const DEFAULT_TIMEOUT = 20_000;

// ---------------------------------------------------------------------------------------------------------------
// The Playground process

export interface StartPlaygroundOptions {
  /** The bot's messaging endpoint, e.g. http://localhost:3978/api/messages. */
  botEndpoint: string;
  /** UI/connector port; 0 or absent = a free random port. If a given port is taken the Playground picks another one. */
  port?: number;
  /** A fixed conversation id for the personal chat (otherwise a random UUID per process). */
  conversationId?: string;
  /** A .m365agentsplayground.yml to use for users/tenant/bot ids. */
  configFile?: string;
  /** How long to wait for the UI to answer (default 30 s). */
  timeoutMs?: number;
}

export interface RunningPlayground {
  /** http://localhost:<port> — the UI; the mock connector is at `${url}/_connector`. */
  url: string;
  port: number;
  /** The Playground's own log file (its console output goes there, not to stdout). */
  logFile: string;
  stop(): Promise<void>;
}

/** Spawns the Playground CLI from node_modules (no browser), resolves once its UI answers; `stop` kills its process group. */
export async function startPlayground(options: StartPlaygroundOptions): Promise<RunningPlayground> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const deadline = Date.now() + timeoutMs;
  const cli = createRequire(import.meta.url).resolve('@microsoft/m365agentsplayground/cli.js');
  const logFile = path.join(await mkdtemp(path.join(os.tmpdir(), 'agents-playground-')), 'playground.log');
  const args = [cli, '-e', options.botEndpoint, '-c', 'msteams', '-p', String(options.port ?? 0), '--dt'];
  if (options.conversationId) args.push('--conversation-id', options.conversationId);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none',
    M365_AGENTS_PLAYGROUND_LOGFILE: logFile,
  };
  if (options.configFile) env.M365_AGENTS_PLAYGROUND_CONFIG_PATH = path.resolve(options.configFile);
  // Its own process group, so stop() (and an unexpected exit of this process) can kill the whole tree.
  const child = spawn(process.execPath, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const killGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      child.kill(signal);
    }
  };
  const onExit = () => killGroup('SIGKILL');
  process.once('exit', onExit);
  const stop = async () => {
    process.off('exit', onExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    killGroup('SIGTERM');
    const ac = new AbortController();
    const hard = delay(5_000, undefined, { signal: ac.signal }).then(
      () => killGroup('SIGKILL'),
      () => undefined,
    );
    await exited;
    ac.abort();
    await hard;
  };

  try {
    const port = await listeningPort(child, deadline, logFile);
    const url = `http://localhost:${port}`;
    await waitForHttp(`${url}/_debug/ping`, deadline, child, logFile);
    await waitForHttp(`${url}/`, deadline, child, logFile);
    return { url, port, logFile, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function logTail(logFile: string): Promise<string> {
  return readFile(logFile, 'utf8').then(
    (t) => t.slice(-1_000),
    () => '',
  );
}

/** The port from the "Listening on <port>" line (authoritative: the Playground falls back to a free port). */
function listeningPort(child: ChildProcess, deadline: number, logFile: string): Promise<number> {
  return new Promise<number>((resolve, reject) => {
    let out = '';
    let err = '';
    const cleanup = () => {
      clearTimeout(timer);
      child.stdout?.off('data', onOut);
      child.stderr?.off('data', onErr);
      child.off('exit', onExit);
      child.off('error', onError);
    };
    const fail = (why: string) => {
      cleanup();
      void logTail(logFile).then((log) =>
        reject(
          new Error(`Agents Playground ${why}\nstdout: ${out.slice(-500)}\nstderr: ${err.slice(-500)}\nlog: ${log}`),
        ),
      );
    };
    const onOut = (chunk: Buffer) => {
      out += chunk.toString();
      const m = /Listening on (\d+)/.exec(out);
      if (m) {
        cleanup();
        resolve(Number(m[1]));
      }
    };
    const onErr = (chunk: Buffer) => {
      err += chunk.toString();
    };
    const onExit = (code: number | null, signal: string | null) =>
      fail(`exited (code ${code}, signal ${signal}) before listening`);
    const onError = (e: Error) => fail(`could not start: ${e.message}`);
    const timer = setTimeout(
      () => fail(`did not print "Listening on <port>" within the timeout`),
      Math.max(0, deadline - Date.now()),
    );
    child.stdout?.on('data', onOut);
    child.stderr?.on('data', onErr);
    child.once('exit', onExit);
    child.once('error', onError);
  });
}

/** Polls `url` until it answers 200, the child exits, or the deadline passes. */
async function waitForHttp(url: string, deadline: number, child: ChildProcess, logFile: string): Promise<void> {
  let last = '';
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null)
      throw new Error(`Agents Playground exited while waiting for ${url}\nlog: ${await logTail(logFile)}`);
    try {
      const res = await fetch(url, {
        signal: AbortSignal.timeout(Math.max(1, Math.min(2_000, deadline - Date.now()))),
      });
      await res.arrayBuffer();
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = (e as Error).message;
    }
    await delay(100); // poll interval, not a wait for a state
  }
  throw new Error(
    `Agents Playground at ${url} not ready within the timeout (last: ${last})\nlog: ${await logTail(logFile)}`,
  );
}

// ---------------------------------------------------------------------------------------------------------------
// The browser

export interface PlaygroundPage {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

/** Opens the Playground UI in headless Chromium; resolves once the compose box is there. */
export async function openPlayground(url: string, opts: { timeout?: number } = {}): Promise<PlaygroundPage> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    page.setDefaultTimeout(DEFAULT_TIMEOUT);
    await page.goto(url);
    await composeBox(page).waitFor({ state: 'visible', timeout: opts.timeout ?? 30_000 });
    return { browser, page, close: () => browser.close() };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

function composeBox(page: Page): Locator {
  return page.locator('[data-lexical-editor="true"][contenteditable="true"]');
}

// A chat message's root has a "Message header" child; the bot's has a "Message author" in it, the user's does not.
const BOT_MESSAGE_XPATH = '//div[./div[@aria-label="Message header"]/div[@aria-label="Message author"]]';
const USER_MESSAGE_XPATH =
  '//div[./div[@aria-label="Message header"] and not(./div[@aria-label="Message header"]/div[@aria-label="Message author"])]';

/** The bot's chat messages (text and cards), oldest first. */
export function botMessages(page: Page): Locator {
  return page.locator(`xpath=${BOT_MESSAGE_XPATH}`);
}

/** The user's chat messages, oldest first. */
export function userMessages(page: Page): Locator {
  return page.locator(`xpath=${USER_MESSAGE_XPATH}`);
}

/** Types `text` in the compose box, sends it with Enter, and waits until it shows as the user's newest message. */
export async function sendMessage(page: Page, text: string, opts: { timeout?: number } = {}): Promise<void> {
  const before = await userMessages(page).count();
  const box = composeBox(page);
  await box.click();
  await box.pressSequentially(text);
  await page.keyboard.press('Enter');
  await userMessages(page)
    .nth(before)
    .waitFor({ state: 'visible', timeout: opts.timeout ?? DEFAULT_TIMEOUT });
}

export interface WaitForBotTextOptions {
  timeout?: number;
  /** Only consider bot messages after the first `since` ones (take it from `botMessages(page).count()` before acting). */
  since?: number;
}

/** Waits for a bot message (text or card) containing `text`; returns the latest such message. */
export async function waitForBotText(
  page: Page,
  text: string | RegExp,
  opts: WaitForBotTextOptions = {},
): Promise<Locator> {
  const scope = opts.since
    ? page.locator(`xpath=(${BOT_MESSAGE_XPATH})[position() > ${Math.floor(opts.since)}]`)
    : botMessages(page);
  const matching = scope.filter({ hasText: text });
  await matching.first().waitFor({ state: 'visible', timeout: opts.timeout ?? DEFAULT_TIMEOUT });
  return matching.last();
}

/** The Adaptive Cards rendered in the bot's messages, oldest first. */
export function cards(page: Page): Locator {
  return botMessages(page).locator('.ac-adaptiveCard');
}

/** The last rendered Adaptive Card (lazy: re-resolves on each use, so it follows a card replaced in place). */
export function lastCard(page: Page): Locator {
  return cards(page).last();
}

/** Waits until there are at least `n` cards containing `text`; returns the last of them. */
export async function waitForCard(
  page: Page,
  text: string | RegExp,
  n = 1,
  timeout = DEFAULT_TIMEOUT,
): Promise<Locator> {
  const matching = cards(page).filter({ hasText: text });
  await matching.nth(n - 1).waitFor({ state: 'visible', timeout });
  return matching.last();
}

/** Waits until some card shows `text` (e.g. after an Action.Execute replaced it); returns the last such card. */
export async function waitForCardText(
  page: Page,
  text: string | RegExp,
  opts: { timeout?: number } = {},
): Promise<Locator> {
  return waitForCard(page, text, 1, opts.timeout ?? DEFAULT_TIMEOUT);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** A label matcher: a string matches the whole label text, ignoring the " *" the renderer adds to required inputs. */
function labelMatcher(label: string | RegExp): RegExp {
  return typeof label === 'string' ? new RegExp(`^\\s*${escapeRegExp(label)}(\\s*\\*)?\\s*$`) : label;
}

/**
 * The card input with this label (Input.Text/Number/Date; the Adaptive Cards renderer does not put input ids in
 * the DOM, so inputs are found by their `label`).
 */
export function cardInput(card: Locator, label: string | RegExp): Locator {
  return card
    .getByLabel(labelMatcher(label))
    .and(
      card.locator(
        'textarea, input:not([type="radio"]):not([type="checkbox"]):not([role="combobox"]), input[role="combobox"][aria-haspopup="dialog"]',
      ),
    );
}

/** Fills a text, number or date input of the card (a date as YYYY-MM-DD or as the date picker's text). */
export async function fillCardInput(card: Locator, label: string | RegExp, value: string): Promise<void> {
  const input = cardInput(card, label);
  await input.fill(value);
  // The date picker parses typed text on blur. (Enter would open its calendar, a modal that aria-hides the rest of
  // the page, so getByRole finds nothing in the card until it is closed.)
  if ((await input.getAttribute('aria-haspopup')) === 'dialog') await input.blur();
}

/**
 * Chooses `choice` (the choice's title) in the Input.ChoiceSet labelled `label`: a radio (expanded), an option of the
 * dropdown (compact), or — for an expanded multi-select — checks that box (pass several to check several).
 */
export async function chooseCardChoice(
  card: Locator,
  label: string | RegExp,
  choice: string | string[],
): Promise<void> {
  const group = card
    .getByLabel(labelMatcher(label))
    .and(card.locator('[role="radiogroup"], input[role="combobox"], input[type="checkbox"]'));
  await group.first().waitFor({ state: 'attached' });
  const role = await group.first().getAttribute('role');
  const type = await group.first().getAttribute('type');
  const choices = Array.isArray(choice) ? choice : [choice];
  if (role === 'radiogroup') {
    for (const c of choices) await group.getByRole('radio', { name: c, exact: true }).check();
  } else if (role === 'combobox') {
    for (const c of choices) {
      const combo = group.first();
      if ((await combo.getAttribute('aria-expanded')) !== 'true') await combo.click();
      const controls = await combo.getAttribute('aria-controls');
      const list = controls ? card.page().locator(`[id="${controls}"]`) : card.page().getByRole('listbox');
      await list.getByRole('option', { name: c, exact: true }).click();
    }
  } else if (type === 'checkbox') {
    for (const c of choices)
      await group.and(card.getByRole('checkbox', { name: new RegExp(`(^|\\s)${escapeRegExp(c)}$`) })).check();
  } else {
    throw new Error(`no choice set labelled ${String(label)} in the card`);
  }
}

/** Sets the Input.Toggle with this label or title on or off. */
export async function setCardToggle(card: Locator, labelOrTitle: string | RegExp, on = true): Promise<void> {
  await card.getByLabel(labelMatcher(labelOrTitle)).and(card.locator('input[type="checkbox"]')).first().setChecked(on);
}

/** Clicks the card action (Action.Execute/Submit/OpenUrl/ShowCard) with this title. */
export async function clickCardAction(card: Locator, title: string | RegExp): Promise<void> {
  await card.getByRole('button', { name: title, exact: typeof title === 'string' }).click();
}
