// Small things an applicant meets between pages (issue #13 point 10): the start screen and the
// form judge the round at the same moment and speak the same language (?now and ?lang travel on
// every link between them); a form opened by its address fetches its own files early, not the
// default form's; a section of optional questions is not "Completed" before anyone has seen it.
import { test, expect } from '@playwright/test';
import { pageReady } from './page-ready.mjs';

const DURING = encodeURIComponent('2023-04-15T10:00:00+08:00');
const AFTER = encodeURIComponent('2023-05-02T09:00:00+08:00');
const COMPANY = 'Bluetech Carbon Neutrality Pioneers Award 2023 — company application';

test('?now and ?lang go from the start screen to a form and back', async ({ page }) => {
  // A day in the round: the list says "Open now", and so must the form (without ?now it would
  // judge by today's date, long after the round).
  await page.goto(`./forms.html?now=${DURING}&lang=en`);
  await pageReady(page);
  const open = 'Open now: closes at the end of 30 April 2023 (Beijing time).';
  await expect(page.getByText(open)).toHaveCount(2);
  await page.getByRole('link', { name: COMPANY, exact: true }).click();
  await pageReady(page);
  await expect(page.getByText(/^Applications are open/)).toBeVisible();
  await page.getByRole('link', { name: 'All forms', exact: true }).click();
  await pageReady(page);
  await expect(page.getByText(open)).toHaveCount(2);

  // In Chinese: the language chosen on the start screen is the form's.
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '选择表单' })).toBeVisible();
  await page.getByRole('link', { name: '2023年创蓝碳中和先锋奖 — 企业申报表', exact: true }).click();
  await pageReady(page);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('heading', { level: 1, name: '2023年创蓝碳中和先锋奖 — 企业申报表' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('now')).toBe('2023-04-15T10:00:00+08:00');
  await page.getByRole('link', { name: '全部表单', exact: true }).click();
  await pageReady(page);
  await expect(page.getByRole('heading', { level: 1, name: '选择表单' })).toBeVisible();
  expect(new URL(page.url()).searchParams.get('now')).toBe('2023-04-15T10:00:00+08:00');
});

// Which package files the page asked for (every fetch and preload is a resource entry).
const fetchedPackages = (page) => page.evaluate(() => [...new Set(performance.getEntriesByType('resource')
  .map((r) => new URL(r.name).pathname.match(/\/schemas\/([^/]+)\/[^/]+\.json$/)?.[1]).filter((p) => p && p !== 'common'))]);

test('a form named in the address preloads its own files, not the default form\'s', async ({ page }) => {
  await page.goto(`./?now=${AFTER}&lang=en#form=wipo-green-need`);
  await pageReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'WIPO GREEN — submit a green technology need' })).toBeVisible();
  expect(await fetchedPackages(page)).toEqual(['wipo-green-need']);
  expect(await page.locator('link[rel=preload][href="schemas/wipo-green-need/form.json"]').count()).toBe(1);

  // The default form (no form in the address) is preloaded as before.
  await page.goto('about:blank');
  await page.goto(`./?now=${AFTER}&lang=en`);
  await pageReady(page);
  expect(await fetchedPackages(page)).toEqual(['bluetech-2023-company']);
  expect(await page.locator('link[rel=preload][href="schemas/bluetech-2023-company/form.json"]').count()).toBe(1);
});

test('a section of optional questions only is not "Completed" before it is opened, in both languages', async ({ page }) => {
  await page.goto(`./?now=${AFTER}&lang=en#form=wipo-green-technology`);
  await pageReady(page);
  const nav = page.getByRole('navigation');
  const brochure = nav.getByRole('link', { name: 'Picture or brochure', exact: true });
  await expect(brochure).toHaveAccessibleDescription('Not started');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  const brochureZh = nav.getByRole('link', { name: '图片或宣传资料', exact: true });
  await expect(brochureZh).toHaveAccessibleDescription('未开始');
  // Opened: nothing in it is required, so it is complete now that the applicant has seen it.
  await brochureZh.click();
  await expect(page.getByRole('heading', { level: 2, name: '图片或宣传资料', exact: true })).toBeFocused();
  await expect(brochureZh).toHaveAccessibleDescription('已完成');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(brochure).toHaveAccessibleDescription('Completed');
  await expect(nav.getByRole('button', { name: /^Sections/ })).toHaveCount(0); // wide screen: a column, no toggle
});
