// Shared by complete-company.spec.mjs and complete-team.spec.mjs: fills a form package's worked
// example into the page step by step, the way an applicant does. Controls are found by role
// and label only; the labels come from the package's own English texts (the same files the
// page is served), so a renamed field breaks the test loudly instead of silently being skipped.
// Nothing here knows a field of a particular form: the layout says what to fill, the example
// says with what.
import { expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export const REVIEW = '_check-answers';

// The package files as the page gets them (tests run against the built site).
export async function loadPackage(request, pkgPath, example) {
  const get = async (rel) => {
    const response = await request.get(`schemas/${rel}`);
    expect(response.ok(), `schemas/${rel}`).toBe(true);
    return response.json();
  };
  const form = await get(`${pkgPath}/form.json`);
  const [layout, en, eligibility, ex, common] = await Promise.all([
    get(`${pkgPath}/${form.files.layout}`), get(`${pkgPath}/${form.files.i18n.en}`),
    get(`${pkgPath}/${form.files.eligibility}`), get(`${pkgPath}/${example}`), get('common/texts.en.json')]);
  return { path: pkgPath, form, layout, en, eligibility, example: ex, common };
}

export const getAt = (doc, pointer) => pointer.split('/').slice(1).reduce((node, t) => (node == null ? undefined : node[t]), doc);
const keyOf = (pointer) => pointer.split('/').slice(1).filter((t) => t !== '*' && !/^\d+$/.test(t)).join('.');

// Texts by the key conventions of schemas/README.md; a shared list's option (the technology
// taxonomy) is labelled by the engine's common texts, "<list>.<value>".
export function textsOf(pkg) {
  const label = (pointer) => {
    const text = pkg.en[`${keyOf(pointer)}.label`];
    expect(text, `label of ${pointer}`).toBeTruthy();
    return text;
  };
  const option = (pointer, value) => {
    const own = pkg.en[`${keyOf(pointer)}.option.${value}`];
    if (own !== undefined) return own;
    const shared = Object.keys(pkg.common).filter((k) => k.endsWith(`.${value}`));
    return shared.length === 1 ? pkg.common[shared[0]] : String(value);
  };
  return { label, option, title: (id) => pkg.en[`${id}.title`] };
}

export const stepOf = (page) => new URLSearchParams(new URL(page.url()).hash.slice(1)).get('step');

// Lets the page run the evaluation it schedules for the next frame, so visibility rules have
// followed the last answer before the next control is looked for.
export const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));

// A file of `size` bytes whose first bytes make it a `kind` of file (render/filetype.js).
function fileOfKind(kind, size) {
  const heads = {
    pdf: Buffer.from('%PDF-1.7\n'), jpeg: Buffer.from([0xff, 0xd8, 0xff, 0xe0]),
    png: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    xlsx: Buffer.from('PK\x03\x04[Content_Types].xml xl/workbook.xml', 'latin1'),
    docx: Buffer.from('PK\x03\x04[Content_Types].xml word/document.xml', 'latin1'),
  };
  const head = heads[kind] ?? Buffer.alloc(0);
  return Buffer.concat([head, Buffer.alloc(Math.max(0, size - head.length), 0x20)]).subarray(0, Math.max(size, head.length));
}

