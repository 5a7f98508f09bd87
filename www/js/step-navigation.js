// Moving between the form's steps: one section each, then the review ("Check your answers").
// The address names the step (render/steps.js hashFor), so browser back and forward move between
// steps; Continue, Back, the task list, the review's "Change" links and the error summary's links
// all go through showStep here.
import { idOf } from './render/field.js';
import { REVIEW, focusField, hashFor, headingOf, placeOf, resolveStep } from './render/steps.js';
import { focusHeading } from './render/skip.js';

export const sectionOf = (pointer) => pointer.split('/')[1];

// state: the page's (state.js). evaluateNow(): evaluates and draws (evaluate-loop.js).
export function createStepNavigation({ state, evaluateNow }) {
  const stepHref = (step) => hashFor(state.path, step);

  function backTarget() {
    if (state.step === REVIEW) return placeOf(state.ev, REVIEW).prev;
    return state.returnToReview ? REVIEW : placeOf(state.ev, state.step).prev;
  }

  // Shows a step. push: a new history entry (links, Continue), so browser back returns here;
  // false for back/forward and loading. focus: a control id to focus, true for the step heading
  // (a screen reader then announces the new step), false to leave focus where it is.
  function showStep(wanted, { push = true, focus = true } = {}) {
    const step = resolveStep(state.ev, wanted);
    if (step === REVIEW) state.returnToReview = false;
    const url = stepHref(step);
    const changed = step !== state.step;
    state.step = step;
    if (push && changed) history.pushState(null, '', url);
    else if (location.hash !== url) history.replaceState(null, '', url);
    evaluateNow();
    if (typeof focus === 'string' && focusField(focus)) return;
    if (focus) {
      window.scrollTo(0, 0);
      if (headingOf(step)) focusHeading(headingOf(step));
    }
  }

  // A link of the task list, or the Back link: the step it names, without returning to the review.
  function goTo(step) {
    state.returnToReview = false;
    if (step) showStep(step);
  }

  // A "Change" (or "Answer") link of the review: the field's step, the field focused.
  function changeAnswer(pointer) {
    state.returnToReview = true;
    showStep(sectionOf(pointer), { focus: idOf(pointer) });
  }

  // An error-summary link whose field is on another step (the review lists every section's).
  function followError(pointer, id) {
    if (sectionOf(pointer) === state.step) {
      if (!focusField(id)) document.getElementById(id)?.focus();
      return;
    }
    state.returnToReview = state.step === REVIEW;
    showStep(sectionOf(pointer), { focus: id });
  }

  // Continue checks this section only: with errors it stays and the summary (this section's
  // errors) takes focus; without, it moves to the next visible section, or back to the review
  // when the applicant came from a "Change" link there.
  function onContinue(sectionId) {
    state.checkedSections.add(sectionId);
    evaluateNow();
    const errors = state.ev.errors.filter((e) => e.severity === 'error' && e.pointer.split('/')[1] === sectionId);
    if (errors.length) {
      document.getElementById('error-summary').focus();
      document.getElementById('error-summary').scrollIntoView({ block: 'start' });
    } else if (state.returnToReview) {
      showStep(REVIEW);
    } else {
      showStep(placeOf(state.ev, sectionId).next ?? REVIEW);
    }
  }

  return { stepHref, backTarget, showStep, goTo, changeAnswer, followError, onContinue };
}
