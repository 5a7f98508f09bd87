// The match panel (render/match.js) is fetched by need forms only, the one kind with a matcher:
// no other form pays for its code. (This module sits beside main.js: the site build leaves the
// import of render/match.js out of the page's bundle by its name, and the bundle resolves it
// from js/.)
import { hasLanguage, loadBundle, withLanguage } from './bundle.js';
import { openForm } from './core.js';
import { Texts } from './i18n.js';
import { el } from './render/field.js';

// How the panel loads the technology form its entries are checked against, with this page's own
// loader and core (render/match.js is bundled apart and must not start a second copy of the
// core). The technology form is opened on the full core, which the need form runs on (core.js):
// evaluateDocument is there only.
const openers = { loadBundle, withLanguage, hasLanguage, openForm: (bundle) => openForm(bundle, { full: true }), Texts };

// state: the page's (state.js). now(): the moment the form is judged at. Returns render(), called
// after each evaluation.
export function createMatchLoader({ state, now }) {
  let matchPanel = null;

  // What the need form's match panel needs; refresh() gives it again after files are opened.
  // submitted: the need as this evaluation pruned it, which the match ranks against, so the need
  // is evaluated once per keystroke.
  function matchContext() {
    return { form: state.form, bundle: state.bundle, submitted: state.ev?.submitted ?? {}, now: now(), lang: state.lang,
      texts: state.texts, refresh: matchContext, open: openers };
  }

  return function renderMatch() {
    const container = document.getElementById('match');
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
  };
}
