// The JS side of wasm/organiser_bindings.cpp (--post-js of the organiser's build):
//
//   Module.Organiser.checkRound(bundleJson, filesJson, now) → round JSON text (or {"fatal"})
//       filesJson: [{"name": "inbox.mbox", "base64": "…"}, …]
//   Module.Organiser.reportHtml(roundJson, bundleJson)      → the report's HTML (or {"fatal"} JSON)
//   Module.Organiser.csv(roundJson)                         → the CSV text (or {"fatal"} JSON)
//   Module.Organiser.answers(filesJson, sourceJson)         → a submission's answers (or {"fatal"})
//   Module.Organiser.schemaFacts(bundleJson)                → the form's schema facts (or {"fatal"})
//   Module.Organiser.version()                              → the engine version
//
// Strings cross as UTF-8 bytes and a length, copied in one malloc'ed block freed before the call
// returns; the result is copied out at once. Public names are quoted for the closure compiler.

/** @type {TextEncoder} */ var orgEncoder = new TextEncoder();
// ignoreBOM: keep the CSV's byte order mark (Excel needs it); the default would drop it.
/** @type {TextDecoder} */ var orgDecoder = new TextDecoder('utf-8', { 'ignoreBOM': true });

function orgText(p) {
  var at = HEAPU32[p >> 2];
  return orgDecoder.decode(HEAPU8.subarray(at, at + HEAPU32[(p >> 2) + 1]));
}

function orgCall(fn, strings) {
  var bytes = strings.map(function (s) { return orgEncoder.encode(String(s)); });
  var total = bytes.reduce(function (n, b) { return n + b.length; }, 0);
  var block = _malloc(total || 1);
  var args = [];
  var at = block;
  bytes.forEach(function (b) { HEAPU8.set(b, at); args.push(at, b.length); at += b.length; });
  try {
    return orgText(fn.apply(null, args));
  } finally {
    _free(block);
  }
}

Module['Organiser'] = {
  'checkRound': function (bundle, files, now) { return orgCall(_ga_check_round, [bundle, files, now]); },
  'reportHtml': function (round, bundle) { return orgCall(_ga_round_report_html, [round, bundle]); },
  'csv': function (round) { return orgCall(_ga_round_csv, [round]); },
  // The answers of one submission (a row's "source"), for the page's read-only review.
  'answers': function (files, source) { return orgCall(_ga_round_answers, [files, source]); },
  'schemaFacts': function (bundle) { return orgCall(_ga_schema_facts, [bundle]); },
  'version': function () { return orgText(_ga_organiser_version()); },
};
Module['heapBytes'] = function () { return HEAPU8.length; };
