// The page under abuse: what a browser, a disk or an applicant can throw at it — a damaged or
// oversized stored draft, another form's draft, answers an older version had, a form package
// that will not load, storage that is off or full, a "draft" file that is not one. Each time the
// page must say so in the applicant's language, keep their work, and offer it as a file.
// Storage is planted with page.addInitScript before the page's own scripts run; broken package
// files are served with page.route (answered inside the browser: no request leaves the machine).
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pageReady } from './page-ready.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const OPEN = '?now=2023-04-15T10:00:00%2B08:00&lang=en';
const FORM = 'bluetech-2023-company';
const KEY = `greenapply:draft:${FORM}`;
const COMPANY = 'Bluetech Carbon Neutrality Pioneers Award 2023 — company application';
const TEAM = 'Bluetech Carbon Neutrality Pioneers Award 2023 — team application';

async function openForm(page, query = OPEN) {
  await page.goto(`./${query}`);
  await pageReady(page);
}

// Puts items into localStorage before the page runs, once per test (not again on reload, so a
// reload shows what the page itself left behind). Values may be { repeat, times, head, tail } to
// build a large text in the browser instead of sending it over the wire.
async function plant(page, items) {
  await page.addInitScript((entries) => {
    if (sessionStorage.getItem('planted')) return;
    sessionStorage.setItem('planted', '1');
    for (const [k, v] of Object.entries(entries)) {
      localStorage.setItem(k, typeof v === 'string' ? v : `${v.head}${v.repeat.repeat(v.times)}${v.tail}`);
    }
  }, items);
}

const stored = (page, key = KEY) => page.evaluate((k) => localStorage.getItem(k), key);
const asideKeys = (page) => page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('greenapply:aside:')));

async function downloadOf(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: d.suggestedFilename(), text: readFileSync(await d.path(), 'utf8') };
}

// One animation frame and a little more: the page saves on the frame after a change.
// Past the page's next save: drafts are written at most 400 ms after a change (drafts.js SAVE_EVERY_MS),
// so a check that nothing was written waits longer than that.
const settle = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 900))));

