// The wasm boundary as the page sees it, kept by hand beside wasm/exports.json (one line here per
// row there with a "js" method; tests/boundary/exports-check.mjs checks they agree): what
// Module.Form, Module.SchemaValidator and Module.Organiser answer (wasm/boundary.js, api.js,
// organiser_api.js), what www/js/core.js hands the page, and the JSON the page reads from them.
// tsc checks the modules that talk to the core against it (tsconfig.json; scripts/test.sh).
// Shapes list the members the page reads; the core's documentation has the rest
// (docs/architecture.md, greenapply/form.hpp, greenapply/round.hpp).

/** A JSON text the core answers, and what it parses to (or the refusal, {"fatal": …}). */
export type JsonText<R> = string & { readonly __json?: R };

/** The one refusal of wasm/boundary.hpp. */
export interface Refusal {
  fatal: { message_key: string; message: string; pointer: string; params?: Record<string, unknown>; severity?: 'error' | 'warning'; file?: string; line?: number; column?: number };
}

// --- the JSON the core answers --------------------------------------------------------------

export interface EvaluationError {
  pointer: string;
  message_key: string;
  params: Record<string, unknown>;
  message: string;
  severity: 'error' | 'warning';
  source: string;
}

export interface Evaluation {
  engine: string;
  form: { id: string; version: string };
  lang: string;
  valid: boolean;
  errors: EvaluationError[];
  hidden: string[];
  computed: Record<string, unknown>;
  sections: { id: string; errors: number; filled: number; required: number; complete: boolean }[];
  eligibility: {
    verdict: 'eligible' | 'eligible_with_warnings' | 'ineligible';
    window: 'before' | 'open' | 'closed';
    reasons: { id: string; message_key: string; message: string; severity: 'block' | 'warn' }[];
    attachments: { id: string; required: boolean; provided: boolean }[];
  };
  score: {
    total: number;
    band: string;
    dimensions: { id: string; points: number; max: number; weight: number; score: number; needs_work: boolean }[];
    criteria: { id: string; dimension: string; points: number; max: number }[];
    advice: { criterion: string; message_key: string; message: string; gain: number }[];
  } | null;
  submitted: Record<string, unknown>;
}

/** greenapply/form.hpp schema_facts. */
export interface SchemaFacts {
  fresh_answers: Record<string, unknown>;
  item_defaults: Record<string, Record<string, unknown>>;
  text_lists: Record<string, string>;
  fields: Record<string, { schema: Record<string, unknown>; options: unknown[] }>;
}

/** Form.dropUnknownAnswers: the answers kept, and what was taken out. */
export interface DroppedAnswers {
  answers: Record<string, unknown>;
  dropped: { pointer: string; value: unknown }[];
}

/** Form.addTechnology: the entry's position in the ranking. */
export interface AddedTechnology {
  index: number;
}

/** Form.matchTechnologies / matchSubmitted (greenapply/form.hpp match_technologies). */
export type MatchResult = Record<string, unknown>;

/** greenapply/round.hpp check_round. */
export interface RoundRow {
  file: string;
  source: { file: string; message?: number; part?: string };
  applicant: string;
  verdict: string;
  total: number | null;
  band: string;
  flags: string[];
  rank?: number;
  [member: string]: unknown;
}
export interface Round {
  form: string;
  version: string;
  engine: string;
  now: string;
  dimensions: string[];
  ranking: RoundRow[];
  superseded: RoundRow[];
}

// --- the core's objects (wasm/boundary.js, api.js, organiser_api.js) ------------------------

export interface WasmForm {
  ok(): boolean;
  /** The refusal when ok() is false (the fatal shape), else "". */
  error(): string;
  id(): string;
  version(): string;
  hasMatcher(): boolean;
  evaluate(answers: string, now: string, lang: string): JsonText<Evaluation>;
  schemaFacts(): JsonText<SchemaFacts>;
  dropUnknownAnswers(answers: string): JsonText<DroppedAnswers>;
  // The full core only (greenapply-full.mjs, the offline file); the small one throws.
  applicationPackage(answers: string, now: string, lang: string): string;
  applicationXml(answers: string, now: string, lang: string): string;
  hasEml(): boolean;
  applicationEml(answers: string, now: string, lang: string, options: string, files: Uint8Array[]): Uint8Array;
  matchTechnologies(need: string, technologies: string, now: string, lang: string): JsonText<MatchResult>;
  addTechnology(document: string): JsonText<AddedTechnology>;
  clearTechnologies(): void;
  matchSubmitted(submitted: string, lang: string): JsonText<MatchResult>;
  evaluateDocument(document: string, now: string, lang: string): JsonText<Evaluation>;
  delete(): void;
}

export interface WasmSchemaValidator {
  ok(): boolean;
  error(): string;
  /** The number of instances loaded, or -1 when the text is not a JSON array. */
  loadInstances(array: string): number;
  validateLoaded(): number;
  validate(instance: string): string;
  delete(): void;
}

/** greenapply.mjs / greenapply-full.mjs / the offline file's createGreenapply(). */
export interface GreenapplyModule {
  Form: { load(bundle: string): WasmForm };
  /** The full core only (benchmarks, tools; wasm/exports.json). */
  SchemaValidator?: { load(schema: string): WasmSchemaValidator };
  version(): string;
  heapBytes(): number;
  HEAP8?: Int8Array;
}

/** A file as the organiser's page read it (www/js/organiser/files.js): the core asks for its bytes when it reads it. */
export interface ReceivedFile {
  name: string;
  bytes: Uint8Array;
}

/** organiser.mjs / organiser-offline.js's createOrganiser(). */
export interface OrganiserModule {
  Organiser: {
    checkRound(bundle: string, files: ReceivedFile[], now: string, onProgress?: (done: number, total: number) => void): JsonText<Round>;
    reportHtml(round: string, bundle: string): string;
    csv(round: string): string;
    answers(files: ReceivedFile[], source: string): JsonText<Record<string, unknown>>;
    schemaFacts(bundle: string): JsonText<SchemaFacts>;
    version(): string;
  };
  heapBytes(): number;
}

// --- what www/js/core.js hands the page ------------------------------------------------------

/** An Error thrown for a refusal (www/js/refusal.js). */
export interface CoreError extends Error {
  message_key: string;
  pointer: string;
}

/** openForm(bundle)'s form. */
export interface OpenForm {
  schemaFacts(): SchemaFacts;
  dropUnknownAnswers(answers: unknown): DroppedAnswers;
  evaluate(answers: unknown, now: string, lang: string): Evaluation;
  applicationPackage(answers: unknown, now: string, lang: string): Promise<string>;
  applicationXml(answers: unknown, now: string, lang: string): Promise<string>;
  applicationEml(answers: unknown, now: string, lang: string,
                 options: { date?: string; message_id?: string; json_name?: string; xml_name?: string },
                 files: Uint8Array[]): Promise<Uint8Array>;
  hasMatcher(): boolean;
  matchTechnologies(answers: unknown, technologies: unknown[], now: string, lang: string): MatchResult;
  addTechnology(doc: unknown): number;
  clearTechnologies(): void;
  matchSubmitted(submitted: unknown, lang: string): MatchResult;
  evaluateDocument(doc: unknown, now: string, lang: string): Evaluation;
  close(): void;
  version: string;
  heapBytes(): number | null;
}
