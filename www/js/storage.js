// Drafts in localStorage, one per form package, versioned, saved on every change. Storage can
// be full, disabled (private mode) or hold something this page did not write: every failure is
// reported as data, never thrown at the applicant, and the answers stay in memory for export.
// What to tell the applicant about each outcome is drafts.js's business; this module only
// reads, writes and classifies.
const PREFIX = 'greenapply:draft:';
const ASIDE = 'greenapply:aside:';

// A draft is at most this many UTF-16 code units (what String.length and localStorage count).
// The largest real application is a few hundred kilobytes; 4 Mi leaves room for long texts
// while staying under Chromium's and Firefox's 5 Mi per-origin quota, and it bounds the
// JSON.parse work done on a stored text or an opened file before anything is checked.
export const MAX_DRAFT_CHARS = 4 * 1024 * 1024;

// A draft file may carry the attached files (base64, "files"): at most this many characters of
// them, what 18 MB of files (one e-mail's worth, attachments.js) takes in base64, and a margin.
export const MAX_DRAFT_FILES_CHARS = 25 * 1024 * 1024;

// An opened file above this many bytes is refused without being read: each UTF-16 unit of a
// draft is at most 3 bytes of UTF-8, so no draft this page could have saved is larger.
export const MAX_DRAFT_FILE_BYTES = 3 * MAX_DRAFT_CHARS + MAX_DRAFT_FILES_CHARS;

const keyOf = (formId) => PREFIX + formId;
// The storage key of a form's draft, for the page to recognise another tab's writes (tabs.js).
export const draftKey = keyOf;

// Browsers disagree on how they name a full storage: QuotaExceededError (the standard, and
// legacy code 22), NS_ERROR_DOM_QUOTA_REACHED (older Firefox, code 1014).
function isQuotaError(e) {
  return e instanceof DOMException && (e.name === 'QuotaExceededError' || e.name === 'NS_ERROR_DOM_QUOTA_REACHED'
    || e.code === 22 || e.code === 1014);
}

// Checks the shape of a parsed draft. `answers` must be an object of sections: an array or a
// string there would be written into by the form as if it were one.
function isDraftShape(d) {
  return d !== null && typeof d === 'object' && !Array.isArray(d) && typeof d.form === 'string'
    && d.answers !== null && typeof d.answers === 'object' && !Array.isArray(d.answers);
}

// What is stored for this form, classified:
//   none        nothing stored
//   ok          a draft of this form: { draft }
//   unavailable the browser does not let the page read storage (private mode, blocked cookies)
//   corrupt     text that is not a draft: { raw }
//   tooLarge    more than MAX_DRAFT_CHARS: { raw } (not parsed)
//   foreign     a well-formed draft of another form under this form's key: { raw, otherForm }
// The raw text of every unreadable case is returned so the applicant can take it away.
export function loadDraft(formId) {
  let raw;
  try {
    raw = localStorage.getItem(keyOf(formId));
  } catch {
    return { status: 'unavailable' };
  }
  if (raw === null) return { status: 'none' };
  if (raw.length > MAX_DRAFT_CHARS) return { status: 'tooLarge', raw };
  let draft;
  try {
    draft = JSON.parse(raw);
  } catch {
    return { status: 'corrupt', raw };
  }
  if (!isDraftShape(draft)) return { status: 'corrupt', raw };
  if (draft.form !== formId) return { status: 'foreign', raw, otherForm: draft.form.slice(0, 200) };
  return { status: 'ok', draft, raw };
}

// Writes the draft. Outcomes: { ok: true, savedAt } or { ok: false, reason } with reason
//   full        the browser's storage quota is used up
//   unavailable storage is disabled or throws for another reason
//   tooLarge    the draft itself is over MAX_DRAFT_CHARS (it would be refused when read back)
// revision: { rev, base } — this write's id and the id of the stored draft the tab had last
// seen, so another tab of the same draft can tell what this write was made over (tabs.js).
export function saveDraft(formId, version, answers, now = new Date(), revision = {}) {
  const text = JSON.stringify({ form: formId, version, saved_at: now.toISOString(), ...revision, answers });
  if (text.length > MAX_DRAFT_CHARS) return { ok: false, reason: 'tooLarge' };
  try {
    localStorage.setItem(keyOf(formId), text);
    return { ok: true, savedAt: now };
  } catch (e) {
    return { ok: false, reason: isQuotaError(e) ? 'full' : 'unavailable', error: e };
  }
}

// Removes the stored draft; false when storage could not be reached (nothing was removed).
export function discardDraft(formId) {
  try {
    localStorage.removeItem(keyOf(formId));
    return true;
  } catch {
    return false;
  }
}

