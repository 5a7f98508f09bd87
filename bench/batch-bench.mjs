// Organiser batch throughput: writes N generated applications (the parity generator, seeded)
// for the Bluetech company form into a folder once, then times `greenapply batch` over them,
// reading the files, parsing, evaluating and writing the ranking (CSV and JSON) included.
//
//   node bench/batch-bench.mjs <greenapply> [N]
//   node bench/batch-bench.mjs --n 10000 --rounds 5 --jobs 1,2 <greenapply> [<other greenapply>...]
//
// A binary may carry its own thread counts, "<greenapply>#1,2", or "#-" for none: no --jobs
// option at all (a binary from before the option, which ran on one thread).
//
// With several binaries and/or thread counts, each round runs every (binary, jobs) pair in turn,
// so a shared machine's load falls on all of them alike; the medians are what to compare. Each
// run's CSV must be byte-identical to the first one's (a faster wrong ranking is no ranking).
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readBundle } from '../scripts/package-index.mjs';
import { generateApplications } from '../tests/parity/generate.mjs';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const k = args.indexOf(`--${name}`);
  if (k < 0) return fallback;
  const [value] = args.splice(k, 2).slice(1);
  return value;
};
let n = Number(option('n', 10000));
const rounds = Number(option('rounds', 1));
const jobsList = String(option('jobs', '1')).split(',').map(Number);
const binaries = args;
if (binaries.length === 2 && /^\d+$/.test(binaries[1])) n = Number(binaries.pop());  // the old form: <greenapply> [N]
if (!binaries.length) throw new Error('usage: node bench/batch-bench.mjs [--n N] [--rounds R] [--jobs 1,2] <greenapply>...');

const dir = path.resolve('build/bench/batch');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const bundle = readBundle('schemas', 'bluetech-2023-company');
const examples = bundle.form.files.examples.map((f) => JSON.parse(readFileSync(path.join('schemas/bluetech-2023-company', f), 'utf8')).answers);
generateApplications(examples, bundle.data_schema, n, 20230430).forEach((a, i) => {
  writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}.json`), JSON.stringify(a));
});

const runs = new Map();  // "bin --jobs j" -> seconds[]
let reference = null;
const plan = binaries.map((spec) => {
  const [bin, own] = spec.split('#');
  return { bin, jobs: own === undefined ? jobsList : own === '-' ? [null] : own.split(',').map(Number) };
});
for (let r = 0; r < rounds; ++r) {
  for (const { bin, jobs: list } of plan) {
    for (const jobs of list) {
      const csv = 'build/bench/ranking.csv';
      const t0 = process.hrtime.bigint();
      execFileSync(bin, ['batch', '--form', 'schemas/bluetech-2023-company', dir, '--now', '2023-04-20T10:00:00+08:00',
        '--csv', csv, '--json', 'build/bench/ranking.json', ...(jobs === null ? [] : ['--jobs', String(jobs)])],
      { stdio: ['ignore', 'ignore', 'ignore'] });
      const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
      const bytes = readFileSync(csv);
      if (!reference) reference = bytes;
      else if (!reference.equals(bytes)) throw new Error(`${bin} --jobs ${jobs}: the ranking differs from the first run's`);
      const key = jobs === null ? bin : `${bin} --jobs ${jobs}`;
      if (!runs.has(key)) runs.set(key, []);
      runs.get(key).push(seconds);
    }
  }
}
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2; };
for (const [key, seconds] of runs) {
  const m = median(seconds);
  console.log(JSON.stringify({ run: key, applications: n, seconds: seconds.map((s) => +s.toFixed(2)), median_seconds: +m.toFixed(2),
    per_second: Math.round(n / m) }));
}
