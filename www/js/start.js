// The start screen: every form package in schemas/, grouped by programme, with what it is for
// and whether it has a deadline. Reads only schemas/catalogue.json and the common texts (built by
// scripts/package-index.mjs), so it opens instantly; the form itself loads the core.
// The round's status shown here is a listing of its dates (opens / closes_before as written in
// eligibility.json, compared with this computer's clock or ?now=); the verdict an applicant
// relies on is the core's, on the form.
import { fill } from './i18n.js';
import { el } from './render/field.js';
import { rememberLanguage, rememberedLanguage } from './storage.js';
import { carriedQuery } from './links.js';

const $ = (id) => document.getElementById(id);
const params = new URLSearchParams(location.search);

// A calendar day written as the applicant reads it, in the round's own zone.
function day(isoDate, lang) {
  const [y, m, d] = isoDate.split('-').map(Number);
  return new Intl.DateTimeFormat(lang === 'zh' ? 'zh-CN' : 'en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

function roundLine(p, text, lang, now) {
  const r = p.round;
  // A programme may word its own line (the clinic publishes no deadline but has limited
  // places: "any time" would promise what its source does not).
  if (!r) {
    const own = `start.rolling.${p.form.programme}`;
    return text(own) === own ? text('start.rolling') : text(own);
  }
  const opensDay = r.opens.slice(0, 10);
  const zone = r.time_zone === 'Asia/Shanghai' ? text('start.beijing') : r.time_zone;
  const values = { opens: day(opensDay, lang), deadline: day(r.deadline, lang), time_zone: zone };
  const t = now.getTime();
  const state = t < Date.parse(r.opens) ? 'before' : t >= Date.parse(r.closes_before) ? 'closed' : 'open';
  return { state, text: fill(text(`start.window.${state}`), values) };
}

async function getJson(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json();
}

function render(index, texts, lang) {
  const text = (k) => texts[k] ?? k;
  document.documentElement.lang = lang === 'zh' ? 'zh-Hans' : 'en';
  document.title = `${text('start.title')} — greenapply`;
  $('start-title').textContent = text('start.title');
  $('start-intro').textContent = text('start.intro');
  $('lang-switch').textContent = lang === 'zh' ? 'English' : '中文';
  $('home').href = `index.html${carriedQuery(params, lang)}`;
  $('lang-switch').lang = lang === 'zh' ? 'en' : 'zh-Hans';
  const now = params.get('now') ? new Date(params.get('now')) : new Date();
  const byProgramme = new Map();
  for (const p of index.packages) {
    const id = p.form.programme;
    if (!byProgramme.has(id)) byProgramme.set(id, []);
    byProgramme.get(id).push(p);
  }
  const sections = [...byProgramme].map(([id, packages]) => {
    const headingId = `programme-${id}`;
    const list = el('ul', { class: 'ga-start__forms' });
    for (const p of packages) {
      const title = p.titles?.[lang] ?? p.titles?.en ?? p.form.id;
      const line = roundLine(p, text, lang, now);
      const status = typeof line === 'string' ? { state: 'rolling', text: line } : line;
      // ?now and ?lang go on to the form: it must show the round as this list does.
      const link = el('a', { class: 'ga-start__link', href: `index.html${carriedQuery(params, lang)}#form=${encodeURIComponent(p.path)}`, text: title });
      list.append(el('li', { class: 'ga-start__form' },
        el('h3', { class: 'ga-start__form-title' }, link),
        el('p', { class: 'ga-summary', text: p.summaries?.[lang] ?? p.summaries?.en ?? '' }),
        el('p', { class: `ga-start__status ga-start__status--${status.state}`, text: status.text })));
    }
    return el('section', { class: 'ga-start__programme', 'aria-labelledby': headingId },
      el('h2', { id: headingId, class: 'ga-section__title', text: text(`programme.${id}.title`) }),
      el('p', { class: 'ga-summary', text: text(`programme.${id}.summary`) }), list);
  });
  $('programmes').replaceChildren(...sections);
  $('organiser-link').textContent = text('start.organiser');
  $('organiser-link').href = `organiser.html${carriedQuery(params, lang)}`;
  $('organiser-hint').textContent = text('start.organiser_hint');
}

async function boot() {
  let lang = params.get('lang') ?? rememberedLanguage() ?? (navigator.language?.startsWith('zh') ? 'zh' : 'en');
  if (lang !== 'zh') lang = 'en';
  // One language's common texts at a time, as the form page does; the other on the first switch.
  const common = {};
  const textsOf = async (l) => { common[l] ??= await getJson(`schemas/common/texts.${l}.json`); return common[l]; };
  const [index] = await Promise.all([getJson('schemas/catalogue.json'), textsOf(lang)]);
  render(index, common[lang], lang);
  $('lang-switch').addEventListener('click', async () => {
    const next = lang === 'zh' ? 'en' : 'zh';
    const status = $('start-status');
    try {
      await textsOf(next);
    } catch (error) {
      // Offline before the first switch: the list stays as it is, in its language, and says why
      // in both (the other language's texts are what could not be fetched).
      if (next === 'zh') status.textContent = `The Chinese texts could not be loaded (${error.message}). Check your connection and try again. / 无法加载中文文本，请检查网络后重试。`;
      else status.textContent = `The English texts could not be loaded (${error.message}). Check your connection and try again. / 无法加载英文文本，请检查网络后重试。`;
      status.hidden = false;
      return;
    }
    status.hidden = true;
    lang = next;
    rememberLanguage(lang);
    render(index, common[lang], lang);
  });
  $('loading').hidden = true;
  $('start').hidden = false;
  document.body.dataset.ready = '1';
}

boot().catch((error) => {
  $('loading').hidden = true;
  $('fatal').hidden = false;
  $('fatal').textContent = `The list of forms could not be loaded (${error.message}). Reload the page to try again. / 表单列表无法加载，请刷新页面重试。`;
});
