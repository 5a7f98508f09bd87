// Issue #15, the applicant's side: the files attached to a complete company application are
// kept in the browser (IndexedDB) over a reload, listed with name, type, size and digest, and
// go into the e-mail file (.eml) the page makes with the core; the .eml is read by an
// independent MIME parser (Python's email package, tests/cli/eml_check.py), its parts and each
// file's SHA-256 checked against the package's records. Also: a .docx renamed .pdf is refused,
// a file can be removed, storage that is unavailable is said and the e-mail still made, and
// files over what one e-mail carries are said with how to split them.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, expect } from '@playwright/test';
import { draftFile, loadPackage } from './fill-form.mjs';
import { pageReady } from './page-ready.mjs';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const CHECK = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cli/eml_check.py');
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The native CLI that scripts/test.sh builds before the browser tests.
const CLI = path.join(ROOT, 'build/native-debug/cli/greenapply');
const PACKAGE = 'bluetech-2023-company';
const STEP = 'Attachments and declarations';

const pdf = (text) => Buffer.concat([Buffer.from(`%PDF-1.7\n${text}\n`), Buffer.alloc(3000, 0x20), Buffer.from('%%EOF\n')]);
const office = (folder, size = 2000) => Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26),
  Buffer.from('[Content_Types].xml'), Buffer.alloc(40), Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26),
  Buffer.from(`${folder}/document.xml`), Buffer.alloc(size)]);
const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);
const sha256 = (b) => createHash('sha256').update(b).digest('hex');

// Every file field of the example, each with a real file: three of them the brief's kinds (a
// PDF with a Chinese name, an Excel workbook, a Word document), the others small PDFs/PNGs.
const FILES = {
  att_business_plan: { name: '北京青岚储能 商业计划书（2023）.pdf', mimeType: 'application/pdf', buffer: pdf('plan') },
  att_financials: { name: 'financials 2021-2022.xlsx', mimeType: 'application/octet-stream', buffer: office('xl') },
  att_carbon_calc: { name: 'carbon calculation.docx', mimeType: 'application/octet-stream', buffer: office('word') },
  att_business_licence: { name: 'licence.png', mimeType: 'image/png', buffer: png },
  att_ip_certificates: { name: 'patents.pdf', mimeType: 'application/pdf', buffer: pdf('patents') },
  att_test_reports: { name: 'test-report.pdf', mimeType: 'application/pdf', buffer: pdf('tests') },
};

async function openWithExample(page, request, lang = 'en') {
  const pkg = await loadPackage(request, PACKAGE, 'examples/02-strong.json');
  await page.goto(`./?now=${encodeURIComponent(pkg.example.now)}&lang=${lang}`);
  await pageReady(page);
  return pkg;
}

async function goTo(page, name) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
}

const fieldOf = (page, pkg, id) => page.locator(`[data-pointer="/attachments/${id}"]`);

async function choose(page, pkg, id, file) {
  await page.getByLabel(pkg.en[`attachments.${id}.label`], { exact: true }).setInputFiles(file);
  await expect(fieldOf(page, pkg, id).getByText('Kept in this browser with your draft.')).toBeVisible();
}

function checkWithPython(emlPath, files) {
  const dir = mkdtempSync(path.join(tmpdir(), 'ga-eml-'));
  const paths = files.map((f, i) => {
    const p = path.join(dir, `file-${i}`);
    writeFileSync(p, f.buffer);
    return p;
  });
  // Exits non-zero (execFileSync throws with Python's stderr) when any check fails.
  return JSON.parse(execFileSync('python3', [CHECK, 'check', emlPath, ...paths], { encoding: 'utf8' }));
}

