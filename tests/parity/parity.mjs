// Native and wasm give the same answer, byte for byte.
// For every form package: every worked example in both languages, plus generated applications
// (tests/parity/generate.mjs), evaluated by the native CLI (`greenapply evaluate`) and by both
// wasm builds the page uses in node (greenapply.mjs, the small core every form opens on, and
// greenapply-full.mjs, which need forms run on and which makes the files); the outputs must be
// identical strings. The writers and the matcher are compared on the full core, the only one
// that has them.
// Usage: node tests/parity/parity.mjs <native greenapply> <site dir> [generated per form]
import { readFileSync, writeFileSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { readBundle, packageIndex } from '../../scripts/package-index.mjs';
import { generateApplications } from './generate.mjs';

const [cli, site, perFormArg] = process.argv.slice(2);
const perForm = Number(perFormArg ?? 1000);
const schemas = 'schemas';
const { default: createGreenapply } = await import(path.resolve(site, 'greenapply.mjs'));
const core = await createGreenapply({ wasmBinary: readFileSync(path.join(site, 'greenapply.wasm')) });
// The writers (JSON, XML, e-mail) and the matcher are in greenapply-full.mjs only.
const { default: createFull } = await import(path.resolve(site, 'greenapply-full.mjs'));
const fullCore = await createFull({ wasmBinary: readFileSync(path.join(site, 'greenapply-full.wasm')) });
const probe = core.Form.load('{}');
if (probe.hasEml() || !fullCore.Form.load('{}').hasEml()) throw new Error('the writers must be in greenapply-full.mjs and not in greenapply.mjs');
try {
  probe.applicationXml('{}', '2023-04-15T10:00:00+08:00', 'en');
  throw new Error('greenapply.mjs must not have the XML writer');
} catch (e) {
  if (!/has no _ga_form_application_xml/.test(e.message)) throw e;
}
probe.delete();

const work = mkdtempSync(path.join(tmpdir(), 'parity-'));

// A need form's matcher: every worked need against every worked and generated technology entry,
// by `greenapply match` natively and Form.matchTechnologies in wasm; score and every component
// of every ranked entry must be the same values in the same order.
function matchParity(needPath, wasmForm, needExamples) {
  const techPath = JSON.parse(readFileSync(path.join(schemas, needPath, 'match.json'), 'utf8')).technology_form;
  const techBundle = readBundle(schemas, techPath);
  const techExamples = techBundle.form.files.examples.map((f) => JSON.parse(readFileSync(path.join(schemas, techPath, f), 'utf8')).answers);
  const technologies = [...techExamples, ...generateApplications(techExamples, techBundle.data_schema, 200, 20260601)];
  const techDir = path.join(work, `${needPath}-technologies`);
  const needDir = path.join(work, `${needPath}-needs`);
  mkdirSync(techDir);
  mkdirSync(needDir);
  technologies.forEach((t, i) => writeFileSync(path.join(techDir, `t${String(i).padStart(5, '0')}.json`), JSON.stringify(t)));
  needExamples.forEach((n, i) => writeFileSync(path.join(needDir, `n${String(i).padStart(3, '0')}.json`), JSON.stringify(n)));
  const now = '2026-06-01T10:00:00+08:00';
  const native = JSON.parse(execFileSync(cli, ['match', '--form', path.join(schemas, needPath), '--needs', needDir,
    '--technologies', techDir, '--now', now], { maxBuffer: 1 << 30 }).toString('utf8'));
  // The page's way (www/js/render/match.js): the entries handed to the core once, then ranked
  // against the submitted answers of the page's own evaluation; it must be the same bytes.
  wasmForm.clearTechnologies();
  technologies.forEach((t) => wasmForm.addTechnology(JSON.stringify(t)));
  needExamples.forEach((n, i) => {
    for (const lang of ['en', 'zh']) {
      const text = wasmForm.matchTechnologies(JSON.stringify(n.answers), JSON.stringify(technologies), now, lang);
      const submitted = JSON.parse(wasmForm.evaluate(JSON.stringify(n.answers), now, lang)).submitted;
      if (wasmForm.matchSubmitted(JSON.stringify(submitted), lang) !== text) {
        failed++;
        console.error(`${needPath} match of need ${i} (${lang}): matchSubmitted differs from matchTechnologies`);
      }
      const wasm = JSON.parse(text);
      const a = wasm.results.map((r) => JSON.stringify([`t${String(r.index).padStart(5, '0')}.json`, r.score ?? null, r.components ?? r.problem]));
      const b = native[i].results.map((r) => JSON.stringify([r.technology_file, r.score ?? null, r.components ?? r.problem]));
      compared++;
      if (JSON.stringify(a) !== JSON.stringify(b)) {
        failed++;
        const at = a.findIndex((x, k) => x !== b[k]);
        console.error(`${needPath} match of need ${i} (${lang}): entry ${at} differs:\n  native ${b[at]}\n  wasm   ${a[at]}`);
      }
    }
  });
  console.log(`${needPath}: ${needExamples.length * 2} rankings of ${technologies.length} technologies compared`);
}
let compared = 0;
let failed = 0;
try {
  for (const { path: pkgPath, form } of packageIndex(schemas).packages) {
    const bundle = readBundle(schemas, pkgPath);
    const smallForm = core.Form.load(JSON.stringify(bundle));
    if (!smallForm.ok()) throw new Error(`${pkgPath}: wasm could not load: ${smallForm.error()}`);
    const wasmForm = fullCore.Form.load(JSON.stringify(bundle));
    if (!wasmForm.ok()) throw new Error(`${pkgPath}: the full wasm core could not load: ${wasmForm.error()}`);
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
      for (const [name, f] of [['greenapply.mjs', smallForm], ['greenapply-full.mjs', wasmForm]]) {
        const wasm = f.evaluate(JSON.stringify(c.answers), c.now, c.lang);
        compared++;
        if (wasm !== native[i]) {
          failed++;
          if (failed <= 3) {
            let at = 0;
            while (at < wasm.length && wasm[at] === native[i][at]) at++;
            console.error(`${pkgPath} case ${i} (${name}): outputs differ at byte ${at}:\n  native …${native[i].slice(Math.max(0, at - 60), at + 60)}\n  wasm   …${wasm.slice(Math.max(0, at - 60), at + 60)}`);
          }
        }
      }
    });
    // The JSON and XML packages (the page's "Download application (JSON)" / "(XML)" and
    // `greenapply export --json/--xml`): every worked example in both languages, the same bytes.
    for (const [k, ex] of examples.entries()) {
      for (const lang of ['en', 'zh']) {
        const out = path.join(work, `${pkgPath}-${k}-${lang}.xml`);
        const outJson = path.join(work, `${pkgPath}-${k}-${lang}.package.json`);
        const answersFile = path.join(work, `${pkgPath}-${k}.json`);
        writeFileSync(answersFile, JSON.stringify(ex.answers));
        execFileSync(cli, ['export', '--form', path.join(schemas, pkgPath), answersFile, '--now', ex.now, '--lang', lang, '--xml', out, '--json', outJson]);
        compared++;
        if (wasmForm.applicationXml(JSON.stringify(ex.answers), ex.now, lang) !== readFileSync(out, 'utf8')) {
          failed++;
          console.error(`${pkgPath} example ${k} (${lang}): the XML package differs between native and wasm`);
        }
        compared++;
        // The CLI's file ends with a newline, as a text file does; the core's text has none.
        if (`${wasmForm.applicationPackage(JSON.stringify(ex.answers), ex.now, lang)}\n` !== readFileSync(outJson, 'utf8')) {
          failed++;
          console.error(`${pkgPath} example ${k} (${lang}): the JSON package differs between native and wasm`);
        }
      }
    }
    // The e-mail (.eml: the page's "Download the e-mail" and `greenapply export --eml`): every
    // worked example in both languages, with a file in the form's first file field (recorded
    // by its SHA-256, as the page records it), the same bytes.
    const mailForm = wasmForm;
    const fileField = (bundle.layout.sections ?? []).flatMap((sec) => sec.fields ?? []).find((f) => f.widget === 'file' && f.pointer);
    const fileBytes = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 3000 }, (_, i) => (i * 31) % 256))]);
    for (const [k, ex] of examples.entries()) {
      const answers = structuredClone(ex.answers);
      if (fileField) {
        const [section, field] = fileField.pointer.split('/').slice(1);
        answers[section] = { ...(answers[section] ?? {}), [field]: { name: '计划书 plan.pdf', size: fileBytes.length,
          sha256: createHash('sha256').update(fileBytes).digest('hex') } };
      }
      const answersFile = path.join(work, `${pkgPath}-${k}-eml.json`);
      const attached = path.join(work, `${pkgPath}-${k}.pdf`);
      writeFileSync(answersFile, JSON.stringify(answers));
      writeFileSync(attached, fileBytes);
      for (const lang of ['en', 'zh']) {
        const out = path.join(work, `${pkgPath}-${k}-${lang}.eml`);
        const id = `parity-${k}-${lang}@greenapply.invalid`;
        execFileSync(cli, ['export', '--form', path.join(schemas, pkgPath), answersFile, '--now', ex.now, '--lang', lang,
          '--eml', out, '--message-id', id, ...(fileField ? ['--attach', attached] : [])]);
        const stem = path.basename(out, '.eml');
        const wasm = mailForm.applicationEml(JSON.stringify(answers), ex.now, lang,
          JSON.stringify({ date: ex.now, message_id: id, json_name: `${stem}.json`, xml_name: `${stem}.xml` }),
          fileField ? [new Uint8Array(fileBytes)] : []);
        compared++;
        if (Buffer.compare(Buffer.from(wasm), readFileSync(out)) !== 0) {
          failed++;
          console.error(`${pkgPath} example ${k} (${lang}): the e-mail differs between native and wasm`);
        }
      }
    }
    // Every text export refuses what it cannot use with the one shape of wasm/boundary.hpp, and
    // with the core's own key: answers that are not JSON are "json.syntax", never "" or a throw.
    const refusals = {
      evaluate: () => smallForm.evaluate('{', examples[0]?.now ?? '2023-04-15T10:00:00+08:00', 'en'),
      'evaluate (full core)': () => wasmForm.evaluate('{', examples[0]?.now ?? '2023-04-15T10:00:00+08:00', 'en'),
      applicationPackage: () => wasmForm.applicationPackage('{', '2023-04-15T10:00:00+08:00', 'en'),
      applicationXml: () => wasmForm.applicationXml('{', '2023-04-15T10:00:00+08:00', 'en'),
      evaluateDocument: () => wasmForm.evaluateDocument('{', '2023-04-15T10:00:00+08:00', 'en'),
      addTechnology: () => wasmForm.addTechnology('{'),
      applicationEml: () => new TextDecoder().decode(mailForm.applicationEml('{', '2023-04-15T10:00:00+08:00', 'en', '{}', [])),
      // A bundle that does not load: error() is the same refusal.
      'Form.load': () => { const f = core.Form.load('{'); const e = f.error(); f.delete(); return e; },
    };
    for (const [name, call] of Object.entries(refusals)) {
      compared++;
      const text = call();
      let key = null;
      try { key = JSON.parse(text).fatal?.message_key ?? null; } catch { /* not JSON: wrong */ }
      if (!text.startsWith('{"fatal":') || key !== 'json.syntax') {
        failed++;
        console.error(`${pkgPath}: ${name} on answers that are not JSON gave ${JSON.stringify(text.slice(0, 80))}, not the {"fatal"} refusal with json.syntax`);
      }
    }
    if (bundle.match) matchParity(pkgPath, wasmForm, examples);
    wasmForm.delete();
    smallForm.delete();
    console.log(`${pkgPath}: ${cases.length} cases compared`);
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
console.log(`parity: ${compared - failed} passed, ${failed} failed`);
process.exit(failed === 0 && compared > 0 ? 0 : 1);
