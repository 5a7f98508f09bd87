// The JS side of wasm/bindings.cpp, appended inside emscripten's module factory (--post-js), so
// it sees the module's own HEAPU8/HEAPU32, _malloc and exports, and goes through the closure
// compiler with them. Every public name is quoted: closure renames the others.
//
//   Module.Form.load(bundleJson)        → form: ok(), error(), id(), version(), evaluate(a, now, lang),
//                                         hasMatcher(), delete(), and in the full core only
//                                         (greenapply-full.mjs and the offline file: hasEml()):
//                                         applicationPackage(...), applicationXml(...),
//                                         applicationEml(a, now, lang, options, files) → Uint8Array,
//                                         matchTechnologies(need, technologies, now, lang),
//                                         addTechnology(doc), clearTechnologies(),
//                                         matchSubmitted(submitted, lang), evaluateDocument(doc, now, lang)
//   Module.SchemaValidator.load(schema) → v: ok(), error(), loadInstances(array), validateLoaded(),
//                                         validate(instance), delete()
//   Module.version()                    → the engine version
//   Module.heapBytes()                  → the wasm memory's size (it grows, never shrinks)
//
// Strings cross as UTF-8 bytes and a length, results as a {data, size} pair the C++ side keeps
// until the next call on the same object; both are copied at once. A call is given its
// arguments in one malloc'ed block, freed before it returns even when the call throws.

/** @type {TextEncoder} */ var gaEncoder = new TextEncoder();
/** @type {TextDecoder} */ var gaDecoder = new TextDecoder();

// Reads a Text* (two 32-bit words: pointer, length). HEAPU8 is looked up after the call: memory
// growth during it replaces the views.
function gaText(p) {
  var at = HEAPU32[p >> 2];
  return gaDecoder.decode(HEAPU8.subarray(at, at + HEAPU32[(p >> 2) + 1]));
}

// Calls fn(handle, ptr0, len0, ptr1, len1, ...) with the strings copied into wasm memory.
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

function gaGone() { throw new Error('greenapply: this object was deleted'); }

// An export only the full core has (wasm/CMakeLists.txt, _full_exports), looked up by name: a
// plain reference would not link in the small core, which leaves it out.
function gaFull(name) {
  return Module[name] || function () { throw new Error('greenapply: this module has no ' + name + ' (greenapply-full.mjs has)'); };
}

function gaForm(h) {
  var live = function () { return h || gaGone(); };
  return {
    'ok': function () { return !!_ga_form_ok(live()); },
    'error': function () { return gaText(_ga_form_error(live())); },
    'id': function () { return gaText(_ga_form_id(live())); },
    'version': function () { return gaText(_ga_form_version(live())); },
    'hasMatcher': function () { return !!_ga_form_has_matcher(live()); },
    'evaluate': function (answers, now, lang) {
      return gaText(gaCall(_ga_form_evaluate, live(), [answers, now, lang]));
    },
    'schemaFacts': function () { return gaText(_ga_form_schema_facts(live())); },
    'dropUnknownAnswers': function (answers) {
      return gaText(gaCall(_ga_form_drop_unknown_answers, live(), [answers]));
    },
    'applicationPackage': function (answers, now, lang) {
      return gaText(gaCall(gaFull('_ga_form_application_package'), live(), [answers, now, lang]));
    },
    'applicationXml': function (answers, now, lang) {
      return gaText(gaCall(gaFull('_ga_form_application_xml'), live(), [answers, now, lang]));
    },
    // files: Uint8Array[] (the attached files). Each is copied into wasm memory once and read
    // there in place; the message comes back as bytes (ASCII), copied out once, and the core's
    // copy is freed at once. A refusal comes back as the bytes of a {"fatal"} JSON object.
    // Only in the full core (greenapply-full.mjs, the offline file): hasEml() says whether this
    // one is.
    'hasEml': function () { return !!Module['_ga_form_application_eml']; },
    'applicationEml': function (answers, now, lang, options, files) {
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
    },
    'matchTechnologies': function (need, technologies, now, lang) {
      return gaText(gaCall(gaFull('_ga_form_match_technologies'), live(), [need, technologies, now, lang]));
    },
    'addTechnology': function (document) {
      return gaText(gaCall(gaFull('_ga_form_add_technology'), live(), [document]));
    },
    'clearTechnologies': function () { gaFull('_ga_form_clear_technologies')(live()); },
    'matchSubmitted': function (submitted, lang) {
      return gaText(gaCall(gaFull('_ga_form_match_submitted'), live(), [submitted, lang]));
    },
    'evaluateDocument': function (document, now, lang) {
      return gaText(gaCall(gaFull('_ga_form_evaluate_document'), live(), [document, now, lang]));
    },
    'delete': function () { if (h) _ga_form_free(h); h = 0; },
  };
}

function gaValidator(h) {
  var live = function () { return h || gaGone(); };
  return {
    'ok': function () { return !!_ga_validator_ok(live()); },
    'error': function () { return gaText(_ga_validator_error(live())); },
    'loadInstances': function (array) { return gaCall(_ga_validator_load_instances, live(), [array]); },
    'validateLoaded': function () { return _ga_validator_validate_loaded(live()); },
    'validate': function (instance) { return gaText(gaCall(_ga_validator_validate, live(), [instance])); },
    'delete': function () { if (h) _ga_validator_free(h); h = 0; },
  };
}

Module['Form'] = { 'load': function (bundle) { return gaForm(gaCall(_ga_form_load, null, [bundle])); } };
Module['SchemaValidator'] = { 'load': function (schema) { return gaValidator(gaCall(_ga_validator_load, null, [schema])); } };
Module['version'] = function () { return gaText(_ga_version()); };
Module['heapBytes'] = function () { return HEAPU8.length; };
