// Does the FSRS policy make a team remember more? A simulated team answers the daily channel question and a few
// reviews a day for 60 days under three policies; at the end we read, from the simulation's own memory model,
// how likely each member is to recall each concept. Run alone: `npm run bench -- learning`.
//
// The world is the issue's example: 20 members, the fixture notes, 60 days, one channel question a day and a few
// reviews per member per day. The members' memory (the "true" model) is deliberately not FSRS, so FSRS is not
// graded by its own yardstick:
// - Recall of a concept decays exponentially: p = 2^(−t / h), t = days since the member last studied it, h a
//   half-life per member and concept. A concept the member never learned is recalled with p = 0.
// - Every question answered is a study event: the member either recalls (with probability p) or not, then sees
//   the right answer (the reveal). First contact: the member learns it, h = h0 = 1.5 days × the member's learning
//   rate × the concept's ease (each log-normal, σ 0.3). A recall multiplies h by 1 + 3 × rate × ease × (1 − p) ×
//   noise (log-normal, σ 0.25): a recall that was hard strengthens memory more than one that was easy (the
//   spacing effect, the reason spaced review works at all). A failure halves h (never below h0).
// - The bot sees right or wrong: a member who does not recall picks one of four options at random (1 in 4 right
//   by luck). In the headline nobody taps the confidence follow-up; two lines below have members tap it honestly.
// - 20% of member×concept pairs are known before day 1 (h = 2 h0, last studied 0–30 days before).
// - Who shows up is drawn once per seed and is the same for every policy: each member answers the channel
//   question on a day with their own probability (0.3–0.9), and every member has up to 3 reviews every day. A
//   policy may use fewer reviews (FSRS stops when nothing is due) but never more.
// The three policies:
// - round-robin: the channel question walks the concepts in order; each member's reviews walk them too (each
//   member starting at a different concept).
// - team-weighting: the bot before memories: `chooseConcept` with the channel's answer statistics for the
//   question, and for reviews what `/quiz practice` does (the same weighting, the channel's round, one draw per
//   review).
// - fsrs: the bot with memories, through the product's own code and the issue's rules: ts-fsrs states per member
//   from their answers (`ratingForAnswer`: right = Good, wrong = Again); the channel question is `chooseConcept`
//   given the team's memories as src/quiz/runner/question-draws.ts gives them (members who answered the channel in
//   the last 30 days; the team's weakest concept first); each member's reviews are their due list
//   (`listDueConcepts`: a never-seen concept first unless one was met in the allowance's window, then the most
//   overdue, then the other never-seen ones).
// Measured (30 seeds a set; the numbers are counts, not timings, and do not move with load), fsrs ÷ round-robin,
// mean recall / weakest decile at day 60, targets 1.15× / 1.3×:
//   seeds 1–30 (the headline) 1.155× / 1.469×, seeds 101–130 1.161× / 1.669×: met, the mean by a small margin;
//   held-out seeds 201–230, 301–330, 401–430: 1.160× / 1.610×, 1.167× / 1.513×, 1.160× / 1.462×.
//
// How the policy and the world got here (earlier numbers in the git history of this file):
// - First written (5 seeds, members reviewing on 20–80% of days): 1.17× mean, weakest decile 0.13×. Never-seen
//   concepts starved behind the backlog (4% of pairs never met at day 60), so the due list got a new-concept
//   allowance (one a day first, as Anki's new cards per day): no pair unmet, the decile at round-robin's level,
//   the mean 1.08× over 30 seeds.
// - Within the issue's rules nothing else moved that mean beyond seed noise in that world: desired retention 0.7–
//   0.97, a 14-day maximum interval, ts-fsrs's short-term steps, FSRS fitted to the team (a grid over a stability
//   scale and the curve's decay), the confidence follow-up tapped on up to every answer. Decisions against the
//   issue's rules (right without a word = Hard; the team's strongest concept first) met the decile target but not
//   the mean; all of them with a slower allowance met both on one set of 30 seeds of two.
// - This stop: the world was brought to the issue's example (a few reviews per member per day: every day, not
//   20–80% of days; the old world is the first "other worlds" line), which gave 1.139× / 1.382× and 1.138× /
//   1.494×, and the allowance was measured at one new concept in 1, 2, 3 and 4 days on seeds 1–30 and 101–130
//   (the "decisions" lines). One in 2 days ships: the smallest change that met both targets on both sets, with no
//   pair unmet; 3 and 4 days gain a little more mean here but leave pairs unmet in the old world (0.2–0.4%).
//   It was then measured once on the three held-out sets above. In the old world it moved the policy from 1.079× /
//   1.100× to 1.105× / 1.128×: the targets are not met there.
// - The world was changed after the target was missed in it, which is why the old world stays on record and the
//   held-out sets were measured only after the choice.
//
// Where the fsrs policy does not win ("other worlds"): where members forget more slowly (a first half-life of 4
// or 8 days) or review 5 a day, it studies 17–28% less than round-robin (nothing is due) and ends at 0.90–1.00×
// its mean recall; with those free slots spent on practice, 1.02×, 0.98× and 1.08×. Its gain is in using scarce
// study time well; with time to spare, walking every concept does as well by day 60. Among the orders of the same
// due list, FSRS's recall (lowest or highest first) gives more mean and loses the decile: a lucky guess among four
// options makes FSRS think a forgotten concept is known, and most overdue first serves the concept left alone
// longest whatever FSRS believes.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listDueConcepts, type DueConcept } from '../../src/learning/due-reviews.js';
import { ratingForAnswer, type AnswerConfidence } from '../../src/learning/answer-rating.js';
import { createMemoryState, recallProbability, reviewConcept, type MemoryState } from '../../src/learning/memory-state.js';
import { listActiveMembers, teamRecall } from '../../src/learning/team-recall.js';
import { loadKnowledgeBase } from '../../src/kb/load-knowledge-base.js';
import { chooseConcept, type ChooseConceptInput, type TeamMemory } from '../../src/quiz/choose-concept.js';
import { findUnaskableConcepts } from '../../src/quiz/generate-question.js';
import { createRandom, type Random } from '../../src/quiz/seeded-random.js';
import type { ConceptPerformance } from '../../src/quiz/types.js';
import { round } from './bench-stats.js';

