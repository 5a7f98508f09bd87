// The page's numbers, measured in headless Chromium (Debian's) against a built site on loopback:
//  - first render on a cold load (navigation start → form ready), the median of several loads,
//    each in a fresh browser context (empty HTTP cache, no compiled-wasm cache), with where the
//    time goes: HTML received, scripts run (DOMContentLoaded), wasm fetched, wasm compiled and
//    instantiated (core ready), package fetched, Form.load in wasm, first render;
//  - what the page transfers on that cold load, file by file, gzip -9 (what a static host with
//    compression sends): every response the browser asked for, nothing else; and the total of
//    one cold load in Chinese (transfer_zh);
//  - per-keystroke evaluation (JS serialise + wasm evaluate + JS parse) on the Bluetech company
//    form with 20 team members and 10 key patents: p50, p95, max over 1,000 edits;
//  - wasm heap before and after 10,000 edits;
//  - the offline single file's size, when the site has one.
// Usage: node bench/page-bench.mjs [site dir] [--cold N]   (default build/site, 7 cold loads)
// The machine is shared: compare builds in the same run, and trust medians over single loads.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { largeApplication, serveSite } from './site-server.mjs';
import { chromium } from '../tests/e2e/node_modules/@playwright/test/index.mjs';

const args = process.argv.slice(2);
const coldAt = args.indexOf('--cold');
const coldLoads = coldAt >= 0 ? Number(args.splice(coldAt, 2)[1]) : 7;
const site = path.resolve(args[0] ?? 'build/site');
const { server, base } = await serveSite(site);
const url = `${base}?now=2023-04-15T10:00:00%2B08:00&lang=en`;
// The page fetches the texts of the language it shows only; a Chinese first visit weighs a little
// more (Chinese text compresses less), so it is measured too.
const urlZh = `${base}?now=2023-04-15T10:00:00%2B08:00&lang=zh`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });

// The page sets body[data-ready] once the form is rendered; an observer installed before any of
// the page's scripts notes the moment exactly (polling from outside would add its interval).
const watchReady = () => {
  new MutationObserver((_, obs) => {
    if (document.body?.dataset.ready === '1') { window.__benchReadyAt = performance.now(); obs.disconnect(); }
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready'] });
};

async function coldLoad(address = url) {
  const context = await browser.newContext();
  await context.addInitScript(watchReady);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(address);
  await page.waitForFunction(() => window.__benchReadyAt !== undefined, null, { timeout: 30_000 });
  const t = await page.evaluate(() => {
    const mark = (n) => performance.getEntriesByName(n, 'mark')[0]?.startTime ?? null;
    const nav = performance.getEntriesByType('navigation')[0];
    const res = performance.getEntriesByType('resource');
    const end = (pred) => { const r = res.filter((e) => pred(new URL(e.name).pathname)); return r.length ? Math.max(...r.map((e) => e.responseEnd)) : null; };
    return {
      paths: ['/', ...res.map((e) => new URL(e.name).pathname)],
      html: nav.responseEnd,
      dom_content_loaded: nav.domContentLoadedEventStart,
      wasm_fetched: end((p) => p.endsWith('.wasm')),
      core_ready: mark('ga:core-ready'),
      package_fetched: end((p) => p.startsWith('/schemas/')),
      form_load_start: mark('ga:form-load-start'),
      form_loaded: mark('ga:form-loaded'),
      ready: window.__benchReadyAt,
    };
  });
  await context.close();
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  return t;
}

const loads = [];
for (let i = 0; i < coldLoads; i++) loads.push(await coldLoad());
const zhLoad = await coldLoad(urlZh);
const median = (xs) => {
  const v = xs.filter((x) => x !== null).sort((a, b) => a - b);
  return v.length ? +v[Math.floor((v.length - 1) / 2)].toFixed(1) : null;
};
const phase = (k) => median(loads.map((l) => l[k]));
const formLoad = median(loads.map((l) => (l.form_loaded === null ? null : l.form_loaded - l.form_load_start)));

// Per keystroke and heap, on a warm page (a cold load has compiled and run everything once).
const context = await browser.newContext();
const page = await context.newPage();
await page.goto(url);
await page.waitForFunction(() => document.body.dataset.ready === '1');
const large = largeApplication();
large.ip.inv_granted_cn = 10;

const times = await page.evaluate(([a]) => window.greenapply.timeEvaluations(a, 1000, true), [large]);
times.sort((x, y) => x - y);
const pct = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
const heapBefore = await page.evaluate(() => window.greenapply.heapBytes());
await page.evaluate(([a]) => window.greenapply.timeEvaluations(a, 10000, true), [large]);
const heapAfter = await page.evaluate(() => window.greenapply.heapBytes());
const chromiumVersion = browser.version();
await browser.close();
server.close();

// Every file a cold load asked for, as a static host would send it: gzip -9.
function transferOf(paths) {
  const files = {};
  let raw = 0, gz = 0, wasmGz = 0;
  for (const p of [...new Set(paths)]) {
    const body = readFileSync(path.join(site, p === '/' ? 'index.html' : decodeURIComponent(p)));
    const g = gzipSync(body, { level: 9 }).length;
    files[p] = { raw: body.length, gzip: g };
    raw += body.length;
    gz += g;
    if (p.endsWith('.wasm')) wasmGz += g;
  }
  return { files, raw, gz, wasmGz };
}
const { files, raw, gz, wasmGz } = transferOf(loads[0].paths);
const zh = transferOf(zhLoad.paths);
const offlineFile = path.join(site, 'greenapply-offline.html');
const offline = existsSync(offlineFile)
  ? (() => { const b = readFileSync(offlineFile); return { raw_kib: +(b.length / 1024).toFixed(1), gzip_kib: +(gzipSync(b, { level: 9 }).length / 1024).toFixed(1) }; })()
  : null;

console.log(JSON.stringify({
  site: path.relative(process.cwd(), site) || '.',
  chromium: chromiumVersion,
  first_render_ms: {
    median: phase('ready'),
    runs: loads.map((l) => Math.round(l.ready)),
    phases_median: {
      html: phase('html'), dom_content_loaded: phase('dom_content_loaded'), wasm_fetched: phase('wasm_fetched'),
      core_ready: phase('core_ready'), package_fetched: phase('package_fetched'), form_load_start: phase('form_load_start'),
      form_loaded: phase('form_loaded'), ready: phase('ready'),
    },
    form_load_ms_median: formLoad,
  },
  evaluate_ms: { p50: +pct(0.5).toFixed(3), p95: +pct(0.95).toFixed(3), max: +times[times.length - 1].toFixed(3), n: times.length },
  transfer: { requests: Object.keys(files).length, raw_kib: +(raw / 1024).toFixed(1), gzip_kib: +(gz / 1024).toFixed(1), wasm_gzip_kib: +(wasmGz / 1024).toFixed(1), files },
  transfer_zh: { requests: Object.keys(zh.files).length, gzip_kib: +(zh.gz / 1024).toFixed(1),
    texts: Object.keys(zh.files).filter((p) => /i18n\/|texts\./.test(p)) },
  wasm_heap_bytes: { before: heapBefore, after_10000_edits: heapAfter },
  offline,
}, null, 2));
