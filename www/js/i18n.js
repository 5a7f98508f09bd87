// Page texts (the chrome around a form) in both languages, and lookup of a package's texts by
// the key conventions of schemas/README.md. Text is only ever placed with textContent.

// "{name}" placeholders filled from params; one unknown stays as written (visible, not lost).
export const fill = (text, params = {}) => text.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));

// The English table is part of the page; the Chinese one (ui-zh.js) is fetched when needed.
const UI = {
  en: {
    form: 'Form', loading: 'Loading the form…', tasks: 'Sections', score: 'Self-assessment', leave: 'Check and send',
    check: 'Check the whole application', exportJson: 'Download application (JSON)', exportXml: 'Download application (XML)',
    exportDraft: 'Save draft to a file', importDraft: 'Open a draft file', print: 'Print or save as PDF', email: 'Prepare the e-mail',
    discard: 'Discard this draft', discardConfirm: 'Discard every answer of this draft? This cannot be undone.',
    leaveNote: 'Nothing is sent anywhere: your answers stay in this browser until you download them and e-mail the files yourself.',
    errorTitle: 'There is a problem', continue: 'Continue', addItem: 'Add', removeItem: 'Remove',
    saved: 'Draft saved at', notSaved: 'Your browser does not let this page save drafts: download your draft to keep it.',
    complete: 'Complete', incomplete: 'Not complete yet', hiddenSection: 'Not needed', total: 'Total', band: 'Band',
    advice: 'What would raise your score most', eligibility: 'Eligibility', noScore: 'No self-score for this form.',
    chars: 'characters', yes: 'Yes', no: 'No', choose: 'Choose…', fileHint: 'The file is kept in this browser with your draft and goes into the e-mail below; it is not uploaded anywhere.',
    closesIn: 'Time left', beijing: 'Beijing time', local: 'your time',
    restored: 'Your draft was restored.',
    computed: 'Calculated', days: 'days', hours: 'hours', needsWork: 'needs work',
    // Hand-over, eligibility panel and deadline box (issue #13 points 4, 8 and the e-mail of 9):
    // render/handover.js, render/panel.js, export.js.
    sendHeading: 'Send your application',
    sendIntro: 'Nothing is sent from this page. Write an e-mail from your own account (webmail works too): copy each part below into it and attach the files.',
    sendTo: 'Send to', sendSubject: 'Subject', sendFiles: 'Files to attach', sendBody: 'Message',
    copyTo: 'Copy the address', copySubject: 'Copy the subject', copyFiles: 'Copy the file names', copyBody: 'Copy the message',
    copied: 'Copied: {what}.',
    copyFailed: 'This browser did not let the page copy. {what} is selected: press Ctrl+C (⌘C on a Mac) to copy it.',
    fileProvided: '{name}: {file}', fileMissing: '{name}: missing (required)',
    mailtoHint: 'If this computer has an e-mail program, this opens a new message with all of the above filled in; attach the files yourself.',
    warning: 'Warning',
    problemsOne: 'This application has 1 problem — the organiser will see it. Fix it first:',
    problemsMany: 'This application has {n} problems — the organiser will see them. Fix them first:',
    problemsLink: 'see the problems',
    notEligibleWarn: 'On these answers the application is not eligible: see “Why you cannot apply yet” under “Your result”.',
    stillSave: 'You can still download it to keep it.',
    checkPassed: 'No problems found: the application is complete. {verdict}',
    notReadyOne: 'Not ready to send: 1 problem to fix.', notReadyMany: 'Not ready to send: {n} problems to fix.',
    readyToSend: 'No problems in the answers.',
    blockingHeading: 'Why you cannot apply yet', warnHeading: 'Points the reviewers will look at',
    // wordSpace: between the word and the reason (none after a full-width colon).
    blockingWord: 'Blocks:', warnWord: 'Note:', wordSpace: ' ',
    closesAt: 'Closes {time} ({zone}).', yourTime: 'In your time zone ({zone}): {time}.',
    timeLeft: 'Time left: {days} days {hours} hours.',
    mailApplicant: 'Applicant: {name}', mailEligibility: 'Eligibility: {verdict}',
    mailErrorsNone: 'Errors: none — complete', mailErrors: 'Errors: {n} — not ready',
    mailScore: 'Self-score: {total} ({band})', mailFiles: 'Files attached:',
    // Beside the total, an indicator the programme does not evaluate (core: score.indicators),
    // and what happens after sending (core: after_sending), on the last step and in the e-mail.
    indicator: '{title}: {score} of 100', mailIndicator: '{title}: {score} of 100 ({note})',
    nextHeading: 'What happens next', mailNext: 'What happens next:', mailContact: 'Contact: {contact}',
    // Drafts, storage and loading problems (notices.js). {name} is filled by the page.
    dismiss: 'Dismiss this message',
    notSavedHeld: 'Not saved yet: first choose what to do with the stored draft (see the message above the form).',
    notSavedFull: 'Not saved: see the message above the form.',
    // The same draft in two tabs (tabs.js, main.js fromOtherTab).
    notSavedOtherTab: 'Not saved: this draft was also changed in another tab. Choose which answers to keep (see the message above the form).',
    otherTabMergedTitle: 'Answers from your other tab were added here',
    otherTabMerged: 'This draft is also open in another tab or window. What you changed there is now shown here too, and nothing you typed in this tab was lost. Changed there:',
    otherTabConflictTitle: 'This draft was changed in another tab too',
    otherTabConflict: 'These questions have different answers in this tab and in your other tab. This tab shows its own answers and saves nothing until you choose. You can save this tab’s answers to a file first.',
    otherTabDiscardedTitle: 'This draft was discarded in another tab',
    otherTabDiscarded: 'Your answers are still here in this tab, but they are no longer saved in this browser. Keep them to save them again, or discard them here too.',
    keepThisTab: 'Keep this tab’s answers', useOtherTab: 'Use the other tab’s answers', discardHereToo: 'Discard here too',
    heldCorruptTitle: 'The draft stored in this browser could not be read',
    heldTooLargeTitle: 'The draft stored in this browser is too large to open',
    heldForeignTitle: 'The draft stored for this form belongs to another form',
    heldTooLargeBody: 'It holds {size}; this page opens drafts of up to {limit}.',
    heldForeignBody: 'It was made with the form “{form}”, so its answers cannot be used here.',
    heldBody: 'The form below starts as a new draft. Nothing you type is saved in this browser until you choose what happens to the stored draft. Download it first if you may need it.',
    heldDownload: 'Download the stored draft', heldAside: 'Keep it in this browser and start afresh', heldDelete: 'Delete it and start afresh',
    heldDeleteConfirm: 'Delete the stored draft? Download it first if you may need it. This cannot be undone.',
    heldAsideFailed: 'It could not be kept in this browser: the storage is full or blocked. Download it, then delete it.',
    asidesTitle: 'Earlier drafts kept in this browser',
    asidesBody: 'A stored draft this page could not open was put aside here. Download it if you need it, or delete it to free space.',
    asideDownload: 'Download the draft put aside on {date}', asidesDelete: 'Delete the drafts put aside',
    asidesDeleteConfirm: 'Delete every draft put aside for this form? This cannot be undone.',
    droppedTitle: 'Some answers could not be carried over',
    droppedBody: 'Your draft was made with version {from} of this form. This is version {to}, which no longer asks for the answers below, so they were taken out. Download them to keep a copy.',
    droppedBodySame: 'This form does not ask for the answers below, so they were taken out. Download them to keep a copy.',
    droppedDownload: 'Download the answers that were taken out',
    storageOffTitle: 'Your answers are not being saved',
    storageOffBody: 'This browser does not let the page keep drafts (this happens in some private windows, or when site data is blocked). You can still fill in the whole form, but everything is lost when this page closes unless you save the draft to a file. Next time, continue with “Open a draft file”.',
    storageFullTitle: 'Your latest changes are not being saved',
    storageFullBody: 'This browser’s storage for the page is full, so the draft could not be saved again. Your answers are still here: save the draft to a file now. Saving starts again by itself once there is room.',
    draftTooBigTitle: 'Your draft is too large to save in this browser',
    draftTooBigBody: 'It has grown beyond {limit}. Your answers are still here: save the draft to a file to keep them.',
    importFailedTitle: 'That file was not opened',
    importTooLarge: '“{file}” is larger than {limit}, far more than any draft. Nothing was changed.',
    importBinary: '“{file}” is not a text file, so it is not a draft. Nothing was changed.',
    importNotJson: '“{file}” is not a draft saved by this page (it is not JSON). Nothing was changed.',
    importNotDraft: '“{file}” is JSON, but not a draft or an application saved by this page. Nothing was changed.',
    importOtherForm: '“{file}” is a draft of another form (“{form}”). Choose that form at the top of the page, then open the file again. Nothing was changed.',
    loadFailedTitle: 'The form “{form}” could not be opened',
    loadMissing: 'One of its files could not be fetched ({detail}). The site may be incomplete or being updated.',
    loadNotJson: 'One of its files is damaged: it is not valid JSON.',
    loadRefused: 'The form engine refused it: the form package is not valid.',
    loadOther: 'It could not be loaded.',
    loadKeepCurrent: 'You can carry on with the form you have open, or choose another one.',
    languageFailedZh: 'The Chinese version of this form could not be loaded',
    languageFailedEn: 'The English version of this form could not be loaded',
    languageFailedBody: 'The page stays in the language it shows now and your answers are kept. Check your connection and try again.',
    matchLoadFailed: 'The matching panel could not be loaded ({detail}). The form itself keeps working; check your connection and edit any answer to try again.',
    reviewLoadFailed: 'This page could not be loaded ({detail}). Your answers are kept in this browser; check your connection, then go back a step and return here to try again.',
    loadDraftSafe: 'Your drafts are not affected: they stay in this browser.',
    loadChoose: 'Choose another form:', loadNoOther: 'There is no other form to choose. Try again later, or tell the organiser.',
    openForm: 'Open “{form}”', tryAgain: 'Try again',
    indexFailedTitle: 'The list of forms could not be loaded',
    indexFailedBody: 'The page could not fetch the forms it offers. Check your connection and try again; if it keeps happening, tell the organiser.',
    tagsHint: 'Separate entries with commas.',
    // Messages in the applicant's words (issue 13, point 6 and 9; render/field.js, summary.js):
    // text counters against the schema's limits, country lists, file checks, and punctuation
    // that differs by language (an error link, a list, "Add: …", a time zone in brackets).
    limitsBoth: 'at least {min}, at most {max}', limitsMin: 'at least {min}', limitsMax: 'at most {max}',
    countPlain: '{count} characters', countEmpty: '{count} characters — {limits}',
    countNeed: '{count} characters — {need} more needed ({limits})', countOk: '{count} characters ({limits})',
    countOver: '{count} characters — {over} too many ({limits})',
    countryOption: '{name} ({code})', countriesFilter: 'Find a country or region by name',
    countriesChosen: 'Chosen: {list}', countriesNone: 'None chosen yet.', listSeparator: ', ', orSeparator: ' or ',
    fileKinds: 'Accepted: {kinds}.', fileKindsMax: 'Accepted: {kinds}, up to {limit}.',
    fileTooLarge: '“{file}” was not recorded: it is {size}, more than the {limit} this form accepts. Choose a smaller file.',
    fileWrongKind: '“{file}” was not recorded: it is not {kinds} (the file’s content was checked, not only its name). Choose another file.',
    'kind.pdf': 'a PDF file', 'kind.docx': 'a Word document (.docx)', 'kind.xlsx': 'an Excel workbook (.xlsx)',
    'kind.pptx': 'a PowerPoint presentation (.pptx)', 'kind.jpeg': 'a JPEG image', 'kind.png': 'a PNG image',
    'kind.gif': 'a GIF image', 'kind.webp': 'a WebP image', 'kind.svg': 'an SVG image',
    // Attachments kept in the browser and the e-mail file (render/file.js, attachments.js, handover.js; issue #15).
    fileMax: 'Up to {limit}.', fileKept: 'Kept in this browser with your draft.', fileKeeping: 'Keeping the file in this browser…',
    fileNotKeptFull: 'Recorded, but this browser’s storage is full, so the file itself is not kept: after a reload choose it again, or attach it to your e-mail yourself.',
    fileNotKeptOff: 'Recorded, but this browser does not let the page keep files (private browsing?): after a reload choose it again, or attach it to your e-mail yourself.',
    fileNotKeptHere: 'Recorded, but the file itself is not in this browser (another computer, or storage was cleared): choose it again to put it into the e-mail, or attach it yourself.',
    fileRemove: 'Remove', fileRemoveNamed: 'Remove {file}',
    exportEml: 'Download the e-mail (.eml)',
    emlHint: 'A message file for Outlook, Thunderbird or Apple Mail: it opens as a draft to the organiser with the subject, a message in English and Chinese, both application files and the files you attached. Check it and press Send. With webmail, use the parts below instead.',
    emlMaking: 'Making the e-mail…', emlDone: 'Downloaded {file}, with {n} of your files attached.',
    emlMissing: 'Not in it, because this browser does not have the file: {list}. Attach it yourself, or choose it again in its step.',
    exportFailed: 'The file could not be made: {reason} Your answers are kept in this browser; try again, or save the draft to a file.',
    emlFailed: 'The e-mail could not be made: {reason} Use the parts below instead.',
    emlTooBig: 'Your files come to {total}. One e-mail carries at most {limit} of files (about 25 MB as sent: what Gmail, Outlook.com and most mail servers accept). The e-mail holds both application files and {first}; send {rest} in a second e-mail with the same subject. The first message lists them.',
    emlNone: 'no attached file',
    errorLink: '{label}: {message}', addItemFor: 'Add: {label}', inZone: '{time} ({zone})',
    skipLink: 'Skip to the form',
    // Steps, task list and review (render/steps.js, tasks.js, review.js).
    back: 'Back', stepOf: 'Step {n} of {total}', checkAnswers: 'Check your answers',
    checkAnswersIntro: 'Check every answer before you download the application. Your eligibility and self-score are at the end of this page.',
    change: 'Change', answer: 'Answer', notAnswered: 'Not answered', confirmed: 'Confirmed', notConfirmed: 'Not confirmed', noAnswers: 'No answers in this section yet.',
    notStarted: 'Not started', inProgress: 'In progress', hasErrors: 'Has errors', completed: 'Completed', notNeeded: 'Not needed',
    draft: 'Your draft', result: 'Your result', currency: 'CNY', errorPrefix: 'Error:', fieldsFilled: '{filled} of {fields} answered',
    reviewErrors: 'Some answers need attention: use “Check the whole application” to list them.',
    // A repeat group's item: its heading on the step and in the review, and the words a review
    // link's hidden text adds so that every "Change" link has its own name.
    itemN: 'Item {n}', itemOfGroup: 'item {n} of {group}',
    // The sections list on a narrow screen: a disclosure above the step (render/tasks.js, issue #13 point 1).
    tasksToggle: 'Sections ({done} of {total} completed)',
  },
};

