// When the core evaluates the answers. A keystroke only records the answer, so the character is
// painted at once. While the applicant types (text boxes), the core's evaluation waits for a
// pause of TYPING_PAUSE_MS or for them to leave the box (onSettle), as GOV.UK and most form
// guidance advise: no error appears under a word half typed, and a phone's main thread is free
// for the next key instead of busy redrawing the panel between keys (what made the slow keys on
// a throttled phone). Any other change (a choice, a checkbox, a date) is evaluated in the task
// right after the next paint. The draft is written at most every SAVE_EVERY_MS and whenever the
// page is left (drafts.js), not on every key.
import { setAt } from './pointer.js';
import { afterNextPaint } from './render/field.js';

const TYPING_PAUSE_MS = 250;

// Leaving a text box by pressing something else (a section in the list, an error in the summary,
// Continue) evaluates what was typed. Done between the press and the release, that evaluation
// could redraw or move what is under the pointer, and the click would be lost: it waits until
// the click has happened (whose own handler usually evaluates anyway).
const PRESS_AT_MOST_MS = 1000;

// state: the page's (state.js). now(): the moment the form is judged at. saveSoon(): the answers
// changed (drafts.js). show(ev): draws an evaluation (show-evaluation.js). failed(error): the
// core refused to evaluate.
export function createEvaluateLoop({ state, now, saveSoon, show, failed }) {
  let typingTimer = null;
  let pending = false;
  const press = { down: false, waiting: false };

  function onChange(pointer, value, { typing = false } = {}) {
    setAt(state.answers, pointer, value);
    state.touched.add(pointer);
    saveSoon();
    clearTimeout(typingTimer);
    typingTimer = typing ? setTimeout(evaluateSoon, TYPING_PAUSE_MS) : null;
    if (!typing) evaluateSoon();
  }
  function onSettle() {
    if (typingTimer !== null) evaluateSoon();
  }
  function evaluateSoon() {
    clearTimeout(typingTimer);
    typingTimer = null;
    if (pending) return;
    pending = true;
    afterNextPaint(() => {
      pending = false;
      if (press.down) {
        press.waiting = true;
        // A release the page never hears (outside the window) must not hold the evaluation back.
        setTimeout(released, PRESS_AT_MOST_MS);
        return;
      }
      evaluateNow();
    });
  }

  document.addEventListener('pointerdown', () => { press.down = true; }, true);
  const released = () => {
    press.down = false;
    if (!press.waiting) return;
    press.waiting = false;
    setTimeout(evaluateSoon, 0);  // after the click this release makes
  };
  document.addEventListener('pointerup', released, true);
  document.addEventListener('pointercancel', released, true);

  function evaluateNow() {
    clearTimeout(typingTimer);  // this evaluation covers the keys typed so far
    typingTimer = null;
    state.evaluations += 1;
    let ev;
    try {
      ev = state.form.evaluate(state.answers, now(), state.lang);
    } catch (e) {
      failed(e);
      return;
    }
    state.ev = ev;
    show(ev);
  }

  return { onChange, onSettle, evaluateNow };
}
