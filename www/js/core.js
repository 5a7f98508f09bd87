// The only module that touches WebAssembly: loads the core once and hands out Form objects.
import createGreenapply from '../greenapply.mjs';

let corePromise;

// The marks (ga:*) let bench/page-bench.mjs show where a cold load spends its time; they cost
// nothing measurable and nothing reads them in the page.
export function loadCore() {
  corePromise ??= createGreenapply().then((core) => {
    performance.mark('ga:core-ready');
    return core;
  });
  return corePromise;
}

// Fetch and compile the wasm while the page fetches the form package, instead of after it: the
// two are independent, and the package fetches wait on the network, not on the main thread.
// A failure here is reported by openForm, the first caller that needs the core.
loadCore().catch(() => {});

// The core with the e-mail writer: the page's module has none (it would weigh 10 KB of gzip on
// every visit for one click at the end), so greenapply-mail.mjs, the same core with it, is
// fetched then. A fresh instance each time, not kept: making a message with 18 MB of files
// grows its memory to ~100 MB, which is let go with it. The offline file's one module has the
// writer and is used as is.
async function mailCore() {
  const core = await loadCore();
  if (core._ga_form_application_eml) return core;
  const { default: createMail } = await import('../greenapply-mail.mjs');
  return createMail();
}

// The core answers with its text, or with the one refusal of wasm/boundary.hpp,
// {"fatal": {"key", "message", "pointer"}}: thrown here as an Error carrying the key, so no caller
// can download a refusal as the application or show it as an evaluation.
function refusal(text) {
  if (!text.startsWith('{"fatal":')) return text;
  const { fatal } = JSON.parse(text);
  throw Object.assign(new Error(`${fatal.key}: ${fatal.message}`), { key: fatal.key, pointer: fatal.pointer });
}
const parsed = (text) => JSON.parse(refusal(text));

// Loads a form package bundle into the core; throws an Error with the core's message.
export async function openForm(bundle) {
  const core = await loadCore();
  performance.mark('ga:form-load-start');
  const form = core.Form.load(JSON.stringify(bundle));
  performance.mark('ga:form-loaded');
  performance.measure('ga:form-load', 'ga:form-load-start', 'ga:form-loaded');
  if (!form.ok()) {
    const err = JSON.parse(form.error());
    form.delete();
    throw new Error(`${err.key}: ${err.message}`);
  }
  return {
    evaluate: (answers, now, lang) => parsed(form.evaluate(JSON.stringify(answers), now, lang)),
    // The application package as the applicant downloads it, JSON or XML text; throws when the
    // core cannot make it.
    applicationPackage: (answers, now, lang) => refusal(form.applicationPackage(JSON.stringify(answers), now, lang)),
    applicationXml: (answers, now, lang) => refusal(form.applicationXml(JSON.stringify(answers), now, lang)),
    // The e-mail to send, as bytes (.eml): options { date, message_id, json_name, xml_name },
    // files the attached files' bytes (Uint8Array each; the core matches each to its record by
    // SHA-256). Throws an Error with the core's key ("mail.file_not_recorded", …) as `key`.
    async applicationEml(answers, now, lang, options, files) {
      const mail = await mailCore();
      const writer = mail === core ? form : mail.Form.load(JSON.stringify(bundle));
      try {
        if (!writer.ok()) throw new Error(JSON.parse(writer.error()).message);
        const bytes = writer.applicationEml(JSON.stringify(answers), now, lang, JSON.stringify(options), files);
        // "{": a refusal, never a message (those start "MIME-Version")
        if (bytes[0] === 0x7b) refusal(new TextDecoder().decode(bytes));
        return bytes;
      } finally {
        if (writer !== form) writer.delete();
      }
    },
    // Need forms (match.json): technology entries ranked against these answers.
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
