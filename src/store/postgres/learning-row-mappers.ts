// Rows of members' memories, reminders and report schedules as `pg` returns them, and their mapping to the learning
// domain's objects. A MemoryState keeps its times as epoch milliseconds; the columns hold timestamptz.
import type { AnswerConfidence } from '../../learning/answer-rating.js';
import type { MemoryPhase, MemoryRating, MemoryState } from '../../learning/memory-state.js';
import type { Reminder, ReminderOffReason } from '../../learning/reminder-rules.js';
import type { ReportSchedule } from '../../learning/report-schedule.js';
import type { ReviewLog, ReviewSource, StoredMemory } from '../../learning/review-log.js';
import { toScheduleProblem } from '../row-mappers.js';

export const memoryStateColumns = `guild_id, user_id, concept_id, phase, due_at, stability, difficulty, scheduled_days, learning_steps,
  reps, lapses, last_review_at, updated_at`;

export interface MemoryStateRow {
  guild_id: string;
  user_id: string;
  concept_id: string;
  phase: string;
  due_at: Date;
  stability: number;
  difficulty: number;
  scheduled_days: number;
  learning_steps: number;
  reps: number;
  lapses: number;
  last_review_at: Date | null;
  updated_at: Date;
}

export const reviewLogColumns = `id, guild_id, user_id, concept_id, source, rating, confidence, question_id, reviewed_at, state_before,
  state_after`;

/** jsonb arrives parsed: the state objects exactly as they were written. */
export interface ReviewLogRow {
  id: number;
  guild_id: string;
  user_id: string;
  concept_id: string;
  source: string;
  rating: string;
  confidence: string | null;
  question_id: string | null;
  reviewed_at: Date;
  state_before: MemoryState | null;
  state_after: MemoryState;
}

/** The parameters of one state's columns, in the order of `memory_states` from `phase` to `last_review_at`. */
export function toMemoryStateValues(state: MemoryState): unknown[] {
  return [
    state.phase,
    new Date(state.dueAt),
    state.stability,
    state.difficulty,
    state.scheduledDays,
    state.learningSteps,
    state.reps,
    state.lapses,
    state.lastReviewAt === null ? null : new Date(state.lastReviewAt),
  ];
}

export function toStoredMemory(row: MemoryStateRow): StoredMemory {
  const state: MemoryState = {
    phase: row.phase as MemoryPhase,
    dueAt: row.due_at.getTime(),
    stability: row.stability,
    difficulty: row.difficulty,
    scheduledDays: row.scheduled_days,
    learningSteps: row.learning_steps,
    reps: row.reps,
    lapses: row.lapses,
    lastReviewAt: row.last_review_at === null ? null : row.last_review_at.getTime(),
  };
  return { guildId: row.guild_id, userId: row.user_id, conceptId: row.concept_id, state, updatedAt: row.updated_at };
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
    reviewedAt: row.reviewed_at,
    stateBefore: row.state_before,
    stateAfter: row.state_after,
  };
}

/** A memory rebuilt from a review log: the state after the member's latest review before some time. */
export function toStoredMemoryFromLog(row: ReviewLogRow): StoredMemory {
  return { guildId: row.guild_id, userId: row.user_id, conceptId: row.concept_id, state: row.state_after, updatedAt: row.reviewed_at };
}

export const reminderColumns =
  'guild_id, user_id, enabled, minute_of_day, language, handled_date, last_sent_at, off_reason, notice_pending, updated_at';

export interface ReminderRow {
  guild_id: string;
  user_id: string;
  enabled: boolean;
  minute_of_day: number;
  language: string | null;
  handled_date: string | null;
  last_sent_at: Date | null;
  off_reason: string | null;
  notice_pending: boolean;
  updated_at: Date;
}

export function toReminder(row: ReminderRow): Reminder {
  return {
    guildId: row.guild_id,
    userId: row.user_id,
    enabled: row.enabled,
    minuteOfDay: row.minute_of_day,
    language: row.language,
    handledDate: row.handled_date,
    lastSentAt: row.last_sent_at,
    offReason: toOffReason(row.off_reason),
    noticePending: row.notice_pending,
  };
}

function toOffReason(reason: string | null): ReminderOffReason | null {
  return reason === 'member' || reason === 'dms-closed' ? reason : null;
}

export const reportScheduleColumns = `guild_id, channel_id, cron, timezone, language, created_by, created_at, last_posted_at,
  last_problem_kind, last_problem_data::text AS last_problem_data, last_problem_at`;

export interface ReportScheduleRow {
  guild_id: string;
  channel_id: string;
  cron: string;
  timezone: string;
  language: string | null;
  created_by: string;
  created_at: Date;
  last_posted_at: Date | null;
  last_problem_kind: string | null;
  last_problem_data: string | null;
  last_problem_at: Date | null;
}

export function toReportSchedule(row: ReportScheduleRow): ReportSchedule {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    cron: row.cron,
    timezone: row.timezone,
    language: row.language,
    createdBy: row.created_by,
    createdAt: row.created_at,
    lastPostedAt: row.last_posted_at,
    lastProblem: toScheduleProblem(row.last_problem_kind, row.last_problem_data),
    lastProblemAt: row.last_problem_at,
  };
}
