// Where keyboard focus goes when the page, not the applicant, moves it.
// The skip link ("Skip to the form") goes to the heading of the step on screen, past the header
// and the sections list, so the next Tab is the step's first question (on the review: its
// heading). It cannot be a plain link to "#main": the step lives in the URL hash
// (#form=…&step=…, steps.js), and replacing the hash would send the applicant to the first step.
import { headingOf } from './steps.js';

// Focuses a heading the script moved to and brings it on screen if it is not (on a phone the
// form's title and deadline fill the first screen): focus never lands on something the applicant
// cannot see. Its step (or the review) is then scrolled to the top of the window, "Step 2 of 10"
// included. onTop: scrolled so even when the heading is already on screen.
export function focusHeading(heading, onTop = false) {
  heading.focus({ preventScroll: true });
  const r = heading.getBoundingClientRect();
  if (onTop || r.top < 0 || r.bottom > window.innerHeight) (heading.closest('section') ?? heading).scrollIntoView({ block: 'start' });
}

export function wireSkipLink(link) {
  link.addEventListener('click', (e) => {
    const step = document.body.dataset.step;
    const heading = step ? headingOf(step) : null;
    if (!heading) return; // still loading: #main, as the plain link says
    e.preventDefault();
    focusHeading(heading, true);
  });
}
