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

/** Serves dist/ and resolves once the server listens; a port already taken fails here, not in a wrong picture. */
function serve() {
  const server = spawn(process.execPath, ['tools/serve.mjs', '--dir', 'dist', '--port', String(port)], { cwd: root });
  return new Promise((resolve, reject) => {
    server.stdout.once('data', () => resolve(server));
    server.once('exit', (code) => reject(new Error(`tools/serve.mjs stopped (${code}); is port ${port} taken?`)));
    server.stderr.pipe(process.stderr);
  });
}

const server = await serve();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  // 800×420 CSS pixels at 1.5 device pixels each: 1200×630, with text large enough to read in a feed's thumbnail.
  // bypassCSP: the page's policy refuses the style added below, which only this picture needs.
  const page = await browser.newPage({ viewport: { width: 800, height: 420 }, deviceScaleFactor: 1.5, bypassCSP: true, colorScheme: 'light' });
  await page.goto(`http://127.0.0.1:${port}/?embed=1&chart=commitments&controls=0&theme=light`);
  await page.waitForSelector('#chart-commitments svg');
  // A picture, not a page: no buttons or links to press, and room around the figures.
  await page.addStyleTag({
    content: `.chart-exports, .chart-table, .open-full, .chart-description { display: none !important }
      .embed { padding: 1.9rem 1.4rem; } .embed-head { margin-bottom: 1rem; } .embed-head h1 { font-size: 1.7rem; }
      .metric dd { font-size: 2rem; } .metrics { margin-bottom: 1.5rem; }`,
  });
  // The chart redraws to its new width after the style; fonts and two frames later it is settled.
  await page.evaluate(() => document.fonts.ready);
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.waitForTimeout(200);
  await page.screenshot({ path: `${root}web/preview.png` });
  console.log('wrote web/preview.png');
} finally {
  await browser.close();
  server.kill();
}
