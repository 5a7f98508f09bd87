// The need form's match panel tells the seeker which opened technology entries pass the
// technology form's own checks (as `greenapply match` does in its valid/errors columns), in words
// for someone who did not write the entry; an entry is checked once, when it is opened, and the
// ranking follows the need's answers as they are typed.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pageReady } from './page-ready.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const schemas = path.resolve('../../schemas');
const json = (p) => JSON.parse(readFileSync(path.join(schemas, p), 'utf8'));
const techExample = (f) => ({ name: f, mimeType: 'application/json', buffer: readFileSync(path.join(schemas, 'wipo-green-technology/examples', f)) });

test.use({ bypassCSP: true });

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

// The need form with the VOC need (worked example 01) as the draft, in the given language.
async function openNeed(page, lang) {
  await page.goto(`./?now=2026-06-01T10:00:00%2B08:00&lang=${lang}#form=wipo-green-need`);
  await pageReady(page);
  const need = json('wipo-green-need/examples/01-strong-beijing-voc.json');
  const draft = { form: 'wipo-green-need', version: json('wipo-green-need/form.json').version, saved_at: '2026-06-01T02:00:00Z', answers: need.answers };
  await page.getByLabel(lang === 'zh' ? '打开草稿文件' : 'Open a draft file')
    .setInputFiles({ name: 'need.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
  return page.getByRole('region', { name: json(`wipo-green-need/i18n/${lang}.json`)['match.title'] });
}

const entry = (panel, title) => panel.getByRole('listitem').filter({ has: panel.page().getByRole('heading', { level: 3, name: title, exact: true }) });
const titleOf = (f) => json(`wipo-green-technology/examples/${f}`).answers.technology.title;

test('each ranked entry says whether it passes the technology form, with its first problems for the seeker', async ({ page }) => {
  const panel = await openNeed(page, 'en');
  await panel.getByLabel('Open technology entries (JSON files)').setInputFiles(
    ['06-chinese.json', '04-invalid.json', '03-weak.json'].map(techExample));

  // A valid entry, and one that is valid with a warning: "Valid", nothing listed.
  for (const f of ['06-chinese.json', '03-weak.json']) {
    await expect(entry(panel, titleOf(f)).getByText('Valid', { exact: true })).toBeVisible();
    await expect(entry(panel, titleOf(f)).getByText('It passes every check of the technology form.')).toBeVisible();
  }
  // The invalid worked example: as many problems as it has (its expected errors, which is also
  // the CLI's "errors" column), still ranked with its score, the first three in the seeker's words.
  const invalid = entry(panel, titleOf('04-invalid.json'));
  const count = json('wipo-green-technology/examples/04-invalid.json').expected.errors.length;
  await expect(invalid.getByText(`${count} problems`, { exact: true })).toBeVisible();
  await expect(invalid.getByText(/It does not pass every check of the technology form, so some of what it says may be missing or wrong/)).toBeVisible();
  await expect(invalid.getByRole('listitem')).toHaveText([
    'Technology title: too short (4 characters; the form asks for at least 5)',
    'Summary: too short (39 characters; the form asks for at least 50)',
    'Technology fields (up to three): too many (4; the form allows at most 3)',
  ]);
  await expect(invalid.getByText(`… and ${count - 3} more.`)).toBeVisible();
  await expect(invalid.getByText('Match: 70 of 100')).toBeVisible();
  expect(await axe(page)).toEqual([]);
});

test('in Chinese the problems are told in Chinese, after a language switch too', async ({ page }) => {
  const panel = await openNeed(page, 'en');
  await panel.getByLabel('Open technology entries (JSON files)').setInputFiles([techExample('04-invalid.json')]);
  const invalid = entry(panel, titleOf('04-invalid.json'));
  await expect(invalid.getByText('13 problems', { exact: true })).toBeVisible();

  await page.getByRole('button', { name: '中文' }).click();
  const zhPanel = page.getByRole('region', { name: json('wipo-green-need/i18n/zh.json')['match.title'] });
  const zh = entry(zhPanel, titleOf('04-invalid.json'));
  await expect(zh.getByText('13 个问题', { exact: true })).toBeVisible();
  await expect(zh.getByRole('listitem').first()).toHaveText('技术名称：过短（4 个字符，表单要求至少 5 个）');
  await expect(zh.getByRole('listitem').nth(2)).toHaveText('技术领域（最多三项）：数量过多（4 项，表单最多允许 3 项）');
  await expect(zh.getByText('……另有 10 个问题。')).toBeVisible();
});

test('when the technology form cannot be loaded the panel says so and still ranks; opening files again retries', async ({ page }) => {
  const panel = await openNeed(page, 'en');
  await page.route('**/schemas/wipo-green-technology/form.json', (route) => route.abort());
  const input = panel.getByLabel('Open technology entries (JSON files)');
  await input.setInputFiles(['06-chinese.json', '04-invalid.json'].map(techExample));
  await expect(panel.getByText(/^The technology form could not be loaded, so these entries were not checked for mistakes/)).toBeVisible();
  await expect(panel.getByRole('heading', { level: 3 })).toHaveText([titleOf('06-chinese.json'), titleOf('04-invalid.json')]);
  await expect(entry(panel, titleOf('06-chinese.json')).getByText('Match: 77.5 of 100')).toBeVisible();
  await expect(panel.getByText('Valid', { exact: true })).toHaveCount(0);
  await expect(panel.getByText(/problems$/)).toHaveCount(0);

  await page.unroute('**/schemas/wipo-green-technology/form.json');
  await input.setInputFiles([techExample('03-weak.json')]);
  await expect(panel.getByText(/^The technology form could not be loaded/)).toHaveCount(0);
  await expect(panel.getByText('Valid', { exact: true })).toHaveCount(2);
  await expect(entry(panel, titleOf('04-invalid.json')).getByText('13 problems', { exact: true })).toBeVisible();
});

test('typing in the need re-ranks at once, and the entries are not fetched or checked again', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => { if (r.url().includes('/schemas/wipo-green-technology/')) requests.push(r.url()); });
  const panel = await openNeed(page, 'en');
  await panel.getByLabel('Open technology entries (JSON files)').setInputFiles(['02-typical.json', '04-invalid.json'].map(techExample));
  const solar = entry(panel, titleOf('02-typical.json'));
  await expect(solar.getByText('Valid', { exact: true })).toBeVisible();
  const keywords = solar.getByRole('row', { name: /Keywords/ });
  await expect(keywords.getByRole('cell').first()).toHaveText('0 / 15');
  const fetched = requests.length;
  expect(fetched).toBeGreaterThan(0);

  // The need's title is read for keywords: "irrigation" and "pump" are in the solar pump's text.
  const title = page.getByLabel('Need title');
  await title.fill('Solar irrigation pump for smallholder farms in the park');
  await expect(keywords.getByRole('cell').first()).not.toHaveText('0 / 15');
  await expect(keywords.getByRole('cell').nth(1)).toHaveText(/found: .*irrigation/);
  await expect(solar.getByText('Valid', { exact: true })).toBeVisible();
  await expect(entry(panel, titleOf('04-invalid.json')).getByText('13 problems', { exact: true })).toBeVisible();
  await expect(panel.getByText('Checking this entry against the technology form…')).toHaveCount(0);
  expect(requests.length).toBe(fetched);
});
