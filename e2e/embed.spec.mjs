// Embed mode in host pages on another origin: auto-height through our host script and through Pym.js, forged
// messages ignored, and a sandboxed frame without allow-same-origin that still works.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectMetric, openHoldingTime, typeInto } from './helpers.mjs';

const frameHeight = (page, id = 'calculator') =>
  page.evaluate((id) => document.getElementById(id).getBoundingClientRect().height, id);

test('the host script sizes the iframe to its content, and follows it when it grows', async ({ page }) => {
  await page.goto('/e2e/hosts/host.html');
  const frame = page.frameLocator('#calculator');
  await expectMetric(frame, 'investment_total', '50000000000');
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(300);
  await expect(frame.locator('#chart-cumulative svg')).toBeVisible();
  const inner = page.frame({ url: /localhost:4173/ });
  const content = () => inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await expect.poll(async () => (await frameHeight(page)) - (await content())).toBe(0);

  const before = await frameHeight(page);
  await frame.getByText('Show the numbers as a table').click();
  await expect.poll(() => frameHeight(page)).toBeGreaterThan(before + 100);
  // No inner scrollbar: the document fits the frame.
  const fits = await inner.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight);
  expect(fits).toBe(true);
  // The numbers download from inside the frame too: the snippet's sandbox allows downloads.
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('link', { name: /Download every period as CSV/ }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('amazon-openai-cumulative.csv');
  // And the chart as a picture: drawn on a canvas inside the frame, which its sandbox leaves readable.
  const [picture] = await Promise.all([
    page.waitForEvent('download'),
    frame.getByRole('button', { name: /^Download the chart as PNG/ }).click(),
  ]);
  expect(picture.suggestedFilename()).toBe('amazon-openai-cumulative.png');
  expect(readFileSync(await picture.path()).subarray(1, 4).toString()).toBe('PNG');

  // The compact view: totals, a chart, key inputs and a link to the full calculator with the scenario.
  await typeInto(frame, '#embed-upfront', '25');
  await expectMetric(frame, 'investment_total', '60000000000');
  await expect(frame.getByRole('link', { name: /Open full calculator/ })).toHaveAttribute('href', /\?v=1&t1=~25B$/);
  await expect(frame.getByRole('link', { name: /Open full calculator/ })).toHaveAttribute('target', '_blank');
});

test('the link to the full calculator carries what was typed just before it is pressed or reached', async ({ page }) => {
  await openHoldingTime(page, 'http://localhost:4173/?embed=1');
  const link = page.getByRole('link', { name: /Open full calculator/ });
  const foot = page.locator('.embed-foot');
  await expect(foot).toHaveText(/^Figures as reported in Feb 2026; assumptions marked/);
  // Time is held, so the pause after typing never ends: only pressing or reaching the link brings it up to date.
  await typeInto(page, '#embed-upfront', '25');
  await expectMetric(page, 'investment_total', '60000000000');
  // The foot no longer calls the figures the reported deal's.
  await expect(foot).toHaveText(/^A scenario changed from the deal as reported in Feb 2026; assumptions marked/);
  const [byPointer] = await Promise.all([page.waitForEvent('popup'), link.click()]);
  await expect(byPointer).toHaveURL(/\?v=1&t1=~25B$/);

  await typeInto(page, '#embed-upfront', '30');
  await expectMetric(page, 'investment_total', '65000000000');
  await link.focus();
  const [byKeyboard] = await Promise.all([page.waitForEvent('popup'), page.keyboard.press('Enter')]);
  await expect(byKeyboard).toHaveURL(/\?v=1&t1=~30B$/);
});

test('a host script that loads late asks for the height and gets it', async ({ page }) => {
  await page.goto('/e2e/hosts/late.html');
  const frame = page.frameLocator('#calculator');
  await expectMetric(frame, 'investment_total', '50000000000');
  expect(await frameHeight(page)).toBe(150);
  await expect.poll(() => frameHeight(page), { timeout: 10_000 }).toBeGreaterThan(300);
});

