// Keeping the draft while the applicant types, and the same draft in two tabs (issue #13, points
// 2 and 5). The page no longer writes the draft on every keystroke (that cost more than the
// evaluation): it writes at most every 400 ms and whenever the page is left. Two tabs of the
// same draft learn of each other's writes and merge them; a question both changed differently
// waits for the applicant's choice, and nothing either tab typed is lost without it.
import { test, expect } from '@playwright/test';
import { pageReady } from './page-ready.mjs';

const OPEN = '?now=2023-04-15T10:00:00%2B08:00&lang=en';
const FORM = 'bluetech-2023-company';
const KEY = `greenapply:draft:${FORM}`;

async function openForm(page, query = OPEN) {
  await page.goto(`./${query}`);
  await pageReady(page);
}
const stored = async (page) => JSON.parse(await page.evaluate((k) => localStorage.getItem(k) ?? 'null', KEY));
const storedAnswer = async (page, section, field) => (await stored(page))?.answers?.[section]?.[field];

test.describe('saving while typing', () => {
  test('typing is evaluated when it pauses, not on every key, and the pause sees every key', async ({ page }) => {
    await openForm(page);
    const name = page.getByLabel('Project or product name');
    await name.click();
    const before = await page.evaluate(() => window.greenapply.evaluations);
    const text = 'Vanadium flow battery for island grids';
    await page.keyboard.type(text, { delay: 20 });
    const during = await page.evaluate(() => window.greenapply.evaluations);
    // 38 keys 20 ms apart: no pause of 250 ms, so at most one evaluation slipped in on a slow machine.
    expect(during - before).toBeLessThanOrEqual(1);
    await expect.poll(() => page.evaluate(() => window.greenapply.evaluation.submitted.applicant?.project_name)).toBe(text);
    // Leaving the box evaluates too (a Tab right after the last key).
    await name.press('End');
    await page.keyboard.type(' 2');
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => window.greenapply.evaluation.submitted.applicant?.project_name)).toBe(`${text} 2`);
  });

  test('typing writes the draft a few times, not on every key, and all of it within a moment', async ({ page }) => {
    // Counts the page's writes of this form's draft.
    await page.addInitScript((key) => {
      window.__writes = 0;
      const setItem = Storage.prototype.setItem;
      Storage.prototype.setItem = function (k, v) {
        if (k === key) window.__writes += 1;
        return setItem.call(this, k, v);
      };
    }, KEY);
    await openForm(page);
    const name = page.getByLabel('Project or product name');
    await name.click();
    const text = 'Vanadium flow battery for island grids';
    await page.keyboard.type(text, { delay: 20 });
    await expect.poll(() => storedAnswer(page, 'applicant', 'project_name')).toBe(text);
    const writes = await page.evaluate(() => window.__writes);
    expect(writes).toBeGreaterThan(0);
    expect(writes).toBeLessThan(text.length / 2);
  });

  test('a reload straight after typing loses nothing', async ({ page }) => {
    await openForm(page);
    const name = page.getByLabel('Project or product name');
    await name.fill('Tidal');
    await name.press('End');
    await page.keyboard.type(' turbine');
    // No wait: the page is left at once; pagehide writes what the timer has not yet.
    await page.reload();
    await pageReady(page);
    await expect(page.getByLabel('Project or product name')).toHaveValue('Tidal turbine');
  });

  test('going to another page straight after typing loses nothing', async ({ page }) => {
    await openForm(page);
    await page.getByLabel('Project or product name').fill('Offshore hydrogen');
    await page.goto('./forms.html');
    await openForm(page);
    await expect(page.getByLabel('Project or product name')).toHaveValue('Offshore hydrogen');
  });
});

