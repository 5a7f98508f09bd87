// Three GOV.UK patterns on the applicant's page: the error summary that takes focus while a child
// announces it, a "Change" link for every item of a list on "Check your answers", and schema
// defaults as the starting answers of a fresh draft and of a new repeat item.
import { test, expect } from '@playwright/test';
import { draftFile, loadPackage, reviewRow, expectReviewAccessibleInBothLanguages } from './fill-form.mjs';
import { pageReady } from './page-ready.mjs';

const COMPANY = 'bluetech-2023-company';
const NEED = 'wipo-green-need';
const TAXONOMY = 'https://greenapply.example/schemas/common/taxonomy.schema.json';
const CORE_TEAM = 'Core team members (the first is the team lead)';

async function open(page, query = '?now=2023-04-15T10:00:00%2B08:00&lang=en', hash = '') {
  await page.goto(`./${query}${hash}`);
  await pageReady(page);
}

async function goToStep(page, name) {
  await page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 2, name, exact: true })).toBeFocused();
}

// A package file served changed: the test's own variant of a package (a default, a rule), so the
// page meets it exactly as it would meet a package that ships it.
async function routeJson(page, glob, edit) {
  await page.route(glob, async (route) => {
    const response = await route.fetch();
    const doc = await response.json();
    edit(doc);
    await route.fulfill({ response, body: JSON.stringify(doc), contentType: 'application/json' });
  });
}

const answers = (page) => page.evaluate(() => window.greenapply.answers);
const saved = (page) => expect(page.locator('#save-status')).toContainText('Draft saved');

