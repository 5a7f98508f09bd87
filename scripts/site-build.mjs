// The last step of scripts/build-web.sh: turns the assembled site folder (www/ + the wasm +
// schemas/) into what is served, and writes the offline single file.
//   - schemas/**/*.json minified. The page parses them with JSON.parse and hands the core
//     JSON.stringify of the result, so the core sees exactly the same text as before;
//   - js/main.js becomes one minified ES module with every module it imports (one request
//     instead of a waterfall of three rounds), except those it imports dynamically for some
//     forms only (lazyModules), each bundled on its own; the other module files stay for tests
//     that import one of them on its own. greenapply.mjs stays a separate file: it finds the wasm
//     next to itself through import.meta.url;
//   - css/*.css minified;
//   - index.html gets, at <!-- build:preload -->, preloads for everything a cold load of a form
//     needs, so the browser fetches them in parallel while it parses the page, instead of one
//     round after another as the modules discover them: what every form needs as <link> tags,
//     the files of the form the address names (#form=, else the default) from js/preload.js,
//     which gets every package's list here;
//   - greenapply-offline.html (with --offline-glue): one file that works opened from disk,
//     with no network: the classic single-file build of the core (wasm inlined as base64), all
//     the page's JS as one classic script, the CSS, and the form packages, under the page's
//     CSP with a hash for each inline script and style instead of 'self';
//   - greenapply-organiser-offline.html (with --offline-glue and the organiser's classic build,
//     organiser-offline.js, in the site): the organiser's page (organiser.html) the same way.
// Usage: node scripts/site-build.mjs SITE_DIR [--offline-glue build/wasm-release/wasm/greenapply-offline.js]
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { build, transform } = await import(path.join(root, 'scripts/web/node_modules/esbuild/lib/main.js'))
  .catch(() => { throw new Error('esbuild is missing: (cd scripts/web && npm ci)'); });

const args = process.argv.slice(2);
const site = path.resolve(args[0] ?? 'build/site');
const glueAt = args.indexOf('--offline-glue');
const offlineGlue = glueAt >= 0 ? path.resolve(args[glueAt + 1]) : null;

