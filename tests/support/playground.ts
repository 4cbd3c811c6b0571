// Drives the Microsoft 365 Agents Playground (the local Teams-like chat client `npm start` starts) in Debian's
// Chromium with playwright-core. Facts it relies on: the Playground sends activities without a token, from a
// mock tenant and user, with serviceUrl http://localhost:<port>/_connector; it sends installationUpdate and
// conversationUpdate when the page opens; it renders Adaptive Cards with the Adaptive Cards JS renderer and
// replaces a card with the one an Action.Execute invoke returns.
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface PlaygroundPage {
  browser: Browser;
  page: Page;
  close(): Promise<void>;
}

export async function openPlayground(url: string): Promise<PlaygroundPage> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
  const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  await page.goto(url);
  return { browser, page, close: () => browser.close() };
}

/** Types a message in the compose box and sends it. */
export async function sendMessage(page: Page, text: string): Promise<void> {
  const box = page.getByRole('textbox', { name: /type a message/i }).or(page.locator('[data-lexical-editor="true"]')).first();
  await box.click();
  await box.pressSequentially(text);
  await page.keyboard.press('Enter');
}

/** The rendered Adaptive Cards, oldest first. */
export function cards(page: Page): Locator {
  return page.locator('.ac-adaptiveCard');
}

/** Waits until there are at least `n` cards containing `text`; returns the last of them. */
export async function waitForCard(page: Page, text: string | RegExp, n = 1, timeout = 20_000): Promise<Locator> {
  const matching = cards(page).filter({ hasText: text });
  await matching.nth(n - 1).waitFor({ state: 'visible', timeout });
  return matching.last();
}
