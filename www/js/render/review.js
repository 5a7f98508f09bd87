// "Check your answers" (the GOV.UK check-answers pattern): one summary list per visible
// section, each visible answered field as label → answer in words, with a "Change" link that
// takes the applicant to the field's step and focuses it. A required field left empty is
// listed as "Not answered" with a link to answer it, so nothing missing hides behind a
// section that looks finished. What is visible, required or wrong is read from the core's
// evaluation (ev.hidden, schema.required errors, ev.errors); this file only puts it in words.
import { el, idOf } from './field.js';
import { getAt } from '../pointer.js';

const COUNTRY_WIDGETS = new Set(['country', 'countries']);

const patternOf = (pointer) => pointer.replace(/\/\d+(?=\/|$)/g, '/*');
const isAnswered = (v) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

// Bytes as a reader says them: 2.3 MB, 52 KB (binary multiples, as file managers show them).
function fileSize(bytes, locale) {
  if (typeof bytes !== 'number' || !Number.isFinite(bytes)) return '';
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
  if (bytes < 1024) return `${nf.format(bytes)} B`;
  if (bytes < 1024 * 1024) return `${nf.format(bytes / 1024)} KB`;
  return `${nf.format(bytes / 1024 / 1024)} MB`;
}

// A date answer ("2018-06-12") in the reader's words. Formatted in UTC: the answer is a
// calendar day, not an instant, and must not move a day in the applicant's time zone.
function formatDate(value, locale) {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return String(value);
  const d = new Date(`${value}T00:00:00Z`);
  if (Number.isNaN(d.getTime())) return value;
  return new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' }).format(d);
}

// The text (or a list element for several values) an answer is shown as.
export function formatAnswer(widget, pointer, value, texts, lang) {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const pattern = patternOf(pointer);
  const number = (v) => (typeof v === 'number' ? new Intl.NumberFormat(locale, { maximumFractionDigits: 6 }).format(v) : String(v));
  const list = (items) => (items.length === 1 ? items[0] : el('ul', { class: 'ga-summary-list__values' }, ...items.map((t) => el('li', { text: t }))));
  if (COUNTRY_WIDGETS.has(widget)) {
    const names = new Intl.DisplayNames([lang === 'zh' ? 'zh-Hans' : 'en'], { type: 'region' });
    const name = (code) => {
      try { return texts.ui('countryOption', { name: names.of(code), code }); } catch { return String(code); }
    };
    return Array.isArray(value) ? list(value.map(name)) : name(value);
  }
  switch (widget) {
    case 'radio':
    case 'select':
      return texts.option(pattern, value);
    case 'checkboxes':
      return Array.isArray(value) ? list(value.map((v) => texts.option(pattern, v))) : texts.option(pattern, value);
    case 'yesno':
      return value === true ? texts.ui('yes') : value === false ? texts.ui('no') : String(value);
    case 'declaration':
      return texts.ui(value === true ? 'confirmed' : 'notConfirmed');
    case 'date':
      return formatDate(value, locale);
    case 'money':
      return typeof value === 'number' ? `${number(value)} ${texts.ui('currency')}` : String(value);
    case 'percent':
      return typeof value === 'number' ? `${number(value)}%` : String(value);
    case 'number':
    case 'integer':
      return number(value);
    case 'file':
      if (value && typeof value === 'object' && typeof value.name === 'string') {
        const size = fileSize(value.size, locale);
        return size ? `${value.name} (${size})` : value.name;
      }
      return String(value);
    default:
      if (Array.isArray(value)) return list(value.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))));
      if (value !== null && typeof value === 'object') return JSON.stringify(value);
      return String(value);
  }
}

