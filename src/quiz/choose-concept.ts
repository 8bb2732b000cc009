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
  /** The channel's active members and their memories: when given (and someone is active), the team's weakest concept goes first. */
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
 * Concepts whose team recall is within this of the weakest count as equally weak, and the weighted choice below
 * picks among them: a new team (every concept unseen, recall 0) keeps today's varied order instead of walking the
 * notes top to bottom, and a hundredth of recall is no reason to prefer one concept over another.
 */
const teamRecallTieMargin = 0.01;

/**
 * The next concept, or null for an empty scope. No concept repeats before every concept in scope was
 * asked once (nor right across a round boundary). Within that, with the team's memories given, only the
 * concepts the active members most likely forgot (mean FSRS recall, never seen = forgotten) stay candidates.
 * The weighted choice among the candidates favours concepts the team answered worst (never asked counts as
 * worst) and those asked longest ago.
 */
export function chooseConcept({ scope, performance, askedThisRound, random, now, team }: ChooseConceptInput): string | null {
  const unique = [...new Set(scope)];
  if (unique.length === 0) return null;
  const byId = new Map(performance.map((row) => [row.conceptId, row]));
  let candidates = unique.filter((id) => !askedThisRound.has(id));
  if (candidates.length === 0) candidates = withoutLatestAsked(unique, byId);
  if (team && team.activeMembers.length > 0) candidates = keepTeamsWeakest(candidates, team, now);
  const weights = candidates.map((id) => weightOf(byId.get(id), now));
  return candidates[pickWeightedIndex(weights, random)]!;
}

/** The candidates whose team recall is lowest (within `teamRecallTieMargin`), in their order. */
function keepTeamsWeakest(candidates: string[], team: TeamMemory, now: Date): string[] {
  const recalls = candidates.map((id) => teamRecall(id, team.activeMembers, team.memories, now.getTime()));
  const weakest = Math.min(...recalls);
  return candidates.filter((_, index) => recalls[index]! <= weakest + teamRecallTieMargin);
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
