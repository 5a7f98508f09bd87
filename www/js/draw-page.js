// The page drawn anew from the state: the header (title, language switch, the form picker), the
// notices and the form; an evaluation then draws the rest (show-evaluation.js). Done when a form
// opens, the language changes, a repeat item is added or removed, or another tab's answers come
// in; a keystroke never redraws the page.
import { Texts } from './i18n.js';
import { el } from './render/field.js';
import { renderForm } from './render/form.js';
import { carriedQuery } from './links.js';

const $ = (id) => document.getElementById(id);

// The header's texts and the form picker, in the page's language.
function chrome(state, params) {
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

// The control being typed in and its caret, kept across a redraw of the form.
export function rememberFocus() {
  const a = document.activeElement;
  if (!a?.id) return null;
  return { id: a.id, start: a.selectionStart ?? null, end: a.selectionEnd ?? null };
}

// state: the page's (state.js). params: the address's query. notices: the NoticeList.
// loop: evaluate-loop.js. onContinue: step-navigation.js. save(): drafts.js. forgetDrawn(): what
// show-evaluation.js last drew is gone. drawn(): anything else drawn with the page (the preview's
// banner). Returns renderAll(focusId) and redraw(focus).
export function createPageDrawing({ state, params, notices, loop, onContinue, save, forgetDrawn, drawn }) {
  function renderAll(focusId) {
    state.texts = new Texts(state.bundle, state.lang, state.form?.schemaFacts().text_lists);
    forgetDrawn();
    chrome(state, params);
    notices.render(state.texts);
    renderForm($('form'), state.bundle, {
      texts: state.texts, fields: state.form.schemaFacts().fields, itemDefaults: state.form.schemaFacts().item_defaults, answers: state.answers, lang: state.lang,
      formId: state.bundle.form.id, onChange: loop.onChange, onSettle: loop.onSettle, onStructure: (id) => { save(); renderAll(id); }, onContinue,
    });
    loop.evaluateNow();
    drawn();
    if (focusId) document.getElementById(focusId)?.focus();
  }

  // Drawn anew with the control that had focus (rememberFocus) focused again, its caret kept.
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

  return { renderAll, redraw };
}
