// Which concept a channel is asked about next: team-level spaced repetition.
import { teamRecall, type TeamMemories } from '../learning/team-recall.js';
import type { Random } from './seeded-random.js';
import type { ConceptPerformance } from './types.js';

export interface ChooseConceptInput {
  /** Concept ids the channel may be asked about, in a stable order (the choice depends on it for a seed). */
  scope: readonly string[];
  /** How the team did so far; concepts without a row were never asked. */
  performance: readonly ConceptPerformance[];
  /** Concepts asked since the round began; a round ends when every concept in scope was asked. */
  askedThisRound: ReadonlySet<string>;
  random: Random;
  now: Date;
  /** The channel's active members and their memories: when given (and someone is active), the concept they most likely still recall goes first. */
  team?: TeamMemory;
}

export interface TeamMemory {
  /** Members who answered the channel within `activeWindowDays` (team-recall.ts). */
  activeMembers: readonly string[];
  memories: TeamMemories;
}

/** A concept asked this long ago counts as fully due again. */
const fullyDueAfterDays = 14;
/** Keeps a well-known, just-asked concept possible, only much less likely. */
const baseWeight = 0.25;
/**
 * Concepts whose team recall is within this of the highest count as equally strong, and the weighted choice below
 * picks among them: a new team (every concept unseen, recall 0) keeps today's varied order instead of walking the
 * notes top to bottom, and a hundredth of recall is no reason to prefer one concept over another.
 */
const teamRecallTieMargin = 0.01;

/**
 * The next concept, or null for an empty scope. No concept repeats before every concept in scope was
 * asked once (nor right across a round boundary). Within that, with the team's memories given, only the
 * concepts the active members most likely still recall (mean FSRS recall, never seen = 0) stay candidates.
 * The weighted choice among the candidates favours concepts the team answered worst (never asked counts as
 * worst) and those asked longest ago.
 *
 * Why the team's strongest concept rather than its weakest: every concept is asked once a round whatever the
 * order, so the order only decides whether a concept comes back while most of the team can still recall it or
 * after they forgot. A recall that takes effort is what strengthens memory (the spacing effect FSRS schedules
 * for); a question on a forgotten concept only teaches it again. The weakest concepts are each member's own due
 * reviews' job (src/learning/due-reviews.ts: most overdue first). The learning bench measured both (30 seeds,
 * test/bench/learning-bench.ts): weakest first gave 1.13× round-robin's mean recall and 1.25× its weakest
 * decile, strongest first 1.16× and 2.01×.
 */
export function chooseConcept({ scope, performance, askedThisRound, random, now, team }: ChooseConceptInput): string | null {
  const unique = [...new Set(scope)];
  if (unique.length === 0) return null;
  const byId = new Map(performance.map((row) => [row.conceptId, row]));
  let candidates = unique.filter((id) => !askedThisRound.has(id));
  if (candidates.length === 0) candidates = withoutLatestAsked(unique, byId);
  if (team && team.activeMembers.length > 0) candidates = keepTeamsStrongest(candidates, team, now);
  const weights = candidates.map((id) => weightOf(byId.get(id), now));
  return candidates[pickWeightedIndex(weights, random)]!;
}

/** The candidates whose team recall is highest (within `teamRecallTieMargin`), in their order. */
function keepTeamsStrongest(candidates: string[], team: TeamMemory, now: Date): string[] {
  const recalls = candidates.map((id) => teamRecall(id, team.activeMembers, team.memories, now.getTime()));
  const strongest = Math.max(...recalls);
  return candidates.filter((_, index) => recalls[index]! >= strongest - teamRecallTieMargin);
}

/** A new round: everything again, except the very last question, which would repeat back to back. */
function withoutLatestAsked(scope: string[], byId: Map<string, ConceptPerformance>): string[] {
  if (scope.length < 2) return scope;
  let latest: string | undefined;
  let latestTime = -Infinity;
  for (const id of scope) {
    const time = byId.get(id)?.lastAskedAt?.getTime();
    if (time !== undefined && time > latestTime) {
      latest = id;
      latestTime = time;
    }
  }
  return scope.filter((id) => id !== latest);
}

function weightOf(row: ConceptPerformance | undefined, now: Date): number {
  return (baseWeight + weaknessOf(row)) * (baseWeight + dueness(row, now));
}

/** 1 = the team never got it right (or never saw it), 0 = always right. */
function weaknessOf(row: ConceptPerformance | undefined): number {
  if (!row || row.answers === 0) return 1;
  return 1 - row.correctAnswers / row.answers;
}

/** 0 = asked just now, 1 = asked at least two weeks ago (or never). */
function dueness(row: ConceptPerformance | undefined, now: Date): number {
  if (!row?.lastAskedAt) return 1;
  const days = (now.getTime() - row.lastAskedAt.getTime()) / 86_400_000;
  return Math.min(1, Math.max(0, days / fullyDueAfterDays));
}

function pickWeightedIndex(weights: readonly number[], random: Random): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  let target = random.next() * total;
  for (let i = 0; i < weights.length; i++) {
    target -= weights[i]!;
    if (target < 0) return i;
  }
  return weights.length - 1;
}
