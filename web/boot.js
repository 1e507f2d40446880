// Loads the calculator. A separate file rather than an inline script, so the page works under a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'). If WebAssembly cannot run, the static
// figures in index.html stay and the note says why.
import init from './deal-calculator.js';

init({ module_or_path: new URL('deal-calculator_bg.wasm', import.meta.url) }).then(() => requestAnimationFrame(() => {
  // While the totals (with More figures) are wholly above the screen, the root says so, and CSS shows the line of
  // main figures over the inputs (totals::strip in the app). Here rather than in the app: 0.6 KiB less of
  // WebAssembly and glue.
  const totals = document.querySelector('.totals');
  if (totals && window.IntersectionObserver) {
    new IntersectionObserver((entries) => {
      const now = entries[entries.length - 1];
      document.documentElement.toggleAttribute('data-totals-away', !now.isIntersecting && now.boundingClientRect.top < 0);
    }).observe(totals);
  }
}), (error) => {
  document.documentElement.classList.add('no-wasm');
  console.error('deal-calculator could not start:', error);
});
