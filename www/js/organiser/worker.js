// @ts-check
// The organiser's core in a Worker: checking a round of hundreds of e-mails takes a while, and
// the page must keep answering (the progress bar, scrolling) meanwhile. It loads the organiser's
// own wasm build (organiser.mjs/.wasm, not the applicant's page core) and answers one request
// at a time: {id, op, args, files?} → {id, value} or {id, error} (files: a round's, kept for its
// reviews), and {id, progress: [done, total]} while a round is checked.
import { coreCall } from './core-calls.js';

let corePromise;
const loadCore = () => {
  corePromise ??= import('../../organiser.mjs').then((m) => m.default());
  return corePromise;
};

self.onmessage = async ({ data }) => {
  const { id, op, args, files } = data;
  try {
    const core = await loadCore();
    // The check's progress goes to the page as it runs: {id, progress: [done, total]}.
    /** @type {(done: number, total: number) => void} */
    const onProgress = (done, total) => self.postMessage({ id, progress: [done, total] });
    self.postMessage({ id, value: coreCall(core, op, args, files, onProgress) });
  } catch (error) {
    self.postMessage({ id, error: String(/** @type {Error} */ (error)?.message ?? error) });
  }
};
