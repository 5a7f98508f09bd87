// What an evaluation changes on screen, all of it from the core's answer: which fields a rule
// hides, the step on screen and its Back link, the computed values, the errors, the task list,
// the review and the live panel. Each part is redrawn only when what it was last drawn from
// changed: on a keystroke that is usually the errors of the field being typed in, and nothing
// else.
import { refreshUnits } from './render/field.js';
import { showErrors } from './render/summary.js';
import { renderEligibility, renderRound, renderScore } from './render/panel.js';
import { renderTasks } from './render/tasks.js';
import { REVIEW, applyStep, resolveStep } from './render/steps.js';
import { freshAnswers, isShown } from './state.js';
import { sectionOf } from './step-navigation.js';

const $ = (id) => document.getElementById(id);

// state: the page's (state.js). steps: step-navigation.js. drawReview(): the review's answers
// (review-loader.js). renderMatch(): a need form's match panel (match-loader.js).
// Returns show(ev), and forget() for when the page is built anew (draw-page.js).
export function createEvaluationView({ state, steps, drawReview, renderMatch }) {
  // What each part of the page was last drawn from.
  const drawn = new Map();
  function changed(part, signature) {
    if (drawn.get(part) === signature) return false;
    drawn.set(part, signature);
    return true;
  }
  // The form's field groups and computed outputs, gathered once per rendering of the form.
  let formParts = null;
  function partsOf(root) {
    if (!formParts || !formParts.groups[0]?.isConnected) {
      formParts = { groups: [...root.querySelectorAll('.ga-field, .ga-repeat')], outputs: [...root.querySelectorAll('output[data-computed]')],
        units: [...root.querySelectorAll('[data-currency-from]')] };
    }
    return formParts;
  }
  const shown = (pointer) => isShown(state, pointer);

  function show(ev) {
    renderMatch();
    const root = $('form');
    const parts = partsOf(root);
    if (changed('hidden', JSON.stringify(ev.hidden))) {
      const hidden = ev.hidden;
      for (const g of parts.groups) {
        const p = g.dataset.pointer;
        g.hidden = hidden.some((h) => p === h || p.startsWith(`${h}/`));
      }
    }
    // The step on screen; one a rule has just hidden gives way to the next visible one.
    const step = resolveStep(ev, state.step);
    if (step !== state.step) {
      state.step = step;
      history.replaceState(null, '', steps.stepHref(step));
    }
    state.visited.add(step);
    const back = steps.backTarget();
    const visible = ev.sections.filter((s) => !s.hidden).map((s) => s.id).join(' ');
    if (changed('step', JSON.stringify([step, back, visible]))) {
      applyStep(document, ev, step, state.texts, back ? { href: steps.stepHref(back) } : null);
      const stepTitle = step === REVIEW ? state.texts.ui('checkAnswers') : ev.sections.find((s) => s.id === step)?.title;
      document.title = `${stepTitle} — ${state.texts.text('form.title')} — greenapply`;
    }
    for (const out of parts.outputs) {
      const v = ev.computed[out.dataset.computed];
      const text = v === null || v === undefined ? '—' : typeof v === 'boolean' ? state.texts.ui(v ? 'yes' : 'no') : String(v);
      if (out.textContent !== text) out.textContent = text;
    }
    refreshUnits(root, state.answers, parts.units);
    // A step's summary lists its own section's errors; the review's lists every section's.
    showErrors(root, $('error-summary'), ev.errors, shown, state.texts,
      { inSummary: (p) => step === REVIEW || sectionOf(p) === step, follow: steps.followError });
    const shownErrors = new Map();
    for (const e of ev.errors) {
      if (e.severity === 'error' && shown(e.pointer)) shownErrors.set(sectionOf(e.pointer), (shownErrors.get(sectionOf(e.pointer)) ?? 0) + 1);
    }
    // A section whose answers are only the schema's defaults, on a step the applicant has not
    // continued from, has not been done by anyone: "Not started", not "Completed" (the core's schema facts).
    const fresh = freshAnswers(state);
    const onlyDefaults = new Set(ev.sections.map((s) => s.id).filter((id) => fresh[id] !== undefined
      && !state.checkedSections.has(id) && !state.checkAll && JSON.stringify(state.answers[id]) === JSON.stringify(fresh[id])));
    if (changed('tasks', JSON.stringify([ev.sections, step, [...shownErrors], [...onlyDefaults], [...state.visited]]))) {
      renderTasks($('task-list'), ev, state.texts, {
        onlyDefaults, visited: state.visited,
        current: step, hrefFor: steps.stepHref, shownErrors,
        go: steps.goTo,
      });
    }
    if (step === REVIEW) {
      // The review is drawn when it is shown: nothing on it can be typed into.
      renderEligibility($('review-eligibility'), ev, state.texts);
      renderScore($('review-score'), ev, state.texts);
      drawReview();
    }
    // The live panel: redrawn when the verdict or the score changes, and the round's box when its
    // text would (the time left is shown in hours).
    const { seconds_to_close: secondsToClose, ...eligibility } = ev.eligibility;
    const problems = ev.errors.filter((x) => x.severity === 'error').length;  // shown beside the verdict
    if (changed('eligibility', JSON.stringify([eligibility, problems]))) renderEligibility($('eligibility'), ev, state.texts);
    if (changed('score', JSON.stringify(ev.score ?? null))) renderScore($('score'), ev, state.texts);
    if (changed('round', JSON.stringify([eligibility.window, eligibility.window_message, eligibility.round, Math.floor((secondsToClose ?? 0) / 3600)]))) {
      renderRound($('round'), ev, state.texts, state.lang);
    }
  }

  function forget() {
    drawn.clear();
    formParts = null;
  }

  return { show, forget };
}
