// The task list (GOV.UK "complete multiple tasks" pattern): every section of the form as a
// link to its step with its status, and "Check your answers" last. The status is read from the
// core's evaluation of the section (hidden, complete, filled); "Has errors" needs an error the
// applicant has been shown (a touched field, a Continue, a whole-application check), so an
// untouched section is "Not started", not a wall of red.
import { el } from './field.js';
import { REVIEW } from './steps.js';

// onlyDefaults: the section holds nothing but the schema's defaults (no one has answered it yet).
export function statusOf(section, shownErrors, onlyDefaults = false) {
  if (section.hidden) return 'notNeeded';
  if (onlyDefaults) return 'notStarted';
  if (section.complete) return 'completed';
  if (shownErrors > 0) return 'hasErrors';
  return section.filled > 0 ? 'inProgress' : 'notStarted';
}

// nav = { current, hrefFor(step), go(step), shownErrors: Map(section id → count),
//         onlyDefaults: Set(section ids holding only the schema's defaults) }.
export function renderTasks(list, ev, texts, nav = {}) {
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
  for (const s of ev.sections) {
    const status = statusOf(s, nav.shownErrors?.get(s.id) ?? 0, nav.onlyDefaults?.has(s.id) ?? false);
    item(s.id, s.title, status, status === 'notNeeded' ? '' : texts.ui('fieldsFilled', { filled: s.filled, fields: s.fields }));
  }
  item(REVIEW, texts.ui('checkAnswers'), null, '');
}
