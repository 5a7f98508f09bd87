// Superseded submissions (round.superseded): each earlier submission of an applicant who sent
// again, what replaced it, and the field-by-field difference the core found between it and the
// next one ("changes": {previous, fields: [{pointer, before, after}], more}).
import { el } from '../render/field.js';
import { Texts } from '../i18n.js';
import { say } from './texts.js';

// An answer as a short text: the review's words for a choice, the JSON of anything larger.
function valueText(v, pointer, texts, lang) {
  if (v === null || v === undefined || v === '') return say(lang, 'empty');
  if (typeof v === 'string') {
    const option = texts.option(pointer.replace(/\/\d+(?=\/|$)/g, '/*'), v);
    return option || v;
  }
  if (typeof v === 'boolean') return texts.ui(v ? 'yes' : 'no');
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

// The label of the field an answer pointer is in ("/team/core_team/1/name" → "Name (item 2)").
function fieldName(pointer, texts) {
  const pattern = pointer.replace(/\/\d+(?=\/|$)/g, '/*');
  const label = texts.label(pattern);
  const items = [...pointer.matchAll(/\/(\d+)(?=\/|$)/g)].map((m) => Number(m[1]) + 1);
  const known = label !== `${Texts.keyOf(pattern)}.label`;
  const base = known ? label : pointer;
  return items.length ? `${base} (${texts.ui('itemN', { n: items.join('.') })})` : base;
}

export function changesTable(changes, texts, lang) {
  const t = (k, p) => say(lang, k, p);
  const fields = changes?.fields ?? [];
  if (!fields.length) return el('p', { class: 'ga-hint', text: t('noChange') });
  const rows = fields.map((f) => el('tr', {},
    el('th', { scope: 'row', text: fieldName(f.pointer, texts) }),
    el('td', { class: 'ga-org__before', text: valueText(f.before, f.pointer, texts, lang) }),
    el('td', { class: 'ga-org__after', text: valueText(f.after, f.pointer, texts, lang) })));
  const table = el('table', { class: 'ga-org__diff' },
    el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t('diffField') }), el('th', { scope: 'col', text: t('diffBefore') }),
      el('th', { scope: 'col', text: t('diffAfter') }))),
    el('tbody', {}, ...rows));
  const out = el('div', { class: 'ga-org__diff-wrap' }, table);
  if (changes.more > 0) out.append(el('p', { class: 'ga-hint', text: t('moreChanges', { n: changes.more }) }));
  return out;
}

// view = {lang, texts, onOpen(row)}
export function renderSuperseded(container, round, view) {
  const { lang, texts } = view;
  const t = (k, p) => say(lang, k, p);
  const rows = round.superseded ?? [];
  if (!rows.length) {
    container.replaceChildren(el('p', { class: 'ga-hint', text: t('supersededNone') }));
    return;
  }
  // Where each superseded submission's changes are: on the submission that came after it
  // (row.changes.previous names the one before).
  const all = [...(round.ranking ?? []), ...rows];
  const next = new Map(all.filter((r) => r.changes?.previous).map((r) => [r.changes.previous, r]));
  const items = rows.map((r, i) => {
    const name = typeof r.applicant === 'string' && r.applicant.trim() ? r.applicant : t('unnamed');
    const headingId = `superseded-${i}`;
    const later = next.get(r.file);
    const open = el('button', { type: 'button', class: 'ga-button ga-button--secondary ga-org__open' }, t('open'),
      el('span', { class: 'ga-visually-hidden', text: lang === 'zh' ? `${name}（${r.file}）` : ` ${name} (${r.file})` }));
    open.addEventListener('click', () => view.onOpen(r));
    return el('li', { class: 'ga-org__superseded-item', 'aria-labelledby': headingId },
      el('h3', { id: headingId, class: 'ga-org__superseded-title', text: `${name} — ${r.file}` }),
      el('p', { class: 'ga-hint', text: `${t('col.received')}: ${r.received_at ?? ''} · ${t('replacedBy', { file: r.superseded_by ?? '' })}` }),
      later ? el('div', {}, el('h4', { class: 'ga-org__changes-title', text: t('changesIn', { file: later.file }) }), changesTable(later.changes, texts, lang)) : null,
      open);
  });
  container.replaceChildren(el('ol', { class: 'ga-org__superseded-list' }, ...items));
}
