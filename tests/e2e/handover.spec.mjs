// Leaving with the application (issue #13, point 4): the review's last part gives the address,
// the subject, the files to attach and the message in plain text with a Copy button each (for
// webmail, where a mailto: link does nothing visible); an application with problems says so on
// the page, in the package and in the e-mail, and can still be saved; "Check the whole
// application" always answers. The complete application is the company package's strong
// worked example, opened as a draft file.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { draftFile, expectedMail, loadPackage, parseMailto } from './fill-form.mjs';
import { pageReady } from './page-ready.mjs';

const PACKAGE = 'bluetech-2023-company';
const EXAMPLE = 'examples/02-strong.json';

// The example's answers (changed by `edit`) opened as a draft, then "Check your answers".
async function openReview(page, pkg, { lang = 'en', edit = (a) => a, now = pkg.example.now } = {}) {
  await page.goto(`./?now=${encodeURIComponent(now)}&lang=${lang}`);
  await pageReady(page);
  const answers = edit(structuredClone(pkg.example.answers));
  await page.getByLabel(lang === 'en' ? 'Open a draft file' : '打开草稿文件').setInputFiles(draftFile(pkg, answers));
  const review = lang === 'en' ? 'Check your answers' : '检查并确认申报信息';
  await page.getByRole('navigation').getByRole('link', { name: review }).click();
  await expect(page.getByRole('heading', { level: 2, name: review })).toBeFocused();
  return answers;
}

const leaving = (page, lang = 'en') => page.getByRole('region', { name: lang === 'en' ? 'Check and send' : '核对并提交', exact: true });

async function downloadName(page, name) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
  return { name: download.suggestedFilename(), text: readFileSync(await download.path(), 'utf8') };
}

test('a complete application: where to send, the subject, the files and the message, each to copy', async ({ page, context, request }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
  const answers = await openReview(page, pkg);
  const leave = leaving(page);
  const want = expectedMail(pkg, answers);
  const json = await downloadName(page, 'Download application (JSON)');
  const xml = await downloadName(page, 'Download application (XML)');

  await expect(leave.getByRole('heading', { level: 3, name: 'Send your application' })).toBeVisible();
  await expect(leave.getByRole('textbox', { name: 'Send to', exact: true })).toHaveValue('applications@bluetech-award.example');
  await expect(leave.getByRole('textbox', { name: 'Subject', exact: true }))
    .toHaveValue(`[Bluetech CNP 2023] COMPANY | Energy storage | ${answers.company.company_name_en}`);
  expect(want.subject).toBe(await leave.getByRole('textbox', { name: 'Subject', exact: true }).inputValue());
  // The two package files by the names the download buttons gave them, then every attachment.
  const files = leave.getByRole('list', { name: 'Files to attach' }).getByRole('listitem');
  await expect(files).toHaveText([json.name, xml.name, ...want.attachments]);
  expect(want.attachments).toContain('Business plan or pitch deck (PDF): business-plan.pdf');

  const ev = await page.evaluate(() => window.greenapply.evaluation);
  const body = [
    'Bluetech Carbon Neutrality Pioneers Award 2023 — company application', '',
    `Applicant: ${answers.company.company_name_en}`,
    'Eligibility: Eligible on the answers given so far.',
    'Errors: none — complete',
    `Self-score: ${pkg.example.expected.score.total} (A — strong candidate)`,
    ev.score.dimensions.map((d) => `${pkg.en[`rubric.${d.id}.title`]} ${d.score}/${d.weight}`).join(' · '),
    // Carbon impact beside the total, with the package's note that it is not part of it.
    `${pkg.en['rubric.carbon.title']}: ${pkg.example.expected.score.indicators.carbon} of 100 (${pkg.en['rubric.carbon.indicator_note']})`,
    '', 'Files attached:', `- ${json.name}`, `- ${xml.name}`, ...want.attachments.map((a) => `- ${a}`),
    // What happens after sending and whom to ask: the package's own steps, in order.
    '', 'What happens next:', ...pkg.form.submission.next_steps.map((k, i) => `${i + 1}. ${pkg.en[k]}`),
    '', `Contact: ${pkg.en[pkg.form.submission.contact]}`].join('\n');
  expect(body).toContain('5. The results are announced and the awards presented at the Greentech Financing Platform (GFP) annual meeting.');
  expect(body).toContain('010-52878481');
  await expect(leave.getByRole('textbox', { name: 'Message', exact: true })).toHaveValue(body);
  // No warning: nothing is wrong.
  await expect(leave.getByText(/problems? — the organiser will see/)).toHaveCount(0);

  // Each Copy button puts its part on the clipboard and says so.
  const status = leave.getByRole('status').filter({ hasText: 'Copied' });
  for (const [button, label, text] of [
    ['Copy the address', 'Send to', 'applications@bluetech-award.example'],
    ['Copy the subject', 'Subject', want.subject],
    ['Copy the file names', 'Files to attach', [json.name, xml.name, ...want.attachments].join('\n')],
    ['Copy the message', 'Message', body]]) {
    await leave.getByRole('button', { name: button, exact: true }).click();
    await expect(status).toHaveText(`Copied: ${label}.`);
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(text);
  }

  // The mailto: link stays, as one option, with the same parts.
  const mail = parseMailto(await leave.getByRole('link', { name: 'Prepare the e-mail' }).getAttribute('href'));
  expect(mail.to).toBe('applications@bluetech-award.example');
  expect(mail.subject).toBe(want.subject);
  // Mail clients take about 2,000 characters: a longer body is cut in the link (never in the copy field).
  expect(mail.body).toBe(body.length > 1800 ? `${body.slice(0, 1790)}…` : body);
});

