// Boot and orchestration: pick the form, restore the draft, render, and on every change ask the
// core for the verdict, then show it. The page decides nothing about validity or score.
import { hasLanguage, loadBundle, packageIndex, withLanguage } from './bundle.js';
import { openForm } from './core.js';
import { Texts, loadUiTexts } from './i18n.js';
import { getAt, setAt } from './pointer.js';
import { draftKey, rememberLanguage, rememberedLanguage } from './storage.js';
import { Drafts, describeLoadFailure, showStartFailure } from './notices.js';
import { Revisions, draftFromStorage, mergeAnswers, putAt, questionsOf } from './tabs.js';
import { download, fileRecords, packageFilename, splitForMail } from './export.js';
import { MAIL_FILES_LIMIT, dropFiles, filesForRecords, keepFile } from './attachments.js';
import { afterNextPaint, el, idOf, refreshUnits } from './render/field.js';
import { renderForm } from './render/form.js';
import { groupFor, showErrors } from './render/summary.js';
import { renderEligibility, renderRound, renderScore } from './render/panel.js';
import { renderTasks } from './render/tasks.js';
import { REVIEW, applyStep, focusField, hashFor, headingOf, placeOf, readHash, resolveStep } from './render/steps.js';
import { focusHeading, wireSkipLink } from './render/skip.js';
import { carriedQuery } from './links.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const state = {
  index: null, path: null, bundle: null, form: null, answers: {}, lang: 'en', texts: null, ev: null,
  touched: new Set(), checkedSections: new Set(), checkAll: false, pending: false, evaluations: 0, unsaved: false, notices: [],
  // held: a disagreement with another tab the applicant has not settled yet, during which
  // nothing is saved (tabs.js; the drafts this tab wrote and saw are in `revisions`).
  held: null,
  // The step on screen (a section id or REVIEW), and whether Continue goes back to the review
  // (the applicant came from a "Change" link there, as in the GOV.UK check-answers pattern).
  step: null, returnToReview: false,
  visited: new Set(),  // sections whose step the applicant has opened (tasks.js: no "Completed" unseen)
};

// ?now=2023-05-02T10:00:00%2B08:00 shows the form as on another day (demos, tests).
const now = () => params.get('now') ?? new Date().toISOString();

// The stored draft and everything that can go wrong with it, told to the applicant (notices.js).
const drafts = new Drafts({ exportDraft: () => $('export-draft').click(), resumed: () => save(), index: () => state.index });

// What the core refused, in the applicant's words: the common text of its key (docs/errors.md),
// else the key itself, else the error's own message.
function refusalReason(error, texts = state.texts) {
  const said = error?.message_key ? texts.shared(error.message_key) : null;
  return said && said !== error.message_key ? said : error?.message_key ?? String(error?.message ?? error);
}

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
  $('all-forms').href = `forms.html${carriedQuery(params, state.lang)}`;
  $('lang-switch').textContent = state.lang === 'zh' ? 'English' : '中文';
  document.querySelector('.ga-skip').textContent = t.ui('skipLink');
  $('lang-switch').lang = state.lang === 'zh' ? 'en' : 'zh-Hans';
  $('tasks-title').textContent = t.ui('tasks');
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
  state.texts = new Texts(state.bundle, state.lang, state.form?.schemaFacts().text_lists);
  drawn.clear();
  formParts = null;
  chrome();
  drafts.render(state.texts);
  renderForm($('form'), state.bundle, {
    texts: state.texts, fields: state.form.schemaFacts().fields, itemDefaults: state.form.schemaFacts().item_defaults, answers: state.answers, lang: state.lang,
    formId: state.bundle.form.id, onChange, onSettle, onStructure: (id) => { save(); renderAll(id); }, onContinue,
  });
  evaluateNow();
  previewRender?.();
  if (focusId) document.getElementById(focusId)?.focus();
}

