// The portal's service worker (written to dist/sw.js by scripts/harden-html.mjs;
// registered by boot.js once a page has loaded, never in an embed). It keeps
// what a reader has seen, so the pages they visited and the current
// release's data open again without a network:
//  - a page is asked of the network first and what comes back is kept, so a
//    reader online always sees what is served now; what a page then asks
//    for (its code, its data) is left to the browser, as if there were no
//    worker, so faults, errors and retries online are unchanged. The page
//    tells this worker what it showed (boot.js): its code is kept from the
//    browser's cache, its data once the page has checked it;
//  - without a network (or when the host does not answer), the kept copy of
//    a page is served, marked `data-offline-copy` on its <html>, which
//    boot.js turns into a plain notice naming the release the copy is of;
//    what that page asks for then comes from the kept copies too (and from
//    them for any page while the device says it has no network);
//  - copies are kept per release (`kunshan-<release>`, read from the page's
//    <meta name="portal-release">): the first page of a new release starts a
//    new store and drops the old one, so no offline visit mixes releases;
//  - the studio (publish/, studio/) and anything not of this site are left
//    to the network.
// Same origin only, under the pages' policy (worker-src 'self'); it never
// claims pages that loaded without it, and changes nothing online.

const PREFIX = 'kunshan-';
const scope = new URL(self.registration.scope);
// The pages served from their kept copy: what they ask for next comes from
// the copies too. A page served online gets the network's answer, faults
// and all (its own error and retry), unless the device has no network.
const offlinePages = new Set();

// Nothing to prepare: each page sends what it showed (below).
self.addEventListener('install', () => self.skipWaiting());

const ours = (url) =>
  url.origin === scope.origin &&
  url.pathname.startsWith(scope.pathname) &&
  !/\/(zh|en)\/publish\/|\/studio\//.test(url.pathname.slice(scope.pathname.length - 1));

// The store of the newest release seen, made if there is none.
const current = async (release) => {
  const names = (await caches.keys()).filter((name) => name.startsWith(PREFIX));
  if (release) {
    const name = PREFIX + release;
    // A new release: the old copies go, so offline pages are of one release.
    await Promise.all(names.filter((n) => n !== name).map((n) => caches.delete(n)));
    return caches.open(name);
  }
  return names.length ? caches.open(names[names.length - 1]) : null;
};

const releaseOf = (html) => {
  const found = /<meta name="portal-release" content="([A-Za-z0-9._-]+)"/.exec(html);
  return found ? found[1] : null;
};

// Keeps a response in the store of its release (a page names its own).
const keep = async (request, response) => {
  if (!response.ok || response.type !== 'basic') return;
  const copy = response.clone();
  const isPage = (copy.headers.get('content-type') || '').includes('text/html');
  const release = isPage ? releaseOf(await copy.clone().text()) : null;
  const store = await current(release);
  if (store) await store.put(request, copy);
};

// A kept page, marked as a copy for boot.js to say so.
const offlineCopy = async (response) => {
  const html = await response.text();
  const marked = html.replace(/<html\b/, '<html data-offline-copy=""');
  return new Response(marked, {
    status: 200,
    headers: { 'content-type': 'text/html; charset=utf-8' },
  });
};

// A page never visited, asked for without a network: said in both
// languages, with the way to what is kept (the overview, if it was seen).
const notKept = () =>
  new Response(
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8">' +
      '<meta name="viewport" content="width=device-width, initial-scale=1">' +
      '<title>离线 · Offline</title></head><body>' +
      '<h1>离线：此页没有保存的副本</h1>' +
      '<p>本机只保存了联网时打开过的页面。联网后再打开此页。</p>' +
      `<p><a href="${scope.pathname}">返回首页</a></p>` +
      '<h1 lang="en">Offline: this page was not kept</h1>' +
      '<p lang="en">Only the pages opened while online are kept on this device. Open this page again when online.</p>' +
      `<p lang="en"><a href="${scope.pathname}">Back to the start</a></p>` +
      '</body></html>',
    { status: 503, headers: { 'content-type': 'text/html; charset=utf-8' } },
  );

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || !ours(url)) return;
  if (request.mode !== 'navigate') {
    // A page served online asks the network itself, as if there were no
    // worker: its own faults, errors and retries are unchanged.
    if (!offlinePages.has(event.clientId) && self.navigator.onLine !== false) return;
    event.respondWith(caches.match(request).then((kept) => kept || fetch(request)));
    return;
  }
  event.respondWith(
    (async () => {
      try {
        const response = await fetch(request);
        event.waitUntil(keep(request, response.clone()).catch(() => {}));
        return response;
      } catch {
        // A page is the same with or without its query (the app reads it).
        const kept =
          (await caches.match(request)) || (await caches.match(url.origin + url.pathname));
        if (!kept) return notKept();
        if (event.resultingClientId) offlinePages.add(event.resultingClientId);
        return offlineCopy(kept);
      }
    })(),
  );
});

// A page tells what it showed once it has loaded (the first page a reader
// opens loads before this worker controls it): its address, stylesheet and
// code, taken from the browser's cache where the host lets it keep them,
// else asked for once more; and each data file of its release once the page
// has checked it against its own record (never fetched here, so a fault of
// the host is never met twice).
self.addEventListener('message', (event) => {
  const { keep: urls, data, release } = event.data || {};
  if (typeof release !== 'string' || !/^[A-Za-z0-9._-]+$/.test(release)) return;
  event.waitUntil(
    (async () => {
      const store = await current(release);
      for (const href of Array.isArray(urls) ? urls.slice(0, 32) : []) {
        const url = new URL(href, scope);
        if (!ours(url)) continue;
        try {
          const cached = await fetch(url, { cache: 'only-if-cached', mode: 'same-origin' }).catch(
            () => null,
          );
          const response = cached && cached.ok ? cached : await fetch(url);
          if (response.ok) await store.put(url, response);
        } catch {
          // Offline already: kept when next seen.
        }
      }
      if (data && /^[a-z0-9._-]+\.json$/.test(data.name) && data.bytes instanceof ArrayBuffer) {
        const url = new URL('data/' + data.name, scope);
        const headers = { 'content-type': 'application/json' };
        await store.put(url, new Response(data.bytes, { headers }));
      }
    })(),
  );
});
