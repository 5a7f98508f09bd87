// The live self-assessment: eligibility verdict with reasons, a bar chart of the dimensions
// (plain SVG), total and band, and the advice that would add most. All numbers come from the
// core's evaluation; this file only draws them.
import { el } from './field.js';
import { problemCount } from '../export.js';
import { fill } from '../i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
function svg(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

// The verdict, then whether the answers are complete (the core's verdict is about the rules of
// eligibility only: "Eligible" beside 3 wrong answers must not read as ready), then the reasons
// in two lists told apart by their headings and a word on each line, not by colour alone:
// what blocks the application, and what the reviewers will look at.
export function renderEligibility(container, ev, texts) {
  const e = ev.eligibility;
  const problems = problemCount(ev);
  const parts = [
    el('h3', { text: texts.ui('eligibility') }),
    el('p', { class: `ga-verdict ga-verdict--${e.verdict}`, text: e.verdict_message }),
    el('p', { class: problems ? 'ga-validity ga-validity--problems' : 'ga-validity',
      text: problems === 0 ? texts.ui('readyToSend') : problems === 1 ? texts.ui('notReadyOne') : texts.ui('notReadyMany', { n: problems }) }),
  ];
  const base = container.id || 'eligibility';
  for (const [severity, heading, word] of [['block', 'blockingHeading', 'blockingWord'], ['warn', 'warnHeading', 'warnWord']]) {
    const reasons = e.reasons.filter((r) => r.severity === severity);
    if (!reasons.length) continue;
    const id = `${base}-${severity}-heading`;
    const ul = el('ul', { class: `ga-reasons ga-reasons--${severity}`, 'aria-labelledby': id });
    for (const r of reasons) {
      ul.append(el('li', { class: `ga-reason ga-reason--${severity}` },
        el('span', { class: 'ga-reason__word', text: texts.ui(word) }), `${texts.ui('wordSpace')}${r.message}`));
    }
    parts.push(el('h4', { id, class: 'ga-reasons__heading', text: texts.ui(heading) }), ul);
  }
  container.replaceChildren(...parts);
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
  // Indicators beside the total, each with the core's note that it is not part of it.
  for (const ind of s.indicators ?? []) {
    parts.push(el('div', { class: 'ga-indicator' },
      el('p', { class: 'ga-indicator__value', text: texts.ui('indicator', { title: ind.title, score: ind.score }) }),
      el('p', { class: 'ga-hint ga-indicator__note', text: ind.note })));
  }
  if (s.advice.length) {
    const list = el('ol', { class: 'ga-advice' });
    for (const a of s.advice.slice(0, 5)) list.append(el('li', { text: `+${a.gain} — ${a.message}` }));
    parts.push(el('h3', { text: texts.ui('advice') }), list);
  }
  container.replaceChildren(...parts);
}

// Opening, closing and time left. The core's message names the deadline as the end of its last
// day in the round's zone ("30 April 2023, 24:00 (Beijing time)"); the same instant is given in
// the applicant's own zone only when that reads differently, and a closing at midnight is
// always said as 24:00 of the day before, never as 00:00 of the next day, which reads as a
// different (later) deadline.
export function renderRound(container, ev, texts, lang) {
  const e = ev.eligibility;
  const parts = [el('p', { class: `ga-round__status ga-round__status--${e.window}`, text: e.window_message })];
  if (e.round && e.window !== 'rolling') {
    const locale = lang === 'zh' ? 'zh-CN' : 'en-GB';
    const closes = e.round.closes_before;
    const there = wallClock(closes, e.round.time_zone, locale, texts);
    const localZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    const here = wallClock(closes, localZone, locale, texts);
    // The zone by the name the core's message uses ("Beijing time"), else its IANA id.
    const zoneKey = `time_zone.${e.round.time_zone}`;
    const zone = texts.shared(zoneKey) === zoneKey ? e.round.time_zone : texts.shared(zoneKey);
    if (e.window === 'before') parts.push(el('p', { class: 'ga-hint', text: texts.ui('closesAt', { time: there, zone }) }));
    if (here !== there) parts.push(el('p', { class: 'ga-hint', text: texts.ui('yourTime', { zone: localZone, time: here }) }));
    if (e.window === 'open') {
      const days = Math.floor(e.seconds_to_close / 86400), hours = Math.floor((e.seconds_to_close % 86400) / 3600);
      parts.push(el('p', { class: 'ga-hint', text: texts.ui('timeLeft', { days, hours }) }));
    }
  }
  container.replaceChildren(...parts);
}

// An instant as a date and a 24-hour clock in a time zone, written with the core's own pattern
// ("{date}, {time}" / "{date} {time}"); midnight is 24:00 of the day that ends there.
function wallClock(iso, timeZone, locale, texts) {
  const at = new Date(iso);
  const clock = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(at);
  const midnight = clock === '00:00';
  const date = new Intl.DateTimeFormat(locale, { timeZone, dateStyle: 'long' }).format(midnight ? new Date(at.getTime() - 1) : at);
  return fill(texts.shared('date.date_time'), { date, time: midnight ? '24:00' : clock });
}
