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

// mailto: with the organiser's address, the subject template filled, and a short bilingual
// summary listing the files to attach (kept under ~1,800 characters for mail clients).
// titles: the form's title in each language (schemas/index.json), since the page holds only the
// texts of the language it shows.
export function mailtoLink(bundle, ev, texts, titles = {}) {
  const sub = bundle.form.submission ?? {};
  const track = ev.submitted?.applicant?.track;
  const subject = texts.text(sub.subject ?? 'submission.subject')
    .replace('{form_code}', bundle.form.form_code ?? '')
    .replace('{track}', track ? texts.option('/applicant/track', track) : '')
    .replace('{round}', ev.eligibility.round?.deadline?.slice(0, 4) ?? '')
    .replace('{applicant_name}', ev.applicant_name ?? '');
  const lines = [];
  const score = ev.score;
  lines.push(`${titles.en ?? bundle.i18n.en?.['form.title'] ?? bundle.form.id}`, `${titles.zh ?? bundle.i18n.zh?.['form.title'] ?? ''}`, '');
  lines.push(`Applicant / 申报单位: ${ev.applicant_name ?? ''}`);
  lines.push(`Eligibility / 申报资格: ${ev.eligibility.verdict}`);
  if (score) {
    lines.push(`Self-score / 自评: ${score.total} (${score.band})`);
    lines.push(score.dimensions.map((d) => `${d.id} ${d.score}/${d.weight}`).join(' · '));
  }
  // The exact files: the two the page downloads (same names as its download buttons give), then
  // each attachment by its label and the file name the applicant recorded.
  lines.push('', 'Please attach / 请附上:', '- application JSON + XML (greenapply):',
    `  ${packageFilename(bundle, ev, 'json')}`, `  ${packageFilename(bundle, ev, 'xml')}`);
  for (const a of ev.eligibility.attachments) {
    if (!a.provided && !a.required) continue;
    const record = a.pointer ? getAt(ev.submitted ?? {}, a.pointer) : undefined;
    const file = typeof record?.name === 'string' ? `: ${record.name}` : '';
    lines.push(`- ${a.name}${a.provided ? file : ' (missing / 缺少)'}`);
  }
  let body = lines.join('\n');
  if (body.length > 1800) body = `${body.slice(0, 1790)}…`;
  return `mailto:${encodeURIComponent(sub.to ?? '')}?subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
}