/** Every knob of the simulation, in one place. Changing one changes the question asked, not the answer. */
export const learningSimulation: SimulationParameters = {
  members: 20,
  days: 60,
  seeds: Array.from({ length: 30 }, (_, i) => i + 1),
  reviewsPerDay: 3,
  options: 4,
  firstHalfLifeDays: 1.5,
  spreadSigma: 0.3,
  recallGrowth: 3,
  growthNoiseSigma: 0.25,
  lapseFactor: 0.5,
  knownBeforeShare: 0.2,
  channelParticipation: [0.3, 0.9],
  reviewDayShare: [1, 1],
  confidenceShare: 0,
};

export interface SimulationParameters {
  members: number;
  days: number;
  seeds: readonly number[];
  reviewsPerDay: number;
  options: number;
  firstHalfLifeDays: number;
  spreadSigma: number;
  recallGrowth: number;
  growthNoiseSigma: number;
  lapseFactor: number;
  knownBeforeShare: number;
  channelParticipation: readonly [number, number];
  reviewDayShare: readonly [number, number];
  /**
   * Share of channel answers after which the member taps the confidence follow-up (the product asks it after a
   * channel answer only), honestly: recalled with p ≥ 0.5 → sure, recalled with less → unsure, right by luck →
   * guessed. A wrong answer is Again whatever is tapped, so it is not simulated.
   */
  confidenceShare: number;
}

export const policyNames = ['round-robin', 'team-weighting', 'fsrs'] as const;
export type PolicyName = (typeof policyNames)[number];

export interface PolicyResult {
  meanRecall: number;
  weakestDecileRecall: number;
  /** Questions answered per member per day, channel and reviews together: how much study the policy used. */
  answersPerMemberDay: number;
  /** Share of member×concept pairs the member never met in the whole run (their recall is 0 whatever else). */
  neverMetShare: number;
}

export interface LearningBenchResult {
  days: number;
  members: number;
  concepts: number;
  seeds: number[];
  reviewsPerDay: number;
  policies: Record<PolicyName, PolicyResult>;
  fsrsOverRoundRobin: { meanRecall: number; weakestDecileRecall: number };
  target: { meanRecall: number; weakestDecileRecall: number; met: boolean };
  /** The shipped policy on seed sets it was not chosen on (see the header). */
  heldOut: { seeds: string; fsrsOverRoundRobin: { meanRecall: number; weakestDecileRecall: number } }[];
  sensitivity: {
    change: string;
    fsrsOverRoundRobin: { meanRecall: number; weakestDecileRecall: number };
    meanRecall: Record<PolicyName, number>;
    answersPerMemberDay: Record<PolicyName, number>;
  }[];
  /** The fsrs policy with product decisions changed (two sets of 30 seeds): what the shipped policy was measured against. */
  decisions: {
    change: string;
    bySeedSet: { seeds: string; fsrsOverRoundRobin: { meanRecall: number; weakestDecileRecall: number }; neverMetShare: number }[];
  }[];
  reviewOrders: {
    order: ReviewOrder;
    change: string;
    fsrsOverRoundRobin: { meanRecall: number; weakestDecileRecall: number };
    neverMetShare: number;
  }[];
}

