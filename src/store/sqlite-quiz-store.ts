import type {
  ClosedQuestion,
  ConceptPerformance,
  Leaderboard,
  LeaderboardPeriod,
  LeaderboardRow,
  MemberStats,
  NewQuestion,
  NewSchedule,
  RecordAnswerResult,
  Schedule,
  StoredQuestion,
  Tally,
} from '../quiz/types.js';
import type { Transaction } from 'better-sqlite3';
import type { QuizStore } from './quiz-store.js';
import { createShortId } from './create-short-id.js';
import { openDatabase, type SqliteDatabase } from './database.js';
import {
  toAccuracy,
  toDateOrNull,
  toRecordedAnswer,
  toSchedule,
  toStoredQuestion,
  type AnswerRow,
  type QuestionRow,
  type ScheduleRow,
} from './row-mappers.js';

interface LeaderboardQueryRow {
  user_id: string;
  user_name: string;
  points: number;
  answered: number;
  streak: number;
  rank: number;
  position: number;
}

interface MemberScoreRow {
  points: number;
  answered: number;
  streak: number;
  best_streak: number;
}

interface ConceptPerformanceRow {
  concept_id: string;
  asked: number;
  answers: number;
  correct_answers: number;
  last_asked_at: number | null;
}

// Ranking shared by the period and all-time leaderboards. Members with the same points and accuracy share a
// rank ("1, 2, 2, 4"): a time tie-break would feel arbitrary to them. Within a shared rank the one who got
// there first (earliest last correct answer) is listed first, then by user id so the order is stable.
const rankLeaderboardSql = `
  ranked AS (
    SELECT user_id, points, answered,
      RANK() OVER (ORDER BY points DESC, CAST(points AS REAL) / answered DESC) AS rank,
      ROW_NUMBER() OVER (ORDER BY points DESC, CAST(points AS REAL) / answered DESC, last_correct_at, user_id) AS position
    FROM totals
  )
  SELECT r.user_id, COALESCE(n.user_name, r.user_id) AS user_name, r.points, r.answered,
    COALESCE(s.streak, 0) AS streak, r.rank, r.position
  FROM ranked r
  LEFT JOIN member_names n ON n.guild_id = @guildId AND n.user_id = r.user_id
  LEFT JOIN member_scores s ON s.guild_id = @guildId AND s.user_id = r.user_id
  WHERE r.position <= @limit OR r.user_id = @callerId
  ORDER BY r.position`;

/**
 * The embedded `QuizStore`: one SQLite file in WAL mode. Statements are prepared once; every operation that
 * changes several rows runs in one IMMEDIATE transaction, which also makes it safe when several processes
 * (the bot and a CLI, or a restarted bot) share the file.
 */
export class SqliteQuizStore implements QuizStore {
  private readonly statements: PreparedStatements;
  private readonly createQuestionTransaction: Transaction<(input: NewQuestion) => { created: boolean; question: StoredQuestion }>;
  private readonly recordAnswerTransaction: Transaction<
    (questionId: string, userId: string, userName: string, choice: number, now: Date) => RecordAnswerResult
  >;
  private readonly closeQuestionTransaction: Transaction<(questionId: string, now: Date) => StoredQuestion | null>;

  constructor(private readonly db: SqliteDatabase) {
    this.statements = prepareStatements(db);
    this.createQuestionTransaction = db.transaction((input: NewQuestion) => this.insertQuestion(input));
    this.recordAnswerTransaction = db.transaction((questionId: string, userId: string, userName: string, choice: number, now: Date) =>
      this.insertAnswer(questionId, userId, userName, choice, now),
    );
    this.closeQuestionTransaction = db.transaction((questionId: string, now: Date) => this.markClosed(questionId, now));
  }

  // Schedules

