// The only module that touches WebAssembly: loads the core once and hands out Form objects.
import createGreenapply from '../greenapply.mjs';

let corePromise;

export function loadCore() {
  corePromise ??= createGreenapply();
  return corePromise;
}

// Loads a form package bundle into the core; throws an Error with the core's message.
export async function openForm(bundle) {
  const core = await loadCore();
  const form = core.Form.load(JSON.stringify(bundle));
  if (!form.ok()) {
    const err = JSON.parse(form.error());
    form.delete();
    throw new Error(`${err.key}: ${err.message}`);
  }
  return {
    evaluate(answers, now, lang) {
      const out = JSON.parse(form.evaluate(JSON.stringify(answers), now, lang));
      if (out.fatal) throw new Error(`${out.fatal.key}: ${out.fatal.message}`);
      return out;
    },
    applicationPackage: (answers, now, lang) => form.applicationPackage(JSON.stringify(answers), now, lang),
    applicationXml: (answers, now, lang) => form.applicationXml(JSON.stringify(answers), now, lang),
    close: () => form.delete(),
    version: core.version(),
    // WebAssembly memory in bytes (grows, never shrinks): the benchmark checks it stays flat.
    heapBytes: () => core.HEAP8?.length ?? null,
  };
}