/**
 * The order of the fsrs policy's reviews: the product's due list (`listDueConcepts`), or an alternative it was
 * measured against. Each alternative reorders the product's list and nothing else: the same concepts are due.
 */
export type ReviewOrder = 'product' | 'never-seen-last' | 'lowest-recall-first' | 'highest-recall-first';

/**
 * The fsrs policy with product decisions changed: what the shipped policy (the issue's own rules) was measured
 * against. Every field left out is the product's own.
 */
export interface FsrsVariant {
  reviewOrder?: ReviewOrder;
  /** 'hard': a right answer without a confidence word counts as Hard (the product, as the issue says: Good). */
  rightWithoutWord?: 'hard';
  /** Days of the new-concept allowance (product: one new concept a day). */
  newConceptWindowDays?: number;
  /**
   * 'team-strongest-first': the channel asks first the concept the active members most likely still recall (the
   * product, as the issue says: most likely forgot); 'note-order': round-robin's walk.
   */
  channel?: 'team-strongest-first' | 'note-order';
  /**
   * 'practice': a member whose due list is shorter than their reviews of the day spends the rest on `/quiz
   * practice` (its draw: the channel's answer statistics, not its round), so they study as much as under round-robin.
   * The product's policy stops when nothing is due, as the issue's review session does.
   */
  freeSlots?: 'practice';
}

/** Two sets of 30 teams: one set can favour an alternative the other does not (see the header). */
const decisionSeedSets: readonly (readonly number[])[] = [Array.from({ length: 30 }, (_, i) => i + 1), Array.from({ length: 30 }, (_, i) => i + 101)];

const decisionAlternatives: { change: string; variant: FsrsVariant }[] = [
  { change: 'as shipped (one new concept in 2 days)', variant: {} },
  { change: 'one new concept a day (the product before)', variant: { newConceptWindowDays: 1 } },
  { change: 'one new concept in 3 days', variant: { newConceptWindowDays: 3 } },
  { change: 'one new concept in 4 days', variant: { newConceptWindowDays: 4 } },
  { change: "never seen all last (the issue's words)", variant: { reviewOrder: 'never-seen-last' } },
  { change: 'right without a word = Hard', variant: { rightWithoutWord: 'hard' } },
  { change: "the team's strongest concept first", variant: { channel: 'team-strongest-first' } },
  { change: 'channel in note order (as round-robin)', variant: { channel: 'note-order' } },
];

/** Seed sets no decision was chosen on: the shipped policy measured on them once chosen. */
const heldOutSeedSets: readonly (readonly number[])[] = [201, 301, 401].map((first) => Array.from({ length: 30 }, (_, i) => i + first));

const reviewOrderAlternatives: { order: ReviewOrder; change: string }[] = [
  { order: 'lowest-recall-first', change: 'lowest FSRS recall first (ascending R)' },
  { order: 'highest-recall-first', change: 'highest FSRS recall first (descending R)' },
];

const fixtureNotes = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'notes');
const dayMs = 86_400_000;
const start = Date.UTC(2026, 0, 5, 0);
const channelHourMs = 9 * 3_600_000;
const reviewHourMs = 20 * 3_600_000;