// A keystroke only records the answer, so the character is painted at once. While the applicant
// types (text boxes), the core's evaluation waits for a pause of TYPING_PAUSE_MS or for them to
// leave the box (onSettle), as GOV.UK and most form guidance advise: no error appears under a word
// half typed, and a phone's main thread is free for the next key instead of busy redrawing the
// panel between keys (what made the slow keys on a throttled phone). Any other change (a choice,
// a checkbox, a date) is evaluated in the task right after the next paint. The draft is written
// at most every SAVE_EVERY_MS and whenever the page is left (saver below), not on every key.
const TYPING_PAUSE_MS = 250;
let typingTimer = null;
function onChange(pointer, value, { typing = false } = {}) {
  setAt(state.answers, pointer, value);
  state.touched.add(pointer);
  saveSoon();
  clearTimeout(typingTimer);
  typingTimer = typing ? setTimeout(evaluateSoon, TYPING_PAUSE_MS) : null;
  if (!typing) evaluateSoon();
}
function onSettle() {
  if (typingTimer !== null) evaluateSoon();
}
function evaluateSoon() {
  clearTimeout(typingTimer);
  typingTimer = null;
  if (state.pending) return;
  state.pending = true;
  afterNextPaint(() => {
    state.pending = false;
    if (press.down) {
      press.waiting = true;
      // A release the page never hears (outside the window) must not hold the evaluation back.
      setTimeout(released, PRESS_AT_MOST_MS);
      return;
    }
    evaluateNow();
  });
}

// Leaving a text box by pressing something else (a section in the list, an error in the summary,
// Continue) evaluates what was typed. Done between the press and the release, that evaluation
// could redraw or move what is under the pointer, and the click would be lost: it waits until
// the click has happened (whose own handler usually evaluates anyway).
const press = { down: false, waiting: false };
const PRESS_AT_MOST_MS = 1000;
document.addEventListener('pointerdown', () => { press.down = true; }, true);
const released = () => {
  press.down = false;
  if (!press.waiting) return;
  press.waiting = false;
  setTimeout(evaluateSoon, 0);  // after the click this release makes
};
document.addEventListener('pointerup', released, true);
document.addEventListener('pointercancel', released, true);

// The draft in storage trails the answers by at most SAVE_EVERY_MS of typing (what a browser
// crash can lose); leaving the page, hiding it (another tab, the phone's home screen, which may be
// the last moment a mobile browser gives), or reloading writes it at once. Writing a large
// application on every keystroke cost more than evaluating it.
const SAVE_EVERY_MS = 400;
let saveTimer = null;
function saveSoon() {
  state.unsaved = true;
  saveTimer ??= setTimeout(flushSave, SAVE_EVERY_MS);
}
function flushSave() {
  clearTimeout(saveTimer);
  saveTimer = null;
  if (state.unsaved) save();
}
window.addEventListener('pagehide', flushSave);
document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flushSave(); });

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
    if (headingOf(step)) focusHeading(headingOf(step));
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

// The review's own code (js/review-step.js) is fetched the first time the review is shown, and
// the review drawn from the state of that moment. If it cannot be fetched the review says so in
// place of the answers, and showing the review again tries again; nothing else waits for it.
let reviewStep = null;
function loadReviewStep() {
  reviewStep ??= import('./review-step.js');
  reviewStep.catch(() => { reviewStep = null; });
  return reviewStep;
}
function drawReview() {
  loadReviewStep().then((m) => {
    if (state.step !== REVIEW || !state.ev) return;
    m.renderReview($('review-answers'), state.bundle, { texts: state.texts, lang: state.lang, answers: state.answers, ev: state.ev,
      hrefFor: stepHref, change: changeAnswer });
    m.renderHandover({ bundle: state.bundle, ev: state.ev, texts: state.texts, titles: state.index.packages.find((p) => p.path === state.path)?.titles });
  }, (error) => {
    if (state.step !== REVIEW) return;
    $('review-answers').replaceChildren(el('p', { class: 'ga-error-message', role: 'alert',
      text: state.texts.ui('reviewLoadFailed', { detail: String(error?.message ?? error) }) }));
  });
}

