// Messages in the applicant's words, before they fail (issue 13, points 6 and 9): each test
// shows one message as an applicant meets it on the Bluetech company form, in both languages
// where text is involved, found by role and label.
import { test, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { draftFile } from './fill-form.mjs';
import { pageReady } from './page-ready.mjs';

const NOW = 'now=2023-04-15T10:00:00%2B08:00';
const pkg = { form: JSON.parse(readFileSync(new URL('../../schemas/bluetech-2023-company/form.json', import.meta.url), 'utf8')) };

async function openForm(page, lang = 'en') {
  await page.goto(`./?${NOW}&lang=${lang}`);
  await pageReady(page);
}

async function goToStep(page, name) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeFocused();
}

// The message shown beside a control (its aria-describedby names the error paragraph).
const errorOf = (page, id) => page.locator(`#${id}-error`);

async function openDraft(page, answers, lang = 'en') {
  await openForm(page, lang);
  await page.getByLabel(lang === 'en' ? 'Open a draft file' : '打开草稿文件').setInputFiles(draftFile(pkg, answers));
}

for (const [lang, step, label, message] of [
  ['en', 'Company profile', 'Number of employees', 'Enter a whole number, like 25.'],
  ['zh', '企业基本情况', '员工总数', '请输入整数，例如 25。'],
]) {
  test(`a number with a decimal in a whole-number box says so in plain words (${lang})`, async ({ page }) => {
    await openForm(page, lang);
    await goToStep(page, step);
    const box = page.getByLabel(label, { exact: true });
    await box.fill('25.5');
    await expect(box).toHaveAttribute('aria-invalid', 'true');
    await expect(errorOf(page, 'f_company_employees_total')).toHaveText(message);
    await expect(errorOf(page, 'f_company_employees_total')).not.toContainText('integer');
  });
}

for (const [lang, step, group, options, message] of [
  ['en', 'Applicant and track', 'Technology fields (up to three)', ['Solar', 'Wind', 'Geothermal', 'Bioenergy'], 'Choose at most 3 (you have chosen 4).'],
  ['zh', '申报基本信息', '技术领域（最多三项）', ['太阳能', '风能', '地热能', '生物质能'], '最多选择3项（当前已选4项）。'],
]) {
  test(`a fourth box ticked on a list of at most three says "choose", not "enter" (${lang})`, async ({ page }) => {
    await openForm(page, lang);
    await goToStep(page, step);
    const fields = page.getByRole('group', { name: group, exact: true });
    for (const name of options) await fields.getByRole('checkbox', { name, exact: true }).check();
    await expect(errorOf(page, 'f_applicant_tech_field')).toHaveText(message);
  });
}

for (const [lang, step, declaration, title, link] of [
  ['en', 'Attachments and declarations', 'I declare that all information is true and accurate.', 'There is a problem',
    'I declare that all information is true and accurate: Confirm that this statement is true by ticking the box.'],
  ['zh', '附件与声明', '本人承诺所填信息真实准确。', '存在以下问题', '本人承诺所填信息真实准确：请勾选方框，确认此项声明属实。'],
]) {
  test(`an unticked declaration is listed once, without "…accurate.:", and says what to do (${lang})`, async ({ page }) => {
    await openForm(page, lang);
    await goToStep(page, step);
    await page.getByRole('button', { name: lang === 'en' ? 'Continue' : '继续', exact: true }).click();
    const summary = page.getByRole('alert').filter({ hasText: title });
    await expect(summary.getByRole('link', { name: link, exact: true })).toBeVisible();
    await expect(page.getByRole('checkbox', { name: declaration, exact: true })).toHaveAttribute('aria-invalid', 'true');
  });
}

