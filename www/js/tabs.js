// The same draft open in two tabs (or two windows). Each tab saves its answers to the one
// storage key of the form; without care the tab that saves last silently overwrites answers the
// other tab had saved. Browsers tell every other tab of a write to localStorage (the `storage`
// event), so a tab learns of the other's answers within one save interval and brings them in:
//   - answers only one tab changed since they last agreed are merged, field by field, and the
//     applicant is told which questions came from the other tab;
//   - a question both tabs changed differently is a conflict: nothing is saved until the
//     applicant chooses which tab's answers to keep (each can be downloaded first);
//   - a draft discarded in the other tab is kept here until the applicant says otherwise.
// This module works out the merge (pure) and what to tell; other-tab.js brings another tab's
// answers in, drafts.js saves.
import { escapeToken } from './pointer.js';

const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const isRecord = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);

// Three-way merge of answers: base is what both tabs last agreed on (what this tab last saved or
// read), mine this tab's answers, theirs the other tab's. Objects merge key by key; anything else
// (a text, a number, a repeat group's list of items) is one answer. Returns
//   { merged, conflicts: [{ pointer, mine, theirs }], fromTheirs: [pointer] }
// where merged holds mine at every conflict, and fromTheirs lists the answers taken from theirs.
export function mergeAnswers(base, mine, theirs) {
  const conflicts = [];
  const fromTheirs = [];
  const walk = (b, m, t, pointer) => {
    if (same(m, t)) return m;
    // Sections and groups merge question by question (a missing one counts as empty), so the
    // applicant is told of each question, and two tabs that answered different questions of
    // one section both keep theirs.
    const recordOrNone = (v) => v === undefined || isRecord(v);
    if (recordOrNone(b) && recordOrNone(m) && recordOrNone(t)) {
      const out = {};
      const bb = b ?? {}, mm = m ?? {}, tt = t ?? {};
      for (const key of new Set([...Object.keys(mm), ...Object.keys(tt)])) {
        const v = walk(bb[key], mm[key], tt[key], `${pointer}/${escapeToken(key)}`);
        if (v !== undefined) out[key] = v;
      }
      return out;
    }
    if (same(b, m)) {
      fromTheirs.push(pointer);
      return t;
    }
    if (same(b, t)) return m;
    conflicts.push({ pointer, mine: m, theirs: t });
    return m;
  };
  const merged = walk(base ?? {}, mine ?? {}, theirs ?? {}, '') ?? {};
  return { merged, conflicts, fromTheirs };
}

// Sets `value` at `pointer` in answers (undefined removes it); pointers from mergeAnswers.
export function putAt(answers, pointer, value) {
  const tokens = pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  let node = answers;
  for (const t of tokens.slice(0, -1)) {
    if (!isRecord(node[t])) node[t] = {};
    node = node[t];
  }
  const last = tokens[tokens.length - 1];
  if (value === undefined) delete node[last]; else node[last] = structuredClone(value);
}

// What another tab wrote, from the stored text: null when it removed the draft, undefined when
// the text is not a draft of this form (then there is nothing to bring in); else
// { answers, rev, base } (rev and base are null for a draft written before revisions existed).
export function draftFromStorage(text, formId) {
  if (text === null) return null;
  try {
    const d = JSON.parse(text);
    if (!isRecord(d) || d.form !== formId || !isRecord(d.answers)) return undefined;
    return { answers: d.answers, rev: typeof d.rev === 'string' ? d.rev : null, base: typeof d.base === 'string' ? d.base : null };
  } catch {
    return undefined;
  }
}

// The drafts a tab has written or seen, by revision, so that when another tab's write arrives the
// state it was made over is known: two tabs that wrote at nearly the same moment (each before the
// other's write reached it) both merge against the state they had in common, instead of the
// later write silently replacing the earlier one. Only the last few are kept: a write made over
// an older state than that is merged against what this tab last saw.
export class Revisions {
  constructor(limit = 32) {
    this.limit = limit;
    this.states = new Map();
    this.seen = null;  // the revision in storage this tab last knew of
  }

  start(rev, answers) {
    this.states.clear();
    this.seen = rev;
    this.states.set(rev, structuredClone(answers));
  }

  // A write: this tab's (fresh rev) or another's.
  record(rev, answers) {
    this.states.set(rev, structuredClone(answers));
    while (this.states.size > this.limit) this.states.delete(this.states.keys().next().value);
    this.seen = rev;
  }

  // What a write with this base was made over; fallback when it is no longer known.
  stateOf(base, fallback) {
    return this.states.has(base) ? this.states.get(base) : fallback;
  }

  static fresh() {
    return `${Date.now().toString(36)}-${crypto.getRandomValues(new Uint32Array(2)).join('-')}`;
  }
}

// The questions a list of pointers names, in the applicant's words: the field's label (a repeat
// item's field as "Team member 2: Name" would need the layout; the label of the group is enough
// to find it), each once, at most `limit` of them.
export function questionsOf(pointers, texts, limit = 8) {
  const names = [];
  for (const p of pointers) {
    const parts = p.split('/').filter((t) => t !== '' && !/^\d+$/.test(t));
    let name = null;
    for (let n = parts.length; n > 0 && name === null; n--) {
      const key = `${parts.slice(0, n).join('.')}.label`;
      if (texts.has(key)) name = texts.text(key);
      else if (n === 1 && texts.has(`${parts[0]}.title`)) name = texts.text(`${parts[0]}.title`);
    }
    name ??= p;
    if (!names.includes(name)) names.push(name);
  }
  return names.length > limit ? [...names.slice(0, limit), '…'] : names;
}