// What the need form's match panel needs; refresh() gives it again after files are opened.
// submitted: the need as this evaluation pruned it, which the match ranks against, so the need
// is evaluated once per keystroke. open: how the panel loads the technology form its entries are
// checked against, with this page's own loader and core (render/match.js is bundled apart and
// must not start a second copy of the core).
// The technology form is opened on the full core, which the need form runs on (core.js):
// evaluateDocument is there only.
const openers = { loadBundle, withLanguage, hasLanguage, openForm: (bundle) => openForm(bundle, { full: true }), Texts };
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
    if (!container.hidden || container.firstChild) {
      container.hidden = true;
      container.replaceChildren();
    }
    return;
  }
  matchPanel ??= import('./render/match.js');
  matchPanel.then((m) => m.renderMatchPanel(container, matchContext()), (error) => {
    matchPanel = null; // the next evaluation tries again
    container.hidden = false;
    container.replaceChildren(el('p', { class: 'ga-error-message', text: state.texts.ui('matchLoadFailed', { detail: String(error?.message ?? error) }) }));
  });
}

// A fresh draft's answers (the schema's defaults), as the core worked them out once per form.
const freshOf = () => state.form.schemaFacts().fresh_answers;

// What each part of the page was last drawn from, so an evaluation redraws only the parts whose
// inputs changed: on a keystroke that is usually the errors of the field being typed in, and
// nothing else. renderAll() forgets it all (the page is built anew).
const drawn = new Map();
function changed(part, signature) {
  if (drawn.get(part) === signature) return false;
  drawn.set(part, signature);
  return true;
}
// The form's field groups and computed outputs, gathered once per rendering of the form.
let formParts = null;
function partsOf(root) {
  if (!formParts || !formParts.groups[0]?.isConnected) {
    formParts = { groups: [...root.querySelectorAll('.ga-field, .ga-repeat')], outputs: [...root.querySelectorAll('output[data-computed]')],
      units: [...root.querySelectorAll('[data-currency-from]')] };
  }
  return formParts;
}

function evaluateNow() {
  clearTimeout(typingTimer);  // this evaluation covers the keys typed so far
  typingTimer = null;
  state.evaluations += 1;
  let ev;
  try {
    ev = state.form.evaluate(state.answers, now(), state.lang);
  } catch (e) {
    fatal(refusalReason(e));
    return;
  }
  state.ev = ev;
  renderMatch();
  const root = $('form');
  const parts = partsOf(root);
  if (changed('hidden', JSON.stringify(ev.hidden))) {
    const hidden = ev.hidden;
    for (const g of parts.groups) {
      const p = g.dataset.pointer;
      g.hidden = hidden.some((h) => p === h || p.startsWith(`${h}/`));
    }
  }
  // The step on screen; one a rule has just hidden gives way to the next visible one.
  const step = resolveStep(ev, state.step);
  if (step !== state.step) {
    state.step = step;
    history.replaceState(null, '', stepHref(step));
  }
  state.visited.add(step);
  const back = backTarget();
  const visible = ev.sections.filter((s) => !s.hidden).map((s) => s.id).join(' ');
  if (changed('step', JSON.stringify([step, back, visible]))) {
    applyStep(document, ev, step, state.texts, back ? { href: stepHref(back) } : null);
    const stepTitle = step === REVIEW ? state.texts.ui('checkAnswers') : ev.sections.find((s) => s.id === step)?.title;
    document.title = `${stepTitle} — ${state.texts.text('form.title')} — greenapply`;
  }
  for (const out of parts.outputs) {
    const v = ev.computed[out.dataset.computed];
    const text = v === null || v === undefined ? '—' : typeof v === 'boolean' ? state.texts.ui(v ? 'yes' : 'no') : String(v);
    if (out.textContent !== text) out.textContent = text;
  }
  refreshUnits(root, state.answers, parts.units);
  // A step's summary lists its own section's errors; the review's lists every section's.
  showErrors(root, $('error-summary'), ev.errors, isShown, state.texts,
    { inSummary: (p) => step === REVIEW || sectionOf(p) === step, follow: followError });
  const shownErrors = new Map();
  for (const e of ev.errors) {
    if (e.severity === 'error' && isShown(e.pointer)) shownErrors.set(sectionOf(e.pointer), (shownErrors.get(sectionOf(e.pointer)) ?? 0) + 1);
  }
  // A section whose answers are only the schema's defaults, on a step the applicant has not
  // continued from, has not been done by anyone: "Not started", not "Completed" (the core's schema facts).
  const fresh = freshOf();
  const onlyDefaults = new Set(ev.sections.map((s) => s.id).filter((id) => fresh[id] !== undefined
    && !state.checkedSections.has(id) && !state.checkAll && JSON.stringify(state.answers[id]) === JSON.stringify(fresh[id])));
  if (changed('tasks', JSON.stringify([ev.sections, step, [...shownErrors], [...onlyDefaults], [...state.visited]]))) {
    renderTasks($('task-list'), ev, state.texts, {
      onlyDefaults, visited: state.visited,
      current: step, hrefFor: stepHref, shownErrors,
      go: (id) => { state.returnToReview = false; showStep(id); },
    });
  }
  if (step === REVIEW) {
    // The review is drawn when it is shown: nothing on it can be typed into.
    renderEligibility($('review-eligibility'), ev, state.texts);
    renderScore($('review-score'), ev, state.texts);
    drawReview();
  }
  // The live panel: redrawn when the verdict or the score changes, and the round's box when its
  // text would (the time left is shown in hours).
  const { seconds_to_close: secondsToClose, ...eligibility } = ev.eligibility;
  const problems = ev.errors.filter((x) => x.severity === 'error').length;  // shown beside the verdict
  if (changed('eligibility', JSON.stringify([eligibility, problems]))) renderEligibility($('eligibility'), ev, state.texts);
  if (changed('score', JSON.stringify(ev.score ?? null))) renderScore($('score'), ev, state.texts);
  if (changed('round', JSON.stringify([eligibility.window, eligibility.window_message, eligibility.round, Math.floor((secondsToClose ?? 0) / 3600)]))) {
    renderRound($('round'), ev, state.texts, state.lang);
  }
}

