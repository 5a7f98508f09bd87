// @ts-check
// The only module that touches WebAssembly: loads the core and hands out Form objects.
// Two builds of the same core (wasm/CMakeLists.txt): greenapply.mjs evaluates only (what every
// keystroke needs, and all most visits ever use); greenapply-full.mjs has everything, the
// writers (JSON, XML, e-mail) and the need forms' matcher too. A need form runs on the full one
// from the start; any other form fetches it when the applicant asks for a file. The offline
// file's one module is the full core, and both imports name it.
// Type-checked (tsconfig.json, scripts/test.sh) against www/js/types/boundary.d.ts, which
// declares the core's objects and the JSON they answer.
import createGreenapply from '../greenapply.mjs';
import { parsed, refusal } from './refusal.js';
import { warmUp } from './warm-up.js';

/** @typedef {import('./types/boundary').GreenapplyModule} GreenapplyModule */
/** @typedef {import('./types/boundary').WasmForm} WasmForm */

/** @type {Promise<GreenapplyModule> | null | undefined} */
let corePromise;
/** @type {Promise<GreenapplyModule> | null | undefined} */
let fullPromise;

// The marks (ga:*) let bench/page-bench.mjs show where a cold load spends its time; they cost
// nothing measurable and nothing reads them in the page.
/** @type {(core: GreenapplyModule) => GreenapplyModule} */
const ready = (core) => {
  performance.mark('ga:core-ready');
  return core;
};

export function loadCore() {
  corePromise ??= createGreenapply().then(ready);
  return corePromise;
}

// The full core, kept once fetched. A failed fetch is forgotten, so the next click tries again.
function loadFullCore() {
  fullPromise ??= import('../greenapply-full.mjs').then(({ default: createFull }) => (
    createFull === createGreenapply ? loadCore() : createFull().then(ready)));
  fullPromise.catch(() => { fullPromise = null; });
  return fullPromise;
}

// Fetch and compile the wasm while the page fetches the form package, instead of after it: the
// two are independent, and the package fetches wait on the network, not on the main thread.
// js/preload.js has marked which core the form in the address needs (and preloaded it). A
// failure here is reported by openForm, the first caller that needs the core.
const chosenCore = globalThis.document?.documentElement.dataset.gaCore;
(chosenCore === 'full' ? loadFullCore() : loadCore()).catch(() => {});

// The first form's files are on their way (js/bundle.js has asked for every one): once the core
// is ready, and only if they are still not all in (openForm not yet called) and the page fetches
// them over the network (js/preload.js chose a core: not the offline file, whose form is at
// hand), the core loads a small package of its own so that V8 compiles the load and evaluation
// code then, in time the applicant waits for the network anyway (js/warm-up.js). Not earlier:
// while it runs, the main thread cannot ask for the next file.
let opening = false;
let warmed = false;
export function warmUpWhileWaiting() {
  if (warmed || !chosenCore) return;
  warmed = true;
  (chosenCore === 'full' ? loadFullCore() : loadCore())
    .then((core) => { if (!opening) warmUp(core); })
    .catch(() => {});
}

// The e-mail is made on a fresh full core each time, not kept: making a message with 18 MB of
// files grows its memory to ~100 MB, which is let go with it. (Offline, the one core.)
async function freshFullCore() {
  const { default: createFull } = await import('../greenapply-full.mjs');
  return createFull === createGreenapply ? loadCore() : createFull();
}

// make(writer) on the open form when `writerCore` resolves to the core it is loaded in, else on
// the same bundle loaded into that core for this one file and let go after.
/**
 * @template T
 * @param {() => Promise<GreenapplyModule>} writerCore
 * @param {GreenapplyModule} core
 * @param {WasmForm} form
 * @param {unknown} bundle
 * @param {(writer: WasmForm) => T} make
 * @returns {Promise<T>}
 */
async function withWriter(writerCore, core, form, bundle, make) {
  const wcore = await writerCore();
  const writer = wcore === core ? form : wcore.Form.load(JSON.stringify(bundle));
  try {
    if (!writer.ok()) refusal(writer.error());
    return make(writer);
  } finally {
    if (writer !== form) writer.delete();
  }
}

