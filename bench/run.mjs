// The performance bench (issue 8): builds the release and a Yew hello-world, serves them on 127.0.0.1, drives
// Debian's Chromium with Playwright (a fresh context per load, so every load is cold) and prints one table with
// PASS or FAIL beside each budget. Separate from `./dev test`: timings never go into the test suite.
//   node bench/run.mjs            (after ./dev serve or ./dev test has installed the tools once)
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, gzipSync, constants } from 'node:zlib';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FIRST_RENDER, args, editLoop, quantile, serve, throttledPage } from './edits.mjs';

const root = new URL('..', import.meta.url).pathname;
const require = createRequire(root);
const { chromium } = require('playwright-core');
const env = { ...process.env, PATH: `${root}node_modules/.bin:${process.env.HOME}/.cargo/bin:${process.env.PATH}`, TRUNK_SKIP_VERSION_CHECK: 'true' };

const KiB = 1024;

function build() {
  console.error('building the release and the hello-world…');
  execFileSync('cargo', ['fetch', '--quiet'], { cwd: root, env, stdio: 'inherit' });
  execFileSync('trunk', ['build', '--release'], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] });
  // The model's in-browser timing is exported only by a build with the `bench` feature, so the release that is
  // measured and shipped carries none of it. Its own target directory keeps both builds incremental.
  execFileSync('trunk', ['build', '--release', '--features', 'bench', '--dist', join(root, 'bench/out/model')],
    { cwd: root, env: { ...env, CARGO_TARGET_DIR: join(root, 'target/bench-model') }, stdio: ['ignore', 'ignore', 'inherit'] });
  const hello = join(root, 'bench/hello');
  execFileSync('cargo', ['fetch', '--quiet'], { cwd: hello, env, stdio: 'inherit' });
  execFileSync('trunk', ['build', '--release', '--dist', join(root, 'bench/out/hello')],
    { cwd: hello, env: { ...env, CARGO_TARGET_DIR: join(root, 'target/hello') }, stdio: ['ignore', 'ignore', 'inherit'] });
}

function sizes(dir) {
  const out = {};
  for (const file of readdirSync(dir)) {
    const kind = file.endsWith('.wasm') ? 'wasm' : file.endsWith('.js') ? 'js' : file.endsWith('.css') ? 'css' : file.endsWith('.html') ? 'html' : null;
    // embed.js is for host pages, not part of the calculator's own load.
    if (!kind || file === 'embed.js') continue;
    const body = readFileSync(join(dir, file));
    const entry = out[kind] ?? { raw: 0, gzip: 0, brotli: 0 };
    entry.raw += body.length;
    entry.gzip += gzipSync(body, { level: 9 }).length;
    entry.brotli += brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
    out[kind] = entry;
  }
  out.total = Object.values(out).reduce((t, e) => ({ raw: t.raw + e.raw, gzip: t.gzip + e.gzip, brotli: t.brotli + e.brotli }), { raw: 0, gzip: 0, brotli: 0 });
  return out;
}