async function fillField(page, scope, field, pointer, value, t) {
  const pattern = pointer.replace(/\/\d+(?=\/|$)/g, '/*');
  const label = t.label(pattern);
  const exact = { exact: true };
  switch (field.widget) {
    case 'radio':
    case 'yesno': {
      const text = field.widget === 'yesno' ? (value ? 'Yes' : 'No') : t.option(pattern, value);
      await scope.getByRole('group', { name: label, ...exact }).getByRole('radio', { name: text, ...exact }).check();
      return;
    }
    case 'checkboxes': {
      const group = scope.getByRole('group', { name: label, ...exact });
      for (const v of value) await group.getByRole('checkbox', { name: t.option(pattern, v), ...exact }).check();
      return;
    }
    case 'declaration':
      if (value === true) await scope.getByRole('checkbox', { name: label, ...exact }).check();
      return;
    case 'select':
      await scope.getByLabel(label, exact).selectOption({ label: t.option(pattern, value) });
      return;
    case 'country': {
      // The page names countries with the browser's own Intl data: ask the same browser.
      const name = await page.evaluate((code) => new Intl.DisplayNames(['en'], { type: 'region' }).of(code), value);
      await scope.getByLabel(label, exact).selectOption({ label: `${name} (${value})` });
      return;
    }
    case 'countries': {
      // A list of boxes named by country, in the browser's own names; the filter finds each one.
      const group = scope.getByRole('group', { name: label, ...exact });
      for (const code of value) {
        const name = await page.evaluate((c) => new Intl.DisplayNames(['en'], { type: 'region' }).of(c), code);
        await group.getByRole('searchbox').fill(name);
        await group.getByRole('checkbox', { name, ...exact }).check();
      }
      await group.getByRole('searchbox').fill('');
      return;
    }
    case 'file':
      // A file of the recorded name and size; the page records its name, size and SHA-256.
      // Its content is of the first kind the package accepts: the page checks it before recording.
      await scope.getByLabel(label, exact).setInputFiles({ name: value.name, mimeType: 'application/octet-stream', buffer: fileOfKind(field.accept?.[0], value.size) });
      // The fingerprint is taken asynchronously: wait until the page has recorded it.
      await expect.poll(() => page.evaluate((p) => window.greenapply.getAt(window.greenapply.answers, p)?.sha256 ?? null, pointer))
        .toMatch(/^[0-9a-f]{64}$/);
      return;
    case 'repeat': {
      const items = Array.isArray(value) ? value : [];
      for (let i = 0; i < items.length; i++) {
        await scope.getByRole('button', { name: `Add: ${label}`, ...exact }).click();
        const item = scope.getByRole('group', { name: `${label} — Item ${i + 1}`, ...exact });
        await expect(item).toBeVisible();
        for (const sub of field.fields ?? []) {
          const v = items[i][sub.pointer];
          if (v !== undefined) await fillOne(page, item, sub, `${pointer}/${i}/${sub.pointer}`, v, t);
        }
      }
      return;
    }
    default:
      await scope.getByLabel(label, exact).fill(String(value));
  }
}

// One field, unless the page hides it (a visibility rule): a hidden field's answer is never
// submitted nor scored, so the example's value for it does not matter either.
async function fillOne(page, scope, field, pointer, value, t) {
  await settle(page);
  const hidden = await page.evaluate((p) => (window.greenapply.evaluation.hidden ?? []).some((h) => p === h || p.startsWith(`${h}/`)), pointer);
  if (hidden) return false;
  await fillField(page, scope, field, pointer, value, t);
  return true;
}

