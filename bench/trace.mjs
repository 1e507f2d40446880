// Where an edit's time goes, and why the slowest edits are slow: the bench's edit loop under a Chromium trace.
// It compares the fastest half of the edits with the slowest 5% (the ones a p95 reads), phase by phase, and the
// main thread's wall time with its CPU time: at 1× the gap is time the thread did not run, waiting for one of
// the machine's cores or blocked (on the compositor at commit); at 4× it is mostly the throttling's own pauses.
// It also counts garbage collections and the work on other threads during the edits: WebAssembly tiering up to
// optimised code, raster, the compositor. Tracing costs time itself, so its edit times are not the bench's.
//   node bench/trace.mjs [--rate 4] [--edits 400] [--dist dist]     (after trunk build --release)
// With --load it traces cold loads instead (a fresh context each, as the bench's first render): the main thread's
// tasks from navigation to the animation frame in which the headline figure first has a value, each with what it
// spent on parsing, style, layout, paint, decoding and instantiating the WebAssembly, script and WebAssembly's lazy
// compiling, so a slow first render can be read task by task. Some of these hold others: font lookups are part of
// layout, instantiating part of the module's decode, lazy compiling part of script.
//   node bench/trace.mjs --load [--loads 3] [--rate 4] [--dist dist]
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { FIRST_RENDER, args, editLoop, quantile, serve, throttledPage } from './edits.mjs';

const root = new URL('..', import.meta.url).pathname;
const { chromium } = createRequire(root)('playwright-core');
const option = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at > 0 ? process.argv[at + 1] : fallback;
};
const rate = Number(option('rate', 1));
const count = Number(option('edits', 400));
const dist = option('dist', join(root, 'dist'));
const loads = process.argv.includes('--load') || process.argv.includes('--loads') ? Number(option('loads', 3)) : 0;
if (!(Number.isInteger(loads) && loads >= 0)) {
  console.error('usage: node bench/trace.mjs [--rate 4] [--edits 400] | --load [--loads 3] [--rate 4]');
  process.exit(2);
}
if (!existsSync(join(dist, 'index.html'))) {
  console.error(`${dist} has no index.html: build it with trunk build --release`);
  process.exit(2);
}

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'v8',
  'disabled-by-default-v8.gc', 'v8.wasm', 'toplevel'];
// The main thread's phases of an edit, as the trace names them.
const PHASES = { script: ['FunctionCall'], style: ['UpdateLayoutTree'], layout: ['Layout'],
  prepaint: ['PrePaint'], paint: ['Paint'], layerize: ['Layerize'], commit: ['Commit'] };

// What a cold load's main thread spends its time on (--load).
// The module's decode is V8 reading the WebAssembly's bytes: the preload has them all by the time the glue asks,
// so it happens in one go, on the main thread, in a promise job, and the instance is made at its end. Script
// counts promise jobs too (Yew renders in one): a microtask checkpoint, less the decode it holds.
const LOAD_PHASES = { parse: ['ParseHTML'], style: ['UpdateLayoutTree'], layout: ['Layout'], fonts: ['FontCache::GetFontPlatformData'],
  paint: ['Paint', 'PrePaint', 'Layerize', 'Commit'], 'module decode': ['wasm.OnBytesReceived', 'wasm.FinishStreaming'],
  instantiate: ['wasm.SyncInstantiate'],
  script: ['FunctionCall', 'v8.evaluateModule', 'EvaluateScript', 'BlinkScheduler_PerformMicrotaskCheckpoint'],
  'lazy compile': ['wasm.CompileLazy'] };

const server = serve(dist, 4191);
let browser;
try {
  await new Promise((r) => setTimeout(r, 500));
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args });
  if (loads > 0) {
    for (let i = 0; i < loads; i++) await traceLoad();
  } else {
    const { page } = await throttledPage(browser, rate);
    await page.goto('http://127.0.0.1:4191/');
    await page.waitForSelector('[data-metric="investment_total"][data-value]');
    await browser.startTracing(page, { categories: CATEGORIES });
    const { results } = await page.evaluate(editLoop, { inputId: 'tranche-0-amount', count, warm: 10, marks: true });
    const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
    report(results, events);
  }
} finally {
  await browser?.close();
  server.kill();
}

