// A need form's match panel: the seeker opens technology entries (application packages saved
// from the technology form) and sees, locally, how well each fits the need — the core's
// transparent score (greenapply/match.hpp), with each component's points and the reason — and
// whether each entry passes the technology form's own checks, as `greenapply match` reports it
// in its "valid"/"errors" columns. Files are read in the browser only; nothing is uploaded.
//
// The work is split by what changes: an entry never does, so it is parsed into the core and
// checked against the technology form once, when its file is opened (and once more in the other
// language if the seeker switches); the need changes on every keystroke, and is then ranked from
// the page's own evaluation of it (its "submitted" answers), not evaluated a second time.
import { el } from './field.js';
import { fill } from '../i18n.js';

const MAX_BYTES = 5 * 1024 * 1024;
const SHOWN_PROBLEMS = 3;  // per entry; the rest are counted ("and 4 more")
// [{name, doc, checks: {lang: summary}} | {name, problem, params}]
let opened = { formId: null, files: [] };
// Which need Form (core handle) holds which opened entries, in the order of the ranking's
// "index". A new handle (language switch, the form opened again) is given them again.
let held = { form: null, files: [] };
// The technology form the entries are checked against (see technologyForm).
let tech = { id: null, bundle: null, form: null, failed: null };
let checking = null;

function reason(c, t, lang) {
  const d = c.detail ?? {};
  const list = (codes, label) => codes.map(label).join(', ');
  const field = (code) => t.shared(`taxonomy.${code}`);
  const country = (code) => {
    try { return new Intl.DisplayNames([lang === 'zh' ? 'zh-Hans' : 'en'], { type: 'region' }).of(code); } catch { return code; }
  };
  const parts = [];
  switch (c.kind) {
    case 'taxonomy':
      if (d.exact?.length) parts.push(fill(t.shared('match.ui.exact'), { list: list(d.exact, field) }));
      if (d.same_group?.length) parts.push(fill(t.shared('match.ui.same_group'), { list: list(d.same_group, field) }));
      if (d.missing?.length) parts.push(fill(t.shared('match.ui.missing'), { list: list(d.missing, field) }));
      break;
    case 'at_least': {
      const key = { meets: 'trl_meets', below: 'trl_below', technology_silent: 'trl_silent', no_minimum: 'trl_any' }[d.reason];
      if (key) parts.push(fill(t.shared(`match.ui.${key}`), { need: d.need, technology: d.technology }));
      break;
    }
    case 'mapped': {
      // The technology form's option codes, named by the need package (match.value.<code>).
      const value = (code) => (t.has(`match.value.${code}`) ? t.text(`match.value.${code}`) : code);
      if (d.found?.length) parts.push(fill(t.shared('match.ui.found'), { list: list(d.found, value) }));
      else if (d.looked_for?.length) parts.push(fill(t.shared('match.ui.not_found'), { list: list([...new Set(d.looked_for)], value) }));
      break;
    }
    case 'keywords':
      if (d.found?.length) parts.push(fill(t.shared('match.ui.found'), { list: d.found.join(', ') }));
      if (d.not_found?.length) parts.push(fill(t.shared('match.ui.not_found'), { list: d.not_found.join(', ') }));
      break;
    case 'member':
      if (d.need !== undefined) parts.push(fill(t.shared(c.fraction ? 'match.ui.in_country' : 'match.ui.not_in_country'), { country: country(d.need) }));
      break;
    default:
  }
  return parts.join('; ');
}

async function readFiles(fileList) {
  const out = [];
  for (const file of fileList) {
    if (file.size > MAX_BYTES) {
      out.push({ name: file.name, problem: 'too_large', params: { limit: MAX_BYTES / 1024 / 1024 } });
      continue;
    }
    try {
      out.push({ name: file.name, doc: JSON.parse(await file.text()) });
    } catch {
      out.push({ name: file.name, problem: 'unreadable' });
    }
  }
  return out;
}

// The technology form named by the need package's match.json ("technology_form") is the package
// folder of that name beside the need's: the rule `greenapply match` uses (cli/commands/match.cpp).
// It is fetched when the first entries are opened, not before: a seeker who never opens one never
// downloads it. ctx.open carries the page's own loadBundle/openForm/Texts: this module is bundled
// on its own, and its own copies would start a second core (and weigh 7 KiB gzip more).
async function technologyForm(ctx, lang) {
  const id = ctx.bundle.match?.technology_form;
  if (!id) throw new Error('match.json names no technology_form');
  if (tech.id !== id) {
    tech.form?.close();
    tech = { id, bundle: null, form: null, failed: null };
  }
  const { loadBundle, withLanguage, hasLanguage, openForm } = ctx.open;
  if (tech.form && hasLanguage(tech.bundle, lang)) return tech;
  const bundle = tech.bundle ? await withLanguage(tech.bundle, lang) : await loadBundle(id, lang);
  // A folder holding another form would check the entries against the wrong rules.
  if (bundle.form.id !== id) throw new Error(`${id}/form.json is the form ${bundle.form.id}`);
  const form = await openForm(bundle);
  tech.form?.close();
  tech.bundle = bundle;
  tech.form = form;
  return tech;
}

