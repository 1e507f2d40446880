// The calculator page as a reader uses it: run once at / and once under /tools/deal/.
import { test, expect } from '@playwright/test';
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { afterFrame, expectMetric, metric, open, openHoldingTime, pasteInto, typeInto } from './helpers.mjs';

test('shows the reported deal with its headline totals', async ({ page }) => {
  const problems = await open(page);
  await expect(page).toHaveTitle(/Amazon–OpenAI deal/);
  await expectMetric(page, 'investment_total', '50000000000');
  await expectMetric(page, 'infrastructure_total', '138000000000');
  await expectMetric(page, 'amazon_net_nominal', '88000000000');
  await expectMetric(page, 'runway_months', '75');
  await expect(metric(page, 'investment_total').locator('dd:first-of-type')).toHaveText('$50B');
  await expect(metric(page, 'expansion_per_year').locator('dd:first-of-type')).toHaveText('$12.5B/yr');
  await expect(page.getByRole('heading', { name: 'Deal terms without a figure' })).toBeVisible();
  await expect(page.getByText('Stateful Runtime Environment')).toBeVisible();
  expect(problems).toEqual([]);
});

test('an edit in each group changes the totals and a chart', async ({ page }) => {
  const problems = await open(page);
  const description = page.locator('#chart-cumulative-description');
  const before = await description.textContent();

  await typeInto(page, '#tranche-0-amount', '20');
  await expectMetric(page, 'investment_total', '55000000000');
  await expect(page.locator('#tranche-0-amount-note')).toHaveText('= $20 billion');
  await expect(description).not.toHaveText(before);
  await expect(description).toContainText('$55B');

  await typeInto(page, '#agreement-1-total', '150B');
  await expectMetric(page, 'infrastructure_total', '188000000000');
  const yearly = page.locator('#chart-yearly-description');
  await expect(yearly).toContainText('peaks in 2032');
  // The first and last bars are short because the timeline starts and ends in those years; the text says so.
  await expect(yearly).toContainText('Partial years: 2025 (Nov–Dec) and 2034 (Jan–Feb).');

  await typeInto(page, '#compute-utilisation', '100%');
  await expectMetric(page, 'energy_twh_per_year', '17.52');

  await typeInto(page, '#context-burn', '25B');
  await expectMetric(page, 'runway_months', '26.4');

  const pv = await metric(page, 'investment_pv').getAttribute('data-value');
  await typeInto(page, '#assumption-rate', '12');
  await expect(metric(page, 'investment_pv')).not.toHaveAttribute('data-value', pv);
  expect(problems).toEqual([]);
});

test('a changed figure shows the reported one beside it, and nothing below it moves', async ({ page }) => {
  // On a phone the totals sit above the inputs, so a figure that grew a line would push the field being typed in.
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  const was = (key) => metric(page, key).locator('dd.was');
  const top = () => page.locator('#tranche-0-amount').evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  await expect(was('investment_total')).toHaveText('');
  const before = await top();

  await typeInto(page, '#tranche-0-amount', '20');
  await expectMetric(page, 'investment_total', '55000000000');
  await expect(was('investment_total')).toHaveText('reported: $50B');
  await expect(was('runway_months')).toHaveText('reported: 75 months');
  await expect(was('infrastructure_total')).toHaveText('');
  expect(await top()).toBe(before);
  // A tranche's probability moves a headline figure, not only one in More figures: the expected investment.
  await typeInto(page, '#tranche-1-probability', '0');
  const expected = page.locator('section.totals > dl.metrics [data-metric="investment_expected"]');
  await expect(expected).toBeVisible();
  await expect(expected.locator('dd:first-of-type')).toHaveText('$20B');
  await expect(expected.locator('dd.was')).toHaveText('default: $50B');
  // A figure that rests on an assumption was never reported: its line calls the reported deal's figure a default.
  await typeInto(page, '#compute-utilisation', '50');
  await page.getByText('More figures: per GW, energy, present values').click();
  await expect(was('energy_twh_per_year')).toHaveText('default: 14 TWh/yr');
  // And the changed field's source note calls the value it replaced a default.
  await expect(page.locator('#compute-utilisation-source')).toHaveText('Assumed 80% average utilisation. Default value: 80%.');
  await expect(was('spend_per_gw')).toHaveText('');
  await expect(was('investment_per_gw')).toHaveText('reported: $25B/GW');

  await page.getByRole('button', { name: 'Reset to reported' }).click();
  await expect(was('investment_total')).toHaveText('');
});

test('at 320 px a longer figure stays on one line, so the field being typed in stays put', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 700 });
  await open(page);
  const top = () => page.locator('#context-burn').evaluate((e) => e.getBoundingClientRect().top + window.scrollY);
  const before = await top();
  await typeInto(page, '#context-burn', '7.27B');
  await expect(metric(page, 'runway_months').locator('dd:first-of-type')).toHaveText('82.5 months');
  expect(await top()).toBe(before);
});

test('adding and removing a tranche', async ({ page }) => {
  await open(page);
  await page.getByRole('button', { name: '+ Add tranche' }).click();
  await expect(page.locator('[data-tranche]')).toHaveCount(3);
  // A new row is $0 until the reader says how much: no figure moves by an amount nobody gave.
  await expectMetric(page, 'investment_total', '50000000000');
  await expect(page.locator('#tranche-2-amount')).toHaveValue('0');
  await expect(page.locator('[data-tranche="2"] legend')).toHaveText('Tranche 3: Tranche 3');
  // The new card's name has focus, selected, so what the reader types at once replaces the stand-in.
  await expect(page.locator('#tranche-2-label')).toBeFocused();
  await page.keyboard.type('Sovereign fund');
  await expect(page.locator('[data-tranche="2"] legend')).toHaveText('Tranche 3: Sovereign fund');
  await typeInto(page, '#tranche-2-amount', '5B');
  await expectMetric(page, 'investment_total', '55000000000');
  const status = page.getByRole('status').filter({ hasText: /Removed/ });
  await expect(page.locator('#status')).toHaveText('');
  await page.getByRole('button', { name: 'Remove tranche 1: Upfront' }).click();
  await expect(page.locator('[data-tranche]')).toHaveCount(2);
  await expectMetric(page, 'investment_total', '40000000000');
  // The card and its name are gone and focus is on Add: a screen reader hears what went.
  await expect(status).toHaveText('Removed tranche 1: Upfront');
  await expect(page.getByRole('button', { name: '+ Add tranche' })).toBeFocused();
  await page.getByRole('button', { name: 'Remove agreement 1: AWS existing' }).click();
  await expect(page.locator('#status')).toHaveText('Removed agreement 1: AWS existing');
  // (The same words said twice, and when they go: links.spec.mjs, on a held clock.)
  // The remaining rows kept their own values: Milestones is still $35B.
  await expect(page.locator('#tranche-1-amount')).toHaveValue('35B');
});

test('a tranche paid after its lapse date says why it counts as $0, to a screen reader too', async ({ page }) => {
  await open(page);
  const warning = page.locator('[data-tranche="1"] .row-warning');
  // The status region is there before its words, or a screen reader would not say them; empty, it takes no room.
  await expect(warning).toHaveRole('status');
  await expect(warning).toHaveText('');
  expect(await warning.evaluate((e) => e.getBoundingClientRect().height)).toBe(0);
  await typeInto(page, '#tranche-1-paid', '2030-01');
  await expectMetric(page, 'investment_total', '15000000000');
  await expect(page.getByRole('status').filter({ hasText: 'Paid after its lapse date: counts as $0.' })).toBeVisible();
  await typeInto(page, '#tranche-1-paid', '2027-01');
  await expectMetric(page, 'investment_total', '50000000000');
  await expect(warning).toHaveText('');
});

