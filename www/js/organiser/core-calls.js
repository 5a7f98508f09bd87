// @ts-check
// The worker's calls into the organiser's core (Module.Organiser, wasm/organiser_api.js). Each
// returns the core's text; a {"fatal": …} answer becomes an Error with the core's key and words
// (refusal.js, shared with the applicant's page).
import { refusal } from '../refusal.js';

// The files of the last check are kept here, in the worker, so opening one application does not
// copy the whole mailbox across again (the core copies in only the file it shows).
/** @type {import('../types/boundary').ReceivedFile[]} */
let lastFiles = [];

/**
 * @param {import('../types/boundary').OrganiserModule} core
 * @param {string} op
 * @param {string[]} args
 * @param {import('../types/boundary').ReceivedFile[]} [files] check_round's files
 * @param {(done: number, total: number) => void} [onProgress] check_round's progress
 * @returns {string}
 */
export function coreCall(core, op, args, files, onProgress) {
  const o = core.Organiser;
  switch (op) {
    case 'check_round': {
      const [bundle, now] = args;
      lastFiles = files ?? [];
      return refusal(o.checkRound(bundle, lastFiles, now, onProgress));
    }
    case 'round_csv': return refusal(o.csv(args[0]));
    case 'round_report_html': return refusal(o.reportHtml(args[0], args[1]));
    case 'round_answers': return refusal(o.answers(lastFiles, args[0]));
    case 'schema_facts': return refusal(o.schemaFacts(args[0]));
    default: throw new Error(`unknown request ${op}`);
  }
}