export async function runLearningBench(log: (line: string) => void): Promise<LearningBenchResult> {
  const kb = await loadKnowledgeBase(fixtureNotes);
  const unaskable = new Set(findUnaskableConcepts(kb).map((skipped) => skipped.conceptId));
  const concepts = kb.concepts.map((concept) => concept.id).filter((id) => !unaskable.has(id));
  const { members, days, seeds, reviewsPerDay } = learningSimulation;
  log(
    `learning simulation (${members} members, ${concepts.length} fixture concepts, ${days} days, up to ${reviewsPerDay} reviews a day each, seeds ${seedRange(seeds)})`,
  );

  const policies = simulatePolicies(concepts, learningSimulation);
  const fsrsOverRoundRobin = compareToRoundRobin(policies);
  const target = { meanRecall: 1.15, weakestDecileRecall: 1.3, met: false };
  target.met = fsrsOverRoundRobin.meanRecall >= target.meanRecall && fsrsOverRoundRobin.weakestDecileRecall >= target.weakestDecileRecall;

  log('  policy           mean recall   weakest decile   answers/member/day   pairs never met');
  for (const name of policyNames) {
    const result = policies[name];
    log(
      `  ${name.padEnd(16)} ${result.meanRecall.toFixed(3).padStart(11)}   ${result.weakestDecileRecall.toFixed(5).padStart(14)}   ${result.answersPerMemberDay.toFixed(2).padStart(18)}   ${(result.neverMetShare * 100).toFixed(1).padStart(14)}%`,
    );
  }
  log(
    `  fsrs ÷ round-robin: mean ${fsrsOverRoundRobin.meanRecall}× (target ${target.meanRecall}×), weakest decile ${fsrsOverRoundRobin.weakestDecileRecall}× (target ${target.weakestDecileRecall}×): ${target.met ? 'met' : 'NOT met'}`,
  );

  // Other plausible worlds, to show how much the verdict depends on the model's guesses. The headline above is
  // the model as first written; none of these replaces it.
  const sensitivity = sensitivityChecks.map(({ change, parameters, variant }) => {
    const varied = simulatePolicies(concepts, { ...learningSimulation, ...parameters }, variant);
    return {
      change,
      fsrsOverRoundRobin: compareToRoundRobin(varied),
      meanRecall: mapPolicies((name) => varied[name].meanRecall),
      answersPerMemberDay: mapPolicies((name) => varied[name].answersPerMemberDay),
    };
  });
  const heldOut = heldOutSeedSets.map((seedSet) => {
    const manySeeds = { ...learningSimulation, seeds: seedSet };
    const fsrs = simulatePolicy(concepts, 'fsrs', manySeeds);
    const roundRobin = simulatePolicy(concepts, 'round-robin', manySeeds);
    return { seeds: seedRange(seedSet), fsrsOverRoundRobin: compareToRoundRobin({ ...policies, 'round-robin': roundRobin, fsrs }) };
  });
  log(
    `  held-out seeds ${heldOut.map((set) => `${set.seeds}: ${set.fsrsOverRoundRobin.meanRecall}× / ${set.fsrsOverRoundRobin.weakestDecileRecall}×`).join('   ')}`,
  );
  const roundRobinBySeedSet = new Map(
    decisionSeedSets.map((seedSet) => [seedSet, simulatePolicy(concepts, 'round-robin', { ...learningSimulation, seeds: seedSet })]),
  );
  log('  other worlds (fsrs ÷ round-robin, mean / weakest decile; answers per member-day, fsrs / round-robin):');
  for (const check of sensitivity)
    log(
      `    ${check.change.padEnd(48)} ${check.fsrsOverRoundRobin.meanRecall}× / ${check.fsrsOverRoundRobin.weakestDecileRecall}×; ${check.answersPerMemberDay.fsrs.toFixed(2)} / ${check.answersPerMemberDay['round-robin'].toFixed(2)}`,
    );

  // The product's decisions changed, over two sets of 30 seeds (five move the ratios too much to choose by).
  const decisions = decisionAlternatives.map(({ change, variant }) => ({
    change,
    bySeedSet: decisionSeedSets.map((seedSet) => {
      const manySeeds = { ...learningSimulation, seeds: seedSet };
      const fsrs = simulatePolicy(concepts, 'fsrs', manySeeds, variant);
      return {
        seeds: seedRange(seedSet),
        fsrsOverRoundRobin: compareToRoundRobin({ ...policies, 'round-robin': roundRobinBySeedSet.get(seedSet)!, fsrs }),
        neverMetShare: fsrs.neverMetShare,
      };
    }),
  }));
  log(
    `  fsrs with decisions changed, seeds ${decisionSeedSets.map(seedRange).join(' | ')} (fsrs ÷ round-robin, mean / weakest decile; pairs never met):`,
  );
  for (const decision of decisions)
    log(
      `    ${decision.change.padEnd(48)} ${decision.bySeedSet.map((set) => `${set.fsrsOverRoundRobin.meanRecall}× / ${set.fsrsOverRoundRobin.weakestDecileRecall}×; ${(set.neverMetShare * 100).toFixed(1)}%`).join('   |   ')}`,
    );

  // Other orders of the same due list in the headline world: what the product's order was chosen against.
  const reviewOrders = reviewOrderAlternatives.map(({ order, change }) => {
    const fsrs = simulatePolicy(concepts, 'fsrs', learningSimulation, { reviewOrder: order });
    return { order, change, fsrsOverRoundRobin: compareToRoundRobin({ ...policies, fsrs }), neverMetShare: fsrs.neverMetShare };
  });
  log('  fsrs with its due list in another order (fsrs ÷ round-robin, mean / weakest decile; pairs never met):');
  for (const alternative of reviewOrders)
    log(
      `    ${alternative.change.padEnd(48)} ${alternative.fsrsOverRoundRobin.meanRecall}× / ${alternative.fsrsOverRoundRobin.weakestDecileRecall}×; ${(alternative.neverMetShare * 100).toFixed(1)}%`,
    );
  return {
    days,
    members,
    concepts: concepts.length,
    seeds: [...seeds],
    reviewsPerDay,
    policies,
    fsrsOverRoundRobin,
    target,
    heldOut,
    sensitivity,
    decisions,
    reviewOrders,
  };
}

