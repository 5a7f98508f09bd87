// The form: one <section> per layout section (a step, reachable from the task list), its
// fields, and repeat groups with add/remove. Rendering is cheap and re-done on structural
// changes (an item added, the language switched); values live in the answers object only.
// Every section is rendered and all but the current step are hidden (steps.js), so an error
// can be marked at its field on any step and a draft restores every control at once.
import { el, firstControlId, idOf, renderField } from './field.js';
import { getAt, setAt } from '../pointer.js';

export function renderForm(container, bundle, ctx) {
  container.replaceChildren();
  for (const section of bundle.layout.sections) {
    const sec = el('section', { class: 'ga-section', id: `section-${section.id}`, 'aria-labelledby': `section-${section.id}-h`,
      'data-section': section.id });
    // "Step 3 of 10" above the heading (GOV.UK caption); steps.js fills it, as the count
    // depends on which sections the rules show.
    sec.append(el('p', { class: 'ga-caption', 'data-progress': section.id }));
    sec.append(el('h2', { class: 'ga-section__title', id: `section-${section.id}-h`, tabindex: '-1', text: ctx.texts.text(`${section.id}.title`) }));
    const intro = `${section.id}.intro`;
    if (ctx.texts.has(intro)) sec.append(el('p', { class: 'ga-summary', text: ctx.texts.text(intro) }));
    for (const field of section.fields) {
      if (field.widget === 'repeat') sec.append(renderRepeat(bundle, field, field.pointer, ctx));
      else sec.append(renderField(field, field.pointer ?? `/computed/${field.computed}`, ctx));
    }
    const cont = el('button', { type: 'button', class: 'ga-button', 'data-continue': section.id, text: ctx.texts.ui('continue') });
    cont.addEventListener('click', () => ctx.onContinue(section.id));
    sec.append(cont);
    container.append(sec);
  }
}

function renderRepeat(bundle, field, pointer, ctx) {
  const items = Array.isArray(getAt(ctx.answers, pointer)) ? getAt(ctx.answers, pointer) : [];
  const patternPointer = pointer;
  const id = idOf(pointer);
  const fs = el('fieldset', { class: 'ga-fieldset ga-repeat', id, 'data-pointer': pointer, 'aria-describedby': `${id}-error` });
  fs.append(el('legend', { class: 'ga-fieldset__legend', text: ctx.texts.label(patternPointer) }),
    el('p', { class: 'ga-error-message', id: `${id}-error`, hidden: true }));
  items.forEach((_, index) => {
    const itemPointer = `${pointer}/${index}`;
    const itemLabel = ctx.texts.ui('itemN', { n: index + 1 });
    const item = el('div', { class: 'ga-repeat__item', role: 'group', 'aria-label': `${ctx.texts.label(patternPointer)} — ${itemLabel}`, 'data-pointer': itemPointer });
    item.append(el('h3', { class: 'ga-repeat__title', text: itemLabel }));
    for (const sub of field.fields ?? []) item.append(renderField(sub, `${itemPointer}/${sub.pointer}`, ctx));
    const remove = el('button', { type: 'button', class: 'ga-button ga-button--secondary',
      text: `${ctx.texts.ui('removeItem')} (${itemLabel})` });
    remove.addEventListener('click', () => {
      const list = [...getAt(ctx.answers, pointer)];
      list.splice(index, 1);
      setAt(ctx.answers, pointer, list.length ? list : undefined);
      ctx.onStructure(`${id}-add`);  // focus stays in the group, on its Add button
    });
    item.append(remove);
    fs.append(item);
  });
  const add = el('button', { type: 'button', class: 'ga-button ga-button--secondary', id: `${id}-add`,
    text: ctx.texts.ui('addItemFor', { label: ctx.texts.label(patternPointer) }) });
  add.addEventListener('click', () => {
    const list = Array.isArray(getAt(ctx.answers, pointer)) ? [...getAt(ctx.answers, pointer)] : [];
    // A new item starts with its fields' schema defaults, like a fresh draft (the core's schema facts).
    list.push(structuredClone(ctx.itemDefaults?.[pointer] ?? {}));
    setAt(ctx.answers, pointer, list);
    // Focus moves to the new item's first control, so a keyboard or screen reader user is where
    // the new answers go (the form is rendered anew: the control is named by its id).
    const first = (field.fields ?? []).find((f) => f.pointer);
    ctx.onStructure((first && firstControlId(first, `${pointer}/${list.length - 1}/${first.pointer}`)) ?? `${id}-add`);
  });
  fs.append(add);
  return fs;
}