test('custom weights say which weights the spend follows', async ({ page }) => {
  await openHoldingTime(page);
  // Switching to custom weights starts from the curve the reader had: back-loaded over eight years.
  await page.locator('#agreement-1-curve').selectOption({ label: 'Custom weights' });
  await expect(page.locator('#agreement-1-weights')).toHaveValue('1,2,3,4,5,6,7,8');
  await expect(page.locator('#agreement-1-weights-note')).toHaveText('= 1,2,3,4,5,6,7,8 by year');
  await expect(page.locator('label[for="agreement-1-weights"]')).toContainText('the last repeats');
  // An empty weight between commas is no weight: the note says what was read.
  await typeInto(page, '#agreement-1-weights', '1,,2');
  await expect(page.locator('#agreement-1-weights-note')).toHaveText('= 1,2 by year');
  // Words are refused in the form's terms (the menu beside it has the named curves).
  await typeInto(page, '#agreement-1-weights', 'ramp');
  await page.clock.runFor(1_000);
  await expect(page.locator('#agreement-1-weights-error')).toHaveText('weights not recognised: use e.g. 1,2,3 (one per year)');
  await expect(page.locator('#agreement-1-weights-note')).toHaveText('still using 1,2 by year');
  // A minus sign is not dropped without a word: "1,-2" is not 1,2.
  await typeInto(page, '#agreement-1-weights', '3,-4');
  await page.clock.runFor(1_000);
  await expect(page.locator('#agreement-1-weights-error')).toHaveText('must not be negative');
  await expect(page.locator('#agreement-1-weights-note')).toHaveText('still using 1,2 by year');
});

test('adding or removing a card keeps what the reader typed in the others', async ({ page }) => {
  await openHoldingTime(page);
  // Refused text with its message in one card, half-typed text ("35." already means $35B) in the other.
  await typeInto(page, '#tranche-0-amount', 'abc');
  await typeInto(page, '#tranche-1-amount', '35.');
  await page.clock.runFor(1_000);
  await expect(page.locator('#tranche-0-amount-error')).not.toHaveText('');
  const kept = async () => {
    await expect(page.locator('#tranche-0-amount')).toHaveValue('abc');
    await expect(page.locator('#tranche-0-amount-error')).not.toHaveText('');
    await expect(page.locator('#tranche-1-amount')).toHaveValue('35.');
  };
  await page.getByRole('button', { name: '+ Add tranche' }).click();
  await expect(page.locator('[data-tranche]')).toHaveCount(3);
  await kept();
  await page.getByRole('button', { name: 'Remove tranche 3: Tranche 3' }).click();
  await expect(page.locator('[data-tranche]')).toHaveCount(2);
  await kept();
  // The same for agreements.
  await typeInto(page, '#agreement-0-total', 'lots');
  await page.clock.runFor(1_000);
  await page.getByRole('button', { name: '+ Add agreement' }).click();
  await expect(page.locator('[data-agreement]')).toHaveCount(3);
  await expect(page.locator('#agreement-0-total')).toHaveValue('lots');
});

