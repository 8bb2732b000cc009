import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPool } from '../../src/store/postgres/connection.js';
import { migrateSchema } from '../../src/store/postgres/migrate-schema.js';
import { postgresMigrations } from '../../src/store/postgres/migrations.js';
import { postgresBackends, postgresStartTimeoutMs, startPostgresBackends, type PostgresBackend } from './postgres-test-db.js';

beforeAll(startPostgresBackends, postgresStartTimeoutMs);

async function tablesOf(backend: PostgresBackend, schema: string): Promise<string[]> {
  const { rows } = await backend.query<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = $1 ORDER BY tablename COLLATE "C"`,
    [schema],
  );
  return rows.map((row) => row.tablename);
}

describe.each(postgresBackends())('PostgreSQL migrations on $name', (backend) => {
  // Several connections at once need a real server (PGlite is one session: see postgres-test-db.ts).
  it.runIf(backend.concurrentConnections)('four processes opening the same empty schema at once apply each migration exactly once', async () => {
    const schema = await backend.createSchema();
    const url = await backend.url();
    const pools = Array.from({ length: 4 }, () => createPool(url, 1));
    try {
      // Settled, not raced: every opener has finished before the schema is dropped, even when one fails.
      const settled = await Promise.allSettled(pools.map((pool) => migrateSchema(pool, schema)));
      const applied = settled.map((result) => (result.status === 'fulfilled' ? result.value : [`failed: ${String(result.reason)}`]));

      expect(applied.flat()).toEqual(postgresMigrations.map((migration) => migration.name));
      const recorded = await backend.query<{ version: number; name: string }>(
        `SELECT version, name FROM ${pg.escapeIdentifier(schema)}.schema_migrations ORDER BY version`,
      );
      expect(recorded.rows).toEqual(postgresMigrations.map(({ version, name }) => ({ version, name })));
    } finally {
      await Promise.all(pools.map((pool) => pool.end()));
    }
  });

  it.runIf(backend.concurrentConnections)('four stores opening the same empty schema at once all open, and share one schema', async () => {
    const schema = await backend.createSchema();

    const stores = await Promise.all(Array.from({ length: 4 }, () => backend.openSchema(schema)));
    await stores[0]?.setGuildTimezone('1001', 'Asia/Seoul');

    for (const store of stores) expect(await store.getGuildTimezone('1001')).toBe('Asia/Seoul');
  });

  it('opening a migrated schema again applies nothing and keeps its data', async () => {
    const schema = await backend.createSchema();
    const first = await backend.openSchema(schema);
    await first.setGuildTimezone('1001', 'Europe/Berlin');
    await first.close();
    const url = await backend.url();
    const pool = createPool(url, 1);

    try {
      expect(await migrateSchema(pool, schema)).toEqual([]);
    } finally {
      await pool.end();
    }
    const again = await backend.openSchema(schema);
    expect(await again.getGuildTimezone('1001')).toBe('Europe/Berlin');
  });

  it('applies a later migration to an existing schema, keeping the earlier ones and their data', async () => {
    const schema = await backend.createSchema();
    const pool = createPool(await backend.url(), 1);
    try {
      expect(await migrateSchema(pool, schema, postgresMigrations.slice(0, 1))).toEqual(['001_initial']);
      await backend.query(`INSERT INTO ${pg.escapeIdentifier(schema)}.guild_settings (guild_id, timezone) VALUES ('1001', 'Asia/Seoul')`);

      expect(await migrateSchema(pool, schema)).toEqual(postgresMigrations.slice(1).map((migration) => migration.name));
    } finally {
      await pool.end();
    }
    expect(await tablesOf(backend, schema)).toContain('discord_request_permits');
    expect(await (await backend.openSchema(schema)).getGuildTimezone('1001')).toBe('Asia/Seoul');
  });

  it('creates the schema when it does not exist yet', async () => {
    const schema = await backend.createSchema();
    await backend.query(`DROP SCHEMA ${pg.escapeIdentifier(schema)}`);

    const store = await backend.openSchema(schema);

    expect(await store.listSchedules()).toEqual([]);
    expect(await tablesOf(backend, schema)).toContain('questions');
  });

  it('refuses a schema migrated by a newer build, naming DATABASE_URL and both versions', async () => {
    const schema = await backend.createSchema();
    await (await backend.openSchema(schema)).close();
    await backend.query(`INSERT INTO ${pg.escapeIdentifier(schema)}.schema_migrations (version, name, applied_at) VALUES (99, '099_future', now())`);

    await expect(backend.openSchema(schema)).rejects.toThrow(
      new RegExp(`DATABASE_URL \\(schema "${schema}"\\) is at schema version 99, newer than this build knows \\(${postgresMigrations.length}\\)`),
    );
  });

  it("refuses a schema holding another application's tables before writing anything to it", async () => {
    const schema = await backend.createSchema();
    await backend.query(`CREATE TABLE ${pg.escapeIdentifier(schema)}.invoices (id integer PRIMARY KEY)`);

    await expect(backend.openSchema(schema)).rejects.toThrow(/holds tables of another application \(invoices\); nothing was written/);
    expect(await tablesOf(backend, schema)).toEqual(['invoices']);
  });

  it('refuses tables named like ours that our migrations did not make (no migration history)', async () => {
    const schema = await backend.createSchema();
    await backend.query(`CREATE TABLE ${pg.escapeIdentifier(schema)}.questions (id text PRIMARY KEY)`);

    await expect(backend.openSchema(schema)).rejects.toThrow(/another application \(questions\)/);
    expect(await tablesOf(backend, schema)).toEqual(['questions']);
  });

  it('rolls a failing migration back completely and keeps the steps before it', async () => {
    const schema = await backend.createSchema();
    const failing = [
      ...postgresMigrations,
      {
        version: postgresMigrations.length + 1,
        name: `${String(postgresMigrations.length + 1).padStart(3, '0')}_broken`,
        sql: 'CREATE TABLE half_done (id integer); SELECT no_such_function();',
      },
    ];
    const pool = createPool(await backend.url(), 1);

    try {
      await expect(migrateSchema(pool, schema, failing)).rejects.toThrow(/no_such_function/);
      expect(await tablesOf(backend, schema)).not.toContain('half_done');
      const recorded = await backend.query<{ name: string }>(`SELECT name FROM ${pg.escapeIdentifier(schema)}.schema_migrations ORDER BY version`);
      expect(recorded.rows.map((row) => row.name)).toEqual(postgresMigrations.map((migration) => migration.name));
    } finally {
      await pool.end();
    }
  });
});
