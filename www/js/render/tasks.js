// The task list (GOV.UK "complete multiple tasks" pattern): every section of the form as a
// link to its step with its status, and "Check your answers" last. The status is read from the
// core's evaluation of the section (hidden, complete, filled); "Has errors" needs an error the
// applicant has been shown (a touched field, a Continue, a whole-application check), so an
// untouched section is "Not started", not a wall of red.
// On a narrow screen the list is a disclosure above the step ("Sections (3 of 10 completed)"),
// closed until opened, so it never lies over the form; on a wide one it is the side column and
// the toggle is not shown (app.css).
import { el } from './field.js';
import { REVIEW } from './steps.js';

// onlyDefaults: the section holds nothing but the schema's defaults (no one has answered it yet).
// visited: the applicant has opened its step. A section of optional questions only is complete
// while empty, but it is not "Completed" before the applicant has seen it or answered in it.
export function statusOf(section, shownErrors, onlyDefaults = false, visited = true) {
  if (section.hidden) return 'notNeeded';
  if (onlyDefaults) return 'notStarted';
  if (section.complete && section.filled === 0 && !visited) return 'notStarted';
  if (section.complete) return 'completed';
  if (shownErrors > 0) return 'hasErrors';
  return section.filled > 0 ? 'inProgress' : 'notStarted';
}

// Opens or closes the narrow screen's disclosure (the wide layout ignores its state).
function setOpen(nav, open) {
  nav.dataset.open = String(open);
  nav.querySelector('.ga-tasks__toggle')?.setAttribute('aria-expanded', String(open));
}

// nav = { current, hrefFor(step), go(step), shownErrors: Map(section id → count),
//         onlyDefaults: Set(section ids holding only the schema's defaults),
//         visited: Set(section ids whose step the applicant has opened; absent: all) }.
// The list is updated in place, item by item: an evaluation that lands between the press and the
// release of a click on a section (a blur evaluates what was typed) must not replace the link
// under the pointer, or the click is lost.
export function renderTasks(list, ev, texts, nav = {}) {
  const box = list.closest('.ga-tasks');
  const toggle = box?.querySelector('.ga-tasks__toggle');
  if (toggle && !toggle.dataset.wired) {
    toggle.dataset.wired = '1';
    toggle.addEventListener('click', () => setOpen(box, box.dataset.open !== 'true'));
  }
  list.gaNav = nav;  // the links' click handlers read the latest
  const items = [];
  const item = (id, title, status, detail) => {
    const statusId = `task-${id}-status`;
    const linked = status !== 'notNeeded';
    const old = list.querySelector(`:scope > li[data-task="${CSS.escape(id)}"]`);
    const li = old && (old.firstElementChild?.tagName === 'A') === linked ? old : el('li', { 'data-task': id });
    li.className = `ga-task ga-task--${status ?? 'review'}`;
    // A section the rules hide is listed (so the applicant sees why it is missing) but not linked.
    let name = li.firstElementChild;
    if (!name) {
      name = linked ? el('a', { class: 'ga-task__name' }) : el('span', { class: 'ga-task__name' });
      if (linked) {
        name.addEventListener('click', (e) => {
          const current = list.gaNav;
          if (!current?.go) return;
          e.preventDefault();
          // On a phone the chosen step is what the applicant wants to see next, not the list.
          if (box) setOpen(box, false);
          current.go(id);
        });
      }
      li.append(name);
    }
    if (name.textContent !== title) name.textContent = title;
    if (linked) {
      name.setAttribute('href', nav.hrefFor ? nav.hrefFor(id) : '#');
      toggleAttribute(name, 'aria-describedby', status ? statusId : null);
      toggleAttribute(name, 'aria-current', nav.current === id ? 'step' : null);
    }
    const rest = [];
    if (status) {
      rest.push(el('strong', { class: `ga-tag ga-tag--${status}`, id: statusId, text: texts.ui(status) }));
      if (detail) rest.push(el('span', { class: 'ga-task__detail', text: detail }));
    }
    while (name.nextSibling) name.nextSibling.remove();
    li.append(...rest);
    items.push(li);
  };
  let done = 0;
  let total = 0;
  for (const s of ev.sections) {
    const status = statusOf(s, nav.shownErrors?.get(s.id) ?? 0, nav.onlyDefaults?.has(s.id) ?? false, nav.visited?.has(s.id) ?? true);
    item(s.id, s.title, status, status === 'notNeeded' ? '' : texts.ui('fieldsFilled', { filled: s.filled, fields: s.fields }));
    if (status !== 'notNeeded') total += 1;
    if (status === 'completed') done += 1;
  }
  item(REVIEW, texts.ui('checkAnswers'), null, '');
  // Kept items stay where they are (moving a node would drop a press on it); others are put in order.
  items.forEach((li, i) => { if (list.children[i] !== li) list.insertBefore(li, list.children[i] ?? null); });
  while (list.children.length > items.length) list.lastElementChild.remove();
  if (toggle) toggle.textContent = texts.ui('tasksToggle', { done, total });
}

function toggleAttribute(node, name, value) {
  if (value === null || value === undefined) node.removeAttribute(name);
  else if (node.getAttribute(name) !== value) node.setAttribute(name, value);
}
