import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { listAppliedMigrations, openDatabase } from '../../src/store/database.js';
import { migrations } from '../../src/store/migrations.js';
import { SqliteQuizStore } from '../../src/store/sqlite-quiz-store.js';
import { createDatabasePath } from './store-test-kit.js';

describe('openDatabase', () => {
  it("refuses a file holding another application's tables before writing anything to it", () => {
    const file = createDatabasePath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const other = new Database(file);
    other.exec("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT); INSERT INTO users (email) VALUES ('a@example.com')");
    other.close();
    const before = fs.readFileSync(file);

    expect(() => openDatabase(file)).toThrow(/holds tables of another application \(users\); nothing was written to it/);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
    expect(fs.readdirSync(path.dirname(file))).toEqual([path.basename(file)]);
  });

  it('opens an empty file, and its own database whatever tables the migrations made', () => {
    const file = createDatabasePath();
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, '');

    openDatabase(file).close();
    const reopened = openDatabase(file);
    const applied = listAppliedMigrations(reopened);
    reopened.close();

    expect(applied).toHaveLength(migrations.length);
  });

  it('creates the missing directory and applies every migration once, recorded by name', () => {
    const file = createDatabasePath();
    expect(fs.existsSync(path.dirname(file))).toBe(false);

    const db = openDatabase(file);
    const applied = listAppliedMigrations(db);
    db.close();

    expect(fs.existsSync(file)).toBe(true);
    expect(applied.map((migration) => migration.name)).toEqual(migrations.map((migration) => migration.name));
    expect(applied[0]?.name).toBe('001_initial');
  });

  it('when the file is opened again, migrations are not applied a second time and data stays', () => {
    const file = createDatabasePath();
    const first = openDatabase(file);
    first.prepare('INSERT INTO guild_settings (guild_id, timezone) VALUES (?, ?)').run('g1', 'Asia/Seoul');
    const firstApplied = listAppliedMigrations(first);
    first.close();

    const second = openDatabase(file);
    const secondApplied = listAppliedMigrations(second);
    const timezone = second.prepare('SELECT timezone FROM guild_settings WHERE guild_id = ?').pluck().get('g1');
    second.close();

    expect(secondApplied).toEqual(firstApplied);
    expect(timezone).toBe('Asia/Seoul');
  });

  it("uses WAL with synchronous NORMAL, enforces foreign keys, and gives up on a locked write within Discord's 3 s", () => {
    const db = openDatabase(createDatabasePath());
    const settings = {
      journalMode: db.pragma('journal_mode', { simple: true }),
      synchronous: db.pragma('synchronous', { simple: true }),
      foreignKeys: db.pragma('foreign_keys', { simple: true }),
      busyTimeout: db.pragma('busy_timeout', { simple: true }),
    };
    const insertOrphanAnswer = () =>
      db
        .prepare('INSERT INTO answers (question_id, user_id, user_name, choice, correct, answered_at, guild_id) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run('no-such-question', 'u1', 'u1', 0, 0, 0, 'g1');
    expect(insertOrphanAnswer).toThrow(/FOREIGN KEY/);
    db.close();

    expect(settings).toEqual({ journalMode: 'wal', synchronous: 1, foreignKeys: 1, busyTimeout: 2000 });
  });

  it('applies a later migration to an existing file without touching the earlier ones', () => {
    const file = createDatabasePath();
    openDatabase(file).close();

    const next = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: `${String(migrations.length + 1).padStart(3, '0')}_extra`,
        sql: 'CREATE TABLE extra (id INTEGER PRIMARY KEY)',
      },
    ];
    const db = openDatabase(file, next);
    const names = listAppliedMigrations(db).map((migration) => migration.name);
    const extraExists = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'extra'").pluck().get();
    db.close();

    expect(names).toEqual(next.map((migration) => migration.name));
    expect(extraExists).toBe(1);
  });

  it('upgrades a file of the first schema in place: its schedules and questions stay and gain the new columns', async () => {
    const file = createDatabasePath();
    const first = openDatabase(file, migrations.slice(0, 1));
    first
      .prepare('INSERT INTO schedules (guild_id, channel_id, cron, timezone, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?)')
      .run('g1', 'c1', '0 9 * * 1-5', 'Asia/Seoul', 'admin', 0);
    first.close();

    const store = new SqliteQuizStore(openDatabase(file));
    const schedule = await store.getSchedule('g1', 'c1');
    await store.close();

    expect(schedule).toMatchObject({ cron: '0 9 * * 1-5', timezone: 'Asia/Seoul', language: null, paused: false });
  });

  it('refuses a file whose schema is newer than this build', () => {
    const file = createDatabasePath();
    const newer = [
      ...migrations,
      { version: migrations.length + 1, name: `${String(migrations.length + 1).padStart(3, '0')}_future`, sql: 'SELECT 1' },
    ];
    openDatabase(file, newer).close();

    expect(() => openDatabase(file)).toThrow(/newer than this build/);
  });

  it('rolls back a failing migration completely so it can be retried', () => {
    const file = createDatabasePath();
    const broken = [
      ...migrations,
      {
        version: migrations.length + 1,
        name: `${String(migrations.length + 1).padStart(3, '0')}_broken`,
        sql: 'CREATE TABLE half (id INTEGER); SELECT * FROM missing_table',
      },
    ];

    expect(() => openDatabase(file, broken)).toThrow(/missing_table/);
    const db = openDatabase(file);
    const halfExists = db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'half'").pluck().get();
    const versions = listAppliedMigrations(db).map((migration) => migration.version);
    db.close();

    expect(halfExists).toBe(0);
    expect(versions).toEqual(migrations.map((migration) => migration.version));
  });

  it('migration 5 reads the sentences the list used to parse back into problems, and keeps any other as it was written', async () => {
    const file = createDatabasePath();
    const before = openDatabase(file, migrations.slice(0, 4));
    const insert = before.prepare(
      'INSERT INTO schedules (guild_id, channel_id, cron, timezone, created_by, created_at, paused, last_error, last_error_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    const oldRows: [string, string | null][] = [
      ['c1', 'Missing Permissions: Send Messages, Embed Links'],
      ['c2', 'Rate limited: Discord asks to wait 3601 s'],
      ['c3', 'Unknown Channel: it was deleted or the bot cannot see it'],
      ['c4', 'Posting failed: 503 Service Unavailable'],
      ['c5', 'Revealing a question failed: Request aborted'],
      ['c6', 'No question could be made from the notes: no concept there can be asked (see `cli kb check`).'],
      ['c7', 'Missing Permissions: Odd "quoted" \\ name'],
      ['c8', null],
    ];
    for (const [channel, sentence] of oldRows)
      insert.run('g1', channel, '0 9 * * 1-5', 'Asia/Seoul', 'admin', 0, sentence ? 1 : 0, sentence, sentence ? 1_000 : null);
    before.close();

    const store = new SqliteQuizStore(openDatabase(file));
    const problems = (await store.listSchedules('g1')).map((schedule) => [schedule.channelId, schedule.lastProblem, schedule.lastProblemAt]);
    await store.close();

    const at = new Date(1_000);
    expect(problems).toEqual([
      ['c1', { kind: 'missing-permissions', permissions: ['Send Messages', 'Embed Links'] }, at],
      ['c2', { kind: 'rate-limited', retryAfterMs: 3_601_000 }, at],
      ['c3', { kind: 'unknown-channel' }, at],
      ['c4', { kind: 'post-failed', error: '503 Service Unavailable' }, at],
      ['c5', { kind: 'reveal-failed', error: 'Request aborted' }, at],
      ['c6', { kind: 'legacy', text: 'No question could be made from the notes: no concept there can be asked (see `cli kb check`).' }, at],
      ['c7', { kind: 'missing-permissions', permissions: ['Odd "quoted" \\ name'] }, at],
      ['c8', null, null],
    ]);
  });

  it('a stored problem this version cannot read (a newer kind, damaged data) reads as legacy rather than failing the list', async () => {
    const file = createDatabasePath();
    const db = openDatabase(file);
    db.prepare(
      'INSERT INTO schedules (guild_id, channel_id, cron, timezone, created_by, created_at, last_problem_kind, last_problem_data, last_problem_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run('g1', 'c1', '0 9 * * 1-5', 'Asia/Seoul', 'admin', 0, 'from-the-future', '{}', 1_000);
    db.prepare(
      'INSERT INTO schedules (guild_id, channel_id, cron, timezone, created_by, created_at, last_problem_kind, last_problem_data, last_problem_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run('g1', 'c2', '0 9 * * 1-5', 'Asia/Seoul', 'admin', 0, 'rate-limited', 'not json', 1_000);
    const store = new SqliteQuizStore(db);

    const problems = (await store.listSchedules('g1')).map((schedule) => schedule.lastProblem);
    await store.close();

    expect(problems).toEqual([
      { kind: 'legacy', text: 'from-the-future' },
      { kind: 'legacy', text: 'rate-limited' },
    ]);
  });
});