  saveSchedule(schedule: NewSchedule): Schedule {
    this.statements.upsertSchedule.run({
      guildId: schedule.guildId,
      channelId: schedule.channelId,
      cron: schedule.cron,
      timezone: schedule.timezone,
      noteId: schedule.noteId,
      closeAfterMinutes: schedule.closeAfterMinutes,
      language: schedule.language ?? null,
      createdBy: schedule.createdBy,
      createdAt: schedule.createdAt.getTime(),
    });
    const saved = this.getSchedule(schedule.guildId, schedule.channelId);
    if (!saved) throw new Error(`Schedule ${schedule.guildId}/${schedule.channelId} vanished right after saving`);
    return saved;
  }

  deleteSchedule(guildId: string, channelId: string): boolean {
    return this.statements.deleteSchedule.run(guildId, channelId).changes === 1;
  }

  getSchedule(guildId: string, channelId: string): Schedule | null {
    const row = this.statements.selectSchedule.get(guildId, channelId);
    return row ? toSchedule(row) : null;
  }

  listSchedules(guildId?: string): Schedule[] {
    const rows = guildId === undefined ? this.statements.selectAllSchedules.all() : this.statements.selectGuildSchedules.all(guildId);
    return rows.map(toSchedule);
  }

  recordScheduleProblem(guildId: string, channelId: string, problem: string, at: Date, pause: boolean): void {
    this.statements.updateScheduleProblem.run({ guildId, channelId, problem, at: at.getTime(), pause: pause ? 1 : 0 });
  }

  clearScheduleProblem(guildId: string, channelId: string): void {
    this.statements.clearScheduleProblem.run(guildId, channelId);
  }

  // Guild settings

  getGuildTimezone(guildId: string): string | null {
    return this.statements.selectGuildTimezone.get(guildId)?.timezone ?? null;
  }

  setGuildTimezone(guildId: string, timezone: string): void {
    this.statements.upsertGuildTimezone.run(guildId, timezone);
  }

  // Questions

  createQuestion(input: NewQuestion): { created: boolean; question: StoredQuestion } {
    return this.createQuestionTransaction.immediate(input);
  }

  setQuestionMessage(questionId: string, messageId: string): void {
    this.statements.updateQuestionMessage.run(messageId, questionId);
  }

  getQuestion(questionId: string): StoredQuestion | null {
    const row = this.statements.selectQuestion.get(questionId);
    return row ? toStoredQuestion(row) : null;
  }

  getOpenQuestion(guildId: string, channelId: string): StoredQuestion | null {
    const row = this.statements.selectOpenChannelQuestion.get(guildId, channelId);
    return row ? toStoredQuestion(row) : null;
  }

  listOverdueQuestions(now: Date): StoredQuestion[] {
    return this.statements.selectOverdueQuestions.all(now.getTime()).map(toStoredQuestion);
  }

  listOpenQuestions(): StoredQuestion[] {
    return this.statements.selectOpenQuestions.all().map(toStoredQuestion);
  }

  /** Newest by creation among the channel's posts; practice questions are not posts and are left out. */
  getLatestQuestion(guildId: string, channelId: string): StoredQuestion | null {
    const row = this.statements.selectLatestChannelQuestion.get(guildId, channelId);
    return row ? toStoredQuestion(row) : null;
  }

  discardUnpostedQuestion(questionId: string): boolean {
    return this.statements.deleteUnpostedQuestion.run({ questionId }).changes === 1;
  }

  // Answers

  /**
   * Durable on return: the commit is in the WAL before this returns, and with `synchronous = NORMAL` a
   * killed process cannot lose it (see openDatabase). So the caller may acknowledge the click afterwards.
   */
  recordAnswer(questionId: string, userId: string, userName: string, choice: number, now: Date): RecordAnswerResult {
    // IMMEDIATE: the open-check and the insert must see the same state as a close running in another process.
    return this.recordAnswerTransaction.immediate(questionId, userId, userName, choice, now);
  }

