// Boot and wiring: create the page's state, pick the form, open it with its draft, and attach the
// page's controls to the modules that act on them. On every change the core gives the verdict
// and the page shows it (evaluate-loop.js, show-evaluation.js); the page decides nothing about
// validity or score.
import { loadBundle, packageIndex } from './bundle.js';
import { openForm, warmUpWhileWaiting } from './core.js';
import { loadUiTexts } from './i18n.js';
import { getAt } from './pointer.js';
import { NoticeList, describeLoadFailure, showLanguageFailed, showStartFailure, showSwitchFailed } from './notices.js';
import { createState, forgetProgress, useForm } from './state.js';
import { createDrafts } from './drafts.js';
import { downloadDraftFile, openDraftFile } from './draft-files.js';
import { followOtherTabs } from './other-tab.js';
import { createEvaluateLoop } from './evaluate-loop.js';
import { createEvaluationView } from './show-evaluation.js';
import { createStepNavigation } from './step-navigation.js';
import { createReviewLoader } from './review-loader.js';
import { createMatchLoader } from './match-loader.js';
import { createPageDrawing } from './draw-page.js';
import { createLanguageSwitch, startLanguage } from './language.js';
import { createDownloads } from './downloads.js';
import { createPreviewHost } from './preview-host.js';
import { idOf } from './render/field.js';
import { groupFor } from './render/summary.js';
import { readHash } from './render/steps.js';
import { wireSkipLink } from './render/skip.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);
const state = createState();

// ?now=2023-05-02T10:00:00%2B08:00 shows the form as on another day (demos, tests).
const now = () => params.get('now') ?? new Date().toISOString();

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

// The page's parts, each lent the state and what it calls in the others (through an arrow
// function where that part is made further down). The stored draft and everything that can go
// wrong with it is told in `notices` (notices.js).
const notices = new NoticeList();
const drafts = createDrafts({ state, notices, exportDraft: () => $('export-draft').click() });
const loop = createEvaluateLoop({ state, now, saveSoon: drafts.saveSoon, show: (ev) => view.show(ev), failed: (e) => fatal(refusalReason(e)) });
const steps = createStepNavigation({ state, evaluateNow: loop.evaluateNow });
const review = createReviewLoader({ state, stepHref: steps.stepHref, change: steps.changeAnswer });
const view = createEvaluationView({ state, steps, drawReview: review.draw, renderMatch: createMatchLoader({ state, now }) });
const page = createPageDrawing({ state, params, notices, loop, onContinue: steps.onContinue, save: drafts.save,
  forgetDrawn: view.forget, drawn: () => preview.drawn() });
const preview = createPreviewHost({ state, flushSave: drafts.flush, redraw: page.redraw });
followOtherTabs({ state, drafts, notices, renderAll: page.renderAll, redraw: page.redraw });
const switchLanguage = createLanguageSwitch({ state, notices, renderAll: page.renderAll, showStatus: drafts.showStatus });
const downloads = createDownloads({ state, now, refusalReason });

// Opens a form with its stored draft. The new form is loaded before the open one is let go: one
// that fails leaves the page as it was.
async function open(path, step = null) {
  drafts.flush();  // the open form's last keystrokes, before its answers are let go
  const bundle = await loadBundle(path, state.lang, { whileWaiting: warmUpWhileWaiting });
  const form = await openForm(bundle);
  useForm(state, bundle, form);
  state.path = path;
  state.step = step;
  state.returnToReview = false;
  forgetProgress(state);
  drafts.restore();
  page.renderAll();
  drafts.showStatus(null);
  history.replaceState(null, '', steps.stepHref(state.step));
}

function wire() {
  wireSkipLink($('skip-link'));
  $('lang-switch').addEventListener('click', () => switchLanguage(state.lang === 'zh' ? 'en' : 'zh'));
  $('form-picker').addEventListener('change', (e) => openOrExplain(e.target.value));
  $('check-all').addEventListener('click', async () => {
    state.checkAll = true;
    loop.evaluateNow();
    // Always an answer: the error summary, or "no problems found" (render/handover.js). The
    // button is on the review, whose code is in by then; if it is not, the summary answers.
    const announced = await review.load().then((m) => m.announceCheck(state.ev, state.texts), () => false);
    if (!announced) $('error-summary').focus();
  });
  $('export-json').addEventListener('click', () => downloads.downloadPackage('json', state.form.applicationPackage, 'application/json'));
  $('export-xml').addEventListener('click', () => downloads.downloadPackage('xml', state.form.applicationXml, 'application/xml'));
  $('export-eml').addEventListener('click', () => downloads.downloadEml());
  $('export-draft').addEventListener('click', () => downloadDraftFile(state));
  $('import-draft').addEventListener('change', async (e) => {
    const file = e.target.files?.[0];
    if (!file) return;
    // A file that is not a draft of this form changes nothing (draft-files.js says why).
    const answers = await openDraftFile(file, { state, notices });
    if (answers) {
      state.answers = answers;
      state.notices = [];
      drafts.save();
      page.renderAll();
    }
    e.target.value = '';
  });
  $('print').addEventListener('click', () => window.print());
  $('back-link').addEventListener('click', (e) => {
    e.preventDefault();
    steps.goTo(steps.backTarget());
  });
  // Browser back/forward (and an edited hash): show the step the URL names, without a new entry.
  window.addEventListener('popstate', () => {
    const wanted = readHash();
    if (wanted.form && wanted.form !== state.path && state.index.packages.some((p) => p.path === wanted.form)) {
      openOrExplain(wanted.form, wanted.step);
      return;
    }
    if (state.ev) steps.showStep(wanted.step, { push: false });
  });
  $('discard').addEventListener('click', () => {
    if (!window.confirm(state.texts.ui('discardConfirm'))) return;
    drafts.discard();
    forgetProgress(state);
    state.step = null;
    page.renderAll();
  });
}

async function boot() {
  state.lang = startLanguage(params);
  // The page's texts in its language (i18n/ui.<lang>.json) are fetched with the index. If the
  // Chinese cannot be, the page opens in English and says why, with a way to try again.
  const [index, uiFailure] = await Promise.all([packageIndex(), loadUiTexts(state.lang).then(() => null, (e) => e)]);
  state.index = index;
  const wantedLang = state.lang;
  if (uiFailure) state.lang = 'en';
  const wanted = readHash();
  const path = state.index.packages.some((p) => p.path === wanted.form) ? wanted.form : state.index.default;
  wire();
  await openOrExplain(path, path === wanted.form ? wanted.step : null);
  // Only from the preview server (the offline file, opened from disk, has no server to listen to).
  if (params.get('preview') === '1' && location.protocol.startsWith('http')) await preview.start();
  if (uiFailure && state.form) showLanguageFailed(notices, wantedLang, uiFailure, () => switchLanguage(wantedLang));
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
      showSwitchFailed(notices, failure);
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
