// Errors the GOV.UK way: a summary at the top listing every shown error as a link to its
// field, and the message beside the field (aria-invalid, aria-describedby). Which errors are
// shown is the page's choice (touched fields, or all after "check"); which exist is the core's.
import { el, idOf } from './field.js';

// Where each pointer's errors are shown, looked up once per rendering of the form: a keystroke
// re-marks only the groups whose errors changed, without searching the whole form again (a
// large application has hundreds of fields; the search per error per keystroke was most of the
// cost of typing). A cached element that has left the page (the form was rendered anew: an item
// added, the language switched) throws the whole cache away.
const lookups = new WeakMap();  // root → { groups: Map(pointer → element | null), marked: Map(group → text) }
function lookupOf(root) {
  let l = lookups.get(root);
  if (!l) {
    l = { groups: new Map(), marked: new Map() };
    lookups.set(root, l);
  }
  return l;
}

// The field group an error belongs to: the deepest rendered field at or above its pointer.
function findGroup(root, pointer) {
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

export function groupFor(root, pointer) {
  const l = lookupOf(root);
  if (l.groups.has(pointer)) {
    const g = l.groups.get(pointer);
    if (g === null || g.isConnected) return g;
    l.groups.clear();
    l.marked.clear();
  }
  const g = findGroup(root, pointer);
  l.groups.set(pointer, g);
  return g;
}

const messageOf = (group) => group.querySelector(':scope > .ga-error-message, :scope > fieldset > .ga-error-message, :scope .ga-error-message');
const controlOf = (group) => group.querySelector('input, select, textarea');

// Marks a group as in error with its messages joined, or clears it (text null).
function mark(group, text) {
  const message = messageOf(group);
  if (message) {
    message.hidden = text === null;
    message.textContent = text ?? '';
  }
  group.classList.toggle('ga-field--error', text !== null);
  const control = controlOf(group);
  if (control) {
    if (text === null) control.removeAttribute('aria-invalid');
    else control.setAttribute('aria-invalid', 'true');
  }
}

// What each summary's alert holds now (title, links and their targets), to tell a change.
const shownLists = new WeakMap();

// options.inSummary(pointer): whether a shown error is listed in the summary (a step lists its
// own section's errors; the review lists all). options.follow(pointer, targetId): what a
// summary link does when its field is on another step (go there, then focus); without it the
// link focuses the field in place.
// This runs after every keystroke: the groups whose messages are unchanged are not touched, so
// the browser has nothing to restyle or lay out again for them.
export function showErrors(root, summary, errors, isShown, texts, options = {}) {
  const l = lookupOf(root);
  const wanted = new Map();  // group → messages, in the core's order
  const shown = [];
  for (const e of errors) {
    if (e.severity !== 'error' || !isShown(e.pointer)) continue;
    const group = groupFor(root, e.pointer);
    if (!group) continue;
    if (!wanted.has(group)) wanted.set(group, []);
    wanted.get(group).push(e.message);
    if (options.inSummary && !options.inSummary(e.pointer)) continue;
    shown.push({ e, target: group.querySelector('input, select, textarea, button') ?? group, label: group.querySelector('label, legend')?.textContent ?? '' });
  }
  for (const [group] of l.marked) {
    if (!wanted.has(group)) {
      if (group.isConnected) mark(group, null);
      l.marked.delete(group);
    }
  }
  for (const [group, messages] of wanted) {
    const text = messages.join(' ');
    if (l.marked.get(group) === text) continue;
    mark(group, text);
    l.marked.set(group, text);
  }
  summary.hidden = shown.length === 0;
  // The title and list go in the summary's role="alert" child (index.html), as GOV.UK's
  // error-summary/template.njk does: the summary itself takes focus (Continue, Check), and on one
  // element the focus and the alert race, so a screen reader can miss part of what is said.
  let alert = summary.querySelector(':scope > [role="alert"]');
  if (!alert) {
    alert = el('div', { role: 'alert' });
    summary.replaceChildren(alert);
  }
  const links = shown.map(({ e, target, label }) => ({
    pointer: e.pointer, targetId: target.id || idOf(e.pointer), target, text: label ? texts.errorLink(label, e.message) : e.message,
  }));
  // This runs on every keystroke. A live region re-announces whatever is put into it, so the
  // same list is not put in again: only a real change (an error more, fewer, or reworded) is read.
  if (!shown.length) {
    alert.replaceChildren();
    shownLists.delete(alert);
    return 0;
  }
  const signature = JSON.stringify([texts.ui('errorTitle'), ...links.map((l) => [l.pointer, l.targetId, l.text])]);
  if (shownLists.get(alert) === signature) return shown.length;
  shownLists.set(alert, signature);
  const list = el('ul', { class: 'ga-error-summary__list' });
  for (const { pointer, targetId, target, text } of links) {
    const link = el('a', { href: `#${targetId}`, text });
    link.addEventListener('click', (ev) => {
      ev.preventDefault();
      if (options.follow) {
        options.follow(pointer, targetId);
        return;
      }
      // Looked up when clicked: a list kept from an earlier evaluation outlives the controls a
      // re-render (an item added, the language switched) replaced.
      const $target = document.getElementById(targetId) ?? target;
      $target.focus();
      $target.scrollIntoView({ block: 'center' });
    });
    list.append(el('li', {}, link));
  }
  alert.replaceChildren(el('h2', { class: 'ga-error-summary__title', text: texts.ui('errorTitle') }), list);
  return shown.length;
}
