// The page's "Download application (XML)" gives XML that standard tools accept (issue #13,
// point 3): the file began with two XML declarations, which every XML parser refuses. Checked
// with the browser's own XML parser (DOMParser) and with xmllint against the package format's
// XML Schema (docs/application-package.xsd), in English and in Chinese.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { draftFile, loadPackage } from './fill-form.mjs';
import { pageReady } from './page-ready.mjs';

const XSD = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/application-package.xsd');
const NS = 'urn:greenapply:application:1';

// The downloaded XML, parsed by the browser: any parser error, the root, and the package's
// top-level string members by name.
async function downloadXml(page, buttonName) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: buttonName }).click()]);
  const file = await download.path();
  const text = readFileSync(file, 'utf8');
  const parsed = await page.evaluate((xml) => {
    const doc = new DOMParser().parseFromString(xml, 'application/xml');
    const error = doc.getElementsByTagName('parsererror')[0];
    if (error) return { error: error.textContent };
    const root = doc.documentElement;
    const members = {};
    for (const el of root.firstElementChild?.children ?? []) if (el.localName === 'string') members[el.getAttribute('name')] = el.textContent;
    return { root: root.localName, ns: root.namespaceURI, version: root.getAttribute('format-version'), members };
  }, text);
  return { download, file, text, parsed };
}

function expectValidAgainstXsd(file) {
  // xmllint exits non-zero (and execFileSync throws with its message) on an ill-formed or
  // invalid file.
  const out = execFileSync('xmllint', ['--noout', '--schema', XSD, file], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  expect(out).toBe('');
}

test('the downloaded XML package is well-formed and valid against its XML Schema, in both languages', async ({ page, request }) => {
  const pkg = await loadPackage(request, 'bluetech-2023-company', 'examples/02-strong.json');
  const { answers, now } = pkg.example;
  await page.goto(`./?now=${encodeURIComponent(now)}&lang=en`);
  await pageReady(page);
  await page.getByLabel('Open a draft file').setInputFiles(draftFile(pkg, answers));
  await page.getByRole('navigation').getByRole('link', { name: 'Check your answers', exact: true }).click();

  for (const [lang, button] of [['en', 'Download application (XML)'], ['zh', '下载申报材料（XML）']]) {
    if (lang === 'zh') await page.getByRole('button', { name: '中文' }).click();
    const { download, file, text, parsed } = await downloadXml(page, button);
    expect(download.suggestedFilename()).toMatch(/\.xml$/);
    // Exactly one XML declaration, and it starts the file.
    expect(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<application ')).toBe(true);
    expect(text.split('<?xml').length - 1).toBe(1);
    expect(parsed.error).toBeUndefined();
    expect(parsed).toMatchObject({ root: 'application', ns: NS, version: '1' });
    expect(parsed.members).toMatchObject({ format: 'greenapply-application', lang, created: expect.any(String) });
    // The Chinese company name arrives as text, not as escapes.
    expect(text).toContain(answers.company.company_name_zh);
    expectValidAgainstXsd(file);
  }
});
