// The page with the keyboard only: the skip link goes past the header and the sections list to
// the step on screen (the next Tab is its first question), and wherever focus goes — by Tab or
// moved by the page — it is on screen.
import { test, expect } from '@playwright/test';
import { REVIEW, loadPackage } from './fill-form.mjs';
import { pageReady } from './page-ready.mjs';

const PACKAGE = 'bluetech-2023-company';
const EXAMPLE = 'examples/02-strong.json';
const OPEN = `./?now=${encodeURIComponent('2023-04-15T10:00:00+08:00')}&lang=en`;

// A load of its own each time (a goto that changes only the hash would stay in the document).
async function open(page, hash = '') {
  await page.goto('about:blank');
  await page.goto(`${OPEN}${hash}`);
  await pageReady(page);
}

// The strong worked example as a stored draft, so every step and the review have content.
async function plantDraft(page, pkg) {
  const draft = { form: pkg.form.id, version: pkg.form.version, saved_at: '2023-04-15T02:00:00.000Z', answers: pkg.example.answers };
  await page.addInitScript(([key, text]) => {
    if (!localStorage.getItem(key)) localStorage.setItem(key, text);
  }, [`greenapply:draft:${pkg.form.id}`, JSON.stringify(draft)]);
}

// The focused element's box intersects the window (a 1 px visually hidden input counts by its box).
const focusedOnScreen = () => {
  const e = document.activeElement;
  if (!e || e === document.body) return { name: 'body', onScreen: true };
  const r = e.getBoundingClientRect();
  const onScreen = r.bottom > 0 && r.right > 0 && r.top < window.innerHeight && r.left < window.innerWidth;
  return { name: `${e.tagName.toLowerCase()}${e.id ? `#${e.id}` : ''} "${(e.textContent ?? '').trim().slice(0, 30)}"`, onScreen,
    box: [Math.round(r.left), Math.round(r.top), Math.round(r.width), Math.round(r.height)], skip: e.classList.contains('ga-skip'),
    collapsed: e.getAttribute('aria-expanded') === 'false' };
};

// Tab from the top of the page until focus comes round again; every stop is on screen. A
// collapsed disclosure on the way (the sections list on a phone) is opened with Enter, as an
// applicant would, so its links and the draft tools are walked too. Returns the stops.
async function tabThrough(page) {
  const stops = [];
  const offScreen = [];
  for (let i = 0; i < 400; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(focusedOnScreen);
    if ((f.skip && i > 0) || f.name === 'body') break;
    stops.push(f.name);
    if (!f.onScreen) offScreen.push(`${f.name} at ${f.box}`);
    if (f.collapsed) {
      await page.keyboard.press('Enter');
      expect(await page.evaluate(focusedOnScreen)).toMatchObject({ onScreen: true });
    }
  }
  return { stops, offScreen };
}

test('Skip to the form, then Tab: the first question of the step on screen, not the sections list', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await open(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to the form' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Applicant and track', exact: true })).toBeFocused();
  await page.keyboard.press('Tab');
  // "Track" is the step's first question: a radio group, entered at its first option.
  await expect(page.getByRole('group', { name: 'Track', exact: true }).getByRole('radio', { name: 'New energy', exact: true })).toBeFocused();
  expect(await page.evaluate(focusedOnScreen)).toMatchObject({ onScreen: true });
});

test('the skip link keeps the step the address names, and on the review goes to its heading', async ({ page, request }) => {
  const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
  await plantDraft(page, pkg);
  await page.setViewportSize({ width: 390, height: 844 });
  // A later step: the skip link must not send the applicant back to the first one.
  await open(page, `#form=${PACKAGE}&step=contact`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/step=contact/);
  await expect(page.getByRole('heading', { level: 2, name: 'Contact person', exact: true })).toBeFocused();
  expect(await page.evaluate(focusedOnScreen)).toMatchObject({ onScreen: true });
  await page.keyboard.press('Tab');
  await expect(page.getByRole('region', { name: 'Contact person' }).getByLabel('Name', { exact: true })).toBeFocused();

  await open(page, `#form=${PACKAGE}&step=${REVIEW}`);
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(new RegExp(`step=${REVIEW}`));
  await expect(page.getByRole('heading', { level: 2, name: 'Check your answers', exact: true })).toBeFocused();
  expect(await page.evaluate(focusedOnScreen)).toMatchObject({ onScreen: true });
});

for (const [width, height] of [[1280, 720], [390, 844]]) {
  test(`at ${width}×${height} every element Tab reaches is on screen, on a step and on the review`, async ({ page, request }) => {
    test.setTimeout(90_000);
    const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
    await plantDraft(page, pkg);
    await page.setViewportSize({ width, height });
    for (const step of ['applicant', REVIEW]) {
      await open(page, `#form=${PACKAGE}&step=${step}`);
      const { stops, offScreen } = await tabThrough(page);
      // The walk went through the sections list and the draft tools, not only the header.
      expect(stops).toEqual(expect.arrayContaining(['a "Check your answers"', 'button#discard "Discard this draft"']));
      expect(offScreen, `${step} at ${width} px`).toEqual([]);
    }
  });
}

test('on a phone, Continue moves focus to the next step\'s heading, on screen; the sections list stays closed', async ({ page, request }) => {
  const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
  await plantDraft(page, pkg);
  await page.setViewportSize({ width: 390, height: 844 });
  await open(page, `#form=${PACKAGE}&step=applicant`);
  const sections = page.getByRole('button', { name: /^Sections \(\d+ of 10 completed\)$/ });
  await expect(sections).toHaveAttribute('aria-expanded', 'false');
  await page.getByRole('region', { name: 'Applicant and track' }).getByRole('button', { name: 'Continue' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Company profile', exact: true })).toBeFocused();
  expect(await page.evaluate(focusedOnScreen)).toMatchObject({ onScreen: true });
  await expect(page.getByText('Step 2 of 10', { exact: true })).toBeInViewport();
  // Opened, a section chosen from it: that step, focused and on screen, and the list closed again.
  await sections.click();
  await expect(sections).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('navigation').getByRole('link', { name: 'Market', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Market', exact: true })).toBeFocused();
  expect(await page.evaluate(focusedOnScreen)).toMatchObject({ onScreen: true });
  await expect(sections).toHaveAttribute('aria-expanded', 'false');
});
