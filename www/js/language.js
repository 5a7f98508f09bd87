// The page's language: the one it opens in, and the switch between English and Chinese.
import { hasLanguage, withLanguage } from './bundle.js';
import { openForm } from './core.js';
import { loadUiTexts } from './i18n.js';
import { showLanguageFailed } from './notices.js';
import { useForm } from './state.js';
import { rememberLanguage, rememberedLanguage } from './storage.js';

// The address's ?lang=, else the applicant's last choice, else the browser's language.
export function startLanguage(params) {
  const lang = params.get('lang') ?? rememberedLanguage() ?? (navigator.language?.startsWith('zh') ? 'zh' : 'en');
  return lang === 'zh' ? 'zh' : 'en';
}

// The other language's texts are fetched on the first switch (bundle.js) and the form is loaded
// into the core again with them, so its messages follow; the open form stays until then. If they
// cannot be fetched (offline before ever switching), the page stays as it is and says so.
// state: the page's (state.js). notices: the NoticeList. renderAll(focusId): draw-page.js.
// showStatus(): the draft's status line again (drafts.js). Returns switchLanguage(lang).
export function createLanguageSwitch({ state, notices, renderAll, showStatus }) {
  let switching = null;
  return async function switchLanguage(lang) {
    if (switching) return;
    switching = lang;
    try {
      await loadUiTexts(lang);
      if (!hasLanguage(state.bundle, lang)) {
        const bundle = await withLanguage(state.bundle, lang);
        useForm(state, bundle, await openForm(bundle));
      }
      notices.remove('languageFailed');
      state.lang = lang;
      rememberLanguage(lang);
      renderAll('lang-switch');
      showStatus();
    } catch (error) {
      showLanguageFailed(notices, lang, error, () => switchLanguage(lang));
    } finally {
      switching = null;
    }
  };
}
