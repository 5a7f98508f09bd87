// A whole team application: the team form chosen with the form picker, every step filled and
// continued from an empty form, "Check your answers", one answer changed from there, the
// package downloaded and the e-mail prepared. The answers and the score the page must show
// come from the package's worked example of a university team.
import { test, expect } from '@playwright/test';
import { REVIEW, draftFile, expectedMail, fillStep, fillStepByStep, loadPackage, parseMailto, downloadApplication, expectReviewAccessibleInBothLanguages, expectShownScore, reviewRow } from './fill-form.mjs';
import { pageReady } from './page-ready.mjs';

const PACKAGE = 'bluetech-2023-team';
const EXAMPLE = 'examples/01-university-team.json';

// The team form's title in the picker, as the site's index names it.
async function pickTeamForm(page, request) {
  const index = await (await request.get('schemas/index.json')).json();
  const entry = index.packages.find((p) => p.path === PACKAGE);
  expect(entry, 'the site lists the team form').toBeTruthy();
  // The picker's label wraps it, so its accessible name starts with "Form" and goes on with
  // the chosen form's title.
  await page.getByRole('combobox', { name: /^Form\b/ }).selectOption({ label: entry.titles.en });
  await expect(page).toHaveURL(new RegExp(`form=${PACKAGE}`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/team application/i);
}

test('a complete team application, chosen with the form picker, to the package and the e-mail', async ({ page, request }) => {
  test.setTimeout(180_000);
  const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
  const { answers, expected } = pkg.example;
  await page.goto(`./?now=${encodeURIComponent(pkg.example.now)}&lang=en`);
  await pageReady(page);
  await pickTeamForm(page, request);
  await expect(page).toHaveURL(/step=applicant/);
  // The team first, from the task list: the package checks the technology step's R&D
  // full-time equivalents against the size of the core team (rule rd_fte_le_team, not guarded
  // by "when"), so an applicant who gives the R&D FTEs before the team is told they exceed a
  // team of none and cannot continue. Entering the team first is what the message asks for.
  const nav = page.getByRole('navigation');
  await nav.getByRole('link', { name: pkg.en['team.title'], exact: true }).click();
  await fillStep(page, pkg, answers);
  await expect(nav.getByRole('link', { name: pkg.en['team.title'], exact: true })).toHaveAccessibleDescription('Completed');
  await nav.getByRole('link', { name: pkg.en['applicant.title'], exact: true }).click();
  const visited = await fillStepByStep(page, pkg, answers, { done: new Set(['team']) });
  // Every section the core shows for these answers was a step, in layout order.
  const shown = await page.evaluate(() => window.greenapply.evaluation.sections.filter((s) => !s.hidden).map((s) => s.id));
  expect(visited).toEqual(shown);

  const review = page.getByRole('region', { name: 'Check your answers', exact: true });
  await expect(review.getByRole('heading', { level: 2, name: 'Check your answers' })).toBeFocused();
  await expect(reviewRow(page, 'Team name')).toHaveText(answers.team_profile.team_name);
  await expect(reviewRow(page, 'Date the team was formed')).toHaveText('1 September 2021');
  await expect(reviewRow(page, 'Has any core member registered a company for this project?')).toHaveText('No');
  // Each core member's CV or student ID is in the member's own entry (domain.md §10 C10).
  for (const member of answers.team.core_team) await expect(reviewRow(page, pkg.en['team.core_team.label'])).toContainText(member.id_document.name);
  await expect(reviewRow(page, pkg.en['attachments.decl_truthful.label'])).toHaveText('Confirmed');
  await expect(review.getByText('Not answered')).toHaveCount(0);

  // Change the city from the review; Continue brings the applicant back to the review.
  await review.getByRole('link', { name: 'Change City', exact: true }).click();
  await expect(page).toHaveURL(/step=team_profile/);
  const city = page.getByLabel('City', { exact: true });
  await expect(city).toBeFocused();
  await city.fill('上海');
  await page.getByRole('region', { name: pkg.en['team_profile.title'] }).getByRole('button', { name: 'Continue' }).click();
  await expect(page).toHaveURL(new RegExp(`step=${REVIEW}`));
  await expect(reviewRow(page, 'City')).toHaveText('上海');

  const { shownTotal } = await expectShownScore(page, expected);

  const { download, exported } = await downloadApplication(page);
  expect(download.suggestedFilename()).toMatch(/^bluetech-cnpa-team-.+-\d{8}\.json$/);
  expect(exported.package.id).toBe(pkg.form.id);
  expect(exported.answers_sha256).toMatch(/^[0-9a-f]{64}$/);
  expect(exported.self_assessment.score.total).toBe(shownTotal);
  expect(exported.answers.team_profile.city).toBe('上海');

  const mail = parseMailto(await page.getByRole('link', { name: 'Prepare the e-mail' }).getAttribute('href'));
  const want = expectedMail(pkg, exported.answers);
  expect(mail.to).toBe(want.to);
  expect(mail.subject).toBe(want.subject);
  expect(mail.subject).toContain('TEAM');
  // The files to attach: the package as the download button named it, then the attachments.
  expect(mail.body).toContain(`\nFiles attached:\n- ${download.suggestedFilename()}\n`);
  for (const a of want.attachments) expect(mail.body).toContain(`\n- ${a}`);
});

// axe is injected as a script, which the page's own CSP (rightly) forbids: bypass it here only.
test.describe('accessibility of the review', () => {
  test.use({ bypassCSP: true });
  test('axe finds no serious or critical problem on the team form\'s "Check your answers" (en, zh)', async ({ page, request }) => {
    const pkg = await loadPackage(request, PACKAGE, EXAMPLE);
    await page.goto(`./?now=${encodeURIComponent(pkg.example.now)}&lang=en#form=${PACKAGE}`);
    await pageReady(page);
    await page.getByLabel('Open a draft file').setInputFiles(draftFile(pkg, pkg.example.answers));
    await page.getByRole('navigation').getByRole('link', { name: 'Check your answers' }).click();
    await expect(reviewRow(page, 'Team name')).toHaveText(pkg.example.answers.team_profile.team_name);
    await expectReviewAccessibleInBothLanguages(page);
  });
});