test('by keyboard, Add and Remove leave focus in the group, not at the page\'s start', async ({ page }) => {
  await open(page);
  const add = page.getByRole('button', { name: '+ Add agreement' });
  await add.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#agreement-2-label')).toBeFocused();
  // The new card's stand-in name is selected, so the reader's words replace it.
  await page.keyboard.type('Cloud deal');
  await expect(page.locator('#agreement-2-label')).toHaveValue('Cloud deal');
  // A removed card takes its button along; focus goes to the group's Add button.
  await page.getByRole('button', { name: 'Remove agreement 1: AWS existing' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-agreement]')).toHaveCount(2);
  await expect(add).toBeFocused();
  // Shift+Tab goes back into the cards: the last one's Remove button.
  await page.keyboard.press('Shift+Tab');
  await expect(page.getByRole('button', { name: 'Remove agreement 2: Cloud deal' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.locator('[data-agreement]')).toHaveCount(1);
  await expect(add).toBeFocused();
});

test('an amount pasted in dollars and a bare percentage read as the reader means them', async ({ page }) => {
  await open(page);
  // As copied from a filing: too large to be billions, so dollars.
  await pasteInto(page, '#tranche-0-amount', '$20,000,000,000');
  await expect(page.locator('#tranche-0-amount-note')).toHaveText('= $20 billion');
  await expectMetric(page, 'investment_total', '55000000000');
  // In a field marked %, "1" is 1%, as in a link's rate=1; and "0.5" is half a percent.
  await typeInto(page, '#assumption-rate', '1');
  await expect(page.locator('#assumption-rate-note')).toHaveText('= 1%');
  await typeInto(page, '#tranche-1-probability', '0.5');
  // A reader who meant the fraction reads beside it what to type for that; a whole percentage needs no such note.
  await expect(page.locator('#tranche-1-probability-note')).toHaveText('= 0.5%; for 50%, type 50');
  await pasteInto(page, '#assumption-rate', '0.08');
  await expect(page.locator('#assumption-rate-note')).toHaveText('= 0.08%; for 8%, type 8');
  await pasteInto(page, '#assumption-rate', '8');
  await expect(page.locator('#assumption-rate-note')).toHaveText('= 8%');
  // A word in a percentage field gets a percentage's example, not money's suffixes.
  await typeInto(page, '#compute-utilisation', 'most');
  await expect(page.locator('#compute-utilisation-error')).toHaveText('not a number: use digits, e.g. 60 or 60%');
  // An energy unit in a capacity field gets the units it takes.
  await typeInto(page, '#agreement-1-capacity', '2 TWh');
  await expect(page.locator('#agreement-1-capacity-error')).toHaveText('unit not recognised: use GW or MW, e.g. 2000 MW');
  // What was read, exactly, though figures round to three digits.
  await typeInto(page, '#agreement-1-capacity', '1234 MW');
  await expect(page.locator('#agreement-1-capacity-note')).toHaveText('= 1.234 GW');
  // Dollars under a million, pasted: read as billions that would be too much, so the message asks for a unit.
  await pasteInto(page, '#tranche-0-amount', '$500,000');
  await expect(page.locator('#tranche-0-amount-error')).toHaveText(
    'with no K, M, B or T this is billions, over $10T: try 500K (dollars) or 500,000M (millions)');
  // The suggestions are the reader's own figure.
  await pasteInto(page, '#tranche-0-amount', '38000');
  await expect(page.locator('#tranche-0-amount-error')).toHaveText(
    'with no K, M, B or T this is billions, over $10T: try 38K (dollars) or 38,000M (millions)');
  await expect(page.locator('#tranche-0-amount-note')).toHaveText('still using $20 billion');
});

test('invalid input shows its message while totals keep the value from before the typing', async ({ page }) => {
  await openHoldingTime(page);
  await typeInto(page, '#tranche-0-amount', '18');
  await expectMetric(page, 'investment_total', '53000000000');
  // Typed over, the text begins anew: refused, it goes back to what the page held then, $18B.
  await typeInto(page, '#tranche-0-amount', '-5');
  await page.clock.runFor(1_000);
  await expect(page.locator('#tranche-0-amount-error')).toHaveText('must not be negative');
  await expect(page.locator('#tranche-0-amount')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#tranche-0-amount-note')).toHaveText('still using $18 billion');
  await expectMetric(page, 'investment_total', '53000000000');
  // Typed key by key, "11T" passes through $1B and $11B, which apply as they are typed; then "11T" is refused,
  // and neither prefix is what the reader meant: the totals and the link go back to $18B at once, and the message
  // follows at the pause.
  await typeInto(page, '#tranche-0-amount', '11');
  await expectMetric(page, 'investment_total', '46000000000');
  await page.locator('#tranche-0-amount').press('T');
  await expectMetric(page, 'investment_total', '53000000000');
  await expect(page.locator('#tranche-0-amount-error')).toHaveText('');
  await page.clock.runFor(1_000);
  await expect(page.locator('#tranche-0-amount-error')).toHaveText('amount must be between $0 and $10T');
  await expect(page.locator('#tranche-0-amount-note')).toHaveText('still using $18 billion');
  await expectMetric(page, 'investment_total', '53000000000');
  await expect(page).toHaveURL(/[?&]t1=~18B(&|$)/);
  // Everything else keeps working.
  await typeInto(page, '#context-anthropic', '10');
  await expectMetric(page, 'anthropic_multiple', '5.3');
  await expect(page.locator('#tranche-0-amount')).toHaveValue('11T');
  // A decimal comma that cannot group thousands is read as a point (a phone's decimal keypad may have no
  // point), and the echo says so; one that is neither is named as one; a price's example is a price.
  await pasteInto(page, '#agreement-1-capacity', '2,5');
  await expect(page.locator('#agreement-1-capacity-note')).toHaveText('= 2.5 GW');
  await pasteInto(page, '#compute-pue', '1,5,1');
  await pasteInto(page, '#compute-price', 'eighty');
  await page.clock.runFor(1_000);
  await expect(page.locator('#agreement-1-capacity-error')).toHaveText('');
  await expect(page.locator('#compute-pue-error')).toHaveText('a comma groups thousands, as in 15,000: for a decimal use a point, as in 1.5');
  await expect(page.locator('#compute-price-error')).toHaveText('not a number: use digits, e.g. 81 or $81');
});

test('reset restores the reported deal, invalid text included', async ({ page }) => {
  await open(page);
  const reset = page.getByRole('button', { name: 'Reset to reported' });
  await expect(reset).toBeDisabled();
  await typeInto(page, '#tranche-0-amount', '30');
  await typeInto(page, '#context-burn', 'lots');
  await expect(page.locator('[data-tranche="0"] .badge.changed')).toHaveCount(1);
  // The reader pauses and the field says its text is refused; Reset takes the message away with the text.
  await expect(page.locator('#context-burn-error')).not.toHaveText('');
  await reset.click();
  await expectMetric(page, 'investment_total', '50000000000');
  await expect(page.locator('#tranche-0-amount')).toHaveValue('15B');
  await expect(page.locator('#context-burn')).toHaveValue('8B');
  await expect(page.locator('#context-burn-error')).toHaveText('');
  await expect(page.locator('.badge.changed')).toHaveCount(1); // the legend's sample badge only
});

test('refused text alone offers Reset, which brings the reported value back and is offered no more', async ({ page }) => {
  await open(page);
  const reset = page.getByRole('button', { name: 'Reset to reported' });
  await expect(reset).toBeDisabled();
  // The scenario is still the reported one; only the field's text is refused.
  await typeInto(page, '#context-burn', 'lots');
  await expect(page.locator('#context-burn-error')).not.toHaveText('');
  await expect(reset).toBeEnabled();
  await reset.click();
  await expect(page.locator('#context-burn')).toHaveValue('8B');
  await expect(page.locator('#context-burn-error')).toHaveText('');
  await expect(reset).toBeDisabled();
  // Text accepted again takes the offer back too, and a changed figure makes it again.
  await typeInto(page, '#tranche-0-amount', 'x');
  await expect(reset).toBeEnabled();
  await typeInto(page, '#tranche-0-amount', '15');
  await expect(reset).toBeDisabled();
  await typeInto(page, '#tranche-0-amount', '16');
  await expect(reset).toBeEnabled();
  await typeInto(page, '#tranche-0-amount', '15');
  await expect(reset).toBeDisabled();
  // A card removed with refused text in it takes its report along, and only its own: another field's stays.
  await page.getByRole('button', { name: '+ Add tranche' }).click();
  await typeInto(page, '#tranche-2-amount', 'x');
  await typeInto(page, '#context-burn', 'x');
  // Both are counted once the reader pauses and each says so.
  await expect(page.locator('#tranche-2-amount-error')).not.toHaveText('');
  await expect(page.locator('#context-burn-error')).not.toHaveText('');
  await page.getByRole('button', { name: 'Remove tranche 3: Tranche 3' }).click();
  await expect(page.locator('[data-tranche]')).toHaveCount(2);
  await expect(reset).toBeEnabled();
  await typeInto(page, '#context-burn', '8B');
  await expect(reset).toBeDisabled();
});

test('a keyboard reader who presses Reset keeps focus on it', async ({ page }) => {
  await open(page);
  const reset = page.getByRole('button', { name: 'Reset to reported' });
  await typeInto(page, '#context-burn', 'lots');
  // Reset is offered once the field says its text is refused, at the reader's pause.
  await expect(reset).toBeEnabled();
  await reset.focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#context-burn')).toHaveValue('8B');
  // Nothing is left to reset, and the button says so, but focus stays where the reader is; Tab goes on from there.
  await expect(reset).toBeDisabled();
  await expect(reset).toBeFocused();
  await expect(reset).toHaveAttribute('aria-disabled', 'true');
  await page.keyboard.press('Tab');
  await expect(page.locator('#tranche-0-label')).toBeFocused();
  // Pressed again, it does nothing, as a disabled button would: text meaning the reported value stays as typed.
  await typeInto(page, '#context-burn', '8000M');
  await reset.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Space');
  // Two frames, so a render the presses caused would have rewritten the text before the check reads it.
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await expect(reset).toBeFocused();
  await expect(page.locator('#context-burn')).toHaveValue('8000M');
});

test('a keyboard-only reader can edit a figure and read a chart', async ({ page }) => {
  await open(page);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  for (let i = 0; i < 40; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(() => document.activeElement?.id) === 'tranche-0-amount') break;
  }
  expect(await page.evaluate(() => document.activeElement?.id)).toBe('tranche-0-amount');
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('25');
  await expectMetric(page, 'investment_total', '60000000000');

  await page.locator('#chart-cumulative .chart-surface').focus();
  await page.keyboard.press('Home');
  await expect(page.locator('#chart-cumulative .tooltip')).toContainText('Nov 2025');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#chart-cumulative .tooltip')).toContainText('Dec 2025');
});

for (const width of [390, 1280]) test(`a keyboard reader skips the inputs to the charts in one move, to the charts' top, and the link they copy stays clean (${width} px)`, async ({ page }) => {
  await page.setViewportSize({ width, height: 800 });
  // Time held, so the address still holds the reported deal when the link is followed: a fragment's popstate
  // would load that and undo the edit.
  await openHoldingTime(page);
  await typeInto(page, '#tranche-0-amount', '20');
  const skip = page.getByRole('link', { name: 'Skip to the charts' });
  // Out of sight until the keyboard reaches it: the stop after More figures (open here, so the charts sit lower).
  await expect(skip).toHaveCSS('width', '1px');
  const more = page.getByText('More figures: per GW, energy, present values');
  await more.click();
  await more.focus();
  await page.keyboard.press('Tab');
  await expect(skip).toBeFocused();
  expect((await skip.boundingBox()).width).toBeGreaterThan(100);
  await page.keyboard.press('Enter');
  const results = page.getByRole('region', { name: 'Charts and sharing' });
  await expect(results).toBeFocused();
  // The first chart's heading at the top of the screen, its focus ring in view, not the middle of the section
  // (where focus alone puts a section taller than the screen).
  const top = await results.evaluate((element) => element.getBoundingClientRect().top);
  expect(top).toBeGreaterThanOrEqual(4);
  expect(top).toBeLessThan(10);
  await expect(page.getByRole('heading', { name: 'Cumulative money between Amazon and OpenAI' })).toBeInViewport();
  await page.keyboard.press('Tab');
  await expect(page.locator('#chart-cumulative .chart-surface')).toBeFocused();
  // Nothing else moved: no fragment in the address, and the edit stands.
  expect(new URL(page.url()).hash).toBe('');
  expect(new URL(page.url()).search).toBe('');
  await expectMetric(page, 'investment_total', '55000000000');
  await expect(page.locator('#tranche-0-amount')).toHaveValue('20');
});

test("a keyboard reader of the commitments bar hears each segment's name, amount and share", async ({ page }) => {
  // The bar's points are its segments, not periods: the readout is the segment's, as its tooltip shows.
  await open(page);
  const surface = page.locator('#chart-commitments .chart-surface');
  const live = surface.locator('[aria-live]');
  await surface.focus();
  await page.keyboard.press('Home');
  await expect(page.locator('#chart-commitments .tooltip')).toContainText('AWS existing');
  await expect(live).toHaveText('AWS existing, $38B (6.33%)');
  await page.keyboard.press('ArrowRight');
  await expect(live).toHaveText('AWS expansion, $100B (16.7%)');
  await page.keyboard.press('End');
  await expect(live).toHaveText('Other commitments, $440B (73.3%)');
  await expect(page.locator('#chart-commitments .tooltip')).toContainText('Other commitments');
});

for (const width of [390, 1280]) test(`year labels never run together, however long the timeline (${width} px)`, async ({ page }) => {
  await page.setViewportSize({ width, height: 900 });
  for (const address of ['./', './?v=1&a2=~~~25y']) {
    await open(page, address);
    for (const chart of ['cumulative', 'yearly', 'compute']) {
      const labels = page.locator(`#chart-${chart} .x-axis text`);
      await expect(labels.first()).toBeVisible();
      const boxes = await labels.evaluateAll((all) => all.map((label) => label.getBoundingClientRect()).map(({ left, right }) => ({ left, right })));
      expect(boxes.length, `${chart} at ${address}`).toBeGreaterThanOrEqual(4);
      for (let i = 1; i < boxes.length; i++) {
        expect(boxes[i].left - boxes[i - 1].right, `${chart} at ${address}: labels ${i - 1} and ${i}`).toBeGreaterThanOrEqual(6);
      }
    }
  }
});

test('a screen reader hears the new totals once the reader pauses, not once per key', async ({ page }) => {
  await openHoldingTime(page);
  const region = page.locator('#totals-announcement');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  await expect(region).toHaveText(
    "Amazon invests in OpenAI, $50B. OpenAI commits to spend with AWS, $138B. Amazon's net: AWS spend minus investment, $88B");
  // Not among the figures it repeats: in browse mode a screen reader reads a live region as text.
  await expect(page.locator('section.totals #totals-announcement')).toHaveCount(0);
  await page.evaluate(() => {
    window.__announcements = 0;
    new MutationObserver(() => { window.__announcements += 1; })
      .observe(document.getElementById('totals-announcement'), { childList: true, characterData: true, subtree: true });
  });
  await typeInto(page, '#tranche-0-amount', '1234');
  await expectMetric(page, 'investment_total', '1269000000000');
  // Until the reader pauses, the region keeps what it said.
  await expect(region).toContainText('Amazon invests in OpenAI, $50B');
  await page.clock.runFor(1_000);
  await expect(region).toContainText('Amazon invests in OpenAI, $1.27T');
  // Once per pause: four keys make one announcement, where every key used to make its own.
  expect(await page.evaluate(() => window.__announcements)).toBe(1);
});

test('a field calls text wrong only once the reader pauses, not on the way to a value', async ({ page }) => {
  await openHoldingTime(page);
  const field = page.locator('#tranche-1-paid');
  const error = page.locator('#tranche-1-paid-error');
  await field.click();
  await field.press('ControlOrMeta+a');
  // Key by key, "2027-06" is refused until its last key ("2", "20"… "2027-0"): nothing says so while it is typed.
  for (const key of '2027-06') {
    await field.press(key);
    await page.clock.runFor(200);
    await expect(error).toHaveText('');
    await expect(field).toHaveAttribute('aria-invalid', 'false');
  }
  await expect(page.locator('#tranche-1-paid-note')).toHaveText('= Jun 2027');
  // Text that stays refused is called so 800 ms after the last key, and not before.
  await field.press('x');
  await page.clock.runFor(700);
  await expect(error).toHaveText('');
  await page.clock.runFor(200);
  await expect(error).not.toHaveText('');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  // "2027-06x" is one text, begun over the month the field had, and it ended refused: the page goes back to that
  // month, not to "2027-06" on the way.
  await expect(page.locator('#tranche-1-paid-note')).toHaveText('still using Sep 2026');
  // Reset before the pause ends drops the message that was waiting. (Refused text goes back at once, and is
  // counted only from the pause, so the burn is changed too for Reset to be offered.)
  await typeInto(page, '#context-burn', '9B');
  await field.click();
  await field.press('End');
  await field.press('Backspace');
  await field.press('y');
  await page.getByRole('button', { name: 'Reset to reported' }).click();
  await page.clock.runFor(1_000);
  await expect(field).toHaveValue('2026-09');
  await expect(error).toHaveText('');
});

test('the pause is counted from the last key, so a reader still typing is not interrupted', async ({ page }) => {
  await openHoldingTime(page);
  const region = page.locator('#totals-announcement');
  const query = () => page.evaluate(() => location.search);
  await typeInto(page, '#tranche-0-amount', '2');
  await page.clock.runFor(110);
  await page.locator('#tranche-0-amount').pressSequentially('0');
  await expectMetric(page, 'investment_total', '55000000000');
  // 220 ms after the first key but 110 after the last: the pause (120 ms) has not ended.
  await page.clock.runFor(110);
  await expect(region).toContainText('Amazon invests in OpenAI, $50B');
  expect(await query()).toBe('');
  await page.clock.runFor(1_000);
  await expect(region).toContainText('Amazon invests in OpenAI, $55B');
  await expect.poll(query).toContain('20B');
});

test('charts have tooltips on hover and a table behind them', async ({ page }) => {
  await open(page);
  const chart = page.locator('#chart-yearly');
  const svg = chart.locator('svg');
  await svg.scrollIntoViewIfNeeded();
  const box = await svg.boundingBox();
  await svg.hover({ position: { x: box.width * 0.95, y: box.height / 2 } });
  await expect(chart.locator('.tooltip')).toContainText('2034');
  await expect(chart.locator('.tooltip')).toContainText('Part of the year: Jan–Feb');
  await chart.getByText('Show the numbers as a table').click();
  const rows = chart.locator('tbody tr');
  await expect(rows).toHaveCount(10);
  // The years the timeline covers in part say which months their figures are for.
  await expect(rows.first().getByRole('rowheader')).toHaveText('2025 (Nov–Dec)');
  await expect(rows.nth(1).getByRole('rowheader')).toHaveText('2026');
  await expect(rows.last().getByRole('rowheader')).toHaveText('2034 (Jan–Feb)');
  await expect(chart.locator('table')).toContainText('AWS expansion');
});

// The pointer reads the period under it: each year's label, each January on the monthly chart, each share of
// the bar. (Yew listens at the app's root, so measuring across the event's current target measured the page.)
for (const width of [1280, 390]) {
  test(`a tooltip shows the period under the pointer, at ${width} px`, async ({ page }) => {
    await page.setViewportSize({ width, height: 900 });
    await open(page);
    // A chart draws first at 600 px, then at its container's width, with every other year labelled on a phone:
    // the labels are listed once it has, or one listed may be gone when the pointer looks for it.
    for (const chart of ['#chart-yearly', '#chart-cumulative', '#chart-commitments']) {
      await expect.poll(() => page.locator(`${chart} .chart-surface`).evaluate((surface) => {
        const svg = surface.querySelector('svg');
        const style = getComputedStyle(surface);
        const sides = ['paddingLeft', 'paddingRight', 'borderLeftWidth', 'borderRightWidth'];
        const inner = surface.getBoundingClientRect().width - sides.reduce((sum, side) => sum + parseFloat(style[side]), 0);
        return svg !== null && Number(svg.getAttribute('width')) === Math.max(240, Math.floor(inner));
      }), chart).toBe(true);
    }
    const hoverAt = async (chart, label) => {
      const svg = chart.locator('svg').first();
      await svg.scrollIntoViewIfNeeded();
      const box = await svg.boundingBox();
      const tick = await label.boundingBox();
      await svg.hover({ position: { x: tick.x + tick.width / 2 - box.x, y: box.height / 3 } });
      return chart.locator('.tooltip-title');
    };
    const yearly = page.locator('#chart-yearly');
    for (const year of ['2025', '2027', '2030', '2034']) {
      const label = yearly.locator('svg text', { hasText: new RegExp(`^${year}$`) });
      if (await label.count() === 0) continue; // every other year is labelled on a phone
      await expect(await hoverAt(yearly, label)).toHaveText(year);
    }
    // A month is 2.7 px wide on a phone, under the pointer's whole-pixel position: the monthly chart at 1280 only.
    const cumulative = page.locator('#chart-cumulative');
    for (const year of width > 1000 ? ['2026', '2029', '2033'] : []) {
      const label = cumulative.locator('svg text', { hasText: new RegExp(`^${year}$`) });
      if (await label.count() === 0) continue;
      await expect(await hoverAt(cumulative, label)).toHaveText(`Jan ${year}`);
    }
    const commitments = page.locator('#chart-commitments');
    const bars = commitments.locator('svg rect.bar');
    const names = await commitments.locator('.legend li').allTextContents();
    for (const index of [0, 1]) {
      await expect(await hoverAt(commitments, bars.nth(index))).toHaveText(names[index].trim());
    }
  });
}

for (const [width, address] of [[320, './'], [390, './?v=1&a1=The+longest+label+a+reader+may+give+it']]) test(`at ${width} px a tooltip keeps its words inside its box, and its box inside the chart (${address})`, async ({ page }) => {
  // A label a reader gives a row can be 40 characters long; at 390 px a tooltip line names it and its part.
  await page.setViewportSize({ width, height: 800 });
  await open(page, address);
  for (const chart of ['#chart-cumulative', '#chart-yearly', '#chart-compute']) {
    const svg = page.locator(`${chart} svg`).first();
    await svg.scrollIntoViewIfNeeded();
    const box = await svg.boundingBox();
    // Where the figures are widest: the end of the timeline ("Net to Amazon (spend − investment): $88B").
    for (const at of [0.2, 0.95]) {
      await svg.hover({ position: { x: box.width * at, y: box.height / 3 } });
      const tooltip = page.locator(`${chart} .tooltip`);
      await expect(tooltip).toBeVisible();
      const { frame, words } = await tooltip.evaluate((g) => ({
        frame: g.querySelector('rect').getBoundingClientRect().toJSON(),
        words: [...g.querySelectorAll('text')].map((text) => text.getBoundingClientRect().toJSON()),
      }));
      expect(frame.left).toBeGreaterThanOrEqual(box.x);
      expect(frame.right).toBeLessThanOrEqual(box.x + box.width + 0.5);
      for (const word of words) expect(word.right, `${chart} at ${at}`).toBeLessThanOrEqual(frame.right);
    }
  }
});

test("the commitments table lists each commitment with its share, as the bar labels it", async ({ page }) => {
  await open(page, './?coreweave=44.8B');
  const chart = page.locator('#chart-commitments');
  await chart.getByText('Show the numbers as a table').click();
  const table = chart.getByRole('table', { name: "OpenAI's infrastructure commitments" });
  await expect(table.getByRole('columnheader')).toHaveText(['Commitments', 'Share']);
  await expect(table.getByRole('rowheader')).toHaveText(['AWS existing', 'AWS expansion', 'CoreWeave', 'Other commitments']);
  // The reader's figure, not the reported one: $44.8B of $600B.
  await expect(table.getByRole('row', { name: /CoreWeave/ })).toHaveText(/CoreWeave\s*\$44\.8B\s*7\.47%/);
  await expect(table.getByRole('row', { name: /Other/ })).toHaveText(/\$417B\s*69\.5%/);
});

test('on a phone a wide table scrolls sideways by itself, by keyboard too, and keeps each row named', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  const chart = page.locator('#chart-cumulative');
  await chart.getByText('Show the numbers as a table').click();
  const region = chart.getByRole('region', { name: 'Table: Cumulative money between Amazon and OpenAI' });
  const overflow = await region.evaluate((e) => e.scrollWidth - e.clientWidth);
  expect(overflow).toBeGreaterThan(0);
  // The attribute, not only focus: Chromium focuses a scrolling region by itself, Safari needs it.
  await expect(region).toHaveAttribute('tabindex', '0');
  await region.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
  // The period stays at the region's left edge, in front of the columns scrolled under it.
  const regionBox = await region.boundingBox();
  const period = region.getByRole('rowheader', { name: 'Feb 2034' });
  expect(Math.abs((await period.boundingBox()).x - regionBox.x)).toBeLessThan(1);
  const hit = await period.evaluate((cell) => {
    const box = cell.getBoundingClientRect();
    return document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2) === cell;
  });
  expect(hit).toBe(true);
  // The page itself still does not scroll sideways.
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
});

test("a table's region is a tab stop only while it has something to scroll", async ({ page }) => {
  await open(page);
  const chart = page.locator('#chart-cumulative');
  await chart.getByText('Show the numbers as a table').click();
  const csv = chart.getByRole('link', { name: /Download every period as CSV/ });
  const region = chart.getByRole('region', { name: 'Table: Cumulative money between Amazon and OpenAI' });
  const focused = () => page.evaluate(() => document.activeElement.getAttribute('aria-label'));
  // At 1280 px the table fits: Tab goes from the CSV link past it.
  expect(await region.evaluate((e) => e.scrollWidth - e.clientWidth)).toBeLessThanOrEqual(0);
  // A frame for the region's first check (a ResizeObserver callback), then the attribute it leaves.
  await afterFrame(page);
  await expect(region).not.toHaveAttribute('tabindex');
  await csv.focus();
  await page.keyboard.press('Tab');
  expect(await focused()).not.toBe('Table: Cumulative money between Amazon and OpenAI');
  // On a phone it scrolls, and Tab reaches it; back on a wide screen, it is skipped again.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(region).toHaveAttribute('tabindex', '0');
  await csv.focus();
  await page.keyboard.press('Tab');
  expect(await focused()).toBe('Table: Cumulative money between Amazon and OpenAI');
  await page.setViewportSize({ width: 1280, height: 800 });
  await expect(region).not.toHaveAttribute('tabindex');
});

test('a table that its new numbers make wider than its region becomes a tab stop', async ({ page }) => {
  await open(page);
  const chart = page.locator('#chart-commitments');
  await chart.getByText('Show the numbers as a table').click();
  const region = chart.getByRole('region', { name: /^Table: / });
  const needed = () => region.locator('table').evaluate((table) => {
    table.style.width = 'min-content';
    const width = table.getBoundingClientRect().width;
    table.style.width = '';
    return width;
  });
  // The region just wide enough for the reported numbers (a frame for its check to follow the new width).
  const before = await needed();
  await region.evaluate((e, width) => { e.style.maxWidth = `${Math.ceil(width) + 1}px`; }, before);
  await afterFrame(page);
  await expect(region).not.toHaveAttribute('tabindex');
  // A $9,999B expansion writes longer amounts: the same region now scrolls, and a keyboard can reach it.
  await typeInto(page, '#agreement-1-total', '9999B');
  await expect.poll(needed).toBeGreaterThan(before + 1);
  await expect(region).toHaveAttribute('tabindex', '0');
});

test("the app's files are named by their content, so a host can cache them for good", async ({ page, request }) => {
  await open(page);
  const names = await page.evaluate(() => [
    document.querySelector('link[rel="stylesheet"]').getAttribute('href'),
    document.querySelector('link[rel="modulepreload"]').getAttribute('href'),
    document.querySelector('link[rel="preload"][as="fetch"]').getAttribute('href'),
    document.querySelector('script[type="module"]').getAttribute('src'),
  ]);
  for (const name of names) {
    const [, hash] = /-([0-9a-f]{16})\.(css|js|wasm)$/.exec(name) ?? [];
    expect(hash, name).toBeDefined();
    const body = await (await request.get(new URL(name, page.url()).href)).body();
    expect(createHash('sha256').update(body).digest('hex').slice(0, 16), name).toBe(hash);
  }
  // boot.js names the glue and the WebAssembly it loads by the same hashed names.
  const boot = await (await request.get(new URL(names[3], page.url()).href)).text();
  expect(boot).toContain(`./${names[1]}`);
  expect(boot).toContain(names[2]);
  expect(await (await request.get(page.url())).text()).not.toContain('data-trunk');
});

test("on a phone a field's note keeps the field's width: its badge moves below it rather than squeezing it", async ({ page }) => {
  // Beside the badge a note had a column a word wide: "= 100%" in two lines, a lapse date in up to 18 at 320 px.
  for (const width of [320, 390]) {
    await page.setViewportSize({ width, height: 844 });
    await open(page);
    // The fields come a frame after the headline figures that open() waits for.
    const notes = () => page.locator('.field .echo').evaluateAll((notes) => notes.filter((note) => note.textContent).map((note) => {
      const range = document.createRange();
      range.selectNodeContents(note);
      return [note.textContent, new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size];
    }));
    await expect.poll(async () => (await notes()).length).toBeGreaterThan(25);
    const lines = await notes();
    expect(lines.filter(([, count]) => count > 2), `${width} px`).toEqual([]);
    // Where a note and its badge do share a line, the badge sits at the right, as it does when it has its own.
    const badges = await page.locator('.field-foot .badge').evaluateAll((all) => all.map((badge) => {
      const foot = badge.closest('.field-foot').getBoundingClientRect();
      return Math.round(foot.right - badge.getBoundingClientRect().right);
    }));
    expect(new Set(badges)).toEqual(new Set([0]));
  }
});

test("the badges' key keeps each badge on the line of the words that explain it", async ({ page }) => {
  // At 1280 px "CHANGED" ended one line and "by you" began the next.
  for (const width of [1280, 1000, 390, 320]) {
    await page.setViewportSize({ width, height: 900 });
    await open(page);
    const apart = await page.locator('.legend-note .badge').evaluateAll((badges) => badges.map((badge) => {
      // The first word's first letter (a breaking space would end the badge's line, not begin the next).
      const text = badge.nextSibling;
      const words = document.createRange();
      words.setStart(text, text.data.search(/[^ ]/));
      words.setEnd(text, text.data.search(/[^ ]/) + 1);
      const first = words.getBoundingClientRect();
      const own = badge.getBoundingClientRect();
      const middle = (first.top + first.bottom) / 2;
      return [badge.textContent, middle > own.top && middle < own.bottom];
    }).filter(([, together]) => !together));
    expect(apart, `${width} px`).toEqual([]);
  }
});

test('no horizontal scroll on a phone', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
});

