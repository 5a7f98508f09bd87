// Native and wasm give the same answer, byte for byte.
// For every form package: every worked example in both languages, plus generated applications
// (tests/parity/generate.mjs), evaluated by the native CLI (`greenapply evaluate`) and by the
// wasm build in node; the two outputs must be identical strings.
// Usage: node tests/parity/parity.mjs <native greenapply> <site dir> [generated per form]
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readBundle, packageIndex } from '../../scripts/package-index.mjs';
import { generateApplications } from './generate.mjs';

const [cli, site, perFormArg] = process.argv.slice(2);
const perForm = Number(perFormArg ?? 1000);
const schemas = 'schemas';
const { default: createGreenapply } = await import(path.resolve(site, 'greenapply.mjs'));
const core = await createGreenapply({ wasmBinary: readFileSync(path.join(site, 'greenapply.wasm')) });

const work = mkdtempSync(path.join(tmpdir(), 'parity-'));
let compared = 0;
let failed = 0;
try {
  for (const { path: pkgPath, form } of packageIndex(schemas).packages) {
    const bundle = readBundle(schemas, pkgPath);
    const wasmForm = core.Form.load(JSON.stringify(bundle));
    if (!wasmForm.ok()) throw new Error(`${pkgPath}: wasm could not load: ${wasmForm.error()}`);
    const examples = (form.files.examples ?? []).map((f) =>
      JSON.parse(readFileSync(path.join(schemas, pkgPath, f), 'utf8')));
    const cases = [];
    for (const ex of examples) {
      for (const lang of ['en', 'zh']) cases.push({ answers: ex.answers, now: ex.now, lang });
    }
    cases.push(...generateApplications(examples.map((e) => e.answers), bundle.data_schema, perForm, 20230430)
      .map((answers, i) => ({ answers, now: examples[i % examples.length]?.now ?? '2023-04-15T10:00:00+08:00',
                              lang: i % 2 ? 'zh' : 'en' })));
    const casesFile = path.join(work, `${pkgPath}.json`);
    writeFileSync(casesFile, JSON.stringify(cases));
    const native = execFileSync(cli, ['evaluate', '--form', path.join(schemas, pkgPath), '--cases', casesFile],
                                { maxBuffer: 1 << 30 }).toString('utf8').split('\n');
    cases.forEach((c, i) => {
      const wasm = wasmForm.evaluate(JSON.stringify(c.answers), c.now, c.lang);
      compared++;
      if (wasm !== native[i]) {
        failed++;
        if (failed <= 3) {
          let at = 0;
          while (at < wasm.length && wasm[at] === native[i][at]) at++;
          console.error(`${pkgPath} case ${i}: outputs differ at byte ${at}:\n  native …${native[i].slice(Math.max(0, at - 60), at + 60)}\n  wasm   …${wasm.slice(Math.max(0, at - 60), at + 60)}`);
        }
      }
    });
    wasmForm.delete();
    console.log(`${pkgPath}: ${cases.length} cases compared`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`parity: ${compared - failed} passed, ${failed} failed`);
process.exit(failed === 0 && compared > 0 ? 0 : 1);
