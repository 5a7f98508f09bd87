// One section per step (the GOV.UK "one thing per page" pattern, applied per section of a long
// application): which steps exist, where the applicant is, and the page furniture of a step
// (progress caption, back link, which section is on screen). The step lives in the URL hash
// (#form=<package>&step=<section id>) so browser back/forward, a reload and a bookmark keep the
// place. Which sections exist at all is the core's decision (ev.sections[].hidden): this
// module only walks the visible ones in layout order.

// The last step, after every section. A section id must start with [a-z0-9]
// (form-package.schema.json $defs/id), so a leading "_" can never name a section.
export const REVIEW = '_check-answers';

// The URL hash for a step of a package. URLSearchParams encodes both values.
export function hashFor(path, step) {
  const p = new URLSearchParams();
  p.set('form', path);
  if (step) p.set('step', step);
  return `#${p.toString()}`;
}

export function readHash(hash = location.hash) {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  return { form: p.get('form'), step: p.get('step') };
}

// Visible sections in layout order, then the review.
export function stepIds(ev) {
  return [...ev.sections.filter((s) => !s.hidden).map((s) => s.id), REVIEW];
}

// The step to show for a wanted one: itself when it is visible; a section a rule now hides
// gives way to the next visible one after it (the applicant's place moves forward, never back
// to the start); anything unknown gives the first step.
export function resolveStep(ev, wanted) {
  const ids = stepIds(ev);
  if (ids.includes(wanted)) return wanted;
  const all = ev.sections.map((s) => s.id);
  const at = all.indexOf(wanted);
  if (at >= 0) return all.slice(at + 1).find((id) => ids.includes(id)) ?? REVIEW;
  return ids[0];
}

// Position of a step among the visible sections (the review has no number: it is not a
// section to fill in), and its neighbours.
export function placeOf(ev, step) {
  const ids = stepIds(ev);
  const i = ids.indexOf(step);
  return { index: i, total: ids.length - 1, prev: i > 0 ? ids[i - 1] : null, next: i >= 0 && i < ids.length - 1 ? ids[i + 1] : null };
}

// Shows exactly one step: the current section (when the core does not hide it) or the review.
// The aside (live score) goes on the review, which shows the same verdict and score in its
// own column, as the GOV.UK check-answers page is a single column.
export function applyStep(doc, ev, step, texts, back) {
  const place = placeOf(ev, step);
  for (const s of ev.sections) {
    const sec = doc.querySelector(`[data-section="${CSS.escape(s.id)}"]`);
    if (!sec) continue;
    sec.hidden = s.hidden || s.id !== step;
    const caption = sec.querySelector('[data-progress]');
    if (caption && s.id === step) caption.textContent = texts.ui('stepOf', { n: place.index + 1, total: place.total });
  }
  doc.getElementById('review').hidden = step !== REVIEW;
  doc.getElementById('panel').hidden = step === REVIEW;
  const link = doc.getElementById('back-link');
  link.textContent = texts.ui('back');
  link.hidden = !back;
  if (back) link.href = back.href;
  document.body.dataset.step = step;
}

// The heading a step change moves focus to, so a screen reader announces the new step.
export function headingOf(step) {
  return document.getElementById(step === REVIEW ? 'review-h' : `section-${step}-h`);
}

// Focuses a field by its control id the GOV.UK error-summary way: the label or legend is
// scrolled into view first (so the question is seen, not only the box), then the control is
// focused without a second scroll. A group of radios or checkboxes is a fieldset: the checked
// option, else the first, takes focus. A repeat group's first control does.
export function focusField(id) {
  const target = document.getElementById(id);
  if (!target) return false;
  let control = target;
  if (!/^(INPUT|SELECT|TEXTAREA|BUTTON)$/.test(target.tagName)) {
    control = target.querySelector('input:checked') ?? target.querySelector('input, select, textarea, button');
  }
  if (!control) return false;
  const group = target.closest('.ga-field, .ga-repeat') ?? target;
  (group.querySelector('label, legend') ?? group).scrollIntoView({ block: 'start' });
  control.focus({ preventScroll: true });
  return document.activeElement === control;
}
