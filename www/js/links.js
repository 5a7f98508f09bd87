// The query every link between the start screen (forms.html) and a form (index.html) carries on:
// ?now= (the pages shown as on another day: both must judge the round at the same moment) and
// ?lang= (when the address asked for a language, the one now shown, so the next page does not
// switch back to the one first asked for).
export function carriedQuery(params, lang) {
  const q = new URLSearchParams();
  if (params.has('now')) q.set('now', params.get('now'));
  if (params.has('lang')) q.set('lang', lang);
  const text = q.toString();
  return text ? `?${text}` : '';
}