// The first render's floor: the release's own index.html and stylesheet, with a plain module script in place of
// the app that gives the static headline figure the value the poll waits for. It is the least this page can do
// on this machine at this moment (commit the navigation, parse, load the stylesheet, run a script), as the edit
// floor is for an edit, so a run can tell what the WebAssembly app adds from what it cannot change. The floor's
// script runs before the page's first layout; the app's module usually runs after it, so the app's figure also
// pays for styling, laying out and painting the static page first (46–139 ms at 4× in four traced loads), and the
// floor is a lower bound.
function staticFloor(dist, out) {
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  let html = readFileSync(join(dist, 'index.html'), 'utf8');
  // Trunk's minifier drops quotes where it can, so the patterns take attributes with or without them.
  if (!/data-static-metric=["']?investment_total\b/.test(html)) throw new Error('bench: index.html has no static investment_total figure');
  // Nothing of the app's is fetched: no preloads, and floor.js in place of boot.js.
  html = html.replace(/<link[^>]*rel=["']?(modulepreload|preload)\b[^>]*>/g, '');
  const boot = /<script[^>]*src=["']?(?:\.\/)?(boot-[0-9a-f]+\.js)["']?[^>]*>/;
  if (!boot.test(html)) throw new Error('bench: index.html loads no boot.js');
  html = html.replace(boot, (tag, name) => tag.replace(name, 'floor.js'));
  writeFileSync(join(out, 'index.html'), html);
  const css = readdirSync(dist).find((file) => file.endsWith('.css'));
  copyFileSync(join(dist, css), join(out, css));
  writeFileSync(join(out, 'floor.js'), `const figure = document.querySelector('[data-static-metric="investment_total"]');
figure.setAttribute('data-metric', 'investment_total');
figure.setAttribute('data-value', '50000000000');
`);
}

// Ten cold loads of each page, the pages taking turns, so that the machine's speed falls on each alike.
async function firstRenders(browser, urls, rate, loads = 10) {
  const times = urls.map(() => []);
  for (let i = 0; i < loads; i++) {
    for (const [which, url] of urls.entries()) {
      const { context, page } = await throttledPage(browser, rate);
      await page.addInitScript(FIRST_RENDER);
      await page.goto(url);
      await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 30_000 });
      times[which].push(await page.evaluate(() => window.__firstRender));
      await context.close();
    }
  }
  return times;
}

async function edits(browser, rate, host, floor = false) {
  const { context, page, cdp } = await throttledPage(browser, rate);
  let target = page;
  let inputId = 'tranche-0-amount';
  if (host) {
    await page.goto('http://127.0.0.1:4175/e2e/hosts/host.html');
    // The embed sizes itself through embed.js; the frame is ready when it has grown past its initial 150 px.
    await page.waitForFunction(() => document.getElementById('calculator').getBoundingClientRect().height > 300, null, { timeout: 30_000 })
      .catch(async (error) => {
        const frame = page.frame({ url: /localhost:4173/ });
        console.error('host frame height', await page.evaluate(() => document.getElementById('calculator').getBoundingClientRect().height),
          'inner', frame && await frame.evaluate(() => [document.documentElement.getBoundingClientRect().height, !!window.__dealCalculatorHost, document.readyState]).catch(String));
        throw error;
      });
    target = page.frame({ url: /localhost:4173/ });
    inputId = 'embed-upfront';
  } else if (floor) {
    await page.goto('http://127.0.0.1:4175/bench/floor/index.html');
  } else {
    await page.goto('http://127.0.0.1:4173/');
  }
  await target.waitForSelector('[data-metric="investment_total"][data-value]');
  const run = await target.evaluate(editLoop, { inputId, count: 200, warm: 10 });
  let memory = null;
  if (!host && !floor) {
    await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    // The glue's name carries its content hash; the page preloads it. Its init, called again, hands back the
    // running module's exports, memory among them (under a shortened name: tools/finish-dist.mjs).
    const wasm = await page.evaluate(async () => {
      const glue = await import(document.querySelector('link[rel="modulepreload"]').href);
      const exports = Object.values(await glue.default());
      return exports.find((value) => value instanceof WebAssembly.Memory).buffer.byteLength;
    });
    memory = { heap: heap.usedSize, wasm };
  }
  await context.close();
  return { ...run, memory };
}

// The model in the browser, from the bench's own build (above): the reported deal, 2,000 runs after 200 thrown
// away, so that V8 has tiered the hot functions up, as it has on a page that the reader has been editing.
async function browserModel(browser) {
  const page = await browser.newPage();
  await page.goto('http://127.0.0.1:4177/');
  await page.waitForSelector('[data-metric="investment_total"][data-value]');
  const model = await page.evaluate(async () => {
    const glue = await import(document.querySelector('link[rel="modulepreload"]').href);
    glue.benchModelMicroseconds(200);
    return glue.benchModelMicroseconds(2000);
  });
  await page.close();
  return model;
}

function nativeModel() {
  const out = execFileSync('cargo', ['bench', '--quiet', '--bench', 'model'], { cwd: root, env, encoding: 'utf8' });
  const median = /median ([\d.]+) µs/.exec(out);
  return median ? Number(median[1]) : NaN;
}

const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const ms = (v) => `${v.toFixed(1)} ms`;

build();
const ours = sizes(join(root, 'dist'));
const hello = sizes(join(root, 'bench/out/hello'));
staticFloor(join(root, 'dist'), join(root, 'bench/out/static'));
const servers = [serve('dist', 4173), serve('.', 4175, ['--no-csp']), serve('bench/out/static', 4176), serve('bench/out/model', 4177)];
await new Promise((r) => setTimeout(r, 500));
let browser;
try {
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  const [first1, floorFirst1] = await firstRenders(browser, ['http://127.0.0.1:4173/', 'http://127.0.0.1:4176/'], 1);
  const [first4, floorFirst4] = await firstRenders(browser, ['http://127.0.0.1:4173/', 'http://127.0.0.1:4176/'], 4);
  const page1 = await edits(browser, 1, false);
  const page4 = await edits(browser, 4, false);
  const host1 = await edits(browser, 1, true);
  const host4 = await edits(browser, 4, true);
  const floor1 = await edits(browser, 1, false, true);
  const floor4 = await edits(browser, 4, false, true);
  const inBrowser = await browserModel(browser);
  const native = nativeModel();

  const rows = [];
  const row = (figure, value, budget, ok) => rows.push([figure, value, budget, ok === null ? '' : verdict(ok)]);
  for (const kind of ['wasm', 'js', 'css', 'html']) {
    const e = ours[kind];
    row(`transfer ${kind} (raw / gzip / brotli)`, `${(e.raw / KiB).toFixed(1)} / ${(e.gzip / KiB).toFixed(1)} / ${(e.brotli / KiB).toFixed(1)} KiB`, '', null);
  }
  const ratio = ours.total.brotli / hello.total.brotli;
  row('transfer total, brotli (hello-world)', `${(ours.total.brotli / KiB).toFixed(1)} KiB (${(hello.total.brotli / KiB).toFixed(1)} KiB, ×${ratio.toFixed(2)})`, '≤ 150 KiB (goal 90)', ours.total.brotli <= 150 * KiB);
  row('first render p50 / p95, 1×', `${ms(quantile(first1, 0.5))} / ${ms(quantile(first1, 0.95))}`, '≤ 250 ms', quantile(first1, 0.95) <= 250);
  row('first render p50 / p95, 4×', `${ms(quantile(first4, 0.5))} / ${ms(quantile(first4, 0.95))}`, '≤ 600 ms', quantile(first4, 0.95) <= 600);
  for (const [label, times] of [['1×', floorFirst1], ['4×', floorFirst4]]) {
    row(`first render p50 / p95, static page alone, ${label}`, `${ms(quantile(times, 0.5))} / ${ms(quantile(times, 0.95))}`, 'the browser alone', null);
  }
  for (const [label, run, workBudget] of [['1×', page1, 4], ['4×', page4, 16]]) {
    const work = run.results.map((r) => r.work);
    row(`edit work p50 / p95 / max, ${label}`, `${ms(quantile(work, 0.5))} / ${ms(quantile(work, 0.95))} / ${ms(Math.max(...work))}`, `≤ ${workBudget} ms`, quantile(work, 0.95) <= workBudget);
    const paint = run.results.map((r) => r.paint);
    row(`edit to next paint p50 / p95 / max, ${label}`, `${ms(quantile(paint, 0.5))} / ${ms(quantile(paint, 0.95))} / ${ms(Math.max(...paint))}`, label === '1×' ? '≤ 20 ms' : '', label === '1×' ? quantile(paint, 0.95) <= 20 : null);
  }
  for (const [label, run] of [['1×', floor1], ['4×', floor4]]) {
    const work = run.results.map((r) => r.work);
    row(`edit work p50 / p95 / max, plain-JS page, ${label}`, `${ms(quantile(work, 0.5))} / ${ms(quantile(work, 0.95))} / ${ms(Math.max(...work))}`, 'the browser alone', null);
  }
  row('long tasks during edits, page 1× / 4×', `${page1.longTasks} / ${page4.longTasks}`, '0', page1.longTasks + page4.longTasks === 0);
  row('long tasks during edits, host 1× / 4×', `${host1.longTasks} / ${host4.longTasks}`, '0', host1.longTasks + host4.longTasks === 0);
  row('JS heap after GC', `${(page1.memory.heap / (1024 * 1024)).toFixed(2)} MiB`, '≤ 4 MiB', page1.memory.heap <= 4 * 1024 * 1024);
  row('wasm memory', `${(page1.memory.wasm / 1e6).toFixed(2)} MB`, '≤ 8 MB', page1.memory.wasm <= 8e6);
  row('model, native (median)', `${native.toFixed(1)} µs`, '≤ 50 µs', native <= 50);
  row('model, in the browser (mean of 2,000)', `${inBrowser.toFixed(1)} µs`, '', null);

  const widths = [0, 1, 2, 3].map((i) => Math.max(...rows.map((r) => r[i].length), ['figure', 'measured', 'budget', ''][i].length));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join(' │ ');
  console.log(line(['figure', 'measured', 'budget', '']));
  console.log(widths.map((w) => '─'.repeat(w)).join('─┼─'));
  for (const r of rows) console.log(line(r));
  console.log(`\nChromium ${browser.version()}, ${new Date().toISOString()}; 10 cold loads per first-render figure, 200 edits (10 warm-up) per edit figure.`);
} finally {
  await browser?.close();
  for (const s of servers) s.kill();
}
