// The one place a core's answer becomes an Error, for both pages (core.js for the applicant's,
// organiser/core-calls.js for the organiser's). Every export of wasm/exports.json answers its
// text, or the one refusal of wasm/boundary.hpp, {"fatal": {"message_key", "message", "pointer", …}} (the core's one issue shape,
// docs/errors.md); an
// empty answer is a failure too (the core never means "nothing" by it). So no caller can offer a
// refusal or an empty file for download, or show one as an evaluation.

/**
 * The text, or throws the refusal as an Error carrying the core's key and pointer.
 * @template {string} T
 * @param {T} text
 * @returns {T}
 */
export function refusal(text) {
  if (text === '') throw Object.assign(new Error('core.empty: the core made an empty answer'), { message_key: 'core.empty', pointer: '' });
  if (!text.startsWith('{"fatal":')) return text;
  /** @type {import('./types/boundary').Refusal} */
  const { fatal } = JSON.parse(text);
  const key = fatal.message_key;
  throw Object.assign(new Error(`${key}: ${fatal.message}`), { message_key: key, pointer: fatal.pointer });
}

/**
 * The core's JSON answer, parsed, or throws its refusal.
 * @template R
 * @param {import('./types/boundary').JsonText<R>} text
 * @returns {R}
 */
export const parsed = (text) => JSON.parse(refusal(text));
