// What a first visit leaves out and fetches later (BENCHMARKS.md, page weight): the full core
// (greenapply-full.mjs: the writers and the matcher) and the review's code (js/review-step.js).
// A first visit to an ordinary form fetches neither; a need form runs on the full core from the
// start; and when one of them cannot be fetched when it is needed (the phone lost its
// connection), the page says so in the applicant's language, keeps every answer, and the next
// try works.
import { test, expect } from '@playwright/test';
import { draftFile, loadPackage } from './fill-form.mjs';
import { pageReady } from './page-ready.mjs';

const NOW = '2023-04-15T10:00:00%2B08:00';
const pathsOf = (requests) => requests.map((u) => new URL(u).pathname);

test('a first visit fetches the small core only; a need form the full core only', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(`./?now=${NOW}&lang=en`);
  await pageReady(page);
  let paths = pathsOf(requests);
  expect(paths).toContain('/greenapply.wasm');
  expect(paths.filter((p) => /greenapply-full|review-step/.test(p))).toEqual([]);

  requests.length = 0;
  await page.goto(`./?now=${NOW}&lang=en#form=wipo-green-need`);
  await page.reload();
  await pageReady(page);
  paths = pathsOf(requests);
  expect(paths).toContain('/greenapply-full.wasm');
  expect(paths).not.toContain('/greenapply.wasm');
});

// js/warm-up.js: while the form's files are on the network, the core loads a small package of
// its own so that V8 compiles the load path then. The core must accept that package (else the
// warm-up compiles a refusal's path only), on both cores, and the form must not notice it.
for (const form of ['bluetech-2023-company', 'wipo-green-need']) {
  test(`while the form's files are on their way the core warms up on its own package (${form})`, async ({ page }) => {
    await page.route(`**/schemas/${form}/**`, async (r) => { await new Promise((done) => setTimeout(done, 300)); await r.continue(); });
    await page.goto(`./?now=${NOW}&lang=en#form=${form}`);
    await page.reload();
    await pageReady(page);
    const warmUps = await page.evaluate(() => performance.getEntriesByName('ga:warm-up', 'measure').map((m) => m.detail));
    expect(warmUps).toEqual([{ ok: true }]);
  });
}

for (const [lang, button, failed] of [
  ['en', 'Download application (JSON)', 'The file could not be made'],
  ['zh', '下载申报材料（JSON）', '无法生成文件'],
]) {
  test(`an export whose core cannot be fetched says so and keeps the answers, and works once it can (${lang})`, async ({ page, request }) => {
    const pkg = await loadPackage(request, 'bluetech-2023-company', 'examples/02-strong.json');
    await page.goto(`./?now=${encodeURIComponent(pkg.example.now)}&lang=${lang}`);
    await pageReady(page);
    await page.locator('#import-draft').setInputFiles(draftFile(pkg, pkg.example.answers));
    // The draft is opened asynchronously: its answers, once they are in.
    await expect.poll(() => page.evaluate(() => Object.keys(window.greenapply.answers).length)).toBeGreaterThan(0);
    const answers = await page.evaluate(() => window.greenapply.answers);
    await page.getByRole('navigation').getByRole('link', { name: lang === 'zh' ? '检查并确认申报信息' : 'Check your answers', exact: true }).click();

    await page.route('**/greenapply-full.*', (r) => r.abort('internetdisconnected'));
    let downloads = 0;
    page.on('download', () => { downloads++; });
    await page.getByRole('button', { name: button }).click();
    await expect(page.locator('#export-status')).toContainText(failed);
    expect(downloads).toBe(0);
    expect(await page.evaluate(() => window.greenapply.answers)).toEqual(answers);

    await page.unroute('**/greenapply-full.*');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    await expect(page.locator('#export-status')).toHaveText('');
  });
}

test('the review whose code cannot be fetched says so, and is shown once it can be', async ({ page }) => {
  await page.route('**/js/review-step.js', (r) => r.abort('internetdisconnected'));
  await page.goto(`./?now=${NOW}&lang=en`);
  await pageReady(page);
  await page.getByLabel('Project or product name').fill('Vanadium flow battery');
  await page.getByRole('navigation').getByRole('link', { name: 'Check your answers', exact: true }).click();
  await expect(page.locator('#review-answers').getByRole('alert')).toContainText('This page could not be loaded');

  await page.unroute('**/js/review-step.js');
  await page.getByRole('link', { name: 'Back' }).click();
  await page.getByRole('navigation').getByRole('link', { name: 'Check your answers', exact: true }).click();
  await expect(page.locator('#review-answers')).toContainText('Vanadium flow battery');
  await expect(page.locator('#review-answers').getByRole('alert')).toHaveCount(0);
});
