// The ranking as the core computed it (round.ranking), shown as a table the organiser can sort
// and filter. Sorting and filtering only change what is shown and in which order: the rank in
// the first column is always the core's. Each column header holds a button (the sort), and the
// sorted column says so with aria-sort; each row has a button that opens the application.
import { el } from '../render/field.js';
import { say } from './texts.js';

// The verdicts in the core's ranking order (round.hpp): the order a verdict column sorts in.
export const VERDICTS = ['eligible', 'eligible_with_warnings', 'ineligible', 'unreadable'];

const number = (v) => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const time = (v) => { const t = typeof v === 'string' ? Date.parse(v) : NaN; return Number.isNaN(t) ? null : t; };

// What a column sorts by; null sorts last in either direction.
function sortValue(row, key) {
  switch (key) {
    case 'rank': return number(row.rank);
    case 'applicant': return typeof row.applicant === 'string' ? row.applicant : null;
    case 'track': return row.track == null ? null : String(row.track);
    case 'verdict': return VERDICTS.indexOf(row.verdict);
    case 'total': return number(row.total);
    case 'received': return time(row.received_at);
    case 'file': return row.file;
    default: return key.startsWith('dim:') ? number(row.dimensions?.[key.slice(4)]) : null;
  }
}

export function sortRows(rows, { key, dir }, lang) {
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans-u-co-pinyin' : 'en', { numeric: true });
  const sign = dir === 'descending' ? -1 : 1;
  return rows.map((row, i) => ({ row, i, v: sortValue(row, key) })).sort((a, b) => {
    if (a.v === null || b.v === null) return a.v === b.v ? a.i - b.i : a.v === null ? 1 : -1;
    const c = typeof a.v === 'string' ? collator.compare(a.v, b.v) : a.v - b.v;
    return c !== 0 ? sign * c : number(a.row.rank) - number(b.row.rank);
  }).map((x) => x.row);
}

export function filterRows(rows, { track, verdict, flag }) {
  return rows.filter((r) => (!track || String(r.track ?? '') === track)
    && (!verdict || r.verdict === verdict) && (!flag || (r.flags ?? []).includes(flag)));
}

// The values each filter offers: those present in the round, in a stable order.
export function filterChoices(rows) {
  const tracks = [...new Set(rows.map((r) => r.track).filter((t) => t !== undefined && t !== null).map(String))].sort();
  const verdicts = VERDICTS.filter((v) => rows.some((r) => r.verdict === v));
  const flags = [...new Set(rows.flatMap((r) => r.flags ?? []))].sort();
  return { tracks, verdicts, flags };
}

// view = {lang, texts (i18n.js Texts of the form), dimensions, sort, onSort(key), onOpen(row)}
export function renderTable(table, rows, view) {
  const { lang, texts } = view;
  const t = (k, p) => say(lang, k, p);
  const columns = [
    { key: 'rank', label: t('col.rank'), num: true },
    { key: 'applicant', label: t('col.applicant') },
    { key: 'track', label: t('col.track') },
    { key: 'verdict', label: t('col.verdict') },
    ...view.dimensions.map((d) => ({ key: `dim:${d}`, label: texts.text(`rubric.${d}.title`), num: true })),
    { key: 'total', label: t('col.total'), num: true },
    { key: 'received', label: t('col.received') },
    { key: 'flags', label: t('col.flags'), unsortable: true },
    { key: 'file', label: t('col.file') },
    { key: 'open', label: t('col.open'), unsortable: true },
  ];
  const head = el('tr');
  for (const c of columns) {
    const sorted = view.sort.key === c.key;
    const th = el('th', { scope: 'col', class: c.num ? 'ga-org__num' : null, 'aria-sort': c.unsortable ? null : sorted ? view.sort.dir : 'none' });
    if (c.unsortable) th.textContent = c.label;
    else {
      const button = el('button', { type: 'button', class: 'ga-org__sort', 'data-sort': c.key },
        el('span', { text: c.label }), el('span', { class: 'ga-org__sort-mark', 'aria-hidden': 'true', text: sorted ? (view.sort.dir === 'ascending' ? '▲' : '▼') : '' }));
      button.addEventListener('click', () => view.onSort(c.key));
      th.append(button);
    }
    head.append(th);
  }
  const trackText = (v) => (v === undefined || v === null ? '' : view.trackPointer ? texts.option(view.trackPointer, v) : String(v));
  // Received times in the round's own time zone (the window is judged there), the exact text
  // the core gave in the cell's title.
  const format = new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: view.timeZone ?? 'UTC' });
  const when = (iso) => { const d = new Date(iso ?? ''); return Number.isNaN(d.getTime()) ? (iso ?? '') : format.format(d); };
  const body = el('tbody');
  for (const r of rows) {
    const name = typeof r.applicant === 'string' && r.applicant.trim() ? r.applicant : t('unnamed');
    const flags = (r.flags ?? []).map((f) => el('li', { text: t(`flag.${f}`) === `flag.${f}` ? f : t(`flag.${f}`) }));
    const open = el('button', { type: 'button', class: 'ga-button ga-button--secondary ga-org__open' }, t('open'),
      el('span', { class: 'ga-visually-hidden', text: lang === 'zh' ? name : ` ${name}` }));
    open.addEventListener('click', () => view.onOpen(r));
    const cells = [
      el('td', { class: 'ga-org__num', text: String(r.rank ?? '') }),
      el('th', { scope: 'row', class: 'ga-org__applicant', text: name }),
      el('td', { text: trackText(r.track) }),
      el('td', { class: `ga-verdict ga-verdict--${r.verdict === 'eligible' || r.verdict === 'eligible_with_warnings' ? 'eligible' : 'ineligible'}`, text: t(`verdict.${r.verdict}`) }),
      ...view.dimensions.map((d) => el('td', { class: 'ga-org__num', text: r.dimensions?.[d] == null ? '' : String(r.dimensions[d]) })),
      el('td', { class: 'ga-org__num ga-org__total', text: r.total == null ? '' : String(r.total) }),
      el('td', { class: 'ga-org__when', title: r.received_at, text: when(r.received_at) }),
      el('td', {}, flags.length ? el('ul', { class: 'ga-org__flags' }, ...flags) : ''),
      el('td', { class: 'ga-org__file', text: r.file ?? '' }),
      el('td', {}, open),
    ];
    body.append(el('tr', { 'data-file': r.file }, ...cells));
  }
  table.replaceChildren(el('caption', { class: 'ga-visually-hidden', text: t('tableCaption') }), el('thead', {}, head), body);
}
