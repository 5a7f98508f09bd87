// A need form's match panel: the seeker opens technology entries (application packages saved
// from the technology form) and sees, locally, how well each fits the need — the core's
// transparent score (greenapply/match.hpp), with each component's points and the reason.
// Files are read in the browser only; nothing is uploaded. The ranking follows the answers live.
import { el } from './field.js';
import { fill } from '../i18n.js';

const MAX_BYTES = 5 * 1024 * 1024;
let opened = { formId: null, files: [] };  // [{name, doc} | {name, problem, params}]


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

function renderResults(list, ctx) {
  const { form, answers, now, lang, texts: t } = ctx;
  const readable = opened.files.filter((f) => !f.problem);
  const problems = opened.files.filter((f) => f.problem).map((f) => fill(t.shared(`match.ui.${f.problem}`), { file: f.name, ...f.params }));
  const m = form.matchTechnologies(answers, readable.map((f) => f.doc), now, lang);
  const items = [];
  for (const r of m.results) {
    const name = readable[r.index]?.name ?? '';
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
      table));
  }
  const nodes = [];
  if (problems.length) {
    const ul = el('ul', { class: 'ga-match__problems' });
    for (const p of problems) ul.append(el('li', { text: p }));
    nodes.push(ul);
  }
  if (items.length) nodes.push(el('ol', { class: 'ga-match__list' }, ...items));
  list.replaceChildren(...nodes);
}

// Draws (or hides) the panel for the open form; call again whenever the answers change.
export function renderMatchPanel(container, ctx) {
  const { form, bundle, texts: t } = ctx;
  if (!container) return;
  if (!form.hasMatcher?.()) {
    container.hidden = true;
    container.replaceChildren();
    return;
  }
  if (opened.formId !== bundle.form.id) opened = { formId: bundle.form.id, files: [] };
  container.hidden = false;
  let list = container.querySelector('.ga-match__results');
  if (!list || container.dataset.lang !== t.lang) {
    container.dataset.lang = t.lang;
    const input = el('input', { type: 'file', id: 'match-files', class: 'ga-file', multiple: true, accept: 'application/json,.json',
      'aria-describedby': 'match-files-hint' });
    input.addEventListener('change', async () => {
      opened.files.push(...await readFiles(input.files ?? []));
      input.value = '';
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
    for (const c of ctx.form.matchTechnologies(ctx.answers, [], ctx.now, ctx.lang).components) {
      dl.append(el('dt', { text: `${c.title} (${c.weight})` }), el('dd', { text: c.explain }));
    }
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
  renderResults(list, ctx);
}
