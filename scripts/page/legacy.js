// Sends a reader to the page their address means, before the first paint
// (a tiny script in the head; everything resolves against the page's <base>,
// the site's root, so it works under any sub-path). Tested in
// tests/e2e/pages.rs and site.rs.
//  - An old link: before every view had a page of its own, the site's
//    addresses were fragments of the root page (`#/en/indicator/x?period=…`),
//    and links to them live on in articles and chats.
//  - The site's root (the Chinese overview) opens in English for a reader
//    who last chose English.
(() => {
  const remembered = () => {
    try {
      return localStorage.getItem('kunshan-portal.lang') === 'en' ? 'en' : 'zh';
    } catch (_) {
      // Storage refused (private mode, an embed): Chinese.
      return 'zh';
    }
  };
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
  if ((within === '' || within === 'index.html') && remembered() === 'en') go('en/' + location.search);
})();
