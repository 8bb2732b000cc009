import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { migrations as defaultMigrations, type Migration } from './migrations.js';

export type SqliteDatabase = Database.Database;

/** While opening and migrating, wait generously for another process that is opening the same file. */
const openingBusyTimeoutMs = 5_000;
/**
 * Afterwards a statement waits at most this long for another process's write lock. better-sqlite3 blocks the
 * event loop while it waits, and Discord drops a click not acknowledged within 3 s: failing after 2 s leaves
 * time to tell the member to try again, instead of storing the answer and then missing the acknowledgement.
 */
const runningBusyTimeoutMs = 2_000;

/**
 * Create the database's directory one level at a time: Node 20's `mkdirSync(…, { recursive: true })` never
 * returns for some places that cannot hold a directory (e.g. below /proc), and the bot would hang silently.
 */
function createParentDirectories(file: string): void {
  const missing: string[] = [];
  for (let directory = path.dirname(path.resolve(file)); !fs.existsSync(directory); directory = path.dirname(directory)) {
    missing.unshift(directory);
    if (path.dirname(directory) === directory) break;
  }
  for (const directory of missing) fs.mkdirSync(directory);
}

/**
 * Open (or create) the database file, set it up for a bot that must never lose an answer, and bring the
 * schema up to date. `:memory:` works too (no directory is created).
 */
export function openDatabase(file: string, migrations: readonly Migration[] = defaultMigrations): SqliteDatabase {
  if (file !== ':memory:') createParentDirectories(file);
  const db = new Database(file);
  try {
    // First, so that every following step waits for a concurrent opener instead of failing with SQLITE_BUSY.
    db.pragma(`busy_timeout = ${openingBusyTimeoutMs}`);
    // Before WAL and the migrations, which both write to the file.
    refuseForeignDatabase(db, migrations);
    // WAL + NORMAL: a commit is in the WAL file (the OS page cache) before it returns, so a killed process
    // loses nothing; only a power cut can drop the last transactions. Readers never block the writer.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    applyMigrations(db, migrations);
    db.pragma(`busy_timeout = ${runningBusyTimeoutMs}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * A DATABASE_PATH pointing at another application's SQLite file (a typo, a shared volume) must not be changed:
 * the migrations would add our tables beside theirs and WAL mode would rewrite its header. Only an empty file
 * or one holding nothing but tables our migrations create is ours to open.
 */
function refuseForeignDatabase(db: SqliteDatabase, migrations: readonly Migration[]): void {
  const ours = tablesCreatedBy(migrations);
  const names = db
    .prepare<[], string>(`SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`)
    .pluck()
    .all();
  const foreign = names.filter((name) => !ours.has(name.toLowerCase()));
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, … (${foreign.length} in all)` : '');
  throw new Error(
    `the file holds tables of another application (${shown}); nothing was written to it. The bot only opens an empty file or its own database`,
  );
}

function tablesCreatedBy(migrations: readonly Migration[]): Set<string> {
  const tables = new Set(['schema_migrations']);
  const created = /\b(?:CREATE\s+(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?|RENAME\s+TO\s+)["`[]?(\w+)/gi;
  for (const migration of migrations) for (const match of migration.sql.matchAll(created)) tables.add((match[1] ?? '').toLowerCase());
  return tables;
}

/** Apply every migration not yet recorded, each in its own transaction; returns the names applied now. */
export function applyMigrations(db: SqliteDatabase, migrations: readonly Migration[] = defaultMigrations): string[] {
  checkMigrationOrder(migrations);
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const isApplied = db.prepare<[number], { version: number }>('SELECT version FROM schema_migrations WHERE version = ?');
  const recordApplied = db.prepare<[number, string, number]>('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const newest = db.prepare<[], { version: number | null }>('SELECT MAX(version) AS version FROM schema_migrations').get();
  const known = migrations.at(-1)?.version ?? 0;
  if (newest?.version != null && newest.version > known) {
    throw new Error(
      `The database schema is at version ${newest.version}, newer than this build knows (${known}). Update the bot before opening this file.`,
    );
  }

  const applied: string[] = [];
  for (const migration of migrations) {
    // IMMEDIATE and re-checked inside: two processes opening a fresh file at once apply each step once.
    const applyOne = db.transaction(() => {
      if (isApplied.get(migration.version)) return false;
      db.exec(migration.sql);
      recordApplied.run(migration.version, migration.name, Date.now());
      return true;
    });
    if (applyOne.immediate()) applied.push(migration.name);
  }
  return applied;
}

function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((migration, index) => {
    const expected = index + 1;
    if (migration.version !== expected || !migration.name.startsWith(String(expected).padStart(3, '0') + '_')) {
      throw new Error(`Migration ${migration.name} is out of order: expected version ${expected}.`);
    }
  });
}

/** Versions recorded in `schema_migrations`, oldest first. */
export function listAppliedMigrations(db: SqliteDatabase): { version: number; name: string; appliedAt: Date }[] {
  return db
    .prepare<[], { version: number; name: string; applied_at: number }>('SELECT version, name, applied_at FROM schema_migrations ORDER BY version')
    .all()
    .map((row) => ({ version: row.version, name: row.name, appliedAt: new Date(row.applied_at) }));
}