// ctx = { texts, lang, answers, ev, hrefFor(sectionId), change(pointer) }; without change, read-only
export function renderReview(container, bundle, ctx) {
  const { texts, ev } = ctx;
  const hidden = ev.hidden ?? [];
  const isHidden = (p) => hidden.some((h) => p === h || p.startsWith(`${h}/`));
  const missing = new Set(ev.errors.filter((e) => e.message_key === 'schema.required').map((e) => e.pointer));
  const problems = new Map();
  for (const e of ev.errors) {
    if (e.severity !== 'error' || e.message_key === 'schema.required') continue;
    if (!problems.has(e.pointer)) problems.set(e.pointer, []);
    problems.get(e.pointer).push(e.message);
  }
  // Messages at a field or inside it (a repeat's sum rule, an item's bad value).
  const problemsAt = (p) => [...problems].filter(([q]) => q === p || q.startsWith(`${p}/`)).flatMap(([, m]) => m);
  // A repeat group's own messages (too few items, a rule over the list): those not inside an
  // item, which each item shows itself.
  const groupProblems = (p) => [...problems].filter(([q]) => q === p || (q.startsWith(`${p}/`) && !/^\/\d+(\/|$)/.test(q.slice(p.length))))
    .flatMap(([, m]) => m);

  // Read-only (the organiser's page: ctx without change()): answers without links to change them.
  const changeLink = (sectionId, pointer, label, kind) => {
    if (!ctx.change) return null;
    // The visually hidden label makes each link's name unique ("Change Team name"); Chinese
    // runs the words together ("修改团队名称").
    const a = el('a', { class: 'ga-link', href: ctx.hrefFor(sectionId) }, texts.ui(kind),
      el('span', { class: 'ga-visually-hidden', text: texts.lang === 'zh' ? label : ` ${label}` }));
    a.addEventListener('click', (e) => {
      e.preventDefault();
      ctx.change(pointer);
    });
    return a;
  };

  const errorLine = (m) => el('p', { class: 'ga-summary-list__error' }, el('span', { class: 'ga-visually-hidden', text: `${texts.ui('errorPrefix')} ` }), m);

  const value = (content, messages) => {
    const dd = el('dd', { class: 'ga-summary-list__value' });
    dd.append(content);
    for (const m of messages) dd.append(errorLine(m));
    return dd;
  };

  // flagged: the row is marked as having errors (a repeat group's may all be inside its items).
  const row = (label, content, action, messages = [], flagged = messages.length > 0) => el('div', { class: `ga-summary-list__row${flagged ? ' ga-summary-list__row--error' : ''}` },
    el('dt', { class: 'ga-summary-list__key', text: label }), value(content, messages),
    action ? el('dd', { class: 'ga-summary-list__actions' }, action) : el('dd', { class: 'ga-summary-list__actions' }));

  const notAnswered = () => el('span', { class: 'ga-summary-list__missing', text: texts.ui('notAnswered') });

  // A repeat group: one entry per item, each with its own "Change" link (the GOV.UK
  // check-answers pattern gives each item of a list its own action) and a small list of its
  // answered (or required and missing) fields. The link goes to the item's first visible field;
  // an item with a required answer missing says so, and its link ("Answer") goes to that answer.
  const items = (sectionId, field, pointer) => {
    const list = getAt(ctx.answers, pointer);
    const groupLabel = texts.label(patternOf(pointer));
    const ol = el('ol', { class: 'ga-summary-list__items' });
    (Array.isArray(list) ? list : []).forEach((_, i) => {
      const itemPointer = `${pointer}/${i}`;
      if (isHidden(itemPointer)) return;
      const dl = el('dl', { class: 'ga-summary-list__sub' });
      const visible = [];
      const lacking = [];
      for (const sub of field.fields ?? []) {
        if (!sub.pointer) continue;
        const p = `${itemPointer}/${sub.pointer}`;
        if (isHidden(p)) continue;
        visible.push(p);
        const v = getAt(ctx.answers, p);
        if (!isAnswered(v) && missing.has(p)) lacking.push(p);
        if (!isAnswered(v) && !missing.has(p)) continue;
        dl.append(el('div', { class: 'ga-summary-list__subrow' }, el('dt', { text: texts.label(patternOf(p)) }),
          el('dd', {}, isAnswered(v) ? formatAnswer(sub.widget, p, v, texts, ctx.lang) : notAnswered())));
      }
      const name = texts.ui('itemOfGroup', { n: i + 1, group: groupLabel });
      const head = el('p', { class: 'ga-summary-list__item-head' },
        el('span', { class: 'ga-summary-list__item-title', text: texts.ui('itemN', { n: i + 1 }) }),
        lacking.length ? el('strong', { class: 'ga-summary-list__incomplete', text: texts.ui('incomplete') }) : null,
        changeLink(sectionId, lacking[0] ?? visible[0] ?? pointer, name, lacking.length ? 'answer' : 'change'));
      const li = el('li', { class: 'ga-summary-list__item' }, head, dl);
      // An item's problems name their field: the item shows several answers, not one.
      for (const [q, messages] of problems) {
        if (q !== itemPointer && !q.startsWith(`${itemPointer}/`)) continue;
        const sub = (field.fields ?? []).find((f) => f.pointer && (q === `${itemPointer}/${f.pointer}` || q.startsWith(`${itemPointer}/${f.pointer}/`)));
        for (const m of messages) li.append(errorLine(sub ? texts.errorLink(texts.label(patternOf(`${itemPointer}/${sub.pointer}`)), m) : m));
      }
      ol.append(li);
    });
    return ol;
  };

  // Errors are listed in full by "Check the whole application" (the error summary); here one
  // line says there are some, so a review that reads well is not mistaken for a valid one.
  const parts = [];
  if (ctx.change && ev.errors.some((e) => e.severity === 'error')) {
    parts.push(el('p', { class: 'ga-review__warning', text: texts.ui('reviewErrors') }));
  }
  for (const section of bundle.layout.sections) {
    const status = ev.sections.find((s) => s.id === section.id);
    if (!status || status.hidden) continue;
    const headingId = `review-${section.id}-h`;
    const dl = el('dl', { class: 'ga-summary-list', 'aria-labelledby': headingId });
    for (const field of section.fields) {
      if (field.widget === 'computed') {
        const v = ev.computed?.[field.computed];
        if (v === null || v === undefined) continue;
        const unit = field.unit ? ` ${texts.text(field.unit)}` : '';
        const n = typeof v === 'number' ? new Intl.NumberFormat(ctx.lang === 'zh' ? 'zh-CN' : 'en-GB', { maximumFractionDigits: 2 }).format(v)
          : typeof v === 'boolean' ? texts.ui(v ? 'yes' : 'no') : String(v);
        dl.append(row(texts.text(`computed.${field.computed}.label`), `${n}${unit}`, null));
        continue;
      }
      const p = field.pointer;
      if (isHidden(p)) continue;
      const label = texts.label(patternOf(p));
      const v = getAt(ctx.answers, p);
      if (isAnswered(v) && field.widget === 'repeat') {
        // The group's own link stays: it is the way to add or remove items.
        dl.append(row(label, items(section.id, field, p), changeLink(section.id, p, label, 'change'), groupProblems(p), problemsAt(p).length > 0));
      } else if (isAnswered(v)) {
        dl.append(row(label, formatAnswer(field.widget, p, v, texts, ctx.lang), changeLink(section.id, p, label, 'change'), problemsAt(p)));
      } else if (missing.has(p)) {
        dl.append(row(label, notAnswered(), changeLink(section.id, p, label, 'answer')));
      }
    }
    parts.push(el('h3', { class: 'ga-summary-card__title', id: headingId, text: status.title }));
    parts.push(dl.childElementCount ? dl : el('p', { class: 'ga-hint', text: texts.ui('noAnswers') }));
  }
  container.replaceChildren(...parts);
}
