// The page's one record of what it shows and what the applicant has done: the forms on offer and
// the open one, the answers, the core's last evaluation, whose errors may be shown, the step on
// screen. main.js creates it once and lends it to the modules that draw and change the page; the
// changes more than one of them makes are here. Timers and caches stay with the module they
// serve (evaluate-loop.js, drafts.js, show-evaluation.js), never in this record.
export function createState() {
  return {
    index: null, path: null, bundle: null, form: null, answers: {}, lang: 'en', texts: null, ev: null,
    touched: new Set(), checkedSections: new Set(), checkAll: false, evaluations: 0,
    // notices: UI keys said before the save status (drafts.js); lastSave: the last save's result.
    notices: [], lastSave: null,
    // held: a disagreement with another tab the applicant has not settled yet, during which
    // nothing is saved (other-tab.js; the drafts this tab wrote and saw are in drafts.revisions).
    held: null,
    // The step on screen (a section id or REVIEW), and whether Continue goes back to the review
    // (the applicant came from a "Change" link there, as in the GOV.UK check-answers pattern).
    step: null, returnToReview: false,
    visited: new Set(),  // sections whose step the applicant has opened (tasks.js: no "Completed" unseen)
  };
}

// The form in the core is replaced (another form, a language's texts, the live preview's reload):
// the one it replaces is let go.
export function useForm(state, bundle, form) {
  state.form?.close();
  state.bundle = bundle;
  state.form = form;
}

// A fresh start of the answers' progress (another form, a discarded draft): no errors shown until
// the applicant touches a field or continues from a step again.
export function forgetProgress(state) {
  state.touched.clear();
  state.checkedSections.clear();
  state.visited.clear();
  state.checkAll = false;
}

// A fresh draft's answers (the schema's defaults), as the core worked them out once per form.
export const freshAnswers = (state) => state.form.schemaFacts().fresh_answers;

// Whether a field's errors are shown: after the applicant touched it (or a field inside it, or
// the group around it), continued from its section, or asked to check everything.
export function isShown(state, pointer) {
  if (state.checkAll) return true;
  const section = pointer.split('/')[1];
  if (state.checkedSections.has(section)) return true;
  for (const t of state.touched) {
    if (pointer === t || pointer.startsWith(`${t}/`) || t.startsWith(`${pointer}/`)) return true;
  }
  return false;
}