// Makes the page's own texts of a language available (Chinese: one fetch, once). If they cannot
// be fetched, the page's chrome falls back to English (Texts.ui), and the caller decides what to
// tell the applicant; the form's own texts come from the package either way.
export async function loadUiTexts(lang) {
  if (lang === 'zh' && !UI.zh) UI.zh = (await import('./ui-zh.js')).default;
}


export class Texts {
  // textLists: { field pointer: prefix } of the fields whose options a shared list labels (the
  // core's schema facts, greenapply/form.hpp schema_facts); {} where there is no form.
  constructor(bundle, lang, textLists = {}) {
    this.lang = lang;
    this.textLists = textLists;
    this.pkg = bundle.i18n?.[lang] ?? {};
    this.pkgEn = bundle.i18n?.en ?? {};
    this.common = bundle.common_i18n?.[lang] ?? {};
    this.commonEn = bundle.common_i18n?.en ?? {};
  }
  // A page text, with {name} placeholders filled from params.
  ui(key, params) {
    const text = UI[this.lang]?.[key] ?? UI.en[key] ?? key;
    return params ? fill(text, params) : text;
  }
  has(key) { return key in this.pkg || key in this.pkgEn; }
  // An error as the summary lists it: the field's label, then the message. A label that ends
  // in its own punctuation (a declaration's sentence, a question) loses it first, so no
  // "…accurate.: Please answer" — and each language has its own colon (errorLink).
  errorLink(label, message) {
    const bare = label.replace(/[\s.。:：?？!！;；,，]+$/u, '');
    return bare ? this.ui('errorLink', { label: bare, message }) : message;
  }
  // A package text, falling back to English, then to the key (visible, and lint reports it).
  text(key) { return this.pkg[key] ?? this.pkgEn[key] ?? this.common[key] ?? key; }
  // "/team/core_team/*/name" → "team.core_team.name"
  static keyOf(pointer) {
    return pointer.split('/').slice(1).filter((t) => t !== '*' && !/^\d+$/.test(t)).join('.');
  }
  label(pointer) { return this.text(`${Texts.keyOf(pointer)}.label`); }
  help(pointer) { const k = `${Texts.keyOf(pointer)}.help`; return this.has(k) ? this.text(k) : ''; }
  option(pointer, value) {
    const k = `${Texts.keyOf(pointer)}.option.${value}`;
    if (this.has(k)) return this.text(k);
    const prefix = this.listPrefix(pointer);
    return prefix ? this.shared(`${prefix}.${value}`) : String(value);
  }
  // The common-text prefix of a field whose options are a shared list's (the technology
  // taxonomy's "group.item" codes, labelled "<prefix>.<code>"), or undefined.
  listPrefix(pointer) { return this.textLists[pointer.replace(/\/\d+(?=\/|$)/g, '/*')]; }
  // A common text (shared lists such as the taxonomy), falling back to English, then the key.
  shared(key) { return this.common[key] ?? this.commonEn[key] ?? key; }
}