test('when the browser refuses the clipboard, the text is selected to copy by hand', async ({ page, request }) => {
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
  });
  const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
  await openReview(page, pkg);
  const leave = leaving(page);
  await leave.getByRole('button', { name: 'Copy the subject', exact: true }).click();
  await expect(leave.getByRole('status').filter({ hasText: 'did not let the page copy' }))
    .toHaveText('This browser did not let the page copy. Subject is selected: press Ctrl+C (⌘C on a Mac) to copy it.');
  const subject = leave.getByRole('textbox', { name: 'Subject', exact: true });
  await expect(subject).toBeFocused();
  const selected = await subject.evaluate((i) => i.value.slice(i.selectionStart, i.selectionEnd));
  expect(selected).toBe(await subject.inputValue());
  expect(selected).toMatch(/^\[Bluetech CNP 2023\] COMPANY \| /);
});

test('the Chinese hand-over: subject and message in Chinese, with translated names', async ({ page, request }) => {
  const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
  const answers = await openReview(page, pkg, { lang: 'zh' });
  const leave = leaving(page, 'zh');
  await expect(leave.getByRole('heading', { level: 3, name: '发送申报材料' })).toBeVisible();
  await expect(leave.getByRole('textbox', { name: '收件人', exact: true })).toHaveValue('applications@bluetech-award.example');
  const subject = await leave.getByRole('textbox', { name: '邮件主题', exact: true }).inputValue();
  expect(subject).toBe(`[创蓝碳中和先锋奖 2023] 企业申报 | 储能 | ${answers.company.company_name_en}`);
  expect(subject).not.toContain('COMPANY');
  const body = await leave.getByRole('textbox', { name: '邮件正文', exact: true }).inputValue();
  expect(body.split('\n').slice(0, 5)).toEqual([
    '2023年创蓝碳中和先锋奖 — 企业申报表', '', `申请人：${answers.company.company_name_en}`,
    '申报资格：根据目前填写的内容，符合申报条件。', '问题：无，已填写完整']);
  expect(body).toContain(`自评得分：${pkg.example.expected.score.total}（A — 优秀）`);
  expect(body).toContain('技术');
  // No internal names: dimension ids and verdict ids stay inside the core.
  const summary = body.slice(0, body.indexOf('\n附件：\n'));
  for (const id of ['business_model', 'technology', 'eligible', 'Self-score', 'Eligibility', 'COMPANY']) expect(summary).not.toContain(id);
  // Attachments by their Chinese labels, with full-width punctuation.
  await expect(leave.getByRole('list', { name: '需附上的文件' }).getByRole('listitem').nth(2)).toHaveText('商业计划书/路演PPT（PDF）：business-plan.pdf');
  expect(body).toContain('\n- 商业计划书/路演PPT（PDF）：business-plan.pdf\n');
  const mail = parseMailto(await leave.getByRole('link', { name: '生成邮件' }).getAttribute('href'));
  expect(mail.subject).toBe(subject);
  expect(mail.body).toBe(body);
});

