// The wasm validator against ajv in one Chromium page (issue #18: "wasm in Chromium, not node").
// Both validate the same instances of the same schema with all errors collected; ajv 8 as
// bench/ajv-bench.mjs configures it (2020-12, allErrors, ajv-formats), bundled for the browser
// with the site's own esbuild, except that "format" is an annotation on both sides (ajv's
// validateFormats: false; the core's default), so both do the same work and must agree on which
// instances are invalid (checked: the run fails otherwise). The two run in alternating windows of
// WINDOW_MS in one page, so a busy machine slows both alike; the medians of the windows are
// reported, and their ratio. The validator on its own is in the full core (greenapply-full.mjs),
// the same code the page's small core validates forms with.
//
//   node bench/browser-validator-bench.mjs SITE SCHEMA INSTANCES [--rounds 5] [--window-ms 2000]
//
// Cases: "validate": instances already parsed (ajv: JS objects; wasm: parsed once into the
// core by loadInstances), the validator alone. "from text": each instance's JSON text in, its
// result out: ajv + JSON.parse against the core's validate(text), which parses in wasm and
// also writes the basic-output JSON the page would read.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { serveSite } from './site-server.mjs';
import { chromium } from '../tests/e2e/node_modules/@playwright/test/index.mjs';
import { build } from '../scripts/web/node_modules/esbuild/lib/main.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const [site, schemaPath, instancesPath] = args.filter((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--'));
if (!instancesPath) {
  console.error('usage: node bench/browser-validator-bench.mjs SITE SCHEMA INSTANCES [--rounds N] [--window-ms MS]');
  process.exit(2);
}
const rounds = option('--rounds', 5);
const windowMs = option('--window-ms', 2000);

// ajv for the browser: one ES module exporting the compiled validator's factory.
const work = mkdtempSync(path.join(tmpdir(), 'ga-ajv-'));
const entry = path.join(work, 'entry.mjs');
const benchModules = path.resolve('bench/node_modules');
await import('node:fs').then((fs) => fs.writeFileSync(entry, [
  `import Ajv2020 from ${JSON.stringify(path.join(benchModules, 'ajv/dist/2020.js'))};`,
  `import addFormats from ${JSON.stringify(path.join(benchModules, 'ajv-formats/dist/index.js'))};`,
  'export function makeAjv(schema) { const ajv = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }); addFormats(ajv); return ajv.compile(schema); }',
].join('\n')));
const bundled = await build({ entryPoints: [entry], bundle: true, format: 'esm', write: false, minify: true, platform: 'browser' });
rmSync(work, { recursive: true, force: true });

const page = `<!doctype html><meta charset="utf-8"><title>validator bench</title><script type="module">
import createGreenapply from '/greenapply-full.mjs';
import { makeAjv } from '/bench-ajv.mjs';
window.runBench = async (rounds, windowMs) => {
  const [schemaText, instancesText] = await Promise.all([fetch('/bench-schema.json').then((r) => r.text()), fetch('/bench-instances.json').then((r) => r.text())]);
  const instances = JSON.parse(instancesText);
  const texts = instances.map((i) => JSON.stringify(i));
  const core = await createGreenapply();
  const v = core.SchemaValidator.load(schemaText);
  if (!v.ok()) throw new Error(v.error());
  if (v.loadInstances(JSON.stringify(instances)) !== instances.length) throw new Error('loadInstances');
  const validate = makeAjv(JSON.parse(schemaText));
  let sink = 0;
  const cases = {
    'ajv allErrors': () => { for (const i of instances) sink += validate(i) ? 0 : validate.errors.length; },
    'greenapply wasm': () => { sink += v.validateLoaded(); },
    'ajv allErrors + JSON.parse': () => { for (const t of texts) sink += validate(JSON.parse(t)) ? 0 : validate.errors.length; },
    'greenapply wasm validate(text)': () => { for (const t of texts) sink += v.validate(t).length; },
  };
  // Both must see the same instances as invalid, or the comparison is between different work.
  let ajvInvalid = 0;
  for (const i of instances) ajvInvalid += validate(i) ? 0 : 1;
  let coreInvalid = 0;
  for (const t of texts) coreInvalid += JSON.parse(v.validate(t)).valid ? 0 : 1;
  const window1 = (fn) => {
    let runs = 0;
    const start = performance.now();
    while (performance.now() - start < windowMs) { fn(); runs++; }
    return (runs * instances.length) / ((performance.now() - start) / 1000);
  };
  for (const fn of Object.values(cases)) for (let i = 0; i < 20; i++) fn();  // JIT and tier-up
  const results = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
  for (let r = 0; r < rounds; r++) {
    for (const [name, fn] of Object.entries(cases)) results[name].push(window1(fn));
  }
  v.delete();
  return { results, instances: instances.length, ajvInvalid, coreInvalid, sink };
};
</script>`;

const { server, base } = await serveSite(site, {
  '/bench.html': ['text/html', page],
  '/bench-ajv.mjs': ['text/javascript', bundled.outputFiles[0].text],
  '/bench-schema.json': ['application/json', readFileSync(schemaPath)],
  '/bench-instances.json': ['application/json', readFileSync(instancesPath)],
});
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
try {
  const tab = await browser.newPage();
  tab.on('pageerror', (e) => console.error(e));
  await tab.goto(`${base}bench.html`);
  await tab.waitForFunction(() => typeof window.runBench === 'function');
  const out = await tab.evaluate(([r, w]) => window.runBench(r, w), [rounds, windowMs]);
  const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
  const medians = Object.fromEntries(Object.entries(out.results).map(([k, xs]) => [k, Math.round(median(xs))]));
  console.log(JSON.stringify({
    chromium: browser.version(),
    instances: out.instances,
    invalid: { ajv: out.ajvInvalid, greenapply: out.coreInvalid },
    rounds,
    window_ms: windowMs,
    validations_per_second_median: medians,
    per_round: Object.fromEntries(Object.entries(out.results).map(([k, xs]) => [k, xs.map(Math.round)])),
    ratio_validate: +(medians['greenapply wasm'] / medians['ajv allErrors']).toFixed(2),
    ratio_from_text: +(medians['greenapply wasm validate(text)'] / medians['ajv allErrors + JSON.parse']).toFixed(2),
  }, null, 2));
  if (out.ajvInvalid !== out.coreInvalid) {
    console.error(`ajv finds ${out.ajvInvalid} instances invalid, greenapply ${out.coreInvalid}: not the same work`);
    process.exitCode = 1;
  }
} finally {
  await browser.close();
  server.close();
}
