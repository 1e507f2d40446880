// Share links: the address carries the scenario, survives a reload and a copy, and tolerates bad parameters.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { expectMetric, open, openHoldingTime, saidIn, typeInto } from './helpers.mjs';

test('an edit is written into the address and survives a reload', async ({ page }) => {
  await open(page);
  await typeInto(page, '#tranche-0-amount', '20');
  await typeInto(page, '#agreement-1-capacity', '3');
  await expect(page).toHaveURL(/\?v=1&t1=~20B&a2=~~~~3$/);
  await page.reload();
  await expectMetric(page, 'investment_total', '55000000000');
  await expectMetric(page, 'capacity_total', '3');
  await expect(page.locator('#agreement-1-capacity')).toHaveValue('3');
});

test('the copied link opens to the same numbers in a fresh page', async ({ page, context, browser }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await open(page);
  await typeInto(page, '#context-burn', '12B');
  await typeInto(page, '#tranche-1-probability', '60');
  await page.getByRole('button', { name: 'Copy link' }).click();
  await expect(page.locator('#share-status')).toHaveText('Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  // The address bar follows once the reader pauses; it then holds exactly the copied link.
  await expect(page).toHaveURL(copied);
  expect(copied).toContain('burn=12B');

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(copied);
  await expectMetric(other, 'investment_expected', '36000000000');
  await expectMetric(other, 'runway_months', '50');
  await fresh.close();

  // The link shown in the panel follows once the reader pauses; reaching Copy by keyboard right after an edit
  // still copies that edit.
  await typeInto(page, '#tranche-1-probability', '40');
  await page.locator('#copy-link').focus();
  await page.keyboard.press('Enter');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/t2=~~~40(&|$)/);
  await expect(page.locator('#share-link')).toHaveValue(/t2=~~~40(&|$)/);

  // A click that comes without a pointer or focus first (a screen reader's browse mode) copies the current link.
  await typeInto(page, '#tranche-1-probability', '30');
  await page.evaluate(() => document.getElementById('copy-link').click());
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/t2=~~~30(&|$)/);
});

// What a removed row leaves: the link keeps labels and order, not the page's row ids, so each row is read
// against the reported row of its label, on the page that writes the link and in whatever opens it.
test('after a tranche is removed, its link marks the same fields changed on the page and in an embed', async ({ page, browser }) => {
  await open(page);
  await page.getByRole('button', { name: 'Remove tranche 1: Upfront' }).click();
  await typeInto(page, '#tranche-1-amount', '30');
  const marks = async (p) => ({
    changed: await p.locator('[data-tranche] .badge.changed').count(),
    amount: await p.locator('[data-tranche] .field:has(input[id$="-amount"]) .badge').textContent(),
    paid: await p.locator('[data-tranche] .field:has(input[id$="-paid"]) .badge').textContent(),
  });
  const here = await marks(page);
  // Only the amount was changed; the month and its source are still the milestones'.
  expect(here.changed).toBe(1);
  expect(here.paid).toMatch(/assumption/i);
  await expect(page).toHaveURL(/tn=1&t1=Milestones~30B/);
  const link = page.url();

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expectMetric(other, 'investment_total', '30000000000');
  expect(await marks(other)).toEqual(here);

  // The embed's milestone field is that tranche, with its reported $35B beside it; there is no upfront field.
  await other.goto(`${link}&embed=1`);
  await expect(other.locator('#embed-milestones')).toHaveValue('30B');
  await expect(other.locator('#embed-upfront')).toHaveCount(0);
  // An embedded scenario of the article's own is not called the reported deal's, even where no key input shows what
  // changed (a date, a probability, a removed tranche).
  await expect(other.locator('.embed-foot')).toContainText('A scenario changed from the deal as reported');
  await typeInto(other, '#embed-milestones', '31');
  await expectMetric(other, 'investment_total', '31000000000');
  await fresh.close();
});

