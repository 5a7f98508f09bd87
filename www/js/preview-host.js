// The live preview (?preview=1, scripts/preview-server.py) seen from the page: what it lends
// preview.js, which is fetched in that case only. (This module sits beside main.js: the site
// build leaves the import of preview.js out of the page's bundle by its name, and the bundle
// resolves it from js/.)
import { hasLanguage, loadBundle, withLanguage } from './bundle.js';
import { openForm } from './core.js';
import { rememberFocus } from './draw-page.js';
import { readHash } from './render/steps.js';
import { useForm } from './state.js';

// state: the page's (state.js). flushSave(): drafts.js. redraw(focus): draw-page.js.
// Returns start(), and drawn(): the preview's banner drawn again with the page (language).
export function createPreviewHost({ state, flushSave, redraw }) {
  let render = null;  // the banner's, once started

  // The package on screen loaded again after its maintainer saved a file. The answers, the step
  // and what was checked stay; the texts of every language the page has shown are fetched again.
  // One that fails to load leaves the page as it was (preview.js says why).
  async function reloadPackage() {
    flushSave();
    let bundle = await loadBundle(state.path, state.lang);
    for (const lang of ['en', 'zh']) {
      if (lang !== state.lang && hasLanguage(state.bundle, lang)) bundle = await withLanguage(bundle, lang);
    }
    const form = await openForm(bundle);
    useForm(state, bundle, form);
    redraw(rememberFocus());
  }

  async function start() {
    const { startPreview } = await import('./preview.js');
    render = startPreview({
      // Before a form has opened (the package is broken), the one the address asks for.
      path: () => state.path ?? readHash().form, lang: () => state.lang, hasForm: () => state.form !== null,
      reload: reloadPackage,
    });
  }

  return { start, drawn: () => render?.() };
}
