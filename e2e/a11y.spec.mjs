// What a screen reader, a keyboard or a low-vision reader meets, checked with axe-core (Deque's rules, the ones
// Lighthouse and most audits run): labels, names, roles, contrast, landmarks. Every disclosure is open, so the
// tables, the embed code and the detail figures are checked too.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { afterFrame, open, typeInto } from './helpers.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Opens every disclosure, then returns axe's violations as "rule: first offending element" lines. */
async function violations(page) {
  // The charts, with their tables' disclosures, come a moment after the headline figures: wait for them, or the
  // loop below may find nothing closed yet and open nothing.
  await expect(page.locator('details.chart-table').first()).toBeAttached();
  const closed = page.locator('details:not([open]) > summary');
  for (let left = await closed.count(); left > 0; left = await closed.count()) await closed.first().click();
  await expect(page.locator('.chart-table table').first()).toBeVisible();
  // A frame for the tables' regions to check, after layout, whether they scroll (and so are tab stops).
  await afterFrame(page);
  await page.evaluate(axeSource);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations.map((v) => `${v.id}: ${v.nodes[0].target.join(' ')} (${v.nodes.length})`);
  });
}

test('the page, light, with a field in error and a link notice, has no accessibility violations', async ({ page }) => {
  const problems = await open(page, './?t1=~20B&burn=lots');
  await expect(page.locator('#link-notice')).toBeVisible();
  await typeInto(page, '#agreement-0-total', '38 dollars');
  await expect(page.locator('#agreement-0-total-error')).not.toBeEmpty();
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('the page on a phone in dark mode has no accessibility violations', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.emulateMedia({ colorScheme: 'dark' });
  const problems = await open(page);
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});

test('the embed, dark, has no accessibility violations', async ({ page }) => {
  await page.setViewportSize({ width: 600, height: 900 });
  const problems = await open(page, './?embed=1&theme=dark&chart=commitments');
  await expect(page.getByRole('link', { name: /Open full calculator/ })).toBeVisible();
  await expect(page.locator('#link-notice')).toHaveCount(0);
  expect(await violations(page)).toEqual([]);
  expect(problems).toEqual([]);
});
