// The draft of the open form in this browser's storage, from the form's opening to its discard:
// restored when the form opens, written as the applicant works (at most every SAVE_EVERY_MS,
// and at once when the page is left), said on the status line, and discarded on request. What
// can be wrong with what is stored is told in a notice with the ways out: a stored text the page
// cannot use is held back (saving waits) until the applicant downloads it, puts it aside or
// deletes it; storage that is off or full offers the export; answers the form no longer asks
// for are listed and can be downloaded. storage.js reads, writes and classifies; another tab's
// writes are brought in by other-tab.js, and drafts as files are draft-files.js's.
import { dropFiles } from './attachments.js';
import { download } from './export.js';
import { Texts, fill } from './i18n.js';
import { formTitle } from './notices.js';
import { MAX_DRAFT_CHARS, discardDraft, listAsides, loadDraft, readAside, removeAside, saveDraft, setDraftAside } from './storage.js';
import { Revisions } from './tabs.js';
import { freshAnswers } from './state.js';

// The draft in storage trails the answers by at most SAVE_EVERY_MS of typing (what a browser
// crash can lose); leaving the page, hiding it (another tab, the phone's home screen, which may be
// the last moment a mobile browser gives), or reloading writes it at once. Writing a large
// application on every keystroke cost more than evaluating it.
const SAVE_EVERY_MS = 400;

const compact = (n, lang) => new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
const charsText = (n, t) => (t.lang === 'zh' ? `${compact(n, 'zh')}${t.ui('chars')}` : `${compact(n, 'en')} ${t.ui('chars')}`);
const stamp = () => new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);