// Moves a stored text the page cannot use out of the draft's key, so the applicant can start
// again without losing it: copied to greenapply:aside:<form>:<time>, then removed. When the copy
// does not fit (the text is large, the storage nearly full) nothing is removed and
// { ok: false, reason } says why; the caller offers the download instead.
export function setDraftAside(formId, raw, now = new Date()) {
  const key = `${ASIDE}${formId}:${now.toISOString()}`;
  try {
    localStorage.setItem(key, raw);
  } catch (e) {
    return { ok: false, reason: isQuotaError(e) ? 'full' : 'unavailable' };
  }
  try {
    localStorage.removeItem(keyOf(formId));
  } catch {
    // The copy exists but the original could not be removed: undo the copy, report failure.
    try { localStorage.removeItem(key); } catch { /* storage vanished: nothing more to undo */ }
    return { ok: false, reason: 'unavailable' };
  }
  return { ok: true, key };
}

// Drafts put aside earlier for this form, oldest first: [{ key, at, chars }].
export function listAsides(formId) {
  const out = [];
  try {
    const start = `${ASIDE}${formId}:`;
    for (let i = 0; i < localStorage.length; i++) {
      const key = localStorage.key(i);
      if (key?.startsWith(start)) out.push({ key, at: key.slice(start.length), chars: localStorage.getItem(key)?.length ?? 0 });
    }
  } catch {
    return [];
  }
  return out.sort((a, b) => a.at.localeCompare(b.at));
}

export function readAside(key) {
  try { return localStorage.getItem(key); } catch { return null; }
}

export function removeAside(key) {
  try { localStorage.removeItem(key); return true; } catch { return false; }
}

// A draft file the applicant opened: checked before anything in the page changes. Accepts a
// draft saved by this page ("Save draft to a file") or an application package it made (its
// answers). Returns { ok: true, draft: { form, version, answers } } or { ok: false, reason }:
//   tooLarge  over MAX_DRAFT_FILE_BYTES (the file is not even read), or over MAX_DRAFT_CHARS
//   binary    not UTF-8 text, or holding NUL characters
//   notJson   text that is not JSON
//   notDraft  JSON, but not a draft or application package
//   otherForm a draft of another form: { otherForm }
export async function readDraftFile(file, formId) {
  if (file.size > MAX_DRAFT_FILE_BYTES) return { ok: false, reason: 'tooLarge' };
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(await file.arrayBuffer());
  } catch {
    return { ok: false, reason: 'binary' };
  }
  if (text.length > MAX_DRAFT_CHARS + MAX_DRAFT_FILES_CHARS) return { ok: false, reason: 'tooLarge' };
  if (text.includes('\u0000')) return { ok: false, reason: 'binary' };
  let data;
  try {
    data = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'notJson' };
  }
  let draft = null;
  if (isDraftShape(data)) {
    draft = { form: data.form, version: typeof data.version === 'string' ? data.version : null, answers: data.answers };
  } else if (data && typeof data === 'object' && data.format === 'greenapply-application' && typeof data.package?.id === 'string'
    && data.answers && typeof data.answers === 'object' && !Array.isArray(data.answers)) {
    draft = { form: data.package.id, version: typeof data.package.version === 'string' ? data.package.version : null, answers: data.answers };
  }
  if (!draft) return { ok: false, reason: 'notDraft' };
  // The answers alone must fit what the page stores; the carried files are checked by shape here
  // and by digest when they are kept (draft-files.js), so a damaged one is left out, never kept.
  if (JSON.stringify(draft.answers).length > MAX_DRAFT_CHARS) return { ok: false, reason: 'tooLarge' };
  draft.files = Array.isArray(data.files) ? data.files.filter(isCarriedFile) : [];
  if (draft.form !== formId) return { ok: false, reason: 'otherForm', otherForm: draft.form.slice(0, 200) };
  return { ok: true, draft };
}

// A file carried in a draft file: { pointer, name, size, type, sha256, base64 }.
function isCarriedFile(f) {
  return f !== null && typeof f === 'object' && typeof f.pointer === 'string' && f.pointer.startsWith('/')
    && typeof f.name === 'string' && Number.isSafeInteger(f.size) && f.size >= 0 && typeof f.type === 'string'
    && typeof f.sha256 === 'string' && /^[0-9a-f]{64}$/.test(f.sha256) && typeof f.base64 === 'string';
}

export function rememberLanguage(lang) {
  try { localStorage.setItem('greenapply:lang', lang); } catch { /* private mode: the choice lasts this visit */ }
}

export function rememberedLanguage() {
  try { return localStorage.getItem('greenapply:lang'); } catch { return null; }
}
