// The organiser's page ranking a round: `Organiser.checkRound` of the organiser's wasm (what the
// page's Worker runs) on N generated applications for the Bluetech company form, in node, then
// the review of one application (`Organiser.answers`, what opening a row runs).
// Several builds are timed in alternating rounds, so a shared machine's load falls on all alike;
// their rankings and answers must be identical. A build from before 2026-12-07 (session 18) takes
// the files as one JSON text of base64 (no Module.gaFileBytes); it is given them so.
//
//   node bench/organiser-round-bench.mjs [--n 1000] [--rounds 5] <dir with organiser.mjs + .wasm>...
// e.g. build/site, or build/wasm-release/wasm of another checkout.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileName, generatedRound } from './generated-round.mjs';

const { n, rounds, dirs: args, bundle, texts } = generatedRound('node bench/organiser-round-bench.mjs [--n N] [--rounds R] <dir>...', { n: 1000, rounds: 5 });
const files = texts.map((text, i) => ({ name: fileName(i), bytes: Buffer.from(text) }));
const base64Files = JSON.stringify(files.map((f) => ({ name: f.name, base64: f.bytes.toString('base64') })));
const filesFor = (core) => (typeof core.gaFileBytes === 'function' ? files : base64Files);
const bundleText = JSON.stringify(bundle);

const cores = [];
for (const dir of args) {
  const { default: create } = await import(path.resolve(dir, 'organiser.mjs'));
  cores.push({ dir, core: await create({ wasmBinary: readFileSync(path.join(dir, 'organiser.wasm')) }), ms: [], reviewMs: [] });
}
let reference = null;
for (let r = 0; r < rounds; ++r) {
  for (const c of cores) {
    const t0 = performance.now();
    const text = c.core.Organiser.checkRound(bundleText, filesFor(c.core), '2023-04-20T10:00:00+08:00');
    c.ms.push(performance.now() - t0);
    if (text.startsWith('{"fatal"')) throw new Error(`${c.dir}: ${text.slice(0, 200)}`);
    // One row opened: the application ranked r-th of this round.
    const source = JSON.stringify(JSON.parse(text).ranking[r % n].source);
    const t1 = performance.now();
    const answers = c.core.Organiser.answers(filesFor(c.core), source);
    c.reviewMs.push(performance.now() - t1);
    if (answers.startsWith('{"fatal"')) throw new Error(`${c.dir}: review: ${answers.slice(0, 200)}`);
    if (reference === null || reference.r !== r) reference = { r, text, answers };
    else if (text !== reference.text || answers !== reference.answers) throw new Error(`${c.dir}: another ranking or review than ${cores[0].dir}'s`);
  }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
for (const c of cores) {
  const m = median(c.ms);
  // The wasm memory after the rounds: it only grows, so this is the round's peak (null when
  // the build does not export its heap).
  const heap = c.core.HEAPU8?.length ?? c.core.wasmMemory?.buffer.byteLength ?? null;
  console.log(JSON.stringify({ build: c.dir, applications: n, ms: c.ms.map((x) => Math.round(x)), median_ms: Math.round(m),
    per_second: Math.round(n / (m / 1000)), review_median_ms: +median(c.reviewMs).toFixed(1),
    wasm_memory_mib: heap === null ? null : +(heap / 2 ** 20).toFixed(1) }));
}
