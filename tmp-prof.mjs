import { chromium } from '@playwright/test';
const rate = Number(process.env.RATE || 4);
const b = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const ctx = await b.newContext(); const p = await ctx.newPage();
const cdp = await ctx.newCDPSession(p); await cdp.send('Emulation.setCPUThrottlingRate', { rate });
await p.goto('http://127.0.0.1:8093/'); await p.waitForSelector('#tranche-0-amount');
await p.waitForTimeout(1000);
const edits = (count) => p.evaluate(async (count) => {
  const input = document.getElementById('tranche-0-amount');
  const total = document.querySelector('[data-metric="investment_total"]');
  for (let i = 0; i < count; i++) {
    await new Promise((r) => setTimeout(r, Math.random() * 17));
    const done = new Promise((resolve) => {
      const m = new MutationObserver(() => { m.disconnect(); requestAnimationFrame(() => setTimeout(resolve, 0)); });
      m.observe(total, { attributes: true, attributeFilter: ['data-value'] });
    });
    input.value = String(16 + (i % 20));
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await done;
  }
}, count);
await edits(10);
await cdp.send('Profiler.enable'); await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
await edits(Number(process.env.N || 200));
const { profile } = await cdp.send('Profiler.stop');
await b.close();
const N = Number(process.env.N || 200);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas; let total = 0;
const counts = new Map();
profile.samples.forEach((id, i) => { counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)); });
// parent map for inclusive time
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of counts) {
  const n = byId.get(id); const name = n.callFrame.functionName || '(anon ' + n.callFrame.url.split('/').pop() + ')';
  self.set(name, (self.get(name) || 0) + t); total += t;
  const seen = new Set(); let cur = id;
  while (cur !== undefined) { const cn = byId.get(cur); const nm = cn.callFrame.functionName || '(anon)'; if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) || 0) + t); } cur = parent.get(cur); }
}
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, t]) => `${(t / 1000 / N).toFixed(3)} ms  ${n.slice(0, 110)}`).join('\n');
console.log(`total sampled per edit: ${(total / 1000 / N).toFixed(2)} ms`);
console.log('--- self per edit'); console.log(top(self, 45));
console.log('--- inclusive per edit'); console.log(top(incl, 60));