test.describe('a stored draft the page cannot use', () => {
  const CORRUPT = `{"form": "${FORM}", "version": "1.0.0", "answers": {"applicant": {"project_name": "全钒液流储能`;

  test('a damaged draft is reported, offered for download and kept until the applicant moves it aside', async ({ page }) => {
    await plant(page, { [KEY]: CORRUPT });
    await openForm(page);
    const alert = page.getByRole('alert', { name: 'The draft stored in this browser could not be read' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('Nothing you type is saved in this browser until you choose');
    await expect(page.getByLabel('Project or product name')).toHaveValue('');

    const file = await downloadOf(page, alert.getByRole('button', { name: 'Download the stored draft' }));
    expect(file.text).toBe(CORRUPT);
    expect(file.name).toMatch(/^greenapply-stored-draft-bluetech-2023-company-\d{8}T\d{6}\.txt$/);

    // Typing works, and does not overwrite what is stored.
    await page.getByLabel('Project or product name').fill('New start');
    await settle(page);
    expect(await stored(page)).toBe(CORRUPT);
    await expect(page.locator('#save-status')).toContainText('Not saved yet');

    await alert.getByRole('button', { name: 'Keep it in this browser and start afresh' }).click();
    await expect(alert).toBeHidden();
    const [aside] = await asideKeys(page);
    expect(aside).toMatch(/^greenapply:aside:bluetech-2023-company:\d{4}-\d\d-\d\dT/);
    expect(await stored(page, aside)).toBe(CORRUPT);
    // Saving resumed at once with what was typed meanwhile.
    expect(JSON.parse(await stored(page)).answers.applicant.project_name).toBe('New start');
    await expect(page.locator('#save-status')).toContainText('Draft saved');

    // Next visit: the new draft is restored and the one put aside is still on offer.
    await page.reload();
    await pageReady(page);
    await expect(page.getByLabel('Project or product name')).toHaveValue('New start');
    const kept = page.getByRole('status', { name: 'Earlier drafts kept in this browser' });
    await expect(kept).toBeVisible();
    const again = await downloadOf(page, kept.getByRole('button', { name: /^Download the draft put aside on / }));
    expect(again.text).toBe(CORRUPT);
    page.once('dialog', (d) => d.accept());
    await kept.getByRole('button', { name: 'Delete the drafts put aside' }).click();
    await expect(kept).toBeHidden();
    expect(await asideKeys(page)).toEqual([]);
  });

  test('deleting a damaged draft asks first, and a refusal keeps it', async ({ page }) => {
    await plant(page, { [KEY]: CORRUPT });
    await openForm(page);
    const alert = page.getByRole('alert', { name: 'The draft stored in this browser could not be read' });
    const del = alert.getByRole('button', { name: 'Delete it and start afresh' });
    page.once('dialog', (d) => { expect(d.message()).toContain('Download it first'); d.dismiss(); });
    await del.click();
    await expect(alert).toBeVisible();
    expect(await stored(page)).toBe(CORRUPT);
    page.once('dialog', (d) => d.accept());
    await del.click();
    await expect(alert).toBeHidden();
    expect(await stored(page)).not.toBe(CORRUPT);
    expect(await asideKeys(page)).toEqual([]);
    await page.getByLabel('Project or product name').fill('Fresh');
    await settle(page);
    expect(JSON.parse(await stored(page)).answers.applicant.project_name).toBe('Fresh');
  });

  test('the same, in Chinese', async ({ page }) => {
    await plant(page, { [KEY]: 'not json at all' });
    await openForm(page, '?now=2023-04-15T10:00:00%2B08:00&lang=zh');
    const alert = page.getByRole('alert', { name: '无法读取本浏览器中保存的草稿' });
    await expect(alert).toContainText('在您决定如何处理已保存的草稿之前');
    await expect(alert.getByRole('button', { name: '下载已保存的草稿' })).toBeVisible();
    await expect(alert.getByRole('button', { name: '在本浏览器中另存并重新开始' })).toBeVisible();
    // And it follows the language switch.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.getByRole('alert', { name: 'The draft stored in this browser could not be read' })).toBeVisible();
  });

  test('an oversized draft is not parsed, is offered for download, and is kept until the applicant chooses', async ({ page }) => {
    await openForm(page);
    const max = await page.evaluate(async () => (await import('./js/storage.js')).MAX_DRAFT_CHARS);
    const head = `{"form":"${FORM}","version":"1.0.0","answers":{"applicant":{"project_name":"`;
    const tail = '"}}}';
    const times = max + 1 - head.length - tail.length;
    await plant(page, { [KEY]: { head, repeat: 'x', times, tail } });
    await page.reload();
    await pageReady(page);
    const alert = page.getByRole('alert', { name: 'The draft stored in this browser is too large to open' });
    await expect(alert).toBeVisible();
    await expect(alert).toContainText('this page opens drafts of up to 4.2M characters');
    await expect(page.getByLabel('Project or product name')).toHaveValue('');

    const file = await downloadOf(page, alert.getByRole('button', { name: 'Download the stored draft' }));
    expect(file.text.length).toBe(max + 1);
    expect(file.text.startsWith(head) && file.text.endsWith(tail)).toBe(true);

    await page.getByLabel('Project or product name').fill('Smaller');
    await settle(page);
    expect(await page.evaluate((k) => localStorage.getItem(k).length, KEY)).toBe(max + 1);

    // Two copies do not fit in the browser's quota: the page says so and removes nothing.
    await alert.getByRole('button', { name: 'Keep it in this browser and start afresh' }).click();
    await expect(alert).toContainText('It could not be kept in this browser');
    expect(await page.evaluate((k) => localStorage.getItem(k).length, KEY)).toBe(max + 1);
    expect(await asideKeys(page)).toEqual([]);

    page.once('dialog', (d) => d.accept());
    await alert.getByRole('button', { name: 'Delete it and start afresh' }).click();
    await expect(alert).toBeHidden();
    expect(JSON.parse(await stored(page)).answers.applicant.project_name).toBe('Smaller');
  });

  test('a draft of another form under this form\'s key is named, kept and offered', async ({ page }) => {
    const other = JSON.stringify({ form: 'bluetech-2023-team', version: '1.0.0', answers: { applicant: { project_name: 'Team project' } } });
    await plant(page, { [KEY]: other });
    await openForm(page);
    const alert = page.getByRole('alert', { name: 'The draft stored for this form belongs to another form' });
    await expect(alert).toContainText(`It was made with the form “${TEAM}”`);
    await expect(page.getByLabel('Project or product name')).toHaveValue('');
    const file = await downloadOf(page, alert.getByRole('button', { name: 'Download the stored draft' }));
    expect(file.text).toBe(other);
    await page.getByLabel('Project or product name').fill('Company project');
    await settle(page);
    expect(await stored(page)).toBe(other);
  });

  test('answers an older version had are listed, taken out, and downloadable in full', async ({ page }) => {
    const longNote = `Pilot in Qingdao — ${'数据'.repeat(100)}`;
    const old = {
      form: FORM, version: '0.9.0', saved_at: '2023-03-20T08:00:00.000Z',
      answers: {
        applicant: { project_name: '全钒液流储能', pilot_sites: 3 },
        legacy_section: { note: longNote, reviewed: true },
      },
    };
    await plant(page, { [KEY]: JSON.stringify(old) });
    await openForm(page);
    const { version } = await (await page.request.get(`./schemas/${FORM}/form.json`)).json();
    expect(version).not.toBe('0.9.0');
    await expect(page.getByLabel('Project or product name')).toHaveValue('全钒液流储能');
    const alert = page.getByRole('alert', { name: 'Some answers could not be carried over' });
    await expect(alert).toContainText(`Your draft was made with version 0.9.0 of this form. This is version ${version}`);
    const items = alert.getByRole('listitem');
    await expect(items).toHaveCount(2);
    await expect(items.nth(0)).toHaveText('/applicant/pilot_sites: 3');
    await expect(items.nth(1)).toContainText('/legacy_section: {"note":"Pilot in Qingdao');
    await expect(items.nth(1)).toContainText('…');

    const file = await downloadOf(page, alert.getByRole('button', { name: 'Download the answers that were taken out' }));
    const taken = JSON.parse(file.text);
    expect(taken).toEqual({
      form: FORM, draft_version: '0.9.0', form_version: version,
      answers_taken_out: { '/applicant/pilot_sites': 3, '/legacy_section': { note: longNote, reviewed: true } },
    });
    const answers = await page.evaluate(() => window.greenapply.answers);
    expect(answers).toEqual({ applicant: { project_name: '全钒液流储能' } });

    await alert.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(alert).toBeHidden();
  });
});

test.describe('a form package that will not load', () => {
  const failing = (page) => page.getByRole('alert', { name: `The form “${COMPANY}” could not be opened` });

  for (const [what, file, reply, reason] of [
    ['missing (404)', 'form.json', { status: 404, body: 'Not found' }, 'One of its files could not be fetched (/schemas/bluetech-2023-company/form.json, HTTP 404)'],
    ['not JSON', 'layout.json', { status: 200, contentType: 'application/json', body: '{"sections": [' }, 'One of its files is damaged: it is not valid JSON.'],
    ['refused by the core', 'rules.json', { status: 200, contentType: 'application/json', body: '{"computed": [{"id": "x", "expr": "1 +"}]}' },
      'The form engine refused it: the form package is not valid.'],
  ]) {
    test(`a package file ${what}: the form is named and another can be chosen`, async ({ page }) => {
      await page.route(`**/schemas/${FORM}/${file}`, (r) => r.fulfill(reply));
      await page.goto(`./${OPEN}`);
      const alert = failing(page);
      await expect(alert).toBeVisible();
      await expect(alert).toContainText(reason);
      await expect(alert).toContainText('Your drafts are not affected');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(`The form “${COMPANY}” could not be opened`);
      await expect(page.locator('#app')).toBeHidden();
      await alert.getByRole('button', { name: `Open “${TEAM}”` }).click();
      await pageReady(page);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('team');
      await expect(failing(page)).toHaveCount(0);
    });
  }

  test('the header picker works too, and the failure reads in Chinese', async ({ page }) => {
    await page.route(`**/schemas/${FORM}/form.json`, (r) => r.fulfill({ status: 404, body: '' }));
    await page.goto('./?now=2023-04-15T10:00:00%2B08:00&lang=zh');
    const alert = page.getByRole('alert', { name: '无法打开表单“2023年创蓝碳中和先锋奖 — 企业申报表”' });
    await expect(alert).toContainText('其中一个文件无法获取');
    await expect(alert.getByRole('button', { name: '打开“2023年创蓝碳中和先锋奖 — 团队申报表”' })).toBeVisible();
    await page.getByRole('combobox', { name: /^表单/ }).selectOption({ label: '2023年创蓝碳中和先锋奖 — 团队申报表' });
    await pageReady(page);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('团队申报表');
  });

  test('a form that fails when switching leaves the open form working', async ({ page }) => {
    await page.route('**/schemas/bluetech-2023-team/layout.json', (r) => r.fulfill({ status: 500, body: '' }));
    await openForm(page);
    await page.getByLabel('Project or product name').fill('Still here');
    await page.getByRole('combobox', { name: /^Form/ }).selectOption({ label: TEAM });
    const alert = page.getByRole('alert', { name: `The form “${TEAM}” could not be opened` });
    await expect(alert).toContainText('HTTP 500');
    await expect(alert).toContainText('You can carry on with the form you have open');
    await expect(page.getByRole('combobox', { name: /^Form/ })).toHaveValue(FORM);
    await expect(page.getByLabel('Project or product name')).toHaveValue('Still here');
    await page.getByLabel('Project or product name').fill('x');
    await expect(page.locator('#f_applicant_project_name-error')).toContainText(/at least 2/i);
    await alert.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(alert).toBeHidden();
  });

  test('the list of forms itself missing: a message and a retry, not a blank page', async ({ page }) => {
    let calls = 0;
    await page.route('**/schemas/index.json', (r) => (calls++ === 0 ? r.fulfill({ status: 404, body: '' }) : r.fallback()));
    await page.goto(`./${OPEN}`);
    const alert = page.getByRole('alert', { name: 'The list of forms could not be loaded' });
    await expect(alert).toContainText('Check your connection and try again');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await pageReady(page);
    await expect(page.getByLabel('Project or product name')).toBeVisible();
  });
});

test.describe('storage that does not work', () => {
  test('disabled storage (getItem and setItem throw): a lasting notice, typing works, the draft downloads', async ({ page }) => {
    await page.addInitScript(() => {
      const deny = () => { throw new DOMException('The operation is insecure.', 'SecurityError'); };
      Storage.prototype.getItem = deny;
      Storage.prototype.setItem = deny;
      Storage.prototype.removeItem = deny;
    });
    await openForm(page);
    const alert = page.getByRole('alert', { name: 'Your answers are not being saved' });
    await expect(alert).toContainText('everything is lost when this page closes unless you save the draft to a file');
    const name = page.getByLabel('Project or product name');
    await name.fill('x');
    await expect(page.locator('#f_applicant_project_name-error')).toContainText(/at least 2/i);
    await name.fill('私密窗口中的项目');
    await settle(page);
    await expect(alert).toBeVisible();
    await expect(page.locator('#save-status')).toContainText('does not let this page save drafts');
    const file = await downloadOf(page, alert.getByRole('button', { name: 'Save draft to a file' }));
    expect(JSON.parse(file.text).answers.applicant.project_name).toBe('私密窗口中的项目');
  });

  test('blocked storage (the localStorage property itself throws), in Chinese', async ({ page }) => {
    await page.addInitScript(() => {
      Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('Access is denied', 'SecurityError'); } });
    });
    await openForm(page, '?now=2023-04-15T10:00:00%2B08:00&lang=zh');
    const alert = page.getByRole('alert', { name: '您的答案未被保存' });
    await expect(alert).toContainText('本浏览器不允许本页面保存草稿');
    await page.getByLabel('项目（产品）名称').fill('储能项目');
    await expect(page.getByLabel('项目（产品）名称')).toHaveValue('储能项目');
    await expect(alert.getByRole('button', { name: '将草稿保存为文件' })).toBeVisible();
  });

  test('storage full after the first save: a lasting notice, typing works, saving resumes when there is room', async ({ page }) => {
    await page.addInitScript(() => {
      const real = Storage.prototype.setItem;
      let drafts = 0;
      window.storageFull = true;
      Storage.prototype.setItem = function setItem(k, v) {
        if (k.startsWith('greenapply:draft:') && ++drafts > 1 && window.storageFull) {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        }
        return real.call(this, k, v);
      };
    });
    await openForm(page);
    const name = page.getByLabel('Project or product name');
    await name.fill('First');
    await expect(page.locator('#save-status')).toContainText('Draft saved');
    await name.fill('Second, not stored');
    const alert = page.getByRole('alert', { name: 'Your latest changes are not being saved' });
    await expect(alert).toContainText('storage for the page is full');
    await expect(page.locator('#save-status')).toContainText('Not saved');
    expect(JSON.parse(await stored(page)).answers.applicant.project_name).toBe('First');
    // The page keeps working, and the export has what is in memory, not what was last stored.
    await page.getByLabel('One-sentence summary').fill('Typed while the storage was full');
    await settle(page);
    await expect(alert).toBeVisible();
    const file = await downloadOf(page, alert.getByRole('button', { name: 'Save draft to a file' }));
    expect(JSON.parse(file.text).answers.applicant).toMatchObject({ project_name: 'Second, not stored', one_line_pitch: 'Typed while the storage was full' });
    // Room again (the applicant cleared other sites' data): the next change saves and the notice goes.
    await page.evaluate(() => { window.storageFull = false; });
    await name.fill('Third');
    await expect(alert).toBeHidden();
    await expect(page.locator('#save-status')).toContainText('Draft saved');
    expect(JSON.parse(await stored(page)).answers.applicant.project_name).toBe('Third');
  });
});

