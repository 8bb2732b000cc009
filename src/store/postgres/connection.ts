// The connection pool of the PostgreSQL store, the names of its tables in the store's schema, and the one way a
// transaction is run. The driver is `pg` (node-postgres) 8: the most used Node driver, with explicit pooled
// clients (a transaction and a session-level advisory lock stay on one connection) and the plain wire protocol,
// which PGlite's socket server also speaks, so the tests run the same driver against both.
import pg from 'pg';

/** Every table of the store; SQL names them through `Tables`, always schema-qualified. */
export const tableNames = [
  'schema_migrations',
  'guild_settings',
  'schedules',
  'questions',
  'answers',
  'member_scores',
  'member_names',
  'flashcard_grades',
  'memory_states',
  'review_logs',
  'reminders',
  'report_schedules',
  'discord_request_permits',
] as const;

export type TableName = (typeof tableNames)[number];

/** `"schema"."table"` for each table. */
export type Tables = Readonly<Record<TableName, string>>;

/**
 * Every statement names its tables with the schema rather than relying on `search_path`: a pooler in transaction
 * mode (PgBouncer) drops session settings and startup options, and PGlite's socket server shares one session
 * between all its connections, so only a qualified name reaches the right table everywhere.
 */
export function tablesIn(schema: string): Tables {
  const quotedSchema = pg.escapeIdentifier(schema);
  return Object.fromEntries(tableNames.map((name) => [name, `${quotedSchema}.${pg.escapeIdentifier(name)}`])) as Record<TableName, string>;
}

const int8Oid = 20;

/**
 * bigint (COUNT, SUM, identity ids) arrives from `pg` as a string by default, since not every int8 fits a JS
 * number. Every count and id here does; one that does not is a fault to report, never a number to round.
 */
function parseInt8(text: string): number {
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new RangeError(`PostgreSQL returned ${text}, beyond the integers JavaScript holds exactly`);
  return value;
}

/** The pool's own parsers: the process-wide defaults of `pg` stay untouched for any other user of the driver. */
function createStoreTypes(): pg.TypeOverrides {
  const types = new pg.TypeOverrides();
  types.setTypeParser(int8Oid, 'text', parseInt8);
  return types;
}

export function createPool(url: string, poolSize: number): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max: poolSize, types: createStoreTypes(), application_name: 'concept-bot' });
  // An idle connection the server closed (a restart, a failover) is dropped by the pool and replaced on the next
  // query; without a listener, node would treat the event as an uncaught error and end the process.
  pool.on('error', () => {});
  return pool;
}

/**
 * Run `work` in one transaction on one pooled connection: committed when it resolves, rolled back when it throws.
 * A connection whose rollback failed is destroyed rather than handed to the next caller in an unknown state.
 */
export async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: unknown) => {
      broken = rollbackError instanceof Error ? rollbackError : new Error(String(rollbackError));
    });
    throw error;
  } finally {
    client.release(broken);
  }
}

/** A number per connection this process opened, for the names of its prepared statements. */
const connectionNumbers = new WeakMap<pg.PoolClient, number>();
let connectionsNumbered = 0;

/**
 * Run a hot statement (a click, a leaderboard) prepared on the connection it runs on: parsed and planned once per
 * connection instead of on every call. For a click that planning was about half of the server's work (pgbench, same
 * statement: 1.8× the commits per second; through the store about 1.5× the answers, synchronous_commit still on).
 * The name carries the connection's own number, as PGlite's socket server shares one session between its
 * connections, where two of them preparing one name would collide. (Behind PgBouncer in transaction mode this
 * needs its `max_prepared_statements`, version 1.21 on.)
 */
export async function queryPrepared<Row extends pg.QueryResultRow>(
  pool: pg.Pool,
  name: string,
  text: string,
  values: unknown[],
): Promise<pg.QueryResult<Row>> {
  const client = await pool.connect();
  try {
    let number = connectionNumbers.get(client);
    if (number === undefined) {
      number = ++connectionsNumbered;
      connectionNumbers.set(client, number);
    }
    return await client.query<Row>({ name: `${name}_${number}`, text, values });
  } finally {
    client.release();
  }
}

/** What a part of the store works with: the pool and its schema's tables. */
export interface PostgresContext {
  pool: pg.Pool;
  tables: Tables;
}
