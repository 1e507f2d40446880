// Writes web/preview.png, the 1200×630 picture a link to the calculator shows when it is shared (og:image):
// the reported deal's headline figures and the commitments bar, as the embed draws them, larger. Run it after a
// change to how the page looks, on a release build:
//   trunk build --release && node tools/preview.mjs
// The picture is committed rather than made at build time, so a build needs no browser.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { chromium } = createRequire(root)('playwright-core');
const port = 4199;
const server = spawn(process.execPath, ['tools/serve.mjs', '--dir', 'dist', '--port', String(port)], { cwd: root, stdio: 'inherit' });
try {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
  // 800×420 CSS pixels at 1.5 device pixels each: 1200×630, with text large enough to read in a feed's thumbnail.
  const page = await browser.newPage({ viewport: { width: 800, height: 420 }, deviceScaleFactor: 1.5, bypassCSP: true, colorScheme: 'light' });
  for (let attempt = 0; ; attempt += 1) {
    try {
      await page.goto(`http://127.0.0.1:${port}/?embed=1&chart=commitments&controls=0&theme=light`);
      break;
    } catch (error) {
      if (attempt > 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  await page.waitForSelector('#chart-commitments svg');
  // A picture, not a page: no buttons or links to press, and room around the figures.
  await page.addStyleTag({
    content: `.chart-exports, .chart-table, .open-full, .chart-description { display: none !important }
      .embed { padding: 1.9rem 1.4rem; } .embed-head { margin-bottom: 1rem; } .embed-head h1 { font-size: 1.7rem; }
      .metric dd { font-size: 2rem; } .metrics { margin-bottom: 1.5rem; }`,
  });
  await page.screenshot({ path: `${root}web/preview.png` });
  await browser.close();
  console.log('wrote web/preview.png');
} finally {
  server.kill();
}