const sensitivityChecks: { change: string; parameters: Partial<SimulationParameters>; variant?: FsrsVariant }[] = [
  { change: 'reviews on 20–80% of days (the world before)', parameters: { reviewDayShare: [0.2, 0.8] } },
  { change: '2 reviews a day (not 3)', parameters: { reviewsPerDay: 2 } },
  { change: '5 reviews a day', parameters: { reviewsPerDay: 5 } },
  { change: 'first half-life 4 days (not 1.5)', parameters: { firstHalfLifeDays: 4 } },
  { change: 'first half-life 8 days', parameters: { firstHalfLifeDays: 8 } },
  // Where the fsrs policy studies less than round-robin (nothing is due), the same study time: see `freeSlots`.
  { change: '… 4 days, free slots spent on practice', parameters: { firstHalfLifeDays: 4 }, variant: { freeSlots: 'practice' } },
  { change: '… 8 days, free slots spent on practice', parameters: { firstHalfLifeDays: 8 }, variant: { freeSlots: 'practice' } },
  { change: '5 reviews a day, free slots spent on practice', parameters: { reviewsPerDay: 5 }, variant: { freeSlots: 'practice' } },
  { change: 'an active channel (70–100% of days, not 30–90%)', parameters: { channelParticipation: [0.7, 1] } },
  { change: 'confidence tapped after half the right answers', parameters: { confidenceShare: 0.5 } },
  { change: 'confidence tapped after every right answer', parameters: { confidenceShare: 1 } },
];

function seedRange(seeds: readonly number[]): string {
  return `${seeds[0]}–${seeds.at(-1)}`;
}

function mapPolicies<T>(value: (name: PolicyName) => T): Record<PolicyName, T> {
  return Object.fromEntries(policyNames.map((name) => [name, value(name)])) as Record<PolicyName, T>;
}

/** Every policy over every seed, averaged per policy. */
function simulatePolicies(
  concepts: readonly string[],
  parameters: SimulationParameters,
  variant: FsrsVariant = {},
): Record<PolicyName, PolicyResult> {
  return mapPolicies((name) => simulatePolicy(concepts, name, parameters, variant));
}

/** One policy over every seed, averaged. */
function simulatePolicy(concepts: readonly string[], name: PolicyName, parameters: SimulationParameters, variant: FsrsVariant = {}): PolicyResult {
  const runs = parameters.seeds.map((seed) => simulateTeam(concepts, name, seed, parameters, variant));
  // Six places: the weakest decile lives around 0.001, where four would leave one digit for the ratio.
  const mean = (pick: (run: PolicyResult) => number) => round(runs.reduce((sum, run) => sum + pick(run), 0) / runs.length, 6);
  return {
    meanRecall: mean((run) => run.meanRecall),
    weakestDecileRecall: mean((run) => run.weakestDecileRecall),
    answersPerMemberDay: mean((run) => run.answersPerMemberDay),
    neverMetShare: mean((run) => run.neverMetShare),
  };
}

function compareToRoundRobin(policies: Record<PolicyName, PolicyResult>): { meanRecall: number; weakestDecileRecall: number } {
  const ratio = (metric: 'meanRecall' | 'weakestDecileRecall') =>
    round(policies['round-robin'][metric] > 0 ? policies.fsrs[metric] / policies['round-robin'][metric] : Number.POSITIVE_INFINITY, 3);
  return { meanRecall: ratio('meanRecall'), weakestDecileRecall: ratio('weakestDecileRecall') };
}

/** One member's true memory of one concept (see the model above). */
interface TrueMemory {
  learned: boolean;
  halfLifeDays: number;
  /** The member's own first half-life for this concept: learning rate × ease. */
  firstHalfLifeDays: number;
  growthRate: number;
  studiedAt: number;
}

interface World {
  memory: TrueMemory[][];
  /** [day][member]: answers the channel question that day. */
  inChannel: boolean[][];
  /** [day][member]: does their reviews that day. */
  reviews: boolean[][];
}