  getTally(questionId: string): Tally {
    const optionsJson = this.statements.selectQuestionOptions.get(questionId)?.options_json;
    const counts: number[] = optionsJson === undefined ? [] : (JSON.parse(optionsJson) as string[]).map(() => 0);
    let participants = 0;
    for (const { choice, count } of this.statements.selectChoiceCounts.all(questionId)) {
      counts[choice] = count;
      participants += count;
    }
    const correct = this.statements.selectCorrectAnswerers.all(questionId).map((row) => ({ userId: row.user_id, userName: row.user_name }));
    return { questionId, counts, participants, correct };
  }

  closeQuestion(questionId: string, now: Date): ClosedQuestion | null {
    const question = this.closeQuestionTransaction.immediate(questionId, now);
    return question ? { question, tally: this.getTally(questionId) } : null;
  }

  // Scores

  /**
   * A point belongs to the period in which its question closed (the reveal), not to the click: counting
   * clicks on open questions would let the leaderboard reveal who answered right before the reveal does.
   * `since = null` reads the running totals; any date aggregates the answers scored at or after it.
   */
  getLeaderboard(guildId: string, period: LeaderboardPeriod, since: Date | null, callerId: string | null, limit = 10): Leaderboard {
    const parameters = { guildId, limit, callerId };
    // A period that starts before the guild's first scored answer holds the whole history: the running
    // totals answer it without aggregating every answer (a team in its first month asks exactly that).
    const earliest = since === null ? null : (this.statements.selectEarliestScoredAt.get(guildId)?.earliest ?? null);
    const wholeHistory = since === null || earliest === null || since.getTime() <= earliest;
    const rows = wholeHistory
      ? this.statements.selectAllTimeLeaderboard.all(parameters)
      : this.statements.selectPeriodLeaderboard.all({ ...parameters, since: since.getTime() });
    const top: LeaderboardRow[] = [];
    let caller: LeaderboardRow | null = null;
    for (const row of rows) {
      const entry: LeaderboardRow = {
        rank: row.rank,
        userId: row.user_id,
        userName: row.user_name,
        points: row.points,
        answered: row.answered,
        accuracy: toAccuracy(row.points, row.answered),
        streak: row.streak,
      };
      if (row.position <= limit) top.push(entry);
      else caller = entry;
    }
    return { period, since, top, caller };
  }

  getMemberStats(guildId: string, userId: string): MemberStats {
    const score = this.statements.selectMemberScore.get(guildId, userId);
    const points = score?.points ?? 0;
    const answered = score?.answered ?? 0;
    return {
      userId,
      userName: this.statements.selectMemberName.get(guildId, userId)?.user_name ?? null,
      points,
      answered,
      accuracy: toAccuracy(points, answered),
      streak: score?.streak ?? 0,
      bestStreak: score?.best_streak ?? 0,
      weakest: this.statements.selectWeakestConcepts
        .all(guildId, userId)
        .map((row) => ({ conceptId: row.concept_id, answered: row.answered, correct: row.correct })),
    };
  }

  getConceptPerformance(guildId: string, channelId: string): ConceptPerformance[] {
    return this.statements.selectConceptPerformance.all(guildId, channelId).map((row: ConceptPerformanceRow) => ({
      conceptId: row.concept_id,
      asked: row.asked,
      answers: row.answers,
      correctAnswers: row.correct_answers,
      lastAskedAt: toDateOrNull(row.last_asked_at),
    }));
  }

  /**
   * Rounds are counted from the channel's first question onwards: each time every concept of `scope` has been
   * asked, a new round starts. (Walking newest-first to the last full cover would instead make the order a
   * fixed cycle and leave the chooser no freedom to prefer weak concepts at the start of a round.)
   * A scope that changed is applied to the whole history, so a newly added concept belongs to the current round.
   */
  listConceptsAskedThisRound(guildId: string, channelId: string, scope: readonly string[]): Set<string> {
    const inScope = new Set(scope);
    let round = new Set<string>();
    if (inScope.size === 0) return round;
    for (const { concept_id: conceptId } of this.statements.selectChannelConceptHistory.iterate(guildId, channelId)) {
      if (!inScope.has(conceptId)) continue;
      round.add(conceptId);
      if (round.size === inScope.size) round = new Set();
    }
    return round;
  }

