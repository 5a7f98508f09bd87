// The eligibility panel and the deadline box (issue #13, point 8): blocking reasons and points
// for the reviewers in two lists told apart by words, not colour; a reason only when the answers
// give it (a blank team form has not registered a company; an empty member row names nobody);
// one deadline, the same instant in Beijing time and in the applicant's own zone.
import { test, expect } from '@playwright/test';

const NOW = '2023-04-15T10:00:00%2B08:00';

async function openForm(page, form, { lang = 'en', now = NOW } = {}) {
  await page.goto(`./?now=${now}&lang=${lang}#form=${form}`);
  // A second form in the same test is a change of the address's hash only: the page stays
  // "ready" from the first, so wait for the evaluation of the form asked for.
  await page.waitForFunction((id) => document.body?.dataset.ready === '1' && window.greenapply.evaluation?.form?.id === id, form);
}

const panel = (page, lang = 'en') => page.getByRole('complementary', { name: lang === 'en' ? 'Self-assessment' : '自评', exact: true });
const blocking = (page, lang = 'en') => panel(page, lang).getByRole('list', { name: lang === 'en' ? 'Why you cannot apply yet' : '暂不能申报的原因', exact: true });
const advice = (page, lang = 'en') => panel(page, lang).getByRole('list', { name: lang === 'en' ? 'Points the reviewers will look at' : '评审会关注的事项', exact: true });
const addMember = (page) => page.getByRole('button', { name: /^Add\W+Core team members \(the first is the team lead\)$/ });
const memberName = (page, n) => page.getByRole('group', { name: `Core team members (the first is the team lead) — Item ${n}`, exact: true })
  .getByLabel('Name', { exact: true });

test.describe('at 1280 px, where the panel is beside the form', () => {
  test.use({ viewport: { width: 1280, height: 900 } });

  test('a blank team form: blocking reasons and advice apart, no "registered a company" until the answers say so', async ({ page }) => {
    await openForm(page, 'bluetech-2023-team');
    await expect(blocking(page).getByRole('listitem')).toContainText(['Blocks: Teams need at least two core members.']);
    await expect(advice(page).getByRole('listitem')).toContainText(['Note: Three or more core members are recommended.']);
    // A blocking reason is never in the advice list, nor the other way round.
    await expect(advice(page).getByText('Teams need at least two core members.')).toHaveCount(0);
    await expect(blocking(page).getByText('Three or more core members are recommended.')).toHaveCount(0);
    await expect(panel(page).getByText('Teams that have registered a company should use the company form.')).toHaveCount(0);

    // Said once the applicant answers that a company is registered, and gone again on "No".
    await page.getByRole('navigation').getByRole('link', { name: 'Team profile', exact: true }).click();
    const registered = page.getByRole('group', { name: 'Has any core member registered a company for this project?', exact: true });
    await registered.getByRole('radio', { name: 'Yes', exact: true }).check();
    await expect(blocking(page).getByText('Blocks: Teams that have registered a company should use the company form.')).toBeVisible();
    await registered.getByRole('radio', { name: 'No', exact: true }).check();
    await expect(panel(page).getByText('Teams that have registered a company should use the company form.')).toHaveCount(0);

    await page.getByRole('button', { name: '中文' }).click();
    await expect(blocking(page, 'zh').getByRole('listitem')).toContainText(['不符合：团队核心成员至少2人。']);
    await expect(panel(page, 'zh').getByText('已注册公司的团队请使用企业申报表。')).toHaveCount(0);
  });

  test('empty team-member rows are not members: only named ones count (team and company forms)', async ({ page }) => {
    await openForm(page, 'bluetech-2023-team');
    await page.getByRole('navigation').getByRole('link', { name: 'Team', exact: true }).click();
    const rule = 'Blocks: Teams need at least two core members.';
    await addMember(page).click();
    await addMember(page).click();
    await expect(memberName(page, 2)).toBeVisible();
    await expect(blocking(page).getByText(rule)).toBeVisible();
    await memberName(page, 1).fill('王明');
    await expect(blocking(page).getByText(rule)).toBeVisible();
    await memberName(page, 2).fill('   ');
    await expect(blocking(page).getByText(rule)).toBeVisible();
    await memberName(page, 2).fill('李华');
    await expect(panel(page).getByText('Teams need at least two core members.')).toHaveCount(0);

    await openForm(page, 'bluetech-2023-company');
    await page.getByRole('navigation').getByRole('link', { name: 'Team', exact: true }).click();
    await addMember(page).click();
    await expect(memberName(page, 1)).toBeVisible();
    await expect(blocking(page).getByText('Blocks: Name at least one core team member.')).toBeVisible();
    await memberName(page, 1).fill('王明');
    await expect(panel(page).getByText('Name at least one core team member.')).toHaveCount(0);
  });

  test('team form: each named core member needs a CV or student ID in their own row', async ({ page }) => {
    await openForm(page, 'bluetech-2023-team');
    await page.getByRole('navigation').getByRole('link', { name: 'Team', exact: true }).click();
    const rule = "Blocks: Add a CV or student ID for every core member (one file each, in the member's row).";
    await addMember(page).click();
    await expect(memberName(page, 1)).toBeVisible();
    await expect(blocking(page).getByText(rule)).toHaveCount(0);  // nobody named yet
    await memberName(page, 1).fill('王明');
    await expect(blocking(page).getByText(rule)).toBeVisible();
    const member = page.getByRole('group', { name: 'Core team members (the first is the team lead) — Item 1', exact: true });
    await member.getByLabel('CV or student ID', { exact: true })
      .setInputFiles({ name: 'wang-cv.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.4 cv') });
    await expect(panel(page).getByText('Add a CV or student ID for every core member', { exact: false })).toHaveCount(0);
  });

  test('IP clinic: a company registered outside China is warned, not blocked', async ({ page }) => {
    await openForm(page, 'ip-clinic');
    const country = page.getByLabel('Country or region of registration', { exact: true });
    const warning = 'Note: The clinic is for green-technology start-ups and SMEs based in China';
    await country.selectOption({ label: 'Germany (DE)' });
    await expect(advice(page).getByText(warning, { exact: false })).toBeVisible();
    await expect(blocking(page).getByText('based in China', { exact: false })).toHaveCount(0);
    await country.selectOption({ label: 'China (CN)' });
    await expect(panel(page).getByText('based in China', { exact: false })).toHaveCount(0);
  });
});

