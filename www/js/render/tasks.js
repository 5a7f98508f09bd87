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
export function renderTasks(list, ev, texts, nav = {}) {
  const box = list.closest('.ga-tasks');
  const toggle = box?.querySelector('.ga-tasks__toggle');
  if (toggle && !toggle.dataset.wired) {
    toggle.dataset.wired = '1';
    toggle.addEventListener('click', () => setOpen(box, box.dataset.open !== 'true'));
  }
  list.replaceChildren();
  const item = (id, title, status, detail) => {
    const statusId = `task-${id}-status`;
    const li = el('li', { class: `ga-task ga-task--${status ?? 'review'}` });
    // A section the rules hide is listed (so the applicant sees why it is missing) but not linked.
    if (status === 'notNeeded') {
      li.append(el('span', { class: 'ga-task__name', text: title }));
    } else {
      const link = el('a', { class: 'ga-task__name', href: nav.hrefFor ? nav.hrefFor(id) : '#', text: title,
        'aria-describedby': status ? statusId : undefined, 'aria-current': nav.current === id ? 'step' : undefined });
      link.addEventListener('click', (e) => {
        if (!nav.go) return;
        e.preventDefault();
        // On a phone the chosen step is what the applicant wants to see next, not the list.
        if (box) setOpen(box, false);
        nav.go(id);
      });
      li.append(link);
    }
    if (status) {
      li.append(el('strong', { class: `ga-tag ga-tag--${status}`, id: statusId, text: texts.ui(status) }));
      if (detail) li.append(el('span', { class: 'ga-task__detail', text: detail }));
    }
    list.append(li);
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
  if (toggle) toggle.textContent = texts.ui('tasksToggle', { done, total });
}
