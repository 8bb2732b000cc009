// Does the FSRS policy make a team remember more? A simulated team answers the daily channel question and a few
// reviews a day for 60 days under three policies; at the end we read, from the simulation's own memory model,
// how likely each member is to recall each concept. Run alone: `npm run bench -- learning`.
//
// The members' memory (the "true" model) is deliberately not FSRS, so FSRS is not graded by its own yardstick:
// - Recall of a concept decays exponentially: p = 2^(−t / h), t = days since the member last studied it, h a
//   half-life per member and concept. A concept the member never learned is recalled with p = 0.
// - Every question answered is a study event: the member either recalls (with probability p) or not, then sees
//   the right answer (the reveal). First contact: the member learns it, h = h0 = 1.5 days × the member's learning
//   rate × the concept's ease (each log-normal, σ 0.3). A recall multiplies h by 1 + 3 × rate × ease × (1 − p) ×
//   noise (log-normal, σ 0.25): a recall that was hard strengthens memory more than one that was easy (the
//   spacing effect, the reason spaced review works at all). A failure halves h (never below h0).
// - The bot sees only right or wrong: a member who does not recall picks one of four options at random (1 in 4
//   right by luck). No confidence buttons are simulated, so FSRS gets no more than a right/wrong answer.
// - 20% of member×concept pairs are known before day 1 (h = 2 h0, last studied 0–30 days before).
// - Who shows up is drawn once per seed and is the same for every policy: each member answers the channel
//   question on a day with their own probability (0.3–0.9) and reviews on a day with theirs (0.2–0.8), up to
//   3 reviews. A policy may use fewer reviews (FSRS stops when nothing is due) but never more.
// The three policies:
// - round-robin: the channel question walks the concepts in order; each member's reviews walk them too (each
//   member starting at a different concept).
// - team-weighting: the bot before memories: `chooseConcept` with the channel's answer statistics for the
//   question, and for reviews what `/quiz practice` does (the same weighting, the channel's round, one draw per
//   review).
// - fsrs: the bot with memories, through the product's own code and the issue's own rules: ts-fsrs states per
//   member from their answers (`ratingForAnswer`: right = Good, wrong = Again, no confidence given); the channel
//   question is `chooseConcept` given the team's memories as src/quiz/runner/question-draws.ts gives them (members
//   who answered the channel in the last 30 days; the team's weakest concept first); each member's reviews are
//   their due list (`listDueConcepts`: a never-seen concept first unless one was met in the last 24 hours, then
//   the most overdue, then the other never-seen ones). The last lines reorder that same list (see `ReviewOrder`);
//   the lines before them change product decisions (`FsrsVariant`) over two sets of 30 seeds.
// Measured now (load ~9 on 2 cores; the numbers are counts, not timings, and do not move with load):
//   5 seeds: fsrs 1.095× round-robin on mean recall, 0.887× on the weakest decile (targets 1.15× / 1.3×: NOT met).
//   30 seeds: 1.079× / 1.100× (seeds 1–30), 1.083× / 1.066× (seeds 101–130). The targets are not met under the
//   issue's rules in this world; the decisions below show what would meet them and what it costs.
// History. When first written (5 seeds): FSRS 1.17× round-robin on mean recall, weakest decile 0.13×; 1.15× mean
// over 30 seeds. Then (issue 10 item 8) the due list was measured, kept or changed for real members, and measured
// again:
// - Never-seen concepts starved: with a backlog (the usual state at a few reviews a day) they came after every
//   overdue concept, so a concept the channel question missed was never met: 4.1% of member×concept pairs at
//   day 60 ("pairs never met"), two fifths of the weakest decile. One never-seen concept a day first, as Anki's
//   new cards per day, left no pair unmet and brought the decile to about round-robin's level (0.81× here from
//   0.13×, 1.09× over 30 seeds from 0.12×), for a lower mean (1.11×; 1.08× over 30 seeds).
// - The order of the due concepts trades the mean against the decile, and no order gives both targets: lowest
//   FSRS recall first serves what FSRS thinks is weakest, but a lucky guess (1 in 4) makes FSRS think a forgotten
//   concept is known (its default weights also expect slower forgetting than these members have), so the truly
//   forgotten wait (decile ~0); highest recall first ("save what can still be saved", the FSRS community's advice
//   for a backlog) gives the best mean and abandons the rest. Most overdue first serves the concept left alone
//   longest whatever FSRS believes, so it stays. A deadline (anything overdue more than N days first, the rest by
//   highest recall) slides between the two: N = 7 changes little, N = 10 gains 0.02–0.04× mean and loses the
//   decile target (measured with Hard, strongest first and one new concept in 4 days, the branch's decisions
//   listed below, in a scratch copy of this world, 30 seeds; not kept).
// - The schedule's knobs in memory-state.ts (30 seeds, fsrs ÷ round-robin, mean / decile, measured then):
//   desired retention 0.95 1.08× / 1.25×, 0.97 1.06× / 1.24×, a maximum interval of 14 days 1.07× / 1.28×,
//   ts-fsrs's short-term learning steps 1.12× / 1.10× (against 1.08× / 1.09× as set). With a standing backlog the
//   members' time, not the schedule, limits study. None is changed (short-term steps would also make every
//   concept met in the morning due again that evening and the next morning's reminder fire for nearly everyone).
//   Measured again with those three decisions (scratch copy, as above): retention 0.85 1.16× / 1.85× and 0.95 1.13× /
//   2.21× against 1.17× / 1.97× on seeds 1–30; 1.15× / 1.85× and 1.12× / 2.13× against 1.14× / 2.21× on seeds
//   101–130: no gain that holds.
// - Fitting FSRS to the team instead of its default weights: a grid over a per-team scale of every stability
//   (k = 1, 2, 4, 8: these members forget several times faster than the defaults expect) and the forgetting
//   curve's decay (0.15, 0.5, 0.8), scratch copy as above. The best grid point bounds what an optimizer on the
//   review logs could find; none moved the mean beyond seed noise (±0.02×; decile +0.1–0.3×): which concept is
//   asked when is bound by the backlog, and a better recall estimate only reorders it. No optimizer is added.
// Then the fsrs policy was made to call the channel's choice the bot calls (`chooseConcept` with the team's
// memories; it called `chooseWeakestConcept`, a stricter copy of that rule nothing else used). A branch then met
// both targets on seeds 1–30 by changing three product decisions against the issue's wording (right without a
// word = Hard, the team's strongest concept first, one new concept in 4 days); they are not shipped: the issue
// says right → Good and the team's weakest first, and no new-concept window met the targets alone. The
// "decisions changed" lines measure each against the shipped policy (fsrs ÷ round-robin, mean / weakest decile,
// seeds 1–30 | seeds 101–130; pairs never met about 0.0–0.1% unless said):
//   as shipped (the issue's rules)            1.079× / 1.100×  | 1.083× / 1.066×
//   right without a word = Hard               1.075× / 1.375×  | 1.061× / 1.381×
//   the team's strongest concept first        1.092× / 1.782×  | 1.073× / 1.488×
//   Hard and strongest first                  1.090× / 2.005×  | 1.078× / 2.422×
//   one new concept in 4 days                 1.122× / 1.003×  | 1.122× / 1.023×  (0.4% of pairs never met)
//   one new concept in 7 days                 1.134× / 0.808×  | 1.132× / 1.145×  (1.5%)
//   Hard, strongest first, new in 4 days      1.162× / 2.011×  | 1.134× / 2.331×  (0.4–0.5%)
//   channel in note order (as round-robin)    1.108× / 1.195×  | 1.101× / 1.424×
// The trade-off for the issue's author: Hard (a lucky guess among four is not taken for recall) and the team's
// strongest first (a concept comes back while the team can still recall it; the forgotten ones are each member's
// own reviews) each meet the decile target in both sets, but neither moves the mean (1.06–1.09×). The mean moves
// only with fewer new concepts (a longer window: each new concept's follow-up reviews come out of consolidating
// the others), which costs the decile and leaves pairs never met; only all three together met both targets, on
// seeds 1–30 and not on 101–130 (1.134×). At three reviews a day the mean target sits at the edge of what these
// members' time allows under any of these choices.
// - Why the weakest decile is small under every policy: it is recall of ~0.1%, pairs of hard concepts (first
//   half-life about a day, never yet recalled: their half-life is still the first) last studied ~13 days before
//   the end. It measures how recently those pairs were last studied, so a 30% gain there is under half a day
//   less since their last study (2^(0.4 / 1.07) ≈ 1.3).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { listDueConcepts, type DueConcept } from '../../src/learning/due-reviews.js';
import { ratingForAnswer } from '../../src/learning/answer-rating.js';
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
  seeds: [1, 2, 3, 4, 5],
  reviewsPerDay: 3,
  options: 4,
  firstHalfLifeDays: 1.5,
  spreadSigma: 0.3,
  recallGrowth: 3,
  growthNoiseSigma: 0.25,
  lapseFactor: 0.5,
  knownBeforeShare: 0.2,
  channelParticipation: [0.3, 0.9],
  reviewDayShare: [0.2, 0.8],
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
  sensitivity: { change: string; fsrsOverRoundRobin: { meanRecall: number; weakestDecileRecall: number }; meanRecall: Record<PolicyName, number> }[];
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
}

