// Bringing the store's schema up to date at start-up, once, however many processes start together; refusing a
// schema that belongs to another application or to a newer version of the bot.
import pg from 'pg';
import { postgresMigrations, type PostgresMigration } from './migrations.js';

/**
 * The session-level advisory lock every opener takes around its migrations (the bytes of "conceptb"): processes
 * starting together apply each step once, one after the other. Fixed forever: an older and a newer build must
 * take the same lock.
 */
export const migrationLockKey = '7165066905352434786';

/**
 * Apply every migration not yet recorded in `schema`.`schema_migrations`, each in its own transaction, under the
 * advisory lock; returns the names applied now. Creates the schema when it does not exist.
 */
export async function migrateSchema(pool: pg.Pool, schema: string, migrations: readonly PostgresMigration[] = postgresMigrations): Promise<string[]> {
  checkMigrationOrder(migrations);
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [migrationLockKey]);
    try {
      return await migrateLocked(client, schema, migrations);
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [migrationLockKey]).catch((error: unknown) => {
        // The lock ends with the session: a connection that cannot unlock is closed rather than reused.
        broken = error instanceof Error ? error : new Error(String(error));
      });
    }
  } finally {
    client.release(broken);
  }
}

async function migrateLocked(client: pg.PoolClient, schema: string, migrations: readonly PostgresMigration[]): Promise<string[]> {
  // Before anything is written: the schema must be empty or ours.
  await refuseForeignSchema(client, schema, migrations);
  const quotedSchema = pg.escapeIdentifier(schema);
  const history = `${quotedSchema}.schema_migrations`;
  const exists = await client.query('SELECT 1 FROM pg_namespace WHERE nspname = $1', [schema]);
  // Only when missing: CREATE SCHEMA IF NOT EXISTS needs the CREATE privilege on the database even when it exists.
  if (exists.rowCount === 0) await client.query(`CREATE SCHEMA IF NOT EXISTS ${quotedSchema}`);
  await client.query(`CREATE TABLE IF NOT EXISTS ${history} (
    version integer PRIMARY KEY,
    name text NOT NULL,
    applied_at timestamptz NOT NULL
  )`);

  const newest = (await client.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${history}`)).rows[0]?.version ?? null;
  const known = migrations.at(-1)?.version ?? 0;
  if (newest !== null && newest > known) {
    throw new Error(
      `The database at DATABASE_URL (schema "${schema}") is at schema version ${newest}, newer than this build knows (${known}). ` +
        'Update the bot before opening this database.',
    );
  }

  const applied: string[] = [];
  for (const migration of migrations) {
    await client.query('BEGIN');
    try {
      // Checked again inside the transaction: PGlite's socket server shares one session between its connections,
      // so there the advisory lock does not exclude another opener, but its transactions never interleave.
      const done = await client.query(`SELECT 1 FROM ${history} WHERE version = $1`, [migration.version]);
      if (done.rowCount === 0) {
        await client.query(`SET LOCAL search_path TO ${quotedSchema}`);
        await client.query(migration.sql);
        await client.query(`INSERT INTO ${history} (version, name, applied_at) VALUES ($1, $2, now())`, [migration.version, migration.name]);
        applied.push(migration.name);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    }
  }
  return applied;
}

/**
 * A DATABASE_URL pointing at another application's database (a typo, a shared server) must not be changed: the
 * migrations would add our tables beside theirs. Only an empty (or missing) schema, or one holding nothing but the
 * tables our migrations create and their history, is ours to open.
 */
async function refuseForeignSchema(client: pg.PoolClient, schema: string, migrations: readonly PostgresMigration[]): Promise<void> {
  const { rows } = await client.query<{ name: string }>(
    `SELECT c.relname AS name FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE n.nspname = $1 AND c.relkind IN ('r', 'p', 'v', 'm', 'f')
     ORDER BY c.relname COLLATE "C"`,
    [schema],
  );
  const names = rows.map((row) => row.name);
  if (names.length === 0) return;
  const ours = tablesCreatedBy(migrations);
  // Tables with our names but no history of ours were made by someone else (or by hand): not ours either.
  const foreign = names.includes('schema_migrations') ? names.filter((name) => !ours.has(name)) : names;
  if (foreign.length === 0) return;
  const shown = foreign.slice(0, 5).join(', ') + (foreign.length > 5 ? `, … (${foreign.length} in all)` : '');
  throw new Error(
    `The schema "${schema}" of the database at DATABASE_URL holds tables of another application (${shown}); nothing was written to it. ` +
      'The bot only opens an empty schema or its own database',
  );
}

function tablesCreatedBy(migrations: readonly PostgresMigration[]): Set<string> {
  const tables = new Set(['schema_migrations']);
  const created = /\b(?:CREATE\s+(?:TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?|RENAME\s+TO\s+)"?(\w+)/gi;
  for (const migration of migrations) for (const match of migration.sql.matchAll(created)) tables.add(match[1] ?? '');
  return tables;
}

function checkMigrationOrder(migrations: readonly PostgresMigration[]): void {
  migrations.forEach((migration, index) => {
    const expected = index + 1;
    if (migration.version !== expected || !migration.name.startsWith(String(expected).padStart(3, '0') + '_')) {
      throw new Error(`PostgreSQL migration ${migration.name} is out of order: expected version ${expected}.`);
    }
  });
}

/** Versions recorded in the schema's `schema_migrations`, oldest first. */
export async function listAppliedMigrations(pool: pg.Pool, schema: string): Promise<{ version: number; name: string; appliedAt: Date }[]> {
  const { rows } = await pool.query<{ version: number; name: string; applied_at: Date }>(
    `SELECT version, name, applied_at FROM ${pg.escapeIdentifier(schema)}.schema_migrations ORDER BY version`,
  );
  return rows.map((row) => ({ version: row.version, name: row.name, appliedAt: row.applied_at }));
}