// At 390 px the line takes two lines; at 220 px (or with large text) three, and the room kept for it grows.
for (const width of [390, 220]) test(`on a phone the main figures stay in view over the inputs once the totals are scrolled away (${width} px)`, async ({ page }) => {
  await page.setViewportSize({ width, height: 700 });
  await open(page);
  // However narrow, no badge lies over or touches another (2 px apart at least, the legend's wrapped lines too).
  const overlaps = await page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.inputs .badge')].map((b) => b.getBoundingClientRect());
    return boxes.filter((a, i) => boxes.slice(i + 1).some((b) =>
      a.left < b.right + 2 && b.left < a.right + 2 && a.top < b.bottom + 2 && b.top < a.bottom + 2)).length;
  });
  expect(overlaps).toBe(0);
  const line = page.locator('.strip > p');
  await expect(line).toHaveCount(1);
  await expect(line).toBeHidden();
  const fieldOnPage = () => page.evaluate(() => document.getElementById('agreement-1-total').getBoundingClientRect().top + window.scrollY);
  const before = await fieldOnPage();
  // Just as the totals leave the screen, the line shows, but on its way up it never lies over Reset; and showing
  // it moves nothing on the page.
  await page.evaluate(() => window.scrollBy(0, document.querySelector('.totals').getBoundingClientRect().bottom + 2));
  await expect(line).toBeVisible();
  expect(await fieldOnPage()).toBe(before);
  const [shown, reset] = [await line.boundingBox(), await page.locator('#reset').boundingBox()];
  expect(shown.y).toBeGreaterThanOrEqual(reset.y + reset.height);
  const field = page.locator('#agreement-1-total');
  await field.scrollIntoViewIfNeeded();
  await expect(line).toBeVisible();
  await typeInto(page, '#agreement-1-total', '120');
  await expect(line).toHaveText(/^Investment\s\$50B · AWS\sspend\s\$158B · Net\s\$108B$/);
  // A field that the line would cover, reached by Tab, is scrolled out from under it.
  await page.locator('#agreement-1-label').focus();
  await page.evaluate(() => {
    const input = document.getElementById('agreement-1-total');
    window.scrollBy(0, input.getBoundingClientRect().top - 8);
  });
  expect((await field.boundingBox()).y).toBeLessThan((await line.boundingBox()).height);
  await page.keyboard.press('Tab');
  await expect(field).toBeFocused();
  const [strip, input] = [await line.boundingBox(), await field.boundingBox()];
  expect(input.y).toBeGreaterThanOrEqual(strip.y + strip.height);
  // Where the inputs end, the line leaves with them rather than lying over the first chart.
  for (const below of [10, 30, 50]) {
    await page.evaluate((below) => window.scrollBy(0, document.querySelector('.results').getBoundingClientRect().top - below), below);
    const [shown, results] = [await line.boundingBox(), await page.locator('.results').boundingBox()];
    expect(shown.y + shown.height).toBeLessThanOrEqual(results.y);
  }
  // Back at the top the totals show, and the line goes.
  await page.evaluate(() => window.scrollTo(0, 0));
  await expect(line).toBeHidden();
  await expectMetric(page, 'infrastructure_total', '158000000000');
});

