// Page texts (the chrome around a form) in both languages, and lookup of a package's texts by
// the key conventions of schemas/README.md. Text is only ever placed with textContent.
import { resolveSchema, schemaAt } from './pointer.js';

// "{name}" placeholders filled from params; one unknown stays as written (visible, not lost).
export const fill = (text, params = {}) => text.replace(/\{(\w+)\}/g, (m, k) => (k in params ? String(params[k]) : m));

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
    chars: 'characters', yes: 'Yes', no: 'No', choose: 'Choose…', fileHint: 'Only the name, size and SHA-256 fingerprint are recorded; the file itself stays on your computer.',
    closesIn: 'Time left', beijing: 'Beijing time', local: 'your time',
    restored: 'Your draft was restored.',
    computed: 'Calculated', days: 'days', hours: 'hours', needsWork: 'needs work',
    // Drafts, storage and loading problems (notices.js). {name} is filled by the page.
    dismiss: 'Dismiss this message',
    notSavedHeld: 'Not saved yet: first choose what to do with the stored draft (see the message above the form).',
    notSavedFull: 'Not saved: see the message above the form.',
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
    loadDraftSafe: 'Your drafts are not affected: they stay in this browser.',
    loadChoose: 'Choose another form:', loadNoOther: 'There is no other form to choose. Try again later, or tell the organiser.',
    openForm: 'Open “{form}”', tryAgain: 'Try again',
    indexFailedTitle: 'The list of forms could not be loaded',
    indexFailedBody: 'The page could not fetch the forms it offers. Check your connection and try again; if it keeps happening, tell the organiser.',
    tagsHint: 'Separate entries with commas.',
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
  },
  zh: {
    form: '表单', loading: '正在加载表单…', tasks: '章节', score: '自评', leave: '核对并提交',
    check: '检查整份申报表', exportJson: '下载申报材料（JSON）', exportXml: '下载申报材料（XML）',
    exportDraft: '将草稿保存为文件', importDraft: '打开草稿文件', print: '打印或另存为PDF', email: '生成邮件',
    discard: '放弃此草稿', discardConfirm: '确定放弃此草稿中的全部答案？此操作无法撤销。',
    leaveNote: '本页面不会发送任何数据：您的答案仅保存在本浏览器中，直到您下载文件并自行通过邮件发送。',
    errorTitle: '存在以下问题', continue: '继续', addItem: '添加', removeItem: '删除',
    saved: '草稿已保存于', notSaved: '您的浏览器不允许本页面保存草稿：请下载草稿文件以免丢失。',
    complete: '已完成', incomplete: '尚未完成', hiddenSection: '无需填写', total: '总分', band: '等级',
    advice: '最能提升得分的建议', eligibility: '申报资格', noScore: '本表单不含自评。',
    chars: '字', yes: '是', no: '否', choose: '请选择…', fileHint: '仅记录文件名、大小和SHA-256指纹，文件本身保留在您的电脑上。',
    closesIn: '剩余时间', beijing: '北京时间', local: '您的当地时间',
    restored: '已恢复您的草稿。',
    computed: '自动计算', days: '天', hours: '小时', needsWork: '待加强',
    dismiss: '关闭此提示',
    notSavedHeld: '尚未保存：请先决定如何处理已保存的草稿（见表单上方的提示）。',
    notSavedFull: '未保存：请查看表单上方的提示。',
    heldCorruptTitle: '无法读取本浏览器中保存的草稿',
    heldTooLargeTitle: '本浏览器中保存的草稿过大，无法打开',
    heldForeignTitle: '此处保存的草稿属于另一份表单',
    heldTooLargeBody: '该草稿共有{size}，本页面最多只能打开{limit}的草稿。',
    heldForeignBody: '该草稿是用表单“{form}”填写的，其答案无法用于本表单。',
    heldBody: '下方表单作为新草稿从头开始。在您决定如何处理已保存的草稿之前，您填写的内容不会保存在本浏览器中。如果以后可能还用得到，请先下载。',
    heldDownload: '下载已保存的草稿', heldAside: '在本浏览器中另存并重新开始', heldDelete: '删除并重新开始',
    heldDeleteConfirm: '确定删除已保存的草稿？如果以后可能还用得到，请先下载。此操作无法撤销。',
    heldAsideFailed: '无法在本浏览器中另存：存储空间已满或被禁用。请先下载，再删除。',
    asidesTitle: '本浏览器中另存的早先草稿',
    asidesBody: '本页面无法打开的草稿已另存在这里。如有需要请下载，或将其删除以释放空间。',
    asideDownload: '下载{date}另存的草稿', asidesDelete: '删除另存的草稿',
    asidesDeleteConfirm: '确定删除本表单另存的全部草稿？此操作无法撤销。',
    droppedTitle: '部分答案无法沿用',
    droppedBody: '您的草稿是用本表单{from}版填写的，当前为{to}版，已不再包含下列问题，相应答案已被移出。如需留存，请下载。',
    droppedBodySame: '本表单不包含下列问题，相应答案已被移出。如需留存，请下载。',
    droppedDownload: '下载被移出的答案',
    storageOffTitle: '您的答案未被保存',
    storageOffBody: '本浏览器不允许本页面保存草稿（部分无痕窗口或禁用网站数据时会出现这种情况）。您仍可填写整份表单，但页面关闭后所有内容都会丢失，除非将草稿保存为文件。下次可通过“打开草稿文件”继续填写。',
    storageFullTitle: '您最近的修改未被保存',
    storageFullBody: '本浏览器为本页面提供的存储空间已满，草稿无法再次保存。您的答案仍在页面中，请立即将草稿保存为文件。有了空间后会自动恢复保存。',
    draftTooBigTitle: '草稿过大，无法保存在本浏览器中',
    draftTooBigBody: '草稿已超过{limit}。您的答案仍在页面中，请将草稿保存为文件。',
    importFailedTitle: '未打开该文件',
    importTooLarge: '“{file}”超过{limit}，远大于任何草稿。页面内容没有任何改动。',
    importBinary: '“{file}”不是文本文件，因此不是草稿。页面内容没有任何改动。',
    importNotJson: '“{file}”不是本页面保存的草稿（不是JSON格式）。页面内容没有任何改动。',
    importNotDraft: '“{file}”是JSON文件，但不是本页面保存的草稿或申报材料。页面内容没有任何改动。',
    importOtherForm: '“{file}”是另一份表单（“{form}”）的草稿。请先在页面顶部选择该表单，再打开此文件。页面内容没有任何改动。',
    loadFailedTitle: '无法打开表单“{form}”',
    loadMissing: '其中一个文件无法获取（{detail}）。网站可能不完整或正在更新。',
    loadNotJson: '其中一个文件已损坏：不是有效的JSON。',
    loadRefused: '表单引擎拒绝加载：该表单包无效。',
    loadOther: '无法加载。',
    loadKeepCurrent: '您可以继续填写当前打开的表单，或选择其他表单。',
    languageFailedZh: '无法加载本表单的中文版本',
    languageFailedEn: '无法加载本表单的英文版本',
    languageFailedBody: '页面保持当前语言，您的答案不会丢失。请检查网络后重试。',
    matchLoadFailed: '匹配面板无法加载（{detail}）。表单本身不受影响；请检查网络，修改任一答案即可重试。',
    loadDraftSafe: '您的草稿不受影响，仍保存在本浏览器中。',
    loadChoose: '请选择其他表单：', loadNoOther: '没有其他表单可选。请稍后重试，或告知主办方。',
    openForm: '打开“{form}”', tryAgain: '重试',
    indexFailedTitle: '无法加载表单列表',
    indexFailedBody: '本页面无法获取可供填写的表单。请检查网络后重试；如果问题反复出现，请告知主办方。',
    tagsHint: '多个条目请用逗号或顿号分隔。',
    // Steps, task list and review (render/steps.js, tasks.js, review.js).
    back: '返回', stepOf: '第 {n} 步，共 {total} 步', checkAnswers: '核对您的答案',
    checkAnswersIntro: '下载申报材料前，请逐项核对您的答案。申报资格和自评得分列在本页末尾。',
    change: '修改', answer: '填写', notAnswered: '未填写', confirmed: '已确认', notConfirmed: '未确认', noAnswers: '本节尚未填写。',
    notStarted: '未开始', inProgress: '填写中', hasErrors: '有错误', completed: '已完成', notNeeded: '无需填写',
    draft: '您的草稿', result: '评估结果', currency: '元', errorPrefix: '错误：', fieldsFilled: '已填 {filled} / {fields} 项',
    reviewErrors: '部分答案需要修改：点击“检查整份申报表”查看完整列表。',
    itemN: '第{n}项', itemOfGroup: '{group}第{n}项',
  },
};

