// A whole company application, as an applicant makes it: from an empty form, every step
// filled and continued, "Check your answers", one answer changed from there, the package
// downloaded and the e-mail prepared. The answers are the package's strong worked example,
// so the score the page must show is the one the example states (and lint checks natively).
import { test, expect } from '@playwright/test';
import { REVIEW, draftFile, expectedMail, fillStepByStep, loadPackage, parseMailto, downloadApplication, expectReviewAccessibleInBothLanguages, expectShownScore, reviewRow, stepOf } from './fill-form.mjs';
import { pageReady } from './page-ready.mjs';

const PACKAGE = 'bluetech-2023-company';
const EXAMPLE = 'examples/02-strong.json';

const openAt = (example, lang = 'en') => `./?now=${encodeURIComponent(example.now)}&lang=${lang}`;

test('a complete company application, step by step, to the package and the e-mail', async ({ page, request }) => {
  test.setTimeout(180_000);
  const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
  const { answers, expected } = pkg.example;
  await page.goto(openAt(pkg.example));
  await pageReady(page);
  await expect(page).toHaveURL(/step=applicant/);
  // The first step's heading is not focused on load (focus stays at the top of the page):
  // move to it from the task list, as an applicant would.
  await page.getByRole('navigation').getByRole('link', { name: 'Applicant and track', exact: true }).click();
  await expect(page.getByRole('navigation').getByText('Not started').first()).toBeVisible();

  const visited = await fillStepByStep(page, pkg, answers);
  expect(visited).toEqual(pkg.layout.sections.map((s) => s.id));

  // Check your answers: focused, every section listed, answers in words.
  const review = page.getByRole('region', { name: 'Check your answers', exact: true });
  await expect(review.getByRole('heading', { level: 2, name: 'Check your answers' })).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`step=${REVIEW}`));
  for (const id of visited) await expect(review.getByRole('heading', { level: 3, name: pkg.en[`${id}.title`], exact: true })).toBeVisible();
  await expect(reviewRow(page, 'Project or product name')).toHaveText(answers.applicant.project_name);
  await expect(reviewRow(page, 'Track')).toHaveText('Energy storage');
  await expect(reviewRow(page, 'Date of establishment')).toHaveText('12 June 2018');
  await expect(reviewRow(page, 'Country or region of registration')).toHaveText('China (CN)');
  await expect(reviewRow(page, 'Is the company publicly listed?')).toHaveText('No');
  await expect(reviewRow(page, 'Business plan or pitch deck (PDF)')).toHaveText('business-plan.pdf (2.3 MB)');
  const team = reviewRow(page, pkg.en['team.core_team.label']);
  // One numbered entry per member, each with its own small list of answers.
  await expect(team.getByRole('term').filter({ hasText: /^Name$/ })).toHaveCount(answers.team.core_team.length);
  const lead = team.getByRole('listitem').first();
  await expect(lead).toContainText(answers.team.core_team[0].name);
  await expect(lead).toContainText(pkg.en[`team.core_team.education.option.${answers.team.core_team[0].education}`]);
  await expect(review.getByText('Not answered')).toHaveCount(0);
  await expect(review.getByText(/^Some answers need attention/)).toHaveCount(0);
  // Every task is completed.
  await expect(page.getByRole('navigation').getByText('Completed', { exact: true })).toHaveCount(visited.length);

  // Change one answer from the review: its step, the field focused, and back to the review.
  await review.getByRole('link', { name: 'Change Project or product name', exact: true }).click();
  await expect(page).toHaveURL(/step=applicant/);
  const name = page.getByLabel('Project or product name', { exact: true });
  await expect(name).toBeFocused();
  await name.fill('高效全钒液流储能系统（二代）');
  await page.getByRole('region', { name: 'Applicant and track' }).getByRole('button', { name: 'Continue' }).click();
  await expect(review.getByRole('heading', { level: 2, name: 'Check your answers' })).toBeFocused();
  await expect(reviewRow(page, 'Project or product name')).toHaveText('高效全钒液流储能系统（二代）');
  // Browser back returns to the step the Change link opened.
  await page.goBack();
  await expect(page).toHaveURL(/step=applicant/);
  await expect(page.getByRole('heading', { level: 2, name: 'Applicant and track' })).toBeFocused();
  await page.goForward();
  await expect(page).toHaveURL(new RegExp(`step=${REVIEW}`));

  // The verdict and score at the end of the review are the example's.
  const { result, shownTotal } = await expectShownScore(page, expected);
  await expect(result.getByText(pkg.common[`eligibility.verdict.${expected.eligibility.verdict}`], { exact: true })).toBeVisible();

  // The application package: made by the core, for this package, with the score shown.
  const { exported } = await downloadApplication(page);
  expect(exported.format).toBe('greenapply-application');
  expect(exported.package.id).toBe(pkg.form.id);
  expect(exported.answers_sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(exported.self_assessment.score.total).toBe(shownTotal);
  expect(exported.self_assessment.eligibility.verdict).toBe(expected.eligibility.verdict);
  expect(exported.answers.applicant.project_name).toBe('高效全钒液流储能系统（二代）');
  expect(exported.answers.attachments.att_business_plan.sha256).toMatch(/^[0-9a-f]{64}$/);

  // The e-mail: the organiser's address, the subject from the template, the files to attach.
  const mail = parseMailto(await page.getByRole('link', { name: 'Prepare the e-mail' }).getAttribute('href'));
  const want = expectedMail(pkg, exported.answers);
  expect(mail.to).toBe(want.to);
  expect(mail.subject).toBe(want.subject);
  // The two package files by the names the download buttons give them, then the attachments.
  expect(mail.body).toMatch(/\nFiles attached:\n- bluetech-cnpa-company-[^\n]+-\d{8}\.json\n- bluetech-cnpa-company-[^\n]+-\d{8}\.xml\n/);
  expect(want.attachments.length).toBeGreaterThan(0);
  for (const a of want.attachments) expect(mail.body).toContain(`\n- ${a}`);
  expect(mail.body).toContain(`\nSelf-score: ${shownTotal} (`);
  expect(mail.body).toContain('\nErrors: none — complete\n');
});

