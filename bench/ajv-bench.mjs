// ajv 8 with allErrors on the same schema and instances as bench/validator_bench.cpp, in the
// same session (bench/run.sh), so the ratio is measured, not quoted.
import { readFileSync } from 'node:fs';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const [schemaPath, instancesPath] = process.argv.slice(2);
const schema = JSON.parse(readFileSync(schemaPath, 'utf8'));
const texts = JSON.parse(readFileSync(instancesPath, 'utf8')).map((i) => JSON.stringify(i));
const instances = texts.map((t) => JSON.parse(t));
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
// "format" as an annotation, as greenapply's validator treats it by default (and Blaze without
// --format-assertion): the same work on both sides. The line above asserts formats (ajv-formats).
const annotating = new Ajv2020({ allErrors: true, strict: false, validateFormats: false }).compile(schema);

function measure(name, fn) {
  for (let i = 0; i < 20; i++) fn();  // warm-up for the JIT
  let runs = 0;
  const start = process.hrtime.bigint();
  let elapsed = 0n;
  while (elapsed < 3_000_000_000n) {
    fn();
    runs++;
    elapsed = process.hrtime.bigint() - start;
  }
  const perSec = (runs * instances.length) / (Number(elapsed) / 1e9);
  console.log(JSON.stringify({ name, validations_per_second: Math.round(perSec) }));
}

let sink = 0;
measure('ajv allErrors', () => { for (const i of instances) sink += validate(i) ? 0 : validate.errors.length; });
measure('ajv allErrors, formats as annotations', () => { for (const i of instances) sink += annotating(i) ? 0 : annotating.errors.length; });
measure('ajv allErrors + JSON.parse', () => { for (const t of texts) sink += validate(JSON.parse(t)) ? 0 : validate.errors.length; });
// The peer of the core's ParseAndValidateAllErrors, which treats formats as annotations.
measure('ajv allErrors, formats as annotations + JSON.parse', () => { for (const t of texts) sink += annotating(JSON.parse(t)) ? 0 : annotating.errors.length; });
if (sink < 0) console.log(sink);
