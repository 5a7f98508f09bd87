// The applicant's page, used the way a person uses it: controls found by role and label.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { pageReady } from './page-ready.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const OPEN = '?now=2023-04-15T10:00:00%2B08:00&lang=en';

async function openForm(page, query = OPEN) {
  await page.goto(`./${query}`);
  await pageReady(page);
}

// One section per step: the task list goes to a step (or to "Check your answers").
async function goToStep(page, name) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeFocused();
}

test('an error appears on a touched field, in the summary, and disappears when fixed', async ({ page }) => {
  await openForm(page);
  const name = page.getByLabel('Project or product name');
  await name.fill('x');
  await expect(page.locator('#f_applicant_project_name-error')).toContainText(/at least 2/i);
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await name.fill('高效液流储能');
  await expect(page.locator('#f_applicant_project_name-error')).toBeHidden();
  await expect(name).not.toHaveAttribute('aria-invalid', 'true');
});

test('check lists every error as a link that takes focus to its field, on its step', async ({ page }) => {
  await openForm(page);
  await goToStep(page, 'Check your answers');
  // An empty form's review: every required field "Not answered", with a link to answer it.
  const review = page.getByRole('region', { name: 'Check your answers' });
  await expect(review.getByText(/^Some answers need attention/)).toBeVisible();
  await expect(review.getByRole('link', { name: 'Answer Company name (English)', exact: true })).toBeVisible();
  await expect(review.getByText('Not answered', { exact: true }).first()).toBeVisible();
  await page.getByRole('button', { name: 'Check the whole application' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  // The review's summary lists every section's errors; a link opens the field's step.
  await expect(summary.getByRole('link', { name: /Company name \(English\)/ })).toBeVisible();
  const link = summary.getByRole('link', { name: /Project or product name/ });
  await link.click();
  await expect(page).toHaveURL(/step=applicant/);
  await expect(page.getByLabel('Project or product name')).toBeFocused();
  // A step's own summary lists only that step's errors.
  await expect(summary.getByRole('link', { name: /Company name \(English\)/ })).toHaveCount(0);
  await expect(summary.getByRole('link', { name: /Project or product name/ })).toBeVisible();
});

test('Continue stays on a step with errors and moves on once they are fixed', async ({ page }) => {
  await openForm(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  // The summary takes focus; its child with role=alert (title and links) is what is announced.
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page).toHaveURL(/step=applicant/);
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Applicant and track' })).toHaveAccessibleDescription('Has errors');
  await page.getByRole('radio', { name: 'Energy storage' }).check();
  await page.getByRole('group', { name: /Technology fields/ }).getByRole('checkbox', { name: /Energy storage/ }).check();
  await page.getByLabel('Project or product name').fill('全钒液流储能');
  await page.getByLabel('One-sentence summary').fill('Long-duration flow storage for renewable plants.');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Company profile' })).toBeFocused();
  await expect(page.getByText('Step 2 of 10')).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Applicant and track' })).toHaveAccessibleDescription('Completed');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Company profile' })).toHaveAccessibleDescription('Not started');
  await page.getByLabel('Legal representative').fill('王明');
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Company profile' })).toHaveAccessibleDescription('In progress');
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Applicant and track' })).toBeFocused();
});

test('conditional fields follow the answers, and the core decides', async ({ page }) => {
  await openForm(page);
  await expect(page.getByLabel('Describe your low-carbon field')).toBeHidden();
  await page.getByRole('radio', { name: 'Other low-carbon field' }).check();
  await expect(page.getByLabel('Describe your low-carbon field')).toBeVisible();
  await page.getByRole('radio', { name: 'Energy storage' }).check();
  await expect(page.getByLabel('Describe your low-carbon field')).toBeHidden();
});

test('the language switch relabels everything and is remembered', async ({ page }) => {
  await openForm(page, '?now=2023-04-15T10:00:00%2B08:00');
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('企业申报表');
  await expect(page.getByLabel('项目（产品）名称')).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await page.reload();
  await pageReady(page);
  await expect(page.getByLabel('项目（产品）名称')).toBeVisible();
});

test('only the language shown is downloaded; the other comes on the first switch, and a failed one loses nothing', async ({ page }) => {
  const texts = [];
  page.on('request', (r) => { if (/i18n\/|texts\./.test(r.url())) texts.push(new URL(r.url()).pathname); });
  await openForm(page);
  expect(texts.sort()).toEqual(['/i18n/ui.en.json', '/schemas/bluetech-2023-company/i18n/en.json', '/schemas/common/texts.en.json']);
  await page.getByLabel('Project or product name').fill('Vanadium flow battery');

  // Offline before the first switch: the page stays in English, says why, keeps the answer.
  await page.route('**/i18n/zh.json', (r) => r.abort('internetdisconnected'));
  await page.getByRole('button', { name: '中文' }).click();
  const notice = page.getByRole('alert').filter({ hasText: 'The Chinese version of this form could not be loaded' });
  await expect(notice).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByLabel('Project or product name')).toHaveValue('Vanadium flow battery');

  // Back online: "Try again" switches, the core's own messages follow, nothing is lost.
  await page.unroute('**/i18n/zh.json');
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByLabel('项目（产品）名称')).toHaveValue('Vanadium flow battery');
  await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toHaveCount(0);
  await page.getByLabel('项目（产品）名称').fill('x');
  await expect(page.locator('#f_applicant_project_name-error')).toHaveText(/[\u4e00-\u9fff]/);
  await page.getByLabel('项目（产品）名称').fill('Vanadium flow battery');

  // Switching back uses what is already loaded: no request for English again.
  const before = texts.length;
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByLabel('Project or product name')).toHaveValue('Vanadium flow battery');
  expect(texts.length).toBe(before);
});

