// One control per layout field, bound to its label, hint and error message. Values go into the
// answers object through onChange(pointer, value); an empty control removes its answer, so the
// schema's "required" speaks rather than a length rule on "".
import { getAt } from '../pointer.js';
import { fileWidget } from './file.js';

export const idOf = (pointer) => `f${pointer.replace(/[^A-Za-z0-9]/g, '_')}`;

// The id of the first control renderField makes for a field: a group of radios or checkboxes is
// a fieldset (not focusable), so its first option; a computed value has none.
export function firstControlId(field, pointer) {
  if (field.widget === 'computed') return null;
  // A country list's first control is its filter box, which has the field's own id.
  return ['radio', 'yesno', 'checkboxes'].includes(field.widget) ? `${idOf(pointer)}-0` : idOf(pointer);
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') e.textContent = v;
    else if (k === 'class') e.className = v;
    else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) e.append(c);
  return e;
}
export { el };

// Countries offered when a country field's schema has no list of its own (packages use the
// shared schemas/common/country.schema.json, whose enum is used instead).
const COUNTRIES = ['CN', 'HK', 'MO', 'TW', 'SG', 'JP', 'KR', 'IN', 'ID', 'MY', 'TH', 'VN', 'PH', 'AU', 'NZ', 'US', 'CA', 'MX',
  'BR', 'CL', 'GB', 'IE', 'DE', 'FR', 'NL', 'BE', 'LU', 'CH', 'AT', 'IT', 'ES', 'PT', 'SE', 'NO', 'DK', 'FI', 'IS', 'PL',
  'CZ', 'HU', 'RO', 'GR', 'TR', 'IL', 'AE', 'SA', 'QA', 'EG', 'KE', 'NG', 'ZA', 'MA', 'ET', 'RU', 'KZ', 'UZ', 'PK', 'BD', 'LK', 'MN'];

function codePoints(s) { return [...s].length; }

function currencyOf(field, answers) {
  const c = field.currency ? getAt(answers, field.currency) : undefined;
  return typeof c === 'string' && /^[A-Z]{3}$/.test(c) ? c : 'CNY';
}
// The unit as the applicant reads it: CNY is "元" in Chinese, as the labels say (（元）).
const unitText = (code, cny) => (code === 'CNY' ? cny : code);

// Money units that follow another answer (the chosen currency), after every change.
// spans: the form's unit spans when the caller keeps them (found once per rendering of the form).
export function refreshUnits(root, answers, spans = root.querySelectorAll('[data-currency-from]')) {
  for (const span of spans) {
    const unit = unitText(currencyOf({ currency: span.dataset.currencyFrom }, answers), span.dataset.cny);
    if (span.textContent !== unit) span.textContent = unit;  // untouched when unchanged: nothing to lay out again
  }
}

// A country code's name in the page's language (the browser's own data), "" when it has none.
function countryNames(lang) {
  const names = new Intl.DisplayNames([lang === 'zh' ? 'zh-Hans' : 'en'], { type: 'region' });
  return (code) => { try { return names.of(code) ?? ''; } catch { return ''; } };
}
// The codes a country field offers: its schema's enum, sorted by name in the page's language.
function countryOptions(options, lang) {
  const own = options.filter((c) => typeof c === 'string');
  const name = countryNames(lang);
  const collator = new Intl.Collator(lang === 'zh' ? 'zh-Hans-u-co-pinyin' : 'en');
  return (own.length ? own : COUNTRIES).map((code) => ({ code, name: name(code) || code }))
    .sort((a, b) => collator.compare(a.name, b.name));
}

// What the applicant types, as the answer: the layout may declare characters that are only
// decoration ("strip": " -" for a phone number) and a scheme for a web address typed without
// one ("default_scheme": "https://"). The page never guesses these: they are the package's.
export function normalise(field, text) {
  let t = text;
  if (field.strip) t = [...t].filter((c) => !field.strip.includes(c)).join('');
  if (field.default_scheme && t.trim() !== '' && !/^[A-Za-z][A-Za-z0-9+.-]*:\/\//.test(t.trim())) t = field.default_scheme + t.trim();
  return t;
}

// The counter under a text box: how many characters there are against the schema's limits, so
// a minimum is known before Continue ("0 characters — at least 150, at most 1,500").
// Creating an Intl formatter costs more than the rest of a keystroke's work: one per language.
const numberFormats = new Map();
function formatCount(lang, x) {
  if (!numberFormats.has(lang)) numberFormats.set(lang, new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en-GB'));
  return numberFormats.get(lang).format(x);
}

function countText(texts, n, min, max) {
  const num = (x) => formatCount(texts.lang, x);
  const limits = min && max ? texts.ui('limitsBoth', { min: num(min), max: num(max) })
    : min ? texts.ui('limitsMin', { min: num(min) }) : max ? texts.ui('limitsMax', { max: num(max) }) : '';
  const count = num(n);
  if (!limits) return texts.ui('countPlain', { count });
  if (max && n > max) return texts.ui('countOver', { count, over: num(n - max), limits });
  if (min && n > 0 && n < min) return texts.ui('countNeed', { count, need: num(min - n), limits });
  if (n === 0) return texts.ui('countEmpty', { count, limits });
  return texts.ui('countOk', { count, limits });
}

// Runs fn after the next frame is painted: requestAnimationFrame runs just before the paint, and a
// message posted from there is delivered in a task after it. Work that need not be in the frame
// that shows a keystroke (the core's evaluation, a character count) goes there.
export function afterNextPaint(fn) {
  requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => fn();
    channel.port2.postMessage(null);
  });
}