function report(results, events) {
  const marks = {};
  for (const e of events) if (e.name.startsWith('edit-') && e.cat.includes('user_timing')) marks[e.name] = e.ts;
  const names = {};
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') names[`${e.pid}:${e.tid}`] = e.args.name;
  const thread = (e) => names[`${e.pid}:${e.tid}`] ?? '';
  const main = events.find((e) => e.name === 'Layout' && thread(e) === 'CrRendererMain');
  const onMain = (e) => e.pid === main.pid && e.tid === main.tid;
  const complete = events.filter((e) => e.ph === 'X');
  // An edit's span in the trace's clock (µs), from its input event to the task after its frame.
  const span = (r) => [marks[`edit-${r.edit}-start`], marks[`edit-${r.edit}-end`]];
  const within = (r, test) => {
    const [start, end] = span(r);
    return complete.filter((e) => e.ts + e.dur > start && e.ts < end && test(e));
  };
  const ms = (us) => us / 1000;

  // Each phase counts its events' time inside the edit's span. Style and layout that script forces run inside a
  // FunctionCall and count as script only, so no time counts twice.
  const inside = (e, f) => f.ts <= e.ts && e.ts + e.dur <= f.ts + f.dur;
  const clipped = (e, start, end) => Math.max(0, Math.min(end, e.ts + e.dur) - Math.max(start, e.ts));
  const edits = results.filter((r) => span(r).every((t) => t !== undefined)).map((r) => {
    const [start, end] = span(r);
    const own = within(r, onMain);
    const scripts = own.filter((e) => e.name === 'FunctionCall');
    const forced = (e) => scripts.some((f) => inside(e, f));
    const phases = Object.fromEntries(Object.entries(PHASES).map(([phase, list]) =>
      [phase, ms(own.filter((e) => list.includes(e.name) && (phase === 'script' || !forced(e)))
        .reduce((sum, e) => sum + clipped(e, start, end), 0))]));
    // The main thread's top-level tasks, cut to the edit's span; tdur is the thread's CPU time. The task that
    // dispatches the input began a few µs before the edit did; that part counts as CPU time too.
    let wall = 0, cpu = 0;
    for (const e of own.filter((e) => e.name === 'ThreadControllerImpl::RunTask' && e.tdur !== undefined)) {
      const before = Math.max(0, start - e.ts), after = Math.max(0, e.ts + e.dur - end);
      wall += ms(e.dur - before - after);
      cpu += ms(Math.max(0, e.tdur - before - after));
    }
    const gc = own.filter((e) => ['MinorGC', 'MajorGC'].includes(e.name)).length;
    return { ...r, phases, wall, cpu, gc };
  });
  if (edits.length < results.length) console.log(`${results.length - edits.length} edits left out: their marks are missing from the trace`);
  const byWork = [...edits].sort((a, b) => a.work - b.work);
  const groups = [['fastest half', byWork.slice(0, Math.floor(byWork.length / 2))],
    ['slowest 5%', byWork.slice(Math.floor(byWork.length * 0.95))]];
  const mean = (list, get) => list.reduce((sum, x) => sum + get(x), 0) / list.length;
  const f = (v) => v.toFixed(2).padStart(6);
  const work = edits.map((r) => r.work);
  console.log(`${edits.length} edits at ${rate}× under a trace: edit work p50 ${quantile(work, 0.5).toFixed(1)} ms, p95 ${quantile(work, 0.95).toFixed(1)} ms`);
  console.log(`means in ms      work   wall    cpu${Object.keys(PHASES).map((p) => p.padStart(9)).join('')}`);
  for (const [label, list] of groups) {
    console.log(`${label.padEnd(13)} ${f(mean(list, (r) => r.work))} ${f(mean(list, (r) => r.wall))} ${f(mean(list, (r) => r.cpu))} ${Object.keys(PHASES).map((p) => f(mean(list, (r) => r.phases[p])).padStart(9)).join('')}`);
  }

  const [first] = span(edits[0]);
  const [, last] = span(edits[edits.length - 1]);
  const during = complete.filter((e) => e.ts >= first && e.ts < last);
  const gcs = during.filter((e) => onMain(e) && ['MinorGC', 'MajorGC'].includes(e.name));
  console.log(`garbage collections on the main thread during the edits: ${gcs.length} (${gcs.map((e) => ms(e.dur).toFixed(1)).join(', ') || 'none'} ms), inside an edit: ${edits.filter((r) => r.gc).length}`);
  const seconds = ms(last - first) / 1000;
  const other = {};
  for (const e of during) {
    const name = e.name === 'wasm.TopTierCompilation' ? 'WebAssembly tier-up' : e.name === 'RasterTask' ? 'raster'
      : thread(e) === 'Compositor' && e.pid === main.pid && e.name === 'ThreadControllerImpl::RunTask' ? 'compositor' : null;
    if (name) other[name] = (other[name] ?? 0) + ms(e.tdur ?? e.dur);
  }
  const tierUp = {};
  for (const e of during) {
    if (e.name === 'wasm.TopTierCompilation') {
      const second = Math.floor(ms(e.ts - first) / 1000);
      tierUp[second] = (tierUp[second] ?? 0) + ms(e.tdur ?? e.dur);
    }
  }
  console.log(`other threads over ${seconds.toFixed(1)} s of edits (CPU ms per edit): ${Object.entries(other).map(([k, v]) => `${k} ${(v / edits.length).toFixed(2)}`).join(', ')}`);
  const early = edits.filter((r) => span(r)[0] - first < 1e6), later = edits.filter((r) => span(r)[0] - first >= 1e6);
  // A short run can end inside its first second.
  const p95 = (list) => (list.length ? quantile(list.map((r) => r.work), 0.95).toFixed(1) : '–');
  console.log(`edit work p95 in the first second of edits ${p95(early)} ms (${early.length} edits), after it ${p95(later)} ms; the slowest 5% has ${groups[1][1].filter((r) => early.includes(r)).length} of the first second's`);
  console.log(`WebAssembly tier-up, CPU ms in each second from the first edit: ${Object.entries(tierUp).map(([s, v]) => `${s}: ${v.toFixed(0)}`).join(', ') || 'none'}`);
}

