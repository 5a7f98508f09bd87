// Boot and orchestration: pick the form, restore the draft, render, and on every change ask the
// core for the verdict, then show it. The page decides nothing about validity or score.
import { loadBundle, packageIndex } from './bundle.js';
import { openForm } from './core.js';
import { Texts } from './i18n.js';
import { getAt, schemaAt, setAt } from './pointer.js';
import { discardDraft, loadDraft, rememberLanguage, rememberedLanguage, saveDraft } from './storage.js';
import { download, mailtoLink, packageFilename } from './export.js';
import { el, idOf } from './render/field.js';
import { renderForm } from './render/form.js';
import { groupFor, showErrors } from './render/summary.js';
import { renderEligibility, renderRound, renderScore } from './render/panel.js';
import { renderTasks } from './render/tasks.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const state = {
  index: null, path: null, bundle: null, form: null, answers: {}, lang: 'en', texts: null, ev: null,
  touched: new Set(), checkedSections: new Set(), checkAll: false, pending: false, notices: [],
};

// ?now=2023-05-02T10:00:00%2B08:00 shows the form as on another day (demos, tests).
const now = () => params.get('now') ?? new Date().toISOString();

function fatal(message) {
  $('loading').hidden = true;
  $('fatal').hidden = false;
  $('fatal').textContent = message;
}

function isShown(pointer) {
  if (state.checkAll) return true;
  const section = pointer.split('/')[1];
  if (state.checkedSections.has(section)) return true;
  for (const t of state.touched) {
    if (pointer === t || pointer.startsWith(`${t}/`) || t.startsWith(`${pointer}/`)) return true;
  }
  return false;
}

function chrome() {
  const t = state.texts;
  document.documentElement.lang = state.lang === 'zh' ? 'zh-Hans' : 'en';
  document.title = `${t.text('form.title')} — greenapply`;
  $('form-title').textContent = t.text('form.title');
  $('form-summary').textContent = t.text('form.summary');
  $('form-picker-label').textContent = t.ui('form');
  $('lang-switch').textContent = state.lang === 'zh' ? 'English' : '中文';
  $('lang-switch').lang = state.lang === 'zh' ? 'en' : 'zh-Hans';
  $('tasks-heading').textContent = t.ui('tasks');
  $('score-heading').textContent = t.ui('score');
  $('leave-heading').textContent = t.ui('leave');
  for (const [id, key] of [['check-all', 'check'], ['export-json', 'exportJson'], ['export-xml', 'exportXml'], ['export-draft', 'exportDraft'],
    ['import-draft-label', 'importDraft'], ['print', 'print'], ['email', 'email'], ['discard', 'discard'], ['leave-note', 'leaveNote']]) {
    $(id).textContent = t.ui(key);
  }
  const picker = $('form-picker');
  picker.replaceChildren();
  for (const p of state.index.packages) {
    const title = (state.lang === 'zh' ? p.titles?.zh : p.titles?.en) ?? p.form.id;
    const o = el('option', { value: p.path, text: title });
    o.selected = p.path === state.path;
    picker.append(o);
  }
}

function renderAll(focusId) {
  state.texts = new Texts(state.bundle, state.lang);
  chrome();
  renderForm($('form'), state.bundle, {
    texts: state.texts, schema: state.bundle.data_schema, answers: state.answers, lang: state.lang,
    onChange, onStructure: (id) => { save(); renderAll(id); }, onContinue,
  });
  evaluateNow();
  if (focusId) document.getElementById(focusId)?.focus();
}

function onChange(pointer, value) {
  setAt(state.answers, pointer, value);
  state.touched.add(pointer);
  if (!state.pending) {
    state.pending = true;
    requestAnimationFrame(() => {
      state.pending = false;
      evaluateNow();
      save();
    });
  }
}

function onContinue(sectionId) {
  state.checkedSections.add(sectionId);
  evaluateNow();
  const errors = state.ev.errors.filter((e) => e.severity === 'error' && e.pointer.split('/')[1] === sectionId);
  if (errors.length) {
    $('error-summary').focus();
    $('error-summary').scrollIntoView({ block: 'start' });
  } else {
    const sections = state.bundle.layout.sections.map((s) => s.id);
    const next = sections[sections.indexOf(sectionId) + 1];
    const h = next ? $(`section-${next}-h`) : $('leave-heading');
    h?.setAttribute('tabindex', '-1');
    h?.focus();
    h?.scrollIntoView({ block: 'start' });
  }
}

function evaluateNow() {
  let ev;
  try {
    ev = state.form.evaluate(state.answers, now(), state.lang);
  } catch (e) {
    fatal(String(e.message ?? e));
    return;
  }
  state.ev = ev;
  const root = $('form');
  const hidden = new Set(ev.hidden);
  for (const g of root.querySelectorAll('.ga-field, .ga-repeat')) {
    const p = g.dataset.pointer;
    g.hidden = [...hidden].some((h) => p === h || p.startsWith(`${h}/`));
  }
  for (const s of ev.sections) {
    const sec = root.querySelector(`[data-section="${s.id}"]`);
    if (sec) sec.hidden = s.hidden;
  }
  for (const out of root.querySelectorAll('output[data-computed]')) {
    const v = ev.computed[out.dataset.computed];
    out.textContent = v === null || v === undefined ? '—' : String(v);
  }
  showErrors(root, $('error-summary'), ev.errors, isShown, state.texts);
  renderTasks($('task-list'), ev, state.texts);
  renderEligibility($('eligibility'), ev, state.texts);
  renderScore($('score'), ev, state.texts);
  renderRound($('round'), ev, state.texts, state.lang);
  $('email').href = mailtoLink(state.bundle, ev, state.texts);
}