/** The team, its prior knowledge and who shows up when: a function of the seed alone, the same for every policy. */
function createWorld(conceptCount: number, seed: number, s: SimulationParameters): World {
  const random = createRandom(seed);
  const logNormal = (sigma: number) => Math.exp(sigma * normal(random));
  const ease = Array.from({ length: conceptCount }, () => logNormal(s.spreadSigma));
  const memory: TrueMemory[][] = [];
  const channelShare: number[] = [];
  const reviewShare: number[] = [];
  for (let m = 0; m < s.members; m++) {
    const rate = logNormal(s.spreadSigma);
    channelShare.push(between(random, s.channelParticipation));
    reviewShare.push(between(random, s.reviewDayShare));
    memory.push(
      ease.map((conceptEase) => {
        const firstHalfLifeDays = s.firstHalfLifeDays * rate * conceptEase;
        const knownBefore = random.next() < s.knownBeforeShare;
        return {
          learned: knownBefore,
          halfLifeDays: 2 * firstHalfLifeDays,
          firstHalfLifeDays,
          growthRate: s.recallGrowth * rate * conceptEase,
          studiedAt: knownBefore ? start - random.next() * 30 * dayMs : 0,
        };
      }),
    );
  }
  const inChannel = Array.from({ length: s.days }, () => channelShare.map((share) => random.next() < share));
  const reviews = Array.from({ length: s.days }, () => reviewShare.map((share) => random.next() < share));
  return { memory, inChannel, reviews };
}

function trueRecall(memory: TrueMemory, at: number): number {
  if (!memory.learned) return 0;
  return 2 ** (-Math.max(0, at - memory.studiedAt) / dayMs / memory.halfLifeDays);
}

/** What the member did with one question: right or wrong, and whether it was recall or luck. */
interface Answer {
  correct: boolean;
  recalled: boolean;
  /** Recall probability just before answering. */
  p: number;
}

/** One question answered: did the member get it right, and what studying it did to their memory. */
function study(memory: TrueMemory, at: number, random: Random, s: SimulationParameters): Answer {
  const p = trueRecall(memory, at);
  const recalled = random.next() < p;
  const correct = recalled || random.next() < 1 / s.options;
  if (!memory.learned) {
    memory.learned = true;
    memory.halfLifeDays = memory.firstHalfLifeDays;
  } else if (recalled) {
    memory.halfLifeDays *= 1 + memory.growthRate * (1 - p) * Math.exp(s.growthNoiseSigma * normal(random));
  } else {
    memory.halfLifeDays = Math.max(memory.firstHalfLifeDays, memory.halfLifeDays * s.lapseFactor);
  }
  memory.studiedAt = at;
  return { correct, recalled, p };
}

/** The word an honest member taps after a right answer (see `confidenceShare`). */
function honestConfidence({ recalled, p }: Answer): AnswerConfidence {
  if (!recalled) return 'guessed';
  return p >= 0.5 ? 'sure' : 'unsure';
}

/** What a policy decides and what it is told: never the true memory, only right and wrong answers. */
interface Policy {
  channelConcept(at: number): string;
  reviewConcepts(member: number, count: number, at: number): string[];
  observe(member: number, conceptId: string, correct: boolean, at: number, inChannel: boolean, confidence?: AnswerConfidence): void;
}

export interface SimulationRun extends PolicyResult {
  /** [member][concept]: recall at the end under the true model. */
  recalls: number[][];
}

