/**
 * The PostgreSQL schema, as numbered steps applied in order at start-up (see migrate-schema.ts). Never edit a step
 * that has shipped: add the next one.
 *
 * Numbered on their own, not in step with SQLite's list (src/store/migrations.ts): PostgreSQL starts at migration 1
 * = the schema SQLite reached after its migrations 1–7 (nothing older ever existed here, so there is nothing to
 * upgrade), and the two lists grow independently from then on, each reaching the same logical schema for the
 * quiz. Tables only several processes need (the shared Discord request window: migration 2, replaced by 3) exist here
 * alone.
 *
 * Types: times are `timestamptz` (a JS Date in and out; the memory state's epoch milliseconds are converted at
 * the edge), flags `boolean`, option lists `text[]`, structured fields `jsonb`, ids `text`. Ids and keys that
 * lists are ordered by use `COLLATE "C"`: byte order, as SQLite orders text, whatever the database's locale.
 * `seq` / `id` identity columns break ties of equal times in insertion order, as SQLite's rowid does.
 *
 * Each step runs in one transaction with `search_path` set to the store's schema (SET LOCAL), so the SQL below
 * names its tables unqualified.
 */
export interface PostgresMigration {
  version: number;
  /** `001_initial`: recorded in `schema_migrations` beside the version. */
  name: string;
  sql: string;
}

