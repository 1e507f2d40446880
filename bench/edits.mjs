// What the bench, the A/B script and the trace share: Chromium's flags, the servers, quantiles, a fresh throttled
// page, the first-render poll and the edit loop that run in the page.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

export const args = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--enable-precise-memory-info',
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1'];

// An init script: polls on every animation frame for the headline total's first value, the bench's first render,
// and keeps its time (and a user-timing mark, for a trace).
export const FIRST_RENDER = () => {
  const poll = () => {
    const total = document.querySelector('[data-metric="investment_total"]');
    if (total && total.getAttribute('data-value')) {
      window.__firstRender = performance.now();
      performance.mark('first-render');
    } else {
      requestAnimationFrame(poll);
    }
  };
  requestAnimationFrame(poll);
};

export function serve(dir, port, extra = []) {
  return spawn('node', [join(root, 'tools/serve.mjs'), '--dir', dir, '--port', String(port), ...extra], { stdio: 'ignore' });
}

export const quantile = (values, q) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * q + 0.5))];
};

// A page in a fresh context (so every load is cold), its CPU slowed `rate` times through the DevTools protocol.
export async function throttledPage(browser, rate) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page, cdp };
}

// Runs in the page (or the embedded frame): 10 warm-up and `count` measured edits of an amount field. With
// `marks`, each edit leaves user-timing marks `edit-N-start` and `edit-N-end` for a trace (bench/trace.mjs).
export async function editLoop({ inputId, count, warm, marks = false }) {
  const input = document.getElementById(inputId);
  const total = document.querySelector('[data-metric="investment_total"]');
  const longTasks = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries().map((e) => e.duration)));
  let measuring = false;
  observer.observe({ type: 'longtask' });
  const results = [];
  for (let i = 0; i < warm + count; i++) {
    measuring = i >= warm;
    await new Promise((r) => setTimeout(r, Math.random() * 17));
    let start = 0, changed = 0, frameStart = 0, painted = 0;
    const done = new Promise((resolve) => {
      const mutations = new MutationObserver(() => {
        changed = performance.now();
        mutations.disconnect();
        requestAnimationFrame(() => {
          frameStart = performance.now();
          setTimeout(() => {
            painted = performance.now();
            if (marks) performance.mark(`edit-${i}-end`);
            resolve();
          }, 0);
        });
      });
      mutations.observe(total, { attributes: true, attributeFilter: ['data-value'] });
    });
    window.addEventListener('input', () => {
      start = performance.now();
      if (marks) performance.mark(`edit-${i}-start`);
    }, { capture: true, once: true });
    input.value = String(16 + (i % 20));
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await done;
    if (measuring) {
      const update = changed - start, frame = painted - frameStart;
      results.push({ edit: i, update, frame, work: update + frame, paint: painted - start });
    }
  }
  observer.disconnect();
  return { results, longTasks: longTasks.length };
}