// One problem of an entry, said to the seeker, who did not write it: the field's label (the
// technology form's own) and what is wrong with it, rather than the core's message, which tells
// the entry's author what to do. Phrasings are common texts match.ui.issue.<keyword>; a rule of
// the technology form and any other check keep the form's own explanation.
function issueText(e, t) {
  const key = `${t.constructor.keyOf(e.pointer)}.label`;
  const field = e.pointer && t.has(key) ? t.text(key) : t.shared('match.ui.issue.entry');
  const phrased = e.message_key.startsWith('schema.') ? `match.ui.issue.${e.message_key.slice('schema.'.length)}` : null;
  if (phrased && t.shared(phrased) !== phrased) return fill(t.shared(phrased), { ...e.params, field });
  return fill(t.shared(e.source === 'rule' ? 'match.ui.issue.rule' : 'match.ui.issue.other'), { field, message: e.message });
}

// What the seeker is told about one entry: valid, or how many problems and the first few. The
// count is the core's, the one `greenapply match` writes in its "errors" column; errors are
// listed before warnings.
function summarise(form, doc, now, lang, t) {
  let ev;
  try {
    ev = form.evaluateDocument(doc, now, lang);
  } catch {
    return { unchecked: true };
  }
  if (ev.valid) return { valid: true };
  const ordered = [...ev.errors.filter((e) => e.severity === 'error'), ...ev.errors.filter((e) => e.severity !== 'error')];
  return { valid: false, count: ev.errors.length, shown: ordered.slice(0, SHOWN_PROBLEMS).map((e) => issueText(e, t)) };
}

// Checks every opened entry not yet checked in this language, then draws the panel again. Runs
// once at a time; files opened meanwhile are picked up by the next run, which the redraw starts.
function checkEntries(container, ctx) {
  const lang = ctx.lang;
  if (checking || tech.failed?.lang === lang) return;
  const todo = opened.files.filter((f) => !f.problem && !f.checks[lang]);
  if (!todo.length) return;
  checking = (async () => {
    try {
      const { form, bundle } = await technologyForm(ctx, lang);
      const t = new ctx.open.Texts(bundle, lang);
      for (let i = 0; i < todo.length; i++) {
        todo[i].checks[lang] = summarise(form, todo[i].doc, ctx.now, lang, t);
        // Many files: let the page breathe between batches instead of freezing while they are checked.
        if (i % 25 === 24) await new Promise((resolve) => { setTimeout(resolve, 0); });
      }
    } catch (error) {
      tech.failed = { lang, detail: String(error?.message ?? error) };
    } finally {
      checking = null;
    }
    renderMatchPanel(container, ctx.refresh());
  })();
}

// Hands the core the entries it does not hold yet (each parsed once), or all of them again for
// a new handle or after "Close". An entry the core refuses (nested too deeply, …) is unreadable.
function hold(form) {
  const readable = opened.files.filter((f) => !f.problem);
  const kept = held.form === form && held.files.every((f, i) => readable[i] === f);
  if (!kept) {
    form.clearTechnologies();
    held = { form, files: [] };
  }
  for (const f of readable.slice(held.files.length)) {
    try {
      form.addTechnology(f.doc);
      held.files.push(f);
    } catch {
      f.problem = 'unreadable';
      delete f.doc;
    }
  }
}

function checkNote(file, t, lang) {
  if (tech.failed?.lang === lang) return null;  // said once, above the list
  const c = file?.checks?.[lang];
  if (!c) return el('p', { class: 'ga-hint', text: t.shared('match.ui.checking') });
  if (c.unchecked) return el('p', { class: 'ga-hint', text: t.shared('match.ui.unchecked') });
  if (c.valid) {
    return el('p', { class: 'ga-match__check' }, el('strong', { class: 'ga-tag ga-tag--completed', text: t.shared('match.ui.valid') }),
      ` ${t.shared('match.ui.valid_hint')}`);
  }
  const box = el('div', { class: 'ga-match__check' },
    el('p', {}, el('strong', { class: 'ga-tag ga-tag--hasErrors', text: fill(t.shared(c.count === 1 ? 'match.ui.problem' : 'match.ui.problems'), { count: c.count }) }),
      ` ${t.shared('match.ui.problems_hint')}`));
  const ul = el('ul');
  for (const text of c.shown) ul.append(el('li', { text }));
  box.append(ul);
  if (c.count > c.shown.length) box.append(el('p', { class: 'ga-hint', text: fill(t.shared('match.ui.more'), { count: c.count - c.shown.length }) }));
  return box;
}

