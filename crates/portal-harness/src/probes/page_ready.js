// True once the page has loaded; null while it has not (see probes.rs).
// The app loads on first use: ask for it, as a reader would.
if (window.kunshanStartApp) window.kunshanStartApp();
// The page as rendered into the HTML is still there: the app has not taken over.
if (document.getElementById('page')) return null;
if (document.querySelector('.error-panel, .skeleton, [data-later]')) return null;
const charts = [...document.querySelectorAll('.chart')];
// Charts are pictures until a reader reaches for them: go to the next one
// not yet drawn by ECharts and point at it, as a reader would; back to the
// top once all are.
const undrawn = charts.find(el => !el.querySelector('canvas, svg'));
if (undrawn) {
  undrawn.scrollIntoView({ block: 'center' });
  undrawn.dispatchEvent(new PointerEvent('pointerover', { bubbles: true }));
  return null;
}
window.scrollTo(0, 0);
return document.querySelector('#main h1') ? true : null;