// state: the page's (state.js). notices: the page's NoticeList (notices.js).
// exportDraft(): downloads the answers in memory as a draft file (the page's own button).
// Returns { restore, saveSoon, flush, save, showStatus, discard, revisions, exportDraft }.
export function createDrafts({ state, notices, exportDraft }) {
  let form = null;      // the open form's package entry: { id, version }
  let heldText = null;  // a stored text the page cannot use, held until the applicant decides
  // The drafts this tab wrote and saw (tabs.js), for merging another tab's writes (other-tab.js).
  const revisions = new Revisions();
  let timer = null;
  let unsaved = false;
  // Creating an Intl formatter costs more than writing the draft: one per language.
  const timeFormats = new Map();

  // The form just opened (state.bundle, state.form): its answers, and the notices for what was
  // found in storage. Without a draft to use (none stored, storage off, or a stored text held
  // back) the form starts as a fresh draft, with the schema's defaults (the core's schema
  // facts); a stored draft is used as it is, so an answer the applicant cleared stays cleared.
  function restore() {
    form = state.bundle.form;
    heldText = null;
    notices.clear();
    const loaded = loadDraft(form.id);
    let answers = structuredClone(state.form.schemaFacts().fresh_answers);
    let restored = false;
    let restoredRev = null;
    if (loaded.status === 'ok') {
      const kept = state.form.dropUnknownAnswers(loaded.draft.answers);
      answers = kept.answers;
      restoredRev = typeof loaded.draft.rev === 'string' ? loaded.draft.rev : null;
      restored = true;
      reportDropped(notices, kept.dropped, loaded.draft.version, form);
    } else if (loaded.status === 'unavailable') {
      storageOff();
    } else if (loaded.status !== 'none') {
      hold(loaded);
    }
    showAsides();
    state.answers = answers;
    revisions.start(restoredRev, restored ? answers : {});
    state.held = null;
    state.notices = restored ? ['restored'] : [];
  }

  // The answers changed: written within SAVE_EVERY_MS.
  function saveSoon() {
    unsaved = true;
    timer ??= setTimeout(flush, SAVE_EVERY_MS);
  }

  // Written now if anything is waiting (the page is left, another form opens).
  function flush() {
    clearTimeout(timer);
    timer = null;
    if (unsaved) save();
  }
  window.addEventListener('pagehide', flush);
  document.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') flush(); });

  // Written now, and said on the status line.
  function save() {
    clearTimeout(timer);
    timer = null;
    unsaved = false;
    if (state.held) {
      // Saving now would overwrite the other tab's answers: the notice above the form asks first.
      showStatus({ ok: false, statusKey: 'notSavedOtherTab' });
      return;
    }
    const rev = Revisions.fresh();
    const result = write(state.answers, { rev, base: revisions.seen });
    if (result.ok) revisions.record(rev, state.answers);
    showStatus(result);
  }

  // Writes the answers unless a stored text is being held; the result says which status line fits.
  function write(answers, revision) {
    if (heldText) return { ok: false, reason: 'held', statusKey: 'notSavedHeld' };
    const r = saveDraft(form.id, form.version, answers, new Date(), revision);
    if (r.ok) {
      for (const id of ['storageFull', 'draftTooBig', 'storageOff']) notices.remove(id);
      return r;
    }
    if (r.reason === 'full') storageFull();
    else if (r.reason === 'tooLarge') draftTooBig();
    else storageOff();
    return { ...r, statusKey: r.reason === 'full' || r.reason === 'tooLarge' ? 'notSavedFull' : 'notSaved' };
  }

  // The draft's status line in the page's language: notices are kept as UI keys and the last save's
  // result is kept, so a language switch says both again in the new language.
  function showStatus(result = state.lastSave) {
    state.lastSave = result;
    const t = state.texts;
    const notice = state.notices.length ? `${state.notices.map((k) => t.ui(k)).join(' ')} ` : '';
    const status = !result ? notice.trim() : result.ok
      ? `${notice}${t.ui('saved')} ${timeFormat(state.lang).format(result.savedAt)}`
      : `${notice}${t.ui(result.statusKey)}`;
    // A live region: said again only when it says something new (not every save while typing).
    const line = document.getElementById('save-status');
    if (line.textContent !== status) line.textContent = status;
  }

  function timeFormat(lang) {
    if (!timeFormats.has(lang)) timeFormats.set(lang, new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { hour: '2-digit', minute: '2-digit' }));
    return timeFormats.get(lang);
  }

  // The page's own "Discard this draft": whatever was stored and the files kept for it are
  // removed, nothing is held any more, a disagreement with another tab is over, and the answers
  // are a fresh draft's, with the schema's defaults.
  function discard() {
    clearTimeout(timer);
    timer = null;
    unsaved = false;
    discardDraft(form.id);
    heldText = null;
    notices.remove('held');
    notices.remove('dropped');
    dropFiles(state.bundle.form.id);
    notices.remove('otherTab');
    state.held = null;
    revisions.start(null, {});
    state.answers = structuredClone(freshAnswers(state));
  }

  // A stored text the page cannot use: kept where it is, untouched, until the applicant
  // downloads it, moves it aside or deletes it. Saving waits for that choice.
  function hold(loaded) {
    heldText = loaded;
    const formId = form.id;
    const title = { corrupt: 'heldCorruptTitle', tooLarge: 'heldTooLargeTitle', foreign: 'heldForeignTitle' }[loaded.status];
    const notice = {
      kind: 'warning',
      title: (t) => t.ui(title),
      body: (t) => [
        loaded.status === 'tooLarge' ? fill(t.ui('heldTooLargeBody'), { size: charsText(loaded.raw.length, t), limit: charsText(MAX_DRAFT_CHARS, t) }) : '',
        loaded.status === 'foreign' ? fill(t.ui('heldForeignBody'), { form: formTitle(state.index, loaded.otherForm, t) }) : '',
        t.ui('heldBody'),
        notice.failed ? t.ui('heldAsideFailed') : '',
      ],
      actions: [
        { label: (t) => t.ui('heldDownload'), run: () => download(`greenapply-stored-draft-${formId}-${stamp()}.txt`, loaded.raw, 'text/plain') },
        { label: (t) => t.ui('heldAside'),
          run: () => {
            const r = setDraftAside(formId, loaded.raw);
            if (!r.ok) { notice.failed = true; notices.set('held', notice); return; }
            release();
            showAsides();
          } },
        { label: (t) => t.ui('heldDelete'), style: 'warning',
          run: () => {
            if (!window.confirm(notices.texts.ui('heldDeleteConfirm'))) return;
            if (!discardDraft(formId)) { storageOff(); return; }
            release();
          } },
      ],
    };
    notices.set('held', notice);
  }

  // The held text is dealt with: saving goes on.
  function release() {
    heldText = null;
    notices.remove('held');
    save();
  }

  // Drafts put aside earlier (storage.js setDraftAside), each offered as a file, or deleted.
  function showAsides() {
    const formId = form.id;
    const asides = listAsides(formId);
    if (!asides.length) { notices.remove('asides'); return; }
    const when = (t, at) => {
      const d = new Date(at);
      return Number.isNaN(d.getTime()) ? at : d.toLocaleString(t.lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    };
    notices.set('asides', {
      kind: 'info',
      title: (t) => t.ui('asidesTitle'),
      body: (t) => t.ui('asidesBody'),
      actions: [
        ...asides.map((a) => ({
          label: (t) => fill(t.ui('asideDownload'), { date: when(t, a.at) }),
          run: () => download(`greenapply-draft-put-aside-${formId}-${a.at.replace(/[-:]/g, '').slice(0, 15)}.txt`, readAside(a.key) ?? '', 'text/plain'),
        })),
        { label: (t) => t.ui('asidesDelete'), style: 'warning',
          run: () => {
            if (!window.confirm(notices.texts.ui('asidesDeleteConfirm'))) return;
            for (const a of asides) removeAside(a.key);
            showAsides();
          } },
      ],
    });
  }

  // Persistent: stays for as long as the page cannot save (no dismiss button on purpose).
  const storageOff = () => cannotSave('storageOff');
  const storageFull = () => cannotSave('storageFull');

  // A warning whose only way out is the export: texts <id>Title and <id>Body.
  function cannotSave(id) {
    if (notices.has(id)) return;
    notices.set(id, {
      kind: 'warning',
      title: (t) => t.ui(`${id}Title`),
      body: (t) => t.ui(`${id}Body`),
      actions: [{ label: (t) => t.ui('exportDraft'), run: () => exportDraft() }],
    });
  }

  function draftTooBig() {
    if (notices.has('draftTooBig')) return;
    notices.set('draftTooBig', {
      kind: 'warning',
      title: (t) => t.ui('draftTooBigTitle'),
      body: (t) => fill(t.ui('draftTooBigBody'), { limit: charsText(MAX_DRAFT_CHARS, t) }),
      actions: [{ label: (t) => t.ui('exportDraft'), run: () => exportDraft() }],
    });
  }

  return { restore, saveSoon, flush, save, showStatus, discard, revisions, exportDraft };
}