export const postgresMigrations: readonly PostgresMigration[] = [
  {
    version: 1,
    name: '001_initial',
    sql: `
      CREATE TABLE guild_settings (
        guild_id text COLLATE "C" PRIMARY KEY,
        timezone text NOT NULL
      );

      CREATE TABLE schedules (
        guild_id text COLLATE "C" NOT NULL,
        channel_id text COLLATE "C" NOT NULL,
        cron text NOT NULL,
        timezone text NOT NULL,
        note_id text,
        close_after_minutes integer,
        -- The language of the channel's posts (the scheduling admin's); NULL = the server's.
        language text,
        paused boolean NOT NULL DEFAULT false,
        -- The last problem as its kind and its other fields, so the view words it in the admin's language.
        last_problem_kind text,
        last_problem_data jsonb,
        last_problem_at timestamptz,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        PRIMARY KEY (guild_id, channel_id)
      );

      CREATE TABLE questions (
        id text COLLATE "C" PRIMARY KEY,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        guild_id text COLLATE "C" NOT NULL,
        channel_id text COLLATE "C" NOT NULL,
        slot_key text NOT NULL,
        concept_id text COLLATE "C" NOT NULL,
        kind text NOT NULL,
        prompt text NOT NULL,
        options text[] NOT NULL,
        answer integer NOT NULL,
        option_concept_ids text[],
        practice_user_id text,
        message_id text,
        language text,
        status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'closed')),
        created_at timestamptz NOT NULL,
        closes_at timestamptz NOT NULL,
        closed_at timestamptz,
        -- A reveal owed to a closed post: due at this time (NULL = shown, or nothing to show), after this many failed edits.
        reveal_due_at timestamptz,
        reveal_attempts integer NOT NULL DEFAULT 0,
        -- One post per channel per slot, even across restarts, double cron triggers and several processes.
        UNIQUE (guild_id, channel_id, slot_key)
      );
      CREATE INDEX questions_by_channel ON questions (guild_id, channel_id, created_at, seq);
      CREATE INDEX questions_open_by_close ON questions (closes_at, seq) WHERE status = 'open';
      CREATE INDEX questions_reveal_due ON questions (reveal_due_at) WHERE reveal_due_at IS NOT NULL;

      -- guild_id and correct are copied from the question so leaderboards never join; scored_at is the question's
      -- close time, set when a non-practice question closes (NULL = not counted yet).
      CREATE TABLE answers (
        question_id text COLLATE "C" NOT NULL REFERENCES questions (id) ON DELETE CASCADE,
        user_id text COLLATE "C" NOT NULL,
        seq bigint GENERATED ALWAYS AS IDENTITY,
        user_name text NOT NULL,
        choice integer NOT NULL,
        correct boolean NOT NULL,
        answered_at timestamptz NOT NULL,
        guild_id text COLLATE "C" NOT NULL,
        scored_at timestamptz,
        -- The first answer of a member is the one that counts.
        PRIMARY KEY (question_id, user_id)
      );
      -- The period leaderboard reads only this index (an index-only scan of the period's slice of the guild).
      CREATE INDEX answers_scored_by_guild ON answers (guild_id, scored_at) INCLUDE (user_id, correct, answered_at)
        WHERE scored_at IS NOT NULL;
      CREATE INDEX answers_by_member ON answers (guild_id, user_id);
      -- The weekly report's activity and the recent answerers of a channel read answers by time.
      CREATE INDEX answers_by_time ON answers (guild_id, answered_at);

      -- Running totals of scored answers: the all-time leaderboard and streaks read them directly.
      CREATE TABLE member_scores (
        guild_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        points integer NOT NULL DEFAULT 0,
        answered integer NOT NULL DEFAULT 0,
        streak integer NOT NULL DEFAULT 0,
        best_streak integer NOT NULL DEFAULT 0,
        last_correct_at timestamptz,
        PRIMARY KEY (guild_id, user_id)
      );

      -- The latest display name per member, for leaderboards (answers keep the name used at the time).
      CREATE TABLE member_names (
        guild_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        user_name text NOT NULL,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (guild_id, user_id)
      );

      -- Every self-grade of a flashcard, kept as history; practice reads the latest per card.
      CREATE TABLE flashcard_grades (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        guild_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        concept_id text COLLATE "C" NOT NULL,
        card_key text COLLATE "C" NOT NULL,
        grade text NOT NULL CHECK (grade IN ('knew', 'didnt')),
        graded_at timestamptz NOT NULL
      );
      CREATE INDEX flashcard_grades_by_member ON flashcard_grades (guild_id, user_id, card_key, graded_at);

      -- Each member's FSRS memory of each concept, in columns so due reviews and reminders can be queried.
      CREATE TABLE memory_states (
        guild_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        concept_id text COLLATE "C" NOT NULL,
        phase text NOT NULL CHECK (phase IN ('new', 'learning', 'review', 'relearning')),
        due_at timestamptz NOT NULL,
        stability double precision NOT NULL,
        difficulty double precision NOT NULL,
        scheduled_days integer NOT NULL,
        learning_steps integer NOT NULL,
        reps integer NOT NULL,
        lapses integer NOT NULL,
        last_review_at timestamptz,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (guild_id, user_id, concept_id)
      );
      CREATE INDEX memory_states_by_due ON memory_states (guild_id, due_at);

      -- Every review with the state before and after (a MemoryState as JSON, epoch-ms times inside): enough to
      -- replay a member's history, undo a review the member re-rates, and chart recall at any past day.
      CREATE TABLE review_logs (
        id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        guild_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        concept_id text COLLATE "C" NOT NULL,
        source text NOT NULL CHECK (source IN ('channel', 'practice', 'flashcard', 'review')),
        rating text NOT NULL CHECK (rating IN ('again', 'hard', 'good', 'easy')),
        confidence text CHECK (confidence IN ('sure', 'unsure', 'guessed')),
        question_id text COLLATE "C",
        reviewed_at timestamptz NOT NULL,
        state_before jsonb,
        state_after jsonb NOT NULL
      );
      CREATE INDEX review_logs_by_member ON review_logs (guild_id, user_id, concept_id, reviewed_at);
      CREATE INDEX review_logs_by_time ON review_logs (guild_id, reviewed_at);
      CREATE INDEX review_logs_by_question ON review_logs (question_id, user_id) WHERE question_id IS NOT NULL;

      -- A member's opt-in to a daily review reminder by DM, per guild. Rows stay when turned off, so "off because
      -- DMs are closed" can be told to the member once (notice_pending).
      CREATE TABLE reminders (
        guild_id text COLLATE "C" NOT NULL,
        user_id text COLLATE "C" NOT NULL,
        enabled boolean NOT NULL,
        minute_of_day integer NOT NULL CHECK (minute_of_day BETWEEN 0 AND 1439),
        language text,
        -- The guild-local date (YYYY-MM-DD) whose reminder was handled: sent, or nothing was due.
        handled_date text,
        last_sent_at timestamptz,
        off_reason text CHECK (off_reason IN ('member', 'dms-closed')),
        notice_pending boolean NOT NULL DEFAULT false,
        updated_at timestamptz NOT NULL,
        PRIMARY KEY (guild_id, user_id)
      );
      CREATE INDEX reminders_enabled ON reminders (guild_id, user_id) WHERE enabled;

      -- The weekly team report of a guild: one channel and cron per guild, its last problem kept as kind + fields.
      CREATE TABLE report_schedules (
        guild_id text COLLATE "C" PRIMARY KEY,
        channel_id text NOT NULL,
        cron text NOT NULL,
        timezone text NOT NULL,
        language text,
        created_by text NOT NULL,
        created_at timestamptz NOT NULL,
        last_posted_at timestamptz,
        last_problem_kind text,
        last_problem_data jsonb,
        last_problem_at timestamptz
      );
    `,
  },
  {
    version: 2,
    name: '002_discord_request_pace',
    sql: `
      -- The bot-wide Discord request sequence shared by every process (src/store/postgres/request-pacer.ts): one row,
      -- the time of the next free turn. PostgreSQL only: a single SQLite process paces itself.
      CREATE TABLE discord_request_pace (
        id integer PRIMARY KEY CHECK (id = 1),
        next_turn_at timestamptz NOT NULL
      );
    `,
  },
  {
    version: 3,
    name: '003_discord_request_permits',
    sql: `
      -- The bot-wide Discord request window (src/store/postgres/request-pacer.ts): one row per permit, free from
      -- free_at on; a permit taken is held by one request (holder) until its answer, then for one more second.
      -- It replaces the timetable of turns, which could not see how late a request reached Discord.
      DROP TABLE discord_request_pace;
      CREATE TABLE discord_request_permits (
        slot integer PRIMARY KEY CHECK (slot > 0),
        free_at timestamptz NOT NULL,
        holder uuid
      );
    `,
  },
];
