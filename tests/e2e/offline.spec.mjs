// The offline single file (greenapply-offline.html, made by scripts/build-web.sh): opened from
// disk with every network request refused, it must work as the served page does — the core runs,
// the form package and the common texts come from inside the file, errors and the score appear.
// OFFLINE_SITE=build/site-perf (or E2E_SITE) picks another built site (default build/site).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { pageReady } from './page-ready.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = path.resolve(root, process.env.OFFLINE_SITE ?? process.env.E2E_SITE ?? 'build/site');
const file = path.join(site, 'greenapply-offline.html');
const OPEN = `${pathToFileURL(file).href}?now=2023-04-15T10:00:00%2B08:00&lang=en`;
const example = JSON.parse(readFileSync(path.join(root, 'schemas/bluetech-2023-company/examples/01-worked-example.json'), 'utf8'));
const form = JSON.parse(readFileSync(path.join(root, 'schemas/bluetech-2023-company/form.json'), 'utf8'));

// Everything but the file itself is refused and recorded; so are CSP violations and page errors.
async function openOffline(page, context) {
  const requests = [];
  const problems = [];
  const page0 = OPEN.split('?')[0];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.split('?')[0] === page0) return route.continue();
    requests.push(url);
    return route.abort('internetdisconnected');
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  await page.goto(OPEN);
  await pageReady(page, { timeout: 20_000 });
  return { requests, problems };
}

test.beforeAll(() => {
  expect(existsSync(file), `${file} (bash scripts/build-web.sh)`).toBe(true);
});

test('opened from disk with no network: a touched field shows its error and the score renders', async ({ page, context }) => {
  const { requests, problems } = await openOffline(page, context);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Bluetech');
  const name = page.getByLabel('Project or product name');
  await name.fill('x');
  await expect(page.locator('#f_applicant_project_name-error')).toContainText(/at least 2/i);
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  // The score panel is the core's: a total and a band, and one bar per rubric dimension.
  await expect(page.locator('#score .ga-total__number')).toHaveText(/^\d+(\.\d+)?$/);
  await expect(page.locator('#score svg')).toHaveAttribute('aria-label', /Technology/);
  await name.fill('高效液流储能');
  await expect(page.locator('#f_applicant_project_name-error')).toBeHidden();
  expect(requests, 'network requests').toEqual([]);
  expect(problems).toEqual([]);
});

test('the worked example, imported as a draft, scores exactly what the package says', async ({ page, context }) => {
  const { requests, problems } = await openOffline(page, context);
  const draft = { form: form.id, version: form.version, saved_at: '2023-04-15T02:00:00.000Z', answers: example.answers };
  await page.locator('#import-draft').setInputFiles({ name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
  await expect(page.locator('#score .ga-total__number')).toHaveText(String(example.expected.score.total));
  await expect(page.locator('#score .ga-total__band')).toContainText(example.expected.score.band);
  expect(requests, 'network requests').toEqual([]);
  expect(problems).toEqual([]);
});

test('the file carries its own CSP: no eval, no unsafe-inline, a hash for every inline script and style', async () => {
  const html = readFileSync(file, 'utf8');
  const csp = html.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/)[1];
  expect(csp).not.toContain("'unsafe-eval'");
  expect(csp).not.toContain("'unsafe-inline'");
  const { createHash } = await import('node:crypto');
  const hash = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
  const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
  expect(scripts.length).toBeGreaterThanOrEqual(2);
  expect(styles.length).toBe(1);
  const directive = (name) => csp.split(';').map((d) => d.trim()).find((d) => d.startsWith(`${name} `));
  for (const s of scripts) expect(directive('script-src')).toContain(hash(s));
  for (const s of styles) expect(directive('style-src')).toContain(hash(s));
  expect(html).not.toMatch(/<script[^>]+src=/);
  expect(html).not.toMatch(/<link[^>]+rel="(stylesheet|preload|modulepreload)"/);
});

// Issue #15: the offline file's one module has the e-mail writer (online it is fetched on the
// click, greenapply-full.mjs): "Download the e-mail" works from disk with no network, and the
// message is one Python's email package reads, its body in both languages (the file carries
// every language's texts).
test('the e-mail (.eml) is made offline too', async ({ page, context }) => {
  const { requests, problems } = await openOffline(page, context);
  const draft = { form: form.id, version: form.version, saved_at: '2023-04-15T02:00:00.000Z', answers: example.answers };
  await page.locator('#import-draft').setInputFiles({ name: 'draft.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(draft)) });
  await page.getByRole('navigation').getByRole('link', { name: 'Check your answers', exact: true }).click();
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Download the e-mail (.eml)' }).click()]);
  const eml = readFileSync(await download.path(), 'latin1');
  expect(eml.startsWith('MIME-Version: 1.0\r\n')).toBe(true);
  expect(eml).toContain(`\r\nTo: ${form.submission.to}\r\n`);
  const summary = JSON.parse(execFileSync('python3', [path.join(root, 'tests/cli/eml_check.py'), 'check', await download.path()], { encoding: 'utf8' }));
  expect(summary.parts.map((p) => p.filename)).toEqual([expect.stringMatching(/\.json$/), expect.stringMatching(/\.xml$/)]);
  const body = execFileSync('python3', ['-c', 'import email,email.policy,sys;m=email.message_from_bytes(open(sys.argv[1],"rb").read(),policy=email.policy.default);print(next(m.iter_parts()).get_content())',
    await download.path()], { encoding: 'utf8' });
  expect(body).toContain('Applicant: ');
  expect(body).toContain('申报单位／申报人：');
  // The example's files are recorded without their bytes (a draft from elsewhere): still to send.
  expect(body).toMatch(new RegExp(`Not attached to this message \\(to be sent separately\\):\\r?\\n- ${example.answers.attachments.att_business_plan.name.replace('.', '\\.')} `));
  expect(requests, 'network requests').toEqual([]);
  expect(problems).toEqual([]);
});
