// Fetches a form package the way the CLI reads it from disk (cli/package_files.cpp): the
// manifest, every file it names, the engine's common texts and the shared schemas (taxonomy).
// Texts are fetched for one language at a time: the page shows one, and the other language's
// texts are a quarter of what a first visit would download. Switching language fetches them
// (withLanguage), once.

const base = new URL('../schemas/', import.meta.url);

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.json();
}

export function packageIndex() {
  return getJson(new URL('index.json', base));
}

// The languages a package has texts for; a language it lacks is shown in English.
const textLanguage = (bundle, lang) => (bundle.form.files.i18n?.[lang] ? lang : 'en');

export const hasLanguage = (bundle, lang) => textLanguage(bundle, lang) in bundle.i18n;

const commonTexts = (lang) => getJson(new URL(`common/texts.${lang}.json`, base));

async function fetchTexts(bundle, lang, common = commonTexts(lang)) {
  const file = bundle.form.files.i18n?.[lang];
  const [own, shared] = await Promise.all([file ? getJson(new URL(file, new URL(`${bundle.path}/`, base))) : {}, common]);
  return { own, common: shared };
}

// whileWaiting: called once every file is asked for, while they are on their way (the page
// warms its core up then: js/warm-up.js).
export async function loadBundle(path, lang, { whileWaiting } = {}) {
  const dir = new URL(`${path}/`, base);
  // What does not depend on the manifest is asked for with it, not after it.
  const early = { common: commonTexts(lang), schemas: getJson(new URL('common/schemas.json', base)) };
  Object.values(early).forEach((p) => p.catch(() => {})); // awaited below; no unhandled rejection meanwhile
  const form = await getJson(new URL('form.json', dir));
  const bundle = { form, i18n: {}, common_i18n: {} };
  // Not part of the core's bundle format; the core ignores members it does not know.
  Object.defineProperty(bundle, 'path', { value: path, enumerable: false });
  const parts = ['data_schema', 'layout', 'rules', 'eligibility', 'rubric', 'match'].filter((p) => form.files[p]);
  const want = textLanguage(bundle, lang);
  const all = Promise.all([
    Promise.all(parts.map((p) => getJson(new URL(form.files[p], dir)))),
    fetchTexts(bundle, want, want === lang ? early.common : undefined),
    early.schemas]);
  whileWaiting?.();
  const [loaded, texts, schemas] = await all;
  parts.forEach((p, i) => { bundle[p] = loaded[i]; });
  bundle.i18n[want] = texts.own;
  bundle.common_i18n[want] = texts.common;
  bundle.common_schemas = schemas;
  return bundle;
}

// The same bundle with one more language's texts (a new object: the open form keeps its own
// until the page has loaded the new one into the core). Throws when they cannot be fetched.
export async function withLanguage(bundle, lang) {
  const want = textLanguage(bundle, lang);
  if (want in bundle.i18n) return bundle;
  const texts = await fetchTexts(bundle, want);
  const next = { ...bundle, i18n: { ...bundle.i18n, [want]: texts.own }, common_i18n: { ...bundle.common_i18n, [want]: texts.common } };
  Object.defineProperty(next, 'path', { value: bundle.path, enumerable: false });
  return next;
}
