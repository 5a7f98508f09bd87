// Fetches a form package the way the CLI reads it from disk (cli/package_files.cpp): the
// manifest, every file it names, the engine's common texts and the shared schemas (taxonomy).
import { registerSharedSchemas } from './pointer.js';

const base = new URL('../schemas/', import.meta.url);

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
  return response.json();
}

export function packageIndex() {
  return getJson(new URL('index.json', base));
}

export async function loadBundle(path) {
  const dir = new URL(`${path}/`, base);
  const form = await getJson(new URL('form.json', dir));
  const bundle = { form };
  const parts = ['data_schema', 'layout', 'rules', 'eligibility', 'rubric', 'match'].filter((p) => form.files[p]);
  const loaded = await Promise.all(parts.map((p) => getJson(new URL(form.files[p], dir))));
  parts.forEach((p, i) => { bundle[p] = loaded[i]; });
  const langs = Object.entries(form.files.i18n ?? {});
  const texts = await Promise.all(langs.map(([, f]) => getJson(new URL(f, dir))));
  bundle.i18n = Object.fromEntries(langs.map(([lang], i) => [lang, texts[i]]));
  [bundle.common_i18n, bundle.common_schemas] = await Promise.all([
    getJson(new URL('common/texts.json', base)), getJson(new URL('common/schemas.json', base))]);
  registerSharedSchemas(bundle.common_schemas);
  return bundle;
}