test("a reader's larger text size reaches the body text, and a phone then lays the fields out in one column", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 700 });
  // What the browser's own text-size setting does: the default font size, here doubled.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Page.enable');
  await cdp.send('Page.setFontSizes', { fontSizes: { standard: 32 } });
  await open(page);
  const size = (selector) => page.evaluate((s) => parseFloat(getComputedStyle(document.querySelector(s)).fontSize), selector);
  expect(await size('.summary')).toBe(30);
  expect(await size('.terms dd')).toBe(30);
  // Two fields side by side would overlap their badges at this size.
  const columns = await page.evaluate(() => getComputedStyle(document.querySelector('.row-fields')).gridTemplateColumns.split(' ').length);
  expect(columns).toBe(1);
  // Nothing reaches past the screen's edge, not even where a card would clip it (the deal terms' columns did).
  // A chart draws first at 600 px, then at its box's width once that is measured: polled, so a busy machine's
  // slower measure is waited for, and what stays past the edge fails.
  await page.locator('#chart-compute svg').waitFor();
  await expect.poll(() => page.evaluate(() => [...document.querySelectorAll('body *')]
    .filter((e) => e.getBoundingClientRect().right > innerWidth + 0.5)
    .map((e) => `${e.tagName.toLowerCase()}.${e.getAttribute('class')}`))).toEqual([]);
  await expectMetric(page, 'investment_total', '50000000000');
});

