// The organiser's page as an organiser feels it, in headless Chromium (Debian's): N generated
// application packages dropped on organiser.html (one .json file each), timed from the drop to
// the next paint after the ranking shows (the files read, handed to the Worker, checked by the
// organiser's wasm, the table drawn); then an application opened (after a first opening, which
// also loads the review's code), from the click to the next paint after its review has focus. Several built sites are timed in alternating rounds, each
// load in a fresh browser context, so a shared machine's load falls on all alike.
//
//   node bench/organiser-page-bench.mjs [--n 5000] [--rounds 3] <site dir>...
import path from 'node:path';
import { chromium } from '../tests/e2e/node_modules/@playwright/test/index.mjs';
import { fileName, generatedRound } from './generated-round.mjs';
import { serveSite } from './site-server.mjs';

const { n, rounds, dirs: args, texts: list } = generatedRound('node bench/organiser-page-bench.mjs [--n N] [--rounds R] <site dir>...', { n: 5000, rounds: 3 });
const texts = JSON.stringify(list);
const names = JSON.stringify(list.map((_, i) => fileName(i)));
const megabytes = +(list.reduce((s, t) => s + Buffer.byteLength(t), 0) / 2 ** 20).toFixed(1);

const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
const sites = [];
for (const dir of args) {
  const { server, base } = await serveSite(path.resolve(dir), { '/bench-applications.json': ['application/json', texts],
    '/bench-names.json': ['application/json', names] });
  sites.push({ dir, server, base, check: [], review: [] });
}

async function once(site) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${site.base}organiser.html?now=2023-04-20T10%3A00%3A00%2B08%3A00&lang=en`);
  await page.waitForFunction(() => document.body.dataset.ready === '1');
  // The files are made in the page first, outside the timing: what the organiser drops.
  await page.evaluate(async () => {
    const list = await (await fetch('/bench-applications.json')).json();
    const names = await (await fetch('/bench-names.json')).json();
    window.__benchFiles = list.map((text, i) => new File([text], names[i], { type: 'application/json' }));
  });
  const paintAfter = (done) => new Promise((resolve) => {
    const check = () => (done() ? requestAnimationFrame(() => setTimeout(() => resolve(performance.now()))) : requestAnimationFrame(check));
    check();
  });
  const checkMs = await page.evaluate(async (paintAfterText) => {
    const paint = new Function(`return ${paintAfterText}`)();
    const dt = new DataTransfer();
    for (const f of window.__benchFiles) dt.items.add(f);
    const results = document.getElementById('results');
    const t0 = performance.now();
    const zone = document.getElementById('drop-zone');
    for (const type of ['dragover', 'drop']) zone.dispatchEvent(new DragEvent(type, { dataTransfer: dt, bubbles: true, cancelable: true }));
    return (await paint(() => !results.hidden)) - t0;
  }, paintAfter.toString());
  const ranked = await page.locator('#ranking tbody tr').count();
  // The first opening also loads the form's review code; the second is an opening as such.
  const openMs = (row) => page.evaluate(async ([paintAfterText, index]) => {
    const paint = new Function(`return ${paintAfterText}`)();
    const heading = document.getElementById('review-heading');
    const back = document.getElementById('review-back');
    if (!document.getElementById('review-view').hidden) {
      back.click();
      await paint(() => document.getElementById('review-view').hidden);
    }
    const t0 = performance.now();
    document.querySelectorAll('#ranking tbody tr button')[index].click();
    return (await paint(() => document.activeElement === heading && heading.textContent !== '')) - t0;
  }, [paintAfter.toString(), row]);
  await openMs(0);
  const reviewMs = await openMs(1);
  await context.close();
  if (errors.length) throw new Error(`${site.dir}: ${errors.join('; ')}`);
  if (ranked === 0) throw new Error(`${site.dir}: nothing ranked`);
  site.check.push(checkMs);
  site.review.push(reviewMs);
}

for (let r = 0; r < rounds; ++r) for (const site of sites) await once(site);
await browser.close();
for (const s of sites) s.server.close();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
for (const s of sites) {
  console.log(JSON.stringify({ site: s.dir, applications: n, megabytes, drop_to_ranking_ms: s.check.map(Math.round),
    median_ms: Math.round(median(s.check)), open_one_ms: s.review.map(Math.round), open_median_ms: Math.round(median(s.review)) }));
}
