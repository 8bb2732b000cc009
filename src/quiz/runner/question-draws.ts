import type { KnowledgeBase } from '../../kb/types.js';
import type { MemoryState } from '../../learning/memory-state.js';
import { activeWindowDays, listActiveMembers } from '../../learning/team-recall.js';
import type { QuizStore } from '../quiz-store.js';
import type { TeamMemory } from '../choose-concept.js';
import { drawQuestion, seedFor } from '../draw-question.js';
import { explainUnaskableConcept, generateQuestion } from '../generate-question.js';
import { createRandom } from '../seeded-random.js';
import type { PostOutcome } from './outcomes.js';

/** Which concepts can be asked, and the question a channel's slot gets (the same seed, slot and history give the same one). */
export class QuestionDraws {
  /**
   * Whether each concept can be asked, worked out on first need: building a concept's question material costs
   * about a millisecond, so at 10,000 concepts doing it all in the constructor kept the bot from getting ready
   * for many seconds. `checkInBackground` fills it in after start-up without stalling the event loop.
   */
  private readonly askable = new Map<string, boolean>();

  constructor(
    private readonly kb: KnowledgeBase,
    private readonly store: QuizStore,
    /** Base seed of every draw (`QuizRunnerOptions.seed`). */
    private readonly seed: number,
  ) {}

  /** Askable concept ids of one note, or of every note (`null`). */
  scopeFor(noteId: string | null): string[] {
    return this.kb.concepts
      .filter((concept) => (noteId === null || concept.documentId === noteId) && this.isAskable(concept.id))
      .map((concept) => concept.id);
  }

  /**
   * Works out every concept's askability a few at a time, yielding between batches so interactions and the
   * gateway heartbeat are served meanwhile; a draw before it has finished works out what it needs itself.
   */
  async checkInBackground(keepGoing: () => boolean, batchSize = 20): Promise<void> {
    const { concepts } = this.kb;
    for (let start = 0; start < concepts.length && keepGoing(); start += batchSize) {
      for (const concept of concepts.slice(start, start + batchSize)) this.isAskable(concept.id);
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
  }

  private isAskable(conceptId: string): boolean {
    let askable = this.askable.get(conceptId);
    if (askable === undefined) this.askable.set(conceptId, (askable = explainUnaskableConcept(this.kb, conceptId) === null));
    return askable;
  }

  /**
   * `inRound`: a channel post. It skips concepts the channel's round has asked already and prefers the concept the
   * channel's active members most likely forgot. Practice (`false`) leaves the round and the team alone.
   */
  async draw(noteId: string | null, guildId: string, channelId: string, slotKey: string, now: Date, inRound: boolean) {
    const scope = this.scopeFor(noteId);
    if (scope.length === 0) return null;
    return drawQuestion(this.kb, {
      scope,
      performance: await this.store.getConceptPerformance(guildId, channelId),
      askedThisRound: inRound ? await this.store.listConceptsAskedThisRound(guildId, channelId, scope) : new Set(),
      seed: seedFor(this.seed, guildId, channelId, slotKey),
      now,
      ...(inRound ? { team: await this.teamMemory(guildId, channelId, now) } : {}),
    });
  }

  /**
   * A question about one given concept (a review session chose it), from the same seed as a draw: the author's own
   * question when the concept has one, else a generated one. Null when the concept cannot be asked now.
   */
  generateFor(conceptId: string, guildId: string, channelId: string, slotKey: string) {
    if (!this.isAskable(conceptId)) return null;
    return generateQuestion(this.kb, conceptId, createRandom(seedFor(this.seed, guildId, channelId, slotKey)));
  }

  /** Who answered the channel lately, and what each of them remembers. */
  private async teamMemory(guildId: string, channelId: string, now: Date): Promise<TeamMemory> {
    const since = new Date(now.getTime() - activeWindowDays * 86_400_000);
    const answerers = await this.store.listRecentChannelAnswerers(guildId, channelId, since);
    const activeMembers = listActiveMembers(new Map([...answerers].map(([userId, at]) => [userId, at.getTime()])), now.getTime());
    const active = new Set(activeMembers);
    const memories = new Map<string, Map<string, MemoryState>>();
    for (const memory of await this.store.listGuildMemories(guildId)) {
      if (!active.has(memory.userId)) continue;
      let member = memories.get(memory.userId);
      if (!member) memories.set(memory.userId, (member = new Map<string, MemoryState>()));
      member.set(memory.conceptId, memory.state);
    }
    return { activeMembers, memories };
  }
}

/** No concept of the scope can be asked (`cli kb check` says why). */
export function noQuestion(noteId: string | null): Extract<PostOutcome, { ok: false }> {
  return { ok: false, reason: 'no-question', noteId };
}
