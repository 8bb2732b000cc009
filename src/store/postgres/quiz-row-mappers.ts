// Rows of the quiz's tables as `pg` returns them (timestamptz as Date, boolean, text[]), the column lists that
// produce them, and their mapping to domain objects. The only place of the quiz's part that knows column names.
import { isValidCloseAfterMinutes } from '../../quiz/close-after.js';
import type { FlashcardGrade, SelfGrade } from '../../quiz/flashcard-practice.js';
import type { PendingReveal, QuestionKind, QuestionStatus, RecordedAnswer, Schedule, StoredQuestion } from '../../quiz/types.js';
import { toScheduleProblem } from '../row-mappers.js';

/** jsonb is read back as text, so a stored problem goes through the same reading as SQLite's. */
export const scheduleColumns = `guild_id, channel_id, cron, timezone, note_id, close_after_minutes, language, paused, last_problem_kind,
  last_problem_data::text AS last_problem_data, last_problem_at, created_by, created_at`;

export interface ScheduleRow {
  guild_id: string;
  channel_id: string;
  cron: string;
  timezone: string;
  note_id: string | null;
  close_after_minutes: number | null;
  language: string | null;
  paused: boolean;
  last_problem_kind: string | null;
  last_problem_data: string | null;
  last_problem_at: Date | null;
  created_by: string;
  created_at: Date;
}

export const questionColumns = `id, guild_id, channel_id, slot_key, concept_id, kind, prompt, options, answer, option_concept_ids,
  practice_user_id, message_id, language, status, created_at, closes_at, closed_at`;

export interface QuestionRow {
  id: string;
  guild_id: string;
  channel_id: string;
  slot_key: string;
  concept_id: string;
  kind: string;
  prompt: string;
  options: string[];
  answer: number;
  option_concept_ids: (string | null)[] | null;
  practice_user_id: string | null;
  message_id: string | null;
  language: string | null;
  status: string;
  created_at: Date;
  closes_at: Date;
  closed_at: Date | null;
}

export const pendingRevealColumns = `${questionColumns}, reveal_due_at, reveal_attempts`;

export interface PendingRevealRow extends QuestionRow {
  reveal_due_at: Date;
  reveal_attempts: number;
}

export const answerColumns = 'question_id, user_id, user_name, choice, correct, answered_at';

export interface AnswerRow {
  question_id: string;
  user_id: string;
  user_name: string;
  choice: number;
  correct: boolean;
  answered_at: Date;
}

export const flashcardGradeColumns = 'guild_id, user_id, concept_id, card_key, grade, graded_at';

export interface FlashcardGradeRow {
  guild_id: string;
  user_id: string;
  concept_id: string;
  card_key: string;
  grade: string;
  graded_at: Date;
}

export function toSchedule(row: ScheduleRow): Schedule {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    cron: row.cron,
    timezone: row.timezone,
    noteId: row.note_id,
    closeAfterMinutes: isValidCloseAfterMinutes(row.close_after_minutes) ? row.close_after_minutes : null,
    language: row.language,
    paused: row.paused,
    lastProblem: toScheduleProblem(row.last_problem_kind, row.last_problem_data),
    lastProblemAt: row.last_problem_at,
    createdBy: row.created_by,
    createdAt: row.created_at,
  };
}

export function toStoredQuestion(row: QuestionRow): StoredQuestion {
  return {
    id: row.id,
    guildId: row.guild_id,
    channelId: row.channel_id,
    slotKey: row.slot_key,
    conceptId: row.concept_id,
    kind: row.kind as QuestionKind,
    prompt: row.prompt,
    options: row.options,
    answer: row.answer,
    optionConceptIds: row.option_concept_ids,
    practiceUserId: row.practice_user_id,
    messageId: row.message_id,
    language: row.language,
    status: row.status as QuestionStatus,
    createdAt: row.created_at,
    closesAt: row.closes_at,
    closedAt: row.closed_at,
  };
}

export function toPendingReveal(row: PendingRevealRow): PendingReveal {
  return { question: toStoredQuestion(row), dueAt: row.reveal_due_at, failedAttempts: row.reveal_attempts };
}

export function toRecordedAnswer(row: AnswerRow): RecordedAnswer {
  return {
    questionId: row.question_id,
    userId: row.user_id,
    userName: row.user_name,
    choice: row.choice,
    correct: row.correct,
    answeredAt: row.answered_at,
  };
}

export function toFlashcardGrade(row: FlashcardGradeRow): FlashcardGrade {
  return {
    guildId: row.guild_id,
    userId: row.user_id,
    conceptId: row.concept_id,
    cardKey: row.card_key,
    grade: row.grade as SelfGrade,
    gradedAt: row.graded_at,
  };
}
