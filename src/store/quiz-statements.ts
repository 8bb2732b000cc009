// The SQL of the SQLite quiz store, prepared once per connection: every statement the store runs, with the
// shape of its parameters and rows, so the store itself reads as the story of schedules, questions and scores.
import type { SqliteDatabase } from './database.js';
import type { AnswerRow, FlashcardGradeRow, PendingRevealRow, QuestionRow, ScheduleRow } from './row-mappers.js';

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

export type PreparedStatements = ReturnType<typeof prepareStatements>;

export function prepareStatements(db: SqliteDatabase) {
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
      INSERT INTO schedules (guild_id, channel_id, cron, timezone, note_id, close_after_minutes, language, paused, last_problem_kind, last_problem_data, last_problem_at, created_by, created_at)
      VALUES (@guildId, @channelId, @cron, @timezone, @noteId, @closeAfterMinutes, @language, 0, NULL, NULL, NULL, @createdBy, @createdAt)
      ON CONFLICT (guild_id, channel_id) DO UPDATE SET
        cron = excluded.cron, timezone = excluded.timezone, note_id = excluded.note_id,
        close_after_minutes = excluded.close_after_minutes, language = excluded.language, paused = 0,
        last_problem_kind = NULL, last_problem_data = NULL, last_problem_at = NULL,
        created_by = excluded.created_by, created_at = excluded.created_at`),
    deleteSchedule: db.prepare<[string, string]>('DELETE FROM schedules WHERE guild_id = ? AND channel_id = ?'),
    selectSchedule: db.prepare<[string, string], ScheduleRow>('SELECT * FROM schedules WHERE guild_id = ? AND channel_id = ?'),
    selectAllSchedules: db.prepare<[], ScheduleRow>('SELECT * FROM schedules ORDER BY guild_id, channel_id'),
    selectGuildSchedules: db.prepare<[string], ScheduleRow>('SELECT * FROM schedules WHERE guild_id = ? ORDER BY channel_id'),
    updateScheduleProblem: db.prepare<{ guildId: string; channelId: string; kind: string; data: string; at: number; pause: number }>(`
      UPDATE schedules SET last_problem_kind = @kind, last_problem_data = @data, last_problem_at = @at, paused = MAX(paused, @pause)
      WHERE guild_id = @guildId AND channel_id = @channelId`),
    clearScheduleProblem: db.prepare<[string, string]>(
      'UPDATE schedules SET last_problem_kind = NULL, last_problem_data = NULL, last_problem_at = NULL WHERE guild_id = ? AND channel_id = ?',
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
    // A post that went out owes its reveal from the close on; practice and unposted questions have nothing to edit.
    updateQuestionClosed: db.prepare<{ closedAt: number; questionId: string }>(`
      UPDATE questions SET status = 'closed', closed_at = @closedAt,
        reveal_due_at = CASE WHEN message_id IS NOT NULL AND practice_user_id IS NULL THEN @closedAt ELSE NULL END
      WHERE id = @questionId AND status = 'open'`),
    selectDueReveals: db.prepare<[number], PendingRevealRow>(
      `SELECT ${questionColumns}, reveal_due_at, reveal_attempts FROM questions WHERE reveal_due_at <= ? ORDER BY reveal_due_at, rowid`,
    ),
    selectChannelPendingReveal: db.prepare<[string, string], PendingRevealRow>(`
      SELECT ${questionColumns}, reveal_due_at, reveal_attempts FROM questions
      WHERE guild_id = ? AND channel_id = ? AND reveal_due_at IS NOT NULL
      ORDER BY closed_at DESC, rowid DESC LIMIT 1`),
    selectNextRevealDue: db.prepare<[], { due: number | null }>('SELECT MIN(reveal_due_at) AS due FROM questions WHERE reveal_due_at IS NOT NULL'),
    updateRevealRetry: db.prepare<[number, string]>(
      'UPDATE questions SET reveal_due_at = ?, reveal_attempts = reveal_attempts + 1 WHERE id = ? AND reveal_due_at IS NOT NULL',
    ),
    clearReveal: db.prepare<[string]>('UPDATE questions SET reveal_due_at = NULL WHERE id = ?'),
    selectUnpostedQuestions: db.prepare<[], QuestionRow>(`
      SELECT ${questionColumns} FROM questions
      WHERE status = 'open' AND message_id IS NULL AND practice_user_id IS NULL ORDER BY created_at, rowid`),

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

    insertFlashcardGrade: db.prepare<{ guildId: string; userId: string; conceptId: string; cardKey: string; grade: string; gradedAt: number }>(`
      INSERT INTO flashcard_grades (guild_id, user_id, concept_id, card_key, grade, graded_at)
      VALUES (@guildId, @userId, @conceptId, @cardKey, @grade, @gradedAt)`),
    selectFlashcardGrade: db.prepare<[number | bigint], FlashcardGradeRow>(
      'SELECT guild_id, user_id, concept_id, card_key, grade, graded_at FROM flashcard_grades WHERE id = ?',
    ),
    // The latest grade of each card a member graded; the id breaks a tie of two grades in one millisecond.
    selectLatestFlashcardGrades: db.prepare<[string, string], FlashcardGradeRow>(`
      SELECT guild_id, user_id, concept_id, card_key, grade, graded_at FROM (
        SELECT *, ROW_NUMBER() OVER (PARTITION BY card_key ORDER BY graded_at DESC, id DESC) AS newest
        FROM flashcard_grades WHERE guild_id = ? AND user_id = ?
      ) WHERE newest = 1
      ORDER BY card_key`),
  };
}
