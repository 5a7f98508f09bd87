import { getAt } from './pointer.js';

// Leaving with the application: files the applicant downloads (made by the core, so the
// organiser's batch re-check sees the same bytes) and a prepared e-mail (mailto:, no request).
export function download(filename, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function slug(text) {
  return String(text ?? 'application').normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').toLowerCase().slice(0, 60) || 'application';
}

export function packageFilename(bundle, ev, ext, date = new Date()) {
  const ymd = date.toISOString().slice(0, 10).replace(/-/g, '');
  return `${bundle.form.programme}-${bundle.form.form_code ?? 'form'}-${slug(ev.applicant_name)}-${ymd}.${ext}`.toLowerCase();
}

// How many answers are wrong or missing: the core's errors (warnings are not problems). The
// page counts, it does not judge: "valid" in the package is the same count being zero.
export const problemCount = (ev) => ev.errors.filter((e) => e.severity === 'error').length;

// Everything the applicant needs to send the application by hand, in the language the page
// shows: the organiser's address (form.json submission.to), the subject from the package's
// template, the files to attach (the two the download buttons make, by the names they give,
// then each attachment the form asks for, by its label and the file name recorded) and the
// body. The same parts fill the copy fields (render/handover.js) and the mailto: link.
// titles: the form's title in each language (schemas/index.json), else the package's text.
export function handoverOf(bundle, ev, texts, titles = {}) {
  const sub = bundle.form.submission ?? {};
  const track = ev.submitted?.applicant?.track;
  const subject = texts.text(sub.subject ?? 'submission.subject')
    .replace('{form_code}', bundle.form.form_code ?? '')
    .replace('{track}', track ? texts.option('/applicant/track', track) : '')
    .replace('{round}', ev.eligibility.round?.deadline?.slice(0, 4) ?? '')
    .replace('{applicant_name}', ev.applicant_name ?? '');
  const files = [{ text: packageFilename(bundle, ev, 'json') }, { text: packageFilename(bundle, ev, 'xml') }];
  for (const a of ev.eligibility.attachments) {
    if (!a.provided && !a.required) continue;
    const record = a.pointer ? getAt(ev.submitted ?? {}, a.pointer) : undefined;
    const missing = !a.provided || typeof record?.name !== 'string';
    files.push({ text: texts.ui(missing ? 'fileMissing' : 'fileProvided', { name: a.name, file: record?.name }), missing });
  }
  const problems = problemCount(ev);
  const lines = [titles[texts.lang] ?? texts.text('form.title'), '',
    texts.ui('mailApplicant', { name: ev.applicant_name ?? '' }),
    texts.ui('mailEligibility', { verdict: ev.eligibility.verdict_message }),
    problems ? texts.ui('mailErrors', { n: problems }) : texts.ui('mailErrorsNone')];
  const score = ev.score;
  if (score) {
    lines.push(texts.ui('mailScore', { total: score.total, band: score.band_label || score.band }));
    lines.push(score.dimensions.map((d) => `${d.title} ${d.score}/${d.weight}`).join(' · '));
    for (const ind of score.indicators ?? []) lines.push(texts.ui('mailIndicator', { title: ind.title, score: ind.score, note: ind.note }));
  }
  lines.push('', texts.ui('mailFiles'), ...files.map((f) => `- ${f.text}`));
  // What happens after sending: the programme's steps and contact, as the core gives them.
  const after = ev.after_sending;
  if (after?.steps?.length) lines.push('', texts.ui('mailNext'), ...after.steps.map((t, i) => `${i + 1}. ${t}`));
  if (after?.contact) lines.push('', texts.ui('mailContact', { contact: after.contact }));
  return { to: sub.to ?? '', subject, files, body: lines.join('\n'), problems, after };
}

// The same hand-over as a mailto: link (one option among the copy fields; mail clients take
// about 2,000 characters, so a long body is cut there, never the copy field's).
export function mailtoLink(bundle, ev, texts, titles = {}) {
  const h = handoverOf(bundle, ev, texts, titles);
  const body = h.body.length > 1800 ? `${h.body.slice(0, 1790)}…` : h.body;
  return `mailto:${encodeURIComponent(h.to)}?subject=${encodeURIComponent(h.subject)}&body=${encodeURIComponent(body)}`;
}

// The file fields' records in the answers, in the form's order: [{ pointer, record }] for each
// file field (outside repeat groups) whose answer names a file. The same fields the core's
// e-mail writer matches files to (by SHA-256: a record without one, from an older draft, has
// no file here and is listed as still to send).
export function fileRecords(bundle, submitted) {
  const out = [];
  for (const section of bundle.layout?.sections ?? []) {
    for (const field of section.fields ?? []) {
      if (field.widget !== 'file' || !field.pointer) continue;
      const record = getAt(submitted ?? {}, field.pointer);
      if (typeof record?.name === 'string') out.push({ pointer: field.pointer, record });
    }
  }
  return out;
}

// Which files go into the e-mail: in the form's order, each file that still fits under `limit`
// bytes of files together; the others are to be sent in a second e-mail. items: [{ size, ... }].
export function splitForMail(items, limit) {
  const first = [];
  const rest = [];
  let used = 0;
  for (const item of items) {
    const size = Number(item.size) || 0;
    if (used + size <= limit) {
      first.push(item);
      used += size;
    } else {
      rest.push(item);
    }
  }
  return { first, rest, total: items.reduce((n, i) => n + (Number(i.size) || 0), 0) };
}
