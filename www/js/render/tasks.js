// The task list: each section with its state from the core (complete, errors, hidden).
import { el } from './field.js';

export function renderTasks(list, ev, texts) {
  list.replaceChildren();
  for (const s of ev.sections) {
    const state = s.hidden ? texts.ui('hiddenSection') : s.complete ? texts.ui('complete') : texts.ui('incomplete');
    const link = el('a', { href: `#section-${s.id}`, text: s.title });
    link.addEventListener('click', (e) => {
      e.preventDefault();
      const h = document.getElementById(`section-${s.id}-h`);
      h?.focus();
      h?.scrollIntoView({ block: 'start' });
    });
    list.append(el('li', { class: `ga-task ga-task--${s.complete ? 'done' : 'todo'}` }, link,
      el('span', { class: 'ga-task__state', text: ` — ${state} (${s.filled}/${s.fields})` })));
  }
}
