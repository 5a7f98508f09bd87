// What the page tells the applicant when something around the form goes wrong, and the ways out
// it offers: the list of notices under the form's title and how each is drawn, and the notices
// about loading (a form package or a language's texts that will not load, or nothing at all to
// show). The rule everywhere: the applicant's work is never thrown away without their say, and
// whatever is in memory can always be taken away as a file. What is said about the stored draft
// (storage off or full, a text the page cannot use) is drafts.js's, about a draft file
// draft-files.js's, about another tab's answers other-tab.js's: each sets its notices here.
import { Texts, fill, loadUiTexts } from './i18n.js';
import { el } from './render/field.js';

// A list of notices shown under the form's title. Each notice is re-rendered from its texts on
// every language switch, so it is kept as functions of the page texts, not as strings.
//   { kind: 'warning' | 'info', title(t), body(t) → string | string[], list?(t) → string[],
//     detail?: string, actions: [{ label(t), run(), style? }] }
export class NoticeList {
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

// A form's title in a language, from the list of forms (schemas/index.json).
const titleOf = (p, lang) => (lang === 'zh' ? p.titles?.zh : p.titles?.en) ?? p.titles?.en ?? p.form?.id ?? p.path;

// A form named by its title when this site offers it, else by its id (a draft can name anything).
export function formTitle(index, id, t) {
  const entry = index?.packages?.find((p) => p.form?.id === id);
  return entry ? titleOf(entry, t.lang) : id;
}

// The other language's texts would not load (the page went offline before its first switch,
// or the site is missing them): the page stays in the language it shows and nothing is lost.
export function showLanguageFailed(notices, lang, error, retry) {
  notices.set('languageFailed', {
    kind: 'warning',
    title: (t) => t.ui(lang === 'zh' ? 'languageFailedZh' : 'languageFailedEn'),
    body: (t) => [t.ui('languageFailedBody')],
    detail: String(error?.message ?? error),
    actions: [
      { label: (t) => t.ui('tryAgain'), run: retry },
      { label: (t) => t.ui('dismiss'), run: () => notices.remove('languageFailed') },
    ],
  });
}

// A form that would not load while another one is open: the open one stays as it was.
export function showSwitchFailed(notices, failure) {
  notices.set('loadFailed', {
    kind: 'warning',
    title: (t) => fill(t.ui('loadFailedTitle'), { form: failure.title(t) }),
    body: (t) => [failure.reason(t), t.ui('loadKeepCurrent')],
    detail: failure.detail,
    actions: [
      ...failure.others.map((o) => ({ label: (t) => fill(t.ui('openForm'), { form: o.title(t) }), run: () => failure.pick(o.path) })),
      { label: (t) => t.ui('dismiss'), run: () => notices.remove('loadFailed') },
    ],
  });
}

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
