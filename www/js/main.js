// Boot and orchestration: pick the form, restore the draft, render, and on every change ask the
// core for the verdict, then show it. The page decides nothing about validity or score.
import { hasLanguage, loadBundle, packageIndex, withLanguage } from './bundle.js';
import { openForm } from './core.js';
import { Texts, loadUiTexts } from './i18n.js';
import { getAt, setAt } from './pointer.js';
import { rememberLanguage, rememberedLanguage } from './storage.js';
import { Drafts, describeLoadFailure, showStartFailure } from './notices.js';
import { freshAnswers } from './defaults.js';
import { download, mailtoLink, packageFilename } from './export.js';
import { el, idOf, refreshUnits } from './render/field.js';
import { renderForm } from './render/form.js';
import { groupFor, showErrors } from './render/summary.js';
import { renderEligibility, renderRound, renderScore } from './render/panel.js';
import { renderTasks } from './render/tasks.js';
import { REVIEW, applyStep, focusField, hashFor, headingOf, placeOf, readHash, resolveStep } from './render/steps.js';
import { renderReview } from './render/review.js';
import { announceCheck, renderHandover } from './render/handover.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const state = {
  index: null, path: null, bundle: null, form: null, answers: {}, lang: 'en', texts: null, ev: null,
  touched: new Set(), checkedSections: new Set(), checkAll: false, pending: false, notices: [],
  // The step on screen (a section id or REVIEW), and whether Continue goes back to the review
  // (the applicant came from a "Change" link there, as in the GOV.UK check-answers pattern).
  step: null, returnToReview: false,
};

// ?now=2023-05-02T10:00:00%2B08:00 shows the form as on another day (demos, tests).
const now = () => params.get('now') ?? new Date().toISOString();

// The stored draft and everything that can go wrong with it, told to the applicant (notices.js).
const drafts = new Drafts({ exportDraft: () => $('export-draft').click(), resumed: () => save(), index: () => state.index });

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
  $('all-forms').textContent = t.shared('start.all_forms');
  $('lang-switch').textContent = state.lang === 'zh' ? 'English' : '中文';
  $('lang-switch').lang = state.lang === 'zh' ? 'en' : 'zh-Hans';
  $('tasks-heading').textContent = t.ui('tasks');
  $('score-heading').textContent = t.ui('score');
  $('leave-heading').textContent = t.ui('leave');
  for (const [id, key] of [['check-all', 'check'], ['export-json', 'exportJson'], ['export-xml', 'exportXml'], ['export-draft', 'exportDraft'],
    ['import-draft-label', 'importDraft'], ['print', 'print'], ['email', 'email'], ['discard', 'discard'], ['leave-note', 'leaveNote']]) {
    $(id).textContent = t.ui(key);
  }
  $('draft-heading').textContent = t.ui('draft');
  $('review-h').textContent = t.ui('checkAnswers');
  $('review-intro').textContent = t.ui('checkAnswersIntro');
  $('result-heading').textContent = t.ui('result');
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
  drafts.render(state.texts);
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

// Continue checks this section only: with errors it stays and the summary (this section's
// errors) takes focus; without, it moves to the next visible section, or back to the review
// when the applicant came from a "Change" link there.
function onContinue(sectionId) {
  state.checkedSections.add(sectionId);
  evaluateNow();
  const errors = state.ev.errors.filter((e) => e.severity === 'error' && e.pointer.split('/')[1] === sectionId);
  if (errors.length) {
    $('error-summary').focus();
    $('error-summary').scrollIntoView({ block: 'start' });
  } else if (state.returnToReview) {
    showStep(REVIEW);
  } else {
    showStep(placeOf(state.ev, sectionId).next ?? REVIEW);
  }
}

const sectionOf = (pointer) => pointer.split('/')[1];
const stepHref = (step) => hashFor(state.path, step);

function backTarget() {
  if (state.step === REVIEW) return placeOf(state.ev, REVIEW).prev;
  return state.returnToReview ? REVIEW : placeOf(state.ev, state.step).prev;
}