export function simulateTeam(
  concepts: readonly string[],
  name: PolicyName,
  seed: number,
  s: SimulationParameters = learningSimulation,
  variant: FsrsVariant = {},
): SimulationRun {
  const world = createWorld(concepts.length, seed, s);
  const outcomes = createRandom(seed * 7919 + 1);
  // Its own stream, so a world with taps answers every question as the world without them does.
  const taps = createRandom(seed * 104_729 + 3);
  const policy = createPolicy(name, concepts, seed, s.members, variant);
  const index = new Map(concepts.map((id, i) => [id, i]));
  const { members, days, reviewsPerDay } = s;
  let answers = 0;
  const answer = (member: number, conceptId: string, at: number, inChannel: boolean) => {
    const outcome = study(world.memory[member]![index.get(conceptId)!]!, at, outcomes, s);
    const tapped = inChannel && outcome.correct && s.confidenceShare > 0 && taps.next() < s.confidenceShare;
    policy.observe(member, conceptId, outcome.correct, at, inChannel, tapped ? honestConfidence(outcome) : undefined);
    answers++;
  };
  for (let day = 0; day < days; day++) {
    const channelAt = start + day * dayMs + channelHourMs;
    const conceptId = policy.channelConcept(channelAt);
    for (let m = 0; m < members; m++) if (world.inChannel[day]![m]) answer(m, conceptId, channelAt + m * 60_000, true);
    const reviewAt = start + day * dayMs + reviewHourMs;
    for (let m = 0; m < members; m++) {
      if (!world.reviews[day]![m]) continue;
      policy
        .reviewConcepts(m, reviewsPerDay, reviewAt)
        .slice(0, reviewsPerDay)
        .forEach((id, i) => answer(m, id, reviewAt + i * 60_000, false));
    }
  }
  const end = start + days * dayMs + channelHourMs;
  const recalls = world.memory.map((row) => row.map((memory) => trueRecall(memory, end)));
  const sorted = recalls.flat().sort((a, b) => a - b);
  const decile = sorted.slice(0, Math.max(1, Math.round(sorted.length / 10)));
  return {
    meanRecall: sorted.reduce((sum, p) => sum + p, 0) / sorted.length,
    weakestDecileRecall: decile.reduce((sum, p) => sum + p, 0) / decile.length,
    answersPerMemberDay: answers / members / days,
    neverMetShare: world.memory.flat().filter((memory) => !memory.learned).length / sorted.length,
    recalls,
  };
}

function createPolicy(name: PolicyName, concepts: readonly string[], seed: number, members: number, variant: FsrsVariant): Policy {
  switch (name) {
    case 'round-robin':
      return createRoundRobin(concepts, members);
    case 'team-weighting':
      return createTeamWeighting(concepts, seed);
    case 'fsrs':
      return createFsrsPolicy(concepts, seed, variant);
  }
}

function createRoundRobin(concepts: readonly string[], members: number): Policy {
  let next = 0;
  const memberNext = Array.from({ length: members }, (_, m) => m % concepts.length);
  return {
    channelConcept: () => concepts[next++ % concepts.length]!,
    reviewConcepts: (member, count) =>
      Array.from({ length: Math.min(count, concepts.length) }, () => concepts[memberNext[member]!++ % concepts.length]!),
    observe: () => {},
  };
}

/** Today's bot: channel statistics drive both the channel question and `/quiz practice`. */
function createTeamWeighting(concepts: readonly string[], seed: number): Policy {
  const random = createRandom(seed * 31 + 7);
  const performance = new Map<string, ConceptPerformance>();
  let askedThisRound = new Set<string>();
  const choose = (at: number) =>
    chooseConcept({ scope: concepts, performance: [...performance.values()], askedThisRound, random, now: new Date(at) })!;
  return {
    channelConcept(at) {
      const conceptId = choose(at);
      if (askedThisRound.size >= concepts.length) askedThisRound = new Set();
      askedThisRound.add(conceptId);
      const row = performance.get(conceptId) ?? { conceptId, asked: 0, answers: 0, correctAnswers: 0, lastAskedAt: null };
      performance.set(conceptId, { ...row, asked: row.asked + 1, lastAskedAt: new Date(at) });
      return conceptId;
    },
    // Practice draws like the channel but does not use up the round, and its answers are never scored.
    reviewConcepts: (_member, count, at) => Array.from({ length: count }, () => choose(at)),
    observe(_member, conceptId, correct, _at, inChannel) {
      if (!inChannel) return;
      const row = performance.get(conceptId)!;
      performance.set(conceptId, { ...row, answers: row.answers + 1, correctAnswers: row.correctAnswers + (correct ? 1 : 0) });
    },
  };
}

/**
 * The bot with memories: the channel question is the product's `chooseConcept` given the team's memories (as
 * src/quiz/runner/question-draws.ts calls it), each member's reviews their due list (`listDueConcepts`), every
 * answer rated by `ratingForAnswer` (no confidence given) and reviewed by `reviewConcept`.
 */
