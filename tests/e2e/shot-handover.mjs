// The hand-over screenshot for the README (docs/screenshots/handover.png, issue #15): the strong
// worked example with two files attached (kept in the browser), on "Check your answers", after
// "Download the e-mail (.eml)". Its own script so the other screenshots are not re-taken.
// Usage: serve a built site, then node tests/e2e/shot-handover.mjs http://127.0.0.1:PORT/ [out dir]
import { chromium } from '@playwright/test';
import { pageReady } from './page-ready.mjs';
const base = process.argv[2] ?? 'http://127.0.0.1:8791/';
const out = process.argv[3] ?? '../../docs/screenshots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const context = await browser.newContext({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
const page = await context.newPage();
const example = await (await fetch(new URL('schemas/bluetech-2023-company/examples/02-strong.json', base))).json();
const form = await (await fetch(new URL('schemas/bluetech-2023-company/form.json', base))).json();
const answers = structuredClone(example.answers);
delete answers.attachments.att_business_plan;
delete answers.attachments.att_carbon_calc;
await page.goto(`${base}?now=${encodeURIComponent(example.now)}&lang=en`);
await pageReady(page);
await page.getByLabel('Open a draft file').setInputFiles({ name: 'draft.json', mimeType: 'application/json',
  buffer: Buffer.from(JSON.stringify({ form: form.id, version: form.version, saved_at: new Date().toISOString(), answers })) });
await page.getByRole('navigation').getByRole('link', { name: 'Attachments and declarations', exact: true }).click();
await page.getByLabel('Business plan or pitch deck (PDF)', { exact: true }).setInputFiles({ name: '商业计划书 business plan.pdf',
  mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2_400_000, 0x20)]) });
await page.getByText('Kept in this browser with your draft.').first().waitFor();
await page.getByLabel('Carbon reduction calculation', { exact: true }).setInputFiles({ name: 'carbon.xlsx', mimeType: 'application/octet-stream',
  buffer: Buffer.concat([Buffer.from('PK\x03\x04[Content_Types].xml xl/workbook.xml', 'latin1'), Buffer.alloc(50_000)]) });
await page.locator('[data-pointer="/attachments/att_carbon_calc"]').getByText('Kept in this browser with your draft.').waitFor();
await page.locator('[data-pointer="/attachments/att_business_plan"]').screenshot({ path: `${out}/attachment.png` });
await page.getByRole('navigation').getByRole('link', { name: 'Check your answers' }).click();
await page.getByRole('button', { name: 'Download the e-mail (.eml)' }).waitFor();
const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the e-mail (.eml)' }).click()]);
await download.path();
await page.getByText(/^Downloaded .*\.eml/).waitFor();
await page.locator('#leave').screenshot({ path: `${out}/handover.png` });
await browser.close();