for (const [lang, step, label, empty, partial, over] of [
  ['en', 'Market', 'Competitive advantage', '0 characters — at least 150, at most 1,500',
    '12 characters — 138 more needed (at least 150, at most 1,500)', '1,501 characters — 1 too many (at least 150, at most 1,500)'],
  ['zh', '市场情况', '竞争优势', '0 字——至少 150 字，至多 1,500 字', '12 字——还需 138 字（至少 150 字，至多 1,500 字）',
    '1,501 字——超出 1 字（至少 150 字，至多 1,500 字）'],
]) {
  test(`a text's minimum is on its counter before Continue (${lang})`, async ({ page }) => {
    await openForm(page, lang);
    await goToStep(page, step);
    const box = page.getByLabel(label, { exact: true });
    await expect(page.locator('#f_market_competitive_advantage-count')).toHaveText(empty);
    await box.fill('Twelve chars');
    await expect(page.locator('#f_market_competitive_advantage-count')).toHaveText(partial);
    await box.fill('x'.repeat(1501));
    await expect(page.locator('#f_market_competitive_advantage-count')).toHaveText(over);
  });
}

for (const [lang, message] of [
  ['en', 'Shareholding structure: The shareholdings must add up to 100%; they add up to 90% now.'],
  ['zh', '股权结构：各股东持股比例之和须为100%，目前合计为90%。'],
]) {
  test(`shares that do not add up to 100 % say what they add up to (${lang})`, async ({ page }) => {
    await openDraft(page, { team: { shareholders: [{ name: 'Li Na', type: 'founder', pct: 60 }, { name: 'Fund', type: 'institution', pct: 30 }] } }, lang);
    await goToStep(page, lang === 'en' ? 'Check your answers' : '检查并确认申报信息');
    await page.getByRole('button', { name: lang === 'en' ? 'Check the whole application' : '检查整份申报表' }).click();
    await expect(page.locator('#error-summary').getByRole('link', { name: message, exact: true })).toBeVisible();
  });
}

test('a phone number typed with spaces is taken without them; a web address without https:// gets it', async ({ page }) => {
  await openForm(page);
  await goToStep(page, 'Contact person');
  const phone = page.getByLabel('Mobile phone', { exact: true });
  await phone.fill('138 1234 5678');
  await phone.blur();
  await expect(phone).toHaveValue('13812345678');
  await expect(phone).not.toHaveAttribute('aria-invalid', 'true');
  await expect(errorOf(page, 'f_contact_contact_phone')).toBeHidden();
  await goToStep(page, 'Company profile');
  const website = page.getByLabel('Website', { exact: true });
  await website.fill('www.helistore.cn');
  await website.blur();
  await expect(website).toHaveValue('https://www.helistore.cn');
  await expect(website).not.toHaveAttribute('aria-invalid', 'true');
  await expect(errorOf(page, 'f_company_website')).toBeHidden();
  expect(await page.evaluate(() => window.greenapply.answers.contact.contact_phone)).toBe('13812345678');
});

for (const [lang, step, label, message] of [
  ['en', 'Contact person', 'E-mail', 'Enter the whole e-mail address, with the part after the @ including a dot, like name@example.com.'],
  ['zh', '联系人', '电子邮箱', '请填写完整的电子邮箱地址，@ 之后的域名须带“.”，例如 name@example.com。'],
]) {
  test(`an e-mail address without a dotted domain is refused, with one message (${lang})`, async ({ page }) => {
    await openForm(page, lang);
    await goToStep(page, step);
    const email = page.getByLabel(label, { exact: true });
    await email.fill('lina@helistore');
    await expect(errorOf(page, 'f_contact_contact_email')).toHaveText(message);
    await email.fill('lina');  // not an address at all: the format's own text, and only it
    await expect(errorOf(page, 'f_contact_contact_email')).not.toContainText(message);
    await email.fill('lina@helistore.cn');
    await expect(errorOf(page, 'f_contact_contact_email')).toBeHidden();
  });
}

for (const [lang, step, group, filter, country, chosen] of [
  ['en', 'Market', 'Markets served (countries)', 'Find a country or region by name', 'Germany', 'Chosen: Germany'],
  ['zh', '市场情况', '已进入市场（国家/地区）', '按名称查找国家或地区', '德国', '已选：德国'],
]) {
  test(`markets are chosen from a list of countries by name, found by typing (${lang})`, async ({ page }) => {
    await openForm(page, lang);
    await goToStep(page, step);
    const markets = page.getByRole('group', { name: group, exact: true });
    const box = markets.getByRole('searchbox');
    await expect(box).toHaveAccessibleName(filter);
    await box.fill(lang === 'en' ? 'germ' : '德');
    await expect(markets.getByRole('checkbox', { name: 'France' })).toBeHidden();
    await markets.getByRole('checkbox', { name: country, exact: true }).check();
    await expect(markets.getByText(chosen, { exact: true })).toBeVisible();
    expect(await page.evaluate(() => window.greenapply.answers.market.markets_served)).toEqual(['DE']);
  });
}

