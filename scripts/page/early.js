// What must happen before the first paint (a tiny script in the head; every
// address resolves against the page's <base>, the site's root, so it works
// under any sub-path). Tested in tests/e2e/pages.rs and site.rs.
//  - An old link is sent on to its page: before every view had a page of its
//    own, the site's addresses were fragments of the root page
//    (`#/en/indicator/x?period=…`), and links to them live on in articles.
//  - The site's root (the Chinese overview) opens in English for a reader
//    who last chose English.
//  - The reader's theme and text size are applied (an embed takes its theme
//    from its address), so the page never paints in the wrong ones.
//  - `data-js` on <html>: controls that need scripts show only with them.
(() => {
  const html = document.documentElement;
  const stored = (key) => {
    try {
      return localStorage.getItem(key);
    } catch (_) {
      // Storage refused (private mode, an embed on another site).
      return null;
    }
  };
  const remembered = () => (stored('kunshan-portal.lang') === 'en' ? 'en' : 'zh');
  const go = (target) => location.replace(new URL(target, document.baseURI).href);
  const hash = location.hash;
  if (hash.startsWith('#/')) {
    const [path, query] = hash.slice(2).split('?');
    const parts = path.split('/').filter(Boolean);
    // A link without a language opens in the language the reader last chose.
    if (parts[0] !== 'zh' && parts[0] !== 'en') parts.unshift(remembered());
    go(parts.join('/') + '/' + (query ? '?' + query : ''));
    return;
  }
  const within = location.href.split(/[?#]/)[0].slice(document.baseURI.split(/[?#]/)[0].length);
  if ((within === '' || within === 'index.html') && remembered() === 'en') {
    go('en/' + location.search);
    return;
  }
  html.dataset.js = '';
  const embed = html.hasAttribute('data-embedded');
  const theme = embed
    ? new URLSearchParams(location.search).get('theme')
    : stored('kunshan-portal.theme');
  html.dataset.theme = theme === 'light' || theme === 'dark' ? theme : 'system';
  html.dataset.text = !embed && stored('kunshan-portal.text') === 'large' ? 'large' : 'normal';
  // The language of a real page (not "not found") is the reader's latest choice.
  if (!embed && document.querySelector('link[rel=canonical]')) {
    try {
      localStorage.setItem('kunshan-portal.lang', html.lang.startsWith('en') ? 'en' : 'zh');
    } catch (_) {
      // Not remembered: the next old link opens in Chinese.
    }
  }
})();
