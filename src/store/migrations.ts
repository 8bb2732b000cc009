/**
 * The schema, as numbered steps applied in order at startup (see `openDatabase`). Never edit a step that
 * has shipped: add the next one. Dates are integer epoch milliseconds; booleans are 0/1.
 *
 * The SQL stays close to what PostgreSQL also accepts (ON CONFLICT upserts, plain types, no SQLite-only
 * functions in the schema) so a second backend can reuse the table design behind the `QuizStore` interface.
 */
export interface Migration {
  version: number;
  /** `001_initial`: recorded in `schema_migrations` beside the version. */
  name: string;
  sql: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    name: '001_initial',
    sql: `
      CREATE TABLE guild_settings (
        guild_id TEXT PRIMARY KEY,
        timezone TEXT NOT NULL
      );

      CREATE TABLE schedules (
        guild_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        cron TEXT NOT NULL,
        timezone TEXT NOT NULL,
        note_id TEXT,
        close_after_minutes INTEGER,
        paused INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        last_error_at INTEGER,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        PRIMARY KEY (guild_id, channel_id)
      );

      CREATE TABLE questions (
        id TEXT PRIMARY KEY,
        guild_id TEXT NOT NULL,
        channel_id TEXT NOT NULL,
        slot_key TEXT NOT NULL,
        concept_id TEXT NOT NULL,
        kind TEXT NOT NULL,
        prompt TEXT NOT NULL,
        options_json TEXT NOT NULL,
        answer INTEGER NOT NULL,
        option_concept_ids_json TEXT,
        practice_user_id TEXT,
        message_id TEXT,
        status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        created_at INTEGER NOT NULL,
        closes_at INTEGER NOT NULL,
        closed_at INTEGER,
        -- One post per channel per slot, even across restarts and double cron triggers.
        UNIQUE (guild_id, channel_id, slot_key)
      );
      CREATE INDEX questions_by_channel ON questions (guild_id, channel_id, created_at);
      CREATE INDEX questions_open_by_close ON questions (closes_at) WHERE status = 'open';

      -- guild_id and correct are copied from the question so leaderboards never join; scored_at is the
      -- question's close time, set when a non-practice question closes (null = not counted yet).
      CREATE TABLE answers (
        question_id TEXT NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        choice INTEGER NOT NULL,
        correct INTEGER NOT NULL,
        answered_at INTEGER NOT NULL,
        guild_id TEXT NOT NULL,
        scored_at INTEGER,
        -- The first answer of a member is the one that counts.
        PRIMARY KEY (question_id, user_id)
      );
      CREATE INDEX answers_scored_by_guild ON answers (guild_id, scored_at, user_id, correct, answered_at)
        WHERE scored_at IS NOT NULL;
      CREATE INDEX answers_by_member ON answers (guild_id, user_id);

      -- Running totals of scored answers: the all-time leaderboard and streaks read them directly.
      CREATE TABLE member_scores (
        guild_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        points INTEGER NOT NULL DEFAULT 0,
        answered INTEGER NOT NULL DEFAULT 0,
        streak INTEGER NOT NULL DEFAULT 0,
        best_streak INTEGER NOT NULL DEFAULT 0,
        last_correct_at INTEGER,
        PRIMARY KEY (guild_id, user_id)
      );

      -- The latest display name per member, for leaderboards (answers keep the name used at the time).
      CREATE TABLE member_names (
        guild_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        user_name TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (guild_id, user_id)
      );
    `,
  },
  {
    version: 2,
    name: '002_post_language',
    sql: `
      -- The language of a channel's posts (the scheduling admin's) and of each post and its reveal; NULL = the server's.
      ALTER TABLE schedules ADD COLUMN language TEXT;
      ALTER TABLE questions ADD COLUMN language TEXT;
    `,
  },
  {
    version: 3,
    name: '003_flashcard_grades',
    sql: `
      -- Every self-grade of a flashcard ("knew it" / "didn't"), kept as history; practice reads the latest per card.
      -- card_key is a hash of the concept id and the question text (see createCardKey): stable while the card is.
      CREATE TABLE flashcard_grades (
        id INTEGER PRIMARY KEY,
        guild_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        concept_id TEXT NOT NULL,
        card_key TEXT NOT NULL,
        grade TEXT NOT NULL CHECK (grade IN ('knew', 'didnt')),
        graded_at INTEGER NOT NULL
      );
      CREATE INDEX flashcard_grades_by_member ON flashcard_grades (guild_id, user_id, card_key, graded_at);
    `,
  },
  {
    version: 4,
    name: '004_reveal_retries',
    sql: `
      -- A reveal owed to a closed post: due at this time (NULL = shown, or nothing to show), after this many
      -- failed edits. Kept in the database so a restart goes on retrying instead of leaving a stale post.
      ALTER TABLE questions ADD COLUMN reveal_due_at INTEGER;
      ALTER TABLE questions ADD COLUMN reveal_attempts INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX questions_reveal_due ON questions (reveal_due_at) WHERE reveal_due_at IS NOT NULL;
    `,
  },
  {
    version: 5,
    name: '005_schedule_problems',
    sql: `
      -- A schedule's last problem as a kind and its fields (JSON), so the view words it in the admin's language.
      -- Until now it was an English sentence that /quiz-admin list parsed back with regular expressions. The
      -- sentences those expressions read are parsed here, once, into the same kinds the bot now writes, so an old
      -- row reads as before (a Korean admin still sees the permissions by their Korean names); any other sentence
      -- becomes 'legacy' and is shown as it was written. Permission names never hold quotes or backslashes, but
      -- they are escaped anyway so a damaged row cannot make the JSON (and the migration) fail.
      ALTER TABLE schedules ADD COLUMN last_problem_kind TEXT;
      ALTER TABLE schedules ADD COLUMN last_problem_data TEXT;
      UPDATE schedules SET
        last_problem_kind = CASE
          WHEN last_error LIKE 'Missing Permissions: %' THEN 'missing-permissions'
          WHEN last_error GLOB 'Rate limited: Discord asks to wait [0-9]* s' THEN 'rate-limited'
          WHEN last_error LIKE 'Unknown Channel%' THEN 'unknown-channel'
          WHEN last_error LIKE 'Unknown Message%' THEN 'unknown-message'
          WHEN last_error LIKE 'Posting failed: %' THEN 'post-failed'
          WHEN last_error LIKE 'Revealing a question failed: %' THEN 'reveal-failed'
          ELSE 'legacy'
        END,
        last_problem_data = CASE
          WHEN last_error LIKE 'Missing Permissions: %' THEN json_object('permissions', json(
            '["' || replace(replace(replace(substr(last_error, 22), '\\', '\\\\'), '"', '\\"'), ', ', '","') || '"]'))
          WHEN last_error GLOB 'Rate limited: Discord asks to wait [0-9]* s' THEN json_object('retryAfterMs',
            CAST(substr(last_error, 36, length(last_error) - 37) AS INTEGER) * 1000)
          WHEN last_error LIKE 'Unknown Channel%' OR last_error LIKE 'Unknown Message%' THEN json_object()
          WHEN last_error LIKE 'Posting failed: %' THEN json_object('error', substr(last_error, 17))
          WHEN last_error LIKE 'Revealing a question failed: %' THEN json_object('error', substr(last_error, 30))
          ELSE json_object('text', last_error)
        END
      WHERE last_error IS NOT NULL;
      ALTER TABLE schedules DROP COLUMN last_error;
      ALTER TABLE schedules RENAME COLUMN last_error_at TO last_problem_at;
    `,
  },
  {
    version: 6,
    name: '006_member_memory',
    sql: `
      -- Each member's FSRS memory of each concept (src/learning/memory-state.ts), one row per member and concept,
      -- in columns so due reviews and reminders can be queried. Times are epoch ms; last_review_at NULL = never reviewed.
      CREATE TABLE memory_states (
        guild_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        concept_id TEXT NOT NULL,
        phase TEXT NOT NULL CHECK (phase IN ('new', 'learning', 'review', 'relearning')),
        due_at INTEGER NOT NULL,
        stability REAL NOT NULL,
        difficulty REAL NOT NULL,
        scheduled_days INTEGER NOT NULL,
        learning_steps INTEGER NOT NULL,
        reps INTEGER NOT NULL,
        lapses INTEGER NOT NULL,
        last_review_at INTEGER,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (guild_id, user_id, concept_id)
      );
      CREATE INDEX memory_states_by_due ON memory_states (guild_id, due_at);

      -- Every review, whatever asked it, with the state before and after (JSON of MemoryState): enough to replay a
      -- member's history, to undo a review when the member re-rates it, and to chart recall at any past day.
      -- question_id links a channel or practice answer (NULL for flashcards and reviews without a stored question).
      CREATE TABLE review_logs (
        id INTEGER PRIMARY KEY,
        guild_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        concept_id TEXT NOT NULL,
        source TEXT NOT NULL CHECK (source IN ('channel', 'practice', 'flashcard', 'review')),
        rating TEXT NOT NULL CHECK (rating IN ('again', 'hard', 'good', 'easy')),
        -- The member's own word after answering (sure / unsure / guessed); the rating already counts it. NULL = none given.
        confidence TEXT CHECK (confidence IN ('sure', 'unsure', 'guessed')),
        question_id TEXT,
        reviewed_at INTEGER NOT NULL,
        state_before_json TEXT,
        state_after_json TEXT NOT NULL
      );
      CREATE INDEX review_logs_by_member ON review_logs (guild_id, user_id, concept_id, reviewed_at);
      CREATE INDEX review_logs_by_time ON review_logs (guild_id, reviewed_at);
      CREATE INDEX review_logs_by_question ON review_logs (question_id, user_id) WHERE question_id IS NOT NULL;
    `,
  },
  {
    version: 7,
    name: '007_reminders_and_reports',
    sql: `
      -- A member's opt-in to a daily review reminder by DM (src/learning/reminder-rules.ts), per guild. Rows stay when
      -- turned off, so "off because DMs are closed" can be told to the member once (notice_pending).
      CREATE TABLE reminders (
        guild_id TEXT NOT NULL,
        user_id TEXT NOT NULL,
        enabled INTEGER NOT NULL CHECK (enabled IN (0, 1)),
        minute_of_day INTEGER NOT NULL CHECK (minute_of_day BETWEEN 0 AND 1439),
        language TEXT,
        -- The guild-local date (YYYY-MM-DD) whose reminder was handled: sent, or nothing was due.
        handled_date TEXT,
        last_sent_at INTEGER,
        off_reason TEXT CHECK (off_reason IN ('member', 'dms-closed')),
        notice_pending INTEGER NOT NULL DEFAULT 0 CHECK (notice_pending IN (0, 1)),
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (guild_id, user_id)
      );
      CREATE INDEX reminders_enabled ON reminders (enabled) WHERE enabled = 1;

      -- The weekly team report of a guild (src/learning/report-schedule.ts): one channel and cron per guild. The last
      -- problem is kept as the quiz schedules keep theirs (kind + JSON fields), never as a sentence.
      CREATE TABLE report_schedules (
        guild_id TEXT PRIMARY KEY,
        channel_id TEXT NOT NULL,
        cron TEXT NOT NULL,
        timezone TEXT NOT NULL,
        language TEXT,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        last_posted_at INTEGER,
        last_problem_kind TEXT,
        last_problem_data TEXT,
        last_problem_at INTEGER
      );
    `,
  },
];