  close(): void {
    this.db.close();
  }

  // Transaction bodies (run only inside the transactions made in the constructor)

  private insertQuestion(input: NewQuestion): { created: boolean; question: StoredQuestion } {
    const { question } = input;
    const inserted = this.statements.insertQuestion.run({
      id: createShortId(),
      guildId: input.guildId,
      channelId: input.channelId,
      slotKey: input.slotKey,
      conceptId: question.conceptId,
      kind: question.kind,
      prompt: question.prompt,
      optionsJson: JSON.stringify(question.options),
      answer: question.answer,
      optionConceptIdsJson: question.optionConceptIds === undefined ? null : JSON.stringify(question.optionConceptIds),
      practiceUserId: input.practiceUserId ?? null,
      language: input.language ?? null,
      createdAt: input.createdAt.getTime(),
      closesAt: input.closesAt.getTime(),
    });
    const row = this.statements.selectQuestionBySlot.get(input.guildId, input.channelId, input.slotKey);
    if (!row) throw new Error(`Question for slot ${input.slotKey} in ${input.guildId}/${input.channelId} is missing right after insert`);
    return { created: inserted.changes === 1, question: toStoredQuestion(row) };
  }

  private insertAnswer(questionId: string, userId: string, userName: string, choice: number, now: Date): RecordAnswerResult {
    const row = this.statements.selectQuestion.get(questionId);
    if (!row) return { kind: 'unknown-question' };
    const question = toStoredQuestion(row);
    if (question.status === 'closed' || now.getTime() >= row.closes_at) return { kind: 'closed', question };
    // Only a custom id the bot never made carries another choice: a clear answer, not an error.
    if (!Number.isInteger(choice) || choice < 0 || choice >= question.options.length) return { kind: 'invalid-choice', question };

    const answeredAt = now.getTime();
    const inserted = this.statements.insertAnswer.run({
      questionId,
      userId,
      userName,
      choice,
      correct: choice === row.answer ? 1 : 0,
      answeredAt,
      guildId: row.guild_id,
    });
    const stored = this.statements.selectAnswer.get(questionId, userId);
    if (!stored) throw new Error(`Answer of ${userId} to ${questionId} is missing right after insert`);
    if (inserted.changes === 0) return { kind: 'already-answered', answer: toRecordedAnswer(stored), question };

    this.statements.upsertMemberName.run({ guildId: row.guild_id, userId, userName, updatedAt: answeredAt });
    return { kind: 'recorded', answer: toRecordedAnswer(stored), question };
  }

  private markClosed(questionId: string, now: Date): StoredQuestion | null {
    const before = this.statements.selectQuestion.get(questionId);
    if (!before) return null;
    const closedAt = now.getTime();
    // Only the transition open → closed scores; a second close (or a close racing in another process) changes nothing.
    const changed = this.statements.updateQuestionClosed.run(closedAt, questionId).changes === 1;
    if (changed && before.practice_user_id === null) {
      this.statements.resetStreaksOfMissingMembers.run(before.guild_id, questionId);
      this.statements.upsertScoresFromAnswers.run(questionId);
      this.statements.updateAnswersScored.run(closedAt, questionId);
    }
    const after = this.statements.selectQuestion.get(questionId);
    return after ? toStoredQuestion(after) : null;
  }
}

/** Open the database file (creating it and its directory, applying migrations) and wrap it in the store. */
export function openQuizStore(file: string): SqliteQuizStore {
  return new SqliteQuizStore(openDatabase(file));
}

