// Another tab wrote this form's draft (the storage event): its answers are brought in here, field
// by field (the merge is tabs.js's); a question both tabs changed differently waits for the
// applicant's choice, and so does a draft the other tab discarded. A tab in the background only
// takes the answers and is redrawn when it is shown again, so typing in one tab costs the other
// nothing.
import { rememberFocus } from './draw-page.js';
import { forgetProgress, freshAnswers } from './state.js';
import { draftKey } from './storage.js';
import { draftFromStorage, mergeAnswers, putAt, questionsOf } from './tabs.js';

// state: the page's (state.js). drafts: drafts.js (saving, the revisions seen, the export).
// notices: the NoticeList. renderAll() and redraw(focus): draw-page.js.
export function followOtherTabs({ state, drafts, notices, renderAll, redraw }) {
  let redrawWhenShown = false;
  const { revisions } = drafts;

  function fromOtherTab(text) {
    const theirs = draftFromStorage(text, state.bundle.form.id);
    if (theirs === undefined) return;
    if (theirs === null) {
      state.held = { discarded: true };
      notices.set('otherTab', {
        kind: 'warning',
        title: (tx) => tx.ui('otherTabDiscardedTitle'),
        body: (tx) => tx.ui('otherTabDiscarded'),
        actions: [
          { label: (tx) => tx.ui('keepThisTab'), run: () => settle('mine') },
          { label: (tx) => tx.ui('exportDraft'), run: () => drafts.exportDraft() },
          { label: (tx) => tx.ui('discardHereToo'), run: () => settle('discard'), style: 'warning' },
        ],
      });
      drafts.save();
      return;
    }
    // Merged against the state the other tab wrote over: what this tab has changed since then
    // (saved or not) and what the other tab changed are both kept.
    const ancestor = revisions.stateOf(theirs.base, revisions.states.get(revisions.seen) ?? {});
    const { merged, conflicts, fromTheirs } = mergeAnswers(ancestor, state.answers, theirs.answers);
    const focus = rememberFocus();
    const wasHeld = state.held;
    state.answers = merged;
    if (theirs.rev) revisions.record(theirs.rev, theirs.answers);
    if (conflicts.length) {
      state.held = { theirs: theirs.answers, conflicts };
      notices.set('otherTab', {
        kind: 'warning',
        title: (tx) => tx.ui('otherTabConflictTitle'),
        body: (tx) => tx.ui('otherTabConflict'),
        list: (tx) => questionsOf(conflicts.map((c) => c.pointer), tx),
        actions: [
          { label: (tx) => tx.ui('keepThisTab'), run: () => settle('mine') },
          { label: (tx) => tx.ui('useOtherTab'), run: () => settle('theirs') },
          { label: (tx) => tx.ui('exportDraft'), run: () => drafts.exportDraft() },
        ],
      });
      drafts.save();
    } else {
      state.held = null;
      if (fromTheirs.length) {
        notices.set('otherTab', {
          kind: 'info',
          title: (tx) => tx.ui('otherTabMergedTitle'),
          body: (tx) => tx.ui('otherTabMerged'),
          list: (tx) => questionsOf(fromTheirs, tx),
          actions: [{ label: (tx) => tx.ui('dismiss'), run: () => notices.remove('otherTab') }],
        });
      } else if (wasHeld) {
        notices.remove('otherTab');  // the other tab settled it the same way
      }
      // This tab's own answers go on top of the other tab's saved ones.
      if (JSON.stringify(merged) !== JSON.stringify(theirs.answers)) drafts.saveSoon();
      else if (wasHeld) drafts.save();
    }
    if (!fromTheirs.length && !conflicts.length) return;
    if (document.visibilityState === 'hidden') redrawWhenShown = true;
    else redraw(focus);
  }

  // The applicant's choice after a disagreement with another tab: keep this tab's answers (saved
  // over the other's), take the other tab's for the questions in conflict, or follow its discard.
  function settle(choice) {
    const held = state.held;
    state.held = null;
    notices.remove('otherTab');
    if (choice === 'discard') {
      state.answers = structuredClone(freshAnswers(state));
      revisions.start(null, {});
      forgetProgress(state);
      renderAll();
      return;
    }
    if (choice === 'theirs' && held?.conflicts) {
      for (const c of held.conflicts) putAt(state.answers, c.pointer, c.theirs);
    }
    drafts.save();
    redraw(rememberFocus());
  }

  window.addEventListener('storage', (e) => {
    if (!state.bundle || e.storageArea !== localStorage || e.key !== draftKey(state.bundle.form.id)) return;
    fromOtherTab(e.newValue);
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && redrawWhenShown) {
      redrawWhenShown = false;
      redraw(rememberFocus());
    }
  });
}