test('a complete company application: attachments kept over a reload, then in the .eml Python reads', async ({ page, request }) => {
  test.setTimeout(120_000);
  const pkg = await openWithExample(page, request);
  // The example's answers, its attachments to be chosen here as real files.
  const answers = structuredClone(pkg.example.answers);
  for (const id of Object.keys(FILES)) delete answers.attachments[id];
  await page.getByLabel('Open a draft file').setInputFiles(draftFile(pkg, answers));
  await goTo(page, STEP);

  // A Word document named .pdf is not recorded as the business plan.
  const plan = page.getByLabel(pkg.en['attachments.att_business_plan.label'], { exact: true });
  await plan.setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: office('word') });
  await expect(page.getByRole('alert').filter({ hasText: '“plan.pdf” was not recorded: it is not a PDF file' })).toBeVisible();
  expect(await page.evaluate(() => window.greenapply.answers.attachments?.att_business_plan ?? null)).toBeNull();

  for (const [id, file] of Object.entries(FILES)) await choose(page, pkg, id, file);
  // Listed with name, type, size and digest.
  const planField = fieldOf(page, pkg, 'att_business_plan');
  await expect(planField.getByText(FILES.att_business_plan.name, { exact: true })).toBeVisible();
  await expect(planField.getByText(new RegExp(`^PDF · 2\\.9 KB · SHA-256 ${sha256(FILES.att_business_plan.buffer).slice(0, 16)}…$`))).toBeVisible();
  await expect(fieldOf(page, pkg, 'att_financials').getByText(/^XLSX · /)).toBeVisible();

  // A reload (the draft in localStorage, the files in IndexedDB): every file is still there.
  await page.reload();
  await pageReady(page);
  await goTo(page, STEP);
  for (const [id, file] of Object.entries(FILES)) {
    const field = fieldOf(page, pkg, id);
    await expect(field.getByText(file.name, { exact: true })).toBeVisible();
    await expect(field.getByText('Kept in this browser with your draft.')).toBeVisible();
  }

  // The review: complete, eligible; the e-mail file.
  await goTo(page, 'Check your answers');
  await expect(page.getByRole('button', { name: 'Download the e-mail (.eml)' })).toBeVisible();
  await expect(page.getByText(/^One e-mail carries at most/)).toBeHidden();
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the e-mail (.eml)' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^bluetech-cnpa-company-.+-\d{8}\.eml$/);
  await expect(page.getByRole('status').filter({ hasText: 'with 6 of your files attached' })).toBeVisible();

  const summary = checkWithPython(await download.path(), Object.values(FILES));
  expect(summary.to).toBe(pkg.form.submission.to);
  expect(summary.x_unsent).toBe('1');
  expect(summary.subject).toContain(pkg.example.answers.company.company_name_en);
  const names = summary.parts.map((p) => p.filename);
  expect(names[0]).toMatch(/\.json$/);
  expect(names[1]).toMatch(/\.xml$/);
  // The files in the form's order (layout.json), whatever order they were chosen in.
  const order = ['att_business_plan', 'att_business_licence', 'att_financials', 'att_ip_certificates', 'att_test_reports', 'att_carbon_calc'];
  expect(names.slice(2)).toEqual(order.map((id) => FILES[id].name));
  // Every record in the package has its file, with the recorded digest.
  expect(summary.records).toHaveLength(Object.keys(FILES).length);
  for (const r of summary.records) expect(r).toMatchObject({ attached: true, digest_matches: true });
  // The Chinese file name arrives as it was (RFC 2231), the type by the part's header.
  expect(summary.parts.find((p) => p.filename === FILES.att_business_plan.name)).toMatchObject({
    type: 'application/pdf', sha256: sha256(FILES.att_business_plan.buffer) });

  // The organiser's side (issue #15): greenapply batch reads the same .eml and verifies each
  // attached file against the package's records by SHA-256.
  const dir = mkdtempSync(path.join(tmpdir(), 'greenapply-eml-'));
  const eml = path.join(dir, 'application.eml');
  copyFileSync(await download.path(), eml);
  const out = path.join(dir, 'round.json');
  execFileSync(CLI, ['batch', '--form', path.join(ROOT, 'schemas', PACKAGE), '--json', out, eml], { encoding: 'utf8' });
  const round = JSON.parse(readFileSync(out, 'utf8'));
  expect(round.ranking).toHaveLength(1);
  const row = round.ranking[0];
  expect(row.verdict).not.toBe('unreadable');
  expect(row.received_from).toBe('email');
  const byName = (a, b) => a[0].localeCompare(b[0]);
  expect(row.attachments.map((a) => [a.name, a.status]).sort(byName)).toEqual(order.map((id) => [FILES[id].name, 'verified']).sort(byName));
  expect(row.flags).not.toContain('attachment_missing');
  expect(row.flags).not.toContain('attachment_altered');
});

test('a file can be removed, and is gone after a reload', async ({ page, request }) => {
  const pkg = await openWithExample(page, request);
  await goTo(page, STEP);
  await choose(page, pkg, 'att_carbon_calc', FILES.att_carbon_calc);
  await page.getByRole('button', { name: `Remove ${FILES.att_carbon_calc.name}` }).click();
  await expect.poll(() => page.evaluate(() => window.greenapply.answers.attachments?.att_carbon_calc ?? null)).toBeNull();
  await page.reload();
  await pageReady(page);
  await goTo(page, STEP);
  await expect(page.getByText(FILES.att_carbon_calc.name)).toHaveCount(0);
  const kept = await page.evaluate(() => new Promise((resolve) => {
    const r = indexedDB.open('greenapply-files');
    r.onsuccess = () => { const g = r.result.transaction('files').objectStore('files').getAll(); g.onsuccess = () => resolve(g.result.map((f) => f.pointer)); };
  }));
  expect(kept).not.toContain('/attachments/att_carbon_calc');
});