for (const lang of ['en', 'zh']) {
  test(`"Check the whole application" answers when all is well (${lang})`, async ({ page, request }) => {
    const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
    await openReview(page, pkg, { lang });
    await page.getByRole('button', { name: lang === 'en' ? 'Check the whole application' : '检查整份申报表' }).click();
    const said = lang === 'en'
      ? 'No problems found: the application is complete. Eligible on the answers given so far.'
      : '未发现问题：申报表已填写完整。根据目前填写的内容，符合申报条件。';
    const status = leaving(page, lang).getByRole('status').filter({ hasText: said });
    await expect(status).toHaveText(said);
    await expect(status).toBeFocused();
    await expect(page.locator('#error-summary')).toBeHidden();
  });
}

test('an application with a problem says so on the page, in the packages and in the e-mail, and still downloads', async ({ page, request }) => {
  const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
  await openReview(page, pkg);
  // "fifty" typed where a number of employees belongs, as an applicant might.
  await page.getByRole('link', { name: 'Change Number of employees', exact: true }).click();
  await page.getByLabel('Number of employees', { exact: true }).fill('fifty');
  await page.getByRole('region', { name: 'Company profile' }).getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeVisible();
  await page.getByRole('navigation').getByRole('link', { name: 'Check your answers' }).click();
  const leave = leaving(page);

  // On the page: the warning above the download buttons, and the verdict not plain "Eligible".
  const warning = leave.getByText('This application has 1 problem — the organiser will see it. Fix it first:');
  await expect(warning).toBeVisible();
  const warningBox = page.locator('#leave-warning');
  await expect(warningBox).toContainText('Warning');
  const [boxTop, buttonTop] = await Promise.all([warningBox.boundingBox(), leave.getByRole('button', { name: 'Download application (JSON)' }).boundingBox()]);
  expect(boxTop.y).toBeLessThan(buttonTop.y);
  const result = page.getByRole('region', { name: 'Your result', exact: true });
  await expect(result.getByText('Not ready to send: 1 problem to fix.')).toBeVisible();

  // In the packages: valid false with the count, beside the verdict; they still download.
  const json = await downloadName(page, 'Download application (JSON)');
  const exported = JSON.parse(json.text);
  expect(exported.self_assessment.valid).toBe(false);
  expect(exported.self_assessment.error_count).toBe(1);
  expect(exported.answers.company.employees_total).toBe('fifty');
  const xml = await downloadName(page, 'Download application (XML)');
  expect(xml.text).toMatch(/<object name="self_assessment">[\s\S]*<boolean name="valid">false<\/boolean>/);
  expect(xml.text).toContain('<number name="error_count">1</number>');

  // In the e-mail: the message and the mailto: link.
  const body = await leave.getByRole('textbox', { name: 'Message', exact: true }).inputValue();
  expect(body).toContain('\nErrors: 1 — not ready\n');
  expect(parseMailto(await leave.getByRole('link', { name: 'Prepare the e-mail' }).getAttribute('href')).body).toContain('Errors: 1 — not ready');

  // The warning's link lists the problem and the summary takes focus.
  await leave.getByRole('link', { name: 'see the problems' }).click();
  await expect(page.locator('#error-summary')).toBeFocused();
  await expect(page.locator('#error-summary').getByRole('link', { name: /^Number of employees/ })).toBeVisible();

  // In Chinese too.
  await page.getByRole('button', { name: '中文' }).click();
  const zh = leaving(page, 'zh');
  await expect(zh.getByText('本申报表有 1 处问题，主办方会看到。请先修改：')).toBeVisible();
  expect(await zh.getByRole('textbox', { name: '邮件正文', exact: true }).inputValue()).toContain('\n问题：1 处，尚未完成\n');
  await expect(page.getByRole('region', { name: '评估结果', exact: true }).getByText('尚不能提交：还有 1 处问题需要修改。')).toBeVisible();
});

