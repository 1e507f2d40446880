import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
for (const q of ['embed=1', 'embed=1&controls=0', 'embed=1&chart=commitments', 'embed=1&chart=commitments&controls=0']) {
  const out = [];
  for (const w of [280, 320, 360, 390, 430, 500, 600, 700, 800]) {
    const page = await browser.newPage({ viewport: { width: w, height: 800 } });
    await page.goto('http://127.0.0.1:8091/?' + q); await page.waitForTimeout(900);
    out.push(`${w}:${await page.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height))}`);
    await page.close();
  }
  console.log(q, out.join(' '));
}
await browser.close();