test('dark mode renders dark', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await open(page);
  const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(background).toBe('rgb(18, 20, 24)');
  await expectMetric(page, 'investment_total', '50000000000');
});

test("a chart's numbers download as CSV: every period, exact, for the scenario shown", async ({ page }) => {
  await open(page, './?t1=~20B');
  const save = async (id) => {
    const chart = page.locator(`#${id}`);
    await chart.getByText('Show the numbers as a table').click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('link', { name: 'Download every period as CSV' }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    // The byte-order mark is what makes Excel read the file as UTF-8.
    expect(text.startsWith('\ufeff')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n').map((line) => line.split(','));
    return { name: download.suggestedFilename(), rows, shown: await chart.locator('tbody tr').count() };
  };

  const cumulative = await save('chart-cumulative');
  expect(cumulative.name).toBe('amazon-openai-cumulative.csv');
  const investment = cumulative.rows[0].indexOf("Amazon's investment (US$)");
  expect(investment).toBeGreaterThan(0);
  // Every month, where the table lists year ends; the last is the scenario's total, to the dollar.
  expect(cumulative.rows.length - 1).toBeGreaterThan(cumulative.shown * 6);
  expect(cumulative.rows.at(-1)[investment]).toBe('55000000000');

  // A bar of shares has no periods: its link says what its file holds.
  const commitments = page.locator('#chart-commitments');
  await commitments.getByText('Show the numbers as a table').click();
  await expect(commitments.getByRole('link', { name: /^Download the numbers as CSV/ })).toBeVisible();
  await expect(commitments.getByRole('link', { name: /every period/ })).toHaveCount(0);

  const compute = await save('chart-compute');
  expect(compute.name).toBe('amazon-openai-compute.csv');
  expect(compute.rows[0]).toEqual([
    'Period', 'Energy used (TWh)', 'Capacity online at period end (GW)', 'Months covered',
  ]);
  expect(compute.rows).toContainEqual(['2029', '14.016', '2', 'Jan–Dec']);
  // A spreadsheet gets plain years, and a column says which months a partial one covers.
  expect(compute.rows[1]).toEqual(expect.arrayContaining(['2025', 'Nov–Dec']));
  expect(compute.rows.at(-1)).toEqual(expect.arrayContaining(['2034', 'Jan–Feb']));
  // The monthly chart has no partial periods, so no such column.
  expect(cumulative.rows[0]).not.toContain('Months covered');
});

test("a chart downloads as an SVG file: title, legend, the drawing in the page's colours, the scenario shown", async ({ page }) => {
  const problems = await open(page, './?a2=~200B');
  const save = async (id) => {
    const chart = page.locator(`#chart-${id}`);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: /^Download the chart as SVG/ }).click(),
    ]);
    const text = readFileSync(await download.path(), 'utf8');
    // The file parses as SVG on its own, with no stylesheet: the page reads it back as an image would.
    const parsed = await page.evaluate((svg) => {
      const doc = new DOMParser().parseFromString(svg, 'image/svg+xml');
      const texts = [...doc.querySelectorAll('text')].map((t) => t.textContent);
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: doc.documentElement.namespaceURI,
        texts,
        strokes: [...doc.querySelectorAll('path.line')].map((p) => p.getAttribute('stroke')),
        fills: [...doc.querySelectorAll('rect.bar')].map((r) => r.getAttribute('fill')),
      };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('http://www.w3.org/2000/svg');
    return { name: download.suggestedFilename(), ...parsed };
  };

  // A reader pointing at the chart while the keyboard presses the button: the tooltip stays on the page only.
  const surface = page.locator('#chart-cumulative .chart-surface svg');
  const box = await surface.boundingBox();
  await surface.hover({ position: { x: box.width * 0.9, y: box.height / 2 } });
  await expect(page.locator('#chart-cumulative .tooltip')).toBeVisible();
  await page.getByRole('button', { name: 'Download the chart as SVG: Cumulative money between Amazon and OpenAI' }).focus();
  const [pointed] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
  const pointedFile = readFileSync(await pointed.path(), 'utf8');
  expect(await page.evaluate((svg) => new DOMParser().parseFromString(svg, 'image/svg+xml')
    .querySelectorAll('.tooltip, .cursor, .dot, .band-highlight').length, pointedFile)).toBe(0);
  expect(pointedFile).toContain('Cumulative money');

  const cumulative = await save('cumulative');
  expect(cumulative.name).toBe('amazon-openai-cumulative.svg');
  expect(cumulative.texts[0]).toContain('Cumulative money');
  expect(cumulative.texts).toContain('AWS expansion (OpenAI spend)');
  // Under the title, what the page says under it; at the foot, whose figures these are and the link to them,
  // since a picture travels without the page.
  const described = cumulative.texts.findIndex((t) => t.startsWith('Running totals from'));
  expect(described).toBeGreaterThan(0);
  expect(described).toBeLessThan(cumulative.texts.indexOf('AWS expansion (OpenAI spend)'));
  const foot = cumulative.texts.slice(cumulative.texts.findIndex((t) => t.startsWith('Source:')));
  expect(foot.join(' ')).toContain("Amazon–OpenAI deal calculator, a reader's scenario, changed from the deal as reported in Feb 2026:");
  expect(foot.join('')).toContain('/?v=1&a2=~200B');
  // Each line keeps the colour the page gave it, without the page's stylesheet.
  const pageStrokes = await page.locator('#chart-cumulative path.line').evaluateAll((paths) => paths.map((p) => getComputedStyle(p).stroke));
  expect(cumulative.strokes).toEqual(pageStrokes);
  expect(new Set(cumulative.strokes).size).toBe(pageStrokes.length);

  // The reader's scenario: a $200B expansion is a third of $600B.
  const commitments = await save('commitments');
  expect(commitments.texts).toContain('33.3%');
  expect(commitments.fills.length).toBe(4);
  expect(commitments.fills.every((fill) => /^rgb/.test(fill))).toBe(true);
  // A year the timeline covers in part says so in the picture too.
  const yearly = await save('yearly');
  expect(yearly.texts.join(' ')).toContain('Partial years: 2025 (Nov–Dec) and 2034 (Jan–Feb).');
  expect(problems).toEqual([]);
});

