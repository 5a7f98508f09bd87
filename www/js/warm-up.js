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

const schema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  type: 'object',
  $defs: {
    code: { type: 'string', pattern: '^[A-Z]{2}[0-9]{4,8}$' },
    count: { type: 'integer', minimum: 0, maximum: 100000 },
  },
  properties: {
    org: {
      type: 'object',
      required: ['name', 'kind', 'founded'],
      additionalProperties: false,
      properties: {
        name: { type: 'string', minLength: 2, maxLength: 200, pattern: '\\S' },
        name_zh: { type: 'string', pattern: '^[\\u4e00-\\u9fff（）()·]+$' },
        kind: { enum: ['company', 'institute', 'other'] },
        kind_other: { type: 'string', minLength: 3 },
        founded: { type: 'string', format: 'date' },
        email: { type: 'string', format: 'email' },
        website: { type: 'string', format: 'uri' },
        tags: { type: 'array', items: { enum: ['solar', 'wind', 'storage'] }, uniqueItems: true, minItems: 1, contains: { const: 'solar' } },
        code: { $ref: '#/$defs/code' },
        staff: { $ref: '#/$defs/count' },
        rd_staff: { $ref: '#/$defs/count' },
        share: { type: 'number', minimum: 0, maximum: 100 },
        listed: { type: 'boolean' },
        members: {
          type: 'array',
          maxItems: 20,
          items: {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string', minLength: 1 }, phd: { type: 'boolean' } },
          },
        },
      },
      allOf: [{ not: { required: ['forbidden'] } }],
      if: { properties: { kind: { const: 'other' } }, required: ['kind'] },
      then: { required: ['kind_other'] },
    },
    files: { type: 'object', properties: { plan: { type: 'object', properties: { name: { type: 'string' } } } } },
  },
};

/** @type {(pointer: string, widget: string) => { pointer: string, widget: string }} */
const field = (pointer, widget) => ({ pointer, widget });

/** The package as Form.load takes it (the page's bundle shape, www/js/bundle.js). */
export const warmUpBundle = {
  form: {
    id: 'warm-up', version: '1.0.0', form_code: 'WARM', applicant_name: '/org/name', files: {},
    submission: { to: 'nobody@organiser.example', subject: 'submission.subject' },
  },
  data_schema: schema,
  layout: {
    sections: [
      { id: 'org', fields: [field('/org/name', 'text'), field('/org/kind', 'radio'), field('/org/kind_other', 'text'),
        field('/org/founded', 'date'), field('/org/staff', 'integer'), field('/org/rd_staff', 'integer'),
        field('/org/email', 'email'), field('/org/website', 'url'), field('/org/tags', 'checkboxes'),
        { pointer: '/org/members', widget: 'repeat', fields: [field('name', 'text'), field('phd', 'yesno')] },
        { computed: 'age', widget: 'computed' }] },
      { id: 'files', fields: [field('/files/plan', 'file')] },
    ],
  },
  rules: {
    computed: [{ id: 'age', expr: "years_between(org.founded, round.deadline)" }],
    visibility: [{ target: '/org/kind_other', when: "org.kind = 'other'" }],
    constraints: [{ id: 'rd', assert: 'org.rd_staff <= org.staff', pointer: '/org/rd_staff', severity: 'error' }],
  },
  eligibility: {
    round: { id: 'warm', opens: '2023-03-01T00:00:00+08:00', closes_before: '2023-05-01T00:00:00+08:00',
      deadline: '2023-04-30', time_zone: 'Asia/Shanghai' },
    checks: [
      { id: 'E1', kind: 'hard', assert: 'org.founded <= round.deadline' },
      { id: 'E2', kind: 'soft', assert: 'count_if(org.members, it.phd = true) >= 1' },
    ],
    attachments: [{ id: 'plan', pointer: '/files/plan' }],
  },
  rubric: {
    dimensions: [
      { id: 'team', weight: 60, criteria: [{ id: 'T1', max: 4, points: 'steps(count(org.members), [1, 2, 4], [0, 1, 2, 4])' }] },
      { id: 'size', weight: 40, criteria: [{ id: 'S1', max: 3, points: 'steps(org.staff, [10, 50, 200], [0, 1, 2, 3])' }] },
    ],
    bands: [{ id: 'A', min: 80 }, { id: 'B', min: 0 }],
  },
  i18n: { en: { 'org.title': 'Organisation', 'rules.rd': 'R&D staff cannot exceed staff.' } },
  common_i18n: { en: { 'schema.required': 'Required: {property}' } },
};

const answers = JSON.stringify({
  org: { name: 'Acme 清洁能源', name_zh: '清洁能源（北京）', kind: 'other', founded: '2020-05-01', email: 'a@b.example',
    code: 'AB12345', website: 'https://a.example/x', tags: ['wind', 'solar'], staff: 60, rd_staff: 70, share: 12.5, members: [{ name: 'a', phd: true }, { name: 'b' }] },
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