function save() {
  clearTimeout(saveTimer);
  saveTimer = null;
  state.unsaved = false;
  if (state.held) {
    // Saving now would overwrite the other tab's answers: the notice above the form asks first.
    showSaveStatus({ ok: false, statusKey: 'notSavedOtherTab' });
    return;
  }
  const rev = Revisions.fresh();
  const result = drafts.save(state.answers, { rev, base: revisions.seen });
  if (result.ok) revisions.record(rev, state.answers);
  showSaveStatus(result);
}

// Creating an Intl formatter costs more than writing the draft: one per language.
const timeFormats = new Map();
function timeFormat(lang) {
  if (!timeFormats.has(lang)) timeFormats.set(lang, new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' }));
  return timeFormats.get(lang);
}

// The draft's status line in the page's language: notices are kept as UI keys and the last save's
// result is kept, so a language switch says both again in the new language.
function showSaveStatus(result = state.lastSave) {
  state.lastSave = result;
  const t = state.texts;
  const notice = state.notices.length ? `${state.notices.map((k) => t.ui(k)).join(' ')} ` : '';
  const status = !result ? notice.trim() : result.ok
    ? `${notice}${t.ui('saved')} ${timeFormat(state.lang).format(result.savedAt)}`
    : `${notice}${t.ui(result.statusKey)}`;
  // A live region: said again only when it says something new (not every save while typing).
  if ($('save-status').textContent !== status) $('save-status').textContent = status;
}

async function open(path, step = null) {
  flushSave();  // the open form's last keystrokes, before its answers are let go
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
  state.visited.clear();
  state.checkAll = false;
  state.notices = [];
  state.answers = drafts.restore(state.bundle, state.form);
  revisions.start(drafts.restoredRev, drafts.restored ? state.answers : {});
  state.held = null;
  if (drafts.restored) state.notices.push('restored');
  renderAll();
  showSaveStatus(null);
  history.replaceState(null, '', stepHref(state.step));
}

// The live preview (?preview=1, scripts/preview-server.py): the package on screen loaded again
// after its maintainer saved a file. The answers, the step and what was checked stay; the texts
// of every language the page has shown are fetched again. One that fails to load leaves the page
// as it was (preview.js says why).
async function reloadPackage() {
  flushSave();
  let bundle = await loadBundle(state.path, state.lang);
  for (const lang of ['en', 'zh']) {
    if (lang !== state.lang && hasLanguage(state.bundle, lang)) bundle = await withLanguage(bundle, lang);
  }
  const form = await openForm(bundle);
  state.form.close();
  state.bundle = bundle;
  state.form = form;
  redraw(rememberFocus());
}

// The preview's banner, drawn again with the page (language); null unless in preview.
let previewRender = null;
async function startPreview() {
  const { startPreview: start } = await import('./preview.js');
  previewRender = start({
    // Before a form has opened (the package is broken), the one the address asks for.
    path: () => state.path ?? readHash().form, lang: () => state.lang, hasForm: () => state.form !== null,
    reload: reloadPackage,
  });
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
    showSaveStatus();
  } catch (error) {
    drafts.languageFailed(lang, error, () => switchLanguage(lang));
  } finally {
    switching = null;
  }
}

