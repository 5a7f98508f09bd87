// The organiser's page (organiser.html): the files received for a round, read in this browser,
// checked by the core (round-core.js, in a Worker), and shown as the core ranked them, with
// superseded submissions, each application read-only, and the CSV and report to share. The
// page decides nothing: verdicts, scores, flags, ranks, the CSV's and the report's bytes are the
// core's, the same as `greenapply batch` gives for the same files.
import { loadBundle, packageIndex, withLanguage } from '../bundle.js';
import { Texts, fill, loadUiTexts } from '../i18n.js';
import { el } from '../render/field.js';
import { rememberLanguage, rememberedLanguage } from '../storage.js';
import { carriedQuery } from '../links.js';
import { readFiles } from './files.js';
import { pageOf, renderPager } from './pages.js';
import { checkRound, roundCsv, roundReportHtml, schemaFacts, submissionAnswers } from './round-core.js';
import { filterChoices, filterRows, renderTable, sortRows } from './table.js';
import { renderSuperseded } from './superseded.js';
import { renderApplication } from './review-view.js';
import { loadOrganiserTexts, say } from './texts.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

// "now": ?now= (tests, and an organiser re-judging a past round), else this computer's clock,
// whole seconds, as RFC 3339.
const now = () => params.get('now') ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');

const state = {
  lang: 'en', index: null, path: null, bundle: null, texts: null,
  files: null, round: null,
  sort: { key: 'rank', dir: 'ascending' }, filters: { track: '', verdict: '', flag: '' }, page: 0,
  reviewing: null, busy: false,
};
const t = (key, p) => say(state.lang, key, p);

// --- the round's chrome ------------------------------------------------------------------------
function renderChrome() {
  const { lang } = state;
  document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  document.title = `${t('pageTitle')} — greenapply`;
  $('home').href = `forms.html${carriedQuery(params, lang)}`;
  $('lang-switch').textContent = t('langSwitch');
  $('lang-switch').lang = lang === 'zh' ? 'en' : 'zh-Hans';
  $('title').textContent = t('pageTitle');
  $('intro').textContent = t('intro');
  $('form-label').textContent = t('formLabel');
  const when = new Date(now());
  const shown = Number.isNaN(when.getTime()) ? now() : new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB',
    { dateStyle: 'long', timeStyle: 'short', timeZone: 'Asia/Shanghai' }).format(when);
  $('now-note').textContent = t('nowLabel', { now: lang === 'zh' ? `${shown}（北京时间）` : `${shown} (Beijing time)` });
  $('files-heading').textContent = t('filesHeading');
  $('drop-hint').textContent = t('dropHint');
  $('choose-label').textContent = t('chooseFiles');
  $('progress').setAttribute('aria-label', t('progressLabel'));
  $('ranking-heading').textContent = t('rankingHeading');
  $('filters-heading').textContent = t('filtersHeading');
  $('filter-track-label').textContent = t('filterTrack');
  $('filter-verdict-label').textContent = t('filterVerdict');
  $('filter-flag-label').textContent = t('filterFlag');
  $('superseded-heading').textContent = t('supersededHeading');
  $('superseded-intro').textContent = t('supersededIntro');
  $('downloads-heading').textContent = t('downloadsHeading');
  $('download-hint').textContent = t('downloadHint');
  $('download-csv').textContent = t('downloadCsv');
  $('download-report').textContent = t('downloadReport');
  // The forms, by programme as the start screen lists them, each titled in the page's language.
  const picker = $('form-picker');
  const groups = new Map();
  for (const p of state.index.packages) {
    if (!groups.has(p.form.programme)) groups.set(p.form.programme, []);
    groups.get(p.form.programme).push(p);
  }
  const common = state.bundle?.common_i18n?.[lang] ?? {};
  picker.replaceChildren(...[...groups].map(([programme, packages]) => el('optgroup', { label: common[`programme.${programme}.title`] ?? programme },
    ...packages.map((p) => el('option', { value: p.path, text: p.titles?.[lang] ?? p.titles?.en ?? p.form.id })))));
  picker.value = state.path;
}

// --- progress ----------------------------------------------------------------------------------
// Reading the files is 0–80 % of the bar (by bytes), the core's check the rest.
function progress(percent, text) {
  $('progress-box').hidden = percent === null;
  if (percent !== null) {
    $('progress').setAttribute('aria-valuenow', String(Math.round(percent)));
    $('progress-fill').style.width = `${percent}%`;
  }
  $('progress-text').textContent = text;
}