export class Texts {
  constructor(bundle, lang) {
    this.lang = lang;
    this.pkg = bundle.i18n?.[lang] ?? {};
    this.pkgEn = bundle.i18n?.en ?? {};
    this.common = bundle.common_i18n?.[lang] ?? {};
    this.commonEn = bundle.common_i18n?.en ?? {};
    this.schema = bundle.data_schema ?? {};
  }
  // A page text, with {name} placeholders filled from params.
  ui(key, params) {
    const text = UI[this.lang][key] ?? UI.en[key] ?? key;
    return params ? fill(text, params) : text;
  }
  has(key) { return key in this.pkg || key in this.pkgEn; }
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
    const prefix = Texts.sharedPrefix(this.schema, pointer);
    return prefix ? this.shared(`${prefix}.${value}`) : String(value);
  }
  // A common text (shared lists such as the taxonomy), falling back to English, then the key.
  shared(key) { return this.common[key] ?? this.commonEn[key] ?? key; }
  // Options of a shared list (the technology taxonomy) are labelled by common texts
  // "<prefix>.<value>", named by the list's "x-greenapply-texts" (the core's lint checks them).
  static sharedPrefix(schema, pointer) {
    let s = resolveSchema(schema, schemaAt(schema, pointer));
    if (s?.type === 'array' && s.items) s = resolveSchema(schema, s.items);
    return typeof s?.['x-greenapply-texts'] === 'string' ? s['x-greenapply-texts'] : null;
  }
}
