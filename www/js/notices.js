// What the page tells the applicant when something around the form goes wrong — a stored draft
// it cannot use, storage that is off or full, a draft file that is not one, a form package that
// will not load — and the ways out it offers. The rule everywhere: the applicant's work is
// never thrown away without their say, and whatever is in memory can always be taken away as a
// file. storage.js classifies; this module decides what to say and keeps the page's choices.
import { download } from './export.js';
import { Texts, fill, loadUiTexts } from './i18n.js';
import { el } from './render/field.js';
import {
  MAX_DRAFT_CHARS, MAX_DRAFT_FILE_BYTES, discardDraft, listAsides, loadDraft, readAside, readDraftFile, removeAside, saveDraft, setDraftAside,
} from './storage.js';

// "{name}" placeholders filled from params (texts are placed with textContent only).

const compact = (n, lang) => new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : 'en', { notation: 'compact', maximumFractionDigits: 1 }).format(n);
const charsText = (n, t) => (t.lang === 'zh' ? `${compact(n, 'zh')}${t.ui('chars')}` : `${compact(n, 'en')} ${t.ui('chars')}`);
const mb = (bytes) => `${Math.round(bytes / (1024 * 1024))} MB`;
const stamp = () => new Date().toISOString().replace(/[-:]/g, '').slice(0, 15);

// A list of notices shown under the form's title. Each notice is re-rendered from its texts on
// every language switch, so it is kept as functions of the page texts, not as strings.
//   { kind: 'warning' | 'info', title(t), body(t) → string | string[], list?(t) → string[],
//     detail?: string, actions: [{ label(t), run(), style? }] }
class NoticeList {
  constructor() {
    this.items = new Map();
    this.texts = null;
    this.host = null;
  }

  container() {
    if (this.host?.isConnected) return this.host;
    this.host = el('div', { id: 'notices', class: 'ga-notices' });
    const anchor = document.getElementById('form-summary');
    if (anchor) anchor.after(this.host); else document.getElementById('main')?.prepend(this.host);
    return this.host;
  }

  set(id, notice) { this.items.set(id, notice); this.render(); }
  remove(id) { if (this.items.delete(id)) this.render(); }
  has(id) { return this.items.has(id); }
  clear() { this.items.clear(); this.render(); }

  render(texts = this.texts) {
    this.texts = texts;
    if (!texts) return;
    const host = this.container();
    host.replaceChildren();
    for (const [id, n] of this.items) host.append(renderNotice(id, n, texts));
  }
}

function renderNotice(id, n, t) {
  const headingId = `notice-${id}-h`;
  // Warnings interrupt (role=alert); information waits its turn (role=status).
  const box = el('section', {
    class: n.kind === 'warning' ? 'ga-error-summary ga-notice ga-notice--warning' : 'ga-round ga-notice ga-notice--info',
    role: n.kind === 'warning' ? 'alert' : 'status', 'aria-labelledby': headingId, 'data-notice': id,
  });
  box.append(el('h2', { class: 'ga-error-summary__title', id: headingId, text: n.title(t) }));
  const body = n.body ? n.body(t) : [];
  for (const para of Array.isArray(body) ? body : [body]) if (para) box.append(el('p', { text: para }));
  const items = n.list ? n.list(t) : [];
  if (items.length) {
    const ul = el('ul', { class: 'ga-notice__list' });
    for (const item of items) ul.append(el('li', { text: item }));
    box.append(ul);
  }
  if (n.detail) box.append(el('p', { class: 'ga-hint' }, el('code', { text: n.detail })));
  const actions = n.actions ?? [];
  if (actions.length) {
    const row = el('div', { class: 'ga-notice__actions' });
    for (const a of actions) {
      const b = el('button', { type: 'button', class: `ga-button ${a.style === 'warning' ? 'ga-button--warning' : 'ga-button--secondary'}`, text: a.label(t) });
      b.addEventListener('click', () => a.run());
      row.append(b);
    }
    box.append(row);
  }
  return box;
}

// The draft of the form that is open: restores it, saves it, and holds on to any stored text
// the page cannot use until the applicant decides what happens to it.
//   exportDraft()  downloads the answers in memory as a draft file (the page's own button)
//   resumed()      called when saving may go on again (the page saves and re-renders)
export class Drafts {
  constructor({ exportDraft, resumed, index }) {
    this.notices = new NoticeList();
    this.exportDraft = exportDraft;
    this.resumed = resumed;
    this.index = index;
    this.held = null;
    this.form = null;
  }

  render(texts) { this.notices.render(texts); }

  // A form named by its title when this site offers it, else by its id (a draft can name anything).
  formTitle(id, t) {
    const entry = this.index?.()?.packages?.find((p) => p.form?.id === id);
    return entry ? titleOf(entry, t.lang) : id;
  }

