// Opening the PostgreSQL store: connect, pick the schema, migrate (once across processes), wrap in the store.
import type pg from 'pg';
import { createPool, tablesIn } from './connection.js';
import { migrateSchema } from './migrate-schema.js';
import { PostgresQuizStore } from './postgres-quiz-store.js';

export interface PostgresStoreOptions {
  /** The schema holding the bot's tables (created when missing); default: the connection's current schema (`public`). */
  schema?: string;
  /** Connections in the pool; default 10. */
  poolSize?: number;
}

const defaultPoolSize = 10;
/** PostgreSQL truncates longer identifiers, which would silently open a different schema than the one named. */
const maxIdentifierBytes = 63;

/**
 * Open the store at `url` (a `postgres://` connection string) with its schema up to date. Refuses, writing
 * nothing, a schema holding another application's tables or one migrated by a newer build.
 */
export async function openPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<PostgresQuizStore> {
  const poolSize = options.poolSize ?? defaultPoolSize;
  if (!Number.isInteger(poolSize) || poolSize < 1) throw new RangeError(`poolSize must be a whole number of at least 1, got ${poolSize}`);
  const pool = createPool(url, poolSize);
  try {
    const schema = options.schema ?? (await currentSchema(pool));
    if (schema.length === 0 || Buffer.byteLength(schema) > maxIdentifierBytes) {
      throw new Error(`The PostgreSQL schema name must be 1 to ${maxIdentifierBytes} bytes, got "${schema}"`);
    }
    await migrateSchema(pool, schema);
    return new PostgresQuizStore({ pool, tables: tablesIn(schema) });
  } catch (error) {
    await pool.end().catch(() => {});
    throw error;
  }
}

async function currentSchema(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ schema: string | null }>('SELECT current_schema() AS schema');
  const schema = rows[0]?.schema ?? null;
  if (schema === null) {
    throw new Error("The database at DATABASE_URL has no current schema (none of its search_path exists): name one in the store's options");
  }
  return schema;
}