test("a chart downloads as a PNG at twice its size, drawn in the page's colours", async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const problems = await open(page, './?a2=~200B');
  const chart = page.locator('#chart-cumulative');
  const saved = async (format) => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      chart.getByRole('button', { name: `Download the chart as ${format}: Cumulative money between Amazon and OpenAI` }).click(),
    ]);
    return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
  };
  const svg = await saved('SVG');
  const png = await saved('PNG');
  expect(png.name).toBe('amazon-openai-cumulative.png');
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Twice the SVG file's size (rounded up), so it stays sharp on a slide.
  const size = svg.bytes.toString('utf8').match(/^<svg[^>]* width="([\d.]+)" height="([\d.]+)"/);
  expect(png.bytes.readUInt32BE(16)).toBe(Math.ceil(2 * Number(size[1])));
  expect(png.bytes.readUInt32BE(20)).toBe(Math.ceil(2 * Number(size[2])));
  // It says its density, 192 pixels per inch (7,559 per metre), so a slide places it at the chart's size: a pHYs
  // chunk right after the header, with a valid checksum.
  const chunks = [];
  for (let at = 8; at < png.bytes.length; at += 12 + png.bytes.readUInt32BE(at)) {
    const length = png.bytes.readUInt32BE(at);
    chunks.push({
      type: png.bytes.subarray(at + 4, at + 8).toString('latin1'),
      data: png.bytes.subarray(at + 8, at + 8 + length),
      crc: png.bytes.readUInt32BE(at + 8 + length),
      expected: crc32(png.bytes.subarray(at + 4, at + 8 + length)),
    });
  }
  expect(chunks.slice(0, 2).map((chunk) => chunk.type)).toEqual(['IHDR', 'pHYs']);
  expect(chunks.at(-1).type).toBe('IEND');
  expect(chunks.filter((chunk) => chunk.type === 'pHYs')).toHaveLength(1);
  expect([...chunks[1].data]).toEqual([0, 0, 0x1d, 0x87, 0, 0, 0x1d, 0x87, 1]);
  for (const chunk of chunks) expect(chunk.crc, chunk.type).toBe(chunk.expected);

  // The picture, not a blank canvas: the dark card's background, and each line's colour on many pixels.
  const strokes = await chart.locator('path.line').evaluateAll((paths) => paths.map((p) => getComputedStyle(p).stroke));
  const background = await chart.evaluate((figure) => getComputedStyle(figure).backgroundColor);
  const seen = await page.evaluate(async ({ base64, colours }) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const context = canvas.getContext('2d');
    context.drawImage(bitmap, 0, 0);
    const { data } = context.getImageData(0, 0, bitmap.width, bitmap.height);
    const rgb = (css) => css.match(/\d+/g).slice(0, 3).map(Number);
    const near = (i, [r, g, b]) => Math.abs(data[i] - r) + Math.abs(data[i + 1] - g) + Math.abs(data[i + 2] - b) < 12;
    return colours.map((css) => {
      let count = 0;
      for (let i = 0; i < data.length; i += 4) if (near(i, rgb(css))) count += 1;
      return count;
    }).concat(near(0, rgb(colours.at(-1))) ? 1 : 0);
  }, { base64: png.bytes.toString('base64'), colours: [...strokes, background] });
  expect(strokes.length).toBeGreaterThan(1);
  for (const count of seen.slice(0, strokes.length)) expect(count).toBeGreaterThan(200);
  expect(seen.at(-1)).toBe(1);

  // Where the browser refuses to make the PNG, the reader still gets the chart, as the SVG file.
  await page.evaluate(() => { HTMLCanvasElement.prototype.toDataURL = () => { throw new Error('refused'); }; });
  const fallback = await saved('PNG');
  expect(fallback.name).toBe('amazon-openai-cumulative.svg');
  expect(fallback.bytes.toString('utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(problems).toEqual([]);
});