/** Two sets of 30 teams: one set can favour an alternative the other does not (see the header). */
const decisionSeedSets: readonly (readonly number[])[] = [Array.from({ length: 30 }, (_, i) => i + 1), Array.from({ length: 30 }, (_, i) => i + 101)];

const decisionAlternatives: { change: string; variant: FsrsVariant }[] = [
  { change: "as shipped (the issue's rules)", variant: {} },
  { change: 'right without a word = Hard', variant: { rightWithoutWord: 'hard' } },
  { change: "the team's strongest concept first", variant: { channel: 'team-strongest-first' } },
  { change: 'Hard and strongest first', variant: { rightWithoutWord: 'hard', channel: 'team-strongest-first' } },
  { change: 'one new concept in 4 days', variant: { newConceptWindowDays: 4 } },
  { change: 'one new concept in 7 days', variant: { newConceptWindowDays: 7 } },
  { change: 'Hard, strongest first, new in 4 days', variant: { rightWithoutWord: 'hard', channel: 'team-strongest-first', newConceptWindowDays: 4 } },
  { change: 'channel in note order (as round-robin)', variant: { channel: 'note-order' } },
];

const reviewOrderAlternatives: { order: ReviewOrder; change: string }[] = [
  { order: 'never-seen-last', change: 'never seen all last (the order before)' },
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
  log(`learning simulation (${members} members, ${concepts.length} fixture concepts, ${days} days, seeds ${seeds.join(',')})`);

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
  const sensitivity = sensitivityChecks.map(({ change, parameters }) => {
    const varied = simulatePolicies(concepts, { ...learningSimulation, ...parameters });
    return { change, fsrsOverRoundRobin: compareToRoundRobin(varied), meanRecall: mapPolicies((name) => varied[name].meanRecall) };
  });
  const roundRobinBySeedSet = new Map(
    decisionSeedSets.map((seedSet) => [seedSet, simulatePolicy(concepts, 'round-robin', { ...learningSimulation, seeds: seedSet })]),
  );
  log('  sensitivity (fsrs ÷ round-robin, mean / weakest decile):');
  for (const check of sensitivity)
    log(`    ${check.change.padEnd(40)} ${check.fsrsOverRoundRobin.meanRecall}× / ${check.fsrsOverRoundRobin.weakestDecileRecall}×`);

  // The product's decisions changed, over two sets of 30 seeds (five move the ratios too much to choose by).
  const decisions = decisionAlternatives.map(({ change, variant }) => ({
    change,
    bySeedSet: decisionSeedSets.map((seedSet) => {
      const manySeeds = { ...learningSimulation, seeds: seedSet };
      const fsrs = simulatePolicy(concepts, 'fsrs', manySeeds, variant);
      return {
        seeds: `${seedSet[0]}–${seedSet.at(-1)}`,
        fsrsOverRoundRobin: compareToRoundRobin({ ...policies, 'round-robin': roundRobinBySeedSet.get(seedSet)!, fsrs }),
        neverMetShare: fsrs.neverMetShare,
      };
    }),
  }));
  log(
    `  fsrs with decisions changed, seeds ${decisionSeedSets.map((set) => `${set[0]}–${set.at(-1)}`).join(' | ')} (fsrs ÷ round-robin, mean / weakest decile; pairs never met):`,
  );
  for (const decision of decisions)
    log(
      `    ${decision.change.padEnd(40)} ${decision.bySeedSet.map((set) => `${set.fsrsOverRoundRobin.meanRecall}× / ${set.fsrsOverRoundRobin.weakestDecileRecall}×; ${(set.neverMetShare * 100).toFixed(1)}%`).join('   |   ')}`,
    );

  // Other orders of the same due list in the headline world: what the product's order was chosen against.
  const reviewOrders = reviewOrderAlternatives.map(({ order, change }) => {
    const fsrs = simulatePolicy(concepts, 'fsrs', learningSimulation, { reviewOrder: order });
    return { order, change, fsrsOverRoundRobin: compareToRoundRobin({ ...policies, fsrs }), neverMetShare: fsrs.neverMetShare };
  });
  log('  fsrs with its due list in another order (fsrs ÷ round-robin, mean / weakest decile; pairs never met):');
  for (const alternative of reviewOrders)
    log(
      `    ${alternative.change.padEnd(40)} ${alternative.fsrsOverRoundRobin.meanRecall}× / ${alternative.fsrsOverRoundRobin.weakestDecileRecall}×; ${(alternative.neverMetShare * 100).toFixed(1)}%`,
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
    sensitivity,
    decisions,
    reviewOrders,
  };
}