async function checkFiles(fileList) {
  if (!fileList.length || state.busy) return;
  state.busy = true;
  try {
    const count = fileList.length;
    // The bar and its words change once a frame at most (the first report at once): thousands
    // of small files report more often than the screen can show.
    const show = ([done, total, file, i]) => {
      progress(total ? (80 * done) / total : 80, file ? t('reading', { name: file.name, n: i + 1, total: count }) : t('checking', { n: count }));
    };
    let shown = false;
    let latest = null;
    let frame = 0;
    const flush = () => { frame = 0; show(latest); };
    try {
      state.files = await readFiles(fileList, (...report) => {
        if (!shown) { shown = true; show(report); return; }
        latest = report;
        frame ||= requestAnimationFrame(flush);
      });
    } finally {
      cancelAnimationFrame(frame);  // a frame still to come would show the bar again after the check
    }
    await runCheck();
  } catch (error) {
    progress(null, t('failed', { detail: error.message }));
  } finally {
    state.busy = false;
  }
}

// Checks the files read last against the chosen form (again after the form changes).
async function runCheck() {
  if (!state.files) return;
  const count = state.files.length;
  progress(80, t('checking', { n: count }));
  state.round = await checkRound(state.bundle, state.files, now(),
    (done, total) => progress(80 + (20 * done) / total, t('checkingSoFar', { done, total, n: count })));
  state.filters = { track: '', verdict: '', flag: '' };
  state.page = 0;
  progress(100, t(state.round.ranking.length === 1 ? 'doneOne' : 'done', { n: state.round.ranking.length, superseded: state.round.superseded?.length ?? 0, files: count }));
  $('progress-box').hidden = true;
  renderRound();
  $('results').hidden = false;
}

// --- the ranking -------------------------------------------------------------------------------
function fillSelect(select, values, label) {
  const keep = select.value;
  select.replaceChildren(el('option', { value: '', text: t('all') }), ...values.map((v) => el('option', { value: v, text: label(v) })));
  select.value = values.includes(keep) ? keep : '';
}

function renderRound() {
  const round = state.round;
  if (!round) return;
  const choices = filterChoices(round.ranking);
  const trackPointer = typeof state.bundle.form.track === 'string' ? state.bundle.form.track : null;
  fillSelect($('filter-track'), choices.tracks, (v) => (trackPointer ? state.texts.option(trackPointer, v) : v));
  fillSelect($('filter-verdict'), choices.verdicts, (v) => t(`verdict.${v}`));
  fillSelect($('filter-flag'), choices.flags, (v) => t(`flag.${v}`));
  $('filter-track').closest('.ga-org__filter').hidden = choices.tracks.length === 0;
  const shown = sortRows(filterRows(round.ranking, state.filters), state.sort, state.lang);
  const page = pageOf(shown, state.page);
  state.page = page.page;
  $('showing').textContent = page.pages > 1
    ? t('showingPage', { from: page.from, to: page.to, shown: shown.length, total: round.ranking.length, page: page.page + 1, pages: page.pages })
    : t('showing', { shown: shown.length, total: round.ranking.length });
  renderPager($('ranking-pages'), {
    page: page.page, pages: page.pages, lang: state.lang,
    onPage: (n, which) => {
      state.page = n;
      renderRound();
      // Drawn anew: the focus goes back to the same button (Next stays on Next), else the
      // current page's; the status above says which rows show.
      const nav = $('ranking-pages');
      (nav.querySelector(`button[data-page="${which}"]`) ?? nav.querySelector('button[aria-current="page"]'))?.focus();
    },
  });
  renderTable($('ranking'), page.rows, {
    lang: state.lang, texts: state.texts, dimensions: round.dimensions ?? [], sort: state.sort, trackPointer,
    timeZone: state.bundle.eligibility?.round?.time_zone,
    onSort: (key) => {
      state.sort = { key, dir: state.sort.key === key && state.sort.dir === 'ascending' ? 'descending' : 'ascending' };
      state.page = 0;
      renderRound();
      // The table was drawn anew: the focus goes back to the same column's button.
      $('ranking').querySelector(`button[data-sort="${CSS.escape(key)}"]`)?.focus();
    },
    onOpen: openApplication,
  });
  renderSuperseded($('superseded'), round, { lang: state.lang, texts: state.texts, onOpen: openApplication });
}

// --- one application ---------------------------------------------------------------------------
async function openApplication(row) {
  state.reviewing = row;
  $('round-view').hidden = true;
  $('review-view').hidden = false;
  await drawApplication();
  $('review-heading').focus();
}

async function drawApplication() {
  const row = state.reviewing;
  let answers = null;
  let problem = null;
  if (row.verdict !== 'unreadable') {
    try {
      answers = await submissionAnswers(row.source);
    } catch (error) {
      problem = error.message;
    }
  }
  await renderApplication({ row, answers, problem, bundle: state.bundle, texts: state.texts, lang: state.lang, now: state.round.now });
}

function closeApplication() {
  const row = state.reviewing;
  state.reviewing = null;
  $('review-view').hidden = true;
  $('round-view').hidden = false;
  const button = [...document.querySelectorAll('#ranking tbody tr, #superseded li')]
    .find((r) => r.dataset.file === row.file || r.querySelector('h3')?.textContent.endsWith(row.file))?.querySelector('button');
  (button ?? $('ranking-heading')).focus();
}