// What a cold load's main thread does before the headline figure shows, task by task.
async function traceLoad() {
  const { context, page } = await throttledPage(browser, rate);
  await page.addInitScript(FIRST_RENDER);
  await browser.startTracing(page, { categories: [...CATEGORIES, 'blink', 'fonts', 'loading'] });
  await page.goto('http://127.0.0.1:4191/');
  await page.waitForFunction(() => window.__firstRender !== undefined, null, { timeout: 30_000 });
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await context.close();

  const shown = events.find((e) => e.name === 'first-render');
  const onMain = (e) => e.pid === shown.pid && e.tid === shown.tid;
  const start = events.find((e) => e.name === 'navigationStart' && onMain(e) && e.args?.data?.isLoadingMainFrame
    && e.args.data.documentLoaderURL?.startsWith('http'))?.ts ?? Math.min(...events.filter((e) => onMain(e) && e.ph === 'X').map((e) => e.ts));
  const at = (ts) => ((ts - start) / 1000).toFixed(0).padStart(5);
  const main = events.filter((e) => onMain(e) && e.ph === 'X' && e.ts >= start && e.ts <= shown.ts);
  // An event nested in one of its own name (fonts are looked up through several layers that share one) counts once.
  const outermost = (list) => list.filter((e) => !list.some((f) => f !== e && f.ts <= e.ts && e.ts + e.dur <= f.ts + f.dur));
  const sum = (list) => list.reduce((total, e) => total + e.dur, 0) / 1000;
  const spent = (within) => {
    const byPhase = Object.fromEntries(Object.entries(LOAD_PHASES).map(([phase, names]) =>
      [phase, outermost(within.filter((e) => names.includes(e.name)))]));
    const times = Object.fromEntries(Object.entries(byPhase).map(([phase, list]) => [phase, sum(list)]));
    const inScript = (e) => byPhase.script.some((f) => f.ts <= e.ts && e.ts + e.dur <= f.ts + f.dur);
    times.script -= sum(byPhase['module decode'].filter(inScript));
    return times;
  };
  console.log(`cold load at ${rate}×: the headline figure shows at ${at(shown.ts)} ms`);
  console.log('   at  task ms  inside it (ms; fonts are within layout, instantiate within module decode, lazy compile within script)');
  // Tasks as the scheduler runs them; microtask checkpoints (where the WebAssembly starts) are tasks of their own.
  const tasks = outermost(main.filter((e) => ['ThreadControllerImpl::RunTask', 'RunTask'].includes(e.name)));
  for (const task of tasks.filter((e) => e.dur >= 2000)) {
    const inside = main.filter((e) => e.ts >= task.ts && e.ts + e.dur <= task.ts + task.dur);
    const parts = Object.entries(spent(inside)).filter(([, v]) => v >= 0.5).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
    console.log(`${at(task.ts)} ${(task.dur / 1000).toFixed(1).padStart(7)}  ${parts}`);
  }
  const total = spent(main);
  console.log(`in all: ${Object.entries(total).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}; ${main.filter((e) => e.name === 'wasm.CompileLazy').length} functions compiled lazily`);
  const marks = ['domInteractive', 'firstContentfulPaint', 'domContentLoadedEventStart']
    .map((name) => [name, events.findLast((e) => e.name === name && onMain(e) && e.ts <= shown.ts)]).filter(([, e]) => e);
  console.log(`marks: ${marks.map(([name, e]) => `${name} ${at(e.ts).trim()}`).join(', ')}\n`);
}
