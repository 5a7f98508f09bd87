// One application of the round, read-only, in the applicant's "Check your answers" layout
// (render/review.js without its Change links), with the eligibility and self-score panels of the
// applicant's page. The answers are the ones the core took from the submission (round-core.js);
// the evaluation is the core's too, at the time the submission was received, in the page's
// language. This file only arranges them.
import { el } from '../render/field.js';
import { renderReview } from '../render/review.js';
import { renderEligibility, renderScore } from '../render/panel.js';
import { say } from './texts.js';

let formPromise = null;
let formBundle = null;
// The applicant's core (www/js/core.js), loaded when the first application is opened.
async function formFor(bundle) {
  if (formBundle !== bundle) {
    const previous = formPromise;
    formBundle = bundle;
    formPromise = import('../core.js').then(({ openForm }) => openForm(bundle));
    previous?.then((f) => f.close(), () => {});
  }
  return formPromise;
}

const $ = (id) => document.getElementById(id);

// ctx = {row, answers (null when unreadable), problem, bundle, texts, lang, now}
export async function renderApplication(ctx) {
  const { row, texts, lang } = ctx;
  const t = (k, p) => say(lang, k, p);
  const name = typeof row.applicant === 'string' && row.applicant.trim() ? row.applicant : row.file;
  $('review-heading').textContent = t('reviewHeading', { name });
  $('review-back').textContent = t('reviewBack');
  const from = row.received_at_from ? t(`receivedFrom.${row.received_at_from}`) : t(`from.${row.received_from}`);
  $('review-facts').textContent = t('reviewFacts', { rank: row.rank ?? '—', verdict: t(`verdict.${row.verdict}`), received: row.received_at ?? '—', from });

  const facts = el('dl', { class: 'ga-summary-list ga-org__facts' });
  const fact = (label, value) => facts.append(el('div', { class: 'ga-summary-list__row' },
    el('dt', { class: 'ga-summary-list__key', text: label }), el('dd', { class: 'ga-summary-list__value' }, value), el('dd', { class: 'ga-summary-list__actions' })));
  const src = row.source ?? {};
  fact(t('source'), [src.file ?? row.file, src.message ? t('message', { n: src.message }) : '', src.part ?? ''].filter(Boolean).join(' · '));
  // The core's message keys in the page's language (the package's and the common texts), its own
  // English words where a key has no text.
  const said = (key, fallback) => { const x = key ? texts.text(key) : key; return x && x !== key ? x : fallback ?? key; };
  if (row.problem) fact(t('problem'), said(row.problem_key, row.problem));
  if (row.mail_problems?.length) fact(t('mailProblems'), row.mail_problems.map((k) => said(k)).join(lang === 'zh' ? '；' : '; '));
  if (row.flags?.length) fact(t('col.flags'), row.flags.map((f) => t(`flag.${f}`)).join(lang === 'zh' ? '、' : ', '));
  if (row.reasons?.length) {
    fact(t('reasons'), el('ul', { class: 'ga-summary-list__values' }, ...row.reasons.map((id) => el('li', { text: `${id}: ${said(`eligibility.${id}`, id)}` }))));
  }
  if (row.attachments?.length) {
    fact(t('attachmentsHeading'), el('ul', { class: 'ga-summary-list__values' },
      ...row.attachments.map((a) => el('li', { class: `ga-org__att ga-org__att--${a.status}`, text: `${a.name}: ${t(`att.${a.status}`)}` }))));
  }
  $('review-meta').replaceChildren(facts);

  const answersBox = $('review-answers');
  if (!ctx.answers) {
    answersBox.replaceChildren(el('p', { class: 'ga-review__warning', text: ctx.problem ? t('reviewUnavailable', { detail: ctx.problem }) : t('reviewUnreadable') }));
    return;
  }
  const form = await formFor(ctx.bundle);
  const ev = form.evaluate(ctx.answers, row.received_at ?? ctx.now, lang);
  const answersPart = el('div');
  renderReview(answersPart, ctx.bundle, { texts, lang, answers: ctx.answers, ev, hrefFor: () => '#' });
  const eligibility = el('div', { id: 'review-eligibility' });
  const score = el('div', { id: 'review-score' });
  renderEligibility(eligibility, ev, texts);
  renderScore(score, ev, texts);
  answersBox.replaceChildren(answersPart,
    el('section', { class: 'ga-result', 'aria-labelledby': 'review-result-h' },
      el('h2', { id: 'review-result-h', class: 'ga-section__title', text: texts.ui('result') }), eligibility, score));
}
