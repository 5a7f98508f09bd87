// Screenshots of the main states for docs/screenshots (run by hand or by scripts/screenshots.sh):
// form.png (a step), errors.png (Continue on a step with errors), chinese.png, review.png
// ("Check your answers" for the package's strong worked example, opened as a draft file) and
// review-items.png (one of its lists, a Change link per item),
// start.png (the list of forms) and match.png (a need ranking technology entries); at a phone's
// width (390 px): phone-form.png (a step, the sections list closed above it), phone-sections.png
// (the list opened), phone-review.png and phone-handover.png (the hand-over; handover.png at
// desktop width is shot-handover.mjs's).
// Usage: serve a built site, then node tests/e2e/shot.mjs http://127.0.0.1:PORT/ [out dir]
import { chromium } from '@playwright/test';
import { pageReady } from './page-ready.mjs';
const base = process.argv[2] ?? 'http://127.0.0.1:8791/';
const out = process.argv[3] ?? '../../docs/screenshots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('console', (m) => { if (m.type() === 'error') console.log('console', m.text()); });
await page.goto(`${base}?now=2023-04-15T10:00:00%2B08:00&lang=en`);
await pageReady(page);
await page.getByLabel('Project or product name').fill('高效全钒液流储能系统');
await page.getByRole('radio', { name: 'Energy storage' }).check();
await page.screenshot({ path: `${out}/form.png` });
await page.getByRole('button', { name: 'Continue' }).click();
await page.screenshot({ path: `${out}/errors.png` });
await page.getByRole('button', { name: '中文' }).click();
// The Chinese texts are fetched on the first switch: wait until the page has changed language.
await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
await page.screenshot({ path: `${out}/chinese.png` });

// The review: a fresh page (its own storage) with the strong example opened as a draft file,
// the way an applicant brings a draft from another computer.
const review = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
const example = await (await fetch(new URL('schemas/bluetech-2023-company/examples/02-strong.json', base))).json();
const form = await (await fetch(new URL('schemas/bluetech-2023-company/form.json', base))).json();
await review.goto(`${base}?now=${encodeURIComponent(example.now)}&lang=en`);
await pageReady(review);
await review.getByLabel('Open a draft file').setInputFiles({ name: 'draft.json', mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ form: form.id, version: form.version, saved_at: new Date().toISOString(), answers: example.answers })) });
await review.getByRole('navigation').getByRole('link', { name: 'Check your answers' }).click();
await review.getByRole('heading', { level: 2, name: 'Check your answers' }).waitFor();
await review.screenshot({ path: `${out}/review.png` });
// A repeat group on the review: every item with its own Change link.
const team = review.locator('.ga-summary-list__row').filter({ has: review.locator('.ga-summary-list__items') }).first();
await team.scrollIntoViewIfNeeded();
await team.screenshot({ path: `${out}/review-items.png` });

// The start screen, and a need form ranking technology entries opened from files (one of them
// the technology form's invalid worked example, flagged with its problems).
const start = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
await start.goto(`${base}forms.html?now=2023-04-15T10:00:00%2B08:00&lang=en`);
await pageReady(start);
await start.screenshot({ path: `${out}/start.png` });

const match = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
const get = async (p) => (await fetch(new URL(`schemas/${p}`, base))).json();
const need = await get('wipo-green-need/examples/01-strong-beijing-voc.json');
const needForm = await get('wipo-green-need/form.json');
await match.goto(`${base}?now=2026-06-01T10:00:00%2B08:00&lang=en#form=wipo-green-need`);
await pageReady(match);
await match.getByLabel('Open a draft file').setInputFiles({ name: 'need.json', mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ form: needForm.id, version: needForm.version, saved_at: new Date().toISOString(), answers: need.answers })) });
const techFiles = [];
for (const f of ['01-strong.json', '04-invalid.json', '06-chinese.json']) {
  techFiles.push({ name: f, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(await get(`wipo-green-technology/examples/${f}`))) });
}
await match.getByLabel('Open technology entries (JSON files)').setInputFiles(techFiles);
await match.getByText('problems', { exact: false }).first().waitFor();
const panel = match.locator('#match');
await panel.scrollIntoViewIfNeeded();
await panel.screenshot({ path: `${out}/match.png` });

// A phone (390 × 844): the same form, one column; the sections list is a disclosure above the step.
const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, deviceScaleFactor: 2 });
await phone.goto(`${base}?now=2023-04-15T10:00:00%2B08:00&lang=en`);
await pageReady(phone);
await phone.getByLabel('Open a draft file').setInputFiles({ name: 'draft.json', mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ form: form.id, version: form.version, saved_at: new Date().toISOString(), answers: example.answers })) });
const toggle = phone.getByRole('button', { name: /^Sections/ });
await toggle.click();  // a section chosen from the list closes it again
await phone.getByRole('navigation').getByRole('link', { name: 'Technology', exact: true }).click();
await phone.getByRole('heading', { level: 2, name: 'Technology' }).waitFor();
await toggle.evaluate((b) => b.scrollIntoView({ block: 'start' }));
await phone.screenshot({ path: `${out}/phone-form.png` });
await toggle.click();
await phone.screenshot({ path: `${out}/phone-sections.png` });
await phone.getByRole('navigation').getByRole('link', { name: 'Check your answers' }).click();
await phone.getByRole('heading', { level: 2, name: 'Check your answers' }).waitFor();
await phone.screenshot({ path: `${out}/phone-review.png` });
await phone.getByRole('heading', { name: 'Send your application' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
await phone.screenshot({ path: `${out}/phone-handover.png` });
await browser.close();
