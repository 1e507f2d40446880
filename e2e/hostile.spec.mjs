// Links anyone can write and environments we do not control: nothing crashes, nothing is injected.
import { test, expect } from '@playwright/test';
import { expectMetric, open, pasteInto, typeInto } from './helpers.mjs';

test('labels are text, never markup, from a link or a field', async ({ page }) => {
  const label = encodeURIComponent('<img src=x onerror=window.pwned=1>').replace(/~/g, '%7E');
  const problems = await open(page, `./?t1=${label}&a1=%22%3E%3Cscript%3Ewindow.pwned%3D2%3C%2Fscript%3E`);
  await expect(page.locator('[data-tranche="0"] legend')).toHaveText('Tranche 1: <img src=x onerror=window.pwned=1>');
  await typeInto(page, '#agreement-1-label', 'javascript:alert(1)');
  await expect(page.locator('[data-agreement="1"] legend')).toHaveText('Agreement 2: javascript:alert(1)');
  expect(await page.evaluate(() => window.pwned)).toBeUndefined();
  expect(await page.locator('img').count()).toBe(0);
  expect(problems).toEqual([]);
});

test('a hostile link is reported, not obeyed', async ({ page }) => {
  const many = Array.from({ length: 10000 }, (_, i) => `t${i + 1}=~1B`).join('&');
  const problems = await open(page, `./?v=1&${many}&burn=1e400&rate=NaN&pue=Infinity&watts=%E0%A5%A7&t1=dup`);
  await expect(page.locator('[data-tranche]')).toHaveCount(12);
  await expect(page.locator('#link-notice')).toContainText('more parameters than any scenario needs');
  await expectMetric(page, 'investment_total', '12000000000');
  await expectMetric(page, 'runway_months', '18');
  await expect(page.locator('#link-notice')).toContainText('appears more than once');
  expect(problems).toEqual([]);
});

test('hostile field input gets a message and the page keeps working', async ({ page }) => {
  await open(page);
  for (const [text, message] of [
    ['   ', 'enter a value'],
    ['1e400', 'not a number: use digits, e.g. 15, 15B or 1,500M'],
    ['NaN', 'not a number: use digits, e.g. 15, 15B or 1,500M'],
    ['Infinity', 'not a number: use digits, e.g. 15, 15B or 1,500M'],
    ['١٥', 'not a number: use digits, e.g. 15, 15B or 1,500M'],
    ['1234567890123456789012345678901234567890', 'too many digits: use a suffix, e.g. 1.2T'],
  ]) {
    await pasteInto(page, '#tranche-0-amount', text);
    await expect(page.locator('#tranche-0-amount-error')).toHaveText(message);
    await expectMetric(page, 'investment_total', '50000000000');
  }
  await pasteInto(page, '#tranche-0-amount', '-0');
  await expect(page.locator('#tranche-0-amount-error')).toHaveText('');
  await expectMetric(page, 'investment_total', '35000000000');
  await pasteInto(page, '#agreement-0-term', '0');
  await expect(page.locator('#agreement-0-term-error')).toHaveText('must be between 1 month and 25 years');
});

test('without JavaScript the reported figures are still there, and a shared link says they are not its own', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('http://127.0.0.1:4173/?v=1&t1=~20B');
  await expect(page.locator('[data-static-metric="investment_total"] dd:first-of-type')).toHaveText('$50B');
  await expect(page.locator('[data-static-metric="infrastructure_total"] dd:first-of-type')).toHaveText('$138B');
  await expect(page.getByText('These are the figures as reported. The interactive calculator needs JavaScript and WebAssembly to change them, or to show the scenario a shared link holds.')).toBeVisible();
  await context.close();
});

test('with storage blocked and the clipboard missing, nothing breaks', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new Error('blocked'); } });
    Object.defineProperty(window, 'sessionStorage', { get() { throw new Error('blocked'); } });
    Object.defineProperty(Navigator.prototype, 'clipboard', { get() { return undefined; } });
  });
  const problems = await open(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('#share-status')).toContainText('press Ctrl+C');
  await typeInto(page, '#tranche-0-amount', '16');
  await expectMetric(page, 'investment_total', '51000000000');
  expect(problems).toEqual([]);
});

for (const width of [320, 2560]) {
  test(`a ${width} px viewport has no horizontal scroll`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
  });
}

test('if the WebAssembly cannot load, the static figures and the note stay', async ({ page }) => {
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto('./');
  await expect(page.locator('html')).toHaveClass(/no-wasm/);
  await expect(page.locator('[data-static-metric="investment_total"] dd:first-of-type')).toHaveText('$50B');
  await expect(page.getByText('The interactive calculator needs JavaScript and WebAssembly')).toBeVisible();
});

test('if the app panics, the reader gets a message and a way back, not a frozen page', async ({ page }) => {
  await open(page, './?t1=~20B');
  await page.evaluate(async () => {
    // The glue's name carries its content hash; the page preloads it.
    const app = await import(document.querySelector('link[rel="modulepreload"]').href);
    try { app.selfTestCrash(); } catch { /* the panic surfaces in JavaScript as an exception */ }
  });
  const notice = page.locator('#crash');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('Something went wrong and the calculator stopped.');
  await expect(notice.getByRole('link', { name: 'Open the deal as reported' })).toHaveAttribute('href', './');
  await expect(page.locator('#app')).toHaveAttribute('inert', '');
});