const thirtySeeds = Array.from({ length: 30 }, (_, i) => i + 1);

const sensitivityChecks: { change: string; parameters: Partial<SimulationParameters> }[] = [
  { change: 'first half-life 4 days (not 1.5)', parameters: { firstHalfLifeDays: 4 } },
  { change: 'first half-life 8 days', parameters: { firstHalfLifeDays: 8 } },
  { change: '5 reviews a day (not 3)', parameters: { reviewsPerDay: 5 } },
  { change: 'an active team (70–100% of days)', parameters: { channelParticipation: [0.7, 1], reviewDayShare: [0.7, 1] } },
  // The same world, more teams: five seeds move the ratios by a few hundredths (and the decile by far more).
  { change: '30 seeds (not 5)', parameters: { seeds: thirtySeeds } },
];

function mapPolicies<T>(value: (name: PolicyName) => T): Record<PolicyName, T> {
  return Object.fromEntries(policyNames.map((name) => [name, value(name)])) as Record<PolicyName, T>;
}

/** Every policy over every seed, averaged per policy. */
function simulatePolicies(concepts: readonly string[], parameters: SimulationParameters): Record<PolicyName, PolicyResult> {
  return mapPolicies((name) => simulatePolicy(concepts, name, parameters));
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

/** One question answered: did the member get it right, and what studying it did to their memory. */
function study(memory: TrueMemory, at: number, random: Random, s: SimulationParameters): boolean {
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
  return correct;
}

/** What a policy decides and what it is told: never the true memory, only right and wrong answers. */
interface Policy {
  channelConcept(at: number): string;
  reviewConcepts(member: number, count: number, at: number): string[];
  observe(member: number, conceptId: string, correct: boolean, at: number, inChannel: boolean): void;
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
  const policy = createPolicy(name, concepts, seed, s.members, variant);
  const index = new Map(concepts.map((id, i) => [id, i]));
  const { members, days, reviewsPerDay } = s;
  let answers = 0;
  const answer = (member: number, conceptId: string, at: number, inChannel: boolean) => {
    const correct = study(world.memory[member]![index.get(conceptId)!]!, at, outcomes, s);
    policy.observe(member, conceptId, correct, at, inChannel);
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
  const rate = (correct: boolean) => (correct && variant.rightWithoutWord === 'hard' ? 'hard' : ratingForAnswer({ correct }));
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
      return reorderDueList(listDueConcepts(concepts, own, at, variant.newConceptWindowDays), variant.reviewOrder ?? 'product', own, at)
        .slice(0, count)
        .map((due) => due.conceptId);
    },
    observe(member, conceptId, correct, at, inChannel) {
      const id = memberId(member);
      const own = memories.get(id) ?? new Map<string, MemoryState>();
      memories.set(id, own);
      own.set(conceptId, reviewConcept(own.get(conceptId) ?? createMemoryState(at), rate(correct), at).state);
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