// Shows a step. push: a new history entry (links, Continue), so browser back returns here;
// false for back/forward and loading. focus: a control id to focus, true for the step heading
// (a screen reader then announces the new step), false to leave focus where it is.
function showStep(wanted, { push = true, focus = true } = {}) {
  const step = resolveStep(state.ev, wanted);
  if (step === REVIEW) state.returnToReview = false;
  const url = stepHref(step);
  const changed = step !== state.step;
  state.step = step;
  if (push && changed) history.pushState(null, '', url);
  else if (location.hash !== url) history.replaceState(null, '', url);
  evaluateNow();
  if (typeof focus === 'string' && focusField(focus)) return;
  if (focus) {
    window.scrollTo(0, 0);
    headingOf(step)?.focus({ preventScroll: true });
  }
}

// A "Change" (or "Answer") link of the review: the field's step, the field focused.
function changeAnswer(pointer) {
  state.returnToReview = true;
  showStep(sectionOf(pointer), { focus: idOf(pointer) });
}

// An error-summary link whose field is on another step (the review lists every section's).
function followError(pointer, id) {
  if (sectionOf(pointer) === state.step) {
    if (!focusField(id)) document.getElementById(id)?.focus();
    return;
  }
  state.returnToReview = state.step === REVIEW;
  showStep(sectionOf(pointer), { focus: id });
}

// What the need form's match panel needs; refresh() gives it again after files are opened.
// submitted: the need as this evaluation pruned it, which the match ranks against, so the need
// is evaluated once per keystroke. open: how the panel loads the technology form its entries are
// checked against, with this page's own loader and core (render/match.js is bundled apart and
// must not start a second copy of the core).
const openers = { loadBundle, withLanguage, hasLanguage, openForm, Texts };
function matchContext() {
  return { form: state.form, bundle: state.bundle, submitted: state.ev?.submitted ?? {}, now: now(), lang: state.lang,
           texts: state.texts, refresh: matchContext, open: openers };
}

// The match panel (render/match.js) is fetched by need forms only, the one kind with a matcher:
// no other form pays for its code.
let matchPanel = null;
function renderMatch() {
  const container = $('match');
  if (!state.form.hasMatcher()) {
    container.hidden = true;
    container.replaceChildren();
    return;
  }
  matchPanel ??= import('./render/match.js');
  matchPanel.then((m) => m.renderMatchPanel(container, matchContext()), (error) => {
    matchPanel = null; // the next evaluation tries again
    container.hidden = false;
    container.replaceChildren(el('p', { class: 'ga-error-message', text: state.texts.ui('matchLoadFailed', { detail: String(error?.message ?? error) }) }));
  });
}

