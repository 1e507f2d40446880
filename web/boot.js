// Loads the calculator. A separate file rather than an inline script, so the page works under a strict
// Content-Security-Policy (script-src 'self' 'wasm-unsafe-eval'). If WebAssembly cannot run, the static
// figures in index.html stay and the note says why.
import init from './deal-calculator.js';

init({ module_or_path: new URL('deal-calculator_bg.wasm', import.meta.url) }).catch((error) => {
  document.documentElement.classList.add('no-wasm');
  console.error('deal-calculator could not start:', error);
});