function renderResults(list, ctx, m) {
  const { lang, texts: t } = ctx;
  const problems = opened.files.filter((f) => f.problem).map((f) => fill(t.shared(`match.ui.${f.problem}`), { file: f.name, ...f.params }));
  const items = [];
  for (const r of m.results) {
    const file = held.files[r.index];
    const name = file?.name ?? '';
    if (r.problem) {
      problems.push(fill(t.shared(`match.ui.${r.problem.replace(/^match\./, '')}`), { file: name, form: r.form ?? '' }));
      continue;
    }
    const headingId = `match-${r.index}`;
    const table = el('table', { class: 'ga-match__table' },
      el('thead', {}, el('tr', {}, el('th', { scope: 'col', text: t.shared('match.ui.component') }),
        el('th', { scope: 'col', text: t.shared('match.ui.points') }), el('th', { scope: 'col', text: t.shared('match.ui.why') }))));
    const body = el('tbody');
    r.components.forEach((c, i) => {
      const meta = m.components[i];
      body.append(el('tr', {},
        el('th', { scope: 'row', text: meta?.title ?? c.id }),
        el('td', { text: c.applicable ? `${c.points} / ${c.weight}` : t.shared('match.ui.not_applicable') }),
        el('td', { text: c.applicable ? reason(c, t, lang) : '' })));
    });
    table.append(body);
    const title = typeof r.title === 'string' && r.title ? r.title : name;
    items.push(el('li', { class: 'ga-match__item', 'aria-labelledby': headingId },
      el('h3', { id: headingId, class: 'ga-match__title', text: title }),
      typeof r.owner === 'string' && r.owner ? el('p', { class: 'ga-hint', text: fill(t.shared('match.ui.owner'), { owner: r.owner }) }) : null,
      el('p', { class: 'ga-match__score', text: r.score === null ? t.shared('match.ui.no_score') : fill(t.shared('match.ui.score'), { score: r.score }) }),
      checkNote(file, t, lang),
      table));
  }
  const nodes = [];
  if (problems.length) {
    const ul = el('ul', { class: 'ga-match__problems' });
    for (const p of problems) ul.append(el('li', { text: p }));
    nodes.push(ul);
  }
  if (tech.failed?.lang === lang && items.length) {
    nodes.push(el('p', { class: 'ga-error-message', text: fill(t.shared('match.ui.check_failed'), { detail: tech.failed.detail }) }));
  }
  if (items.length) nodes.push(el('ol', { class: 'ga-match__list' }, ...items));
  list.replaceChildren(...nodes);
}

// Draws (or hides) the panel for the open form; call again whenever the answers change. ctx:
// the need's Form, bundle, the page's evaluation's submitted answers, now, lang, texts, refresh()
// (the same again, current) and open (loadBundle, withLanguage, hasLanguage, openForm, Texts).
export function renderMatchPanel(container, ctx) {
  const { form, bundle, texts: t } = ctx;
  if (!container) return;
  if (!form.hasMatcher?.()) {
    container.hidden = true;
    container.replaceChildren();
    return;
  }
  if (opened.formId !== bundle.form.id) opened = { formId: bundle.form.id, files: [] };
  hold(form);
  // The one ranking of this keystroke: the held entries against the need as the page's
  // evaluation pruned it (with no entries it still gives the components, for the explanation).
  // Asked for only when something shows it: with no entries open and the panel already drawn,
  // a keystroke does not rank.
  let ranking = null;
  const ranked = () => (ranking ??= form.matchSubmitted(ctx.submitted, ctx.lang));
  container.hidden = false;
  let list = container.querySelector('.ga-match__results');
  if (!list || container.dataset.lang !== t.lang) {
    container.dataset.lang = t.lang;
    const input = el('input', { type: 'file', id: 'match-files', class: 'ga-file', multiple: true, accept: 'application/json,.json',
      'aria-describedby': 'match-files-hint' });
    input.addEventListener('change', async () => {
      const added = await readFiles(input.files ?? []);
      for (const f of added) if (!f.problem) f.checks = {};
      opened.files.push(...added);
      input.value = '';
      tech.failed = null;  // opening files is the seeker's way to try the technology form again
      renderMatchPanel(container, ctx.refresh());
    });
    const clear = el('button', { type: 'button', class: 'ga-button ga-button--secondary', text: t.shared('match.ui.clear') });
    clear.addEventListener('click', () => {
      opened.files = [];
      renderMatchPanel(container, ctx.refresh());
    });
    list = el('div', { class: 'ga-match__results', 'aria-live': 'polite' });
    // How each component counts, in words (the same texts the CLI's users read in match.json's package).
    const how = el('details', { class: 'ga-match__how' }, el('summary', { text: t.shared('match.ui.how') }));
    const dl = el('dl');
    for (const c of ranked().components) dl.append(el('dt', { text: `${c.title} (${c.weight})` }), el('dd', { text: c.explain }));
    how.append(dl);
    container.replaceChildren(
      el('h2', { id: 'match-heading', text: t.text('match.title') }),
      el('p', { class: 'ga-hint', text: t.text('match.intro') }), how,
      el('label', { for: 'match-files', class: 'ga-label', text: t.shared('match.ui.open') }),
      el('p', { id: 'match-files-hint', class: 'ga-hint', text: t.shared('match.ui.hint') }),
      input, list, clear);
  }
  container.querySelector('button').hidden = opened.files.length === 0;
  if (!opened.files.length) {
    list.replaceChildren(el('p', { class: 'ga-hint', text: t.shared('match.ui.none') }));
    return;
  }
  renderResults(list, ctx, ranked());
  checkEntries(container, ctx);
}
