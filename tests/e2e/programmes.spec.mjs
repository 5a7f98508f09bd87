// The start screen lists every form by programme, and a need form ranks technology entries the
// seeker opens from files — computed by the core, in the browser, nothing uploaded.
import { test, expect } from '@playwright/test';
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pageReady } from './page-ready.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const schemas = path.resolve('../../schemas');
const json = (p) => JSON.parse(readFileSync(path.join(schemas, p), 'utf8'));

// axe is injected as a script, which the page's own CSP (rightly) forbids: bypass it here only.
test.use({ bypassCSP: true });

async function axe(page) {
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

test('the start screen lists all five forms by programme, with their deadlines, in both languages', async ({ page }) => {
  await page.goto('./forms.html?now=2023-04-15T10:00:00%2B08:00&lang=en');
  await pageReady(page);
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a form' })).toBeVisible();
  for (const name of ['Bluetech Carbon Neutrality Pioneers Award', 'WIPO GREEN', 'China Greentech WIPO IP Management Clinic']) {
    await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeVisible();
  }
  const packages = readdirSync(schemas).filter((d) => { try { return !!json(`${d}/form.json`); } catch { return false; } });
  expect(packages.length).toBe(5);
  for (const dir of packages) {
    const title = json(`${dir}/i18n/en.json`)['form.title'];
    const link = page.getByRole('link', { name: title, exact: true });
    // ?now and ?lang go on to the form, which must judge the round as this list does (links.spec.mjs).
    await expect(link).toHaveAttribute('href', `index.html?now=2023-04-15T10%3A00%3A00%2B08%3A00&lang=en#form=${dir}`);
  }
  // The Bluetech 2023 round is open on 15 April 2023; the rolling programmes say they have no deadline.
  const bluetech = page.getByRole('region', { name: 'Bluetech Carbon Neutrality Pioneers Award' });
  await expect(bluetech.getByText('Open now: closes at the end of 30 April 2023 (Beijing time).')).toHaveCount(2);
  await expect(page.getByRole('region', { name: 'WIPO GREEN' }).getByText('No deadline: submissions are accepted at any time.')).toHaveCount(2);
  // The clinic promises no "any time" intake its source does not: no deadline published, about 20 places.
  await expect(page.getByText('No deadline published; about 20 places.', { exact: true })).toHaveCount(1);
  await expect(page.getByRole('region', { name: /IP Management Clinic/ }).getByText(/any time/)).toHaveCount(0);
  expect(await axe(page)).toEqual([]);

  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '选择表单' })).toBeVisible();
  await expect(page.getByRole('region', { name: '创蓝碳中和先锋奖（Bluetech Carbon Neutrality Pioneers Award）' })
    .getByText('正在申报：2023年4月30日24:00截止（北京时间）。')).toHaveCount(2);
  expect(await axe(page)).toEqual([]);

  // After the round: closed, said plainly.
  await page.goto('./forms.html?now=2023-05-01T00:00:00%2B08:00&lang=en');
  await pageReady(page);
  await expect(page.getByText('Closed at the end of 30 April 2023 (Beijing time). You can still use the self-assessment.')).toHaveCount(2);
});

test('the start screen fetches one language; a switch that cannot fetch the other says so', async ({ page }) => {
  await page.goto('./forms.html?now=2023-04-15T10:00:00%2B08:00&lang=en');
  await pageReady(page);
  await page.route('**/texts.zh.json', (r) => r.abort('internetdisconnected'));
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The Chinese texts could not be loaded' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a form' })).toBeVisible();
  await page.unroute('**/texts.zh.json');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1, name: '选择表单' })).toBeVisible();
  await expect(page.getByText('The Chinese texts could not be loaded')).toBeHidden();
});

test('a form link opens that form, and every form links back to the list', async ({ page }) => {
  await page.goto('./forms.html?lang=en');
  await pageReady(page);
  const title = json('ip-clinic/i18n/en.json')['form.title'];
  await page.getByRole('link', { name: title, exact: true }).click();
  await pageReady(page);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await page.getByRole('link', { name: 'All forms' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Choose a form' })).toBeVisible();
});

test('a need ranks the technology entries opened from files, with the reasons', async ({ page }) => {
  const requests = [];
  page.on('request', (r) => requests.push(r.url()));
  await page.goto('./?now=2026-06-01T10:00:00%2B08:00&lang=en#form=wipo-green-need');
  await pageReady(page);
  const need = json('wipo-green-need/examples/01-strong-beijing-voc.json');
  const draft = { form: 'wipo-green-need', version: json('wipo-green-need/form.json').version, saved_at: '2026-06-01T02:00:00Z', answers: need.answers };
  await page.getByLabel('Open a draft file').setInputFiles({ name: 'need.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });

  const panel = page.getByRole('region', { name: 'Technologies that could meet this need' });
  await expect(panel.getByText('No technology entries opened yet.')).toBeVisible();
  const dir = path.join(schemas, 'wipo-green-technology/examples');
  const files = ['06-chinese.json', '02-typical.json']
    .map((f) => ({ name: f, mimeType: 'application/json', buffer: readFileSync(path.join(dir, f)) }));
  await panel.getByLabel('Open technology entries (JSON files)').setInputFiles([
    ...files,
    { name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"answers": ') },
    { name: 'company.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ applicant: { track: 'energy_storage' } })) },
  ]);
  const items = panel.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) });
  await expect(items).toHaveCount(2);
  // Best first: the low-temperature SCR technology (golden test: 77.5), then the solar pump.
  const scr = json('wipo-green-technology/examples/06-chinese.json').answers.technology.title;
  await expect(items.nth(0).getByRole('heading', { level: 3 })).toHaveText(scr);
  await expect(items.nth(0).getByText('Match: 77.5 of 100')).toBeVisible();
  const row = items.nth(0).getByRole('row', { name: /Benefits for your challenge/ });
  await expect(row.getByRole('cell').first()).toHaveText('20 / 20');
  await expect(row.getByRole('cell').nth(1)).toHaveText('found: Air quality, Health');
  await expect(panel.getByText('broken.json: this file could not be read as JSON.')).toBeVisible();
  await expect(panel.getByText('company.json: this file is not a technology entry.')).toBeVisible();

  expect(await axe(page)).toEqual([]);
  await panel.getByRole('button', { name: 'Close these technology entries' }).click();
  await expect(panel.getByText('No technology entries opened yet.')).toBeVisible();
  expect(requests.every((u) => u.startsWith('http://127.0.0.1:'))).toBe(true);
});