function wire() {
  wireSkipLink($('skip-link'));
  $('lang-switch').addEventListener('click', () => switchLanguage(state.lang === 'zh' ? 'en' : 'zh'));
  $('form-picker').addEventListener('change', (e) => openOrExplain(e.target.value));
  $('check-all').addEventListener('click', async () => {
    state.checkAll = true;
    evaluateNow();
    // Always an answer: the error summary, or "no problems found" (render/handover.js). The
    // button is on the review, whose code is in by then; if it is not, the summary answers.
    const announced = await loadReviewStep().then((m) => m.announceCheck(state.ev, state.texts), () => false);
    if (!announced) $('error-summary').focus();
  });
  // A package the core refuses to make is said, never downloaded as an empty or "fatal" file;
  // so is a full core (core.js) that cannot be fetched: the answers stay, and the next press
  // tries again.
  const exportPackage = async (kind, make, type) => {
    $('export-status').textContent = '';
    const { bundle, ev } = state;
    try {
      download(packageFilename(bundle, ev, kind), await make(state.answers, now(), state.lang), type);
    } catch (error) {
      $('export-status').textContent = state.texts.ui('exportFailed', { reason: refusalReason(error) });
    }
  };
  $('export-json').addEventListener('click', () => exportPackage('json', state.form.applicationPackage, 'application/json'));
  $('export-xml').addEventListener('click', () => exportPackage('xml', state.form.applicationXml, 'application/xml'));
  $('export-eml').addEventListener('click', () => downloadEml());
  $('export-draft').addEventListener('click', async () => {
    const draft = { form: state.bundle.form.id, version: state.bundle.form.version, saved_at: new Date().toISOString(), answers: state.answers };
    // The attached files kept here travel with the draft (base64), as many as one e-mail
    // carries, so a draft opened on another computer is whole.
    const kept = await filesForRecords(state.bundle.form.id, fileRecords(state.bundle, state.answers));
    const files = await Promise.all(splitForMail(kept, MAIL_FILES_LIMIT).first.map(async (f) => ({
      pointer: f.pointer, name: f.name, size: f.size, type: f.type ?? '', sha256: f.sha256, base64: await base64Of(f.blob) })));
    if (files.length) draft.files = files;
    download(`draft-${state.bundle.form.id}.json`, JSON.stringify(draft, null, 2), 'application/json');
  });
  $('import-draft').addEventListener('change', async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    // A file that is not a draft of this form changes nothing (notices.js says why).
    const opened = await drafts.openFile(file, state.bundle, state.form);
    if (opened) {
      const { answers, files } = opened;
      await keepCarriedFiles(state.bundle.form.id, answers, files);
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
    clearTimeout(saveTimer);
    saveTimer = null;
    state.unsaved = false;
    drafts.discarded();
    dropFiles(state.bundle.form.id);
    drafts.notices.remove('otherTab');
    state.held = null;
    revisions.start(null, {});
    state.answers = structuredClone(freshOf());  // a fresh draft, with the schema's defaults
    state.touched.clear();
    state.checkedSections.clear();
    state.visited.clear();
    state.checkAll = false;
    state.step = null;
    renderAll();
  });
}

