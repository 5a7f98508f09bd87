// Screenshots of the main states for docs/screenshots (run by hand or by scripts/screenshots.sh).
import { chromium } from '@playwright/test';
const base = process.argv[2] ?? 'http://127.0.0.1:8791/';
const out = process.argv[3] ?? '../../docs/screenshots';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
page.on('pageerror', (e) => console.log('pageerror', e.message));
page.on('console', (m) => { if (m.type() === 'error') console.log('console', m.text()); });
await page.goto(`${base}?now=2023-04-15T10:00:00%2B08:00&lang=en`);
await page.waitForFunction(() => document.body.dataset.ready === '1');
await page.getByLabel('Project or product name').fill('高效全钒液流储能系统');
await page.getByRole('radio', { name: 'Energy storage' }).check();
await page.screenshot({ path: `${out}/form.png` });
await page.getByRole('button', { name: 'Check the whole application' }).click();
await page.screenshot({ path: `${out}/errors.png` });
await page.getByRole('button', { name: '中文' }).click();
await page.screenshot({ path: `${out}/chinese.png` });
await browser.close();
