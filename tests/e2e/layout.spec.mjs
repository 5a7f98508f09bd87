// The page at the widths applicants use, from a small phone to a laptop: every visible control of
// every step and of "Check your answers" can be reached (it is the element under its own centre
// once scrolled to, so nothing lies over it: the old sticky task list covered "Continue" below
// 1,100 px), and nothing makes the page scroll sideways. On narrow screens the sections list is a
// disclosure above the step, closed until the applicant opens it.
import { test, expect } from '@playwright/test';
import { REVIEW, loadPackage } from './fill-form.mjs';
import { checkControls } from './reachable.mjs';
import { pageReady } from './page-ready.mjs';

const PACKAGE = 'bluetech-2023-company';
const EXAMPLE = 'examples/02-strong.json';
const WIDTHS = [320, 390, 768, 1024, 1280];
const NARROW = 1100;  // below this the layout is one column (app.css)

// A fairly full draft (the strong worked example: a team, patents, every attachment), planted in
// storage before the page runs, as a returning applicant has it.
async function openWithDraft(page, pkg) {
  const draft = { form: pkg.form.id, version: pkg.form.version, saved_at: '2023-04-15T02:00:00.000Z', answers: pkg.example.answers };
  await page.addInitScript(([key, text]) => {
    if (!localStorage.getItem(key)) localStorage.setItem(key, text);
  }, [`greenapply:draft:${pkg.form.id}`, JSON.stringify(draft)]);
  await page.goto(`./?now=${encodeURIComponent(pkg.example.now)}&lang=en`);
  await pageReady(page);
}

for (const width of WIDTHS) {
  test(`at ${width} px every control of every step and of the review is reachable, nothing overflows`, async ({ page, request }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height: width < 800 ? 800 : 900 });
    const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
    await openWithDraft(page, pkg);
    const steps = await page.evaluate(() => window.greenapply.evaluation.sections.filter((s) => !s.hidden).map((s) => s.id));
    expect(steps.length).toBeGreaterThan(5);
    const sections = page.getByRole('navigation', { name: /^Sections/ });
    for (const step of [...steps, REVIEW]) {
      // The hash is the step's address (steps.js): the page follows it as it does browser back.
      await page.evaluate((s) => { location.hash = `form=${encodeURIComponent('bluetech-2023-company')}&step=${s}`; }, step);
      await expect(page.locator('body')).toHaveAttribute('data-step', step);
      expect.soft(await page.evaluate(checkControls), `step ${step} at ${width} px`).toEqual([]);
    }
    // The draft tools stay reachable at every width: on a phone, inside the sections disclosure.
    if (width < NARROW) {
      const toggle = page.getByText(/^Sections \(\d+ of \d+ completed\)$/);
      await expect(toggle).toBeVisible();
      await expect(page.getByRole('button', { name: 'Save draft to a file' })).toBeHidden();
      await toggle.click();
      expect.soft(await page.evaluate(checkControls), `sections opened at ${width} px`).toEqual([]);
    }
    await expect(sections.getByRole('button', { name: 'Save draft to a file' })).toBeVisible();
    await expect(sections.getByRole('button', { name: 'Discard this draft' })).toBeVisible();
    await expect(sections.getByText('Open a draft file')).toBeVisible();
  });
}
