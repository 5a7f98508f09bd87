// The e-mail file (.eml) made by the wasm core, as the page makes it: the Bluetech company's
// strong worked example with files of 1, 6 and 18 MB (18 MB: the most one e-mail carries,
// www/js/attachments.js), each given to the core as bytes. Reports the time of one
// Form.applicationEml call (median of 5; node, not the browser) and the wasm memory before and
// after: the files are copied into wasm memory once, the message is built there, copied out once
// and freed. The page makes a fresh instance of this module for each e-mail, so the memory
// goes with it.
// Usage: node bench/eml-bench.mjs [site dir]   (default build/site)
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { readBundle } from '../scripts/package-index.mjs';

const site = path.resolve(process.argv[2] ?? 'build/site');
// The full core (the writers), as the page fetches it for "Download the e-mail".
const { default: createMail } = await import(path.join(site, 'greenapply-full.mjs'));
const core = await createMail({ wasmBinary: readFileSync(path.join(site, 'greenapply-full.wasm')) });
const form = core.Form.load(JSON.stringify(readBundle('schemas', 'bluetech-2023-company')));
const example = JSON.parse(readFileSync('schemas/bluetech-2023-company/examples/02-strong.json', 'utf8'));
const mb = (n) => (n / (1024 * 1024)).toFixed(1);

console.log('files MB | message MB | ms (median of 5) | wasm heap MB before -> after');
for (const size of [1, 6, 18]) {
  const bytes = new Uint8Array(size * 1024 * 1024);
  bytes.set(Buffer.from('%PDF-1.7\n'));
  for (let i = 9; i < bytes.length; i += 4093) bytes[i] = i % 251;
  const answers = structuredClone(example.answers);
  answers.attachments.att_business_plan = { name: '商业计划书.pdf', size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  const options = JSON.stringify({ date: example.now, message_id: `bench-${size}@greenapply.invalid`, json_name: 'a.json', xml_name: 'a.xml' });
  const heapBefore = core.heapBytes();
  const times = [];
  let eml;
  for (let run = 0; run < 5; run++) {
    const t0 = performance.now();
    eml = form.applicationEml(JSON.stringify(answers), example.now, 'en', options, [bytes]);
    times.push(performance.now() - t0);
  }
  if (eml[0] === 0x7b) throw new Error(new TextDecoder().decode(eml));
  times.sort((a, b) => a - b);
  console.log(`${size} | ${mb(eml.length)} | ${times[2].toFixed(0)} | ${mb(heapBefore)} -> ${mb(core.heapBytes())}`);
}
form.delete();