function save() {
  const result = saveDraft(state.bundle.form.id, state.bundle.form.version, state.answers);
  const t = state.texts;
  const notice = state.notices.length ? `${state.notices.join(' ')} ` : '';
  $('save-status').textContent = result.ok
    ? `${notice}${t.ui('saved')} ${result.savedAt.toLocaleTimeString(state.lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' })}`
    : `${notice}${t.ui('notSaved')}`;
}

// Answers a newer package no longer has are listed, not silently dropped.
function migrate(answers) {
  const dropped = [];
  const walk = (node, pointer) => {
    if (node === null || typeof node !== 'object' || Array.isArray(node)) return;
    for (const key of Object.keys(node)) {
      const p = `${pointer}/${key}`;
      const s = schemaAt(state.bundle.data_schema, p);
      if (Object.keys(s).length === 0) {
        dropped.push(`${p} = ${JSON.stringify(node[key]).slice(0, 80)}`);
        delete node[key];
      } else if (!Array.isArray(node[key])) {
        walk(node[key], p);
      }
    }
  };
  walk(answers, '');
  return dropped;
}

async function open(path) {
  state.form?.close();
  state.path = path;
  state.bundle = await loadBundle(path);
  state.form = await openForm(state.bundle);
  state.touched.clear();
  state.checkedSections.clear();
  state.checkAll = false;
  state.notices = [];
  const t = new Texts(state.bundle, state.lang);
  const loaded = loadDraft(state.bundle.form.id);
  state.answers = {};
  if (loaded.status === 'ok') {
    state.answers = loaded.draft.answers;
    const dropped = migrate(state.answers);
    state.notices.push(t.ui('restored'));
    if (dropped.length) state.notices.push(`${t.ui('dropped')} ${dropped.join('; ')}`);
  } else if (loaded.status === 'corrupt') {
    state.notices.push(t.ui('badDraft'));
    download(`greenapply-unreadable-draft-${Date.now()}.txt`, loaded.raw, 'text/plain');
  } else if (loaded.status === 'unavailable') {
    state.notices.push(t.ui('notSaved'));
  }
  renderAll();
  $('save-status').textContent = state.notices.join(' ');
  history.replaceState(null, '', `#form=${encodeURIComponent(path)}`);
}

function wire() {
  $('lang-switch').addEventListener('click', () => {
    state.lang = state.lang === 'zh' ? 'en' : 'zh';
    rememberLanguage(state.lang);
    renderAll('lang-switch');
  });
  $('form-picker').addEventListener('change', (e) => open(e.target.value).catch((err) => fatal(String(err))));
  $('check-all').addEventListener('click', () => {
    state.checkAll = true;
    evaluateNow();
    if (!$('error-summary').hidden) $('error-summary').focus();
  });
  $('export-json').addEventListener('click', () => {
    const text = state.form.applicationPackage(state.answers, now(), state.lang);
    download(packageFilename(state.bundle, state.ev, 'json'), text, 'application/json');
  });
  $('export-xml').addEventListener('click', () => {
    const text = state.form.applicationXml(state.answers, now(), state.lang);
    download(packageFilename(state.bundle, state.ev, 'xml'), text, 'application/xml');
  });
  $('export-draft').addEventListener('click', () => {
    const draft = { form: state.bundle.form.id, version: state.bundle.form.version, saved_at: new Date().toISOString(), answers: state.answers };
    download(`draft-${state.bundle.form.id}.json`, JSON.stringify(draft, null, 2), 'application/json');
  });
  $('import-draft').addEventListener('change', async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    try {
      const draft = JSON.parse(await file.text());
      if (!draft || typeof draft.answers !== 'object' || Array.isArray(draft.answers)) throw new Error('not a draft');
      state.answers = draft.answers;
      const dropped = migrate(state.answers);
      state.notices = dropped.length ? [`${state.texts.ui('dropped')} ${dropped.join('; ')}`] : [];
      save();
      renderAll();
    } catch {
      $('save-status').textContent = state.texts.ui('badDraft');
    }
    e.target.value = '';
  });
  $('print').addEventListener('click', () => window.print());
  $('discard').addEventListener('click', () => {
    if (!window.confirm(state.texts.ui('discardConfirm'))) return;
    discardDraft(state.bundle.form.id);
    state.answers = {};
    state.touched.clear();
    renderAll();
  });
}

async function boot() {
  state.lang = params.get('lang') ?? rememberedLanguage() ?? (navigator.language?.startsWith('zh') ? 'zh' : 'en');
  if (state.lang !== 'zh') state.lang = 'en';
  state.index = await packageIndex();
  const wanted = new URLSearchParams(location.hash.slice(1)).get('form');
  const path = state.index.packages.some((p) => p.path === wanted) ? wanted : state.index.default;
  wire();
  await open(path);
  $('loading').hidden = true;
  $('app').hidden = false;
  document.body.dataset.ready = '1';
}

boot().catch((e) => fatal(`The form could not be loaded: ${e.message ?? e}`));
// Exposed for tests only: read-only views of what the page shows.
window.greenapply = {
  get evaluation() { return state.ev; },
  get answers() { return structuredClone(state.answers); },
  getAt, idOf, groupFor,
  // For bench/page-bench.mjs: the page's per-keystroke work (serialise, evaluate in wasm, parse)
  // on given answers, timed in the page; and the wasm heap size.
  timeEvaluations(answers, n, edit) {
    const times = [];
    for (let i = 0; i < n; i++) {
      if (edit) answers.applicant.project_name = `高效全钒液流储能系统 ${i}`;
      const t0 = performance.now();
      state.form.evaluate(answers, now(), state.lang);
      times.push(performance.now() - t0);
    }
    return times;
  },
  heapBytes: () => state.form.heapBytes(),
};