  // Answers to start the form with. Sets up the notices for what was found in storage. Without
  // a draft to use (none stored, storage off, or a stored text held back) the form starts as a
  // fresh draft, with the schema's defaults (the core's schema facts); a stored draft is used as it is, so an
  // answer the applicant cleared stays cleared.
  restore(bundle, form) {
    this.form = bundle.form;
    this.held = null;
    this.restored = false;
    this.notices.clear();
    const loaded = loadDraft(bundle.form.id);
    let answers = structuredClone(form.schemaFacts().fresh_answers);
    this.restoredRev = null;
    if (loaded.status === 'ok') {
      const kept = form.dropUnknownAnswers(loaded.draft.answers);
      answers = kept.answers;
      this.restoredRev = typeof loaded.draft.rev === 'string' ? loaded.draft.rev : null;
      this.restored = true;
      this.reportDropped(kept.dropped, loaded.draft.version, bundle.form);
    } else if (loaded.status === 'unavailable') {
      this.storageOff();
    } else if (loaded.status !== 'none') {
      this.hold(loaded);
    }
    this.showAsides();
    return answers;
  }

  // Saves the answers unless a stored text is being held; the result says which status line fits.
  save(answers, revision = {}) {
    if (this.held) return { ok: false, reason: 'held', statusKey: 'notSavedHeld' };
    const r = saveDraft(this.form.id, this.form.version, answers, new Date(), revision);
    if (r.ok) {
      for (const id of ['storageFull', 'draftTooBig', 'storageOff']) this.notices.remove(id);
      return r;
    }
    if (r.reason === 'full') this.storageFull();
    else if (r.reason === 'tooLarge') this.draftTooBig();
    else this.storageOff();
    return { ...r, statusKey: r.reason === 'full' || r.reason === 'tooLarge' ? 'notSavedFull' : 'notSaved' };
  }

  // The page's own "Discard this draft" removed whatever was stored: nothing is held any more.
  discarded() {
    discardDraft(this.form.id);
    this.held = null;
    this.notices.remove('held');
    this.notices.remove('dropped');
  }

  // "Open a draft file": { answers, files } (the attached files it carries), or null when the
  // file is refused (and then nothing in the page or in storage has changed).
  async openFile(file, bundle, form) {
    const name = file.name.slice(0, 120);
    const r = await readDraftFile(file, bundle.form.id);
    if (!r.ok) {
      const key = { tooLarge: 'importTooLarge', binary: 'importBinary', notJson: 'importNotJson', notDraft: 'importNotDraft', otherForm: 'importOtherForm' }[r.reason];
      this.notices.set('importFailed', {
        kind: 'warning',
        title: (t) => t.ui('importFailedTitle'),
        body: (t) => fill(t.ui(key), { file: name, limit: mb(MAX_DRAFT_FILE_BYTES), form: r.otherForm && this.formTitle(r.otherForm, t) }),
        actions: [{ label: (t) => t.ui('dismiss'), run: () => this.notices.remove('importFailed') }],
      });
      return null;
    }
    this.notices.remove('importFailed');
    this.notices.remove('dropped');
    const { answers, dropped } = form.dropUnknownAnswers(r.draft.answers);
    this.reportDropped(dropped, r.draft.version, bundle.form);
    return { answers, files: r.draft.files };
  }

