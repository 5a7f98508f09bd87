// The live self-assessment: eligibility verdict with reasons, a bar chart of the dimensions
// (plain SVG), total and band, and the advice that would add most. All numbers come from the
// core's evaluation; this file only draws them.
import { el } from './field.js';

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

export function renderEligibility(container, ev, texts) {
  const e = ev.eligibility;
  container.replaceChildren(
    el('h3', { text: texts.ui('eligibility') }),
    el('p', { class: `ga-verdict ga-verdict--${e.verdict}`, text: e.verdict_message }));
  if (e.reasons.length) {
    const ul = el('ul', { class: 'ga-reasons' });
    for (const r of e.reasons) ul.append(el('li', { class: `ga-reason ga-reason--${r.severity}`, text: r.message }));
    container.append(ul);
  }
}

export function renderScore(container, ev, texts) {
  const s = ev.score;
  if (!s) {
    container.replaceChildren(el('p', { text: texts.ui('noScore') }));
    return;
  }
  // Each dimension's title on its own line above its bar, so long titles (and Chinese ones)
  // never run into the bar, whatever the package calls its dimensions.
  const width = 300, row = 34, bar = width - 66;
  const chart = svg('svg', { viewBox: `0 0 ${width} ${s.dimensions.length * row + 4}`, role: 'img', class: 'ga-chart',
    'aria-label': s.dimensions.map((d) => `${d.title} ${d.score}/${d.weight}`).join(', ') });
  s.dimensions.forEach((d, i) => {
    const y = i * row + 2;
    const text = svg('text', { x: 0, y: y + 11, class: 'ga-chart__label' });
    text.textContent = d.title;
    const full = svg('rect', { x: 0, y: y + 15, width: bar, height: 12, class: 'ga-chart__track' });
    const part = svg('rect', { x: 0, y: y + 15, width: Math.max(0, bar * (d.weight ? d.score / d.weight : 0)), height: 12,
      class: d.needs_work ? 'ga-chart__bar ga-chart__bar--weak' : 'ga-chart__bar' });
    const value = svg('text', { x: width - 60, y: y + 26, class: 'ga-chart__value' });
    value.textContent = `${d.score}/${d.weight}`;
    chart.append(text, full, part, value);
  });
  const total = el('p', { class: 'ga-total' },
    el('span', { class: 'ga-total__number', text: String(s.total) }),
    el('span', { class: 'ga-total__band', text: ` ${texts.ui('band')} ${s.band_label || s.band}` }));
  const parts = [el('h3', { text: texts.ui('total') }), total, chart];
  if (s.advice.length) {
    const list = el('ol', { class: 'ga-advice' });
    for (const a of s.advice.slice(0, 5)) list.append(el('li', { text: `+${a.gain} — ${a.message}` }));
    parts.push(el('h3', { text: texts.ui('advice') }), list);
  }
  container.replaceChildren(...parts);
}

// Opening, closing and time left, in Beijing time and in the applicant's own time zone.
export function renderRound(container, ev, texts, lang) {
  const e = ev.eligibility;
  const parts = [el('p', { class: `ga-round__status ga-round__status--${e.window}`, text: e.window_message })];
  if (e.round && e.window !== 'rolling') {
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    const fmt = (iso, tz) => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeStyle: 'short', timeZone: tz }).format(new Date(iso));
    const closes = e.round.closes_before;
    parts.push(el('p', { class: 'ga-hint', text: `${texts.ui('inZone', { time: fmt(closes, 'Asia/Shanghai'), zone: texts.ui('beijing') })} · ${texts.ui('inZone', { time: fmt(closes, undefined), zone: texts.ui('local') })}` }));
    if (e.window === 'open') {
      const days = Math.floor(e.seconds_to_close / 86400), hours = Math.floor((e.seconds_to_close % 86400) / 3600);
      parts.push(el('p', { class: 'ga-hint', text: texts.ui('timeLeft', { days, hours }) }));
    }
  }
  container.replaceChildren(...parts);
}
