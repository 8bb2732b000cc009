// Quiz domain types: questions generated from notes, schedules, answers, scores. Knows nothing of Discord.
import type { SourceLocation } from '../kb/types.js';

/** `authored`: a multiple-choice question the note's author wrote, asked as written. */
export type QuestionKind = 'which-concept' | 'cloze' | 'authored';

/** A question as the generator makes it, before it is stored or posted. */
export interface GeneratedQuestion {
  conceptId: string;
  kind: QuestionKind;
  /** Plain text (may keep markdown bold). Never contains the answer or any name/alias of the answer concept. */
  prompt: string;
  /** Exactly four distinct options. */
  options: string[];
  /** Index of the correct option, 0..3, uniform over seeds. */
  answer: number;
  /** For `which-concept`: the concept id behind each option (the explain buttons of a reveal use them). */
  optionConceptIds?: (string | null)[];
  /** Where the quoted sentence (or the authored question) stands in the notes; `quiz review` shows it. */
  source?: SourceLocation;
  /** The quality score (question-quality.ts); authored questions count as 1. */
  score?: number;
}

/** Why a concept cannot be asked (also reported by `cli kb check`). */
export interface SkippedConcept {
  conceptId: string;
  reason: string;
}

export interface Schedule {
  guildId: string;
  channelId: string;
  /** node-cron expression, 5 fields (or 6 with seconds). */
  cron: string;
  /** IANA time zone, e.g. `Asia/Seoul`. */
  timezone: string;
  /** Limit questions to this document id; null = every note. */
  noteId: string | null;
  /** Close after this many minutes; null = at the channel's next slot. */
  closeAfterMinutes: number | null;
  /**
   * The language of the posts (`ko`, `en`): the scheduling admin's, since a server without Discord's
   * Community features always reports English as its own. Null = the server's preferred language.
   */
  language: string | null;
  /** Paused after a 403/404 from Discord; a post that works again (`/quiz-admin now`) or scheduling the channel again resumes it. */
  paused: boolean;
  /** The last posting problem, shown by `/quiz-admin list` in the admin's language. */
  lastProblem: ScheduleProblem | null;
  lastProblemAt: Date | null;
  createdBy: string;
  createdAt: Date;
}

/**
 * Why a channel's last post or reveal did not go out, as data: the view words it in the reader's language, and
 * the store keeps the kind and its fields (never a sentence to parse back). `error` fields hold the platform's
 * or library's own words for a transient failure (`503 Service Unavailable`), shown quoted as they came.
 */
export type ScheduleProblem =
  /** The bot lacks these permissions in the channel (Discord's names, `Send Messages`); empty when Discord did not say which. */
  | { kind: 'missing-permissions'; permissions: string[] }
  /** The channel was deleted, or the bot cannot see it. */
  | { kind: 'unknown-channel' }
  /** The quiz post was deleted. */
  | { kind: 'unknown-message' }
  /** Discord asked the bot to wait this long (a 429 with a long `retry_after`). */
  | { kind: 'rate-limited'; retryAfterMs: number }
  /** No concept of the schedule's scope (one note, or every note: null) can be asked. */
  | { kind: 'no-question'; noteId: string | null }
  | { kind: 'post-failed'; error: string }
  | { kind: 'reveal-failed'; error: string }
  /** A problem stored as a sentence by a version before migration 5, in a shape no kind matches: shown as it is. */
  | { kind: 'legacy'; text: string };

export type ScheduleProblemKind = ScheduleProblem['kind'];

/** What scheduling a channel stores; `paused` and the last problem start cleared. */
export type NewSchedule = Omit<Schedule, 'paused' | 'lastProblem' | 'lastProblemAt' | 'language'> & { language?: string | null };

export type QuestionStatus = 'open' | 'closed';

/** A stored question: one post in a channel (or one practice question for one member). */
export interface StoredQuestion {
  /** Short unique id (custom ids carry it: keep it ≤ 20 chars, [A-Za-z0-9]). */
  id: string;
  guildId: string;
  channelId: string;
  /**
   * Unique per channel: the ISO time of the scheduled slot (`2026-11-27T00:00:00.000Z`), or `manual:<id>`
   * for `/quiz-admin now`, or `practice:<id>`. One post per channel per slot, even across restarts.
   */
  slotKey: string;
  conceptId: string;
  kind: QuestionKind;
  prompt: string;
  options: string[];
  answer: number;
  optionConceptIds: (string | null)[] | null;
  /** Practice questions are for one member and never count toward the score. */
  practiceUserId: string | null;
  /** The Discord message of the post, once posted. */
  messageId: string | null;
  /** The language the post and its reveal are written in (see `Schedule.language`); null = the server's. */
  language: string | null;
  status: QuestionStatus;
  createdAt: Date;
  closesAt: Date;
  closedAt: Date | null;
}

export interface NewQuestion {
  guildId: string;
  channelId: string;
  slotKey: string;
  question: GeneratedQuestion;
  practiceUserId?: string | null;
  language?: string | null;
  createdAt: Date;
  closesAt: Date;
}

export interface RecordedAnswer {
  questionId: string;
  userId: string;
  /** Display name at the time of answering (shown in reveals without pinging). */
  userName: string;
  choice: number;
  correct: boolean;
  answeredAt: Date;
}

export type RecordAnswerResult =
  | { kind: 'recorded'; answer: RecordedAnswer; question: StoredQuestion }
  | { kind: 'already-answered'; answer: RecordedAnswer; question: StoredQuestion }
  | { kind: 'closed'; question: StoredQuestion }
  /** The choice is not an option of the question (a custom id the bot never made). Nothing is stored. */
  | { kind: 'invalid-choice'; question: StoredQuestion }
  | { kind: 'unknown-question' };

export interface Tally {
  questionId: string;
  /** Count per option index. */
  counts: number[];
  participants: number;
  /** Members who answered right, in answer order. */
  correct: { userId: string; userName: string }[];
}

export interface ClosedQuestion {
  question: StoredQuestion;
  tally: Tally;
}

/** A closed post whose reveal edit has not landed yet (Discord failed it, or the bot stopped first). */
export interface PendingReveal {
  question: StoredQuestion;
  /** When the next try is due. */
  dueAt: Date;
  /** Edits that failed so far. */
  failedAttempts: number;
}

export type LeaderboardPeriod = 'week' | 'month' | 'all';

export interface LeaderboardRow {
  rank: number;
  userId: string;
  userName: string;
  points: number;
  answered: number;
  /** 0..1 */
  accuracy: number;
  /** Current streak (period-independent). */
  streak: number;
}

export interface Leaderboard {
  period: LeaderboardPeriod;
  /** Start of the period in UTC (null for `all`). */
  since: Date | null;
  top: LeaderboardRow[];
  /** The caller's own row when outside `top`; null when inside or never answered. */
  caller: LeaderboardRow | null;
}

export interface ConceptPerformance {
  conceptId: string;
  asked: number;
  answers: number;
  correctAnswers: number;
  lastAskedAt: Date | null;
}

export interface MemberStats {
  userId: string;
  userName: string | null;
  points: number;
  answered: number;
  accuracy: number;
  streak: number;
  bestStreak: number;
  /** Concepts this member answered worst, worst first (at most 5). */
  weakest: { conceptId: string; answered: number; correct: number }[];
}