  reportDropped(dropped, fromVersion, form) {
    if (!dropped.length) return;
    const changed = fromVersion && fromVersion !== form.version;
    const show = (t, p) => {
      const labelKey = `${Texts.keyOf(p.pointer)}.label`;
      const name = t.has(labelKey) ? `${t.text(labelKey)} (${p.pointer})` : p.pointer;
      const value = JSON.stringify(p.value) ?? 'null';
      return `${name}: ${value.length > 80 ? `${value.slice(0, 79)}…` : value}`;
    };
    this.notices.set('dropped', {
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
        { label: (t) => t.ui('dismiss'), run: () => this.notices.remove('dropped') },
      ],
    });
  }

  // A stored text the page cannot use: kept where it is, untouched, until the applicant
  // downloads it, moves it aside or deletes it. Saving waits for that choice.
  hold(loaded) {
    this.held = loaded;
    const formId = this.form.id;
    const title = { corrupt: 'heldCorruptTitle', tooLarge: 'heldTooLargeTitle', foreign: 'heldForeignTitle' }[loaded.status];
    const notice = {
      kind: 'warning',
      title: (t) => t.ui(title),
      body: (t) => [
        loaded.status === 'tooLarge' ? fill(t.ui('heldTooLargeBody'), { size: charsText(loaded.raw.length, t), limit: charsText(MAX_DRAFT_CHARS, t) }) : '',
        loaded.status === 'foreign' ? fill(t.ui('heldForeignBody'), { form: this.formTitle(loaded.otherForm, t) }) : '',
        t.ui('heldBody'),
        notice.failed ? t.ui('heldAsideFailed') : '',
      ],
      actions: [
        { label: (t) => t.ui('heldDownload'), run: () => download(`greenapply-stored-draft-${formId}-${stamp()}.txt`, loaded.raw, 'text/plain') },
        { label: (t) => t.ui('heldAside'),
          run: () => {
            const r = setDraftAside(formId, loaded.raw);
            if (!r.ok) { notice.failed = true; this.notices.set('held', notice); return; }
            this.release();
            this.showAsides();
          } },
        { label: (t) => t.ui('heldDelete'), style: 'warning',
          run: () => {
            if (!window.confirm(this.notices.texts.ui('heldDeleteConfirm'))) return;
            if (!discardDraft(formId)) { this.storageOff(); return; }
            this.release();
          } },
      ],
    };
    this.notices.set('held', notice);
  }

  release() {
    this.held = null;
    this.notices.remove('held');
    this.resumed();
  }

  showAsides() {
    const formId = this.form.id;
    const asides = listAsides(formId);
    if (!asides.length) { this.notices.remove('asides'); return; }
    const when = (t, at) => {
      const d = new Date(at);
      return Number.isNaN(d.getTime()) ? at : d.toLocaleString(t.lang === 'zh' ? 'zh-CN' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    };
    this.notices.set('asides', {
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
            if (!window.confirm(this.notices.texts.ui('asidesDeleteConfirm'))) return;
            for (const a of asides) removeAside(a.key);
            this.showAsides();
          } },
      ],
    });
  }

  // Persistent: stays for as long as the page cannot save (no dismiss button on purpose).
  storageOff() { this.cannotSave('storageOff'); }

  storageFull() { this.cannotSave('storageFull'); }

  // A warning whose only way out is the export: texts <id>Title and <id>Body.
  cannotSave(id) {
    if (this.notices.has(id)) return;
    this.notices.set(id, {
      kind: 'warning',
      title: (t) => t.ui(`${id}Title`),
      body: (t) => t.ui(`${id}Body`),
      actions: [{ label: (t) => t.ui('exportDraft'), run: () => this.exportDraft() }],
    });
  }

  draftTooBig() {
    if (this.notices.has('draftTooBig')) return;
    this.notices.set('draftTooBig', {
      kind: 'warning',
      title: (t) => t.ui('draftTooBigTitle'),
      body: (t) => fill(t.ui('draftTooBigBody'), { limit: charsText(MAX_DRAFT_CHARS, t) }),
      actions: [{ label: (t) => t.ui('exportDraft'), run: () => this.exportDraft() }],
    });
  }

  // The other language's texts would not load (the page went offline before its first switch,
  // or the site is missing them): the page stays in the language it shows and nothing is lost.
  languageFailed(lang, error, retry) {
    this.notices.set('languageFailed', {
      kind: 'warning',
      title: (t) => t.ui(lang === 'zh' ? 'languageFailedZh' : 'languageFailedEn'),
      body: (t) => [t.ui('languageFailedBody')],
      detail: String(error?.message ?? error),
      actions: [
        { label: (t) => t.ui('tryAgain'), run: retry },
        { label: (t) => t.ui('dismiss'), run: () => this.notices.remove('languageFailed') },
      ],
    });
  }

  languageLoaded() { this.notices.remove('languageFailed'); }

  // A form that would not load while another one is open: the open one stays as it was.
  switchFailed(failure) {
    this.notices.set('loadFailed', {
      kind: 'warning',
      title: (t) => fill(t.ui('loadFailedTitle'), { form: failure.title(t) }),
      body: (t) => [failure.reason(t), t.ui('loadKeepCurrent')],
      detail: failure.detail,
      actions: [
        ...failure.others.map((o) => ({ label: (t) => fill(t.ui('openForm'), { form: o.title(t) }), run: () => failure.pick(o.path) })),
        { label: (t) => t.ui('dismiss'), run: () => this.notices.remove('loadFailed') },
      ],
    });
  }
}

const titleOf = (p, lang) => (lang === 'zh' ? p.titles?.zh : p.titles?.en) ?? p.titles?.en ?? p.form?.id ?? p.path;

