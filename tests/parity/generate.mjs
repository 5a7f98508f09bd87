// Deterministic generator of plausible applications for parity and batch tests: each one is a
// worked example with a few realistic edits (an answer removed, changed within its schema's
// enum or range, a text shortened or made Chinese, a repeat item added or removed), so the
// corpus covers valid, invalid, hidden-field and scoring paths alike.
export function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function resolve(schema, node) {
  for (let hops = 0; node && node.$ref && node.$ref.startsWith('#/') && hops < 16; hops++) {
    node = node.$ref.slice(2).split('/').reduce((n, k) => n?.[k.replace(/~1/g, '/').replace(/~0/g, '~')], schema);
  }
  return node;
}

function subschema(schema, path) {
  let node = resolve(schema, schema);
  for (const step of path) {
    if (!node) return undefined;
    node = typeof step === 'number' ? resolve(schema, node.items) : resolve(schema, node.properties?.[step]);
  }
  return node;
}

function leaves(value, path = [], out = []) {
  if (Array.isArray(value)) {
    out.push(path);
    value.forEach((v, i) => leaves(v, [...path, i], out));
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) leaves(v, [...path, k], out);
  } else {
    out.push(path);
  }
  return out;
}

const CJK = '北京创蓝清洁空气产业联盟储能技术碳中和绿色交通节能智能制造';

function mutate(app, schema, rnd) {
  const paths = leaves(app).filter((p) => p.length > 0);
  if (paths.length === 0) return;
  const path = paths[Math.floor(rnd() * paths.length)];
  const parent = path.slice(0, -1).reduce((n, k) => n[k], app);
  const key = path[path.length - 1];
  const current = parent[key];
  const s = subschema(schema, path) ?? {};
  const r = rnd();
  if (r < 0.2) {
    if (Array.isArray(parent)) parent.splice(key, 1); else delete parent[key];
  } else if (Array.isArray(current)) {
    if (current.length > 0 && r < 0.6) current.push(structuredClone(current[Math.floor(rnd() * current.length)]));
    else if (current.length > 0) current.pop();
  } else if (s.enum) {
    parent[key] = s.enum[Math.floor(rnd() * s.enum.length)];
  } else if (typeof current === 'number') {
    const lo = s.minimum ?? 0;
    const hi = s.maximum ?? Math.max(10, current * 3);
    parent[key] = s.type === 'integer' ? Math.floor(lo + rnd() * (hi - lo + 1)) : Math.round((lo + rnd() * (hi - lo)) * 100) / 100;
    if (rnd() < 0.05) parent[key] = -1;
  } else if (typeof current === 'boolean') {
    parent[key] = !current;
  } else if (typeof current === 'string') {
    if (s.format === 'date') parent[key] = `20${String(10 + Math.floor(rnd() * 15))}-0${1 + Math.floor(rnd() * 9)}-1${Math.floor(rnd() * 9)}`;
    else if (r < 0.5) parent[key] = current.slice(0, Math.floor(rnd() * current.length));
    else parent[key] = Array.from({ length: 1 + Math.floor(rnd() * 400) }, () => CJK[Math.floor(rnd() * CJK.length)]).join('');
  }
}

// n applications from the given example answers, reproducible for a seed.
export function generateApplications(examples, schema, n, seed) {
  const rnd = mulberry32(seed);
  const out = [];
  if (examples.length === 0) return out;
  for (let i = 0; i < n; i++) {
    const app = structuredClone(examples[i % examples.length]);
    const edits = 1 + Math.floor(rnd() * 6);
    for (let e = 0; e < edits; e++) mutate(app, schema, rnd);
    out.push(app);
  }
  return out;
}