// Loads a form package bundle into the core; throws an Error with the core's message. A need
// form (its matcher) and the match panel's technology forms (full: true, for evaluateDocument)
// run on the full core; every other form on the small one.
/**
 * @param {{ match?: unknown, [file: string]: unknown }} bundle
 * @param {{ full?: boolean }} [options]
 * @returns {Promise<import('./types/boundary').OpenForm>}
 */
export async function openForm(bundle, { full = Boolean(bundle.match) } = {}) {
  opening = true;
  const core = await (full ? loadFullCore() : loadCore());
  performance.mark('ga:form-load-start');
  const form = core.Form.load(JSON.stringify(bundle));
  performance.mark('ga:form-loaded');
  performance.measure('ga:form-load', 'ga:form-load-start', 'ga:form-loaded');
  if (!form.ok()) {
    const error = form.error();
    form.delete();
    refusal(error);
  }
  // What the data schema says about answers (greenapply/form.hpp schema_facts), asked once:
  // { fresh_answers, item_defaults: { group pointer: item }, text_lists: { pointer: prefix } }.
  /** @type {import('./types/boundary').SchemaFacts | null} */
  let facts = null;
  const schemaFacts = () => (facts ??= parsed(form.schemaFacts()));
  return {
    schemaFacts,
    // A copy of the answers without those the data schema has no field for, and what was taken
    // out: { answers, dropped: [{ pointer, value }] }.
    dropUnknownAnswers: (answers) => parsed(form.dropUnknownAnswers(JSON.stringify(answers))),
    evaluate: (answers, now, lang) => parsed(form.evaluate(JSON.stringify(answers), now, lang)),
    // The application package as the applicant downloads it, JSON or XML text; rejects when the
    // core cannot make it, or the full core cannot be fetched.
    applicationPackage: (answers, now, lang) => withWriter(loadFullCore, core, form, bundle,
      (w) => refusal(w.applicationPackage(JSON.stringify(answers), now, lang))),
    applicationXml: (answers, now, lang) => withWriter(loadFullCore, core, form, bundle,
      (w) => refusal(w.applicationXml(JSON.stringify(answers), now, lang))),
    // The e-mail to send, as bytes (.eml): options { date, message_id, json_name, xml_name },
    // files the attached files' bytes (Uint8Array each; the core matches each to its record by
    // SHA-256). Rejects with an Error with the core's key ("mail.file_not_recorded", …) as `key`.
    applicationEml: (answers, now, lang, options, files) => withWriter(freshFullCore, core, form, bundle, (w) => {
      const bytes = w.applicationEml(JSON.stringify(answers), now, lang, JSON.stringify(options), files);
      // "{": a refusal, never a message (those start "MIME-Version"); nothing: never a message either
      if (bytes.length === 0 || bytes[0] === 0x7b) refusal(new TextDecoder().decode(bytes));
      return bytes;
    }),
    // Need forms (match.json, on the full core): technology entries ranked against these answers.
    hasMatcher: () => form.hasMatcher(),
    matchTechnologies: (answers, technologies, now, lang) =>
      parsed(form.matchTechnologies(JSON.stringify(answers), JSON.stringify(technologies), now, lang)),
    // The match panel's way, once per keystroke without re-sending the entries: each technology
    // entry is handed to the core once, when its file is opened (its position in the ranking's
    // "index"; throws with the core's reason when it refuses the text), and matchSubmitted ranks
    // them against the "submitted" answers of the evaluation the page has just made, so the need
    // is evaluated once, not again inside the match.
    addTechnology: (doc) => parsed(form.addTechnology(JSON.stringify(doc))).index,
    clearTechnologies: () => form.clearTechnologies(),
    matchSubmitted: (submitted, lang) => parsed(form.matchSubmitted(JSON.stringify(submitted), lang)),
    // The evaluation of a document someone else made (an application package or bare answers),
    // its answers taken out by the rule `greenapply match` uses.
    evaluateDocument: (doc, now, lang) => parsed(form.evaluateDocument(JSON.stringify(doc), now, lang)),
    close: () => form.delete(),
    version: core.version(),
    // WebAssembly memory in bytes (grows, never shrinks): the benchmark checks it stays flat.
    heapBytes: () => core.HEAP8?.length ?? null,
  };
}
