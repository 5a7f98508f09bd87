// The live preview for package maintainers (issue #17; scripts/preview-server.py, www/js/preview.js):
// a package kept outside schemas/ (a copy in a temporary folder, with its common/ beside it, as a
// programme's own repository has it) is served live; a label saved in its texts shows on the page
// without a reload, the answers typed staying; a file that no longer parses is named with its line
// in a banner while the last good form stays usable; fixed, the banner goes. Lint's messages come
// in the page's language. The page applicants get (no ?preview=1) never listens.
// The server is started here on a free port of its own and stopped after the tests; it
// lints with the native CLI (build/native-debug/cli/greenapply, built before the browser tests).
import { test, expect } from '@playwright/test';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageReady } from './page-ready.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const site = path.resolve(root, process.env.E2E_SITE ?? 'build/site');
const cli = path.join(root, 'build/native-debug/cli/greenapply');
const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const NAME = 'preview-pkg';
const PLACEHOLDER = 'submissions@wipo-green.example';

let dir;
let server;
let port;  // a free one, chosen by the server (--port 0) and read from the address it prints
let textsFile;
let formFile;
let goodTexts;
let goodForm;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  expect(existsSync(cli), `${cli} (cmake --build --preset native-debug)`).toBe(true);
  expect(existsSync(path.join(site, 'index.html')), `${site} (bash scripts/build-web.sh)`).toBe(true);
  dir = mkdtempSync(path.join(os.tmpdir(), 'greenapply-preview-'));
  cpSync(path.join(root, 'schemas/wipo-green-technology'), path.join(dir, NAME), { recursive: true });
  cpSync(path.join(root, 'schemas/common'), path.join(dir, 'common'), { recursive: true });
  // The shipped package's placeholder address is lint's one warning: a real one makes it clean.
  formFile = path.join(dir, NAME, 'form.json');
  goodForm = readFileSync(formFile, 'utf8').replace(PLACEHOLDER, 'greentech@wipo.int');
  writeFileSync(formFile, goodForm);
  textsFile = path.join(dir, NAME, 'i18n/en.json');
  goodTexts = readFileSync(textsFile, 'utf8');

  server = spawn('python3', [path.join(root, 'scripts/preview-server.py'), '--package', path.join(dir, NAME),
    '--port', '0', '--site', site, '--greenapply', cli], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  // Ready when it prints its address (after the first lint); its error output if it ends first.
  let errors = '';
  server.stderr.on('data', (d) => { errors += d; });
  await new Promise((resolve, reject) => {
    let out = '';
    server.stdout.on('data', (d) => {
      out += d;
      const address = out.match(/http:\/\/127\.0\.0\.1:(\d+)\/\?preview=1/);
      if (address) {
        port = Number(address[1]);
        resolve();
      }
    });
    server.on('exit', (code) => reject(new Error(`preview server ended (${code}): ${errors}`)));
  });
});

