// What the organiser benchmarks share: their command line (--n, --rounds, then the builds) and
// the round they check, N applications generated from the Bluetech company form's worked
// examples (tests/parity/generate.mjs, a fixed seed), each the JSON text of one package file.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBundle } from '../scripts/package-index.mjs';
import { generateApplications } from '../tests/parity/generate.mjs';

// → {n, rounds, dirs, bundle, texts: [JSON text of application i]}; usage names the script.
export function generatedRound(usage, defaults) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const k = args.indexOf(`--${name}`);
    return k < 0 ? fallback : args.splice(k, 2)[1];
  };
  const n = Number(option('n', defaults.n));
  const rounds = Number(option('rounds', defaults.rounds));
  if (!args.length) throw new Error(`usage: ${usage}`);
  const bundle = readBundle('schemas', 'bluetech-2023-company');
  const examples = bundle.form.files.examples.map((f) => JSON.parse(readFileSync(path.join('schemas/bluetech-2023-company', f), 'utf8')).answers);
  const texts = generateApplications(examples, bundle.data_schema, n, 20230430).map((a) => JSON.stringify(a));
  return { n, rounds, dirs: args, bundle, texts };
}

// The name of application i's file.
export const fileName = (i) => `${String(i).padStart(5, '0')}.json`;
