// The SQL of members' memory (migration 006): states, the review log, and what the team report and the team's
// weakest concept read. Kept beside quiz-statements.ts so the quiz's own statements stay the quiz's story.
import type { SqliteDatabase } from './database.js';
import type { AnswerActivityRow, MemoryStateRow, ReviewLogRow } from './learning-row-mappers.js';

export type LearningStatements = ReturnType<typeof prepareLearningStatements>;

export function prepareLearningStatements(db: SqliteDatabase) {
  return {
    selectMemoryState: db.prepare<[string, string, string], MemoryStateRow>(
      'SELECT * FROM memory_states WHERE guild_id = ? AND user_id = ? AND concept_id = ?',
    ),
    upsertMemoryState: db.prepare<{
      guildId: string;
      userId: string;
      conceptId: string;
      phase: string;
      dueAt: number;
      stability: number;
      difficulty: number;
      scheduledDays: number;
      learningSteps: number;
      reps: number;
      lapses: number;
      lastReviewAt: number | null;
      updatedAt: number;
    }>(`
      INSERT INTO memory_states (guild_id, user_id, concept_id, phase, due_at, stability, difficulty, scheduled_days,
        learning_steps, reps, lapses, last_review_at, updated_at)
      VALUES (@guildId, @userId, @conceptId, @phase, @dueAt, @stability, @difficulty, @scheduledDays,
        @learningSteps, @reps, @lapses, @lastReviewAt, @updatedAt)
      ON CONFLICT (guild_id, user_id, concept_id) DO UPDATE SET
        phase = excluded.phase, due_at = excluded.due_at, stability = excluded.stability, difficulty = excluded.difficulty,
        scheduled_days = excluded.scheduled_days, learning_steps = excluded.learning_steps, reps = excluded.reps,
        lapses = excluded.lapses, last_review_at = excluded.last_review_at, updated_at = excluded.updated_at`),
    insertReviewLog: db.prepare<{
      guildId: string;
      userId: string;
      conceptId: string;
      source: string;
      rating: string;
      questionId: string | null;
      reviewedAt: number;
      stateBeforeJson: string | null;
      stateAfterJson: string;
    }>(`
      INSERT INTO review_logs (guild_id, user_id, concept_id, source, rating, question_id, reviewed_at, state_before_json, state_after_json)
      VALUES (@guildId, @userId, @conceptId, @source, @rating, @questionId, @reviewedAt, @stateBeforeJson, @stateAfterJson)`),
    selectReviewLog: db.prepare<[number | bigint], ReviewLogRow>('SELECT * FROM review_logs WHERE id = ?'),
    // The review an answer made (one per question and member: the first answer is the only one reviewed).
    selectAnswerReview: db.prepare<[string, string], ReviewLogRow>(
      'SELECT * FROM review_logs WHERE question_id = ? AND user_id = ? ORDER BY id LIMIT 1',
    ),
    selectLatestReviewId: db.prepare<[string, string, string], { id: number }>(
      'SELECT id FROM review_logs WHERE guild_id = ? AND user_id = ? AND concept_id = ? ORDER BY reviewed_at DESC, id DESC LIMIT 1',
    ),
    updateReviewRating: db.prepare<{ id: number; rating: string; confidence: string; stateAfterJson: string }>(
      'UPDATE review_logs SET rating = @rating, confidence = @confidence, state_after_json = @stateAfterJson WHERE id = @id',
    ),
    selectMemberMemoryStates: db.prepare<[string, string], MemoryStateRow>(
      'SELECT * FROM memory_states WHERE guild_id = ? AND user_id = ? ORDER BY concept_id',
    ),
    selectGuildMemoryStates: db.prepare<[string], MemoryStateRow>('SELECT * FROM memory_states WHERE guild_id = ? ORDER BY user_id, concept_id'),
    selectMemberReviewLogs: db.prepare<[string, string], ReviewLogRow>(
      'SELECT * FROM review_logs WHERE guild_id = ? AND user_id = ? ORDER BY reviewed_at, id',
    ),
    // The latest review of each member and concept at or before @at: the memory as it stood then.
    selectMemoriesAsOf: db.prepare<{ guildId: string; at: number }, ReviewLogRow>(`
      SELECT id, guild_id, user_id, concept_id, source, rating, confidence, question_id, reviewed_at, state_before_json, state_after_json
      FROM (
        SELECT r.*, ROW_NUMBER() OVER (PARTITION BY user_id, concept_id ORDER BY reviewed_at DESC, id DESC) AS latest
        FROM review_logs r WHERE guild_id = @guildId AND reviewed_at <= @at
      ) WHERE latest = 1
      ORDER BY user_id, concept_id`),
    // Members who answered the channel's own (non-practice) questions since @since, with their latest answer.
    selectRecentChannelAnswerers: db.prepare<{ guildId: string; channelId: string; since: number }, { user_id: string; last_answered_at: number }>(`
      SELECT a.user_id, MAX(a.answered_at) AS last_answered_at
      FROM answers a JOIN questions q ON q.id = a.question_id
      WHERE q.guild_id = @guildId AND q.channel_id = @channelId AND q.practice_user_id IS NULL AND a.answered_at >= @since
      GROUP BY a.user_id
      ORDER BY a.user_id`),
    // Every answer in the guild between @since (inclusive) and @until (exclusive): questions' answers (channel and
    // practice) and flashcard self-grades ("knew" counts as right).
    selectAnswerActivity: db.prepare<{ guildId: string; since: number; until: number }, AnswerActivityRow>(`
      SELECT a.user_id, q.concept_id, a.correct, a.answered_at
      FROM answers a JOIN questions q ON q.id = a.question_id
      WHERE a.guild_id = @guildId AND a.answered_at >= @since AND a.answered_at < @until
      UNION ALL
      SELECT g.user_id, g.concept_id, CASE WHEN g.grade = 'knew' THEN 1 ELSE 0 END, g.graded_at
      FROM flashcard_grades g
      WHERE g.guild_id = @guildId AND g.graded_at >= @since AND g.graded_at < @until
      ORDER BY 4, 1`),
    selectMemberNames: db.prepare<[string], { user_id: string; user_name: string }>(
      'SELECT user_id, user_name FROM member_names WHERE guild_id = ? ORDER BY user_id',
    ),
  };
}
