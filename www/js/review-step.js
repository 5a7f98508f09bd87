// The review step's own code: "Check your answers" (every answer with its Change link), the
// hand-over (address, subject, files, message) and the check's answer. A module of its own,
// fetched when the applicant first reaches the review (www/js/review-loader.js), not on a first visit:
// most of the filling in happens on the form's steps, and on a phone every kilobyte of the
// first load counts (BENCHMARKS.md, page weight).
export { renderReview } from './render/review.js';
export { announceCheck, renderHandover } from './render/handover.js';