test.describe('the same draft in two tabs', () => {
  test('answers typed in one tab appear in the other, which says so, and both are kept', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await openForm(a);
    await openForm(b);
    await a.getByLabel('Project or product name').fill('Seawater electrolysis');
    // B learns of A's answer, shows it and says where it came from.
    const notice = b.getByRole('status').filter({ hasText: 'Answers from your other tab were added here' });
    await expect(notice).toBeVisible();
    await expect(notice.getByRole('listitem')).toHaveText(['Project or product name']);
    await expect(b.getByLabel('Project or product name')).toHaveValue('Seawater electrolysis');
    // B's own answer to another question goes on top, and A gets it back: nothing is lost.
    await b.getByLabel('One-sentence summary').fill('Hydrogen from seawater without desalination.');
    await expect(a.getByLabel('One-sentence summary')).toHaveValue('Hydrogen from seawater without desalination.', { timeout: 10_000 });
    await expect.poll(async () => [await storedAnswer(a, 'applicant', 'project_name'), await storedAnswer(a, 'applicant', 'one_line_pitch')])
      .toEqual(['Seawater electrolysis', 'Hydrogen from seawater without desalination.']);
  });

  // Two tabs that write at nearly the same moment each write before the other's write reaches
  // them. That race is played here without timing: tab A saves its answer, then another tab's
  // write arrives that was made over the state before A's write (its `base` names the draft it
  // had seen: none), as the slower of two racing tabs writes.
  async function racingWrite(context, answer) {
    const other = await context.newPage();
    await other.goto('./forms.html');
    await other.evaluate(([key, form, value]) => localStorage.setItem(key, JSON.stringify({
      form, version: '1.1.0', saved_at: new Date().toISOString(), rev: 'other-tab-1', answers: { applicant: { project_name: value } },
    })), [KEY, FORM, answer]);
    await other.close();
  }

  test('a question both tabs answered differently waits for the applicant’s choice, in both languages', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await openForm(a);
    await openForm(b);
    await a.getByLabel('Project or product name').fill('Answer typed in tab A');
    await expect.poll(() => storedAnswer(a, 'applicant', 'project_name')).toBe('Answer typed in tab A');
    await racingWrite(context, 'Answer typed in tab C');
    const alert = a.getByRole('alert').filter({ hasText: 'This draft was changed in another tab too' });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('listitem')).toHaveText(['Project or product name']);
    // Tab A keeps showing its own answer and saves nothing until the applicant chooses.
    await expect(a.getByLabel('Project or product name')).toHaveValue('Answer typed in tab A');
    await a.getByLabel('One-sentence summary').fill('Typed while the tabs disagree.');
    await expect(a.locator('#save-status')).toContainText('also changed in another tab');
    await a.waitForTimeout(1000);
    expect(await storedAnswer(a, 'applicant', 'project_name')).toBe('Answer typed in tab C');
    // In Chinese, the same choice in Chinese.
    await a.getByRole('button', { name: '中文' }).click();
    await expect(a.getByRole('alert').filter({ hasText: '此草稿也在另一个标签页中被修改' })).toBeVisible();
    await a.getByRole('button', { name: 'English' }).click();
    // Keeping tab A's answers writes them, with what was typed meanwhile; tab B then shows them.
    await a.getByRole('button', { name: 'Keep this tab’s answers' }).click();
    await expect(alert).toBeHidden();
    await expect.poll(() => storedAnswer(a, 'applicant', 'project_name')).toBe('Answer typed in tab A');
    expect(await storedAnswer(a, 'applicant', 'one_line_pitch')).toBe('Typed while the tabs disagree.');
    await expect(b.getByLabel('Project or product name')).toHaveValue('Answer typed in tab A');
    await expect(b.getByRole('status').filter({ hasText: 'Answers from your other tab were added here' })).toBeVisible();
  });

  test('taking the other tab’s answer puts it in place', async ({ context }) => {
    const a = await context.newPage();
    await openForm(a);
    await a.getByLabel('Project or product name').fill('Mine');
    await expect.poll(() => storedAnswer(a, 'applicant', 'project_name')).toBe('Mine');
    await racingWrite(context, 'Theirs');
    await a.getByRole('button', { name: 'Use the other tab’s answers' }).click();
    await expect(a.getByLabel('Project or product name')).toHaveValue('Theirs');
    expect(await storedAnswer(a, 'applicant', 'project_name')).toBe('Theirs');
  });

  test('a draft discarded in the other tab is kept here until the applicant chooses', async ({ context }) => {
    const a = await context.newPage();
    const b = await context.newPage();
    await openForm(a);
    await a.getByLabel('Project or product name').fill('Keep me');
    await expect.poll(() => storedAnswer(a, 'applicant', 'project_name')).toBe('Keep me');
    await openForm(b);
    b.once('dialog', (d) => d.accept());
    await b.getByRole('button', { name: 'Discard this draft' }).click();
    const alert = a.getByRole('alert').filter({ hasText: 'This draft was discarded in another tab' });
    await expect(alert).toBeVisible();
    await expect(a.getByLabel('Project or product name')).toHaveValue('Keep me');
    expect(await stored(a)).toBeNull();
    await alert.getByRole('button', { name: 'Keep this tab’s answers' }).click();
    expect(await storedAnswer(a, 'applicant', 'project_name')).toBe('Keep me');
  });
});
