// Form.load — a form package loaded into the core — measured in headless Chromium (Debian's)
// against built sites on loopback, for every form of the site:
//  - cold: the page's own load of the form on a first visit (a fresh browser context each time:
//    no HTTP cache, no compiled wasm), timed by the page's marks around core.Form.load
//    (ga:form-load, www/js/core.js: JSON.stringify of the bundle + the copy into wasm memory +
//    the core's parse and compile);
//  - warm: the same bundle loaded again into the same core, in the same page, afterwards
//    (window.greenapply.timeLoads), the first of those;
//  - with --flags: the cold load again with V8 flags that take one cost away at a time, to show
//    where the cold time goes (diagnosis only: a page cannot set them):
//      --no-wasm-lazy-compilation   every function compiled (Liftoff) with the module, in the
//                                   background while the page loads, not on its first call
//      --liftoff-only               no tier-up to TurboFan
//  - with --trace: one cold load per form under Chromium's tracing: what ran inside the load
//    (V8's lazy wasm compilation, GC, …), summed by trace event.
//  - with --latency MS: every request answered MS later (DevTools' network emulation), as on a
//    real network rather than loopback; this is when the page's warm-up (www/js/warm-up.js) has
//    network time to fill, and `ready_ms` (navigation → form shown) is the figure to read.
// Several sites are measured side by side, run after run (before/after in the same run), and
// each figure is the median of the runs.
// Usage: node bench/form-load-bench.mjs [site dir ...] [--runs N] [--flags] [--trace]
//   (default build/site, 7 runs)
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { serveSite } from './site-server.mjs';
import { chromium } from '../tests/e2e/node_modules/@playwright/test/index.mjs';

const args = process.argv.slice(2);
const option = (name) => { const at = args.indexOf(name); return at >= 0 ? args.splice(at, 1).length : 0; };
const runsAt = args.indexOf('--runs');
const runs = runsAt >= 0 ? Number(args.splice(runsAt, 2)[1]) : 7;
const withFlags = option('--flags');
const withTrace = option('--trace');
const latencyAt = args.indexOf('--latency');
const latency = latencyAt >= 0 ? Number(args.splice(latencyAt, 2)[1]) : 0;
const sites = (args.length ? args : ['build/site']).map((s) => path.resolve(s));

const launchArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking'];
const variants = [{ name: 'default', flags: null }];
if (withFlags) {
  variants.push({ name: 'no-lazy', flags: '--no-wasm-lazy-compilation' });
  variants.push({ name: 'liftoff-only', flags: '--liftoff-only' });
}

