// The overview's "what you follow" (fetched by boot.js on the overview, and
// only when this browser follows something): each followed district, key
// task or indicator with its status now, from the release's follow index
// (<lang>/follow-index.json, written when the site is published), and what
// changed since the reader's last visit in an earlier release (the status
// the list kept then: a reload in the same release still shows it). Every
// text from the data is set as text.
const KEY = 'kunshan-follows';
let section = document.getElementById('followed');
const read = () => {
  try {
    return JSON.parse(localStorage.getItem(KEY) || '{}') || {};
  } catch {
    return {};
  }
};
const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? '');

const show = async () => {
  const follows = read();
  const keys = Object.keys(follows);
  if (!section || !keys.length) return;
  let index;
  try {
    const response = await fetch(section.dataset.index, { cache: 'no-cache' });
    if (!response.ok) return;
    index = await response.json();
  } catch {
    return;
  }
  const list = section.querySelector('.followed-list');
  list.replaceChildren();
  const d = section.dataset;
  for (const key of keys) {
    const item = index.items?.[key];
    // A new release: what was seen before becomes what this one is compared with.
    const kept = follows[key] || {};
    const seen = kept.release && kept.release !== index.release ? { ...kept, was: { status: kept.status, release: kept.release } } : kept;
    const was = seen.was;
    const li = document.createElement('li');
    li.dataset.follow = key;
    if (!item) {
      li.textContent = fill(d.gone, { name: kept.name || key });
      list.append(li);
      continue;
    }
    const link = document.createElement('a');
    link.href = item.href;
    link.textContent = item.name;
    const now = document.createElement('span');
    now.className = 'followed-status';
    now.textContent = index.statuses?.[item.status] ?? item.status;
    const change = document.createElement('span');
    change.className = 'followed-change';
    if (!was) change.textContent = d.first;
    else if (was.status === item.status) change.textContent = fill(d.same, { release: was.release || '' });
    else {
      change.classList.add('changed');
      change.textContent = fill(d.changed, {
        from: index.statuses?.[was.status] ?? was.status,
        to: index.statuses?.[item.status] ?? item.status,
        release: was.release || '',
      });
    }
    li.append(link, ' ', now, ' · ', change);
    if (item.feed) {
      const feed = document.createElement('a');
      feed.href = item.feed;
      feed.className = 'followed-feed';
      feed.textContent = d.feed;
      li.append(' · ', feed);
    }
    list.append(li);
    // Seen in this release: a later release is compared with it.
    follows[key] = { name: item.name, status: item.status, release: index.release, ...(was ? { was } : {}) };
  }
  section.hidden = false;
  try {
    localStorage.setItem(KEY, JSON.stringify(follows));
  } catch {
    // Nothing kept: the next visit compares with the last one kept.
  }
};
show();
// A filter changed in place, or the app drew the page again: the list comes
// back empty and hidden, so it is shown again.
new MutationObserver(() => {
  const now = document.getElementById('followed');
  if (now && now.hidden && !now.querySelector('li')) {
    section = now;
    show();
  }
}).observe(document.body, { childList: true, subtree: true });