// Why a form package would not load, in the applicant's words, from what bundle.js and core.js
// throw: an HTTP status (a file missing), a SyntaxError (a file that is not JSON), or the core's
// "key: message" refusal. The technical text is kept as a detail for the organiser.
export function describeLoadFailure({ error, path, index, onPick }) {
  const message = String(error?.message ?? error);
  const http = message.match(/^(\S+): HTTP (\d+)/);
  const reason = (t) => {
    if (http) return fill(t.ui('loadMissing'), { detail: `${http[1]}, HTTP ${http[2]}` });
    if (error instanceof SyntaxError) return t.ui('loadNotJson');
    if (/^[a-z_]+(\.[a-z_]+)+: /.test(message)) return t.ui('loadRefused');
    return t.ui('loadOther');
  };
  const entry = index?.packages?.find((p) => p.path === path);
  return {
    path,
    title: (t) => (entry ? titleOf(entry, t.lang) : path),
    reason,
    detail: http ? '' : message.slice(0, 500),  // an HTTP failure is already named in the reason
    others: (index?.packages ?? []).filter((p) => p.path !== path).map((p) => ({ path: p.path, title: (t) => titleOf(p, t.lang) })),
    pick: onPick,
  };
}

// Nothing could be shown (the first form, or the list of forms, did not load): a panel in place
// of the form, in the applicant's language, with the other forms to choose and a retry. Never a
// blank page. The header's form picker offers the same choice. The page's texts may still be on
// their way (the list of forms can fail first): they are waited for, or English if they fail.
export async function showStartFailure({ lang, failure, indexFailed = false }) {
  await loadUiTexts(lang).catch(() => {});
  const t = new Texts({}, lang);
  document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  document.getElementById('loading').hidden = true;
  document.getElementById('fatal').hidden = true;
  document.getElementById('load-failure')?.remove();
  const title = indexFailed ? t.ui('indexFailedTitle') : fill(t.ui('loadFailedTitle'), { form: failure.title(t) });
  document.title = `${title} — greenapply`;
  // The panel takes focus and its content is the alert, a child of it: on one element the focus
  // and the alert race and a screen reader can miss part of either (GOV.UK error-summary).
  const panel = el('section', { id: 'load-failure', class: 'ga-error-summary ga-notice ga-notice--warning',
    'aria-labelledby': 'load-failure-h', tabindex: '-1' });
  const box = el('div', { role: 'alert', 'aria-labelledby': 'load-failure-h' });
  panel.append(box);
  box.append(el('h1', { class: 'ga-error-summary__title', id: 'load-failure-h', text: title }));
  box.append(el('p', { text: indexFailed ? t.ui('indexFailedBody') : failure.reason(t) }));
  box.append(el('p', { text: t.ui('loadDraftSafe') }));
  if (failure.detail) box.append(el('p', { class: 'ga-hint' }, el('code', { text: failure.detail })));
  const others = failure.others ?? [];
  if (!indexFailed) box.append(el('p', { text: others.length ? t.ui('loadChoose') : t.ui('loadNoOther') }));
  const row = el('div', { class: 'ga-notice__actions' });
  // Nothing of the page has been set up yet, so another form or language is a fresh start
  // (a reload with the choice in the address), never a half-initialised page.
  const go = (path, lang2 = lang) => {
    const hash = `#form=${encodeURIComponent(path)}`;
    if (lang2 !== lang) {
      const u = new URL(location.href);
      u.searchParams.set('lang', lang2);
      u.hash = hash;
      location.assign(u.href);
      return;
    }
    // Only the hash changes, which alone does not reload; replaceState fires no popstate, so
    // main.js does not start opening the form in the moment before the reload.
    history.replaceState(null, '', hash);
    location.reload();
  };
  for (const o of others) {
    const b = el('button', { type: 'button', class: 'ga-button', text: fill(t.ui('openForm'), { form: o.title(t) }) });
    b.addEventListener('click', () => go(o.path));
    row.append(b);
  }
  const retry = el('button', { type: 'button', class: 'ga-button ga-button--secondary', text: t.ui('tryAgain') });
  retry.addEventListener('click', () => location.reload());
  row.append(retry);
  box.append(row);
  // The header's picker and language switch are replaced by copies (which drops main.js's
  // handlers, made for a page with a form) that make the same fresh start.
  const swap = (id) => {
    const old = document.getElementById(id);
    const copy = old.cloneNode(true);
    old.replaceWith(copy);
    return copy;
  };
  const picker = swap('form-picker');
  picker.closest('label').hidden = indexFailed;
  document.getElementById('form-picker-label').textContent = t.ui('form');
  picker.replaceChildren(...(indexFailed ? [] : [{ path: failure.path, title: failure.title }, ...others]).map((o) => {
    const opt = el('option', { value: o.path, text: o.title(t) });
    opt.selected = o.path === failure.path;
    return opt;
  }));
  picker.addEventListener('change', () => go(picker.value));
  const langSwitch = swap('lang-switch');
  langSwitch.textContent = lang === 'zh' ? 'English' : '中文';
  langSwitch.lang = lang === 'zh' ? 'en' : 'zh-Hans';
  langSwitch.addEventListener('click', () => go(failure.path ?? '', lang === 'zh' ? 'en' : 'zh'));
  document.getElementById('main').prepend(panel);
  panel.focus();
  document.body.dataset.ready = 'failed';
}
