// The JS side of wasm/bindings.cpp, appended inside emscripten's module factory (--post-js)
// after wasm/boundary.js (gaCall, gaText, gaMethods) and the table of wasm/exports.json. Every
// method a row of that table names (its "js") is made there; this file builds the objects and
// wraps by hand only what the table cannot say. www/js/types/boundary.d.ts declares them all:
//
//   Module.Form.load(bundleJson)        → form: ok(), error(), id(), version(), evaluate(a, now, lang),
//                                         schemaFacts(), dropUnknownAnswers(a), hasMatcher(), delete(),
//                                         and in the full core only (greenapply-full.mjs and the
//                                         offline file: hasEml()): applicationPackage(...),
//                                         applicationXml(...), applicationEml(...) → Uint8Array,
//                                         matchTechnologies(...), addTechnology(doc), clearTechnologies(),
//                                         matchSubmitted(submitted, lang), evaluateDocument(doc, now, lang)
//   Module.SchemaValidator.load(schema) → v: ok(), error(), loadInstances(array), validateLoaded(),
//                                         validate(instance), delete()
//   Module.version()                    → the engine version
//   Module.heapBytes()                  → the wasm memory's size (it grows, never shrinks)

function gaGone() { throw new Error('greenapply: this object was deleted'); }

// The table's methods on a handle, and delete(), after which every method throws.
function gaObject(object, h, free) {
  var live = function () { return h || gaGone(); };
  var o = gaMethods(object, live);
  o['delete'] = function () { if (h) free(h); h = 0; };
  return [o, live];
}

function gaForm(h) {
  var made = gaObject('Form', h, _ga_form_free);
  var form = made[0];
  var live = made[1];
  // files: Uint8Array[] (the attached files). Each is copied into wasm memory once and read
  // there in place; the message comes back as bytes (ASCII), copied out once, and the core's
  // copy is freed at once. A refusal comes back as the bytes of a {"fatal"} JSON object.
  // Only in the full core (greenapply-full.mjs, the offline file): hasEml() says whether this
  // one is.
  form['hasEml'] = function () { return !!Module['_ga_form_application_eml']; };
  form['applicationEml'] = function (answers, now, lang, options, files) {
    var hh = live();
    var eml = Module['_ga_form_application_eml'];
    var release = Module['_ga_form_release'];
    if (!eml) throw new Error('greenapply: this module has no e-mail writer (greenapply-full.mjs has)');
    var total = files.reduce(function (n, f) { return n + f.length; }, 0);
    var data = _malloc(total || 1);
    var table = _malloc(files.length * 8 || 8);
    try {
      var at = data;
      files.forEach(function (f, i) {
        HEAPU8.set(f, at);
        HEAPU32[(table >> 2) + 2 * i] = at;
        HEAPU32[(table >> 2) + 2 * i + 1] = f.length;
        at += f.length;
      });
      var p = gaCall(function (h0, a, an, n, nn, l, ln, o, on) {
        return eml(h0, a, an, n, nn, l, ln, o, on, table, files.length);
      }, hh, [answers, now, lang, options]);
      var start = HEAPU32[p >> 2];
      return HEAPU8.slice(start, start + HEAPU32[(p >> 2) + 1]);
    } finally {
      _free(data);
      _free(table);
      release(hh);
    }
  };
  return form;
}

Module['Form'] = { 'load': function (bundle) { return gaForm(gaCall(_ga_form_load, null, [bundle])); } };
// The validator on its own is for benchmarks and tools, not the page: only the full core has it.
if (Module['_ga_validator_load']) {
  Module['SchemaValidator'] = {
    'load': function (schema) {
      return gaObject('SchemaValidator', gaCall(Module['_ga_validator_load'], null, [schema]), Module['_ga_validator_free'])[0];
    },
  };
}
Object.assign(Module, gaMethods('Module', null));
