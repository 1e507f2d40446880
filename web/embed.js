// deal-calculator host script: resizes iframes of the calculator to their content. Add it once to a page that
// embeds the calculator and has no Pym.js or AMP listener. It acts only on messages from the contentWindow of
// an iframe on this page, only on {sender:"deal-calculator", method:"resize"}, accepts only sane heights, and
// never navigates the host page. On load it asks every iframe for its height, in case the calculator spoke first.
(function () {
  'use strict';
  if (window.__dealCalculatorHost) return;
  window.__dealCalculatorHost = true;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || typeof data !== 'object' || data.sender !== 'deal-calculator' || data.method !== 'resize') return;
    var height = data.height;
    if (typeof height !== 'number' || !isFinite(height) || height < 50 || height > 20000) return;
    var frames = document.getElementsByTagName('iframe');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        return;
      }
    }
  });
  var frames = document.getElementsByTagName('iframe');
  for (var i = 0; i < frames.length; i++) {
    try {
      frames[i].contentWindow.postMessage({ sender: 'deal-calculator-host', method: 'request-height' }, '*');
    } catch (e) { /* a frame without a window: nothing to ask */ }
  }
})();
