// The organiser's page texts (the page's own chrome; the form's texts come from its package
// through i18n.js's Texts, as on the applicant's page): www/i18n/organiser.<lang>.json, fetched
// per language and kept. Chinese uses full-width punctuation. Only ever placed with textContent.
import { TextTables } from '../i18n.js';

// Against the page's address, not this module's: the offline single file bundles every module
// as if it were js/main.js, and organiser.html is beside i18n/ either way.
const TEXTS = /* @__PURE__ */ new TextTables((lang) => new URL(`i18n/organiser.${lang}.json`, document.baseURI));

// Makes a language's texts available (one fetch, once); on failure English is fetched instead
// and the error thrown (i18n.js TextTables.load).
export const loadOrganiserTexts = (lang) => TEXTS.load(lang);

// A text of the organiser's page in a language, {name} placeholders filled from params.
export const say = (lang, key, params) => TEXTS.say(lang, key, params);