test.describe('the error summary', () => {
  test('takes focus itself, while a child with role=alert holds the title and the links', async ({ page }) => {
    await open(page);
    await page.getByRole('button', { name: 'Continue' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(alert).toBeVisible();
    await expect(alert.getByRole('heading', { level: 2, name: 'There is a problem' })).toBeVisible();
    await expect(alert.getByRole('link', { name: /^Project or product name: / })).toBeVisible();
    // Focus is on the summary, the alert's parent: never on the alert itself.
    const summary = alert.locator('xpath=..');
    await expect(summary).toBeFocused();
    await expect(alert).not.toBeFocused();
    expect(await summary.getAttribute('role')).toBeNull();
    expect(await summary.getAttribute('tabindex')).toBe('-1');
    // Its links still take the applicant to the field.
    await alert.getByRole('link', { name: /^Project or product name: / }).click();
    await expect(page.getByLabel('Project or product name')).toBeFocused();
  });

  test('is put into the alert again only when the errors change, not on every keystroke', async ({ page }) => {
    await open(page);
    await goToStep(page, 'Company profile');
    await page.getByRole('region', { name: 'Company profile' }).getByRole('button', { name: 'Continue' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(alert.getByRole('link', { name: /^Legal representative: / })).toBeVisible();
    // Every change to the alert's content is something a screen reader may read out again.
    await alert.evaluate((node) => {
      window.alertChanges = 0;
      new MutationObserver((records) => { window.alertChanges += records.length; })
        .observe(node, { childList: true, subtree: true, characterData: true });
    });
    const field = page.getByLabel('Legal representative');
    await field.pressSequentially('王');
    await expect(alert.getByRole('link', { name: /^Legal representative: / })).toHaveCount(0);
    await saved(page);
    expect(await page.evaluate(() => window.alertChanges)).toBeGreaterThan(0);
    await page.evaluate(() => { window.alertChanges = 0; });
    // More letters: the same errors, nothing said again.
    await field.pressSequentially('明华');
    await expect.poll(() => answers(page).then((a) => a.company?.legal_representative)).toBe('王明华');
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    expect(await page.evaluate(() => window.alertChanges)).toBe(0);
    // Emptied again: the error is back, and said.
    await field.fill('');
    await expect(alert.getByRole('link', { name: /^Legal representative: / })).toBeVisible();
    expect(await page.evaluate(() => window.alertChanges)).toBeGreaterThan(0);
  });

  test('the panel of a form that will not load takes focus the same way', async ({ page }) => {
    await page.route(`**/schemas/${COMPANY}/form.json`, (r) => r.fulfill({ status: 404, body: 'Not found' }));
    await page.goto('./?now=2023-04-15T10:00:00%2B08:00&lang=en');
    const name = /^The form “.*” could not be opened$/;
    const alert = page.getByRole('alert', { name });
    await expect(alert).toContainText('Your drafts are not affected');
    await expect(page.getByRole('region', { name })).toBeFocused();
    await expect(alert).not.toBeFocused();
  });
});

test.describe('check your answers, item by item', () => {
  test.use({ bypassCSP: true }); // axe is injected as a script, which the page's CSP forbids

  // The strong worked example as a draft file, opened the way an applicant moves a draft,
  // then the review.
  async function reviewOf(page, pkg, edit = () => {}) {
    const answersIn = structuredClone(pkg.example.answers);
    edit(answersIn);
    await open(page, `?now=${encodeURIComponent(pkg.example.now)}&lang=en`);
    await page.getByLabel('Open a draft file').setInputFiles(draftFile(pkg, answersIn));
    await expect.poll(() => answers(page).then((a) => a.team?.core_team?.length)).toBe(answersIn.team.core_team.length);
    await goToStep(page, 'Check your answers');
    return { review: page.getByRole('region', { name: 'Check your answers', exact: true }), answersIn };
  }

  test('every item of every list has its own Change link, which opens the item on its step', async ({ page, request }) => {
    const pkg = await loadPackage(request, COMPANY, 'examples/02-strong.json');
    const { review, answersIn } = await reviewOf(page, pkg);
    // One link per item, named by the item and its list, in every list the example fills.
    const groups = pkg.layout.sections.flatMap((s) => s.fields).filter((f) => f.widget === 'repeat');
    let items = 0;
    for (const group of groups) {
      const [, section, name] = group.pointer.split('/');
      const list = answersIn[section]?.[name] ?? [];
      const label = pkg.en[`${section}.${name}.label`];
      const row = reviewRow(page, label);
      for (let i = 1; i <= list.length; i++) {
        await expect(row.getByRole('link', { name: `Change item ${i} of ${label}`, exact: true })).toBeVisible();
        await expect(row.getByText(`Item ${i}`, { exact: true })).toBeVisible();
      }
      items += list.length;
    }
    expect(items).toBeGreaterThan(10);
    // Every link of the review has a name of its own.
    const names = await review.getByRole('link').evaluateAll((links) => links.map((a) => a.textContent));
    expect(names.length).toBeGreaterThan(items);
    expect(new Set(names).size).toBe(names.length);

    // "Change item 3": the team step, item 3's first field focused; Continue returns to the review.
    await reviewRow(page, CORE_TEAM).getByRole('link', { name: `Change item 3 of ${CORE_TEAM}`, exact: true }).click();
    await expect(page).toHaveURL(/step=team/);
    const third = page.getByRole('group', { name: `${CORE_TEAM} — Item 3`, exact: true }).getByLabel('Name', { exact: true });
    await expect(third).toBeFocused();
    await expect(third).toHaveValue(answersIn.team.core_team[2].name);
    await third.fill('张强强');
    await page.getByRole('region', { name: 'Team', exact: true }).getByRole('button', { name: 'Continue' }).click();
    await expect(review.getByRole('heading', { level: 2, name: 'Check your answers' })).toBeFocused();
    const item3 = reviewRow(page, CORE_TEAM).getByRole('listitem').filter({ hasText: /^Item 3/ });
    await expect(item3).toContainText('张强强');
    await expect(item3).not.toContainText(answersIn.team.core_team[3].name);
    // The whole list keeps its own link, the way to add or remove members.
    await expect(reviewRow(page, CORE_TEAM).locator('xpath=following-sibling::dd[1]')
      .getByRole('link', { name: `Change ${CORE_TEAM}`, exact: true })).toBeVisible();
  });

  test('an item missing a required answer says so and links to it; a hidden field is skipped; in both languages', async ({ page, request }) => {
    test.setTimeout(120_000); // axe runs twice
    // A rule of this test's own: a member's name is asked only of full-time members, so item 4's
    // first visible field is its role.
    await routeJson(page, `**/schemas/${COMPANY}/rules.json`, (rules) => {
      rules.visibility.push({ target: '/team/core_team/*/name', when: 'it.full_time = true' });
    });
    const pkg = await loadPackage(request, COMPANY, 'examples/02-strong.json');
    const { review } = await reviewOf(page, pkg, (a) => {
      delete a.team.core_team[1].role;
      a.team.core_team[3].full_time = false;
      a.team.core_team[4].years_relevant = 99;
    });
    const team = reviewRow(page, CORE_TEAM);
    const second = team.getByRole('listitem').filter({ hasText: /^Item 2/ });
    await expect(second.getByText('Not complete yet', { exact: true })).toBeVisible();
    await expect(second.getByRole('term').filter({ hasText: /^Role$/ }).locator('xpath=following-sibling::dd[1]')).toHaveText('Not answered');
    await expect(team.getByText('Not complete yet', { exact: true })).toHaveCount(1);
    await expect(second.getByRole('link', { name: `Change item 2 of ${CORE_TEAM}` })).toHaveCount(0);
    // A wrong answer is told in its own item, by its field.
    const fifth = team.getByRole('listitem').filter({ hasText: /^Item 5/ });
    await expect(fifth.getByText(/^Error: Years of relevant experience: \S/)).toBeVisible();
    await expect(second.getByText(/^Error:/)).toHaveCount(0);
    await second.getByRole('link', { name: `Answer item 2 of ${CORE_TEAM}`, exact: true }).click();
    await expect(page).toHaveURL(/step=team/);
    await expect(page.getByRole('group', { name: `${CORE_TEAM} — Item 2`, exact: true }).getByLabel('Role', { exact: true })).toBeFocused();

    await goToStep(page, 'Check your answers');
    await team.getByRole('link', { name: `Change item 4 of ${CORE_TEAM}`, exact: true }).click();
    const fourth = page.getByRole('group', { name: `${CORE_TEAM} — Item 4`, exact: true });
    await expect(fourth.getByLabel('Name', { exact: true })).toBeHidden();
    await expect(fourth.getByLabel('Role', { exact: true })).toBeFocused();

    await goToStep(page, 'Check your answers');
    await expectReviewAccessibleInBothLanguages(page);
    // In Chinese: the item's title, its state and links read as Chinese does.
    const zhTeam = page.getByRole('region', { name: '检查并确认申报信息', exact: true }).getByRole('term')
      .filter({ hasText: /^核心团队成员（第一位为负责人）$/ }).locator('xpath=following-sibling::dd[1]');
    await expect(zhTeam.getByText('第3项', { exact: true })).toBeVisible();
    await expect(zhTeam.getByText('尚未完成', { exact: true })).toBeVisible();
    // (Chromium puts a space before the visually hidden part of a name; the text has none.)
    await expect(zhTeam.getByRole('link', { name: /^修改 ?核心团队成员（第一位为负责人）第3项$/ })).toBeVisible();
    await zhTeam.getByRole('link', { name: /^填写 ?核心团队成员（第一位为负责人）第2项$/ }).click();
    await expect(page.getByRole('group', { name: '核心团队成员（第一位为负责人） — 第2项', exact: true }).getByLabel('职务', { exact: true })).toBeFocused();
    await expect(review).toBeHidden();
  });
});

test.describe('schema defaults', () => {
  const NEED_AT = '?now=2026-06-01T10:00:00%2B08:00&lang=en';
  const COUNTRY = 'Country or region where the solution is needed';

  test('start a fresh draft as a real answer, which can be changed or cleared and is never put back', async ({ page, request }) => {
    await open(page, NEED_AT, `#form=${NEED}&step=location`);
    const country = page.getByLabel(COUNTRY);
    await expect(country.locator('option:checked')).toHaveText('China (CN)');
    expect((await answers(page)).location).toEqual({ location_country: 'CN' });
    // A fresh draft is not a restored one, and a section holding only a default is not done.
    await expect(page.locator('#save-status')).not.toContainText('restored');
    await expect(page.locator('#task-location-status')).toHaveText('Not started');
    await goToStep(page, 'Check your answers');
    await expect(reviewRow(page, COUNTRY)).toHaveText('China (CN)');

    // Changed: kept as chosen.
    await goToStep(page, 'Location');
    await country.selectOption({ label: 'Germany (DE)' });
    await expect(page.locator('#task-location-status')).toHaveText('Completed');
    await saved(page);
    await page.reload();
    await pageReady(page);
    await expect(country.locator('option:checked')).toHaveText('Germany (DE)');

    // Cleared: stays cleared after a reload, the draft is the applicant's.
    await country.selectOption({ label: 'Choose…' });
    await expect.poll(() => answers(page).then((a) => a.location?.location_country ?? null)).toBeNull();
    await saved(page);
    await page.reload();
    await pageReady(page);
    await expect(country.locator('option:checked')).toHaveText('Choose…');
    expect((await answers(page)).location?.location_country).toBeUndefined();
    await goToStep(page, 'Check your answers');
    await expect(reviewRow(page, COUNTRY)).toHaveText('Not answered');

    // A draft file without the answer is taken as it is.
    const pkg = await loadPackage(request, NEED, 'examples/01-strong-beijing-voc.json');
    const without = structuredClone(pkg.example.answers);
    delete without.location.location_country;
    await page.getByLabel('Open a draft file').setInputFiles(draftFile(pkg, without));
    await expect.poll(() => answers(page).then((a) => a.need?.title)).toBe(without.need.title);
    expect((await answers(page)).location?.location_country).toBeUndefined();

    // "Discard this draft" starts a fresh one: the default is back.
    page.once('dialog', (d) => d.accept());
    await page.getByRole('button', { name: 'Discard this draft' }).click();
    expect(await answers(page)).toEqual({ location: { location_country: 'CN' } });
    await goToStep(page, 'Location');
    await expect(country.locator('option:checked')).toHaveText('China (CN)');
  });

  test('are found through $ref (the schema\'s $defs, the shared taxonomy) and fill a new repeat item', async ({ page }) => {
    // The company form with defaults of this test's own: a member's education beside its enum,
    // "full time" through a $ref into $defs, the technology fields through a $ref to a list in
    // the shared taxonomy that carries the default.
    await routeJson(page, `**/schemas/${COMPANY}/data.schema.json`, (schema) => {
      schema.$defs.full_time_by_default = { type: 'boolean', default: true };
      const member = schema.properties.team.properties.core_team.items.properties;
      member.education.default = 'master';
      member.full_time = { $ref: '#/$defs/full_time_by_default' };
      schema.properties.applicant.properties.tech_field = { $ref: `${TAXONOMY}#/$defs/tech_field_list`, minItems: 1, maxItems: 3, uniqueItems: true };
    });
    await routeJson(page, '**/schemas/common/schemas.json', (docs) => {
      const taxonomy = docs.find((d) => d.$id === TAXONOMY);
      taxonomy.$defs.tech_field_list = { type: 'array', items: { $ref: `${TAXONOMY}#/$defs/tech_field` }, default: ['energy.energy_storage'] };
    });
    await open(page);
    expect(await answers(page)).toEqual({ applicant: { tech_field: ['energy.energy_storage'] } });
    const fields = page.getByRole('group', { name: /^Technology fields/ });
    await expect(fields.getByRole('checkbox', { name: 'Energy storage' })).toBeChecked();
    await expect(fields.getByRole('checkbox', { checked: true })).toHaveCount(1);

    // A new member starts with the defaults, and the applicant is taken to it.
    await goToStep(page, 'Team');
    const team = page.getByRole('region', { name: 'Team', exact: true });
    await team.getByRole('button', { name: `Add: ${CORE_TEAM}` }).click();
    const member = page.getByRole('group', { name: `${CORE_TEAM} — Item 1`, exact: true });
    await expect(member.getByLabel('Name', { exact: true })).toBeFocused();
    await expect(member.getByLabel('Education').locator('option:checked')).toHaveText('Master');
    await expect(member.getByRole('group', { name: 'Full time?' }).getByRole('radio', { name: 'Yes' })).toBeChecked();
    expect((await answers(page)).team.core_team).toEqual([{ education: 'master', full_time: true }]);
    // The applicant's choice wins: cleared in one item, the next item still starts with it.
    await member.getByLabel('Education').selectOption({ label: 'Choose…' });
    await team.getByRole('button', { name: `Add: ${CORE_TEAM}` }).click();
    await expect(page.getByRole('group', { name: `${CORE_TEAM} — Item 2`, exact: true }).getByLabel('Name', { exact: true })).toBeFocused();
    expect((await answers(page)).team.core_team).toEqual([{ full_time: true }, { education: 'master', full_time: true }]);
    // Removing an item leaves focus on the list's Add button.
    await team.getByRole('button', { name: 'Remove (Item 2)' }).click();
    await expect(team.getByRole('button', { name: `Add: ${CORE_TEAM}` })).toBeFocused();
  });

  test('a default behind a question the rules hide counts for nothing, and is there when the question shows', async ({ page }) => {
    const detail = 'Flood resilience of old residential districts';
    await routeJson(page, `**/schemas/${NEED}/data.schema.json`, (schema) => {
      schema.properties.need.properties.challenge_other_detail.default = detail;
    });
    await open(page, NEED_AT, `#form=${NEED}`);
    const field = page.getByLabel('Describe the challenge area');
    await expect(field).toBeHidden();
    const ev = await page.evaluate(() => window.greenapply.evaluation);
    expect(ev.hidden).toContain('/need/challenge_other_detail');
    expect(ev.submitted.need?.challenge_other_detail).toBeUndefined();
    await page.getByRole('radio', { name: 'Other', exact: true }).check();
    await expect(field).toBeVisible();
    await expect(field).toHaveValue(detail);
    await expect.poll(() => page.evaluate(() => window.greenapply.evaluation.submitted.need?.challenge_other_detail)).toBe(detail);
  });
});
