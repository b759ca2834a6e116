// Runs before the page first paints (a small script in <head>, fetched beside
// the stylesheet): says which loading shell fits this link, so that the shell
// in index.html paints at once in the link's language, and not at all in an
// embed (which shows only its chart). The CSS shows the shell only once this
// has run: without JavaScript there is nothing loading.
const hash = location.hash;
document.documentElement.dataset.boot = hash.includes('/embed/')
  ? 'embed'
  : hash.startsWith('#/en/')
    ? 'en'
    : 'zh';