test.describe('the deadline, from London', () => {
  test.use({ timezoneId: 'Europe/London' });

  test('one deadline: 24:00 Beijing time and the same instant in the applicant\'s zone (en, zh)', async ({ page }) => {
    await openForm(page, 'bluetech-2023-company');
    await expect(page.getByText('Applications are open until 30 April 2023, 24:00 (Beijing time).', { exact: true })).toBeVisible();
    await expect(page.getByText('In your time zone (Europe/London): 30 April 2023, 17:00.', { exact: true })).toBeVisible();
    await expect(page.getByText('Time left: 15 days 14 hours.', { exact: true })).toBeVisible();
    await expect(page.getByText(/1 May 2023/)).toHaveCount(0);

    await page.getByRole('button', { name: '中文' }).click();
    await expect(page.getByText('申报截止时间为2023年4月30日 24:00（北京时间）。', { exact: true })).toBeVisible();
    await expect(page.getByText('您所在时区（Europe/London）：2023年4月30日 17:00。', { exact: true })).toBeVisible();
    await expect(page.getByText('剩余时间：15 天 14 小时。', { exact: true })).toBeVisible();
    await expect(page.getByText(/2023年5月1日/)).toHaveCount(0);
  });

  test('before the round opens, the closing is said too', async ({ page }) => {
    await openForm(page, 'bluetech-2023-company', { now: '2023-02-01T10:00:00%2B08:00' });
    await expect(page.getByText('Closes 30 April 2023, 24:00 (Beijing time).', { exact: true })).toBeVisible();
    await expect(page.getByText('In your time zone (Europe/London): 30 April 2023, 17:00.', { exact: true })).toBeVisible();
  });
});

test.describe('the deadline, from Beijing', () => {
  test.use({ timezoneId: 'Asia/Shanghai' });

  test('in Beijing the deadline is said once, as 24:00', async ({ page }) => {
    await openForm(page, 'bluetech-2023-company');
    await expect(page.getByText('Applications are open until 30 April 2023, 24:00 (Beijing time).', { exact: true })).toBeVisible();
    await expect(page.getByText(/In your time zone/)).toHaveCount(0);
    await expect(page.getByText(/1 May 2023|00:00/)).toHaveCount(0);
  });
});
