// Rows as SQLite returns them, and their mapping to domain objects. The only place that knows column names,
// 0/1 booleans, epoch-millisecond dates and JSON-encoded arrays.
import { isValidCloseAfterMinutes } from '../quiz/close-after.js';
import type { FlashcardGrade, SelfGrade } from '../quiz/flashcard-practice.js';
import type { PendingReveal, QuestionKind, QuestionStatus, RecordedAnswer, Schedule, ScheduleProblem, StoredQuestion } from '../quiz/types.js';

export interface ScheduleRow {
  guild_id: string;
  channel_id: string;
  cron: string;
  timezone: string;
  note_id: string | null;
  close_after_minutes: number | null;
  language: string | null;
  paused: number;
  last_problem_kind: string | null;
  /** JSON: the problem's fields other than its kind. */
  last_problem_data: string | null;
  last_problem_at: number | null;
  created_by: string;
  created_at: number;
}

export interface QuestionRow {
  id: string;
  guild_id: string;
  channel_id: string;
  slot_key: string;
  concept_id: string;
  kind: string;
  prompt: string;
  options_json: string;
  answer: number;
  option_concept_ids_json: string | null;
  practice_user_id: string | null;
  message_id: string | null;
  language: string | null;
  status: string;
  created_at: number;
  closes_at: number;
  closed_at: number | null;
}

export interface PendingRevealRow extends QuestionRow {
  reveal_due_at: number;
  reveal_attempts: number;
}

export interface AnswerRow {
  question_id: string;
  user_id: string;
  user_name: string;
  choice: number;
  correct: number;
  answered_at: number;
}

export interface FlashcardGradeRow {
  guild_id: string;
  user_id: string;
  concept_id: string;
  card_key: string;
  grade: string;
  graded_at: number;
}

export function toSchedule(row: ScheduleRow): Schedule {
  return {
    guildId: row.guild_id,
    channelId: row.channel_id,
    cron: row.cron,
    timezone: row.timezone,
    noteId: row.note_id,
    // Rows saved before the bot checked the range may hold −1, "abc" or 2^53: read as "at the next post"
    // rather than let one row make every later close time an invalid date.
    closeAfterMinutes: isValidCloseAfterMinutes(row.close_after_minutes) ? row.close_after_minutes : null,
    language: row.language,
    paused: row.paused === 1,
    lastProblem: toScheduleProblem(row.last_problem_kind, row.last_problem_data),
    lastProblemAt: toDateOrNull(row.last_problem_at),
    createdBy: row.created_by,
    createdAt: new Date(row.created_at),
  };
}

/** The columns of a schedule's last problem: its kind, and its other fields as JSON. */
export function fromScheduleProblem(problem: ScheduleProblem): { kind: string; data: string } {
  const { kind, ...data } = problem;
  return { kind, data: JSON.stringify(data) };
}

/**
 * A stored problem back as data. A row this version cannot read (a kind from a newer version, damaged JSON, a field
 * of the wrong type) becomes `legacy` with what is there, so `/quiz-admin list` still shows something true.
 */
export function toScheduleProblem(kind: string | null, data: string | null): ScheduleProblem | null {
  if (kind === null) return null;
  const fields = parseJsonObject(data);
  const unreadable: ScheduleProblem = { kind: 'legacy', text: typeof fields?.text === 'string' ? fields.text : kind };
  if (!fields) return unreadable;
  switch (kind) {
    case 'missing-permissions':
      return Array.isArray(fields.permissions) && fields.permissions.every((name) => typeof name === 'string')
        ? { kind, permissions: fields.permissions }
        : unreadable;
    case 'unknown-channel':
    case 'unknown-message':
      return { kind };
    case 'rate-limited':
      return typeof fields.retryAfterMs === 'number' ? { kind, retryAfterMs: fields.retryAfterMs } : unreadable;
    case 'no-question':
      return typeof fields.noteId === 'string' || fields.noteId === null ? { kind, noteId: fields.noteId } : unreadable;
    case 'post-failed':
    case 'reveal-failed':
      return typeof fields.error === 'string' ? { kind, error: fields.error } : unreadable;
    default:
      return unreadable;
  }
}

function parseJsonObject(json: string | null): Record<string, unknown> | null {
  if (json === null) return null;
  try {
    const value: unknown = JSON.parse(json);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
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
    options: JSON.parse(row.options_json) as string[],
    answer: row.answer,
    optionConceptIds: row.option_concept_ids_json === null ? null : (JSON.parse(row.option_concept_ids_json) as (string | null)[]),
    practiceUserId: row.practice_user_id,
    messageId: row.message_id,
    language: row.language,
    status: row.status as QuestionStatus,
    createdAt: new Date(row.created_at),
    closesAt: new Date(row.closes_at),
    closedAt: toDateOrNull(row.closed_at),
  };
}

export function toPendingReveal(row: PendingRevealRow): PendingReveal {
  return { question: toStoredQuestion(row), dueAt: new Date(row.reveal_due_at), failedAttempts: row.reveal_attempts };
}

export function toRecordedAnswer(row: AnswerRow): RecordedAnswer {
  return {
    questionId: row.question_id,
    userId: row.user_id,
    userName: row.user_name,
    choice: row.choice,
    correct: row.correct === 1,
    answeredAt: new Date(row.answered_at),
  };
}

export function toFlashcardGrade(row: FlashcardGradeRow): FlashcardGrade {
  return {
    guildId: row.guild_id,
    userId: row.user_id,
    conceptId: row.concept_id,
    cardKey: row.card_key,
    grade: row.grade as SelfGrade,
    gradedAt: new Date(row.graded_at),
  };
}

export function toDateOrNull(epochMs: number | null): Date | null {
  return epochMs === null ? null : new Date(epochMs);
}

/** correct / answered, 0 when nothing was answered. */
export function toAccuracy(correct: number, answered: number): number {
  return answered === 0 ? 0 : correct / answered;
}
