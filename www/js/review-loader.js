// The review's own code (js/review-step.js) is fetched the first time the review is shown, and
// the review drawn from the state of that moment. If it cannot be fetched the review says so in
// place of the answers, and showing the review again tries again; nothing else waits for it.
// (This module sits beside main.js: the site build leaves the import of review-step.js out of
// the page's bundle by its name, and the bundle resolves it from js/.)
import { el } from './render/field.js';
import { REVIEW } from './render/steps.js';

// state: the page's (state.js). stepHref(step) and change(pointer): the review's links
// (step-navigation.js).
export function createReviewLoader({ state, stepHref, change }) {
  let reviewStep = null;
  function load() {
    reviewStep ??= import('./review-step.js');
    reviewStep.catch(() => { reviewStep = null; });
    return reviewStep;
  }
  function draw() {
    load().then((m) => {
      if (state.step !== REVIEW || !state.ev) return;
      m.renderReview(document.getElementById('review-answers'), state.bundle, { texts: state.texts, lang: state.lang, answers: state.answers, ev: state.ev,
        hrefFor: stepHref, change });
      m.renderHandover({ bundle: state.bundle, ev: state.ev, texts: state.texts, titles: state.index.packages.find((p) => p.path === state.path)?.titles });
    }, (error) => {
      if (state.step !== REVIEW) return;
      document.getElementById('review-answers').replaceChildren(el('p', { class: 'ga-error-message', role: 'alert',
        text: state.texts.ui('reviewLoadFailed', { detail: String(error?.message ?? error) }) }));
    });
  }
  return { load, draw };
}