// --- downloads ---------------------------------------------------------------------------------
function download(name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

async function downloadWith(make, name, type) {
  const status = $('download-status');
  status.hidden = true;
  try {
    download(name, await make(), type);
  } catch (error) {
    status.textContent = t('failed', { detail: error.message });
    status.hidden = false;
  }
}

// --- language and form -------------------------------------------------------------------------
async function toolTexts(lang) {
  const url = new URL(`schemas/common/texts-tools.${lang}.json`, document.baseURI);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.json();
}

async function loadForm(path) {
  // Both languages' texts: the report is in English and Chinese, and the page switches freely.
  let bundle = await loadBundle(path, 'en');
  bundle = await withLanguage(bundle, 'zh');
  // And the common texts the applicant's page never shows (a received XML file's problems, …):
  // the CLI has them with the rest; the page keeps them out of every applicant's first visit.
  await Promise.all(['en', 'zh'].map(async (lang) => Object.assign(bundle.common_i18n[lang], await toolTexts(lang))));
  // The fields whose options a shared list labels (the taxonomy), as the core reads the schema.
  // Should the core not start, the codes show as they are; checking the round says why.
  const facts = await schemaFacts(bundle).catch(() => ({ text_lists: {} }));
  state.path = path;
  state.bundle = bundle;
  state.textLists = facts.text_lists;
  state.texts = new Texts(bundle, state.lang, state.textLists);
}

// Both tables of the page's texts in a language: its own and the applicant's page's (the review
// of an application shows those). If either cannot be fetched, both English ones are there
// before this throws, so the page can carry on in English.
async function loadTexts(lang) {
  const failed = (await Promise.allSettled([loadUiTexts(lang), loadOrganiserTexts(lang)])).find((r) => r.status === 'rejected');
  if (!failed) return;
  await Promise.all([loadUiTexts('en'), loadOrganiserTexts('en')]);
  throw failed.reason;
}

async function switchLanguage() {
  const next = state.lang === 'zh' ? 'en' : 'zh';
  await loadTexts(next);
  state.lang = next;
  rememberLanguage(next);
  state.texts = new Texts(state.bundle, next, state.textLists);
  renderChrome();
  renderRound();
  if (state.reviewing) await drawApplication();
}

function wire() {
  // Emptied after each choice, so choosing the same files again (after a change of form) reads them again.
  $('files').addEventListener('change', async (e) => { await checkFiles([...e.target.files]); e.target.value = ''; });
  const zone = $('drop-zone');
  zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('ga-org__drop--over'); });
  zone.addEventListener('dragleave', () => zone.classList.remove('ga-org__drop--over'));
  zone.addEventListener('drop', (e) => {
    e.preventDefault();
    zone.classList.remove('ga-org__drop--over');
    checkFiles(e.dataTransfer.files);
  });
  $('form-picker').addEventListener('change', async (e) => {
    try {
      await loadForm(e.target.value);
      state.sort = { key: 'rank', dir: 'ascending' };
      renderChrome();
      if (state.files) await runCheck();
    } catch (error) {
      e.target.value = state.path;  // the form that is still loaded
      progress(null, t('failed', { detail: error.message }));
    }
  });
  for (const [id, key] of [['filter-track', 'track'], ['filter-verdict', 'verdict'], ['filter-flag', 'flag']]) {
    $(id).addEventListener('change', (e) => { state.filters[key] = e.target.value; state.page = 0; renderRound(); });
  }
  $('lang-switch').addEventListener('click', () => { switchLanguage(); });
  $('review-back').addEventListener('click', (e) => { e.preventDefault(); closeApplication(); });
  $('download-csv').addEventListener('click', () => downloadWith(() => roundCsv(state.round), `${state.round.form}-ranking.csv`, 'text/csv;charset=utf-8'));
  $('download-report').addEventListener('click', () => downloadWith(() => roundReportHtml(state.round, state.bundle), `${state.round.form}-report.html`, 'text/html;charset=utf-8'));
}

async function boot() {
  let lang = params.get('lang') ?? rememberedLanguage() ?? (navigator.language?.startsWith('zh') ? 'zh' : 'en');
  if (lang !== 'zh') lang = 'en';
  await loadTexts(lang).catch(() => { lang = 'en'; });
  state.lang = lang;
  state.index = await packageIndex();
  const wanted = params.get('form');
  await loadForm(state.index.packages.some((p) => p.path === wanted) ? wanted : state.index.default);
  renderChrome();
  wire();
  $('loading').hidden = true;
  $('organiser').hidden = false;
  document.body.dataset.ready = '1';
}

boot().catch((error) => {
  $('loading').hidden = true;
  $('fatal').hidden = false;
  $('fatal').textContent = fill('The page could not be loaded ({detail}). Reload the page to try again. / 页面无法加载（{detail}），请刷新页面重试。', { detail: error.message });
});

// Exposed for tests only: the round as the core returned it.
window.organiser = { get round() { return state.round ? structuredClone(state.round) : null; } };
