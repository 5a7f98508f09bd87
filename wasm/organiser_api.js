// The JS side of wasm/organiser_bindings.cpp (--post-js of the organiser's build, after
// wasm/boundary.js and the organiser's rows of wasm/exports.json, which make every method):
//
//   Module.Organiser.checkRound(bundleJson, filesJson, now) → round JSON text (or {"fatal"})
//       filesJson: [{"name": "inbox.mbox", "base64": "…"}, …]
//   Module.Organiser.reportHtml(roundJson, bundleJson)      → the report's HTML (or {"fatal"} JSON)
//   Module.Organiser.csv(roundJson)                         → the CSV text (or {"fatal"} JSON)
//   Module.Organiser.answers(filesJson, sourceJson)         → a submission's answers (or {"fatal"})
//   Module.Organiser.schemaFacts(bundleJson)                → the form's schema facts (or {"fatal"})
//   Module.Organiser.version()                              → the engine version
//   Module.heapBytes()                                      → the wasm memory's size

Module['Organiser'] = gaMethods('Organiser', null);