test('when the page\'s Chinese texts cannot be fetched it opens in English, says so, and switches once they can', async ({ page }) => {
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.route('**/i18n/ui.zh.json', (r) => r.abort('internetdisconnected'));
  await openForm(page, '?now=2023-04-15T10:00:00%2B08:00&lang=zh');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const notice = page.getByRole('alert').filter({ hasText: 'The Chinese version of this form could not be loaded' });
  await expect(notice).toBeVisible();
  await expect(page.getByLabel('Project or product name')).toBeVisible();
  await page.unroute('**/i18n/ui.zh.json');
  await notice.getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hans');
  await expect(page.getByRole('button', { name: '继续' }).first()).toBeVisible();
  // An English visit never asks for them.
  const english = await page.context().newPage();
  const englishRequests = [];
  english.on('request', (r) => englishRequests.push(new URL(r.url()).pathname));
  await openForm(english);
  expect(englishRequests.filter((p) => p.endsWith('/i18n/ui.zh.json'))).toEqual([]);
  expect(requested.filter((p) => p.endsWith('/i18n/ui.zh.json')).length).toBeGreaterThan(0);
});

test('a reload or a closed tab loses nothing', async ({ page, context }) => {
  await openForm(page);
  await page.getByLabel('Project or product name').fill('全钒液流储能');
  await page.getByRole('radio', { name: 'Energy storage' }).check();
  await goToStep(page, 'Team');
  const team = page.getByRole('region', { name: 'Team', exact: true });
  await team.getByRole('button', { name: 'Add: Core team members (the first is the team lead)' }).click();
  await team.getByLabel('Name', { exact: true }).first().fill('王明');
  await expect(page.locator('#save-status')).toContainText('Draft saved');
  await page.reload();
  await pageReady(page);
  // The reload keeps the step as well as the answers.
  await expect(page).toHaveURL(/step=team/);
  await expect(team.getByLabel('Name', { exact: true }).first()).toHaveValue('王明');
  await goToStep(page, 'Applicant and track');
  await expect(page.getByLabel('Project or product name')).toHaveValue('全钒液流储能');
  await expect(page.getByRole('radio', { name: 'Energy storage' })).toBeChecked();
  await page.close();
  const again = await context.newPage();
  await openForm(again);
  await expect(again.getByLabel('Project or product name')).toHaveValue('全钒液流储能');
  await expect(again.locator('#save-status')).toContainText('restored');
});

test('a section link pressed right after typing opens its step: what was typed is evaluated after the click, not under the pointer', async ({ page }) => {
  await openForm(page);
  const field = page.getByLabel('One-sentence summary');
  await field.pressSequentially('Flow battery');
  const link = page.getByRole('navigation').getByRole('link', { name: 'Company profile', exact: true });
  const evaluations = () => page.evaluate(() => window.greenapply.evaluations);
  // The key and the press must fall inside one typing pause (250 ms), so that the evaluation is
  // still waiting when the pointer goes down: a window tall enough to show the box and the link
  // without scrolling, the pointer already over the link, then only the key and the press. On a
  // busy machine the pause can still run out between the two; then the press is taken back
  // (released off the link) and tried again.
  await page.setViewportSize({ width: 1280, height: 3200 });
  await page.evaluate(() => window.scrollTo(0, 0));
  const box = await link.boundingBox();
  const fieldBox = await field.boundingBox();
  expect(fieldBox.y + fieldBox.height).toBeLessThan(3200);
  let before;
  for (let attempt = 0; ; attempt++) {
    await field.focus();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await expect.poll(async () => { const a = await evaluations(); await page.waitForTimeout(300); return (await evaluations()) === a; }).toBe(true);
    before = await evaluations();
    await page.keyboard.type('!');
    await page.mouse.down();  // the box loses focus: its evaluation waits for the release
    if (await evaluations() === before) break;
    expect(attempt, 'an evaluation ran between the key and the press five times: at the press (the bug), or the typing pause ran out first (a very busy machine)').toBeLessThan(4);
    await page.mouse.move(box.x + box.width + 400, 5);
    await page.mouse.up();
  }
  await page.waitForTimeout(400);  // a press as long as a person's, past the typing pause
  expect(await evaluations()).toBe(before);
  await page.mouse.up();
  await expect(page.getByRole('heading', { level: 2, name: 'Company profile', exact: true })).toBeFocused();
  expect(await evaluations()).toBeGreaterThan(before);
});

