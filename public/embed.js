/*
 * Kunshan AI plan tracker: auto-height for embedded charts.
 * Add once to a page that has one or more
 *   <iframe src=".../zh/embed/.../" data-kunshan-embed></iframe>
 * Each embed posts {type: "kunshan-embed:height", version: 1, height: <px>}
 * to its parent whenever its height changes; this sets the iframe's height.
 * Messages are accepted only from an iframe marked data-kunshan-embed whose
 * src has the sender's origin. Without this script the iframe keeps its
 * height attribute. Message format: docs/embedding.md.
 */
(function () {
  'use strict';
  if (window.kunshanEmbed) return;
  window.kunshanEmbed = { version: 1 };
  var MIN = 80;
  var MAX = 10000;
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'kunshan-embed:height' || typeof data.height !== 'number') return;
    if (!isFinite(data.height)) return;
    var frames = document.querySelectorAll('iframe[data-kunshan-embed]');
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      var origin;
      try {
        origin = new URL(frame.src, document.baseURI).origin;
      } catch (e) {
        return;
      }
      if (origin !== event.origin) return;
      var height = Math.max(MIN, Math.min(MAX, Math.ceil(data.height)));
      frame.style.height = height + 'px';
      frame.setAttribute('data-kunshan-height', String(height));
      return;
    }
  });
})();
