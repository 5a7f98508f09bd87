// Schema "default" values as starting answers. JSON Schema 2020-12 makes "default" an annotation,
// "a default JSON value associated with a particular schema" (Validation §9.2), which form tools
// show as the starting answer. Here a field whose schema has one starts with it in a fresh draft
// and in a repeat item just added: a real answer, seen in the control, that the applicant can
// change or clear. Defaults only fill answers that do not exist yet; a restored draft, an opened
// draft file or an answer the applicant cleared is never given one back.
//
// Fields a rule hides get their default too. Visibility follows other answers, which a fresh
// draft does not have, so most conditional questions start hidden; without their default then,
// the suggested answer would be missing when the question appears, which is when the applicant
// expects to see it. While hidden it counts for nothing: the core prunes hidden answers before
// validation, computed values, rules, eligibility and the score, and from the submitted package;
// the review does not list them.
import { getAt, join, resolveSchema, schemaAt, setAt, tokens } from './pointer.js';

// Shared schemas (schemas/common/*.schema.json) by "$id", for "$ref"s into the taxonomy.
function sharedOf(bundle) {
  const map = new Map();
  for (const doc of Array.isArray(bundle.common_schemas) ? bundle.common_schemas : []) {
    if (doc && typeof doc.$id === 'string') map.set(doc.$id, doc);
  }
  return map;
}

// The schema node of a pointer's last step as written, before its "$ref" is followed: a
// "default" beside a "$ref" (allowed in 2020-12) belongs to this node, not to the target.
// Properties are found in "properties" and in "allOf", which always apply; a property that only
// "then", "else", "anyOf" or "oneOf" declare depends on the answers, so a default there would
// not be one for a fresh draft.
function ownNode(root, pointer) {
  const steps = tokens(pointer);
  const last = steps.pop();
  const search = (node, depth) => {
    node = resolveSchema(root, node);
    if (!node || typeof node !== 'object' || depth > 8) return undefined;
    const direct = last === '*' || /^\d+$/.test(last) ? node.items : node.properties?.[last];
    if (direct) return direct;
    for (const branch of node.allOf ?? []) {
      const found = search(branch, depth + 1);
      if (found) return found;
    }
    return undefined;
  };
  return search(steps.length ? schemaAt(root, join(...steps)) : root, 0);
}

// A "$ref" fragment as a JSON pointer ("%24defs" is "$defs"); a malformed escape names nothing.
function fragment(text) {
  try { return decodeURIComponent(text); } catch { return '\u0000'; }
}

// { value } when the field at `pointer` ("*" for repeat items) has a default, else null. The
// nearest "default" along the field's "$ref" chain wins: the property's own, then that of the
// definition it refers to (in the data schema's $defs, or in a shared schema such as the taxonomy).
export function fieldDefault(bundle, pointer, shared = sharedOf(bundle)) {
  const root = bundle.data_schema ?? {};
  let doc = root;
  let node = ownNode(root, pointer);
  for (let hops = 0; node && typeof node === 'object' && hops < 16; hops++) {
    if (Object.hasOwn(node, 'default')) return { value: structuredClone(node.default) };
    if (typeof node.$ref !== 'string') return null;
    const hash = node.$ref.indexOf('#');
    const base = hash < 0 ? node.$ref : node.$ref.slice(0, hash);
    if (base) doc = shared.get(base) ?? (base === root.$id ? root : undefined);
    if (!doc) return null;
    node = hash < 0 ? doc : getAt(doc, fragment(node.$ref.slice(hash + 1)));
  }
  return null;
}

// The answers a fresh draft starts with: every layout field's default (a repeat group's own
// default, if it has one, is its whole starting list). {} for a form without defaults.
export function freshAnswers(bundle) {
  const shared = sharedOf(bundle);
  const answers = {};
  for (const section of bundle.layout?.sections ?? []) {
    for (const field of section.fields ?? []) {
      if (!field.pointer) continue;  // computed values are not answers
      const d = fieldDefault(bundle, field.pointer, shared);
      if (d) setAt(answers, field.pointer, d.value);
    }
  }
  return answers;
}

// A repeat item just added: its fields' defaults (pointers relative to the item). {} without any.
export function freshItem(bundle, field) {
  const shared = sharedOf(bundle);
  const item = {};
  for (const sub of field.fields ?? []) {
    if (!sub.pointer) continue;
    const d = fieldDefault(bundle, `${field.pointer}/*/${sub.pointer}`, shared);
    if (d) setAt(item, `/${sub.pointer}`, d.value);
  }
  return item;
}
