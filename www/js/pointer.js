// JSON pointers over the answers object. What a pointer names in the data schema is the core's
// to say (schema_facts, through core.js): the page does not walk the schema.
export const tokens = (pointer) => pointer.split('/').slice(1).map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
export const escapeToken = (t) => String(t).replace(/~/g, '~0').replace(/\//g, '~1');

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
