// The wasm boundary is declared once, in wasm/exports.json; this holds the rest to it:
//   - every extern "C" ga_* function of wasm/bindings.cpp (cores small/full) and
//     wasm/organiser_bindings.cpp (core organiser) has a row, and every row a function, with the
//     same number of string arguments and a C++ result type that fits the row's result kind;
//   - every _ga_* export the hand-written JS (api.js, organiser_api.js) calls is a row of a core
//     that file is linked into;
//   - every method a row makes ("js") is declared in www/js/types/boundary.d.ts, on its object.
// Usage: node exports-check.mjs <repository>. Prints every mismatch; exit 1 when there is one.
import { readFileSync } from 'node:fs';
import path from 'node:path';

const root = process.argv[2] ?? path.resolve(import.meta.dirname, '../..');
const read = (file) => readFileSync(path.join(root, file), 'utf8');
const { exports: rows } = JSON.parse(read('wasm/exports.json'));
const problems = [];

// The functions of a file's extern "C" block: name → {result, strings (const char* parameters)}.
function externC(file) {
  const text = read(file);
  const start = text.indexOf('extern "C" {');
  const end = text.indexOf('}  // extern "C"');
  if (start < 0 || end < start) throw new Error(`${file}: no extern "C" { … }  // extern "C" block`);
  const found = new Map();
  const definition = /(?:EMSCRIPTEN_KEEPALIVE\s+)?([A-Za-z_:][\w:<>]*\s*\*?|void|int)\s+(ga_\w+)\s*\(([^)]*)\)\s*\{/g;
  for (const m of text.slice(start, end).matchAll(definition)) {
    found.set(m[2], { result: m[1].replace(/\s+/g, ''), strings: (m[3].match(/const char\*/g) ?? []).length });
  }
  return found;
}

const resultTypes = { text: /^(const)?Text\*$/, bytes: /^(const)?Text\*$/, bool: /^int$/, int: /^int$/,
  void: /^void$/, handle: /Handle\*$/ };
const sources = [
  { file: 'wasm/bindings.cpp', cores: ['small', 'full'] },
  { file: 'wasm/organiser_bindings.cpp', cores: ['organiser'] },
];
for (const { file, cores } of sources) {
  const functions = externC(file);
  const mine = rows.filter((r) => r.cores.some((c) => cores.includes(c)));
  for (const name of functions.keys()) {
    if (!mine.some((r) => r.name === name)) problems.push(`${file}: ${name} has no row in wasm/exports.json`);
  }
  for (const row of mine) {
    const f = functions.get(row.name);
    if (!f) { problems.push(`wasm/exports.json: ${row.name} (cores ${row.cores}) is not an extern "C" function of ${file}`); continue; }
    if (!resultTypes[row.result]?.test(f.result)) problems.push(`wasm/exports.json: ${row.name}: result "${row.result}", but ${file} returns ${f.result}`);
    // The e-mail's attached files cross as a table of (address, length), not as a string.
    const strings = row.args.filter((a) => !(row.result === 'bytes' && a === 'files')).length;
    if (strings !== f.strings) problems.push(`wasm/exports.json: ${row.name}: ${strings} string arguments, but ${file} takes ${f.strings}`);
  }
}

const jsFiles = [
  { file: 'wasm/api.js', cores: ['small', 'full'] },
  { file: 'wasm/organiser_api.js', cores: ['organiser'] },
  { file: 'wasm/boundary.js', cores: ['small', 'full', 'organiser'] },
];
for (const { file, cores } of jsFiles) {
  for (const [, name] of read(file).matchAll(/\b_(ga_\w+)/g)) {
    const row = rows.find((r) => r.name === name);
    if (!row) problems.push(`${file}: calls _${name}, which is not in wasm/exports.json`);
    else if (!row.cores.some((c) => cores.includes(c))) problems.push(`${file}: calls _${name}, which none of its cores (${cores}) exports`);
  }
}

// The .d.ts: each object's methods are declared in one interface's block.
const dts = read('www/js/types/boundary.d.ts');
const block = (name) => {
  const m = dts.match(new RegExp(`interface ${name} (?:extends \\w+ )?\\{([\\s\\S]*?)\\n\\}`));
  return m ? m[1] : '';
};
const declaredIn = { Form: 'WasmForm', SchemaValidator: 'WasmSchemaValidator', Module: 'GreenapplyModule', Organiser: 'OrganiserModule' };
for (const row of rows.filter((r) => r.js)) {
  const iface = declaredIn[row.object];
  if (!iface) { problems.push(`wasm/exports.json: ${row.name}: no object called ${row.object}`); continue; }
  if (!new RegExp(`\\b${row.js}\\(`).test(block(iface))) {
    problems.push(`www/js/types/boundary.d.ts: ${iface} does not declare ${row.js}() (wasm/exports.json ${row.name})`);
  }
}

for (const p of problems) console.error(p);
console.log(`exports-check: ${rows.length} exports, ${problems.length} problem(s)`);
process.exit(problems.length ? 1 : 0);