// A blob as base64, by the browser's own encoder (a data: URL without its prefix).
function base64Of(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

// The files a draft file carried: each kept when it is the file its field records (same
// SHA-256), so a file edited inside the draft is not kept; others are ignored.
async function keepCarriedFiles(formId, answers, files) {
  for (const f of files ?? []) {
    const record = getAt(answers, f.pointer);
    if (record?.sha256 !== f.sha256) continue;
    let bytes;
    try {
      bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
    } catch {
      continue;
    }
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    if (digest !== f.sha256) continue;
    await keepFile(formId, f.pointer, { blob: new Blob([bytes]), name: record.name, size: bytes.length, type: f.type, sha256: digest });
  }
}

// "Download the e-mail (.eml)": the core writes the message (render/handover.js says what is in
// it). The files are the ones kept in this browser that still have the recorded digests, split
// at what one e-mail carries as the hand-over says; the body is in both languages, so the
// other language's texts are fetched for it (without them it is in the page's language only).
async function downloadEml() {
  const status = $('eml-status');
  const t = state.texts;
  status.textContent = t.ui('emlMaking');
  const ev = state.ev;
  const formId = state.bundle.form.id;
  const records = fileRecords(state.bundle, ev.submitted);
  const kept = await filesForRecords(formId, records);
  const { first } = splitForMail(kept, MAIL_FILES_LIMIT);
  const keptPointers = new Set(kept.map((f) => f.pointer));
  const notKept = records.filter((r) => !keptPointers.has(r.pointer)).map((r) => r.record.name);
  let form = state.form;
  let temporary = null;
  const other = state.lang === 'zh' ? 'en' : 'zh';
  try {
    if (!hasLanguage(state.bundle, other)) {
      try {
        temporary = await openForm(await withLanguage(state.bundle, other));
        form = temporary;
      } catch { /* offline: the message in the page's language only */ }
    }
    const files = await Promise.all(first.map(async (f) => new Uint8Array(await f.blob.arrayBuffer())));
    const id = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
    const stamp = now();
    const bytes = await form.applicationEml(state.answers, stamp, state.lang, {
      date: stamp, message_id: `${id}@greenapply.invalid`,
      json_name: packageFilename(state.bundle, ev, 'json'), xml_name: packageFilename(state.bundle, ev, 'xml'),
    }, files);
    const name = packageFilename(state.bundle, ev, 'eml');
    download(name, bytes, 'message/rfc822');
    status.textContent = [t.ui('emlDone', { file: name, n: files.length }),
      notKept.length ? t.ui('emlMissing', { list: notKept.map((n) => `“${n}”`).join(t.ui('listSeparator')) }) : ''].filter(Boolean).join(' ');
  } catch (error) {
    status.textContent = t.ui('emlFailed', { reason: refusalReason(error, t) });
  } finally {
    temporary?.close();
  }
}

// Another tab wrote this form's draft (tabs.js): its answers are brought in here, field by field;
// a question both tabs changed differently waits for the applicant's choice, and so does a draft
// the other tab discarded. A tab in the background only takes the answers and is redrawn when
// it is shown again, so typing in one tab costs the other nothing.
let redrawWhenShown = false;
const revisions = new Revisions();
function fromOtherTab(text) {
  const theirs = draftFromStorage(text, state.bundle.form.id);
  if (theirs === undefined) return;
  if (theirs === null) {
    state.held = { discarded: true };
    drafts.notices.set('otherTab', {
      kind: 'warning',
      title: (tx) => tx.ui('otherTabDiscardedTitle'),
      body: (tx) => tx.ui('otherTabDiscarded'),
      actions: [
        { label: (tx) => tx.ui('keepThisTab'), run: () => settle('mine') },
        { label: (tx) => tx.ui('exportDraft'), run: () => $('export-draft').click() },
        { label: (tx) => tx.ui('discardHereToo'), run: () => settle('discard'), style: 'warning' },
      ],
    });
    save();
    return;
  }
  // Merged against the state the other tab wrote over: what this tab has changed since then
  // (saved or not) and what the other tab changed are both kept.
  const ancestor = revisions.stateOf(theirs.base, revisions.states.get(revisions.seen) ?? {});
  const { merged, conflicts, fromTheirs } = mergeAnswers(ancestor, state.answers, theirs.answers);
  const focus = rememberFocus();
  const wasHeld = state.held;
  state.answers = merged;
  if (theirs.rev) revisions.record(theirs.rev, theirs.answers);
  if (conflicts.length) {
    state.held = { theirs: theirs.answers, conflicts };
    drafts.notices.set('otherTab', {
      kind: 'warning',
      title: (tx) => tx.ui('otherTabConflictTitle'),
      body: (tx) => tx.ui('otherTabConflict'),
      list: (tx) => questionsOf(conflicts.map((c) => c.pointer), tx),
      actions: [
        { label: (tx) => tx.ui('keepThisTab'), run: () => settle('mine') },
        { label: (tx) => tx.ui('useOtherTab'), run: () => settle('theirs') },
        { label: (tx) => tx.ui('exportDraft'), run: () => $('export-draft').click() },
      ],
    });
    save();
  } else {
    state.held = null;
    if (fromTheirs.length) {
      drafts.notices.set('otherTab', {
        kind: 'info',
        title: (tx) => tx.ui('otherTabMergedTitle'),
        body: (tx) => tx.ui('otherTabMerged'),
        list: (tx) => questionsOf(fromTheirs, tx),
        actions: [{ label: (tx) => tx.ui('dismiss'), run: () => drafts.notices.remove('otherTab') }],
      });
    } else if (wasHeld) {
      drafts.notices.remove('otherTab');  // the other tab settled it the same way
    }
    // This tab's own answers go on top of the other tab's saved ones.
    if (JSON.stringify(merged) !== JSON.stringify(theirs.answers)) saveSoon();
    else if (wasHeld) save();
  }
  if (!fromTheirs.length && !conflicts.length) return;
  if (document.visibilityState === 'hidden') redrawWhenShown = true;
  else redraw(focus);
}

// The applicant's choice after a disagreement with another tab: keep this tab's answers (saved
// over the other's), take the other tab's for the questions in conflict, or follow its discard.
function settle(choice) {
  const held = state.held;
  state.held = null;
  drafts.notices.remove('otherTab');
  if (choice === 'discard') {
    state.answers = structuredClone(freshOf());
    revisions.start(null, {});
    state.touched.clear();
    state.visited.clear();
    state.checkedSections.clear();
    state.checkAll = false;
    renderAll();
    return;
  }
  if (choice === 'theirs' && held?.conflicts) {
    for (const c of held.conflicts) putAt(state.answers, c.pointer, c.theirs);
  }
  save();
  redraw(rememberFocus());
}

// The control being typed in and its caret, kept across a redraw of the form.
function rememberFocus() {
  const a = document.activeElement;
  if (!a?.id) return null;
  return { id: a.id, start: a.selectionStart ?? null, end: a.selectionEnd ?? null };
}
function redraw(focus) {
  renderAll();
  if (!focus) return;
  const c = document.getElementById(focus.id);
  if (!c) return;
  c.focus({ preventScroll: true });
  if (focus.start !== null && typeof c.setSelectionRange === 'function') {
    try { c.setSelectionRange(focus.start, focus.end); } catch { /* not a text control */ }
  }
}

window.addEventListener('storage', (e) => {
  if (!state.bundle || e.storageArea !== localStorage || e.key !== draftKey(state.bundle.form.id)) return;
  fromOtherTab(e.newValue);
});
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'visible' && redrawWhenShown) {
    redrawWhenShown = false;
    redraw(rememberFocus());
  }
});

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
  // Only from the preview server (the offline file, opened from disk, has no server to listen to).
  if (params.get('preview') === '1' && location.protocol.startsWith('http')) await startPreview();
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
  get evaluations() { return state.evaluations; },
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
  // For bench/form-load-bench.mjs: the open form's bundle loaded into the same core again, n
  // times (each let go at once): Form.load on a warm wasm, in ms, as the page's marks time it.
  async timeLoads(n) {
    const times = [];
    for (let i = 0; i < n; i++) {
      (await openForm(state.bundle)).close();
      times.push(performance.getEntriesByName('ga:form-load', 'measure').at(-1).duration);
    }
    return times;
  },
};