// A fresh draft's answers (the schema's defaults), worked out once per form, not per keystroke.
const freshCache = new WeakMap();
function freshOf(bundle) {
  if (!freshCache.has(bundle.data_schema)) freshCache.set(bundle.data_schema, freshAnswers(bundle));
  return freshCache.get(bundle.data_schema);
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
  renderMatch();
  const root = $('form');
  const hidden = new Set(ev.hidden);
  for (const g of root.querySelectorAll('.ga-field, .ga-repeat')) {
    const p = g.dataset.pointer;
    g.hidden = [...hidden].some((h) => p === h || p.startsWith(`${h}/`));
  }
  // The step on screen; one a rule has just hidden gives way to the next visible one.
  const step = resolveStep(ev, state.step);
  if (step !== state.step) {
    state.step = step;
    history.replaceState(null, '', stepHref(step));
  }
  const back = backTarget();
  applyStep(document, ev, step, state.texts, back ? { href: stepHref(back) } : null);
  const stepTitle = step === REVIEW ? state.texts.ui('checkAnswers') : ev.sections.find((s) => s.id === step)?.title;
  document.title = `${stepTitle} — ${state.texts.text('form.title')} — greenapply`;
  for (const out of root.querySelectorAll('output[data-computed]')) {
    const v = ev.computed[out.dataset.computed];
    out.textContent = v === null || v === undefined ? '—' : typeof v === 'boolean' ? state.texts.ui(v ? 'yes' : 'no') : String(v);
  }
  refreshUnits(root, state.answers);
  // A step's summary lists its own section's errors; the review's lists every section's.
  showErrors(root, $('error-summary'), ev.errors, isShown, state.texts,
    { inSummary: (p) => step === REVIEW || sectionOf(p) === step, follow: followError });
  const shownErrors = new Map();
  for (const e of ev.errors) {
    if (e.severity === 'error' && isShown(e.pointer)) shownErrors.set(sectionOf(e.pointer), (shownErrors.get(sectionOf(e.pointer)) ?? 0) + 1);
  }
  // A section whose answers are only the schema's defaults, on a step the applicant has not
  // continued from, has not been done by anyone: "Not started", not "Completed" (defaults.js).
  const fresh = freshOf(state.bundle);
  const onlyDefaults = new Set(ev.sections.map((s) => s.id).filter((id) => fresh[id] !== undefined
    && !state.checkedSections.has(id) && !state.checkAll && JSON.stringify(state.answers[id]) === JSON.stringify(fresh[id])));
  renderTasks($('task-list'), ev, state.texts, {
    onlyDefaults,
    current: step, hrefFor: stepHref, shownErrors,
    go: (id) => { state.returnToReview = false; showStep(id); },
  });
  if (step === REVIEW) {
    renderReview($('review-answers'), state.bundle, { texts: state.texts, lang: state.lang, answers: state.answers, ev,
      hrefFor: stepHref, change: changeAnswer });
    renderEligibility($('review-eligibility'), ev, state.texts);
    renderScore($('review-score'), ev, state.texts);
    renderHandover({ bundle: state.bundle, ev, texts: state.texts, titles: state.index.packages.find((p) => p.path === state.path)?.titles });
  }
  renderEligibility($('eligibility'), ev, state.texts);
  renderScore($('score'), ev, state.texts);
  renderRound($('round'), ev, state.texts, state.lang);
  $('email').href = mailtoLink(state.bundle, ev, state.texts, state.index.packages.find((p) => p.path === state.path)?.titles);
}

function save() {
  const result = drafts.save(state.answers);
  const t = state.texts;
  const notice = state.notices.length ? `${state.notices.join(' ')} ` : '';
  $('save-status').textContent = result.ok
    ? `${notice}${t.ui('saved')} ${result.savedAt.toLocaleTimeString(state.lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' })}`
    : `${notice}${t.ui(result.statusKey)}`;
}

async function open(path, step = null) {
  // The new form is loaded before the open one is let go: one that fails leaves the page as it was.
  const bundle = await loadBundle(path, state.lang);
  const form = await openForm(bundle);
  state.form?.close();
  state.path = path;
  state.step = step;
  state.returnToReview = false;
  state.bundle = bundle;
  state.form = form;
  state.touched.clear();
  state.checkedSections.clear();
  state.checkAll = false;
  state.notices = [];
  const t = new Texts(state.bundle, state.lang);
  state.answers = drafts.restore(state.bundle);
  if (drafts.restored) state.notices.push(t.ui('restored'));
  renderAll();
  $('save-status').textContent = state.notices.join(' ');
  history.replaceState(null, '', stepHref(state.step));
}

// The other language's texts are fetched on the first switch (bundle.js) and the form is loaded
// into the core again with them, so its messages follow; the open form stays until then. If they
// cannot be fetched (offline before ever switching), the page stays as it is and says so.
let switching = null;
async function switchLanguage(lang) {
  if (switching) return;
  switching = lang;
  try {
    await loadUiTexts(lang);
    if (!hasLanguage(state.bundle, lang)) {
      const bundle = await withLanguage(state.bundle, lang);
      const form = await openForm(bundle);
      state.form.close();
      state.bundle = bundle;
      state.form = form;
    }
    drafts.languageLoaded();
    state.lang = lang;
    rememberLanguage(lang);
    renderAll('lang-switch');
  } catch (error) {
    drafts.languageFailed(lang, error, () => switchLanguage(lang));
  } finally {
    switching = null;
  }
}

