// The organiser's page and `greenapply batch` give the same round, byte for byte: the mailbox
// tests/organiser/check_round_cli.py made (and the ranking, CSV and report batch wrote from it)
// against the organiser's wasm build (Module.Organiser) in node.
// Usage: node tests/organiser/parity.mjs <site dir> <round-fixture dir>
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { readBundle } from '../../scripts/package-index.mjs';

const [site, fixture] = process.argv.slice(2);
const { default: createOrganiser } = await import(path.resolve(site, 'organiser.mjs'));
const core = await createOrganiser({ wasmBinary: readFileSync(path.join(site, 'organiser.wasm')) });
const bundle = JSON.stringify(readBundle('schemas', 'bluetech-2023-company'));
// As the page holds them (files.js): names and bytes; the core asks for a file's bytes when it reads it.
const files = [{ name: 'inbox.mbox', bytes: readFileSync(path.join(fixture, 'inbox.mbox')) }];
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
// The check's progress, as the page's bar shows it: ascending counts of the submissions checked,
// the last one all of them, and the same round as without it.
{
  const seen = [];
  const again = core.Organiser.checkRound(bundle, files, '2023-06-01T10:00:00+08:00', (done, total) => seen.push([done, total]));
  const total = seen.at(-1)?.[1];
  const submissions = wasm.ranking.length + (wasm.superseded?.length ?? 0);
  if (again !== text || !seen.length || seen.at(-1)[0] !== total || total < submissions
      || seen.some(([d, t], i) => t !== total || (i > 0 && d <= seen[i - 1][0]))) {
    failed++;
    console.error(`progress: ${JSON.stringify(seen).slice(0, 300)} for ${submissions} submissions`);
  } else console.log(`progress: ${seen.length} reports, up to ${total} of ${total}`);
}
// Every export refuses text that is not JSON with the one shape of wasm/boundary.hpp and the
// core's key, never "" or a throw.
const refusals = {
  checkRound: () => core.Organiser.checkRound('{', [], '2023-06-01T10:00:00+08:00'),
  csv: () => core.Organiser.csv('{'),
  reportHtml: () => core.Organiser.reportHtml('{', bundle),
  answers: () => core.Organiser.answers(files, '{'),
  schemaFacts: () => core.Organiser.schemaFacts('{'),
};
for (const [name, call] of Object.entries(refusals)) {
  const answer = call();
  if (!answer.startsWith('{"fatal":') || JSON.parse(answer).fatal.message_key !== 'json.syntax') {
    failed++;
    console.error(`${name} on text that is not JSON gave ${JSON.stringify(answer.slice(0, 80))}, not the {"fatal"} refusal with json.syntax`);
  } else console.log(`${name}: refuses with json.syntax`);
}
// Files the page cannot give: a package's bytes are asked for when the round checks it, so it
// is its own unreadable row and the rest of the round is checked; any other file fails the
// call, named. The review of a package file reads that file's answers.
{
  const example = JSON.parse(readFileSync('schemas/bluetech-2023-company/examples/01-worked-example.json', 'utf8'));
  const good = { name: 'good.json', bytes: new TextEncoder().encode(JSON.stringify(example.answers)) };
  const round = JSON.parse(core.Organiser.checkRound(bundle, [good, { name: 'bad.json', bytes: null }], '2023-06-01T10:00:00+08:00'));
  const bad = round.ranking?.find((r) => r.file === 'bad.json');
  const ok = round.ranking?.find((r) => r.file === 'good.json');
  if (bad?.verdict !== 'unreadable' || bad?.problem !== 'files/1: the page gave no bytes' || !ok || ok.verdict === 'unreadable') {
    failed++;
    console.error(`a package the page cannot give: ${JSON.stringify(round).slice(0, 300)}`);
  } else console.log('a package the page cannot give: its own unreadable row, the others checked');
  const answers = core.Organiser.answers([good], JSON.stringify({ file: 'good.json' }));
  if (answers.startsWith('{"fatal"') || !isDeepStrictEqual(JSON.parse(answers), example.answers)) {
    failed++;
    console.error(`the answers of a package file: ${answers.slice(0, 300)}`);
  } else console.log("the answers of a package file: the file's answers");
  const refused = JSON.parse(core.Organiser.checkRound(bundle, [good, { name: 'plan.pdf', bytes: undefined }], '2023-06-01T10:00:00+08:00'));
  if (!refused.fatal || !String(refused.fatal.message ?? '').includes('files/1: the page gave no bytes')) {
    failed++;
    console.error(`an attachment the page cannot give: ${JSON.stringify(refused).slice(0, 300)}`);
  } else console.log('an attachment the page cannot give: the call refused, the file named');
}
process.exit(failed ? 1 : 0);
