// Askability is worked out lazily and in the background: start-up never waits for every concept's question material.
import { describe, expect, it } from 'vitest';
import { findUnaskableConcepts } from '../../src/quiz/generate-question.js';
import { QuestionDraws } from '../../src/quiz/runner/question-draws.js';
import { loadKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import { buildSharedNoteKnowledgeBase, realNotesDir } from '../quiz/quiz-test-kit.js';
import { openTestStore } from '../store/store-test-kit.js';

describe('question draws', () => {
  it('the scope leaves out exactly the concepts kb check calls too thin, whether worked out on demand or in the background', async () => {
    // The real-style notes hold link-only stubs and thin notes that no question can be made about.
    const kb = await loadKnowledgeBase(realNotesDir);
    const unaskable = new Set(findUnaskableConcepts(kb).map((skipped) => skipped.conceptId));
    const expected = kb.concepts.map((concept) => concept.id).filter((id) => !unaskable.has(id));

    const onDemand = new QuestionDraws(kb, await openTestStore(), 1);
    const inBackground = new QuestionDraws(kb, await openTestStore(), 1);
    await inBackground.checkInBackground(() => true, 3);

    expect(unaskable.size).toBeGreaterThan(0);
    expect(onDemand.scopeFor(null)).toEqual(expected);
    expect(inBackground.scopeFor(null)).toEqual(expected);
  });

  it('the background check yields between batches and stops when asked to', async () => {
    const kb = buildSharedNoteKnowledgeBase();
    const draws = new QuestionDraws(kb, await openTestStore(), 1);
    let batches = 0;
    let otherWorkRan = false;
    setImmediate(() => (otherWorkRan = true));

    await draws.checkInBackground(() => ++batches <= 2, 1);

    expect(batches).toBe(3);
    expect(otherWorkRan).toBe(true);
  });
});