test('an ineligible application is said to be so before the download buttons', async ({ page, request }) => {
  const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
  // The business plan, which the round requires, not recorded: the verdict is "ineligible".
  await openReview(page, pkg, { edit: (a) => { delete a.attachments.att_business_plan; return a; } });
  const leave = leaving(page);
  await expect(leave.getByText('On these answers the application is not eligible: see “Why you cannot apply yet” under “Your result”.')).toBeVisible();
  await expect(leave.getByRole('list', { name: 'Files to attach' }).getByRole('listitem').nth(2)).toHaveText('Business plan or pitch deck (PDF): missing (required)');
  const result = page.getByRole('region', { name: 'Your result', exact: true });
  await expect(result.getByRole('list', { name: 'Why you cannot apply yet' }).getByRole('listitem'))
    .toHaveText(['Blocks: Attachment missing: Business plan or pitch deck (PDF).']);
});

test('what happens next: the programme’s steps and the organiser’s phone on the last step, in both languages', async ({ page, request }) => {
  const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
  await openReview(page, pkg);
  const next = leaving(page).getByRole('region', { name: 'What happens next', exact: true });
  await expect(next.getByRole('list').getByRole('listitem')).toHaveText(pkg.form.submission.next_steps.map((k) => pkg.en[k]));
  await expect(next.getByRole('listitem').first()).toHaveText(/^Preliminary screening/);
  await expect(next.getByText('Questions about the award: call the organiser on 010-52878481 (Beijing).', { exact: true })).toBeVisible();
  await page.getByRole('button', { name: '中文' }).click();
  const zh = leaving(page, 'zh').getByRole('region', { name: '后续流程', exact: true });
  await expect(zh.getByRole('listitem').first()).toHaveText('初步筛选：主办方核查申报材料是否完整、是否符合申报条件。');
  await expect(zh.getByText('如对奖项有疑问，请致电主办方：010-52878481（北京）。', { exact: true })).toBeVisible();
});

test('the score panel shows carbon impact beside the total, said not to be part of it', async ({ page, request }) => {
  const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
  await openReview(page, pkg);
  const result = page.getByRole('region', { name: 'Your result', exact: true });
  await expect(result.getByText(`${pkg.en['rubric.carbon.title']}: ${pkg.example.expected.score.indicators.carbon} of 100`, { exact: true })).toBeVisible();
  await expect(result.getByText(pkg.en['rubric.carbon.indicator_note'], { exact: true })).toBeVisible();
  // The chart has the five dimensions the award names, not carbon.
  const chart = result.getByRole('img');
  await expect(chart).not.toHaveAttribute('aria-label', new RegExp(pkg.en['rubric.carbon.title']));
  const exported = JSON.parse((await downloadName(page, 'Download application (JSON)')).text);
  expect(Object.keys(exported.self_assessment.score.dimensions).sort()).toEqual(['business_model', 'ip', 'market', 'team', 'technology']);
  expect(exported.self_assessment.score.indicators).toEqual({ carbon: pkg.example.expected.score.indicators.carbon });
});

test('after the round closes the verdict itself says closed, and so does the hand-over', async ({ page, request }) => {
  const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
  await openReview(page, pkg, { now: '2023-05-01T00:00:00+08:00' });
  const closed = 'Closed: this round ended on 30 April 2023, 24:00 (Beijing time), and applications can no longer be sent. Your self-assessment on the answers given: Eligible on the answers given so far.';
  const result = page.getByRole('region', { name: 'Your result', exact: true });
  await expect(result.getByText(closed, { exact: true })).toBeVisible();
  await expect(result.getByText('Eligible on the answers given so far.', { exact: true })).toHaveCount(0);
  await expect(page.locator('#leave-warning')).toContainText(closed);
  // The self-assessment keeps working: the score is the example's.
  await expect(result.locator('.ga-total__number')).toHaveText(String(pkg.example.expected.score.total));
});
