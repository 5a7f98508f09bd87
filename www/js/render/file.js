// A file field. A chosen file is checked by its content (filetype.js: a .docx renamed .pdf is
// still refused as a PDF) and its size before anything is recorded; then its record (name,
// size, SHA-256) goes into the answers and the file itself is kept in this browser with the
// draft (attachments.js), so it survives a reload or a closed tab and goes into the e-mail.
// The field lists what is attached (name, type, size, digest, whether it is kept here), and
// the file can be replaced (choose another) or removed. Nothing is uploaded.
import { el } from './field.js';
import { sniff, sizeText } from './filetype.js';
import { FILE_LIMIT, dropFile, keepFile, keptFile } from '../attachments.js';

async function sha256Hex(buffer) {
  const digest = await crypto.subtle.digest('SHA-256', buffer);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// What kind of file a record is, for the list: the kind told by its content when it was kept,
// else its name's extension.
const kindText = (type, name) => (type || (/\.([A-Za-z0-9]{1,8})$/.exec(name ?? '')?.[1] ?? '')).toUpperCase();

const STATUS = { kept: 'fileKept', full: 'fileNotKeptFull', unavailable: 'fileNotKeptOff', missing: 'fileNotKeptHere', saving: 'fileKeeping' };

export function fileWidget({ field, pointer, id, schema, value, error, describedBy, group, change, ctx }) {
  const { texts } = ctx;
  const accept = Array.isArray(field.accept) ? field.accept : [];
  // The package's limit (the schema's maximum of "size"); without one, what one e-mail carries.
  const own = schema.properties?.size?.maximum;
  const maxBytes = typeof own === 'number' ? own : FILE_LIMIT;
  const limit = sizeText(maxBytes, ctx.lang);
  const kinds = accept.map((k) => texts.ui(`kind.${k}`)).join(texts.ui('orSeparator'));
  const rules = el('p', { class: 'ga-hint', id: `${id}-accept`,
    text: accept.length ? texts.ui('fileKindsMax', { kinds, limit }) : texts.ui('fileMax', { limit }) });
  const problem = el('p', { class: 'ga-file-problem', id: `${id}-problem`, role: 'alert', hidden: true });
  const input = el('input', { type: 'file', id, class: 'ga-file',
    'aria-describedby': `${describedBy} ${id}-accept ${id}-problem ${id}-record` });
  const record = el('div', { class: 'ga-file-record', id: `${id}-record`, 'aria-live': 'polite' });

  const show = (rec, status, type) => {
    if (!rec?.name) {
      record.replaceChildren(el('p', { class: 'ga-hint', text: texts.ui('fileHint') }));
      return;
    }
    const facts = [kindText(type, rec.name), typeof rec.size === 'number' ? sizeText(rec.size, ctx.lang) : '',
      rec.sha256 ? `SHA-256 ${rec.sha256.slice(0, 16)}…` : ''].filter(Boolean).join(' · ');
    const remove = el('button', { type: 'button', class: 'ga-button ga-button--secondary ga-file-record__remove',
      text: texts.ui('fileRemove'), 'aria-label': texts.ui('fileRemoveNamed', { file: rec.name }) });
    remove.addEventListener('click', async () => {
      show(null);
      input.focus();
      // The bytes go first, then the record: a reload in between finds a record whose file is
      // missing (and says so), never a file kept that the applicant removed.
      await dropFile(ctx.formId, pointer);
      change(undefined);
    });
    record.replaceChildren(
      el('p', { class: 'ga-file-record__name', text: rec.name }),
      el('p', { class: 'ga-hint ga-file-record__facts', text: facts }),
      status ? el('p', { class: `ga-hint ga-file-record__status ga-file-record__status--${status}`, text: texts.ui(STATUS[status]) }) : '',
      remove);
  };

  show(value);
  if (value?.name) {
    keptFile(ctx.formId, pointer).then((kept) => {
      // Still the field's answer (not replaced meanwhile) and the same bytes as recorded?
      const same = kept && kept.sha256 === value.sha256 && kept.name === value.name;
      show(value, same ? 'kept' : 'missing', same ? kept.type : undefined);
    });
  }

  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const refuse = (message) => {
      problem.textContent = message;
      problem.hidden = false;
      input.value = '';
    };
    if (file.size > maxBytes) {
      refuse(texts.ui('fileTooLarge', { file: file.name, size: sizeText(file.size, ctx.lang), limit }));
      return;
    }
    const kind = await sniff(file);
    if (accept.length && !accept.includes(kind)) {
      refuse(texts.ui('fileWrongKind', { file: file.name, kinds }));
      return;
    }
    problem.hidden = true;
    problem.textContent = '';
    const rec = { name: file.name, size: file.size, sha256: await sha256Hex(await file.arrayBuffer()) };
    change(rec);
    input.value = '';
    show(rec, 'saving', kind);
    const kept = await keepFile(ctx.formId, pointer, { blob: file, name: file.name, size: file.size, type: kind ?? '', sha256: rec.sha256 });
    show(rec, kept.ok ? 'kept' : kept.reason, kind);
  });
  group.append(rules, error, problem, input, record);
}
