// A member's memory of one concept, kept by FSRS (ts-fsrs; the algorithm is theirs, not ours). The state is a
// plain object of numbers and strings so the store can keep it in columns or JSON and read it back unchanged.
import { createEmptyCard, fsrs, forgetting_curve, Rating, State, type Card, type Grade } from 'ts-fsrs';

/** How well a member recalled a concept, in FSRS's four grades (see answer-rating.ts for where they come from). */
export type MemoryRating = 'again' | 'hard' | 'good' | 'easy';

export const memoryRatings: readonly MemoryRating[] = ['again', 'hard', 'good', 'easy'];

/** FSRS's card states: `new` was never reviewed; `relearning` follows a lapse. */
export type MemoryPhase = 'new' | 'learning' | 'review' | 'relearning';

/** One member's memory of one concept. Times are epoch milliseconds (UTC). */
export interface MemoryState {
  phase: MemoryPhase;
  /** When FSRS wants the next review: recall is then expected to have fallen to the requested retention. */
  dueAt: number;
  /** Days until recall falls to 90%. 0 while new. */
  stability: number;
  /** 1 (easy) … 10 (hard). 0 while new. */
  difficulty: number;
  /** Days between the last review and `dueAt`. */
  scheduledDays: number;
  learningSteps: number;
  reps: number;
  lapses: number;
  lastReviewAt: number | null;
}

/** What one review did, as the store's review log keeps it (enough to replay or audit a member's history). */
export interface MemoryReview {
  rating: MemoryRating;
  reviewedAt: number;
  /** The phase before this review. */
  phaseBefore: MemoryPhase;
  /** Whole days since the previous review (0 for the first). */
  elapsedDays: number;
  stability: number;
  difficulty: number;
  scheduledDays: number;
  dueAt: number;
}

/**
 * The scheduler's knobs, in one place. No fuzz: the same answers give the same schedule (tests, the bench, a
 * replayed history). No short-term steps: the bot reviews by the day (a channel question a day, a daily
 * reminder), so minute-long learning steps would only mark a concept due again before anyone could be asked.
 * 90% retention is FSRS's own default and the usual choice for learning that should stick. A higher one is a fair
 * choice for a small set of concepts (few reviews either way), but the learning bench found that members who keep
 * a backlog gain nothing from it: their time, not the schedule, bounds what they study (see its header).
 */
export const schedulerOptions = { request_retention: 0.9, enable_fuzz: false, enable_short_term: false } as const;

const scheduler = fsrs(schedulerOptions);

const ratingToGrade: Readonly<Record<MemoryRating, Grade>> = {
  again: Rating.Again,
  hard: Rating.Hard,
  good: Rating.Good,
  easy: Rating.Easy,
};

const stateToPhase: Readonly<Record<State, MemoryPhase>> = {
  [State.New]: 'new',
  [State.Learning]: 'learning',
  [State.Review]: 'review',
  [State.Relearning]: 'relearning',
};

const phaseToState: Readonly<Record<MemoryPhase, State>> = {
  new: State.New,
  learning: State.Learning,
  review: State.Review,
  relearning: State.Relearning,
};

const dayMs = 86_400_000;

/** A concept the member has never been asked about: due at once. */
export function createMemoryState(at: number): MemoryState {
  return fromCard(createEmptyCard(new Date(at)));
}

/** The memory after one review at `at`, and the review's log entry. The given state is left alone. */
export function reviewConcept(state: MemoryState, rating: MemoryRating, at: number): { state: MemoryState; review: MemoryReview } {
  if (!Number.isFinite(at)) throw new RangeError(`reviewConcept needs a time, got ${at}`);
  const { card, log } = scheduler.next(toCard(state), new Date(at), ratingToGrade[rating]);
  const next = fromCard(card);
  return {
    state: next,
    review: {
      rating,
      reviewedAt: at,
      phaseBefore: state.phase,
      elapsedDays: state.lastReviewAt === null ? 0 : Math.max(0, Math.floor((at - state.lastReviewAt) / dayMs)),
      stability: log.stability,
      difficulty: log.difficulty,
      scheduledDays: next.scheduledDays,
      dueAt: next.dueAt,
    },
  };
}

/**
 * FSRS's probability that the member recalls the concept at `at`, 0..1. Never reviewed (or no state at all)
 * counts as 0: for the team's weakest concept and the due list, unseen is as good as forgotten. Elapsed time is
 * counted in fractional days, so the value falls smoothly through a day rather than in steps.
 */
export function recallProbability(state: MemoryState | undefined, at: number): number {
  if (!state || state.phase === 'new' || state.lastReviewAt === null || state.stability <= 0) return 0;
  const elapsedDays = Math.max(0, (at - state.lastReviewAt) / dayMs);
  return forgetting_curve(scheduler.parameters.w, elapsedDays, state.stability);
}

export function isDue(state: MemoryState, at: number): boolean {
  return state.dueAt <= at;
}

function toCard(state: MemoryState): Card {
  return {
    due: new Date(state.dueAt),
    stability: state.stability,
    difficulty: state.difficulty,
    elapsed_days: 0, // deprecated in ts-fsrs 5: it recomputes elapsed time from last_review
    scheduled_days: state.scheduledDays,
    learning_steps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    state: phaseToState[state.phase],
    ...(state.lastReviewAt === null ? {} : { last_review: new Date(state.lastReviewAt) }),
  };
}

function fromCard(card: Card): MemoryState {
  return {
    phase: stateToPhase[card.state],
    dueAt: card.due.getTime(),
    stability: card.stability,
    difficulty: card.difficulty,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    lastReviewAt: card.last_review ? card.last_review.getTime() : null,
  };
}
