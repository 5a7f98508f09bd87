// What one keystroke costs on the WIPO GREEN need form with technology entries open in its match
// panel: the page's work between a change and the redrawn ranking, in the wasm build under node
// (JSON in, JSON out, as www/js/core.js does it), without the DOM.
//   two-evaluations  what the page did before: evaluate the need (the page's verdict), then
//                    matchTechnologies(answers, entries), which evaluates the need again inside the
//                    core to prune it and re-reads every entry's JSON
//   one-evaluation   what it does now: evaluate the need, then rank the entries (parsed into the
//                    core once, when the files were opened) against the evaluation's "submitted"
//                    answers with matchSubmitted
// The entries are application packages of the technology form (what a seeker opens): its worked
// examples and generated variants (tests/parity/generate.mjs), N in all (default 50).
// Usage: node bench/match-keystroke-bench.mjs <site or wasm dir> [entries] [keystrokes]
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { readBundle } from '../scripts/package-index.mjs';
import { generateApplications } from '../tests/parity/generate.mjs';

const [dir, entriesArg, keysArg] = process.argv.slice(2);
const entries = Number(entriesArg ?? 50);
const keystrokes = Number(keysArg ?? 400);
const file = (name) => (existsSync(path.join(dir, name)) ? path.join(dir, name) : path.join(dir, 'wasm', name));
// The full core, which need forms run on (www/js/core.js); a build from before it existed has
// everything in greenapply.mjs.
const coreName = existsSync(file('greenapply-full.mjs')) ? 'greenapply-full' : 'greenapply';
const { default: createGreenapply } = await import(path.resolve(file(`${coreName}.mjs`)));
const core = await createGreenapply({ wasmBinary: readFileSync(file(`${coreName}.wasm`)) });

const schemas = 'schemas';
const now = '2026-06-01T10:00:00+08:00';
const lang = 'en';
const load = (p) => {
  const f = core.Form.load(JSON.stringify(readBundle(schemas, p)));
  if (!f.ok()) throw new Error(`${p}: ${f.error()}`);
  return f;
};
const needForm = load('wipo-green-need');
const techForm = load('wipo-green-technology');
const examples = (p) => readBundle(schemas, p).form.files.examples.map((f) => JSON.parse(readFileSync(path.join(schemas, p, f), 'utf8')));
const techAnswers = examples('wipo-green-technology').map((e) => e.answers);
const techSchema = readBundle(schemas, 'wipo-green-technology').data_schema;
const technologies = [...techAnswers, ...generateApplications(techAnswers, techSchema, Math.max(0, entries - techAnswers.length), 20260601)]
  .slice(0, entries)
  .map((a) => JSON.parse(techForm.applicationPackage(JSON.stringify(a), now, lang)));
const need = structuredClone(examples('wipo-green-need')[0].answers);

// The keystroke: the seeker types one more letter into the need's description.
const base = need.need.description ?? '';
const type = (i) => { need.need.description = `${base} ${'abcdefghij'[i % 10].repeat(1 + (i % 7))}`; };

const modes = {
  // Not a way to rank: what the need's evaluation alone costs, to read the other two against.
  'evaluation-only': () => [JSON.parse(needForm.evaluate(JSON.stringify(need), now, lang)), null],
  'two-evaluations': () => {
    const ev = JSON.parse(needForm.evaluate(JSON.stringify(need), now, lang));
    const m = JSON.parse(needForm.matchTechnologies(JSON.stringify(need), JSON.stringify(technologies), now, lang));
    return [ev, m];
  },
};
if (typeof needForm.matchSubmitted === 'function') {
  for (const t of technologies) JSON.parse(needForm.addTechnology(JSON.stringify(t)));
  modes['one-evaluation'] = () => {
    const ev = JSON.parse(needForm.evaluate(JSON.stringify(need), now, lang));
    const m = JSON.parse(needForm.matchSubmitted(JSON.stringify(ev.submitted), lang));
    return [ev, m];
  };
}

// Both ways must give the same ranking, or the comparison means nothing.
const rankings = Object.entries(modes).filter(([name]) => name !== 'evaluation-only').map(([, run]) => JSON.stringify(run()[1]));
if (rankings.some((r) => r !== rankings[0])) throw new Error('the modes rank differently');

const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const report = { entries: technologies.length, keystrokes, entries_json_kib: Math.round(JSON.stringify(technologies).length / 1024) };
for (let round = 0; round < 2; round++) {  // round 0 warms up (JIT, wasm tiers, heap growth)
  for (const [name, run] of Object.entries(modes)) {
    const times = [];
    for (let i = 0; i < keystrokes; i++) {
      type(i);
      const t0 = performance.now();
      run();
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    if (round === 1) {
      report[name] = { median_ms: +quantile(times, 0.5).toFixed(3), p95_ms: +quantile(times, 0.95).toFixed(3),
                       mean_ms: +(times.reduce((a, b) => a + b, 0) / times.length).toFixed(3) };
    }
  }
}
console.log(JSON.stringify(report, null, 1));
needForm.delete();
techForm.delete();