type PreparedStatements = ReturnType<typeof prepareStatements>;

function prepareStatements(db: SqliteDatabase) {
  const questionColumns = `id, guild_id, channel_id, slot_key, concept_id, kind, prompt, options_json, answer,
    option_concept_ids_json, practice_user_id, message_id, language, status, created_at, closes_at, closed_at`;
  const answerColumns = 'question_id, user_id, user_name, choice, correct, answered_at';

  return {
    upsertSchedule: db.prepare<{
      guildId: string;
      channelId: string;
      cron: string;
      timezone: string;
      noteId: string | null;
      closeAfterMinutes: number | null;
      language: string | null;
      createdBy: string;
      createdAt: number;
    }>(`
      INSERT INTO schedules (guild_id, channel_id, cron, timezone, note_id, close_after_minutes, language, paused, last_error, last_error_at, created_by, created_at)
      VALUES (@guildId, @channelId, @cron, @timezone, @noteId, @closeAfterMinutes, @language, 0, NULL, NULL, @createdBy, @createdAt)
      ON CONFLICT (guild_id, channel_id) DO UPDATE SET
        cron = excluded.cron, timezone = excluded.timezone, note_id = excluded.note_id,
        close_after_minutes = excluded.close_after_minutes, language = excluded.language, paused = 0, last_error = NULL, last_error_at = NULL,
        created_by = excluded.created_by, created_at = excluded.created_at`),
    deleteSchedule: db.prepare<[string, string]>('DELETE FROM schedules WHERE guild_id = ? AND channel_id = ?'),
    selectSchedule: db.prepare<[string, string], ScheduleRow>('SELECT * FROM schedules WHERE guild_id = ? AND channel_id = ?'),
    selectAllSchedules: db.prepare<[], ScheduleRow>('SELECT * FROM schedules ORDER BY guild_id, channel_id'),
    selectGuildSchedules: db.prepare<[string], ScheduleRow>('SELECT * FROM schedules WHERE guild_id = ? ORDER BY channel_id'),
    updateScheduleProblem: db.prepare<{ guildId: string; channelId: string; problem: string; at: number; pause: number }>(`
      UPDATE schedules SET last_error = @problem, last_error_at = @at, paused = MAX(paused, @pause)
      WHERE guild_id = @guildId AND channel_id = @channelId`),
    clearScheduleProblem: db.prepare<[string, string]>(
      'UPDATE schedules SET last_error = NULL, last_error_at = NULL WHERE guild_id = ? AND channel_id = ?',
    ),

    selectGuildTimezone: db.prepare<[string], { timezone: string }>('SELECT timezone FROM guild_settings WHERE guild_id = ?'),
    upsertGuildTimezone: db.prepare<[string, string]>(
      'INSERT INTO guild_settings (guild_id, timezone) VALUES (?, ?) ON CONFLICT (guild_id) DO UPDATE SET timezone = excluded.timezone',
    ),

    insertQuestion: db.prepare<{
      id: string;
      guildId: string;
      channelId: string;
      slotKey: string;
      conceptId: string;
      kind: string;
      prompt: string;
      optionsJson: string;
      answer: number;
      optionConceptIdsJson: string | null;
      practiceUserId: string | null;
      language: string | null;
      createdAt: number;
      closesAt: number;
    }>(`
      INSERT INTO questions (id, guild_id, channel_id, slot_key, concept_id, kind, prompt, options_json, answer,
        option_concept_ids_json, practice_user_id, language, status, created_at, closes_at)
      VALUES (@id, @guildId, @channelId, @slotKey, @conceptId, @kind, @prompt, @optionsJson, @answer,
        @optionConceptIdsJson, @practiceUserId, @language, 'open', @createdAt, @closesAt)
      ON CONFLICT (guild_id, channel_id, slot_key) DO NOTHING`),
    selectQuestion: db.prepare<[string], QuestionRow>(`SELECT ${questionColumns} FROM questions WHERE id = ?`),
    selectQuestionOptions: db.prepare<[string], { options_json: string }>('SELECT options_json FROM questions WHERE id = ?'),
    selectQuestionBySlot: db.prepare<[string, string, string], QuestionRow>(
      `SELECT ${questionColumns} FROM questions WHERE guild_id = ? AND channel_id = ? AND slot_key = ?`,
    ),
    updateQuestionMessage: db.prepare<[string, string]>('UPDATE questions SET message_id = ? WHERE id = ?'),
    selectOpenChannelQuestion: db.prepare<[string, string], QuestionRow>(`
      SELECT ${questionColumns} FROM questions
      WHERE guild_id = ? AND channel_id = ? AND status = 'open' AND practice_user_id IS NULL
      ORDER BY created_at DESC, rowid DESC LIMIT 1`),
    selectLatestChannelQuestion: db.prepare<[string, string], QuestionRow>(`
      SELECT ${questionColumns} FROM questions
      WHERE guild_id = ? AND channel_id = ? AND practice_user_id IS NULL
      ORDER BY created_at DESC, rowid DESC LIMIT 1`),
    selectOverdueQuestions: db.prepare<[number], QuestionRow>(
      `SELECT ${questionColumns} FROM questions WHERE status = 'open' AND closes_at <= ? ORDER BY closes_at, rowid`,
    ),
    selectOpenQuestions: db.prepare<[], QuestionRow>(`SELECT ${questionColumns} FROM questions WHERE status = 'open' ORDER BY closes_at, rowid`),
    deleteUnpostedQuestion: db.prepare<{ questionId: string }>(`
      DELETE FROM questions
      WHERE id = @questionId AND message_id IS NULL AND NOT EXISTS (SELECT 1 FROM answers WHERE question_id = @questionId)`),
    updateQuestionClosed: db.prepare<[number, string]>(`UPDATE questions SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'`),

    insertAnswer: db.prepare<{
      questionId: string;
      userId: string;
      userName: string;
      choice: number;
      correct: number;
      answeredAt: number;
      guildId: string;
    }>(`
      INSERT INTO answers (question_id, user_id, user_name, choice, correct, answered_at, guild_id)
      VALUES (@questionId, @userId, @userName, @choice, @correct, @answeredAt, @guildId)
      ON CONFLICT (question_id, user_id) DO NOTHING`),
    selectAnswer: db.prepare<[string, string], AnswerRow>(`SELECT ${answerColumns} FROM answers WHERE question_id = ? AND user_id = ?`),
    upsertMemberName: db.prepare<{ guildId: string; userId: string; userName: string; updatedAt: number }>(`
      INSERT INTO member_names (guild_id, user_id, user_name, updated_at) VALUES (@guildId, @userId, @userName, @updatedAt)
      ON CONFLICT (guild_id, user_id) DO UPDATE SET user_name = excluded.user_name, updated_at = excluded.updated_at
      WHERE excluded.updated_at >= member_names.updated_at AND excluded.user_name <> member_names.user_name`),
    selectChoiceCounts: db.prepare<[string], { choice: number; count: number }>(
      'SELECT choice, COUNT(*) AS count FROM answers WHERE question_id = ? GROUP BY choice',
    ),
    selectCorrectAnswerers: db.prepare<[string], { user_id: string; user_name: string }>(
      'SELECT user_id, user_name FROM answers WHERE question_id = ? AND correct = 1 ORDER BY answered_at, rowid',
    ),

    // Closing: a member of the guild's scores who did not answer loses the streak (a missed question ends it).
    resetStreaksOfMissingMembers: db.prepare<[string, string]>(`
      UPDATE member_scores SET streak = 0
      WHERE guild_id = ? AND streak > 0 AND user_id NOT IN (SELECT user_id FROM answers WHERE question_id = ?)`),
    upsertScoresFromAnswers: db.prepare<[string]>(`
      INSERT INTO member_scores (guild_id, user_id, points, answered, streak, best_streak, last_correct_at)
      SELECT guild_id, user_id, correct, 1, correct, correct, CASE WHEN correct = 1 THEN answered_at END
      FROM answers WHERE question_id = ?
      ON CONFLICT (guild_id, user_id) DO UPDATE SET
        points = points + excluded.points,
        answered = answered + 1,
        streak = CASE WHEN excluded.points = 1 THEN streak + 1 ELSE 0 END,
        best_streak = MAX(best_streak, CASE WHEN excluded.points = 1 THEN streak + 1 ELSE 0 END),
        last_correct_at = COALESCE(excluded.last_correct_at, last_correct_at)`),
    updateAnswersScored: db.prepare<[number, string]>('UPDATE answers SET scored_at = ? WHERE question_id = ?'),

    selectPeriodLeaderboard: db.prepare<{ guildId: string; since: number; limit: number; callerId: string | null }, LeaderboardQueryRow>(`
      WITH totals AS (
        SELECT user_id, SUM(correct) AS points, COUNT(*) AS answered,
          MAX(CASE WHEN correct = 1 THEN answered_at END) AS last_correct_at
        FROM answers WHERE guild_id = @guildId AND scored_at >= @since
        GROUP BY user_id
      ),
      ${rankLeaderboardSql}`),
    selectEarliestScoredAt: db.prepare<[string], { earliest: number | null }>(
      'SELECT MIN(scored_at) AS earliest FROM answers WHERE guild_id = ? AND scored_at IS NOT NULL',
    ),
    selectAllTimeLeaderboard: db.prepare<{ guildId: string; limit: number; callerId: string | null }, LeaderboardQueryRow>(`
      WITH totals AS (
        SELECT user_id, points, answered, last_correct_at FROM member_scores WHERE guild_id = @guildId AND answered > 0
      ),
      ${rankLeaderboardSql}`),
    selectMemberScore: db.prepare<[string, string], MemberScoreRow>(
      'SELECT points, answered, streak, best_streak FROM member_scores WHERE guild_id = ? AND user_id = ?',
    ),
    selectMemberName: db.prepare<[string, string], { user_name: string }>('SELECT user_name FROM member_names WHERE guild_id = ? AND user_id = ?'),
    // Weakest = lowest correct rate among scored answers; concepts always answered right are not weak.
    selectWeakestConcepts: db.prepare<[string, string], { concept_id: string; answered: number; correct: number }>(`
      SELECT q.concept_id, COUNT(*) AS answered, SUM(a.correct) AS correct
      FROM answers a JOIN questions q ON q.id = a.question_id
      WHERE a.guild_id = ? AND a.user_id = ? AND a.scored_at IS NOT NULL
      GROUP BY q.concept_id
      HAVING SUM(a.correct) < COUNT(*)
      ORDER BY CAST(SUM(a.correct) AS REAL) / COUNT(*), COUNT(*) DESC, q.concept_id
      LIMIT 5`),
    selectConceptPerformance: db.prepare<[string, string], ConceptPerformanceRow>(`
      SELECT q.concept_id, COUNT(DISTINCT q.id) AS asked, COUNT(a.user_id) AS answers,
        COALESCE(SUM(a.correct), 0) AS correct_answers, MAX(q.created_at) AS last_asked_at
      FROM questions q LEFT JOIN answers a ON a.question_id = q.id
      WHERE q.guild_id = ? AND q.channel_id = ? AND q.practice_user_id IS NULL
      GROUP BY q.concept_id
      ORDER BY q.concept_id`),
    selectChannelConceptHistory: db.prepare<[string, string], { concept_id: string }>(`
      SELECT concept_id FROM questions
      WHERE guild_id = ? AND channel_id = ? AND practice_user_id IS NULL
      ORDER BY created_at, rowid`),
  };
}
