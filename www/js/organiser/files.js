// Reads the files the organiser drops or chooses, in this browser (FileReader), as the core
// takes them: [{name, bytes: Uint8Array}]. Bytes, not text: an mbox may mix charsets, and
// attachments are binary. The core asks for a file's bytes when it reads that file
// (wasm/organiser_api.js), so they are never all copied into its memory at once.
// onProgress(doneBytes, totalBytes, file, finished) is called as the files are read (file: one
// being read; finished: how many are read, at most all but one), so a large mailbox export moves
// the progress bar while it is read; at the end, (total, total, null, count).
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

// Several files are read at once: each read is a round trip to the browser's file store, and
// one after another they left 5,000 small packages waiting 3.6 s (BENCHMARKS.md). The result
// keeps the order the files were given in.
const AT_ONCE = 8;

export async function readFiles(fileList, onProgress) {
  const files = [...fileList];
  const total = files.reduce((n, f) => n + f.size, 0);
  const loaded = new Array(files.length).fill(0);
  const out = new Array(files.length);
  let done = 0;
  let finished = 0;
  let next = 0;
  const advance = (i, bytes) => {
    done += bytes - loaded[i];
    loaded[i] = bytes;
    onProgress(done, total, files[i], Math.min(finished, files.length - 1));
  };
  const reader = async () => {
    while (next < files.length) {
      const i = next++;
      const bytes = await readOne(files[i], (n) => advance(i, n));
      out[i] = { name: nameOf(files[i]), bytes };
      finished++;
      advance(i, files[i].size);
    }
  };
  if (files.length) onProgress(0, total, files[0], 0);
  await Promise.all(Array.from({ length: Math.min(AT_ONCE, files.length) }, reader));
  onProgress(total, total, null, files.length);
  return out;
}
