// The wasm build's JSON Schema validation throughput in node, on the same schema and instances
// as ajv-bench.mjs and validator_bench.cpp (all errors collected).
import { readFileSync } from 'node:fs';
import path from 'node:path';

const [site, schemaPath, instancesPath] = process.argv.slice(2);
const { default: createGreenapply } = await import(path.resolve(site, 'greenapply-full.mjs'));
const core = await createGreenapply({ wasmBinary: readFileSync(path.join(site, 'greenapply-full.wasm')) });
const v = core.SchemaValidator.load(readFileSync(schemaPath, 'utf8'));
if (!v.ok()) throw new Error(v.error());
const n = v.loadInstances(readFileSync(instancesPath, 'utf8'));
for (let i = 0; i < 5; i++) v.validateLoaded();
let runs = 0;
const start = process.hrtime.bigint();
let elapsed = 0n;
while (elapsed < 3_000_000_000n) {
  v.validateLoaded();
  runs++;
  elapsed = process.hrtime.bigint() - start;
}
console.log(JSON.stringify({ name: 'greenapply wasm (node 20) allErrors', validations_per_second: Math.round((runs * n) / (Number(elapsed) / 1e9)) }));
v.delete();
