// Shared by the layout tests of the applicant's page (layout.spec.mjs) and the organiser's
// (organiser.spec.mjs). checkControls runs in the page (page.evaluate(checkControls)): it must
// not use anything from this module's scope.
// Every visible, enabled control on the page, each scrolled into view and hit-tested at its
// centre, in one call (a Playwright round trip per control would take minutes on CI's 2 cores).
// A control drawn by something else (a visually hidden file input inside its label button) is
// tested through its label. The skip link is off screen until focused: keyboard.spec.mjs.
// Returns the problems found, as text.
export function checkControls() {
  const problems = [];
  const describe = (e) => `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${(e.getAttribute('aria-label') ?? e.textContent ?? '').trim().slice(0, 40)}"`;
  const overflow = document.scrollingElement.scrollWidth - window.innerWidth;
  if (overflow > 0) problems.push(`the page scrolls sideways by ${overflow} px`);
  for (const control of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
    if (control.disabled || control.classList.contains('ga-skip') || !control.checkVisibility({ visibilityProperty: true })) continue;
    const box = control.getBoundingClientRect();
    const drawnByLabel = box.width <= 1 || box.height <= 1;
    const target = drawnByLabel ? control.labels?.[0] : control;
    if (!target) { problems.push(`${describe(control)}: visually hidden with no label to press`); continue; }
    target.scrollIntoView({ block: 'center', inline: 'center' });
    // The first line's box: a link that wraps has an empty middle in its bounding box.
    const r = target.getClientRects()[0];
    if (!r || r.width === 0 || r.height === 0) { problems.push(`${describe(control)}: no box`); continue; }
    const x = r.left + r.width / 2;
    const y = r.top + r.height / 2;
    if (x < 0 || y < 0 || x >= window.innerWidth || y >= window.innerHeight) {
      problems.push(`${describe(control)}: centre (${Math.round(x)}, ${Math.round(y)}) outside the window`);
      continue;
    }
    const hit = document.elementFromPoint(x, y);
    if (hit !== target && !target.contains(hit)) problems.push(`${describe(control)}: covered by ${hit ? describe(hit) : 'nothing'}`);
  }
  return problems;
}