test('a message forged by another frame is ignored', async ({ page }) => {
  await page.goto('/e2e/hosts/host.html');
  // Wait for the chart, which draws when the page is idle, so the height has settled.
  await expect(page.frameLocator('#calculator').locator('#chart-cumulative svg')).toBeVisible();
  const inner = page.frame({ url: /localhost:4173/ });
  const content = () => inner.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  await expect.poll(async () => (await frameHeight(page)) === (await content())).toBe(true);
  const height = await frameHeight(page);
  const forger = page.frame({ name: '' , url: 'about:srcdoc' });
  await forger.evaluate(() => {
    parent.postMessage({ sender: 'deal-calculator', version: 1, method: 'resize', height: 77, id: 'deal-calculator' }, '*');
  });
  await page.evaluate(() => {
    window.postMessage({ sender: 'deal-calculator', version: 1, method: 'resize', height: 66, id: 'deal-calculator' }, '*');
  });
  await page.waitForTimeout(300);
  expect(await frameHeight(page)).toBe(height);
});

test('a Pym.js host resizes it with no extra code', async ({ page }) => {
  await page.goto('/e2e/hosts/pym.html');
  const frame = page.frameLocator('#calc iframe');
  await expectMetric(frame, 'investment_total', '50000000000');
  await expect(frame.locator('#embed-upfront')).toHaveCount(0); // controls=0
  await expect.poll(() => page.evaluate(() => document.querySelector('#calc iframe').getBoundingClientRect().height))
    .toBeGreaterThan(300);
});

test('a sandboxed embed without allow-same-origin still works, key input included', async ({ page }) => {
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto('/e2e/hosts/sandboxed.html');
  const frame = page.frameLocator('#calculator');
  await expectMetric(frame, 'investment_total', '50000000000');
  // Each key input moves a figure the embed shows, so none of them seems to do nothing.
  await expectMetric(frame, 'spend_per_gw', '50000000000');
  await typeInto(frame, '#embed-capacity', '4');
  await expect(frame.locator('#embed-capacity-note')).toHaveText('= 4 GW');
  await expectMetric(frame, 'spend_per_gw', '25000000000');
  await typeInto(frame, '#embed-upfront', '25');
  await expectMetric(frame, 'investment_total', '60000000000');
  await typeInto(frame, '#embed-milestones', '20');
  await expectMetric(frame, 'investment_total', '45000000000');
  await expectMetric(frame, 'amazon_net_nominal', '93000000000');
  await typeInto(frame, '#embed-expansion', '200');
  await expectMetric(frame, 'infrastructure_total', '238000000000');
  await expectMetric(frame, 'spend_per_gw', '50000000000');
  expect(errors).toEqual([]);
});

test('messages from the host page other than a height request change nothing', async ({ page }) => {
  await page.goto('/e2e/hosts/host.html');
  const frame = page.frameLocator('#calculator');
  await expectMetric(frame, 'investment_total', '50000000000');
  const inner = page.frame({ url: /localhost:4173/ });
  const address = await inner.evaluate(() => location.href);
  await page.evaluate(() => {
    const target = document.getElementById('calculator').contentWindow;
    for (const message of [
      { sender: 'deal-calculator-host', method: 'navigate', url: 'javascript:alert(1)' },
      { sender: 'deal-calculator-host', method: 'request-height', height: 'x'.repeat(100000) },
      'pymxPYMxcalcxPYMxnavigateToxPYMxjavascript:alert(1)',
      { t1: '~99B' },
      null,
    ]) target.postMessage(message, '*');
  });
  await page.waitForTimeout(300);
  expect(await inner.evaluate(() => location.href)).toBe(address);
  await expectMetric(frame, 'investment_total', '50000000000');
  await typeInto(frame, '#embed-upfront', '16');
  await expectMetric(frame, 'investment_total', '51000000000');
});