test('without IndexedDB the page says the file is not kept, and the e-mail is still made', async ({ page, request }) => {
  await page.addInitScript(() => { Object.defineProperty(window, 'indexedDB', { get() { throw new DOMException('blocked', 'SecurityError'); } }); });
  const pkg = await openWithExample(page, request);
  await goTo(page, STEP);
  await page.getByLabel(pkg.en['attachments.att_business_plan.label'], { exact: true }).setInputFiles(FILES.att_business_plan);
  await expect(fieldOf(page, pkg, 'att_business_plan').getByText(/^Recorded, but this browser does not let the page keep files/)).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.greenapply.answers.attachments?.att_business_plan?.name ?? null)).toBe(FILES.att_business_plan.name);
  await goTo(page, 'Check your answers');
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the e-mail (.eml)' }).click()]);
  await expect(page.getByRole('status').filter({ hasText: `Not in it, because this browser does not have the file: “${FILES.att_business_plan.name}”` })).toBeVisible();
  const summary = checkWithPython(await download.path(), []);
  expect(summary.parts.map((p) => p.filename)).toHaveLength(2);  // the two packages
  expect(summary.records.find((r) => r.name === FILES.att_business_plan.name)).toMatchObject({ attached: false });
});

test('storage full: the page says the file is not kept, and it is still recorded', async ({ page, request }) => {
  // Every write to IndexedDB fails as a full disk does.
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = function put() { throw new DOMException('The quota has been exceeded.', 'QuotaExceededError'); };
  });
  const pkg = await openWithExample(page, request, 'zh');
  await goTo(page, '附件与声明');
  await page.getByLabel('商业计划书/路演PPT（PDF）', { exact: true }).setInputFiles(FILES.att_business_plan);
  await expect(fieldOf(page, pkg, 'att_business_plan').getByText(/^已登记，但本浏览器的存储空间已满/)).toBeVisible();
  await expect.poll(() => page.evaluate(() => window.greenapply.answers.attachments?.att_business_plan?.sha256 ?? null))
    .toBe(sha256(FILES.att_business_plan.buffer));
});

test('files over what one e-mail carries: the page says so and how it splits them (en, zh)', async ({ page, request }) => {
  test.setTimeout(120_000);
  const pkg = await openWithExample(page, request);
  await goTo(page, STEP);
  const big = (name) => ({ name, mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(10 * 1024 * 1024)]) });
  await choose(page, pkg, 'att_business_plan', big('plan.pdf'));
  await choose(page, pkg, 'att_ip_certificates', big('patents.pdf'));
  await goTo(page, 'Check your answers');
  await expect(page.getByText('Your files come to 20 MB. One e-mail carries at most 18 MB of files', { exact: false })).toBeVisible();
  await expect(page.getByText(/The e-mail holds both application files and “plan\.pdf” \(10 MB\)[^;]*; send “patents\.pdf” \(10 MB\) in a second e-mail/)).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByText(/一封邮件最多可附 18 MB 的文件/)).toBeVisible();
});

test('"Save draft to a file" carries the attached files to another computer', async ({ page, request, browser }) => {
  const pkg = await openWithExample(page, request);
  await goTo(page, STEP);
  await choose(page, pkg, 'att_business_plan', FILES.att_business_plan);
  await choose(page, pkg, 'att_carbon_calc', FILES.att_carbon_calc);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Save draft to a file' }).click()]);
  const draftPath = await download.path();

  // Another computer: a fresh browser profile, nothing stored.
  const other = await browser.newContext();
  const page2 = await other.newPage();
  await page2.goto(`./?now=${encodeURIComponent(pkg.example.now)}&lang=en`);
  await pageReady(page2);
  await page2.getByLabel('Open a draft file').setInputFiles(draftPath);
  await goTo(page2, STEP);
  for (const id of ['att_business_plan', 'att_carbon_calc']) {
    await expect(fieldOf(page2, pkg, id).getByText(FILES[id].name, { exact: true })).toBeVisible();
    await expect(fieldOf(page2, pkg, id).getByText('Kept in this browser with your draft.')).toBeVisible();
  }
  await other.close();
});

// axe is injected as a script, which the page's CSP (rightly) forbids: bypassed here only.
test.describe('accessibility of the attachments', () => {
  test.use({ bypassCSP: true });
  test('axe finds no serious or critical problem on a step with kept files, and on the hand-over after the e-mail', async ({ page, request }) => {
    const pkg = await openWithExample(page, request);
    await goTo(page, STEP);
    await choose(page, pkg, 'att_business_plan', FILES.att_business_plan);
    await page.getByLabel(pkg.en['attachments.att_carbon_calc.label'], { exact: true })
      .setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: png });  // refused: an alert beside a record
    await expect(page.getByRole('alert').filter({ hasText: '“plan.pdf” was not recorded' })).toBeVisible();
    await page.addScriptTag({ content: axeSource });
    const violations = async (where) => {
      const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
      return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${where} ${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target})`);
    };
    expect(await violations('step')).toEqual([]);
    await goTo(page, 'Check your answers');
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download the e-mail (.eml)' }).click()]);
    await expect(page.getByRole('status').filter({ hasText: 'with 1 of your files attached' })).toBeVisible();
    expect(await violations('review')).toEqual([]);
  });
});
