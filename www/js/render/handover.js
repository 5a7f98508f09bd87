// The review's leaving part: what is wrong before the download buttons, the check's answer when
// nothing is, and the hand-over in plain text (address, subject, files, message), each with a
// Copy button, for applicants whose e-mail is webmail. The parts come from export.js handoverOf,
// the same that fill the mailto: link; this file only shows them.
import { el } from './field.js';
import { sizeText } from './filetype.js';
import { fileRecords, handoverOf, mailtoLink, splitForMail } from '../export.js';
import { MAIL_FILES_LIMIT } from '../attachments.js';

const $ = (id) => document.getElementById(id);

// The texts of the section and the current hand-over; called with every evaluation shown on
// the review. Values are set in place, so a focused Copy button keeps its focus.
export function renderHandover({ bundle, ev, texts, titles }) {
  const h = handoverOf(bundle, ev, texts, titles);
  for (const [id, key] of [['send-heading', 'sendHeading'], ['send-intro', 'sendIntro'], ['send-to-label', 'sendTo'],
    ['send-subject-label', 'sendSubject'], ['send-files-label', 'sendFiles'], ['send-body-label', 'sendBody'],
    ['copy-to', 'copyTo'], ['copy-subject', 'copySubject'], ['copy-files', 'copyFiles'], ['copy-body', 'copyBody'],
    ['mailto-hint', 'mailtoHint'], ['export-eml', 'exportEml'], ['eml-hint', 'emlHint']]) {
    $(id).textContent = texts.ui(key);
  }
  $('email').href = mailtoLink(bundle, ev, texts, titles);
  renderMailSize($('eml-size'), bundle, ev, texts);
  $('send-to').value = h.to;
  $('send-subject').value = h.subject;
  $('send-body').value = h.body;
  $('send-files').replaceChildren(...h.files.map((f) => el('li', { class: f.missing ? 'ga-send__file ga-send__file--missing' : 'ga-send__file', text: f.text })));
  renderWarning($('leave-warning'), ev, texts, h.problems);
  renderNext($('next-steps'), h.after, texts);
  // A passed check stays said only while it is true (an answer changed elsewhere can undo it).
  const status = $('check-status');
  if (h.problems) {
    status.hidden = true;
    status.textContent = '';
  } else if (!status.hidden) {
    status.textContent = texts.ui('checkPassed', { verdict: ev.eligibility.verdict_message });
  }
  wireCopy(texts);
}

// Over what one e-mail carries, the page says so and how it splits the files: the .eml takes
// the packages and the files that fit, in the form's order (downloads.js makes it by the same split),
// and the rest go in a second e-mail. Sizes are the recorded ones.
function renderMailSize(box, bundle, ev, texts) {
  const items = fileRecords(bundle, ev.submitted).map(({ record }) => ({ name: record.name, size: record.size }));
  const { first, rest, total } = splitForMail(items, MAIL_FILES_LIMIT);
  box.hidden = rest.length === 0;
  if (box.hidden) {
    box.textContent = '';
    return;
  }
  const names = (list) => list.map((f) => `“${f.name}” (${sizeText(f.size, texts.lang)})`).join(texts.ui('listSeparator'));
  box.textContent = texts.ui('emlTooBig', { total: sizeText(total, texts.lang), limit: sizeText(MAIL_FILES_LIMIT, texts.lang),
    first: first.length ? names(first) : texts.ui('emlNone'), rest: names(rest) });
}

// "Check the whole application" found nothing: say so, with the verdict, and move focus there
// (a status message a screen reader reads when focused, as the error summary is when there are
// problems). Returns false when there are problems (the caller shows the error summary).
export function announceCheck(ev, texts) {
  const status = $('check-status');
  if (ev.errors.some((e) => e.severity === 'error')) return false;
  status.textContent = texts.ui('checkPassed', { verdict: ev.eligibility.verdict_message });
  status.hidden = false;
  status.focus();
  return true;
}

// What happens after sending, as the package words it (core: after_sending): the programme's
// steps in order, then how to reach the organiser. Hidden for a form that says nothing.
function renderNext(box, after, texts) {
  const steps = after?.steps ?? [];
  box.hidden = !steps.length && !after?.contact;
  if (box.hidden) {
    box.replaceChildren();
    return;
  }
  const parts = [el('h3', { id: 'next-heading', text: texts.ui('nextHeading') })];
  if (steps.length) {
    const list = el('ol', { class: 'ga-next__steps', 'aria-labelledby': 'next-heading' });
    for (const t of steps) list.append(el('li', { text: t }));
    parts.push(list);
  }
  if (after.contact) parts.push(el('p', { class: 'ga-next__contact', text: after.contact }));
  box.replaceChildren(...parts);
}

// GOV.UK's warning text: an icon and a visually hidden "Warning", then what is wrong and how to
// get to it. Shown for problems in the answers, an ineligible verdict and a closed round; the buttons below
// keep working (a draft with problems can still be saved and sent on later).
function renderWarning(box, ev, texts, problems) {
  const ineligible = ev.eligibility.verdict === 'ineligible';
  // After the round closes nothing can be sent: the core's verdict says so, in its own words.
  const closed = ev.eligibility.verdict === 'closed';
  box.hidden = !problems && !ineligible && !closed;
  if (box.hidden) {
    box.replaceChildren();
    return;
  }
  const lines = [];
  if (problems) {
    const link = el('a', { href: '#error-summary', class: 'ga-link', text: texts.ui('problemsLink') });
    // The summary lists every problem once the whole application is checked: the same button.
    link.addEventListener('click', (e) => {
      e.preventDefault();
      $('check-all').click();
    });
    lines.push(el('p', {}, problems === 1 ? texts.ui('problemsOne') : texts.ui('problemsMany', { n: problems }), ' ', link, '.'));
  }
  if (closed) lines.push(el('p', { text: ev.eligibility.verdict_message }));
  if (ineligible) lines.push(el('p', { text: texts.ui('notEligibleWarn') }));
  lines.push(el('p', { text: texts.ui('stillSave') }));
  box.replaceChildren(
    el('span', { class: 'ga-warning__icon', 'aria-hidden': 'true', text: '!' }),
    el('div', { class: 'ga-warning__text' }, el('span', { class: 'ga-visually-hidden', text: `${texts.ui('warning')}: ` }), ...lines));
}

// The Copy buttons (wired once): the clipboard when the browser allows it; otherwise the text
// is selected for the applicant to copy with the keyboard. Either way a status says what happened.
let wired = false;
let currentTexts = null;
function wireCopy(texts) {
  currentTexts = texts;
  if (wired) return;
  wired = true;
  for (const button of document.querySelectorAll('#send [data-copy]')) {
    button.addEventListener('click', async () => {
      const target = $(button.dataset.copy);
      const text = target.tagName === 'UL' ? [...target.children].map((li) => li.textContent).join('\n') : target.value;
      const what = $(`${button.dataset.copy}-label`).textContent;
      const status = $('copy-status');
      status.textContent = '';
      try {
        if (!navigator.clipboard?.writeText) throw new Error('no clipboard');
        await navigator.clipboard.writeText(text);
        status.textContent = currentTexts.ui('copied', { what });
      } catch {
        select(target);
        status.textContent = currentTexts.ui('copyFailed', { what });
      }
    });
  }
}

function select(target) {
  if (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA') {
    target.focus();
    target.select();
    return;
  }
  const range = document.createRange();
  range.selectNodeContents(target);
  const selection = window.getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
}
