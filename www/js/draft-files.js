// A draft as a file and back. "Save draft to a file" writes the answers with the attached files
// kept in this browser (base64, as many as one e-mail carries), so a draft opened on another
// computer is whole. "Open a draft file" checks the file before anything in the page or in
// storage changes (storage.js), takes out the answers the form no longer asks for (listed in a
// notice, drafts.js), and keeps the files it carries that are the ones their fields record.
import { MAIL_FILES_LIMIT, filesForRecords, keepFile } from './attachments.js';
import { download, fileRecords, splitForMail } from './export.js';
import { fill } from './i18n.js';
import { formTitle } from './notices.js';
import { getAt } from './pointer.js';
import { MAX_DRAFT_FILE_BYTES, readDraftFile } from './storage.js';
import { reportDropped } from './drafts.js';

const mb = (bytes) => `${Math.round(bytes / (1024 * 1024))} MB`;

// "Save draft to a file": the open form's answers, from state (state.js).
export async function downloadDraftFile(state) {
  const draft = { form: state.bundle.form.id, version: state.bundle.form.version, saved_at: new Date().toISOString(), answers: state.answers };
  // The attached files kept here travel with the draft (base64), as many as one e-mail
  // carries, so a draft opened on another computer is whole.
  const kept = await filesForRecords(state.bundle.form.id, fileRecords(state.bundle, state.answers));
  const files = await Promise.all(splitForMail(kept, MAIL_FILES_LIMIT).first.map(async (f) => ({
    pointer: f.pointer, name: f.name, size: f.size, type: f.type ?? '', sha256: f.sha256, base64: await base64Of(f.blob) })));
  if (files.length) draft.files = files;
  download(`draft-${state.bundle.form.id}.json`, JSON.stringify(draft, null, 2), 'application/json');
}

// "Open a draft file": the answers to go on with (the files they record kept), or null when the
// file is refused, and then nothing in the page or in storage has changed (a notice says why).
export async function openDraftFile(file, { state, notices }) {
  const { bundle, form } = state;
  const name = file.name.slice(0, 120);
  const r = await readDraftFile(file, bundle.form.id);
  if (!r.ok) {
    const key = { tooLarge: 'importTooLarge', binary: 'importBinary', notJson: 'importNotJson', notDraft: 'importNotDraft', otherForm: 'importOtherForm' }[r.reason];
    notices.set('importFailed', {
      kind: 'warning',
      title: (t) => t.ui('importFailedTitle'),
      body: (t) => fill(t.ui(key), { file: name, limit: mb(MAX_DRAFT_FILE_BYTES), form: r.otherForm && formTitle(state.index, r.otherForm, t) }),
      actions: [{ label: (t) => t.ui('dismiss'), run: () => notices.remove('importFailed') }],
    });
    return null;
  }
  notices.remove('importFailed');
  notices.remove('dropped');
  const { answers, dropped } = form.dropUnknownAnswers(r.draft.answers);
  reportDropped(notices, dropped, r.draft.version, bundle.form);
  await keepCarriedFiles(state.bundle.form.id, answers, r.draft.files);
  return answers;
}

// A blob as base64, by the browser's own encoder (a data: URL without its prefix).
function base64Of(blob) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).slice(String(reader.result).indexOf(',') + 1));
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

// The files a draft file carried: each kept when it is the file its field records (same
// SHA-256), so a file edited inside the draft is not kept; others are ignored.
async function keepCarriedFiles(formId, answers, files) {
  for (const f of files ?? []) {
    const record = getAt(answers, f.pointer);
    if (record?.sha256 !== f.sha256) continue;
    let bytes;
    try {
      bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
    } catch {
      continue;
    }
    const digest = [...new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))].map((b) => b.toString(16).padStart(2, '0')).join('');
    if (digest !== f.sha256) continue;
    await keepFile(formId, f.pointer, { blob: new Blob([bytes]), name: record.name, size: bytes.length, type: f.type, sha256: digest });
  }
}
