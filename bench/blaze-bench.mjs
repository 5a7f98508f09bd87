// Blaze (sourcemeta's C++ validator) through the prebuilt `@sourcemeta/jsonschema` CLI from npm,
// on the same schema and instances as bench/validator_bench.cpp, in the same session
// (bench/run.sh), in its exhaustive mode (default) and its --fast mode. Formats are
// annotations on both sides (no --format-assertion; greenapply's benchmark validator likewise).
//
// The CLI's `validate --benchmark --loop N` times each instance N times and prints, per
// instance, "mean +- stddev us". Two figures are given:
//   - cli_mean: 1e6 / (sum over instances of the CLI's mean), i.e. the CLI's own timing. On a
//     shared machine a preempted iteration inflates the mean (the CLI keeps no median).
//   - cpu: (CPU time of a run with --loop N) - (CPU time with --loop 1), over (N - 1) x 1000
//     validations: the same kind of figure as Google Benchmark's CPU time, robust to load.
//     It includes the CLI's per-iteration timer reads (two clock reads, tens of ns).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';

const [schemaPath, instancesPath, loopArg] = process.argv.slice(2);
const loop = Number(loopArg || 200);
const require = createRequire(import.meta.url);
const pkg = dirname(require.resolve('@sourcemeta/jsonschema/package.json'));
const arch = process.arch === 'x64' ? 'x86_64' : process.arch;
const cli = join(pkg, 'build', 'github-releases', `jsonschema-${process.platform}-${arch}`);
const version = require('@sourcemeta/jsonschema/package.json').version;

const dir = mkdtempSync(join(tmpdir(), 'blaze-bench-'));
const jsonl = join(dir, 'instances.jsonl');
const instances = JSON.parse(readFileSync(instancesPath, 'utf8'));
writeFileSync(jsonl, instances.map((i) => JSON.stringify(i)).join('\n') + '\n');

// Runs the CLI under /usr/bin/time (its figures go to a file); returns the CPU seconds and
// the sum and count of the per-instance means (us) the CLI printed.
function runTimed(n, fast) {
  const timeFile = join(dir, 'time.txt');
  const args = [cli, 'validate', schemaPath, jsonl, '--benchmark', '--loop', String(n), '--continue'];
  if (fast) args.push('--fast');
  let out;
  try {
    out = execFileSync('/usr/bin/time', ['-o', timeFile, '-f', '%U %S', ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  } catch (e) {
    out = e.stdout;
  }
  const [user, sys] = readFileSync(timeFile, 'utf8').trim().split('\n').pop().split(' ').map(Number);
  let sum = 0;
  let count = 0;
  for (const m of out.matchAll(/: (?:PASS|FAIL) ([0-9.]+) \+- [0-9.]+ us/g)) {
    sum += Number(m[1]);
    count++;
  }
  return { cpu: user + sys, sum, count };
}

for (const fast of [false, true]) {
  const base = runTimed(1, fast);
  const full = runTimed(loop, fast);
  if (full.count !== instances.length) {
    throw new Error(`expected ${instances.length} timed instances from the CLI, got ${full.count}`);
  }
  const cpuPer = (full.cpu - base.cpu) / ((loop - 1) * instances.length);
  console.log(JSON.stringify({
    name: `blaze (@sourcemeta/jsonschema ${version}) ${fast ? '--fast' : 'exhaustive'}`,
    cli_mean_validations_per_second: Math.round(1e6 / (full.sum / full.count)),
    cpu_validations_per_second: Math.round(1 / cpuPer),
    loop,
  }));
}
