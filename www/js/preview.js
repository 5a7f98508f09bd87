// The live preview for package maintainers (issue #17): only when the page is opened with
// ?preview=1 from scripts/preview-server.py (bash scripts/serve.sh --watch). A module of its own,
// imported by preview-host.js in that case only, so the page applicants get carries none of it.
//
// The server sends an event (Server-Sent Events, same origin: the CSP's connect-src 'self') when a
// file of a watched package changes, with `greenapply lint --format json` of every watched package
// in English and Chinese. The page then loads the package on screen again (the applicant's answers
// and step stay: preview-host.js reloadPackage), and shows lint's problems for it in a banner at the top,
// in the page's language; the banner goes when lint finds nothing. A package that no longer loads
// leaves the last version that did on screen, and the banner says so above lint's problems.
import { el } from './render/field.js';
import { fill } from './i18n.js';

export const EVENTS_URL = '__preview/events';

// The banner's texts, here and not in www/i18n/ui.<lang>.json: only maintainers see them, and the page
// every applicant downloads should not carry them.
const TEXTS = {
  en: {
    heading: 'Live preview: greenapply lint found problems in this package (errors: {errors}, warnings: {warnings})',
    error: 'Error', warning: 'Warning',
    loadFailed: 'The package could not be loaded again ({detail}): the form below is its last version that loaded. Fix the file and save.',
  },
  zh: {
    heading: '实时预览：greenapply lint 在本表单包中发现问题（错误 {errors} 个，警告 {warnings} 个）',
    error: '错误', warning: '警告',
    loadFailed: '无法重新加载表单包（{detail}）：下方为最后一次成功加载的版本。请修改文件后保存。',
  },
};

// Some of lint's messages start with the place the banner already shows ("FILE: line 3, column 7: ").
const withoutPlace = (p) => (p.message.startsWith(`${p.file}: `)
  ? p.message.slice(p.file.length + 2).replace(/^line \d+, column \d+: /, '') : p.message);

// host: what the page lends this module (preview-host.js).
//   path()        the package on screen (its folder's name, as #form= names it)
//   lang()        'en' or 'zh'
//   hasForm()     whether a form has loaded at all
//   reload()      loads the package on screen again; rejects when it does not load
// Returns render(), for the page to call after it redraws the page (a language switch).
export function startPreview(host) {
  const banner = el('div', { id: 'preview-banner', class: 'ga-preview', role: 'status', 'aria-labelledby': 'preview-heading' });
  banner.hidden = true;
  document.querySelector('.ga-header').after(banner);
  // Its style too is only fetched here (the CSP allows the site's own stylesheets).
  document.head.append(el('link', { rel: 'stylesheet', href: new URL('../css/preview.css', import.meta.url).href }));

  let lint = {};            // package name -> { en, zh }: lint's result in each language
  let loadFailure = null;   // why the last reload failed (null: the form on screen is the package's latest)
  let version = null;       // the server's version the page shows
  let reloading = Promise.resolve();

  function render() {
    const t = (key, params) => fill(TEXTS[host.lang()]?.[key] ?? TEXTS.en[key], params);
    const report = lint[host.path()]?.[host.lang()] ?? lint[host.path()]?.en;
    const problems = report?.problems ?? [];
    banner.classList.toggle('ga-preview--errors', problems.some((p) => p.severity === 'error') || loadFailure !== null);
    if ((!problems.length && !loadFailure)) {
      banner.hidden = true;
      banner.replaceChildren();
      return;
    }
    const heading = el('h2', { id: 'preview-heading', class: 'ga-preview__heading',
      text: t('heading', { errors: report?.errors ?? 0, warnings: report?.warnings ?? 0 }) });
    const failure = loadFailure && el('p', { class: 'ga-preview__failure', text: t('loadFailed', { detail: loadFailure }) });
    const list = problems.length ? el('ul', { class: 'ga-preview__list' }, ...problems.map((p) => el('li', {},
      el('strong', { text: t(p.severity === 'error' ? 'error' : 'warning') }), ' ',
      el('code', { text: p.line ? `${p.file}:${p.line}:${p.column}` : p.file }), ' ',
      el('span', { text: withoutPlace(p) })))) : null;
    banner.replaceChildren(...[heading, failure, list].filter(Boolean));
    banner.hidden = false;
  }

  // A change to the package on screen loads it again; changes arriving meanwhile wait their turn.
  function reload() {
    reloading = reloading.then(async () => {
      if (!host.hasForm()) {
        // It never loaded (broken when the page was opened): start the page again.
        location.reload();
        return;
      }
      try {
        await host.reload();
        loadFailure = null;
      } catch (error) {
        loadFailure = String(error?.message ?? error);
      }
      render();
    });
  }

  const source = new EventSource(EVENTS_URL);
  source.addEventListener('package', (e) => {
    const state = JSON.parse(e.data);
    lint = state.lint ?? {};
    const changed = version !== null && state.version !== version && (state.changed ?? []).includes(host.path());
    version = state.version;
    render();
    if (changed) reload();
  });
  return render;
}
