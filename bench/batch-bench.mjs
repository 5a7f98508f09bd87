// Organiser batch throughput: writes N generated applications (the parity generator, seeded)
// for the Bluetech company form into a folder, then times `greenapply batch` over them.
// Usage: node bench/batch-bench.mjs <greenapply> [N]
import { mkdirSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { readBundle } from '../scripts/package-index.mjs';
import { generateApplications } from '../tests/parity/generate.mjs';

const [cli, nArg] = process.argv.slice(2);
const n = Number(nArg ?? 10000);
const dir = path.resolve('build/bench/batch');
rmSync(dir, { recursive: true, force: true });
mkdirSync(dir, { recursive: true });
const bundle = readBundle('schemas', 'bluetech-2023-company');
const examples = bundle.form.files.examples.map((f) => JSON.parse(readFileSync(path.join('schemas/bluetech-2023-company', f), 'utf8')).answers);
generateApplications(examples, bundle.data_schema, n, 20230430).forEach((a, i) => {
  writeFileSync(path.join(dir, `${String(i).padStart(5, '0')}.json`), JSON.stringify(a));
});
const t0 = process.hrtime.bigint();
execFileSync(cli, ['batch', '--form', 'schemas/bluetech-2023-company', dir, '--now', '2023-04-20T10:00:00+08:00',
  '--csv', 'build/bench/ranking.csv', '--json', 'build/bench/ranking.json'], { stdio: ['ignore', 'ignore', 'inherit'] });
const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
console.log(JSON.stringify({ applications: n, seconds: +seconds.toFixed(2), per_second: Math.round(n / seconds), cores_used: 1 }));
