// The JS side of wasm/organiser_bindings.cpp (--post-js of the organiser's build, after
// wasm/boundary.js and the organiser's rows of wasm/exports.json, which make the methods that
// take only strings):
//
//   Module.Organiser.checkRound(bundleJson, files, now, onProgress?) → round JSON text (or {"fatal"})
//       files: [{name: "inbox.mbox", bytes: Uint8Array}, …] as the page read them;
//       onProgress(done, total): submissions checked so far, called during the check
//   Module.Organiser.answers(files, sourceJson)          → a submission's answers (or {"fatal"})
//   Module.Organiser.reportHtml(roundJson, bundleJson)   → the report's HTML (or {"fatal"} JSON)
//   Module.Organiser.csv(roundJson)                      → the CSV text (or {"fatal"} JSON)
//   Module.Organiser.schemaFacts(bundleJson)             → the form's schema facts (or {"fatal"})
//   Module.Organiser.version()                           → the engine version
//   Module.heapBytes()                                   → the wasm memory's size
//
// checkRound and answers hand the core the files' names only; the core asks for a file's bytes
// when it reads that file (Module.gaFileBytes), so a round's packages are copied into wasm
// memory one at a time and freed after, and a review copies only the one file it shows.

/** @type {Array<{name: string, bytes: Uint8Array}> | null} */ var gaRoundFiles = null;
/** @type {function(number, number) | null} */ var gaOnProgress = null;

// The check's progress (ga_js_progress); a throw from the page's callback is dropped, not let
// through the core's frames.
Module['gaProgress'] = function (done, total) {
  try { if (gaOnProgress) gaOnProgress(done, total); } catch (e) { /* the page's own problem */ }
};

// File `index` of the call under way, copied into a malloc'ed block the core frees; its length
// is written at `sizeAt`. 0 when there is no such file: never a throw, which would unwind the
// core's frames without their destructors.
Module['gaFileBytes'] = function (index, sizeAt) {
  var file = gaRoundFiles && gaRoundFiles[index];
  var bytes = file && file['bytes'];
  if (!(bytes instanceof Uint8Array)) return 0;
  var at = _malloc(bytes.length || 1);
  HEAPU8.set(bytes, at);  // after _malloc: growing the memory replaces the views
  HEAPU32[sizeAt >> 2] = bytes.length;
  return at;
};

// Calls export `name` with the files' names in place of the files, their bytes at hand.
function gaWithFiles(name, files, strings) {
  if (!Array.isArray(files)) throw new TypeError('files: expected an array of {name, bytes}');
  var names = JSON.stringify(files.map(function (f) { return String(f['name']); }));
  gaRoundFiles = files;
  try {
    return gaText(gaCall(gaExport(name), null, strings(names)));
  } finally {
    gaRoundFiles = null;
  }
}

Module['Organiser'] = gaMethods('Organiser', null);
Module['Organiser']['checkRound'] = function (bundle, files, now, onProgress) {
  gaOnProgress = typeof onProgress === 'function' ? onProgress : null;
  try {
    return gaWithFiles('ga_check_round', files, function (names) { return [bundle, names, now]; });
  } finally {
    gaOnProgress = null;
  }
};
Module['Organiser']['answers'] = function (files, source) {
  return gaWithFiles('ga_round_answers', files, function (names) { return [names, source]; });
};