test('a reload keeps the step, and browser back and forward walk the steps', async ({ page }) => {
  await page.goto('./?now=2023-04-15T10:00:00%2B08:00&lang=en');
  await pageReady(page);
  await page.getByRole('navigation').getByRole('link', { name: 'Contact person', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Contact person' })).toBeFocused();
  await expect(page.getByText('Step 3 of 10')).toBeVisible();
  await expect(page.getByRole('navigation').getByRole('link', { name: 'Contact person' })).toHaveAttribute('aria-current', 'step');
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Company profile' })).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 2, name: 'Contact person' })).toBeFocused();
  await page.reload();
  await pageReady(page);
  await expect(page.getByRole('heading', { level: 2, name: 'Contact person' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Applicant and track' })).toBeHidden();
  expect(stepOf(page)).toBe('contact');
});

test('a section the rules hide is skipped and marked as not needed', async ({ page }) => {
  // No Bluetech section is ever hidden, so the package is served here with one more rule:
  // the carbon section shown only for the new-energy track (a rule may target a section,
  // schemas/README.md; "shown only while when is true", so it starts hidden). The page must
  // follow whatever the core decides.
  await page.route('**/schemas/bluetech-2023-company/rules.json', async (route) => {
    const rules = await (await route.fetch()).json();
    rules.visibility = [...(rules.visibility ?? []), { target: '/carbon', when: "applicant.track = 'new_energy'" }];
    await route.fulfill({ json: rules });
  });
  await page.goto('./?now=2023-04-15T10:00:00%2B08:00&lang=en');
  await pageReady(page);
  const nav = page.getByRole('navigation');
  const carbonTask = nav.getByRole('listitem').filter({ hasText: 'Carbon impact' });
  await expect(page.getByText('Step 1 of 9')).toBeVisible();
  await expect(carbonTask.getByRole('link')).toHaveCount(0);
  await expect(carbonTask).toContainText('Not needed');
  await page.getByRole('radio', { name: 'New energy' }).check();
  await expect(page.getByText('Step 1 of 10')).toBeVisible();
  await expect(carbonTask.getByRole('link', { name: 'Carbon impact' })).toBeVisible();
  await page.getByRole('radio', { name: 'Energy storage' }).check();
  await expect(page.getByText('Step 1 of 9')).toBeVisible();
  await expect(carbonTask.getByRole('link')).toHaveCount(0);
  // Back from the last section skips the hidden one.
  await nav.getByRole('link', { name: 'Attachments and declarations' }).click();
  await expect(page.getByText('Step 9 of 9')).toBeVisible();
  await page.getByRole('link', { name: 'Back', exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'Business model and financing' })).toBeFocused();
  // A link to the hidden step lands on the next visible one: typed into the open page (a
  // same-document navigation) and opened afresh (the draft keeps the track).
  const hiddenStep = './?now=2023-04-15T10:00:00%2B08:00&lang=en#form=bluetech-2023-company&step=carbon';
  await page.goto(hiddenStep);
  await expect(page).toHaveURL(/step=attachments/);
  await expect(page.getByRole('heading', { level: 2, name: 'Attachments and declarations' })).toBeFocused();
  await page.goto('about:blank');
  await page.goto(hiddenStep);
  await pageReady(page);
  await expect(page).toHaveURL(/step=attachments/);
  await expect(page.getByRole('heading', { level: 2, name: 'Attachments and declarations' })).toBeVisible();
});

// axe is injected as a script, which the page's own CSP (rightly) forbids: bypass it here only.
test.describe('accessibility of the review', () => {
  test.use({ bypassCSP: true });
  test('axe finds no serious or critical problem on "Check your answers" (en, zh)', async ({ page, request }) => {
    const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
    await page.goto(openAt(pkg.example));
    await pageReady(page);
    await page.getByLabel('Open a draft file').setInputFiles(draftFile(pkg, pkg.example.answers));
    await page.getByRole('navigation').getByRole('link', { name: 'Check your answers' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Check your answers' })).toBeFocused();
    await expect(reviewRow(page, 'Project or product name')).toHaveText(pkg.example.answers.applicant.project_name);
    await expectReviewAccessibleInBothLanguages(page);
  });
});
