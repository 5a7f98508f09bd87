// What every wasm door's JS side shares (api.js for the applicant's page, organiser_api.js for
// the organiser's), appended inside emscripten's module factory (--post-js) after the table
// wasm/CMakeLists.txt generates from wasm/exports.json:
//   var gaExports = {"Form": [[method, export, result], …], "Module": […], …};
// so adding an export is one row there, not a wrapper here. The closure compiler sees this file
// with the module's own HEAPU8/HEAPU32, _malloc and _free; every public name is quoted (it
// renames the others), and exports are looked up as Module['_ga_…'] (a plain reference would not
// link in a core that leaves the export out).
//
// Strings cross as UTF-8 bytes and a length, copied into one malloc'ed block freed before the
// call returns even when it throws; a text result is a Text* (pointer, length) the C++ side
// keeps until the next call, copied out at once.

/** @type {TextEncoder} */ var gaEncoder = new TextEncoder();
// ignoreBOM: keep a leading byte order mark (the organiser's CSV has one, for Excel); the default
// would drop it. No other result starts with one (JSON, XML, HTML).
/** @type {TextDecoder} */ var gaDecoder = new TextDecoder('utf-8', { 'ignoreBOM': true });

// Reads a Text* (two 32-bit words: pointer, length). HEAPU8 is looked up after the call: memory
// growth during it replaces the views.
function gaText(p) {
  var at = HEAPU32[p >> 2];
  return gaDecoder.decode(HEAPU8.subarray(at, at + HEAPU32[(p >> 2) + 1]));
}

// Calls fn(handle, ptr0, len0, ptr1, len1, ...) with the strings copied into wasm memory
// (handle null: a call without one).
function gaCall(fn, handle, strings) {
  var bytes = strings.map(function (s) { return gaEncoder.encode(String(s)); });
  var total = bytes.reduce(function (n, b) { return n + b.length; }, 0);
  var block = _malloc(total || 1);
  var args = handle === null ? [] : [handle];
  var at = block;
  bytes.forEach(function (b) { HEAPU8.set(b, at); args.push(at, b.length); at += b.length; });
  try {
    return fn.apply(null, args);
  } finally {
    _free(block);
  }
}

// An export this core may leave out (the small core has no writers): the function, or one that
// says which core has it.
function gaExport(name) {
  return Module['_' + name] || function () { throw new Error('greenapply: this module has no _' + name + ' (greenapply-full.mjs has)'); };
}

// The methods gaExports lists for `object`, each passing its arguments as strings (to the handle
// live() gives, when there is one) and reading the result by its kind.
function gaMethods(object, live) {
  var methods = {};
  (gaExports[object] || []).forEach(function (row) {
    var fn = null;  // looked up at the first call: Module's exports are set when the wasm is ready
    methods[row[0]] = function () {
      fn = fn || gaExport(row[1]);
      var result = gaCall(fn, live ? live() : null, Array.prototype.slice.call(arguments));
      return row[2] === 'text' ? gaText(result) : row[2] === 'bool' ? !!result : result;
    };
  });
  return methods;
}

Module['heapBytes'] = function () { return HEAPU8.length; };