test('a draft that grows past the limit is not written (it could not be read back): a notice and the export', async ({ page }) => {
  await openForm(page);
  const max = await page.evaluate(async () => (await import('./js/storage.js')).MAX_DRAFT_CHARS);
  // Just under the limit, opened from a file; then a few thousand characters more are typed.
  const draft = { form: FORM, answers: { applicant: { project_name: 'Big' }, company: { company_name_en: 'x'.repeat(max - 4000) } } };
  await page.getByLabel('Open a draft file').setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
  await expect(page.getByLabel('Project or product name')).toHaveValue('Big');
  await page.getByLabel('One-sentence summary').fill('y'.repeat(5000));
  const alert = page.getByRole('alert', { name: 'Your draft is too large to save in this browser' });
  await expect(alert).toContainText('It has grown beyond 4.2M characters');
  expect((await stored(page)).length).toBeLessThanOrEqual(max);
  const file = await downloadOf(page, alert.getByRole('button', { name: 'Save draft to a file' }));
  expect(JSON.parse(file.text).answers.applicant.one_line_pitch).toHaveLength(5000);
});

test.describe('opening a file that is not a draft', () => {
  const bad = [
    ['random JSON', { name: 'random.json', mimeType: 'application/json', buffer: Buffer.from('{"hello": [1, 2, 3], "answers": [1]}') },
      '“random.json” is JSON, but not a draft or an application saved by this page.'],
    ['text that is not JSON', { name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('Dear organiser, please find attached') },
      '“notes.json” is not a draft saved by this page (it is not JSON).'],
    ['binary', { name: 'photo.json', mimeType: 'application/json',
      buffer: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0xff, 0xfe]), Buffer.alloc(2000, 0xc3)]) },
    '“photo.json” is not a text file, so it is not a draft.'],
    ['UTF-8 text with NUL characters', { name: 'nul.json', mimeType: 'application/json', buffer: Buffer.from(`{"form":"${FORM}","answers":{}}\u0000\u0000`) },
      '“nul.json” is not a text file'],
    ['another form\'s draft', { name: 'team.json', mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ form: 'bluetech-2023-team', version: '1.0.0', answers: { applicant: { project_name: 'Team' } } })) },
    `“team.json” is a draft of another form (“${TEAM}”).`],
  ];

  test('each is refused with a message, and nothing in the page or in storage changes', async ({ page }) => {
    await openForm(page);
    await page.getByLabel('Project or product name').fill('My own work');
    await expect(page.locator('#save-status')).toContainText('Draft saved');
    const before = await stored(page);
    const input = page.getByLabel('Open a draft file');
    const alert = page.getByRole('alert', { name: 'That file was not opened' });
    for (const [, file, message] of bad) {
      await input.setInputFiles(file);
      await expect(alert).toContainText(message);
      await expect(alert).toContainText('Nothing was changed.');
      await expect(page.getByLabel('Project or product name')).toHaveValue('My own work');
      expect(await stored(page)).toBe(before);
    }
    // A file far larger than any draft is refused for its size (the page does not even read it).
    const limit = await page.evaluate(async () => (await import('./js/storage.js')).MAX_DRAFT_FILE_BYTES);
    await input.setInputFiles({ name: 'huge.json', mimeType: 'application/json', buffer: Buffer.alloc(limit + 1, 0x20) });
    await expect(alert).toContainText('“huge.json” is larger than 37 MB, far more than any draft.');
    await expect(page.getByLabel('Project or product name')).toHaveValue('My own work');
    expect(await stored(page)).toBe(before);
    await alert.getByRole('button', { name: 'Dismiss this message' }).click();
    await expect(alert).toBeHidden();

    // And a real draft file is opened, so the refusals above were not the only possible outcome.
    const good = { form: FORM, version: '1.0.0', answers: { applicant: { project_name: 'From the file' } } };
    await input.setInputFiles({ name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await expect(page.getByLabel('Project or product name')).toHaveValue('From the file');
    await expect(alert).toHaveCount(0);
    expect(JSON.parse(await stored(page)).answers.applicant.project_name).toBe('From the file');
  });

  test('an application package (the JSON the page downloads) opens as a draft', async ({ page }) => {
    await openForm(page);
    await page.getByLabel('Project or product name').fill('Replaced');
    // The envelope of shared/src/form/application_package.cpp, with the answers it carries.
    const pkg = { format: 'greenapply-application', format_version: 1, package: { id: FORM, version: '1.0.0' }, engine: '0',
      answers: { applicant: { project_name: 'From the package', one_line_pitch: 'Flow batteries for grid storage' } } };
    await page.getByLabel('Open a draft file').setInputFiles({ name: 'application.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(pkg)) });
    await expect(page.getByLabel('Project or product name')).toHaveValue('From the package');
    await expect(page.getByLabel('One-sentence summary')).toHaveValue('Flow batteries for grid storage');
  });
});

// The notices are part of the page: they must be as usable with a screen reader or a keyboard as
// the form. axe is injected as a script, which the page's CSP (rightly) forbids: bypassed here only.
test.describe('accessibility of the notices', () => {
  test.use({ bypassCSP: true });
  for (const lang of ['en', 'zh']) {
    test(`axe finds no serious or critical problem with notices shown (${lang})`, async ({ page }) => {
      const old = { form: FORM, version: '0.9.0', answers: { applicant: { project_name: '储能', gone: 1 } } };
      await plant(page, { [KEY]: JSON.stringify(old), [`greenapply:aside:${FORM}:2023-04-01T08:00:00.000Z`]: 'kept' });
      await openForm(page, `?now=2023-04-15T10:00:00%2B08:00&lang=${lang}`);
      await expect(page.locator('[data-notice="dropped"]')).toBeVisible();
      await expect(page.locator('[data-notice="asides"]')).toBeVisible();
      await page.addScriptTag({ content: axeSource });
      const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
    });
  }

  test('axe finds no serious or critical problem on the load-failure page', async ({ page }) => {
    await page.route(`**/schemas/${FORM}/form.json`, (r) => r.fulfill({ status: 404, body: '' }));
    await page.goto(`./${OPEN}`);
    await expect(page.getByRole('alert', { name: `The form “${COMPANY}” could not be opened` })).toBeVisible();
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
  });
});