test('when the clipboard is denied, the link and the embed code are selected for copying by hand', async ({ page }) => {
  await openHoldingTime(page);
  await page.evaluate(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new Error('denied')) } });
  });
  const whole = (id) => page.evaluate((id) => {
    const field = document.getElementById(id);
    return document.activeElement === field && field.selectionEnd - field.selectionStart === field.value.length;
  }, id);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await saidIn(page, '#share-status', /press Ctrl\+C/);
  expect(await whole('share-link')).toBe(true);
  await page.getByText('Embed this calculator in an article').click();
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await saidIn(page, '#embed-status', 'Copying is blocked here: select the code and press Ctrl+C or ⌘C.');
  expect(await whole('embed-code')).toBe(true);
  // An instruction stays while the reader may still need it.
  await page.clock.runFor(10_000);
  await expect(page.locator('#share-status')).toContainText('press Ctrl+C');
  await expect(page.locator('#embed-status')).toContainText('press Ctrl+C');
});

// A confirmation that stayed would go on saying "Link copied." while the reader's next edits moved the link past
// what the clipboard holds; a screen reader going through the page later would come upon a stale "Removed …".
test('a confirmation goes after seven seconds', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openHoldingTime(page);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await saidIn(page, '#share-status', 'Link copied.');
  // The panel's renders (here, its link catching up after an edit) leave the words alone.
  await typeInto(page, '#tranche-0-amount', '20');
  await page.clock.runFor(1_000);
  await expect(page.locator('#share-link')).toHaveValue(/t1=~20B/);
  await expect(page.locator('#share-status')).toHaveText('Link copied.');
  await page.clock.runFor(5_500);
  await expect(page.locator('#share-status')).toHaveText('Link copied.');
  await page.clock.runFor(600);
  await expect(page.locator('#share-status')).toHaveText('');
  await page.getByText('Embed this calculator in an article').click();
  await page.getByRole('button', { name: 'Copy embed code' }).click();
  await saidIn(page, '#embed-status', 'Embed code copied.');
  await page.clock.runFor(7_100);
  await expect(page.locator('#embed-status')).toHaveText('');
  // A second removal within the seven seconds is not cut short by the first one's clearing.
  await page.getByRole('button', { name: 'Remove tranche 1: Upfront' }).click();
  await saidIn(page, '#status', 'Removed tranche 1: Upfront');
  await page.clock.runFor(4_000);
  await page.getByRole('button', { name: 'Remove agreement 1: AWS existing' }).click();
  await saidIn(page, '#status', 'Removed agreement 1: AWS existing');
  await page.clock.runFor(4_000);
  await expect(page.locator('#status')).toHaveText('Removed agreement 1: AWS existing');
  await page.clock.runFor(3_100);
  await expect(page.locator('#status')).toHaveText('');
  // The same words again change the region's text all the same (a screen reader would stay silent otherwise), and
  // the seven seconds count from the last time they were said: three copies at 0, 3 and 5 s.
  const said = () => page.locator('#share-status').evaluate((element) => element.textContent);
  for (const ending of ['', '\u00a0', '']) {
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect(async () => {
      await page.clock.runFor(50);
      expect(await said()).toBe(`Link copied.${ending}`);
    }).toPass();
    await page.clock.runFor(ending ? 2_000 : 2_950);
  }
  await page.clock.runFor(6_800 - 2_950);
  expect(await said()).toBe('Link copied.');
  await page.clock.runFor(300);
  expect(await said()).toBe('');
});

