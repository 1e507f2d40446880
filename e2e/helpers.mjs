// What the tests read: exact numbers from data-value, as a reader's figures, and any console errors.
import { expect } from '@playwright/test';

export const metric = (page, key) => page.locator(`[data-metric="${key}"]`).first();

export async function expectMetric(page, key, value) {
  await expect(metric(page, key)).toHaveAttribute('data-value', value);
}

/** Opens a page and collects console errors and CSP violations, which every test checks at its end. */
export async function open(page, url = './') {
  const problems = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.goto(url);
  await expect(metric(page, 'investment_total')).toHaveAttribute('data-value', /\d/);
  return problems;
}

/** Replaces a field's text as a reader would: select all, type. */
export async function typeInto(page, selector, text) {
  const field = page.locator(selector);
  await field.click();
  await field.press('ControlOrMeta+a');
  if (text === '') {
    await field.press('Backspace');
  } else {
    await field.pressSequentially(text);
  }
}

/** Puts text into a field at once, as a paste does (typing key by key applies each valid prefix on the way). */
export async function pasteInto(page, selector, text) {
  await page.locator(selector).fill(text);
}

/** Opens a page (as `open`) whose clock the test holds: every timer the page sets is faked from the start, and
 *  once the page is up, time stops. A pause in the reader's typing then never ends unless the test moves time on
 *  (`page.clock.runFor`), so what waits for that pause is tested however slow the machine is. */
export async function openHoldingTime(page, url = './') {
  // The fake clock's `performance` has no navigation entries, which the page reads to tell a reload from a
  // fresh visit. The page times nothing with it, so it keeps the real one.
  await page.addInitScript(() => { window.realPerformance = performance; });
  await page.clock.install();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'performance', { value: window.realPerformance, configurable: true, writable: true });
  });
  const problems = await open(page, url);
  await page.clock.pauseAt(Date.now() + 60_000);
  return problems;
}

/** Waits until a frame has run its layout and its ResizeObserver callbacks, and the next frame has begun. */
export async function afterFrame(page) {
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
}

/** Moves the held clock on until the status region `selector` says `words` (the page writes it after a paint, once
 *  the clipboard has answered), then returns: the words have been there for at most 50 ms of page time. */
export async function saidIn(page, selector, words) {
  await expect(async () => {
    await page.clock.runFor(50);
    await expect(page.locator(selector)).toHaveText(words, { timeout: 100 });
  }).toPass();
}
