// Errors the GOV.UK way: a summary at the top listing every shown error as a link to its
// field, and the message beside the field (aria-invalid, aria-describedby). Which errors are
// shown is the page's choice (touched fields, or all after "check"); which exist is the core's.
import { el, idOf } from './field.js';

// The field group an error belongs to: the deepest rendered field at or above its pointer.
export function groupFor(root, pointer) {
  let p = pointer;
  while (p) {
    const g = root.querySelector(`[data-pointer="${CSS.escape(p)}"]`);
    if (g && (g.classList.contains('ga-field') || g.classList.contains('ga-repeat'))) return g;
    p = p.slice(0, p.lastIndexOf('/'));
  }
  // A problem with a whole section (or the whole application) is shown at the section.
  const section = pointer.split('/')[1];
  return section ? root.querySelector(`[data-section="${CSS.escape(section)}"]`) : null;
}

// options.inSummary(pointer): whether a shown error is listed in the summary (a step lists its
// own section's errors; the review lists all). options.follow(pointer, targetId): what a
// summary link does when its field is on another step (go there, then focus); without it the
// link focuses the field in place.
export function showErrors(root, summary, errors, isShown, texts, options = {}) {
  for (const g of root.querySelectorAll('.ga-field--error')) g.classList.remove('ga-field--error');
  for (const m of root.querySelectorAll('.ga-error-message')) { m.hidden = true; m.textContent = ''; }
  for (const c of root.querySelectorAll('[aria-invalid]')) c.removeAttribute('aria-invalid');
  const shown = [];
  for (const e of errors) {
    if (e.severity !== 'error' || !isShown(e.pointer)) continue;
    const group = groupFor(root, e.pointer);
    if (!group) continue;
    const message = group.querySelector(':scope > .ga-error-message, :scope > fieldset > .ga-error-message, :scope .ga-error-message');
    if (message) {
      message.hidden = false;
      message.textContent = message.textContent ? `${message.textContent} ${e.message}` : e.message;
    }
    group.classList.add('ga-field--error');
    const control = group.querySelector('input, select, textarea');
    if (control) control.setAttribute('aria-invalid', 'true');
    if (options.inSummary && !options.inSummary(e.pointer)) continue;
    shown.push({ e, target: group.querySelector('input, select, textarea, button') ?? group, label: group.querySelector('label, legend')?.textContent ?? '' });
  }
  summary.replaceChildren();
  summary.hidden = shown.length === 0;
  if (!shown.length) return 0;
  summary.append(el('h2', { class: 'ga-error-summary__title', text: texts.ui('errorTitle') }));
  const list = el('ul', { class: 'ga-error-summary__list' });
  for (const { e, target, label } of shown) {
    const link = el('a', { href: `#${target.id || idOf(e.pointer)}`, text: label ? `${label}: ${e.message}` : e.message });
    link.addEventListener('click', (ev) => {
      ev.preventDefault();
      if (options.follow) {
        options.follow(e.pointer, target.id || idOf(e.pointer));
        return;
      }
      target.focus();
      target.scrollIntoView({ block: 'center' });
    });
    list.append(el('li', {}, link));
  }
  summary.append(list);
  return shown.length;
}