const docx = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('[Content_Types].xml'), Buffer.alloc(40),
  Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(26), Buffer.from('word/document.xml'), Buffer.alloc(200)]);
const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, 0x20), Buffer.from('%%EOF\n')]);

for (const [lang, step, label, refused] of [
  ['en', 'Attachments and declarations', 'Business plan or pitch deck (PDF)', '“plan.pdf” was not recorded: it is not a PDF file'],
  ['zh', '附件与声明', '商业计划书/路演PPT（PDF）', '未登记“plan.pdf”：它不是PDF 文件'],
]) {
  test(`a Word document is not recorded as the business plan (PDF), even named .pdf (${lang})`, async ({ page }) => {
    await openForm(page, lang);
    await goToStep(page, step);
    const input = page.getByLabel(label, { exact: true });
    await input.setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: docx });
    await expect(page.getByRole('alert').filter({ hasText: refused })).toBeVisible();
    expect(await page.evaluate(() => window.greenapply.answers.attachments?.att_business_plan ?? null)).toBeNull();
    await input.setInputFiles({ name: 'plan.pdf', mimeType: 'application/pdf', buffer: pdf });
    await expect.poll(() => page.evaluate(() => window.greenapply.answers.attachments?.att_business_plan?.name ?? null)).toBe('plan.pdf');
    await expect(page.getByRole('alert').filter({ hasText: refused })).toBeHidden();
  });
}

test('a business plan over the package\'s 20 MB is refused before it is read', async ({ page }) => {
  await openForm(page);
  await goToStep(page, 'Attachments and declarations');
  await page.getByLabel('Business plan or pitch deck (PDF)', { exact: true })
    .setInputFiles({ name: 'huge.pdf', mimeType: 'application/pdf', buffer: Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(20.5 * 1024 * 1024)]) });
  await expect(page.getByRole('alert').filter({ hasText: '“huge.pdf” was not recorded: it is 20.5 MB, more than the 20 MB this form accepts.' })).toBeVisible();
  expect(await page.evaluate(() => window.greenapply.answers.attachments?.att_business_plan ?? null)).toBeNull();
});

test('Chinese: money in 元, full-width punctuation, the skip link and the review heading in Chinese', async ({ page }) => {
  await openForm(page, 'zh');
  await expect(page.getByRole('link', { name: '跳至表单' })).toBeAttached();
  await goToStep(page, '企业基本情况');
  const capital = page.locator('[data-pointer="/company/registered_capital"]');
  await expect(capital.locator('.ga-unit')).toHaveText('元');
  await expect(page.getByText(/剩余时间：\d+ 天 \d+ 小时/)).toBeVisible();
  await expect(page.getByText(/^申报截止时间为.*（北京时间）。$/)).toBeVisible();
  await goToStep(page, '团队情况');
  await expect(page.getByRole('button', { name: '添加：股权结构', exact: true })).toBeVisible();
  await goToStep(page, '检查并确认申报信息');
});

test('the skip link and the draft notice follow a switch to Chinese', async ({ page }) => {
  await openForm(page);
  await page.getByLabel('Project or product name', { exact: true }).fill('Helistore');
  await expect(page.getByText(/^Draft saved at/)).toBeVisible();
  await page.reload();
  await pageReady(page);
  await expect(page.getByText('Your draft was restored.', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Skip to the form' })).toBeAttached();
  await page.getByRole('button', { name: '中文' }).click();
  await expect(page.getByText('已恢复您的草稿。', { exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: '跳至表单' })).toBeAttached();
  await expect(page.getByRole('link', { name: 'Skip to the form' })).toHaveCount(0);
});
