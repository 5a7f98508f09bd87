// Where keyboard focus goes when the page, not the applicant, moves it.
// The skip link ("Skip to the form") goes to the heading of the step on screen, past the header
// and the sections list, so the next Tab is the step's first question (on the review: its
// heading). It cannot be a plain link to "#main": the step lives in the URL hash
// (#form=…&step=…, steps.js), and replacing the hash would send the applicant to the first step.
import { headingOf } from './steps.js';

// Focuses a heading the script moved to and brings it on screen if it is not: focus never
// lands on something the applicant cannot see. onTop: the heading's step (or review) starts
// at the top of the window, the way a new page would.
export function focusHeading(heading, onTop = false) {
  heading.focus({ preventScroll: true });
  const r = heading.getBoundingClientRect();
  if (onTop) (heading.closest('section') ?? heading).scrollIntoView({ block: 'start' });
  else if (r.top < 0 || r.bottom > window.innerHeight) heading.scrollIntoView({ block: 'start' });
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
