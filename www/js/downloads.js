// The application as the applicant takes it away: the package (JSON or XML) and the e-mail
// (.eml), all written by the core. A package the core refuses to make is said, never downloaded
// as an empty or "fatal" file; so is a full core (core.js) that cannot be fetched: the answers
// stay, and the next press tries again.
import { MAIL_FILES_LIMIT, filesForRecords } from './attachments.js';
import { hasLanguage, withLanguage } from './bundle.js';
import { openForm } from './core.js';
import { download, fileRecords, packageFilename, splitForMail } from './export.js';

const $ = (id) => document.getElementById(id);

// state: the page's (state.js). now(): the moment the form is judged at. refusalReason(error,
// texts): what the core refused, in the applicant's words (main.js).
export function createDownloads({ state, now, refusalReason }) {
  // "Download application (JSON / XML)": make(answers, now, lang) is the open form's writer.
  async function downloadPackage(kind, make, type) {
    $('export-status').textContent = '';
    const { bundle, ev } = state;
    try {
      download(packageFilename(bundle, ev, kind), await make(state.answers, now(), state.lang), type);
    } catch (error) {
      $('export-status').textContent = state.texts.ui('exportFailed', { reason: refusalReason(error) });
    }
  }

  // "Download the e-mail (.eml)": the core writes the message (render/handover.js says what is in
  // it). The files are the ones kept in this browser that still have the recorded digests, split
  // at what one e-mail carries as the hand-over says; the body is in both languages, so the
  // other language's texts are fetched for it (without them it is in the page's language only).
  async function downloadEml() {
    const status = $('eml-status');
    const t = state.texts;
    status.textContent = t.ui('emlMaking');
    const ev = state.ev;
    const formId = state.bundle.form.id;
    const records = fileRecords(state.bundle, ev.submitted);
    const kept = await filesForRecords(formId, records);
    const { first } = splitForMail(kept, MAIL_FILES_LIMIT);
    const keptPointers = new Set(kept.map((f) => f.pointer));
    const notKept = records.filter((r) => !keptPointers.has(r.pointer)).map((r) => r.record.name);
    let form = state.form;
    let temporary = null;
    const other = state.lang === 'zh' ? 'en' : 'zh';
    try {
      if (!hasLanguage(state.bundle, other)) {
        try {
          temporary = await openForm(await withLanguage(state.bundle, other));
          form = temporary;
        } catch { /* offline: the message in the page's language only */ }
      }
      const files = await Promise.all(first.map(async (f) => new Uint8Array(await f.blob.arrayBuffer())));
      const id = [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
      const stamp = now();
      const bytes = await form.applicationEml(state.answers, stamp, state.lang, {
        date: stamp, message_id: `${id}@greenapply.invalid`,
        json_name: packageFilename(state.bundle, ev, 'json'), xml_name: packageFilename(state.bundle, ev, 'xml'),
      }, files);
      const name = packageFilename(state.bundle, ev, 'eml');
      download(name, bytes, 'message/rfc822');
      status.textContent = [t.ui('emlDone', { file: name, n: files.length }),
        notKept.length ? t.ui('emlMissing', { list: notKept.map((n) => `“${n}”`).join(t.ui('listSeparator')) }) : ''].filter(Boolean).join(' ');
    } catch (error) {
      status.textContent = t.ui('emlFailed', { reason: refusalReason(error, t) });
    } finally {
      temporary?.close();
    }
  }

  return { downloadPackage, downloadEml };
}
