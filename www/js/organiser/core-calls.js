// The worker's calls into the organiser's core (Module.Organiser, wasm/organiser_api.js). Each
// returns the core's text; a {"fatal": …} answer becomes an Error with the core's key and words.
// The files of the last check are kept here, in the worker, so opening one application does not
// copy the whole mailbox across again.
let lastFiles = '[]';

function unlessFatal(text) {
  if (text.startsWith('{"fatal"')) {
    const { fatal } = JSON.parse(text);
    throw new Error(`${fatal.message_key}: ${fatal.message}`);
  }
  return text;
}

export function coreCall(core, op, args) {
  const o = core.Organiser;
  switch (op) {
    case 'check_round': {
      const [bundle, files, now] = args;
      lastFiles = files;
      return unlessFatal(o.checkRound(bundle, files, now));
    }
    case 'round_csv': return unlessFatal(o.csv(args[0]));
    case 'round_report_html': return unlessFatal(o.reportHtml(args[0], args[1]));
    case 'round_answers': return unlessFatal(o.answers(lastFiles, args[0]));
    case 'schema_facts': return unlessFatal(o.schemaFacts(args[0]));
    default: throw new Error(`unknown request ${op}`);
  }
}
