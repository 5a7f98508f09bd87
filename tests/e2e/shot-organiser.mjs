// Screenshots of the organiser's page for docs/screenshots: organiser.png (a generated round's
// mailbox checked: the ranking), organiser-superseded.png (resubmissions and their changes),
// organiser-review.png (one application, read-only, in Chinese) and organiser-report.png (the
// report the page downloads, opened on its own).
// Usage: serve a built site, then (from tests/e2e)
//   node shot-organiser.mjs http://127.0.0.1:PORT/ [out dir] [mbox]
// Without an mbox, tests/organiser/make_round_mbox.py makes one with the native CLI.
import { chromium } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageReady } from './page-ready.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const base = process.argv[2] ?? 'http://127.0.0.1:8791/';
const out = process.argv[3] ?? '../../docs/screenshots';
let mbox = process.argv[4];
if (!mbox) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'organiser-shot-'));
  execFileSync('python3', [path.join(root, 'tests/organiser/make_round_mbox.py'), path.join(root, 'build/native-debug/cli/greenapply'), dir]);
  mbox = path.join(dir, 'inbox.mbox');
}
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 }, acceptDownloads: true });
page.on('pageerror', (e) => console.log('pageerror', e.message));
await page.goto(`${base}organiser.html?now=2023-06-01T10:00:00%2B08:00&lang=en`);
await pageReady(page);
await page.getByLabel('Choose files').setInputFiles(mbox);
await page.getByText(/applications ranked/).waitFor();
await page.getByRole('heading', { level: 2, name: 'Ranking' }).evaluate((h) => h.scrollIntoView({ block: 'start' }));
await page.screenshot({ path: `${out}/organiser.png` });
const superseded = page.getByRole('region', { name: 'Superseded submissions' });
await superseded.getByRole('listitem').nth(1).screenshot({ path: `${out}/organiser-superseded.png` });

const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the report (HTML)' }).click()]);
const html = readFileSync(await download.path(), 'utf8');

await page.getByRole('button', { name: '中文' }).click();
await page.waitForFunction(() => document.documentElement.lang === 'zh-Hans');
await page.locator('#ranking tbody tr').first().getByRole('button').click();
await page.getByRole('heading', { level: 1, name: /^申报材料/ }).waitFor();
await page.screenshot({ path: `${out}/organiser-review.png` });

const report = await browser.newPage({ viewport: { width: 1400, height: 1400 } });
await report.route('**', (route) => (route.request().url() === 'http://report.invalid/'
  ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort()));
await report.goto('http://report.invalid/');
await report.screenshot({ path: `${out}/organiser-report.png` });
await browser.close();