// Answers a stored draft or a draft file had that the form no longer asks for (the core took
// them out, form.dropUnknownAnswers): listed, and offered as a file, never silently lost.
export function reportDropped(notices, dropped, fromVersion, form) {
  if (!dropped.length) return;
  const changed = fromVersion && fromVersion !== form.version;
  const show = (t, p) => {
    const labelKey = `${Texts.keyOf(p.pointer)}.label`;
    const name = t.has(labelKey) ? `${t.text(labelKey)} (${p.pointer})` : p.pointer;
    const value = JSON.stringify(p.value) ?? 'null';
    return `${name}: ${value.length > 80 ? `${value.slice(0, 79)}…` : value}`;
  };
  notices.set('dropped', {
    kind: 'warning',
    title: (t) => t.ui('droppedTitle'),
    body: (t) => (changed ? fill(t.ui('droppedBody'), { from: fromVersion, to: form.version }) : t.ui('droppedBodySame')),
    list: (t) => dropped.map((p) => show(t, p)),
    actions: [
      { label: (t) => t.ui('droppedDownload'),
        run: () => download(`greenapply-answers-taken-out-${form.id}-${stamp()}.json`, JSON.stringify({
          form: form.id, draft_version: fromVersion ?? null, form_version: form.version,
          answers_taken_out: Object.fromEntries(dropped.map((p) => [p.pointer, p.value])),
        }, null, 2), 'application/json') },
      { label: (t) => t.ui('dismiss'), run: () => notices.remove('dropped') },
    ],
  });
}
