// @ts-check
// The page's side of the organiser's core (worker.js): checks a round, and makes the CSV and the
// report from it, all by the core. One Worker for the page's life; requests are answered in order.
import { coreCall } from './core-calls.js';

/** @type {Worker | null | undefined} */
let worker;
let nextId = 1;
/** @typedef {(done: number, total: number) => void} OnProgress */
/** @type {Map<number, { resolve: (value: string) => void, reject: (error: Error) => void, onProgress?: OnProgress }>} */
const pending = new Map();

// The single offline file (greenapply-organiser-offline.html) carries the organiser's core as a
// classic script (its global createOrganiser): from file:// no Worker can start, so the core runs
// in the page there, the same calls in the same order.
/** @type {Promise<import('../types/boundary').OrganiserModule> | null} */
let inPage = null;
/** @param {string} op @param {string[]} args @param {import('../types/boundary').ReceivedFile[]} [files] @param {OnProgress} [onProgress] */
async function askInPage(op, args, files, onProgress) {
  inPage ??= /** @type {NonNullable<typeof createOrganiser>} */ (globalThis.createOrganiser)();
  return coreCall(await inPage, op, args, files, onProgress);
}

/**
 * The core's text for one request (worker.js, core-calls.js).
 * @param {string} op
 * @param {string[]} args
 * @param {import('../types/boundary').ReceivedFile[]} [files] the round's files (check_round): copied to the worker, which keeps them
 * @param {OnProgress} [onProgress] told how far the check is (check_round), while it runs
 * @returns {Promise<string>}
 */
function ask(op, args, files, onProgress) {
  if (typeof globalThis.createOrganiser === 'function') return askInPage(op, args, files, onProgress);
  if (!worker) {
    worker = new Worker(new URL('./worker.js', import.meta.url), { type: 'module' });
    worker.onmessage = ({ data }) => {
      const p = /** @type {{ resolve: (value: string) => void, reject: (error: Error) => void, onProgress?: OnProgress }} */ (pending.get(data.id));
      if (data.progress !== undefined) {
        p?.onProgress?.(data.progress[0], data.progress[1]);
        return;
      }
      pending.delete(data.id);
      if (data.error !== undefined) p.reject(new Error(data.error));
      else p.resolve(data.value);
    };
    // A worker that fails to start (its module or the wasm could not be fetched) fails every
    // request waiting on it.
    worker.onerror = (event) => {
      event.preventDefault();
      for (const p of pending.values()) p.reject(new Error(event.message || 'the checking engine did not start'));
      pending.clear();
      worker = null;
    };
  }
  const id = nextId++;
  const to = worker;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject, onProgress });
    to.postMessage({ id, op, args, files });
  });
}

// files: [{name, bytes}] as read by files.js; now: RFC 3339. Returns the round (round.hpp).
/**
 * @param {unknown} bundle
 * @param {import('../types/boundary').ReceivedFile[]} files
 * @param {string} now
 * @param {OnProgress} [onProgress] submissions checked so far, of how many
 * @returns {Promise<import('../types/boundary').Round>}
 */
export async function checkRound(bundle, files, now, onProgress) {
  return JSON.parse(await ask('check_round', [JSON.stringify(bundle), now], files, onProgress));
}
/** @type {(round: import('../types/boundary').Round) => Promise<string>} */
export const roundCsv = (round) => ask('round_csv', [JSON.stringify(round)]);
/** @type {(round: import('../types/boundary').Round, bundle: unknown) => Promise<string>} */
export const roundReportHtml = (round, bundle) => ask('round_report_html', [JSON.stringify(round), JSON.stringify(bundle)]);
// What the form's data schema says about its fields (greenapply/form.hpp schema_facts).
/**
 * @param {unknown} bundle
 * @returns {Promise<import('../types/boundary').SchemaFacts>}
 */
export async function schemaFacts(bundle) {
  return JSON.parse(await ask('schema_facts', [JSON.stringify(bundle)]));
}
// The answers of one submission of the last round checked (its row's "source"), as the core read them.
/**
 * @param {import('../types/boundary').RoundRow['source']} source
 * @returns {Promise<Record<string, unknown>>}
 */
export async function submissionAnswers(source) {
  return JSON.parse(await ask('round_answers', [JSON.stringify(source)]));
}
