// Writes what the static page needs to find the form packages without listing folders:
//   <out>/schemas/index.json         what the form page needs of every package: path, titles,
//                                    id and version (the picker, drafts' notices); default first
//   <out>/schemas/catalogue.json     the same with each form's summary and round dates, for the
//                                    start screen (forms.html)
//   <out>/schemas/common/texts.<lang>.json  one language's engine common texts, merged exactly
//                                    as the CLI merges them (cli/package_files.cpp: i18n/<lang>.json
//                                    and i18n/*.<lang>.json in name order), but for the OFF_PAGE files.
//                                    One file a language: the page fetches only the language it shows.
//   <out>/schemas/common/texts-tools.<lang>.json  the OFF_PAGE files merged: the texts only the CLI
//                                    and the organiser's page show; the organiser's page adds them.
//   <out>/schemas/common/schemas.json [...]: every shared schema (common/*.schema.json, name order)
// Usage: node scripts/package-index.mjs SCHEMAS_DIR OUT_SCHEMAS_DIR [--package DIR]... [--keep-going]
//   --package DIR: a package folder from anywhere, listed under its folder's name (in place of
//   a package of SCHEMAS_DIR with that name): the live preview (scripts/preview-server.py)
//   serves a maintainer's package from where they edit it. --keep-going: see packageIndex.
import { readdirSync, readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';

// The common texts the applicant's page never shows, kept off its first visit: tools.<lang>.json
// (a received XML file's problems, match.json's, regex reasons), round.<lang>.json (the
// organiser's round: its report, reading e-mails) and lint.<lang>.json (greenapply lint, whose
// live preview gets its messages from the CLI). docs/errors.md says which key is where.
const OFF_PAGE = ['tools', 'round', 'lint'];

// part: 'all' (what the CLI merges; the bundle readBundle makes), 'page' (what the applicant's page
// fetches: all but the OFF_PAGE files) or 'tools' (the OFF_PAGE files alone, which the organiser's
// page adds to the page's).
export function commonTexts(schemasDir, part = 'all') {
  const dir = path.join(schemasDir, 'common', 'i18n');
  const out = {};
  for (const lang of ['en', 'zh']) {
    const tools = (f) => OFF_PAGE.some((name) => f === `${name}.${lang}.json`);
    const files = existsSync(dir)
      ? readdirSync(dir).filter((f) => f === `${lang}.json` || f.endsWith(`.${lang}.json`))
        .filter((f) => (part === 'page' ? !tools(f) : part === 'tools' ? tools(f) : true)).sort()
      : [];
    out[lang] = Object.assign({}, ...files.map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'))));
  }
  return out;
}

export function commonSchemas(schemasDir) {
  const dir = path.join(schemasDir, 'common');
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.schema.json')).sort()
    .map((f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')));
}

// extra: { name: folder } of packages kept outside schemasDir, listed as if they were in it.
// keepGoing: a package whose files do not parse is listed by its name only (the preview lists a
// package being edited even while it is broken; the page then says it cannot open it) instead
// of failing the whole index.
export function packageIndex(schemasDir, extra = {}, { keepGoing = false } = {}) {
  const folders = Object.fromEntries(readdirSync(schemasDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(schemasDir, d.name, 'form.json')))
    .map((d) => [d.name, path.join(schemasDir, d.name)]));
  Object.assign(folders, extra);
  const packages = Object.keys(folders)
    .sort()
    .map((name) => {
      if (!keepGoing) return packageEntry(name, folders[name]);
      try {
        return packageEntry(name, folders[name]);
      } catch (error) {
        process.stderr.write(`package-index: ${name}: ${error.message}\n`);
        return { path: name, form: { id: name }, titles: {}, summaries: {}, round: null };
      }
    });
  return { default: 'bluetech-2023-company', packages };
}

function packageEntry(name, dir) {
  const form = JSON.parse(readFileSync(path.join(dir, 'form.json'), 'utf8'));
  const titles = {};
  const summaries = {};
  for (const [lang, file] of Object.entries(form.files?.i18n ?? {})) {
    const texts = JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    titles[lang] = texts['form.title'];
    summaries[lang] = texts['form.summary'];
  }
  // The round's dates, for the start screen's list (the form itself asks the core).
  const eligibility = form.files?.eligibility
    ? JSON.parse(readFileSync(path.join(dir, form.files.eligibility), 'utf8')) : {};
  return { path: name, form, titles, summaries, round: eligibility.round ?? null };
}

// The bundle the core's FormPackage.load takes (see shared/include/greenapply/form.hpp).
export function readBundle(schemasDir, packagePath) {
  const dir = path.join(schemasDir, packagePath);
  const read = (f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8'));
  const form = read('form.json');
  const bundle = { form };
  for (const part of ['data_schema', 'layout', 'rules', 'eligibility', 'rubric', 'match']) {
    if (form.files[part]) bundle[part] = read(form.files[part]);
  }
  bundle.i18n = Object.fromEntries(Object.entries(form.files.i18n ?? {}).map(([lang, f]) => [lang, read(f)]));
  bundle.common_i18n = commonTexts(schemasDir);
  bundle.common_schemas = commonSchemas(schemasDir);
  return bundle;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const extra = {};
  for (let i = args.indexOf('--package'); i >= 0; i = args.indexOf('--package')) {
    const dir = path.resolve(args[i + 1] ?? '');
    extra[path.basename(dir)] = dir;
    args.splice(i, 2);
  }
  const keepGoing = args.includes('--keep-going');
  if (keepGoing) args.splice(args.indexOf('--keep-going'), 1);
  const [schemasDir = 'schemas', outDir] = args;
  if (!outDir) {
    process.stdout.write(JSON.stringify(packageIndex(schemasDir, extra, { keepGoing }), null, 2) + '\n');
  } else {
    mkdirSync(path.join(outDir, 'common'), { recursive: true });
    // The page needs only what it shows and opens with: the full manifests (notes, file lists)
    // stay in each package's form.json, fetched when that form is opened.
    const index = packageIndex(schemasDir, extra, { keepGoing });
    const manifest = (form) => ({ id: form.id, version: form.version, programme: form.programme, form_code: form.form_code, has_deadline: form.has_deadline });
    const catalogue = {
      default: index.default,
      packages: index.packages.map(({ path: p, form, titles, summaries, round }) => ({ path: p, titles, summaries, round, form: manifest(form) })),
    };
    const slim = { default: index.default, packages: index.packages.map(({ path: p, form, titles }) => ({ path: p, titles, form: manifest(form) })) };
    writeFileSync(path.join(outDir, 'index.json'), JSON.stringify(slim) + '\n');
    writeFileSync(path.join(outDir, 'catalogue.json'), JSON.stringify(catalogue) + '\n');
    for (const [lang, texts] of Object.entries(commonTexts(schemasDir, 'page'))) {
      writeFileSync(path.join(outDir, 'common', `texts.${lang}.json`), JSON.stringify(texts) + '\n');
    }
    for (const [lang, texts] of Object.entries(commonTexts(schemasDir, 'tools'))) {
      writeFileSync(path.join(outDir, 'common', `texts-tools.${lang}.json`), JSON.stringify(texts) + '\n');
    }
    writeFileSync(path.join(outDir, 'common', 'schemas.json'), JSON.stringify(commonSchemas(schemasDir)) + '\n');
  }
}
