// The ranking a page at a time. A browser lays out a table of 5,000 rows for seconds (2.6 s in
// headless Chromium here, with or without the stylesheet; BENCHMARKS.md), and every switch
// between the ranking and a review lays it out again; 100 rows draw at once. Sorting and
// filtering still apply to the whole round, and the CSV and the report still hold every row.
// The pager follows GOV.UK's pagination pattern: Previous, the first and last pages, the pages
// around the current one with "…" between, and Next; its buttons say which page they show.
import { el } from '../render/field.js';
import { say } from './texts.js';

export const PAGE_SIZE = 100;

// The page numbers to offer (0-based), with null where some are left out.
export function pageNumbers(page, pages) {
  const wanted = [...new Set([0, page - 1, page, page + 1, pages - 1])].filter((p) => p >= 0 && p < pages).sort((a, b) => a - b);
  const out = [];
  for (const p of wanted) {
    if (out.length && p - out[out.length - 1] > 1) out.push(null);
    out.push(p);
  }
  return out;
}

// rows: the sorted, filtered ranking. Returns {rows: the page's, page (clamped), pages, from, to}
// (from and to 1-based, as the status says them).
export function pageOf(rows, page) {
  const pages = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const p = Math.min(Math.max(0, page), pages - 1);
  const start = p * PAGE_SIZE;
  const shown = rows.slice(start, start + PAGE_SIZE);
  return { rows: shown, page: p, pages, from: shown.length ? start + 1 : 0, to: start + shown.length };
}

// Draws the pager into `nav` (hidden when there is one page). onPage(n, which): which is the
// button's data-page ("previous", "next" or the number), so the caller can put the focus back on
// the same button once the ranking is drawn again.
export function renderPager(nav, { page, pages, lang, onPage }) {
  const t = (k, p) => say(lang, k, p);
  nav.hidden = pages <= 1;
  nav.setAttribute('aria-label', t('pagesLabel'));
  if (pages <= 1) { nav.replaceChildren(); return; }
  const button = (which, target, content, extra = {}) => {
    const b = el('button', { type: 'button', class: 'ga-org__page', 'data-page': which, ...extra }, ...content);
    b.addEventListener('click', () => onPage(target, which));
    return b;
  };
  const items = pageNumbers(page, pages).map((p) => (p === null
    ? el('li', { class: 'ga-org__page-gap', text: '…' })
    : el('li', {}, button(String(p + 1), p, [String(p + 1)],
      { 'aria-label': t('pageNumber', { n: p + 1 }), ...(p === page ? { 'aria-current': 'page', class: 'ga-org__page ga-org__page--current' } : {}) }))));
  nav.replaceChildren(
    page > 0 ? button('previous', page - 1, [t('pagePrevious')]) : '',
    el('ul', { class: 'ga-org__page-list' }, ...items),
    page < pages - 1 ? button('next', page + 1, [t('pageNext')]) : '',
  );
}
