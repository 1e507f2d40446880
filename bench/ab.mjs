// Two builds against each other, for a change whose effect is smaller than the bench's run-to-run noise: the
// bench's edit loop (200 edits of the upfront amount after 10 warm-up ones) on build A, then B, then B, then A, and
// so on, so that the machine speeding up or slowing down falls on both alike. One run on A first is thrown away,
// so neither build takes the browser's first, colder run. Prints each run and the means.
//   node bench/ab.mjs DIST_A DIST_B [--rate 4] [--pairs 4]
// With --loads N it compares first render instead: N cold loads of each, alternated the same way, each timed as
// the bench times it, and the app's part of it (from the first call that compiles or instantiates the
// WebAssembly to the figure), which the browser's work before the module runs does not blur. A change that moves
// that call (an earlier compile, say) moves where the app's part starts: compare such builds by the whole.
//   node bench/ab.mjs DIST_A DIST_B --loads 16 [--rate 4]
// Each DIST is a `trunk build --release --dist DIR` output. Separate from `./dev test`, like the bench.
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { FIRST_RENDER, args, editLoop, quantile, serve, throttledPage } from './edits.mjs';

const root = new URL('..', import.meta.url).pathname;
const { chromium } = createRequire(root)('playwright-core');

// Options are `--name value`; anything else is a build's directory.
const given = process.argv.slice(2);
const options = { rate: 4, pairs: 4, loads: 0 };
const dirs = [];
for (let i = 0; i < given.length; i++) {
  const name = given[i].startsWith('--') ? given[i].slice(2) : null;
  if (name === null) dirs.push(given[i]);
  else options[name] = name in options ? Number(given[++i]) : NaN;
}
if (given.includes('--pairs') && given.includes('--loads')) options.pairs = NaN;
const [dirA, dirB] = dirs;
const { rate, pairs, loads } = options;
if (dirs.length !== 2 || !(rate >= 1) || !(pairs >= 1) || !Number.isInteger(pairs) || !(loads >= 0) || !Number.isInteger(loads)) {
  console.error('usage: node bench/ab.mjs DIST_A DIST_B [--rate 4] [--pairs 4 | --loads 16]');
  process.exit(2);
}
for (const dir of dirs) {
  if (!existsSync(join(dir, 'index.html'))) {
    console.error(`${dir} has no index.html: build it with trunk build --release --dist ${dir}`);
    process.exit(2);
  }
}

const builds = { A: 'http://127.0.0.1:4181/', B: 'http://127.0.0.1:4182/' };
const servers = [serve(dirA, 4181), serve(dirB, 4182)];
let browser;
const f = (v) => v.toFixed(1).padStart(5);

async function run(url) {
  const { context, page } = await throttledPage(browser, rate);
  await page.goto(url);
  await page.waitForSelector('[data-metric="investment_total"][data-value]');
  const { results } = await page.evaluate(editLoop, { inputId: 'tranche-0-amount', count: 200, warm: 10 });
  await context.close();
  const p50 = (key) => quantile(results.map((r) => r[key]), 0.5);
  return { update: p50('update'), frame: p50('frame'), work: p50('work'), workP95: quantile(results.map((r) => r.work), 0.95) };
}

// An init script: stamps the first call that compiles or instantiates WebAssembly.
const WASM_STAMP = () => {
  for (const name of ['compileStreaming', 'instantiateStreaming', 'compile', 'instantiate']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...given) {
      window.__wasmCalled ??= performance.now();
      return original.apply(this, given);
    };
  }
};

async function load(url) {
  const { context, page } = await throttledPage(browser, rate);
  await page.addInitScript(WASM_STAMP);
  await page.addInitScript(FIRST_RENDER);
  await page.goto(url);
  await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 30_000 });
  const [first, wasm] = await page.evaluate(() => [window.__firstRender, window.__wasmCalled]);
  await context.close();
  if (wasm === undefined) throw new Error(`${url} showed its figure without compiling WebAssembly through a call this script stamps`);
  return { first, app: first - wasm };
}

async function firstRenders() {
  const times = { A: [], B: [] };
  await load(builds.A);
  for (let i = 0; i < loads; i++) {
    for (const name of i % 2 === 0 ? ['A', 'B'] : ['B', 'A']) times[name].push(await load(builds[name]));
  }
  console.log(`rate ${rate}×, ${loads} cold loads of each; ms from navigation to the figure, and the app's part of it`);
  for (const name of ['A', 'B']) {
    const first = times[name].map((t) => t.first);
    const app = times[name].map((t) => t.app);
    const mean = (list) => list.reduce((sum, v) => sum + v, 0) / list.length;
    console.log(`${name}  first render mean ${f(mean(first))}  p50 ${f(quantile(first, 0.5))}  p95 ${f(quantile(first, 0.95))}   app's part mean ${f(mean(app))}  p50 ${f(quantile(app, 0.5))}`);
  }
}

async function editRuns() {
  const runs = { A: [], B: [] };
  await run(builds.A);
  console.log(`rate ${rate}×, ${pairs} pairs; p50 in ms of each run of 200 edits (update: keystroke to figure; frame: the frame after)`);
  for (let pair = 0; pair < pairs; pair++) {
    for (const name of pair % 2 === 0 ? ['A', 'B'] : ['B', 'A']) {
      const r = await run(builds[name]);
      runs[name].push(r);
      console.log(`${name}  update ${f(r.update)}  frame ${f(r.frame)}  work ${f(r.work)}  work p95 ${f(r.workP95)}`);
    }
  }
  const mean = (list, key) => list.reduce((sum, r) => sum + r[key], 0) / list.length;
  for (const name of ['A', 'B']) {
    const list = runs[name];
    console.log(`${name} mean  update ${f(mean(list, 'update'))}  frame ${f(mean(list, 'frame'))}  work ${f(mean(list, 'work'))}  work p95 ${f(mean(list, 'workP95'))}`);
  }
}

try {
  await new Promise((r) => setTimeout(r, 500));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  await (loads > 0 ? firstRenders() : editRuns());
} finally {
  await browser?.close();
  for (const s of servers) s.kill();
}
