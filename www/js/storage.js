// Drafts in localStorage, one per form package, versioned, saved on every change. Storage can
// be full, disabled (private mode) or hold something this page did not write: every failure is
// reported, never thrown at the applicant, and the answers stay in memory for export.
const PREFIX = 'greenapply:draft:';
const MAX_BYTES = 4 * 1024 * 1024;

export function loadDraft(formId) {
  let raw;
  try {
    raw = localStorage.getItem(PREFIX + formId);
  } catch {
    return { status: 'unavailable' };
  }
  if (raw === null) return { status: 'none' };
  try {
    if (raw.length > MAX_BYTES) throw new Error('too large');
    const draft = JSON.parse(raw);
    if (!draft || typeof draft !== 'object' || typeof draft.answers !== 'object' || draft.form !== formId) throw new Error('not a draft');
    return { status: 'ok', draft };
  } catch {
    return { status: 'corrupt', raw };
  }
}

export function saveDraft(formId, version, answers, now = new Date()) {
  const draft = { form: formId, version, saved_at: now.toISOString(), answers };
  try {
    localStorage.setItem(PREFIX + formId, JSON.stringify(draft));
    return { ok: true, savedAt: now };
  } catch (e) {
    return { ok: false, error: e };
  }
}

export function discardDraft(formId) {
  try {
    localStorage.removeItem(PREFIX + formId);
  } catch {
    /* nothing stored, nothing to discard */
  }
}

export function rememberLanguage(lang) {
  try { localStorage.setItem('greenapply:lang', lang); } catch { /* private mode: the choice lasts this visit */ }
}

export function rememberedLanguage() {
  try { return localStorage.getItem('greenapply:lang'); } catch { return null; }
}
