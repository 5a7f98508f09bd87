// The organiser's page and `greenapply batch` give the same round, byte for byte: the mailbox
// tests/organiser/check_round_cli.py made (and the ranking, CSV and report batch wrote from it)
// against the organiser's wasm build (Module.Organiser) in node.
// Usage: node tests/organiser/parity.mjs <site dir> <round-fixture dir>
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBundle } from '../../scripts/package-index.mjs';

const [site, fixture] = process.argv.slice(2);
const { default: createOrganiser } = await import(path.resolve(site, 'organiser.mjs'));
const core = await createOrganiser({ wasmBinary: readFileSync(path.join(site, 'organiser.wasm')) });
const bundle = JSON.stringify(readBundle('schemas', 'bluetech-2023-company'));
const files = JSON.stringify([{ name: 'inbox.mbox', base64: readFileSync(path.join(fixture, 'inbox.mbox')).toString('base64') }]);
const text = core.Organiser.checkRound(bundle, files, '2023-06-01T10:00:00+08:00');
const wasm = JSON.parse(text);
if (wasm.fatal) throw new Error(`checkRound: ${JSON.stringify(wasm.fatal)}`);
let failed = 0;
const same = (what, a, b) => {
  if (a === b) return console.log(`${what}: same (${a.length} bytes)`);
  failed++;
  const at = [...a].findIndex((c, i) => c !== b[i]);
  console.error(`${what} differs at ${at}:\n  native ${b.slice(Math.max(0, at - 80), at + 80)}\n  wasm   ${a.slice(Math.max(0, at - 80), at + 80)}`);
};
// nlohmann's dump(2) natively, dump() in wasm: compared as the same JSON value, keys in order.
same('round JSON', JSON.stringify(wasm), JSON.stringify(JSON.parse(readFileSync(path.join(fixture, 'round.json'), 'utf8'))));
same('CSV', core.Organiser.csv(text), readFileSync(path.join(fixture, 'round.csv'), 'utf8'));
same('report', core.Organiser.reportHtml(text, bundle), readFileSync(path.join(fixture, 'report.html'), 'utf8'));
// Every export refuses text that is not JSON with the one shape of wasm/boundary.hpp and the
// core's key, never "" or a throw.
const refusals = {
  checkRound: () => core.Organiser.checkRound(bundle, '{', '2023-06-01T10:00:00+08:00'),
  csv: () => core.Organiser.csv('{'),
  reportHtml: () => core.Organiser.reportHtml('{', bundle),
  answers: () => core.Organiser.answers('{', '{}'),
  schemaFacts: () => core.Organiser.schemaFacts('{'),
};
for (const [name, call] of Object.entries(refusals)) {
  const answer = call();
  if (!answer.startsWith('{"fatal":') || JSON.parse(answer).fatal.message_key !== 'json.syntax') {
    failed++;
    console.error(`${name} on text that is not JSON gave ${JSON.stringify(answer.slice(0, 80))}, not the {"fatal"} refusal with json.syntax`);
  } else console.log(`${name}: refuses with json.syntax`);
}
process.exit(failed ? 1 : 0);
