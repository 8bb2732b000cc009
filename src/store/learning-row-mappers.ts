// Rows of the member-memory tables (migration 006) and their mapping to the learning domain's objects.
import type { AnswerConfidence } from '../learning/answer-rating.js';
import type { MemoryPhase, MemoryRating, MemoryState } from '../learning/memory-state.js';
import type { AnswerActivity, ReviewLog, ReviewSource, StoredMemory } from '../learning/review-log.js';

export interface MemoryStateRow {
  guild_id: string;
  user_id: string;
  concept_id: string;
  phase: string;
  due_at: number;
  stability: number;
  difficulty: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  last_review_at: number | null;
  updated_at: number;
}

export interface ReviewLogRow {
  id: number;
  guild_id: string;
  user_id: string;
  concept_id: string;
  source: string;
  rating: string;
  confidence: string | null;
  question_id: string | null;
  reviewed_at: number;
  state_before_json: string | null;
  state_after_json: string;
}

export interface AnswerActivityRow {
  user_id: string;
  concept_id: string;
  correct: number;
  answered_at: number;
}

/** The columns of `memory_states` for one state (the key and updated_at are added by the statement). */
export function toMemoryStateColumns(state: MemoryState) {
  return {
    phase: state.phase,
    dueAt: state.dueAt,
    stability: state.stability,
    difficulty: state.difficulty,
    scheduledDays: state.scheduledDays,
    learningSteps: state.learningSteps,
    reps: state.reps,
    lapses: state.lapses,
    lastReviewAt: state.lastReviewAt,
  };
}

export function toMemoryState(row: MemoryStateRow): MemoryState {
  return {
    phase: row.phase as MemoryPhase,
    dueAt: row.due_at,
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduled_days,
    learningSteps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    lastReviewAt: row.last_review_at,
  };
}

export function toStoredMemory(row: MemoryStateRow): StoredMemory {
  return { guildId: row.guild_id, userId: row.user_id, conceptId: row.concept_id, state: toMemoryState(row), updatedAt: new Date(row.updated_at) };
}

/** JSON keeps a state's fields as they are (numbers, strings, null); read back, it is the same state. */
export function toStateJson(state: MemoryState): string {
  return JSON.stringify(state);
}

export function toReviewLog(row: ReviewLogRow): ReviewLog {
  return {
    id: row.id,
    guildId: row.guild_id,
    userId: row.user_id,
    conceptId: row.concept_id,
    source: row.source as ReviewSource,
    rating: row.rating as MemoryRating,
    confidence: row.confidence as AnswerConfidence | null,
    questionId: row.question_id,
    reviewedAt: new Date(row.reviewed_at),
    stateBefore: row.state_before_json === null ? null : (JSON.parse(row.state_before_json) as MemoryState),
    stateAfter: JSON.parse(row.state_after_json) as MemoryState,
  };
}

/** A memory rebuilt from a review log: the state after the member's latest review before some time. */
export function toStoredMemoryFromLog(row: ReviewLogRow): StoredMemory {
  return {
    guildId: row.guild_id,
    userId: row.user_id,
    conceptId: row.concept_id,
    state: JSON.parse(row.state_after_json) as MemoryState,
    updatedAt: new Date(row.reviewed_at),
  };
}

export function toAnswerActivity(row: AnswerActivityRow): AnswerActivity {
  return { userId: row.user_id, conceptId: row.concept_id, correct: row.correct === 1, answeredAt: new Date(row.answered_at) };
}
