// Reads the files the organiser drops or chooses, in this browser (FileReader), as the core
// takes them: [{name, bytes: Uint8Array}]. Bytes, not text: an mbox may mix charsets, and
// attachments are binary. The core asks for a file's bytes when it reads that file
// (wasm/organiser_api.js), so they are never all copied into its memory at once.
// onProgress(doneBytes, totalBytes, file, index) is called as each file is read, so a large
// mailbox export moves the progress bar while it is read.
function readOne(file, onChunk) {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => { if (e.lengthComputable) onChunk(e.loaded); };
    reader.onerror = () => reject(reader.error ?? new Error(`${file.name} could not be read`));
    reader.onload = () => resolve(new Uint8Array(/** @type {ArrayBuffer} */ (reader.result)));
    reader.readAsArrayBuffer(file);
  });
}

// The name a file is known by in the round: its path inside a dropped folder when it has one
// (the folder decides which loose files are "beside" a package), else its name.
const nameOf = (file) => file.webkitRelativePath || file.name;

export async function readFiles(fileList, onProgress) {
  const files = [...fileList];
  const total = files.reduce((n, f) => n + f.size, 0);
  let before = 0;
  const out = [];
  for (const [i, file] of files.entries()) {
    onProgress(before, total, file, i);
    const bytes = await readOne(file, (loaded) => onProgress(before + loaded, total, file, i));
    before += file.size;
    out.push({ name: nameOf(file), bytes });
  }
  onProgress(total, total, null, files.length);
  return out;
}