// The browsers that run the core at all: wasm exceptions need Chrome 95, Firefox 100, Safari 15.2.
const target = ['chrome95', 'firefox100', 'safari15.2'];
const read = (f) => readFileSync(path.join(site, f), 'utf8');
const readJson = (f) => JSON.parse(read(f));
const sha256 = (text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// --- JSON -----------------------------------------------------------------------------------
const jsonFiles = readdirSync(path.join(site, 'schemas'), { recursive: true })
  .filter((f) => f.endsWith('.json')).map((f) => `schemas/${f}`);
// The pages' own texts, one table a language and page (www/i18n/ui.<lang>.json, organiser.<lang>.json),
// fetched by js/i18n.js like the packages' texts: minified too, and inlined in the offline files.
const pageTextFiles = readdirSync(path.join(site, 'i18n')).filter((f) => f.endsWith('.json')).map((f) => `i18n/${f}`);
for (const f of [...jsonFiles, ...pageTextFiles]) writeFileSync(path.join(site, f), JSON.stringify(readJson(f)));

// --- the files a cold load of a form fetches (what www/js/bundle.js reads) -----------------------
const index = readJson('schemas/index.json');
function packageFiles(pkgPath) {
  const form = readJson(`schemas/${pkgPath}/form.json`);
  const parts = ['data_schema', 'layout', 'rules', 'eligibility', 'rubric', 'match']
    .map((p) => form.files[p]).filter((f) => typeof f === 'string');
  return ['form.json', ...parts].map((f) => `schemas/${pkgPath}/${f}`);
}
// The texts are not preloaded: which language's the page fetches is known only to its script
// (?lang=, the remembered choice, the browser's language), and a preload of the wrong one would
// be a download for nothing. They are fetched with the package's other files, in the same round.
// schemas.json is one of the merged common files scripts/package-index.mjs writes into
// schemas/common/; every form reads it. The *.schema.json there are its sources, not fetched.
const coldFiles = ['schemas/index.json', 'schemas/common/schemas.json'];
const formFiles = Object.fromEntries(index.packages.map((p) => [p.path, packageFiles(p.path)]));
// The need forms (a match.json): they run on the full core from the start (www/js/core.js).
const onFullCore = index.packages.map((p) => p.path)
  .filter((p) => typeof readJson(`schemas/${p}/form.json`).files.match === 'string');

// --- JS and CSS -------------------------------------------------------------------------------
// The core's glue is left out of the bundle (online) or replaced by the classic script's global
// (offline).
const coreGlue = (offline) => ({
  name: 'greenapply-core',
  setup(b) {
    // greenapply-full.mjs (the core with the writers and the matcher, www/js/core.js) likewise:
    // offline, the one module is the full core, and both names give it.
    b.onResolve({ filter: /greenapply(-full)?\.mjs$/ }, (a) => (offline
      ? { path: 'core', namespace: 'greenapply-core' }
      : { path: a.path, external: true }));
    b.onLoad({ filter: /.*/, namespace: 'greenapply-core' },
      () => ({ contents: 'export default globalThis.createGreenapply;', loader: 'js' }));
  },
});

// Bundled from the site's own copy of the modules, so the source map points at files it serves.
const bundleOptions = {
  entryPoints: [path.join(site, 'js/main.js')], bundle: true, minify: true, target,
  legalComments: 'none', logLevel: 'warning',
  // Texts as UTF-8, not \u escapes: Chinese is a third of the bytes that way (module scripts are
  // always read as UTF-8; the offline file's inline scripts are in a UTF-8 page).
  charset: 'utf8',
};
const offlineApp = offlineGlue && (await build({
  ...bundleOptions, format: 'iife', write: false, plugins: [coreGlue(true)],
  // Every module that resolves files against its own URL lives in js/, as online.
  define: { 'import.meta.url': 'greenapplyModuleUrl' },
  banner: { js: "var greenapplyModuleUrl = new URL('js/main.js', document.baseURI).href;" },
})).outputFiles[0].text;
// What only some visits use is a module of its own, imported dynamically (the need form's match
// panel, the maintainers' live preview, the review step's code, which
// a first visit does not reach): online it stays out of main.js and is bundled on its own, with its own copy of the few
// helpers it shares with the page (esbuild's code splitting would instead move those into a
// chunk that every page fetches, one request more). Offline, everything is one script.
const lazyModules = ['render/match.js', 'preview.js', 'review-step.js'];
const leaveLazyOut = {
  name: 'greenapply-lazy',
  setup(b) {
    b.onResolve({ filter: /\.js$/ }, (a) => (a.kind === 'dynamic-import' && lazyModules.some((m) => a.path.endsWith(m))
      ? { path: a.path, external: true } : undefined));
  },
};
await build({ ...bundleOptions, format: 'esm', outfile: path.join(site, 'js/main.js'), allowOverwrite: true,
  sourcemap: 'linked', plugins: [coreGlue(false), leaveLazyOut] });
for (const m of lazyModules) {
  await build({ ...bundleOptions, entryPoints: [path.join(site, 'js', m)], format: 'esm', outfile: path.join(site, 'js', m),
    allowOverwrite: true, sourcemap: 'linked', plugins: [coreGlue(false)] });
}

for (const f of readdirSync(path.join(site, 'css')).filter((c) => c.endsWith('.css'))) {
  writeFileSync(path.join(site, 'css', f), (await transform(read(`css/${f}`), { loader: 'css', minify: true, target })).code);
}
const css = read('css/app.css');

// js/preload.js: the list of each package's files, in place of its placeholders; minified.
let preloadJs = read('js/preload.js');
for (const [placeholder, value] of [['{}; // build:package-files', formFiles], ["''; // build:default-package", index.default],
  ['[]; // build:full-core-packages', onFullCore]]) {
  if (!preloadJs.includes(placeholder)) throw new Error(`js/preload.js: no ${placeholder}`);
  preloadJs = preloadJs.replace(placeholder, () => `${JSON.stringify(value)};`);
}
writeFileSync(path.join(site, 'js/preload.js'), (await transform(preloadJs, { loader: 'js', minify: true, target, charset: 'utf8' })).code);

// --- index.html -------------------------------------------------------------------------------
const marker = '<!-- build:preload -->';
const html = read('index.html');
if (!html.includes(marker)) throw new Error(`index.html: no ${marker} in <head>`);
// crossorigin: fetch() and emscripten's wasm fetch are CORS-mode requests, and a preload is
// only reused by a request of the same mode. The core (greenapply.mjs and its wasm, or the full
// core's for a need form) is preloaded by js/preload.js, which knows the form.
const preloads = [
  ...coldFiles.map((f) => `<link rel="preload" href="${f}" as="fetch" type="application/json" crossorigin>`),
  // defer: it never holds up the parser (nor a first paint); deferred scripts run in order, so it
  // still runs before the page's module, which is deferred too, asks for anything.
  '<script src="js/preload.js" defer></script>',
];
const indent = html.slice(html.lastIndexOf('\n', html.indexOf(marker)) + 1, html.indexOf(marker));
// (Function replacements throughout: a replacement string would expand $& and $' in the code.)
writeFileSync(path.join(site, 'index.html'), html.replace(marker, () => preloads.join(`\n${indent}`)));

// The offline files' fetch: answers from the inlined copies of the site's JSON, and from nothing
// else. The module URL the code resolves its files against is the page's js/ folder, as online.
const offlineFetch = `(() => {
const files = JSON.parse(document.getElementById('greenapply-files').textContent);
const base = new URL('./', document.baseURI).href;
globalThis.fetch = async (input) => {
  const url = new URL(input instanceof Request ? input.url : String(input), document.baseURI).href;
  const name = url.startsWith(base) ? decodeURIComponent(url.slice(base.length)) : null;
  if (name !== null && Object.hasOwn(files, name)) {
    return new Response(JSON.stringify(files[name]), { status: 200, headers: { 'content-type': 'application/json' } });
  }
  return new Response('', { status: 404, statusText: 'not in the offline file' });
};
})();`;

// What the offline files inline: every form package and common file, not only the default form's
// (the picker offers them all), and the pages' own texts. The worked examples are left out (the
// page never reads them; 40 % of the bytes).
function offlineFiles() {
  const files = {};
  for (const f of [...jsonFiles, ...pageTextFiles].filter((j) => !j.split('/').includes('examples'))) files[f] = readJson(f);
  return files;
}

// --- greenapply-offline.html -------------------------------------------------------------------
if (offlineGlue) {
  const files = offlineFiles();
  // The page's own code fetches its files (www/js/bundle.js); from file:// every fetch fails, so
  // here fetch answers from the inlined copies, and from nothing else: the file never touches
  // the network. The module URL the code resolves its files against is the page's js/ folder,
  // as it is online.
  const shim = offlineFetch;
  const glue = readFileSync(offlineGlue, 'utf8');
  const scripts = [glue, `${shim}\n${offlineApp}`];
  // "</script" inside a script would end it early; JSON can always escape "<".
  const data = JSON.stringify(files).replace(/</g, '\\u003c');
  for (const s of scripts) if (/<\/script/i.test(s)) throw new Error('a script contains </script');

  let page = html; // the page before the online preloads were added
  const csp = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  if (!csp) throw new Error('index.html: no CSP meta');
  const directives = csp[1].split(';').map((d) => d.trim()).filter(Boolean);
  const withHashes = (name, hashes) => {
    const i = directives.findIndex((d) => d.startsWith(`${name} `));
    if (i < 0) throw new Error(`CSP has no ${name}`);
    directives[i] = [name, ...hashes, ...directives[i].split(/\s+/).slice(1).filter((s) => s !== "'self'")].join(' ');
  };
  withHashes('script-src', scripts.map(sha256));
  withHashes('style-src', [sha256(css)]);
  page = page.replace(csp[0], () => `<meta http-equiv="Content-Security-Policy" content="${directives.join('; ')}">`)
    .replace(new RegExp(`[ \\t]*${marker}\\n?`), '')
    .replace(/<link rel="stylesheet" href="css\/app\.css">/, () => `<style>${css}</style>`)
    .replace(/[ \t]*<script type="module" src="js\/main\.js"><\/script>\n?/, '')
    // The start screen is a page of the site, not of this file: its link would lead nowhere.
    .replace(/<a id="all-forms"/, '<a id="all-forms" hidden');
  if (page.includes('src="js/main.js"') || !page.includes('<style>')) throw new Error('index.html head changed: update site-build.mjs');
  const tail = `<script type="application/json" id="greenapply-files">${data}</script>\n`
    + scripts.map((s) => `<script>${s}</script>\n`).join('');
  page = page.replace('</body>', () => `${tail}</body>`);
  writeFileSync(path.join(site, 'greenapply-offline.html'), page);
}

// --- greenapply-organiser-offline.html ----------------------------------------------------------
// The organiser's page as one file, the same way: both cores' classic single-file builds (the
// organiser's for the round, the applicant's for the read-only review), the page's JS as one
// classic script, its CSS, the form packages. From file:// no Worker can be started, so the
// page runs the organiser's core in the page itself (js/organiser/round-core.js sees the
// classic build's global). It never touches the network either.
const organiserGlue = path.join(site, 'organiser-offline.js');
if (offlineGlue && existsSync(organiserGlue)) {
  const orgApp = (await build({
    ...bundleOptions, entryPoints: [path.join(site, 'js/organiser/main.js')], format: 'iife', write: false, plugins: [coreGlue(true)],
    define: { 'import.meta.url': 'greenapplyModuleUrl' },
    // The modules that resolve files against their own URL (bundle.js) live in js/.
    banner: { js: "var greenapplyModuleUrl = new URL('js/main.js', document.baseURI).href;" },
  })).outputFiles[0].text;
  const files = offlineFiles();
  const scripts = [readFileSync(organiserGlue, 'utf8'), readFileSync(offlineGlue, 'utf8'), `${offlineFetch}\n${orgApp}`];
  for (const s of scripts) if (/<\/script/i.test(s)) throw new Error('a script contains </script');
  const orgCss = ['app.css', 'start.css', 'organiser.css'].map((f) => read(`css/${f}`)).join('\n');
  let page = read('organiser.html');
  const csp = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]*)">/);
  if (!csp) throw new Error('organiser.html: no CSP meta');
  const directives = csp[1].split(';').map((d) => d.trim()).filter(Boolean);
  const withHashes = (name, hashes) => {
    const i = directives.findIndex((d) => d.startsWith(`${name} `));
    if (i < 0) throw new Error(`CSP has no ${name}`);
    directives[i] = [name, ...hashes, ...directives[i].split(/\s+/).slice(1).filter((x) => x !== "'self'")].join(' ');
  };
  withHashes('script-src', scripts.map(sha256));
  withHashes('style-src', [sha256(orgCss)]);
  page = page.replace(csp[0], () => `<meta http-equiv="Content-Security-Policy" content="${directives.join('; ')}">`)
    .replace(/[ \t]*<link rel="stylesheet" href="css\/start\.css">\n?/, '')
    .replace(/[ \t]*<link rel="stylesheet" href="css\/organiser\.css">\n?/, '')
    .replace(/<link rel="stylesheet" href="css\/app\.css">/, () => `<style>${orgCss}</style>`)
    .replace(/[ \t]*<script type="module" src="js\/organiser\/main\.js"><\/script>\n?/, '')
    // The start screen is a page of the site, not of this file.
    .replace(/<a id="home" class="([^"]*)" href="forms\.html">([^<]*)<\/a>/, (m, cls, text) => `<span id="home" class="${cls}">${text}</span>`);
  if (page.includes('src="js/organiser/main.js"') || page.includes('href="css/') || !page.includes('<style>')) throw new Error('organiser.html head changed: update site-build.mjs');
  const data = JSON.stringify(files).replace(/</g, '\\u003c');
  const tail = `<script type="application/json" id="greenapply-files">${data}</script>\n` + scripts.map((x) => `<script>${x}</script>\n`).join('');
  writeFileSync(path.join(site, 'greenapply-organiser-offline.html'), page.replace('</body>', () => `${tail}</body>`));
}

console.log(`site-build: ${site}: ${jsonFiles.length} JSON minified, js/main.js bundled, ${coldFiles.length + 2} preloads + js/preload.js`
  + (offlineGlue ? ', greenapply-offline.html' : '') + (existsSync(path.join(site, 'greenapply-organiser-offline.html')) ? ', greenapply-organiser-offline.html' : ''));
