// JSON pointers over the answers object, and the data schema's subschema for a field.
export const tokens = (pointer) => pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
export const escapeToken = (t) => String(t).replace(/~/g, '~0').replace(/\//g, '~1');
export const join = (...parts) => parts.map(escapeToken).map((t) => `/${t}`).join('');

export function getAt(doc, pointer) {
  let node = doc;
  for (const t of tokens(pointer)) {
    if (node === null || typeof node !== 'object' || !(t in node)) return undefined;
    node = node[t];
  }
  return node;
}

// Sets (or, for undefined, deletes) a value, creating the objects on the way.
export function setAt(doc, pointer, value) {
  const ts = tokens(pointer);
  let node = doc;
  for (const t of ts.slice(0, -1)) {
    if (node[t] === null || typeof node[t] !== 'object') node[t] = /^\d+$/.test(t) ? [] : {};
    node = node[t];
  }
  const last = ts[ts.length - 1];
  if (value === undefined) {
    if (Array.isArray(node)) node.splice(Number(last), 1); else delete node[last];
  } else {
    node[last] = value;
  }
}

// Shared schemas (schemas/common/*.schema.json, e.g. the technology taxonomy) by "$id", so an
// absolute "$ref" resolves as the core resolves it (shared/src/form/schema_types.cpp).
const shared = new Map();
export function registerSharedSchemas(list) {
  for (const doc of Array.isArray(list) ? list : []) if (doc && typeof doc.$id === 'string') shared.set(doc.$id, doc);
}

function resolve(root, node) {
  let doc = root;
  for (let hops = 0; node && typeof node.$ref === 'string' && hops < 16; hops++) {
    const hash = node.$ref.indexOf('#');
    if (hash !== 0) {
      doc = shared.get(hash < 0 ? node.$ref : node.$ref.slice(0, hash));
      if (!doc) return node;
    }
    node = hash < 0 ? doc : getAt(doc, node.$ref.slice(hash + 1));
  }
  return node;
}
// A subschema with its "$ref"s followed.
export const resolveSchema = (root, node) => resolve(root, node);

function child(root, node, step, depth = 0) {
  node = resolve(root, node);
  if (!node || typeof node !== 'object' || depth > 8) return undefined;
  const direct = step === '[]' ? node.items : node.properties?.[step];
  if (direct) return resolve(root, direct);
  for (const key of ['allOf', 'anyOf', 'oneOf']) {
    for (const branch of node[key] ?? []) {
      const found = child(root, branch, step, depth + 1);
      if (found) return found;
    }
  }
  for (const key of ['then', 'else']) {
    if (node[key]) {
      const found = child(root, node[key], step, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

// The subschema of a pointer ("*" or digits step into array items).
export function schemaAt(root, pointer) {
  let node = root;
  for (const t of tokens(pointer)) {
    node = child(root, node, t === '*' || /^\d+$/.test(t) ? '[]' : t);
    if (!node) return {};
  }
  return node;
}
