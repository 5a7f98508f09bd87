// @ts-check
// A first visit's Form.load used to take ~90 ms on a quiet machine, most of it not running the
// core but V8 compiling it: the page's wasm is compiled lazily, each function on its first call,
// and a first load calls some 700 of them (BENCHMARKS.md, "Loading a form"). That compilation
// does not depend on which form is loaded. So while the chosen form's files are still on the
// network, the core loads this small package and evaluates an answer once: the JSON reader,
// the schema, pattern and expression compilers, the rules, eligibility, scoring and the texts
// are compiled then, and the real form's load and first evaluation find them ready.
// The package is a real one (the core accepts it; lazy-modules.spec.mjs checks that it does)
// with a bit of each kind of content the forms use; it never reaches the applicant.

/** @typedef {import('./types/boundary').GreenapplyModule} GreenapplyModule */

/** @param {object} [more] */
const str = (more) => ({ type: 'string', ...more });
const schema = {
  type: 'object',
  $defs: { n: { type: 'integer', minimum: 0, maximum: 1e5 } },
  properties: {
    o: {
      type: 'object',
      required: ['a', 'k'],
      additionalProperties: false,
      properties: {
        a: str({ minLength: 2, maxLength: 99, pattern: '^[A-Z]{2}[0-9]+$|\\S' }),
        k: { enum: ['x', 'y'] },
        d: str({ format: 'date' }),
        n: { $ref: '#/$defs/n' },
        m: { $ref: '#/$defs/n' },
        t: { type: 'array', items: { enum: ['p', 'q'] }, uniqueItems: true, minItems: 1, contains: { const: 'p' } },
        r: { type: 'array', maxItems: 9, items: { type: 'object', required: ['a'], properties: { a: str(), b: { type: 'boolean' } } } },
      },
      allOf: [{ not: { required: ['x'] } }],
      if: { properties: { k: { const: 'y' } } },
      then: { required: ['d'] },
    },
  },
};

/** @type {(pointer: string, widget: string) => { pointer: string, widget: string }} */
const field = (pointer, widget) => ({ pointer, widget });

/** The package as Form.load takes it (the page's bundle shape, www/js/bundle.js). */
export const warmUpBundle = {
  form: { id: 'w', version: '1.0.0', form_code: 'W', files: {}, submission: { to: 'a@b.example', subject: 's' } },
  data_schema: schema,
  layout: {
    sections: [
      { id: 'o', fields: [field('/o/a', 'text'), field('/o/k', 'radio'), field('/o/d', 'date'), field('/o/n', 'integer'),
        field('/o/t', 'checkboxes'), { pointer: '/o/r', widget: 'repeat', fields: [field('a', 'text'), field('b', 'yesno')] },
        { computed: 'g', widget: 'computed' }] },
    ],
  },
  rules: {
    computed: [{ id: 'g', expr: 'years_between(o.d, round.deadline)' }],
    visibility: [{ target: '/o/d', when: "o.k = 'y'" }],
    constraints: [{ id: 'c', assert: 'o.m <= o.n', pointer: '/o/m', severity: 'error' }],
  },
  eligibility: {
    round: { id: 'w', opens: '2023-03-01T00:00:00+08:00', closes_before: '2023-05-01T00:00:00+08:00', deadline: '2023-04-30', time_zone: 'Asia/Shanghai' },
    checks: [{ id: 'h', kind: 'hard', assert: 'o.d <= round.deadline' }, { id: 's', kind: 'soft', assert: 'count_if(o.r, it.b = true) >= 1' }],
  },
  rubric: {
    dimensions: [{ id: 'v', weight: 100, criteria: [{ id: 'v1', max: 4, points: 'steps(count(o.r), [1, 2], [0, 2, 4])' }] }],
    bands: [{ id: 'A', min: 0 }],
  },
  i18n: { en: {} },
  common_i18n: { en: {} },
};

const answers = JSON.stringify({
  o: { a: 'Acme 清洁能源', k: 'y', d: '2020-05-01', n: 6, m: 7, t: ['q', 'p'], r: [{ a: 'a', b: true }, { a: 'b' }] },
});

/**
 * Loads and evaluates the warm-up package once. Returns whether the core accepted it; what it
 * answered is let go (never shown, never stored).
 * @param {GreenapplyModule} core
 */
export function warmUp(core) {
  performance.mark('ga:warm-up-start');
  const form = core.Form.load(JSON.stringify(warmUpBundle));
  let ok = false;
  try {
    ok = form.ok();
    if (ok) ok = JSON.parse(form.evaluate(answers, '2023-04-20T10:00:00+08:00', 'en')).fatal === undefined;
  } finally {
    form.delete();
  }
  performance.measure('ga:warm-up', { start: 'ga:warm-up-start', detail: { ok } });
  return ok;
}