const watchReady = () => {
  new MutationObserver((_, obs) => {
    if (document.body?.dataset.ready === '1') { window.__benchReadyAt = performance.now(); obs.disconnect(); }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
};

// One first visit of a form; then `warm` more loads of it in the same page. With `trace`, under
// Chromium's tracing (V8's wasm compilation events and the page's marks share one clock).
async function visit(browser, base, formPath, warm, trace = false) {
  const context = await browser.newContext();
  await context.addInitScript(watchReady);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (latency) {
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', { offline: false, latency, downloadThroughput: -1, uploadThroughput: -1 });
  }
  if (trace) await browser.startTracing(page, { categories: traceCategories });
  await page.goto(`${base}index.html?now=2023-04-15T10:00:00%2B08:00&lang=en#form=${encodeURIComponent(formPath)}`);
  await page.waitForFunction(() => window.__benchReadyAt !== undefined, null, { timeout: 60_000 });
  const events = trace ? JSON.parse((await browser.stopTracing()).toString()).traceEvents : null;
  const t = await page.evaluate(() => {
    const mark = (n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null;
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('/greenapply.wasm'));
    return {
      cold: performance.getEntriesByName('ga:form-load', 'measure')[0]?.duration ?? null,
      warm_up: performance.getEntriesByName('ga:warm-up', 'measure')[0]?.duration ?? null,
      load_start: mark('ga:form-load-start'), core_ready: mark('ga:core-ready'),
      wasm_fetched: wasm?.responseEnd ?? null, ready: window.__benchReadyAt,
    };
  });
  t.warm = warm ? await page.evaluate((n) => window.greenapply.timeLoads(n), warm) : [];
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return { ...t, events };
}

const traceCategories = ['blink.user_timing', 'v8', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed',
  'disabled-by-default-v8.compile', 'devtools.timeline', 'disabled-by-default-v8.gc'];

// Where a traced cold load's time went: the trace events inside the ga:form-load marks, on the
// page's main thread, their durations summed by name (nested events count in their parents too),
// and V8's wasm compile work on other threads (background compilation, tier-up) in that window.
function traceSummary(events) {
  const start = events.find((e) => e.name === 'ga:form-load-start');
  const end = events.find((e) => e.name === 'ga:form-loaded');
  if (!start || !end) return null;
  const inside = events.filter((e) => e.ph === 'X' && e.ts >= start.ts && e.ts + (e.dur ?? 0) <= end.ts);
  const sum = (list) => {
    const by = {};
    for (const e of list) by[e.name] = (by[e.name] ?? 0) + e.dur / 1000;
    return Object.fromEntries(Object.entries(by).filter(([, ms]) => ms >= 0.5).sort((a, b) => b[1] - a[1]).slice(0, 14)
      .map(([n, ms]) => [n, +ms.toFixed(1)]));
  };
  const main = inside.filter((e) => e.tid === start.tid);
  return {
    window_ms: +((end.ts - start.ts) / 1000).toFixed(1),
    main_thread: sum(main),
    main_thread_events: Object.fromEntries(Object.entries(main.reduce((by, e) => { by[e.name] = (by[e.name] ?? 0) + 1; return by; }, {}))
      .filter(([n]) => /wasm|Wasm|Compile|GC/.test(n))),
    other_threads: sum(inside.filter((e) => e.tid !== start.tid && /wasm|Wasm|Compile/.test(e.name))),
  };
}

const median = (xs) => {
  const v = xs.filter((x) => x !== null && x !== undefined).sort((a, b) => a - b);
  return v.length ? +v[Math.floor((v.length - 1) / 2)].toFixed(1) : null;
};

const served = await Promise.all(sites.map((s) => serveSite(s)));
const forms = JSON.parse(readFileSync(path.join(sites[0], 'schemas/index.json'), 'utf8')).packages.map((p) => p.path);
const results = {};
let chromiumVersion = null;
for (const variant of variants) {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: variant.flags ? [...launchArgs, `--js-flags=${variant.flags}`] : launchArgs,
  });
  chromiumVersion = browser.version();
  const rows = {};
  for (let r = 0; r < runs; r++) {
    for (const form of forms) {
      for (let s = 0; s < sites.length; s++) {
        const v = await visit(browser, served[s].base, form, variant.name === 'default' ? 3 : 0);
        const row = (rows[`${s}\t${form}`] ??= []);
        row.push(v);
      }
    }
  }
  if (withTrace && variant.name === 'default') {
    for (const form of forms) {
      for (let s = 0; s < sites.length; s++) {
        const v = await visit(browser, served[s].base, form, 0, true);
        rows[`${s}\t${form}`].trace = traceSummary(v.events);
      }
    }
  }
  await browser.close();
  for (const [key, list] of Object.entries(rows)) {
    const [s, form] = key.split('\t');
    const site = path.relative(process.cwd(), sites[Number(s)]) || '.';
    const entry = ((results[site] ??= {})[form] ??= {});
    entry[variant.name] = {
      cold_ms: median(list.map((v) => v.cold)),
      cold_runs: list.map((v) => +v.cold.toFixed(1)),
      ...(variant.name === 'default' ? {
        warm_ms: median(list.map((v) => v.warm[0])),
        warm_third_ms: median(list.map((v) => v.warm[2])),
        core_ready_ms: median(list.map((v) => v.core_ready)),
        warm_up_ms: median(list.map((v) => v.warm_up)),
        warm_up_runs: list.filter((v) => v.warm_up !== null).length,
        load_start_ms: median(list.map((v) => v.load_start)),
        ready_ms: median(list.map((v) => v.ready)),
      } : {}),
      ...(list.trace ? { trace: list.trace } : {}),
    };
  }
}
served.forEach(({ server }) => server.close());

console.log(JSON.stringify({ chromium: chromiumVersion, runs, latency_ms: latency, results }, null, 2));