test('bad parameters are named in a notice; the good ones apply; unknown ones are ignored', async ({ page }) => {
  await open(page, './?v=1&t1=~lots~2026-05&burn=25B&rate=300&utm_source=news&fbclid=abc');
  const notice = page.locator('#link-notice');
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('t1: amount: not a number');
  await expect(notice).toContainText('rate: discount rate: must be between 0% and 100%');
  await expect(notice).not.toContainText('utm_source');
  await expectMetric(page, 'investment_total', '50000000000');
  await expectMetric(page, 'runway_months', '24');
  await expect(page.locator('#tranche-0-paid')).toHaveValue('2026-05');
  // By keyboard: the button goes with the notice, and the focus goes to the page's title rather than its start.
  await page.getByRole('button', { name: 'Dismiss this notice' }).focus();
  await page.keyboard.press('Enter');
  await expect(notice).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('a percentage typed into a link by hand may keep its sign', async ({ page }) => {
  await open(page, './?v=1&util=50%&rate=5%25');
  await expect(page.locator('#compute-utilisation')).toHaveValue('50%');
  await expect(page.locator('#assumption-rate')).toHaveValue('5%');
  await expect(page.locator('#link-notice')).toBeHidden();
});

// The address waits for a pause in typing; these two check that waiting never loses or misplaces an edit.
test('Reset right after an edit still leaves that edit one step Back', async ({ page }) => {
  await openHoldingTime(page);
  await typeInto(page, '#tranche-0-amount', '22');
  await expectMetric(page, 'investment_total', '57000000000');
  await page.getByRole('button', { name: 'Reset to reported' }).click();
  await expectMetric(page, 'investment_total', '50000000000');
  await expect(page).not.toHaveURL(/t1=/);
  await page.goBack();
  await expect(page).toHaveURL(/t1=~22B/);
  await expectMetric(page, 'investment_total', '57000000000');
});

test('leaving the page right after an edit leaves the address current', async ({ page }) => {
  // The reader's pause never ends: only leaving the page can write the edit.
  await openHoldingTime(page);
  await typeInto(page, '#tranche-0-amount', '22');
  await expectMetric(page, 'investment_total', '57000000000');
  expect(await page.evaluate(() => location.search)).not.toMatch(/t1=/);
  // Focus goes to the address bar (the window loses it).
  await page.evaluate(() => dispatchEvent(new FocusEvent('blur')));
  await expect(page).toHaveURL(/t1=~22B/);

  await typeInto(page, '#tranche-0-amount', '23');
  await expectMetric(page, 'investment_total', '58000000000');
  expect(await page.evaluate(() => location.search)).toMatch(/t1=~22B/);
  // The reader switches to another tab.
  await page.evaluate(() => {
    Object.defineProperty(document, 'visibilityState', { value: 'hidden', configurable: true });
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    document.dispatchEvent(new Event('visibilitychange'));
  });
  await expect(page).toHaveURL(/t1=~23B/);
});

test('reloading right after an edit reloads that edit', async ({ page }) => {
  await openHoldingTime(page);
  await typeInto(page, '#tranche-0-amount', '22');
  await expectMetric(page, 'investment_total', '57000000000');
  expect(await page.evaluate(() => location.search)).not.toMatch(/t1=/);
  // A reload starts from the address as it was when pressed, before the page could write the edit.
  await page.reload();
  await expectMetric(page, 'investment_total', '57000000000');
  await expect(page).toHaveURL(/\?v=1&t1=~22B$/);
  // Time is still held: the fields follow the first paint in a task of their own.
  await page.clock.runFor(1000);
  await expect(page.locator('#tranche-0-amount')).toHaveValue('22B');
});

test('opening the address again after leaving mid-edit shows what that address says', async ({ page }) => {
  await openHoldingTime(page);
  await typeInto(page, '#tranche-0-amount', '22');
  await expectMetric(page, 'investment_total', '57000000000');
  // The reader goes elsewhere, then opens the reported deal's address again. Not a reload: what the page kept
  // for one does not apply.
  await page.goto('about:blank');
  await page.goto('./');
  await expectMetric(page, 'investment_total', '50000000000');
  await expect(page).not.toHaveURL(/t1=/);
  // The entry left holds the edit, so Back returns to it.
  await page.goBack();
  await page.goBack();
  await expect(page).toHaveURL(/t1=~22B/);
  await expectMetric(page, 'investment_total', '57000000000');
});

test('Back right after an edit does not write that edit over the earlier entry', async ({ page }) => {
  await openHoldingTime(page, './?v=1&t1=~20B');
  await page.evaluate(() => history.pushState(null, '', '?v=1&t1=~30B'));
  await page.evaluate(() => dispatchEvent(new PopStateEvent('popstate')));
  await expectMetric(page, 'investment_total', '65000000000');
  await typeInto(page, '#tranche-0-amount', '40');
  await expectMetric(page, 'investment_total', '75000000000');
  await page.goBack();
  await expectMetric(page, 'investment_total', '55000000000');
  await expect(page).toHaveURL(/t1=~20B$/);
  // The pause ends after Back: the edit it was waiting for is not written anywhere.
  await page.clock.runFor(1_000);
  await expect(page).toHaveURL(/t1=~20B$/);
  await page.goForward();
  await expectMetric(page, 'investment_total', '65000000000');
  await expect(page).toHaveURL(/t1=~30B$/);
});

test('Back returns to the scenario before a reset', async ({ page }) => {
  await open(page);
  await typeInto(page, '#tranche-0-amount', '21');
  await expect(page).toHaveURL(/t1=~21B/);
  await page.getByRole('button', { name: 'Reset to reported' }).click();
  await expectMetric(page, 'investment_total', '50000000000');
  await expect(page).not.toHaveURL(/t1=/);
  await page.goBack();
  await expect(page).toHaveURL(/t1=~21B/);
  await expectMetric(page, 'investment_total', '56000000000');
  await expect(page.locator('#tranche-0-amount')).toHaveValue('21B');
});

test('Back and Forward over refused text leave Reset offered only where something differs', async ({ page }) => {
  await open(page);
  const reset = page.getByRole('button', { name: 'Reset to reported' });
  await typeInto(page, '#tranche-0-amount', '21');
  await expect(page).toHaveURL(/t1=~21B/);
  await reset.click();
  await expect(reset).toBeDisabled();
  await typeInto(page, '#context-burn', 'x');
  await expect(reset).toBeEnabled();
  // Back shows the edited scenario and drops the refused text with the rest of what was typed.
  await page.goBack();
  await expect(page.locator('#tranche-0-amount')).toHaveValue('21B');
  await expect(page.locator('#context-burn')).toHaveValue('8B');
  await expect(page.locator('#context-burn-error')).toHaveText('');
  await expect(reset).toBeEnabled();
  // Forward is the reported deal again, and no refused text is left to count.
  await page.goForward();
  await expect(page.locator('#tranche-0-amount')).toHaveValue('15B');
  await expect(reset).toBeDisabled();
});

test('a reader still in a field after Back who types text the page refuses keeps what Back showed', async ({ page }) => {
  await open(page);
  const field = page.locator('#tranche-0-amount');
  await typeInto(page, '#tranche-0-amount', '21');
  await expect(page).toHaveURL(/t1=~21B/);
  await page.getByRole('button', { name: 'Reset to reported' }).click();
  await expect(field).toHaveValue('15B');
  // The reader begins a text ("2", accepted) that what Back will show happens to begin with.
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.type('2');
  await expectMetric(page, 'investment_total', '37000000000');
  await page.goBack();
  await expect(field).toHaveValue('21B');
  await expect(field).toBeFocused();
  // Typed on at the end: the text Back put there is what the refused text goes back to, not the $15B before it.
  await page.keyboard.press('End');
  await page.keyboard.type('T');
  await expect(field).toHaveValue('21BT');
  await expect(page.locator('#tranche-0-amount-note')).toHaveText('still using $21 billion');
  await expectMetric(page, 'investment_total', '56000000000');
  await expect(page).toHaveURL(/t1=~21B/);
});

test('links written by earlier versions keep their numbers (fixtures)', async ({ page }) => {
  const fixtures = JSON.parse(readFileSync(new URL('../tests/link_fixtures.json', import.meta.url)));
  for (const fixture of fixtures.links.slice(0, 4)) {
    await page.goto(`./${fixture.query ? '?' + fixture.query : ''}`);
    for (const [key, value] of Object.entries(fixture.metrics)) {
      await expectMetric(page, key, value);
    }
  }
});

test('the embed button writes the iframe snippet for the current scenario', async ({ page }) => {
  await open(page);
  await typeInto(page, '#agreement-1-capacity', '3');
  await page.getByText('Embed this calculator in an article').click();
  const code = page.locator('#embed-code');
  await expect(code).toHaveValue(/<iframe src="http:\/\/127\.0\.0\.1:4173\/\?v=1&amp;a2=~~~~3&amp;embed=1"/);
  const snippet = await code.inputValue();
  for (const part of ['title="Amazon–OpenAI deal calculator"', 'loading="lazy"', 'width: 1px; min-width: 100%',
    'allow-scripts', 'allow-popups', 'allow-downloads', 'embed.js']) {
    expect(snippet).toContain(part);
  }
  await page.getByRole('combobox', { name: /^Chart/ }).selectOption('yearly');
  // The choices read as the charts' names, not the link's codes.
  await expect(page.getByRole('combobox', { name: /^Chart/ }).locator('option:checked')).toHaveText('Spend with AWS per year');
  await expect(page.getByRole('combobox', { name: /^Theme/ }).locator('option:checked')).toHaveText("Reader's setting");
  // The checkbox sits beside its words, not stretched across the row above them.
  const box = await page.getByLabel('Key inputs').boundingBox();
  const words = await page.locator('.embed-controls label', { hasText: 'Key inputs' }).boundingBox();
  expect(box.width).toBeLessThan(40);
  expect(box.y + box.height).toBeGreaterThan(words.y + words.height / 2);
  await page.getByLabel('Key inputs').uncheck();
  await expect(code).toHaveValue(/embed=1&amp;chart=yearly&amp;controls=0/);
  expect(await code.inputValue()).toContain('height: 760px');
  // A host that runs no script (no embed.js, no listener of its own) still shows the whole embed in a 600 px
  // column, whichever chart, with and without the key inputs: the snippet's own height is enough.
  await expectWholeWithoutScript(page, await code.inputValue());
  await page.getByLabel('Key inputs').check();
  for (const chart of ['cumulative', 'yearly', 'commitments', 'compute']) {
    await page.getByRole('combobox', { name: /^Chart/ }).selectOption(chart);
    await expect(code).toHaveValue(chart === 'cumulative' ? /embed=1"/ : new RegExp(`chart=${chart}"`));
    await expectWholeWithoutScript(page, await code.inputValue());
  }
});

async function expectWholeWithoutScript(page, snippet) {
  const host = await page.context().newPage();
  await host.setViewportSize({ width: 600, height: 1200 });
  await host.setContent(`<body style="margin: 0">${snippet.replace(/<script[^]*<\/script>/, '')}</body>`);
  const inner = host.frameLocator('iframe');
  await expectMetric(inner, 'investment_total', '50000000000');
  await expect(inner.locator('.embed-foot')).toBeVisible();
  const frame = host.frames().find((f) => f.url().includes('embed=1'));
  await expect.poll(() => frame.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight)).toBe(true);
  await host.close();
}

test('a shared link shows a preview picture in chats and feeds, described in words', async ({ page }) => {
  await open(page, './?t1=~20B');
  const meta = (property) => page.locator(`meta[property="${property}"]`).getAttribute('content');
  // What a link preview fetches: the picture's address, relative to the page's own.
  const address = new URL(await meta('og:image'), page.url());
  const response = await page.request.get(address.href);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toBe('image/png');
  const png = await response.body();
  expect([...png.subarray(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG');
  expect(png.readUInt32BE(16)).toBe(Number(await meta('og:image:width')));
  expect(png.readUInt32BE(20)).toBe(Number(await meta('og:image:height')));
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
  expect(await meta('og:image:alt')).toContain('$138B');
  await expect(page.locator('meta[name="twitter:card"]')).toHaveAttribute('content', 'summary_large_image');
});
