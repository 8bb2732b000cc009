import type { KnowledgeBase } from '../../kb/types.js';
import type { QuizStore } from '../../store/quiz-store.js';
import { drawQuestion, seedFor } from '../draw-question.js';
import { findUnaskableConcepts } from '../generate-question.js';
import type { PostOutcome } from './outcomes.js';

/** Which concepts can be asked, and the question a channel's slot gets (the same seed, slot and history give the same one). */
export class QuestionDraws {
  private readonly unaskable: ReadonlySet<string>;

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly store: QuizStore,
    /** Base seed of every draw (`QuizRunnerOptions.seed`). */
    private readonly seed: number,
  ) {
    this.unaskable = new Set(findUnaskableConcepts(kb).map((skipped) => skipped.conceptId));
  }

  /** Askable concept ids of one note, or of every note (`null`). */
  scopeFor(noteId: string | null): string[] {
    return this.kb.concepts
      .filter((concept) => (noteId === null || concept.documentId === noteId) && !this.unaskable.has(concept.id))
      .map((concept) => concept.id);
  }

  /** `inRound`: skip concepts the channel's round has asked already (practice leaves the round alone). */
  draw(noteId: string | null, guildId: string, channelId: string, slotKey: string, now: Date, inRound: boolean) {
    const scope = this.scopeFor(noteId);
    if (scope.length === 0) return null;
    return drawQuestion(this.kb, {
      scope,
      performance: this.store.getConceptPerformance(guildId, channelId),
      askedThisRound: inRound ? this.store.listConceptsAskedThisRound(guildId, channelId, scope) : new Set(),
      seed: seedFor(this.seed, guildId, channelId, slotKey),
      now,
    });
  }
}

/** No concept of the scope can be asked (`cli kb check` says why). */
export function noQuestion(noteId: string | null): Extract<PostOutcome, { ok: false }> {
  return { ok: false, reason: 'no-question', noteId };
}
