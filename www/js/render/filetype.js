// What a chosen file really is, told by its first bytes (and, for Office files, the names inside
// the ZIP container), not by its name: a ".docx" renamed ".pdf" is still a Word document. The
// kinds a file field accepts are the package's (layout.json "accept"); this only recognises them.
export const KINDS = ['pdf', 'docx', 'xlsx', 'pptx', 'jpeg', 'png', 'gif', 'webp', 'svg'];

const startsWith = (bytes, ...sig) => sig.every((b, i) => bytes[i] === b);
const ascii = (bytes) => String.fromCharCode(...bytes);

// Office Open XML files are ZIP containers holding "[Content_Types].xml" and one folder named
// after the application; the names are stored in clear both at the start (local headers) and
// in the central directory at the end, so the head and the tail of the file are enough.
function officeKind(text) {
  if (!text.includes('[Content_Types].xml')) return null;
  if (text.includes('word/')) return 'docx';
  if (text.includes('xl/')) return 'xlsx';
  if (text.includes('ppt/')) return 'pptx';
  return null;
}

const EDGE = 64 * 1024;

// The kind of file (one of KINDS), or null when it is none of them.
export async function sniff(file) {
  const head = new Uint8Array(await file.slice(0, EDGE).arrayBuffer());
  if (startsWith(head, 0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf';  // "%PDF-"
  if (startsWith(head, 0xff, 0xd8, 0xff)) return 'jpeg';
  if (startsWith(head, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png';
  if (/^GIF8[79]a/.test(ascii(head.subarray(0, 6)))) return 'gif';
  if (ascii(head.subarray(0, 4)) === 'RIFF' && ascii(head.subarray(8, 12)) === 'WEBP') return 'webp';
  if (startsWith(head, 0x50, 0x4b, 0x03, 0x04)) {
    const tail = file.size > EDGE ? new Uint8Array(await file.slice(-EDGE).arrayBuffer()) : new Uint8Array();
    return officeKind(new TextDecoder('latin1').decode(head) + new TextDecoder('latin1').decode(tail));
  }
  const start = new TextDecoder('utf-8').decode(head.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(start)) return 'svg';
  return null;
}

// "2.3 MB", "540 KB": the size as the applicant's file manager shows it.
export function sizeText(bytes, lang) {
  const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
  const fmt = (n) => n.toLocaleString(locale, { maximumFractionDigits: 1 });
  if (bytes >= 1024 * 1024) return `${fmt(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${fmt(bytes / 1024)} KB`;
  return `${bytes} B`;
}
