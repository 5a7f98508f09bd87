// Page texts (the chrome around a form) in both languages, and lookup of a package's texts by
// the key conventions of schemas/README.md. Text is only ever placed with textContent.
import { resolveSchema, schemaAt } from './pointer.js';

const UI = {
  en: {
    form: 'Form', loading: 'Loading the form…', tasks: 'Sections', score: 'Self-assessment', leave: 'Check and send',
    check: 'Check the whole application', exportJson: 'Download application (JSON)', exportXml: 'Download application (XML)',
    exportDraft: 'Save draft to a file', importDraft: 'Open a draft file', print: 'Print or save as PDF', email: 'Prepare the e-mail',
    discard: 'Discard this draft', discardConfirm: 'Discard every answer of this draft? This cannot be undone.',
    leaveNote: 'Nothing is sent anywhere: your answers stay in this browser until you download them and e-mail the files yourself.',
    errorTitle: 'There is a problem', continue: 'Continue', addItem: 'Add', removeItem: 'Remove', item: 'Item',
    saved: 'Draft saved at', notSaved: 'Your browser does not let this page save drafts: download your draft to keep it.',
    complete: 'Complete', incomplete: 'Not complete yet', hiddenSection: 'Not needed', total: 'Total', band: 'Band',
    advice: 'What would raise your score most', eligibility: 'Eligibility', noScore: 'No self-score for this form.',
    chars: 'characters', yes: 'Yes', no: 'No', choose: 'Choose…', fileHint: 'Only the name, size and SHA-256 fingerprint are recorded; the file itself stays on your computer.',
    closesIn: 'Time left', beijing: 'Beijing time', local: 'your time', dropped: 'Answers from an older version of this form could not be kept:',
    restored: 'Your draft was restored.', badDraft: 'The saved draft could not be read. Download it below before you continue.',
    computed: 'Calculated', days: 'days', hours: 'hours', needsWork: 'needs work',
    tagsHint: 'Separate entries with commas.',
  },
  zh: {
    form: '表单', loading: '正在加载表单…', tasks: '章节', score: '自评', leave: '核对并提交',
    check: '检查整份申报表', exportJson: '下载申报材料（JSON）', exportXml: '下载申报材料（XML）',
    exportDraft: '将草稿保存为文件', importDraft: '打开草稿文件', print: '打印或另存为PDF', email: '生成邮件',
    discard: '放弃此草稿', discardConfirm: '确定放弃此草稿中的全部答案？此操作无法撤销。',
    leaveNote: '本页面不会发送任何数据：您的答案仅保存在本浏览器中，直到您下载文件并自行通过邮件发送。',
    errorTitle: '存在以下问题', continue: '继续', addItem: '添加', removeItem: '删除', item: '第',
    saved: '草稿已保存于', notSaved: '您的浏览器不允许本页面保存草稿：请下载草稿文件以免丢失。',
    complete: '已完成', incomplete: '尚未完成', hiddenSection: '无需填写', total: '总分', band: '等级',
    advice: '最能提升得分的建议', eligibility: '申报资格', noScore: '本表单不含自评。',
    chars: '字', yes: '是', no: '否', choose: '请选择…', fileHint: '仅记录文件名、大小和SHA-256指纹，文件本身保留在您的电脑上。',
    closesIn: '剩余时间', beijing: '北京时间', local: '您的当地时间', dropped: '旧版表单中的以下答案无法保留：',
    restored: '已恢复您的草稿。', badDraft: '无法读取已保存的草稿。请先在下方下载，再继续填写。',
    computed: '自动计算', days: '天', hours: '小时', needsWork: '待加强',
    tagsHint: '多个条目请用逗号或顿号分隔。',
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
  ui(key) { return UI[this.lang][key] ?? UI.en[key] ?? key; }
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
