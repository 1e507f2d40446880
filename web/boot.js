// Loads the calculator. A separate file rather than an inline script, so the page works under a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'). If WebAssembly cannot run, the static
// figures in index.html stay and the note says why.
import init from './deal-calculator.js';

// Escape closes a source note that hover or focus opened, leaving the pointer and the focus where they are (WCAG
// 1.4.13); the note opens again once both have left its badge. Here rather than in the app: no WebAssembly for it.
addEventListener('keydown', (event) => {
  if (event.key === 'Escape') {
    for (const note of document.querySelectorAll('.provenance:hover, .provenance:focus-within')) note.toggleAttribute('data-closed', true);
  }
});
// As the pointer (or the focus) leaves, `relatedTarget` is where it goes; the other one must be gone already.
const reopen = (other) => (event) => {
  const note = event.target.closest && event.target.closest('.provenance[data-closed]');
  if (note && !note.contains(event.relatedTarget) && !note.matches(other)) note.removeAttribute('data-closed');
};
addEventListener('mouseout', reopen(':focus-within'));
addEventListener('focusout', reopen(':hover'));

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
