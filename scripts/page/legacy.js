// Sends an old link to its page. Before every view had a page of its own, the
// site's addresses were fragments of the root page (`#/en/indicator/x?period=…`);
// links to them live on in articles and chats. Runs in the head, before the
// first paint, and resolves against the page's <base> (the site's root), so it
// works under any sub-path. Tested for every view kind (tests/e2e/site.rs).
(() => {
  const hash = location.hash;
  if (!hash.startsWith('#/')) return;
  const [path, query] = hash.slice(2).split('?');
  const parts = path.split('/').filter(Boolean);
  if (parts[0] !== 'zh' && parts[0] !== 'en') {
    // A link without a language opens in the language the reader last chose.
    let lang = 'zh';
    try {
      if (localStorage.getItem('kunshan-portal.lang') === 'en') lang = 'en';
    } catch (_) {
      // Storage refused (private mode, an embed): Chinese.
    }
    parts.unshift(lang);
  }
  const target = parts.join('/') + '/' + (query ? '?' + query : '');
  location.replace(new URL(target, document.baseURI).href);
})();
