// Lookup of the page's own texts (the chrome around a form; the tables are JSON, www/i18n/) and of
// a package's texts by the key conventions of schemas/README.md. Text is only ever placed with textContent.

// "{name}" placeholders filled from params; one unknown stays as written (visible, not lost).
export const fill = (text, params = {}) => text.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));

// Tables of texts, one JSON file a language (www/i18n/<surface>.<lang>.json), each fetched the
// first time that language is shown, then kept. A key a table lacks shows in English, then as
// the key itself (visible, not lost); tests/maintainers/ui_texts_test.py keeps the tables whole.
export class TextTables {
  // urlOf(lang): where that language's table is.
  constructor(urlOf) {
    this.urlOf = urlOf;
    this.tables = {};
    this.pending = {};
  }
  // Fetches a language's table, once (a failed fetch is tried again on the next call). When it
  // cannot be had, the English one is fetched instead, so the caller can carry on in English,
  // and the error is thrown for the caller to tell the reader.
  async load(lang) {
    try {
      await this.fetchTable(lang);
    } catch (error) {
      if (lang !== 'en') await this.fetchTable('en');
      throw error;
    }
  }
  async fetchTable(lang) {
    if (this.tables[lang]) return;
    this.pending[lang] ??= (async () => {
      const url = this.urlOf(lang);
      const response = await fetch(url);
      if (!response.ok) throw new Error(`${url.pathname}: HTTP ${response.status}`);
      this.tables[lang] = await response.json();
    })().finally(() => { delete this.pending[lang]; });
    await this.pending[lang];
  }
  // A text in a language, {name} placeholders filled from params.
  say(lang, key, params) {
    const text = this.tables[lang]?.[key] ?? this.tables.en?.[key] ?? key;
    return params ? fill(text, params) : text;
  }
  has(key) { return Object.values(this.tables).some((table) => key in table); }
}

// The page's own texts (the chrome around a form): www/i18n/ui.<lang>.json, beside js/.
// (Pure: the lazily loaded modules that import only fill() from here leave it out of their bundle.)
const UI = /* @__PURE__ */ new TextTables((lang) => new URL(`../i18n/ui.${lang}.json`, import.meta.url));

// Makes the page's own texts of a language available (one fetch, once). If they cannot be
// fetched, the page's chrome falls back to English (Texts.ui) and this throws, so that the
// caller decides what to tell the applicant; the form's own texts come from the package either way.
export const loadUiTexts = (lang) => UI.load(lang);

export class Texts {
  // textLists: { field pointer: prefix } of the fields whose options a shared list labels (the
  // core's schema facts, greenapply/form.hpp schema_facts); {} where there is no form.
  constructor(bundle, lang, textLists = {}) {
    this.lang = lang;
    this.textLists = textLists;
    this.pkg = bundle.i18n?.[lang] ?? {};
    this.pkgEn = bundle.i18n?.en ?? {};
    this.common = bundle.common_i18n?.[lang] ?? {};
    this.commonEn = bundle.common_i18n?.en ?? {};
  }
  // A page text, with {name} placeholders filled from params.
  ui(key, params) { return UI.say(this.lang, key, params); }
  has(key) { return key in this.pkg || key in this.pkgEn; }
  // An error as the summary lists it: the field's label, then the message. A label that ends
  // in its own punctuation (a declaration's sentence, a question) loses it first, so no
  // "…accurate.: Please answer" — and each language has its own colon (errorLink).
  errorLink(label, message) {
    const bare = label.replace(/[\s.。:：?？!！;；,，]+$/u, '');
    return bare ? this.ui('errorLink', { label: bare, message }) : message;
  }
  // A package text, falling back to English, then to the key (visible, and lint reports it).
  text(key) { return this.pkg[key] ?? this.pkgEn[key] ?? this.common[key] ?? key; }
  // "/team/core_team/*/name" → "team.core_team.name"
  static keyOf(pointer) {
    return pointer.split('/').slice(1).filter((t) => t !== '*' && !/^\d+$/.test(t)).join('.');
  }
  label(pointer) { return this.text(`${Texts.keyOf(pointer)}.label`); }
  help(pointer) { const k = `${Texts.keyOf(pointer)}.help`; return this.has(k) ? this.text(k) : ''; }
  option(pointer, value) {
    const k = `${Texts.keyOf(pointer)}.option.${value}`;
    if (this.has(k)) return this.text(k);
    const prefix = this.listPrefix(pointer);
    return prefix ? this.shared(`${prefix}.${value}`) : String(value);
  }
  // The common-text prefix of a field whose options are a shared list's (the technology
  // taxonomy's "group.item" codes, labelled "<prefix>.<code>"), or undefined.
  listPrefix(pointer) { return this.textLists[pointer.replace(/\/\d+(?=\/|$)/g, '/*')]; }
  // A common text (shared lists such as the taxonomy), falling back to English, then the key.
  shared(key) { return this.common[key] ?? this.commonEn[key] ?? key; }
}
