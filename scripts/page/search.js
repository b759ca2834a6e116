// The search page's search (fetched by boot.js on that page alone, checked
// against its integrity): narrows the list the page already holds (every
// indicator, task, commitment, district, department and report, in
// crates/portal-ui/src/pages/search.rs) as the reader types, from `?q=` too,
// with no app and nothing else to fetch. Every term must be found in an
// entry's words or its other language's; a Chinese run with no spaces
// ("周庄专利") is found in pieces, longest first. Entries whose name holds
// the terms come first in their group. What is shown is said in the status
// line (role=status), so a screen reader hears the count.
const field = () => document.getElementById('search-page-q');
const fold = (text) => text.normalize('NFKC').toLocaleLowerCase();
const han = /[\u3400-\u9fff\uf900-\ufaff]/;

// A run of Chinese found in pieces: the longest prefix the words hold, then
// the rest the same way (a lone character must be there too).
const inPieces = (words, run) => {
  let at = 0;
  while (at < run.length) {
    let end = run.length;
    while (end > at + 1 && !words.includes(run.slice(at, end))) end -= 1;
    if (!words.includes(run.slice(at, end))) return false;
    at = end;
  }
  return true;
};
const found = (words, term) => words.includes(term) || (han.test(term) && term.length > 2 && inPieces(words, term));

// Each entry's words, as the page gives them (read once: the excerpt below
// changes what is shown), and each text's whole.
const words = new WeakMap();
const wordsOf = (item) => {
  if (!words.has(item)) words.set(item, fold(`${item.textContent} ${item.dataset.other || ''}`));
  return words.get(item);
};
const original = new WeakMap();

// The entry's text around the first term found, the term marked (text
// nodes only: nothing from the data becomes markup).
const excerpt = (item, term) => {
  const text = item.querySelector('.search-text');
  if (!text) return;
  if (!original.has(text)) original.set(text, text.textContent);
  const whole = original.get(text);
  // Where folding changed the length (a ligature), no place can be marked.
  const folded = fold(whole);
  const at = term && folded.length === whole.length ? folded.indexOf(term) : -1;
  if (at < 0) {
    text.textContent = whole;
    return;
  }
  const from = Math.max(0, at - 40);
  const to = Math.min(whole.length, at + term.length + 80);
  const mark = document.createElement('mark');
  mark.textContent = whole.slice(at, at + term.length);
  text.replaceChildren(
    (from > 0 ? '…' : '') + whole.slice(from, at),
    mark,
    whole.slice(at + term.length, to) + (to < whole.length ? '…' : ''),
  );
};

const show = (query) => {
  const status = document.querySelector('.search-status');
  const groups = [...document.querySelectorAll('.search-group')];
  if (!status || !groups.length) return;
  const terms = fold(query).split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const group of groups) {
    const list = group.querySelector('.search-list');
    const items = [...list.children];
    const named = [];
    const rest = [];
    for (const item of items) {
      const said = wordsOf(item);
      const hit = terms.every((term) => found(said, term));
      item.hidden = !hit;
      excerpt(item, hit ? terms.find((term) => said.includes(term)) : null);
      if (!hit) continue;
      shown += 1;
      const name = fold(item.querySelector('a')?.textContent || '');
      (terms.length && terms.every((term) => name.includes(term)) ? named : rest).push(item);
    }
    // Names that hold the terms first, then the rest, each in the plan's order.
    if (!list.dataset.order) items.forEach((item, i) => { item.dataset.order = i; });
    list.dataset.order = 'kept';
    const byOrder = (a, b) => a.dataset.order - b.dataset.order;
    list.append(...named.sort(byOrder), ...rest.sort(byOrder), ...items.filter((i) => i.hidden));
    group.hidden = !list.querySelector('li:not([hidden])');
  }
  const said = !terms.length
    ? status.dataset.all
    : (shown === 1 ? status.dataset.foundOne : shown ? status.dataset.found : status.dataset.none)
        .replace('{n}', shown)
        .replace('{q}', query.trim());
  if (status.textContent !== said) status.textContent = said;
};

const fromAddress = () => new URLSearchParams(location.search).get('q') || '';
const start = () => {
  const input = field();
  if (!input) return;
  const query = fromAddress();
  if (query && !input.value) input.value = query;
  show(input.value);
};

let pending = 0;
document.addEventListener('input', (event) => {
  if (event.target !== field()) return;
  clearTimeout(pending);
  pending = setTimeout(() => {
    const query = field().value;
    show(query);
    // The address says what is shown: a link to it, or a reload, shows the same.
    const url = new URL(location.href);
    if (query.trim()) url.searchParams.set('q', query.trim());
    else url.searchParams.delete('q');
    history.replaceState(history.state, '', url);
  }, 120);
});
document.addEventListener('submit', (event) => {
  const input = field();
  if (!input || !event.target.contains(input)) return;
  // Shown in place; the field keeps the focus.
  event.preventDefault();
  clearTimeout(pending);
  show(input.value);
  const url = new URL(location.href);
  url.searchParams.set('q', input.value.trim());
  history.replaceState(history.state, '', url);
});
// The app draws the page anew when it takes over (a control it needs was
// touched): what the reader searched for carries over.
addEventListener('kunshan:take-over', () => setTimeout(start));
start();