function createFsrsPolicy(concepts: readonly string[], seed: number, variant: FsrsVariant): Policy {
  const random = createRandom(seed * 31 + 7);
  const practiceRandom = createRandom(seed * 131 + 11);
  const rate = (correct: boolean, confidence?: AnswerConfidence) =>
    correct && !confidence && variant.rightWithoutWord === 'hard' ? 'hard' : ratingForAnswer({ correct, confidence });
  let noteOrderNext = 0;
  const memories = new Map<string, Map<string, MemoryState>>();
  const lastAnsweredAt = new Map<string, number>();
  const performance = new Map<string, ConceptPerformance>();
  let askedThisRound = new Set<string>();
  const memberId = (member: number) => `member-${member}`;
  return {
    channelConcept(at) {
      const team = { activeMembers: listActiveMembers(lastAnsweredAt, at), memories };
      const input = { scope: concepts, performance: [...performance.values()], askedThisRound, random, now: new Date(at) };
      const conceptId =
        variant.channel === 'note-order'
          ? concepts[noteOrderNext++ % concepts.length]!
          : variant.channel === 'team-strongest-first'
            ? chooseTeamsStrongest(input, team)
            : chooseConcept({ ...input, team })!;
      if (askedThisRound.size >= concepts.length) askedThisRound = new Set();
      askedThisRound.add(conceptId);
      const row = performance.get(conceptId) ?? { conceptId, asked: 0, answers: 0, correctAnswers: 0, lastAskedAt: null };
      performance.set(conceptId, { ...row, asked: row.asked + 1, lastAskedAt: new Date(at) });
      return conceptId;
    },
    reviewConcepts(member, count, at) {
      const own = memories.get(memberId(member)) ?? new Map<string, MemoryState>();
      const due = reorderDueList(listDueConcepts(concepts, own, at, variant.newConceptWindowDays), variant.reviewOrder ?? 'product', own, at)
        .slice(0, count)
        .map((item) => item.conceptId);
      if (variant.freeSlots === 'practice')
        while (due.length < count)
          due.push(
            chooseConcept({
              scope: concepts,
              performance: [...performance.values()],
              askedThisRound: new Set(),
              random: practiceRandom,
              now: new Date(at),
            })!,
          );
      return due;
    },
    observe(member, conceptId, correct, at, inChannel, confidence) {
      const id = memberId(member);
      const own = memories.get(id) ?? new Map<string, MemoryState>();
      memories.set(id, own);
      own.set(conceptId, reviewConcept(own.get(conceptId) ?? createMemoryState(at), rate(correct, confidence), at).state);
      // The team counts members who answered the channel (the store's listRecentChannelAnswerers).
      if (!inChannel) return;
      lastAnsweredAt.set(id, at);
      const row = performance.get(conceptId)!;
      performance.set(conceptId, { ...row, answers: row.answers + 1, correctAnswers: row.correctAnswers + (correct ? 1 : 0) });
    },
  };
}

/**
 * The channel's choice turned around: among the concepts the round has not asked, those the active members most
 * likely still recall (highest team recall, within the hundredth choose-concept.ts uses), then `chooseConcept`'s
 * weighted choice among them. The product's own round rules, copied: only the comparison differs.
 */
function chooseTeamsStrongest(input: ChooseConceptInput, team: TeamMemory): string {
  const unique = [...input.scope];
  let candidates = unique.filter((id) => !input.askedThisRound.has(id));
  if (candidates.length === 0) {
    const latest = input.performance.reduce<ConceptPerformance | null>(
      (last, row) => (row.lastAskedAt && (!last?.lastAskedAt || row.lastAskedAt > last.lastAskedAt) ? row : last),
      null,
    );
    candidates = unique.filter((id) => id !== latest?.conceptId);
  }
  const at = input.now.getTime();
  if (team.activeMembers.length > 0) {
    const recalls = candidates.map((id) => teamRecall(id, team.activeMembers, team.memories, at));
    const strongest = Math.max(...recalls);
    candidates = candidates.filter((_, i) => recalls[i]! >= strongest - 0.01);
  }
  return chooseConcept({ ...input, scope: candidates, askedThisRound: new Set() })!;
}

/** The product's due list in another order: the never-seen concepts keep their places unless all go last. */
function reorderDueList(due: DueConcept[], order: ReviewOrder, memories: ReadonlyMap<string, MemoryState>, at: number): DueConcept[] {
  if (order === 'product') return due;
  const seen = due.filter((item) => item.dueAt !== null);
  if (order === 'never-seen-last') return [...seen, ...due.filter((item) => item.dueAt === null)];
  const recall = (item: DueConcept) => recallProbability(memories.get(item.conceptId), at);
  seen.sort((a, b) => (order === 'lowest-recall-first' ? recall(a) - recall(b) : recall(b) - recall(a)));
  let next = 0;
  return due.map((item) => (item.dueAt === null ? item : seen[next++]!));
}

function between(random: Random, [low, high]: readonly [number, number]): number {
  return low + (high - low) * random.next();
}

/** A standard normal draw (Box–Muller). */
function normal(random: Random): number {
  const u = Math.max(random.next(), Number.MIN_VALUE);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * random.next());
}
