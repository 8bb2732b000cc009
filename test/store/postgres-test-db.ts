// PostgreSQL servers for the store tests: always an in-process PGlite behind its socket server (real PostgreSQL
// compiled to WebAssembly, reached over TCP by the same `pg` driver as production), and also the server at
// TEST_DATABASE_URL when that is set. Each test works in a schema of its own, made with a random name and dropped
// after the test, so nothing else on the server is ever touched.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import pg from 'pg';
import { afterAll, afterEach } from 'vitest';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.js';
import type { PostgresQuizStore } from '../../src/store/postgres/postgres-quiz-store.js';

export interface PostgresBackend {
  /** `pglite`, or `postgres` for the server at TEST_DATABASE_URL. */
  name: string;
  /**
   * Whether several connections may talk to the server at once. False for PGlite (see below): there a test opens
   * one store at a time, and what needs several processes at once is tested on a real server only.
   */
  concurrentConnections: boolean;
  /** Open a store on a new schema of its own; closed and dropped after the test. */
  open(): Promise<PostgresQuizStore>;
  /** A new, empty schema; dropped after the test. */
  createSchema(): Promise<string>;
  /** Drop a schema made by `createSchema` now rather than after the test (its stores closed first). */
  dropSchema(schema: string): Promise<void>;
  /** Open a store on `schema` (the test's own); closed after the test. */
  openSchema(schema: string): Promise<PostgresQuizStore>;
  /** The server's connection string (to make pools of the test's own, which it must end). */
  url(): Promise<string>;
  /** A statement outside any store (to arrange or inspect a test's schema), run while no store is busy. */
  query<Row>(sql: string, values?: unknown[]): Promise<{ rows: Row[] }>;
}

/**
 * PGlite is one PostgreSQL session. Its socket server queues each incoming protocol message and keeps only a
 * transaction's messages together, so two connections each sending a parameterised statement (Parse, Bind,
 * Execute, Sync: several messages) can interleave and corrupt each other's statements. So: one store connection at a
 * time busy (pool of 1; a test may keep a second store open beside it, used in turn), the harness's own statements
 * in-process, and spare slots for closed stores' connections still being torn down as the next test connects.
 */
const pgliteMaxConnections = 8;
const pglitePoolSize = 1;
const serverPoolSize = 4;
/** Starting PGlite compiles its WebAssembly (and, the first time on a machine, runs initdb): seconds, more when busy. */
export const postgresStartTimeoutMs = 180_000;

interface RunningServer {
  url: string;
  poolSize: number;
  query<Row>(sql: string, values?: unknown[]): Promise<{ rows: Row[] }>;
  stop(): Promise<void>;
}

const openedStores: PostgresQuizStore[] = [];
const createdSchemas: { server: RunningServer; schema: string }[] = [];
let pglite: Promise<RunningServer> | null = null;
let external: Promise<RunningServer> | null = null;

afterEach(async () => {
  for (const store of openedStores.splice(0)) await store.close();
  for (const { server, schema } of createdSchemas.splice(0)) await server.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
});

afterAll(async () => {
  for (const server of [pglite, external]) if (server) await (await server).stop();
  pglite = null;
  external = null;
});

/**
 * initdb is most of PGlite's start (10–20 s on a busy 2-core machine, against 3 s from a copy), and every test file
 * starts its own PGlite. So the first start on a machine keeps the freshly initialised, still empty data directory
 * in the temp folder, per PGlite version, and later starts load it. Written under a temporary name and renamed, so
 * files starting together never read half a copy; a copy that cannot be loaded is made again.
 */
