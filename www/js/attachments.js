// The files the applicant attaches, kept with the draft in this browser's IndexedDB (a draft's
// answers are in localStorage, whose 5 MB could not hold a business plan). One record per form
// and file field: { key, form, pointer, name, size, type, sha256, blob }. The answers hold the
// file's name, size and SHA-256 as before; the bytes here are only used when they still have
// that digest (the core checks it again when it writes the e-mail). Nothing is uploaded.
//
// Every call resolves, never rejects: storage can be missing (private mode, a file:// page in
// some browsers), full or broken, and the application must still be completed and sent. Writes
// answer { ok: true } or { ok: false, reason: 'full' | 'unavailable' }.
const DB = 'greenapply-files';
const STORE = 'files';

// The e-mail's limit on attached files together: 18 MB of files is about 24.6 MB once base64
// encoded, under the 25 MB that Gmail, Outlook.com and most mail servers accept for a message.
export const MAIL_FILES_LIMIT = 18 * 1024 * 1024;
// The limit of a file field whose package states none (the schema's "size" maximum): more
// could never travel in one message.
export const FILE_LIMIT = MAIL_FILES_LIMIT;

const keyOf = (form, pointer) => `${form}\u0000${pointer}`;

let opening = null;
function database() {
  opening ??= new Promise((resolve) => {
    let request;
    try {
      request = indexedDB.open(DB, 1);
    } catch {
      resolve(null);
      return;
    }
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: 'key' }).createIndex('form', 'form');
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => resolve(null);
    request.onblocked = () => resolve(null);
  });
  return opening;
}

function isQuota(error) {
  return error?.name === 'QuotaExceededError' || error?.name === 'NS_ERROR_DOM_QUOTA_REACHED';
}

// Runs fn(store) in one transaction; resolves with fn's request's result when it completes.
async function run(mode, fn) {
  const db = await database();
  if (!db) return { ok: false, reason: 'unavailable' };
  return new Promise((resolve) => {
    let tx;
    let result;
    try {
      tx = db.transaction(STORE, mode);
      const request = fn(tx.objectStore(STORE));
      if (request) request.onsuccess = () => { result = request.result; };
    } catch (error) {
      resolve({ ok: false, reason: isQuota(error) ? 'full' : 'unavailable' });
      return;
    }
    tx.oncomplete = () => resolve({ ok: true, result });
    tx.onabort = () => resolve({ ok: false, reason: isQuota(tx.error) ? 'full' : 'unavailable' });
    tx.onerror = (e) => e.preventDefault();  // reported once, by onabort
  });
}

// Keeps a file for this form's field (replacing the one it had).
export async function keepFile(form, pointer, { blob, name, size, type, sha256 }) {
  const r = await run('readwrite', (s) => s.put({ key: keyOf(form, pointer), form, pointer, name, size, type, sha256, blob }));
  return r.ok ? { ok: true } : r;
}

// The kept file of a field, or null (none, or storage unavailable).
export async function keptFile(form, pointer) {
  const r = await run('readonly', (s) => s.get(keyOf(form, pointer)));
  return r.ok ? r.result ?? null : null;
}

// Every kept file of a form: { ok, files } (files [] when storage is unavailable).
export async function keptFiles(form) {
  const r = await run('readonly', (s) => s.index('form').getAll(form));
  return r.ok ? { ok: true, files: r.result ?? [] } : { ok: false, reason: r.reason, files: [] };
}

export async function dropFile(form, pointer) {
  return (await run('readwrite', (s) => s.delete(keyOf(form, pointer)))).ok;
}

// Removes every kept file of a form (its draft was discarded).
export async function dropFiles(form) {
  const { files } = await keptFiles(form);
  if (!files.length) return true;
  return (await run('readwrite', (s) => { files.forEach((f) => s.delete(f.key)); return null; })).ok;
}

// The kept files that are still the ones the answers record: [{ pointer, name, size, type,
// sha256, blob }], in the order of `records` ([{ pointer, record }]). A field whose kept bytes
// have another digest (the applicant chose a new file in another tab) is left out.
export async function filesForRecords(form, records) {
  const { files } = await keptFiles(form);
  const byPointer = new Map(files.map((f) => [f.pointer, f]));
  return records.map(({ pointer, record }) => byPointer.get(pointer))
    .filter((f, i) => f && f.sha256 === records[i].record.sha256 && f.blob);
}