test('a share label stays inside its segment of the bar, from a phone to a desktop', async ({ page }) => {
  const spills = () => page.locator('#chart-commitments .segment-label').evaluateAll((labels) => labels
    .map((label) => ({ text: label.getBoundingClientRect(), bar: label.previousElementSibling.getBoundingClientRect() }))
    // Clear of the segment's edges by a few pixels, not touching the next colour.
    .filter(({ text, bar }) => text.left < bar.left + 3 || text.right > bar.right - 3)
    .map(({ text, bar }) => [text.left, text.right, bar.left, bar.right]));
  // 760 and 800 px: the embed in an article column, where AWS's 6.33% segment is 44–47 px wide.
  for (const [width, path] of [[390, './'], [760, './?embed=1&chart=commitments'], [800, './?embed=1&chart=commitments'], [1280, './']]) {
    await page.setViewportSize({ width, height: 900 });
    await open(page, path);
    await expect(page.locator('#chart-commitments .segment-label').first()).toBeVisible();
    expect(await spills(), `at ${width} px`).toEqual([]);
  }
  // The labels that do fit are drawn: the largest share always is.
  await expect(page.locator('#chart-commitments .segment-label')).toContainText(['73.3%']);
});

test('on a phone, the cards stack with space between them', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await expect(page.locator('#chart-compute svg')).toBeVisible();
  const touching = await page.locator('.group, .chart, .share').evaluateAll((cards) => {
    const boxes = cards.map((card) => [card.className, card.getBoundingClientRect()]).sort((a, b) => a[1].top - b[1].top);
    const out = [];
    // Cards inside a card (a tranche inside its group) are not neighbours.
    const inside = (a, b) => a.top >= b.top && a.bottom <= b.bottom;
    for (let i = 1; i < boxes.length; i += 1) {
      const [[upperName, upper], [name, box]] = [boxes[i - 1], boxes[i]];
      if (inside(box, upper) || inside(upper, box)) continue;
      if (box.top - upper.bottom < 8) out.push(`${upperName} → ${name}: ${(box.top - upper.bottom).toFixed(1)} px`);
    }
    return out;
  });
  expect(touching).toEqual([]);
});

test('fields side by side keep their inputs in line, where a label wraps too', async ({ page }) => {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await open(page);
    const ragged = await page.locator('.field').evaluateAll((fields) => {
      const rows = new Map();
      for (const field of fields) {
        const top = Math.round(field.getBoundingClientRect().top);
        const input = field.querySelector('input, select').getBoundingClientRect().top;
        rows.set(top, [...(rows.get(top) ?? []), [field.querySelector('label').textContent, input]]);
      }
      return [...rows.values()].filter((row) => row.length > 1)
        .filter((row) => Math.max(...row.map(([, y]) => y)) - Math.min(...row.map(([, y]) => y)) > 1)
        .map((row) => row.map(([label, y]) => `${label} ${y.toFixed(0)}`).join(' | '));
    });
    // At 390 px "Ramp to full capacity" and "Power per accelerator" wrap beside one-line labels.
    expect(ragged, `at ${width} px`).toEqual([]);
  }
});

test('printed, the page keeps its figures, charts and link, not its buttons, and no chart splits across pages', async ({ page }) => {
  await open(page);
  await expect(page.locator('#chart-compute svg')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  for (const hidden of ['#reset', '.inputs .add', '.chart-export', '.embed-options']) {
    await expect(page.locator(hidden).first(), hidden).toBeHidden();
  }
  await expect(page.getByRole('button', { name: 'Copy link' })).toBeHidden();
  await expect(page.locator('#share-link, .share-row input').first()).toBeVisible();
  await expect(page.locator('#chart-cumulative svg')).toBeVisible();
  await expectMetric(page, 'investment_total', '50000000000');
  expect(await page.locator('.chart').evaluateAll((charts) => charts.map((c) => getComputedStyle(c).breakInside)))
    .toEqual(['avoid', 'avoid', 'avoid', 'avoid']);
  // A field stays whole on one page, and a heading with what follows it.
  await expect(page.locator('.field').first()).toHaveCSS('break-inside', 'avoid');
  await expect(page.locator('.group h2').first()).toHaveCSS('break-after', 'avoid');
  // A legend's colour keys are backgrounds, which browsers leave out of a printout unless told to keep them.
  await expect(page.locator('#chart-cumulative .swatch.series-1')).toHaveCSS('print-color-adjust', 'exact');
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('#reset')).toBeVisible();
});

test('in forced colours the legend keys keep the colours of the lines they name', async ({ page }) => {
  await page.emulateMedia({ forcedColors: 'active' });
  await open(page);
  const key = page.locator('#chart-cumulative .swatch.series-1');
  const line = page.locator('#chart-cumulative path.series-1, #chart-cumulative polyline.series-1').first();
  const stroke = await line.evaluate((element) => getComputedStyle(element).stroke);
  await expect(key).toHaveCSS('background-color', stroke);
  expect(stroke).not.toBe(await page.evaluate(() => getComputedStyle(document.body).backgroundColor));
});

test('the compute chart names its unit and tells GW online in its tooltip', async ({ page }) => {
  await open(page);
  const chart = page.locator('#chart-compute');
  await expect(chart.locator('.axis-unit')).toHaveText('TWh');
  // The unit sits above the plot, clear of the top tick's label.
  const unit = await chart.locator('.axis-unit').boundingBox();
  const ticks = await chart.locator('.y-axis text:not(.axis-unit)').evaluateAll((texts) =>
    texts.map((t) => t.getBoundingClientRect()).map((r) => ({ x: r.x, y: r.y, width: r.width, height: r.height })));
  const top = ticks.reduce((a, b) => (b.y < a.y ? b : a));
  const apart = unit.x >= top.x + top.width || top.x >= unit.x + unit.width
    || unit.y >= top.y + top.height || top.y >= unit.y + unit.height;
  expect(apart).toBe(true);
  await chart.locator('.chart-surface').focus();
  await page.keyboard.press('End');
  await page.keyboard.press('ArrowLeft');
  await expect(chart.locator('.tooltip')).toContainText('2033');
  await expect(chart.locator('.tooltip')).toContainText('GW online at year end: 2 GW');
});

test('a value shows its source on focus and on hover, inside the screen', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  const badge = page.locator('button[aria-describedby="tranche-1-lapses-source"]');
  await expect(badge).toHaveText('assumption');
  const source = page.locator('#tranche-1-lapses-source');
  await expect(source).toBeHidden();
  await badge.focus();
  await expect(source).toBeVisible();
  await expect(source).toContainText("Amazon's 8-K summary");
  const box = await source.boundingBox();
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(390);
  await page.locator('button[aria-describedby="tranche-0-amount-source"]').hover();
  await expect(page.locator('#tranche-0-amount-source')).toBeVisible();
  await expect(page.locator('#tranche-0-amount-source')).toContainText('$15B upfront');
});

test('a source note stays while the pointer crosses to it and rests on it, and Escape closes it where it stands', async ({ page }) => {
  // WCAG 1.4.13, content on hover or focus: hoverable, persistent, dismissible.
  await open(page);
  const badge = page.locator('button[aria-describedby="tranche-0-amount-source"]');
  const note = page.locator('#tranche-0-amount-source');
  const from = await badge.boundingBox();
  await badge.hover();
  await expect(note).toBeVisible();
  // Straight down from the badge, across the gap under the field, to the middle of the note.
  const to = await note.boundingBox();
  await page.mouse.move(from.x + from.width / 2, to.y + to.height / 2, { steps: 8 });
  await page.waitForTimeout(600);
  await expect(note).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();
  // Back on the badge it is still closed; it opens again once the pointer has left and come back.
  await badge.hover();
  await page.waitForTimeout(100);
  await expect(note).toBeHidden();
  await page.mouse.move(0, 0);
  await badge.hover();
  await expect(note).toBeVisible();
  await page.mouse.move(0, 0);
  await expect(note).toBeHidden();

  // By keyboard: Escape closes the note and leaves the focus on its badge; the next visit opens it again.
  await badge.focus();
  await expect(note).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(note).toBeHidden();
  await expect(badge).toBeFocused();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(badge).toBeFocused();
  await expect(note).toBeVisible();
});

test('on a phone the totals come first, then the inputs, then the charts', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page);
  await expect(page.locator('#chart-cumulative')).toBeVisible();
  const top = async (selector) => (await page.locator(selector).boundingBox()).y;
  const totals = await top('#totals-heading');
  const firstInput = await top('#tranche-0-amount');
  const chart = await top('#chart-cumulative');
  expect(totals).toBeLessThan(firstInput);
  expect(firstInput).toBeLessThan(chart);
});