function parseNumber(text, integer) {
  const t = text.trim().replace(/,/g, '');
  if (t === '') return undefined;
  const n = Number(t);
  if (!Number.isFinite(n)) return text;  // kept as typed: the schema's type check explains it
  return integer && !Number.isInteger(n) ? n : n;
}

// Builds the control for `pointer` (concrete: repeat items have their index). Returns the
// element; ctx = { texts, fields (the core's schema facts: each field's schema and options),
// answers, onChange, lang }.
export function renderField(field, pointer, ctx) {
  const { texts } = ctx;
  const patternPointer = pointer.replace(/\/\d+(?=\/|$)/g, '/*');
  // What the data schema says about this field, as the core found it (schema_facts).
  const { schema, options } = ctx.fields[patternPointer] ?? { schema: {}, options: [] };
  const id = idOf(pointer);
  const value = getAt(ctx.answers, pointer);
  const label = texts.label(patternPointer);
  const help = texts.help(patternPointer);
  const hintId = help ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(' ');
  const error = el('p', { class: 'ga-error-message', id: errorId, hidden: true });
  const hint = help ? el('p', { class: 'ga-hint', id: hintId, text: help }) : null;
  const group = el('div', { class: 'ga-field', 'data-pointer': pointer });
  const change = (v) => ctx.onChange(pointer, v);
  // Text being typed: the page evaluates when typing pauses or the box is left (evaluate-loop.js).
  const typed = (v) => ctx.onChange(pointer, v, { typing: true });
  const settleOnLeave = (box) => box.addEventListener('change', () => ctx.onSettle?.());

  const fieldset = (legendText, ...children) => {
    const fs = el('fieldset', { class: 'ga-fieldset', 'aria-describedby': describedBy, id });
    fs.append(el('legend', { class: 'ga-fieldset__legend', text: legendText }), ...children);
    return fs;
  };

  switch (field.widget) {
    case 'textarea': {
      const max = schema.maxLength;
      const min = schema.minLength;
      const ta = el('textarea', { id, name: id, rows: 5, class: 'ga-textarea', 'aria-describedby': `${describedBy} ${id}-count` });
      ta.value = typeof value === 'string' ? value : '';
      // The count is seen as it changes; a screen reader hears it once the typing pauses (a live
      // region rewritten on every key would talk over every keystroke: GOV.UK character count).
      const count = el('p', { class: 'ga-count', id: `${id}-count`, 'aria-hidden': 'true' });
      const spoken = el('p', { class: 'ga-visually-hidden', 'aria-live': 'polite' });
      let pause = null;
      const update = () => {
        const text = countText(texts, codePoints(ta.value), min, max);
        count.textContent = text;
        clearTimeout(pause);
        pause = setTimeout(() => { if (spoken.textContent !== text) spoken.textContent = text; }, 1000);
      };
      count.textContent = countText(texts, codePoints(ta.value), min, max);
      ta.addEventListener('input', () => { update(); typed(ta.value === '' ? undefined : ta.value); });
      settleOnLeave(ta);
      group.append(el('label', { for: id, class: 'ga-label', text: label }), hint ?? '', error, ta, count, spoken);
      break;
    }
    case 'radio':
    case 'yesno': {
      const opts = field.widget === 'yesno' ? [true, false] : options;
      const radios = opts.map((opt, i) => {
        const rid = `${id}-${i}`;
        const input = el('input', { type: 'radio', id: rid, name: id, class: 'ga-radio', value: String(opt) });
        input.checked = value === opt;
        input.addEventListener('change', () => change(opt));
        const text = field.widget === 'yesno' ? texts.ui(opt ? 'yes' : 'no') : texts.option(patternPointer, opt);
        return el('div', { class: 'ga-choice' }, input, el('label', { for: rid, text }));
      });
      group.append(fieldset(label, hint ?? '', error, ...radios));
      break;
    }
    case 'checkboxes': {
      const opts = options;
      const current = Array.isArray(value) ? value : [];
      const boxes = opts.map((opt, i) => {
        const cid = `${id}-${i}`;
        const input = el('input', { type: 'checkbox', id: cid, class: 'ga-checkbox', value: String(opt) });
        input.checked = current.includes(opt);
        input.addEventListener('change', () => {
          const now = Array.isArray(getAt(ctx.answers, pointer)) ? [...getAt(ctx.answers, pointer)] : [];
          const next = input.checked ? [...now.filter((x) => x !== opt), opt] : now.filter((x) => x !== opt);
          change(next.length ? opts.filter((o) => next.includes(o)) : undefined);
        });
        return el('div', { class: 'ga-choice' }, input, el('label', { for: cid, text: texts.option(patternPointer, opt) }));
      });
      // A long shared list ("group.item" codes of the taxonomy) is shown in its groups, each a
      // fieldset with its own legend, so a screen reader announces the group with each option.
      const prefix = texts.listPrefix(patternPointer);
      if (prefix && opts.every((o) => typeof o === 'string' && o.includes('.'))) {
        const groups = new Map();
        opts.forEach((opt, i) => {
          const g = opt.split('.')[0];
          if (!groups.has(g)) groups.set(g, []);
          groups.get(g).push(boxes[i]);
        });
        const sets = [...groups].map(([g, items]) => {
          const fs = el('fieldset', { class: 'ga-fieldset ga-fieldset--group' });
          fs.append(el('legend', { class: 'ga-fieldset__legend ga-fieldset__legend--group', text: texts.shared(`${prefix}.${g}`) }), ...items);
          return fs;
        });
        group.append(fieldset(label, hint ?? '', error, ...sets));
      } else {
        group.append(fieldset(label, hint ?? '', error, ...boxes));
      }
      break;
    }
    case 'tags': {
      // An array of short strings (keywords) typed in one box; commas, full-width commas, 、 and
      // semicolons separate entries. The schema's item rules speak for each entry.
      const tagsHintId = `${id}-tags-hint`;
      const input = el('input', { id, name: id, class: 'ga-input', autocomplete: 'off',
        'aria-describedby': `${hintId ? `${hintId} ` : ''}${tagsHintId} ${errorId}` });
      input.value = Array.isArray(value) ? value.join(', ') : '';
      input.addEventListener('input', () => {
        const items = input.value.split(/[,，、;；]+/).map((t) => t.trim()).filter(Boolean);
        typed(items.length ? items : undefined);
      });
      settleOnLeave(input);
      group.append(el('label', { for: id, class: 'ga-label', text: label }), hint ?? '',
        el('p', { class: 'ga-hint', id: tagsHintId, text: texts.ui('tagsHint') }), error, input);
      break;
    }
    case 'declaration': {
      const input = el('input', { type: 'checkbox', id, class: 'ga-checkbox', 'aria-describedby': describedBy });
      input.checked = value === true;
      input.addEventListener('change', () => change(input.checked ? true : undefined));
      group.append(error, el('div', { class: 'ga-choice ga-choice--declaration' }, input, el('label', { for: id, text: label })));
      break;
    }
    case 'select':
    case 'country': {
      const countries = field.widget === 'country' ? countryOptions(options, ctx.lang) : null;
      const opts = countries ? countries.map((c) => c.code) : options;
      const select = el('select', { id, name: id, class: 'ga-select', 'aria-describedby': describedBy });
      select.append(el('option', { value: '', text: texts.ui('choose') }));
      opts.forEach((opt, i) => {
        const o = el('option', { value: String(i), text: countries ? texts.ui('countryOption', { name: countries[i].name, code: opt }) : texts.option(patternPointer, opt) });
        o.selected = value === opt;
        select.append(o);
      });
      select.addEventListener('change', () => change(select.value === '' ? undefined : opts[Number(select.value)]));
      group.append(el('label', { for: id, class: 'ga-label', text: label }), hint ?? '', error, select);
      break;
    }
    case 'countries': {
      // A list of every country or region of the schema's enum, by name in the page's language,
      // each a checkbox; a filter box narrows the list as the applicant types a name or a code.
      // The group's first control is the filter (firstControlId), so an error link lands on it.
      const all = countryOptions(options, ctx.lang);
      const chosen = new Set(Array.isArray(value) ? value : []);
      const nameOf = new Map(all.map((c) => [c.code, c.name]));
      const chosenText = el('p', { class: 'ga-hint', id: `${id}-chosen`, 'aria-live': 'polite' });
      const showChosen = () => {
        const list = all.filter((c) => chosen.has(c.code)).map((c) => c.name);
        for (const c of chosen) if (!nameOf.has(c)) list.push(c);  // kept from a draft, shown as is
        chosenText.textContent = list.length ? texts.ui('countriesChosen', { list: list.join(texts.ui('listSeparator')) }) : texts.ui('countriesNone');
      };
      const filter = el('input', { id, type: 'search', class: 'ga-input ga-input--filter', autocomplete: 'off', spellcheck: 'false',
        'aria-describedby': `${id}-chosen ${errorId}`, 'aria-controls': `${id}-list` });
      const list = el('div', { class: 'ga-country-list', id: `${id}-list` });
      const rows = all.map(({ code, name }) => {
        const cid = `${id}-${code}`;
        const input = el('input', { type: 'checkbox', id: cid, class: 'ga-checkbox', value: code });
        input.checked = chosen.has(code);
        input.addEventListener('change', () => {
          if (input.checked) chosen.add(code); else chosen.delete(code);
          showChosen();
          const order = all.map((c) => c.code).filter((c) => chosen.has(c));
          for (const c of chosen) if (!nameOf.has(c)) order.push(c);
          change(order.length ? order : undefined);
        });
        const row = el('div', { class: 'ga-choice' }, input, el('label', { for: cid, text: name }));
        row.dataset.match = `${name} ${code}`.toLocaleLowerCase();
        list.append(row);
        return row;
      });
      filter.addEventListener('input', () => {
        const q = filter.value.trim().toLocaleLowerCase();
        for (const row of rows) row.hidden = q !== '' && !row.dataset.match.includes(q);
      });
      showChosen();
      // The group gets no id of its own: the filter box has the field's id (its label's "for").
      const fs = el('fieldset', { class: 'ga-fieldset', 'aria-describedby': describedBy });
      fs.append(el('legend', { class: 'ga-fieldset__legend', text: label }), hint ?? '', error, chosenText,
        el('label', { for: id, class: 'ga-label ga-label--small', text: texts.ui('countriesFilter') }), filter, list);
      group.append(fs);
      break;
    }
    case 'file': {
      group.append(el('label', { for: id, class: 'ga-label', text: label }), hint ?? '');
      fileWidget({ field, pointer, id, schema, value, error, describedBy, group, change, ctx });
      break;
    }
    case 'computed': {
      const out = el('output', { id, class: 'ga-computed', 'data-computed': field.computed });
      group.append(el('span', { class: 'ga-label', text: texts.text(`computed.${field.computed}.label`) }), out,
        field.unit ? el('span', { class: 'ga-unit', text: ` ${texts.text(field.unit)}` }) : '');
      break;
    }
    default: {
      const numeric = ['number', 'integer', 'money', 'percent'].includes(field.widget);
      const type = { email: 'email', tel: 'tel', url: 'url', date: 'date' }[field.widget] ?? 'text';
      const input = el('input', { id, name: id, type, class: `ga-input${numeric ? ' ga-input--number' : ''}`,
        inputmode: numeric ? 'decimal' : undefined, 'aria-describedby': describedBy, spellcheck: numeric ? 'false' : undefined });
      input.value = value === undefined || value === null ? '' : String(value);
      input.addEventListener('input', () => {
        if (numeric) typed(parseNumber(input.value, schema.type === 'integer'));
        else typed(input.value === '' ? undefined : normalise(field, input.value));
      });
      settleOnLeave(input);
      // Once the applicant leaves the box, it shows the answer as recorded (+86 138… without its
      // spaces, https:// added), so what they see is what is sent.
      if (field.strip || field.default_scheme) {
        input.addEventListener('blur', () => {
          if (input.value !== '' && normalise(field, input.value) !== input.value) input.value = normalise(field, input.value);
        });
      }
      // Money is in CNY unless the layout names the answer that holds the currency
      // ("currency": "/budget/currency"); refreshUnits() follows that answer as it changes.
      const unit = field.widget === 'percent' ? '%' : field.widget === 'money' ? unitText(currencyOf(field, ctx.answers), texts.ui('currency')) : '';
      const unitEl = el('span', { class: 'ga-unit', 'aria-hidden': 'true', text: unit });
      if (field.widget === 'money' && field.currency) {
        unitEl.dataset.currencyFrom = field.currency;
        unitEl.dataset.cny = texts.ui('currency');
      }
      group.append(el('label', { for: id, class: 'ga-label', text: label }), hint ?? '', error,
        unit ? el('div', { class: 'ga-input-wrapper' }, input, unitEl) : input);
    }
  }
  return group;
}