function wire() {
  $('lang-switch').addEventListener('click', () => switchLanguage(state.lang === 'zh' ? 'en' : 'zh'));
  $('form-picker').addEventListener('change', (e) => openOrExplain(e.target.value));
  $('check-all').addEventListener('click', () => {
    state.checkAll = true;
    evaluateNow();
    // Always an answer: the error summary, or "no problems found" (render/handover.js).
    if (!announceCheck(state.ev, state.texts)) $('error-summary').focus();
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
    // A file that is not a draft of this form changes nothing (notices.js says why).
    const answers = await drafts.openFile(file, state.bundle);
    if (answers) {
      state.answers = answers;
      state.notices = [];
      save();
      renderAll();
    }
    e.target.value = '';
  });
  $('print').addEventListener('click', () => window.print());
  $('back-link').addEventListener('click', (e) => {
    e.preventDefault();
    const to = backTarget();
    state.returnToReview = false;
    if (to) showStep(to);
  });
  // Browser back/forward (and an edited hash): show the step the URL names, without a new entry.
  window.addEventListener('popstate', () => {
    const wanted = readHash();
    if (wanted.form && wanted.form !== state.path && state.index.packages.some((p) => p.path === wanted.form)) {
      openOrExplain(wanted.form, wanted.step);
      return;
    }
    if (state.ev) showStep(wanted.step, { push: false });
  });
  $('discard').addEventListener('click', () => {
    if (!window.confirm(state.texts.ui('discardConfirm'))) return;
    drafts.discarded();
    state.answers = freshAnswers(state.bundle);  // a fresh draft, with the schema's defaults
    state.touched.clear();
    state.checkedSections.clear();
    state.checkAll = false;
    state.step = null;
    renderAll();
  });
}

async function boot() {
  state.lang = params.get('lang') ?? rememberedLanguage() ?? (navigator.language?.startsWith('zh') ? 'zh' : 'en');
  if (state.lang !== 'zh') state.lang = 'en';
  // The page's Chinese texts are a module of their own (ui-zh.js), fetched with the index. If
  // they cannot be, the page opens in English and says why, with a way to try again.
  const [index, uiFailure] = await Promise.all([packageIndex(), loadUiTexts(state.lang).then(() => null, (e) => e)]);
  state.index = index;
  const wantedLang = state.lang;
  if (uiFailure) state.lang = 'en';
  const wanted = readHash();
  const path = state.index.packages.some((p) => p.path === wanted.form) ? wanted.form : state.index.default;
  wire();
  await openOrExplain(path, path === wanted.form ? wanted.step : null);
  if (uiFailure && state.form) drafts.languageFailed(wantedLang, uiFailure, () => switchLanguage(wantedLang));
}

// Opens a form and shows the page; a form that will not load is explained with the other forms
// to choose from: in a notice over the open form, or in place of the page at the start.
async function openOrExplain(path, step = null) {
  try {
    await open(path, step);
  } catch (error) {
    const failure = describeLoadFailure({ error, path, index: state.index, onPick: openOrExplain });
    if (state.form) {
      $('form-picker').value = state.path;
      drafts.switchFailed(failure);
    } else {
      showStartFailure({ lang: state.lang, failure });
    }
    return;
  }
  $('loading').hidden = true;
  $('app').hidden = false;
  document.body.dataset.ready = '1';
}

// Even the list of forms did not load: said in the applicant's language, with a retry.
boot().catch((error) => showStartFailure({ lang: state.lang, indexFailed: true, failure: describeLoadFailure({ error, path: '', index: null }) }));
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
