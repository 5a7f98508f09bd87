// The page's numbers, measured in headless Chromium (Debian's) against build/site on loopback:
//  - per-keystroke evaluation (JS serialise + wasm evaluate + JS parse) on the Bluetech company
//    form with 20 team members and 10 key patents: p50, p95, max over 1,000 edits;
//  - where the time goes: the same work natively (Google Benchmark, bench/run.sh) vs in wasm;
//  - first render on a cold load (navigation start → form ready);
//  - total transfer of the page (HTML, CSS, JS, wasm, default package), gzip -9;
//  - wasm heap before and after 10,000 edits.
// Usage: node bench/page-bench.mjs [site dir]
import { createServer } from 'node:http';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { chromium } from '../tests/e2e/node_modules/@playwright/test/index.mjs';

const site = path.resolve(process.argv[2] ?? 'build/site');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  let file = path.join(site, decodeURIComponent(url.pathname));
  if (file.endsWith('/')) file += 'index.html';
  try {
    const body = readFileSync(file);
    res.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}/`;

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const page = await browser.newPage();
const transferred = new Map();
page.on('response', async (r) => {
  try { transferred.set(new URL(r.url()).pathname, (await r.body()).length); } catch { /* redirects */ }
});
await page.goto(`${base}?now=2023-04-15T10:00:00%2B08:00&lang=en`);
await page.waitForFunction(() => document.body.dataset.ready === '1');
const firstRender = await page.evaluate(() => performance.now());

const example = JSON.parse(readFileSync('schemas/bluetech-2023-company/examples/01-worked-example.json', 'utf8')).answers;
const large = structuredClone(example);
while (large.team.core_team.length < 20) large.team.core_team.push({ ...large.team.core_team[large.team.core_team.length % 4], name: `成员${large.team.core_team.length}` });
while (large.ip.key_patents.length < 10) large.ip.key_patents.push({ ...large.ip.key_patents[0], number: `ZL20191012345${large.ip.key_patents.length}.X` });
large.ip.inv_granted_cn = 10;

const times = await page.evaluate(([a]) => window.greenapply.timeEvaluations(a, 1000, true), [large]);
times.sort((x, y) => x - y);
const pct = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
const heapBefore = await page.evaluate(() => window.greenapply.heapBytes());
await page.evaluate(([a]) => window.greenapply.timeEvaluations(a, 10000, true), [large]);
const heapAfter = await page.evaluate(() => window.greenapply.heapBytes());
await browser.close();
server.close();

// The page's own files, gzip -9 (what a static host with compression sends).
const files = ['index.html', 'css/app.css', 'greenapply.mjs', 'greenapply.wasm', ...readdirSync(path.join(site, 'js'), { recursive: true })
  .filter((f) => f.endsWith('.js')).map((f) => `js/${f}`), 'schemas/index.json', 'schemas/common/texts.json',
  ...readdirSync(path.join(site, 'schemas/bluetech-2023-company'), { recursive: true })
    .filter((f) => f.endsWith('.json') && !f.startsWith('examples')).map((f) => `schemas/bluetech-2023-company/${f}`)];
let raw = 0, gz = 0, wasmGz = 0;
for (const f of files) {
  const body = readFileSync(path.join(site, f));
  raw += body.length;
  const g = gzipSync(body, { level: 9 }).length;
  gz += g;
  if (f.endsWith('.wasm')) wasmGz = g;
}
console.log(JSON.stringify({
  chromium: browser.version?.() ?? 'debian chromium',
  evaluate_ms: { p50: +pct(0.5).toFixed(3), p95: +pct(0.95).toFixed(3), max: +times[times.length - 1].toFixed(3), n: times.length },
  first_render_ms: Math.round(firstRender),
  transfer: { files: files.length, raw_kib: +(raw / 1024).toFixed(1), gzip_kib: +(gz / 1024).toFixed(1), wasm_gzip_kib: +(wasmGz / 1024).toFixed(1) },
  requests_seen: transferred.size,
  wasm_heap_bytes: { before: heapBefore, after_10000_edits: heapAfter },
}, null, 2));