test('an error fixed by typing, then another error\'s link pressed in the summary: the link is followed', async ({ page }) => {
  await openForm(page);
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.locator('#error-summary');
  await expect(summary).toBeFocused();
  const fixed = summary.getByRole('link', { name: /^Project or product name/ });
  const pressed = summary.getByRole('link', { name: /^One-sentence summary/ });
  const count = await summary.getByRole('link').count();
  // The fixed error is listed above the pressed one: its line going away in the middle of the
  // press would move the pressed link up under the pointer.
  expect((await fixed.boundingBox()).y).toBeLessThan((await pressed.boundingBox()).y);
  await page.getByLabel('Project or product name').pressSequentially('高效液流储能');
  await pressed.click({ delay: 400 });  // a press as long as a person's, past the typing pause
  await expect(page.getByLabel('One-sentence summary')).toBeFocused();
  await expect(summary.getByRole('link')).toHaveCount(count - 1);
});

test('hostile text is shown as text, never run', async ({ page }) => {
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs++; d.dismiss(); });
  await openForm(page);
  const hostile = '<img src=x onerror=alert(1)><script>alert(2)</script>';
  await page.getByLabel('One-sentence summary').fill(hostile);
  await goToStep(page, 'Company profile');
  await page.getByLabel('Company name (English)').fill(hostile);
  await goToStep(page, 'Check your answers');
  await page.getByRole('button', { name: 'Check the whole application' }).click();
  // The review shows the text as typed, as text.
  await expect(page.getByRole('region', { name: 'Check your answers' }).getByText(hostile)).toHaveCount(2);
  expect(await page.locator('#main img').count()).toBe(0);
  await goToStep(page, 'Applicant and track');
  await expect(page.getByLabel('One-sentence summary')).toHaveValue(hostile);
  expect(await page.locator('#main img').count()).toBe(0);
  expect(dialogs).toBe(0);
});

test('after the deadline the page says so plainly and the self-assessment still runs', async ({ page }) => {
  await openForm(page, '?now=2023-05-01T00:00:00%2B08:00&lang=en');
  await expect(page.locator('#round')).toContainText('closed on 30 April 2023, 24:00 (Beijing time)');
  await expect(page.locator('#round')).toContainText('still complete the self-assessment');
  await page.getByRole('radio', { name: 'Energy storage' }).check();
  await expect(page.locator('#score')).toContainText('Band');
});

test('no request leaves this machine', async ({ page }) => {
  const hosts = new Set();
  page.on('request', (r) => hosts.add(new URL(r.url()).host));
  await openForm(page);
  await page.getByLabel('Project or product name').fill('test');
  await page.getByRole('button', { name: '中文' }).click();
  for (const h of hosts) expect(h).toMatch(/^127\.0\.0\.1:\d+$/);
});

test('the application package downloads as JSON made by the core', async ({ page }) => {
  await openForm(page);
  await goToStep(page, 'Company profile');
  await page.getByLabel('Company name (English)').fill('Beijing Test Co');
  await goToStep(page, 'Check your answers');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download application (JSON)' }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^bluetech-cnpa-company-beijing-test-co-\d{8}\.json$/);
  const pkg = JSON.parse(readFileSync(await download.path(), 'utf8'));
  expect(pkg.format).toBe('greenapply-application');
  expect(pkg.answers.company.company_name_en).toBe('Beijing Test Co');
  expect(pkg.answers_sha256).toMatch(/^[0-9a-f]{64}$/);
  const email = await page.getByRole('link', { name: 'Prepare the e-mail' }).getAttribute('href');
  expect(email).toMatch(/^mailto:applications%40bluetech-award\.example\?subject=/);
});

// axe is injected as a script, which the page's own CSP (rightly) forbids: bypass it here only.
test.describe('accessibility', () => {
  test.use({ bypassCSP: true });
for (const lang of ['en', 'zh']) {
  test(`axe finds no serious or critical problem (${lang})`, async ({ page }) => {
    await openForm(page, `?now=2023-04-15T10:00:00%2B08:00&lang=${lang}`);
    await goToStep(page, lang === 'en' ? 'Check your answers' : '检查并确认申报信息');
    await page.getByRole('button', { name: lang === 'en' ? 'Check the whole application' : '检查整份申报表' }).click();
    await page.addScriptTag({ content: axeSource });
    const scan = async (where) => {
      const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
      const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      expect(bad.map((v) => `${where}: ${v.id}: ${v.nodes.length} × ${v.help}`)).toEqual([]);
    };
    // The review with every error listed, then a step with its errors at the fields.
    await scan('review');
    await page.locator('#error-summary').getByRole('link').first().click();
    await expect(page).toHaveURL(/step=applicant/);
    await scan('step');
  });
}
});