// Fills the step on screen from `answers` (unless it is in `done`: then it is only continued)
// and presses Continue. A step that does not move on fails with the page's own error summary.
export async function fillStep(page, pkg, answers, { done = new Set() } = {}) {
  const t = textsOf(pkg);
  const step = stepOf(page);
  const section = pkg.layout.sections.find((s) => s.id === step);
  expect(section, `the URL names a section: ${page.url()}`).toBeTruthy();
  const region = page.getByRole('region', { name: t.title(step), exact: true });
  await expect(region.getByRole('heading', { level: 2, name: t.title(step), exact: true })).toBeFocused();
  const visible = await page.evaluate(() => window.greenapply.evaluation.sections.filter((s) => !s.hidden).map((s) => s.id));
  await expect(region.getByText(`Step ${visible.indexOf(step) + 1} of ${visible.length}`, { exact: true })).toBeVisible();
  // In layout order; a field a later answer reveals (the Chinese name once the country is
  // China) is filled on the next pass, until a pass fills nothing more.
  let pending = done.has(step) ? [] : section.fields.filter((f) => f.widget !== 'computed' && getAt(answers, f.pointer) !== undefined);
  for (let progress = true; pending.length && progress;) {
    const left = [];
    for (const field of pending) {
      if (!(await fillOne(page, region, field, field.pointer, getAt(answers, field.pointer), t))) left.push(field);
    }
    progress = left.length < pending.length;
    pending = left;
  }
  await settle(page);
  await region.getByRole('button', { name: 'Continue', exact: true }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  if (await summary.isVisible()) throw new Error(`Continue on "${step}" found errors: ${await summary.innerText()}`);
  await expect.poll(() => stepOf(page)).not.toBe(step);
  return step;
}

// From wherever the page is, fills and continues step after step, following the page, until
// "Check your answers". Returns the section ids passed through, in order.
export async function fillStepByStep(page, pkg, answers, options = {}) {
  const visited = [];
  for (let guard = 0; guard <= pkg.layout.sections.length && stepOf(page) !== REVIEW; guard++) {
    visited.push(await fillStep(page, pkg, answers, options));
  }
  expect(stepOf(page)).toBe(REVIEW);
  return visited;
}

// The answer shown for a label on the review (its summary-list row: term → definition).
export function reviewRow(page, label) {
  const review = page.getByRole('region', { name: 'Check your answers', exact: true });
  const term = review.getByRole('term').filter({ hasText: new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
  return term.locator('xpath=following-sibling::dd[1]');
}

// The draft file the page itself writes ("Save draft to a file"), made from an example's
// answers: how an applicant moves a draft between computers.
export function draftFile(pkg, answers) {
  const draft = { form: pkg.form.id, version: pkg.form.version, saved_at: '2023-04-15T02:00:00.000Z', answers };
  return { name: `draft-${pkg.form.id}.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) };
}

// The e-mail the page prepares, as the package says it must look: to the organiser, the
// subject template filled, the body listing what to attach.
export function expectedMail(pkg, answers) {
  const t = textsOf(pkg);
  const subject = pkg.en[pkg.form.submission.subject]
    .replace('{form_code}', pkg.form.form_code ?? '')
    .replace('{track}', t.option('/applicant/track', getAt(answers, '/applicant/track')))
    .replace('{round}', pkg.eligibility.round?.deadline?.slice(0, 4) ?? '')
    .replace('{applicant_name}', getAt(answers, pkg.form.applicant_name));
  // Each provided attachment by its label and the file name the applicant recorded.
  const attachments = (pkg.eligibility.attachments ?? []).filter((a) => getAt(answers, a.pointer))
    .map((a) => `${t.label(a.pointer)}: ${getAt(answers, a.pointer).name}`);
  return { to: pkg.form.submission.to, subject, attachments };
}

export function parseMailto(href) {
  expect(href).toMatch(/^mailto:/);
  const [address, query] = href.slice('mailto:'.length).split('?');
  const params = new URLSearchParams(query);
  return { to: decodeURIComponent(address), subject: params.get('subject'), body: params.get('body') };
}

// axe on the open review step, in English and then in Chinese: no serious or critical problem.
// (The spec must run with bypassCSP: axe is injected as a script the page's CSP forbids.)
export async function expectReviewAccessibleInBothLanguages(page) {
  await page.addScriptTag({ content: axeSource });
  for (const lang of ['en', 'zh']) {
    if (lang === 'zh') {
      await page.getByRole('button', { name: '中文' }).click();
      await expect(page.getByRole('heading', { level: 2, name: '检查并确认申报信息' })).toBeVisible();
    }
    const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${lang} ${v.id}: ${v.nodes.length} × ${v.help} (${v.nodes[0]?.target})`)).toEqual([]);
  }
}

// The total the review's result shows, checked against the worked example's score and band.
export async function expectShownScore(page, expected) {
  const result = page.getByRole('region', { name: 'Your result', exact: true });
  const shownTotal = Number(await result.locator('.ga-total__number').innerText());
  expect(shownTotal).toBe(expected.score.total);
  await expect(result).toContainText(`Band ${expected.score.band}`);
  return { result, shownTotal };
}

// Clicks "Download application (JSON)": the download and the package it holds.
export async function downloadApplication(page) {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download application (JSON)' }).click(),
  ]);
  return { download, exported: JSON.parse(readFileSync(await download.path(), 'utf8')) };
}