async function createPglite(): Promise<PGlite> {
  const copy = path.join(os.tmpdir(), `concept-bot-pglite-${pgliteVersion()}-initdb.tar`);
  if (fs.existsSync(copy)) {
    try {
      return await PGlite.create({ loadDataDir: new Blob([await fs.promises.readFile(copy)]) });
    } catch {
      // Unreadable (another version's, damaged): initialise afresh below and replace it.
    }
  }
  const db = await PGlite.create();
  const dump = await db.dumpDataDir('none');
  const partial = `${copy}.${process.pid}.${randomBytes(4).toString('hex')}`;
  await fs.promises.writeFile(partial, Buffer.from(await dump.arrayBuffer()));
  await fs.promises.rename(partial, copy);
  return db;
}

function pgliteVersion(): string {
  // The package's exports do not include package.json: find it beside the resolved entry point.
  let directory = path.dirname(createRequire(import.meta.url).resolve('@electric-sql/pglite'));
  while (!fs.existsSync(path.join(directory, 'package.json'))) directory = path.dirname(directory);
  const manifest = JSON.parse(fs.readFileSync(path.join(directory, 'package.json'), 'utf8')) as { version?: unknown };
  return String(manifest.version);
}

async function startPglite(): Promise<RunningServer> {
  const db = await createPglite();
  const socketServer = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: pgliteMaxConnections });
  await socketServer.start();
  return {
    url: `postgres://postgres@${socketServer.getServerConn()}/postgres`,
    poolSize: pglitePoolSize,
    query: async <Row>(sql: string, values: unknown[] = []) => db.query<Row>(sql, values),
    async stop() {
      await socketServer.stop();
      await db.close();
    },
  };
}

async function connectExternal(url: string): Promise<RunningServer> {
  const admin = new pg.Pool({ connectionString: url, max: 2 });
  admin.on('error', () => {});
  // A TEST_DATABASE_URL that cannot be reached fails the tests: silently testing less is not a pass.
  await admin.query('SELECT 1');
  return {
    url,
    poolSize: serverPoolSize,
    query: async <Row>(sql: string, values: unknown[] = []) => ({ rows: (await admin.query(sql, values)).rows as Row[] }),
    stop: () => admin.end(),
  };
}

function backend(name: string, concurrentConnections: boolean, start: () => Promise<RunningServer>): PostgresBackend {
  const createSchema = async (): Promise<string> => {
    const server = await start();
    const schema = `test_${randomBytes(8).toString('hex')}`;
    createdSchemas.push({ server, schema });
    await server.query(`CREATE SCHEMA ${pg.escapeIdentifier(schema)}`);
    return schema;
  };
  const openSchema = async (schema: string): Promise<PostgresQuizStore> => {
    const server = await start();
    const store = await openPostgresStore(server.url, { schema, poolSize: server.poolSize });
    openedStores.push(store);
    return store;
  };
  const dropSchema = async (schema: string): Promise<void> => {
    await (await start()).query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
  };
  return {
    name,
    concurrentConnections,
    createSchema,
    dropSchema,
    openSchema,
    open: async () => openSchema(await createSchema()),
    url: async () => (await start()).url,
    query: async <Row>(sql: string, values: unknown[] = []) => (await start()).query<Row>(sql, values),
  };
}

function startedPglite(): Promise<RunningServer> {
  pglite ??= startPglite();
  return pglite;
}

function connectedExternal(url: string): Promise<RunningServer> {
  external ??= connectExternal(url);
  return external;
}

/** PGlite always; the server at TEST_DATABASE_URL too when it is set. Servers start on first use (or in startPostgresBackends). */
export function postgresBackends(): PostgresBackend[] {
  const backends = [backend('pglite', false, startedPglite)];
  const url = process.env.TEST_DATABASE_URL;
  if (url) backends.push(backend('postgres', true, () => connectedExternal(url)));
  return backends;
}

/** Start every backend now: call from `beforeAll(…, postgresStartTimeoutMs)` so no single test pays PGlite's start. */
export async function startPostgresBackends(): Promise<void> {
  await startedPglite();
  const url = process.env.TEST_DATABASE_URL;
  if (url) await connectedExternal(url);
}