test.afterAll(() => {
  server?.kill('SIGTERM');
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const open = async (page, lang) => {
  await page.goto(`http://127.0.0.1:${port}/?preview=1&lang=${lang}#form=${NAME}`);
  await pageReady(page);
};
const banner = (page) => page.locator('#preview-banner');

test('a saved label shows at once, answers kept; a broken file is named in the banner and the form stays; fixed, the banner goes', async ({ page }) => {
  await open(page, 'en');
  const title = page.getByLabel('Technology title', { exact: true });
  await title.fill('Floating solar on reservoirs');
  await expect(banner(page)).toBeHidden();
  // Set in this document only: still there after the change means the page was not reloaded.
  await page.evaluate(() => { window.notReloaded = true; });

  const renamed = goodTexts.replace('"technology.title.label": "Technology title"', '"technology.title.label": "Name of the technology"');
  expect(renamed).not.toBe(goodTexts);
  writeFileSync(textsFile, renamed);
  const label = page.getByLabel('Name of the technology', { exact: true });
  await expect(label).toHaveValue('Floating solar on reservoirs');
  expect(await page.evaluate(() => window.notReloaded)).toBe(true);
  await expect(banner(page)).toBeHidden();

  // A comma lost at the end of the label's line: JSON that no longer parses, at the next line.
  const lines = renamed.split('\n');
  const at = lines.findIndex((l) => l.includes('"technology.title.label"'));
  lines[at] = lines[at].replace(/,\s*$/, '');
  writeFileSync(textsFile, lines.join('\n'));
  const status = page.getByRole('status', { name: /Live preview: greenapply lint found problems/ });
  await expect(status).toBeVisible();
  await expect(status).toContainText(`${NAME}/i18n/en.json:${at + 2}:`);
  await expect(status).toContainText(/syntax error/);
  await expect(status).toContainText(/could not be loaded again/);
  // The last good form stays usable.
  await label.fill('Floating solar on lakes');
  await expect(label).toHaveValue('Floating solar on lakes');

  writeFileSync(textsFile, renamed.replace('"Name of the technology"', '"Technology name"'));
  await expect(page.getByLabel('Technology name', { exact: true })).toHaveValue('Floating solar on lakes');
  await expect(banner(page)).toBeHidden();
  await expect(page.getByRole('status', { name: /Live preview/ })).toHaveCount(0);
  expect(await page.evaluate(() => window.notReloaded)).toBe(true);

  // On another step, a saved section title: the page stays on that step.
  await page.getByRole('navigation').getByRole('link', { name: 'Environmental benefits' }).click();
  await expect(page).toHaveURL(/step=benefits/);
  writeFileSync(textsFile, goodTexts.replace('"benefits.title": "Environmental benefits"', '"benefits.title": "Benefits to the environment"'));
  await expect(page.getByRole('heading', { level: 2, name: 'Benefits to the environment' })).toBeVisible();
  await expect(page).toHaveURL(/step=benefits/);
  expect(await page.evaluate(() => window.greenapply.answers.technology.title)).toBe('Floating solar on lakes');
  writeFileSync(textsFile, goodTexts);
});

// axe is injected as a script, which the page's CSP forbids: bypassed for this test only (the one
// before shows the events arrive under the page's own CSP).
test.describe('in Chinese', () => {
  test.use({ bypassCSP: true });
  test('lint\'s problems are shown in the page\'s language (Chinese), the banner accessible', async ({ page }) => {
    await open(page, 'zh');
    await expect(banner(page)).toBeHidden();
    writeFileSync(formFile, goodForm.replace('greentech@wipo.int', PLACEHOLDER));
    const status = page.getByRole('status', { name: /实时预览/ });
    await expect(status).toContainText(`${NAME}/form.json:`);
    await expect(status).toContainText('警告');
    await expect(status).toContainText(`主办方邮箱 ${PLACEHOLDER} 为占位地址`);
    // The package still loads: no failure is reported, only lint's problem (heading, one item).
    await expect(status).toHaveText(/^实时预览：[^）]*）警告 preview-pkg\/form\.json:\d+:\d+ 主办方邮箱/);
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () => window.axe.run('#preview-banner', { resultTypes: ['violations'] }));
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
    writeFileSync(formFile, goodForm);
    await expect(banner(page)).toBeHidden();
  });
});

test('a package broken when the page opens: lint\'s error instead of a blank page; fixed, the form opens', async ({ page }) => {
  writeFileSync(formFile, goodForm.replace('"submission": {', '"submission": {,'));
  await page.goto(`http://127.0.0.1:${port}/?preview=1&lang=en#form=${NAME}`);
  const status = page.getByRole('status', { name: /Live preview: greenapply lint found problems/ });
  await expect(status).toContainText(`${NAME}/form.json:`);
  await expect(status).toContainText(/syntax error/);
  await expect(page.getByRole('alert')).toBeVisible();  // the page's own "could not be loaded"
  writeFileSync(formFile, goodForm);
  await expect(page.getByLabel('Technology title', { exact: true })).toBeVisible();
  await expect(banner(page)).toBeHidden();
});

test('the page applicants get never listens for the preview', async ({ page }) => {
  const asked = [];
  page.on('request', (r) => asked.push(r.url()));
  await page.goto('/?lang=en');
  await pageReady(page);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  expect(asked.filter((u) => u.includes('__preview') || u.includes('preview'))).toEqual([]);
  await expect(page.locator('#preview-banner')).toHaveCount(0);
});
