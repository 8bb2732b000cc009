import path from 'node:path';
import { type Config, ConfigError } from '../config.js';
import type { QuizStore } from '../quiz/quiz-store.js';
import type { RequestPacer } from '../discord/request-pacing.js';
import { openPostgresStore } from './postgres/open-postgres-store.js';
import { openQuizStore } from './sqlite-quiz-store.js';

export interface ConfiguredStore {
  store: QuizStore;
  /** The bot-wide Discord request pace shared with other processes; none for SQLite, whose one process paces itself. */
  createRequestPacer?: (onError: (error: unknown) => void) => RequestPacer;
  /** Where the data lives, for the start-up log line (never a password). */
  description: string;
}

/**
 * The store the configuration asks for: PostgreSQL when DATABASE_URL is set, else the embedded SQLite file at
 * DATABASE_PATH. A store that cannot be opened is the operator's to fix, so the error names the variable.
 */
export async function openConfiguredStore(config: Pick<Config, 'databasePath' | 'databaseUrl'>): Promise<ConfiguredStore> {
  if (config.databaseUrl !== undefined) {
    const where = describeDatabaseUrl(config.databaseUrl);
    try {
      const store = await openPostgresStore(config.databaseUrl);
      return { store, createRequestPacer: (onError) => store.createRequestPacer({ onError }), description: `PostgreSQL ${where}` };
    } catch (error) {
      throw new ConfigError(`Cannot use the PostgreSQL database at DATABASE_URL (${where}): ${reasonOf(error)}.`, { cause: error });
    }
  }
  try {
    return { store: openQuizStore(config.databasePath), description: `SQLite ${describePath(config.databasePath)}` };
  } catch (error) {
    throw new ConfigError(
      `Cannot open the database at DATABASE_PATH=${describePath(config.databasePath)}: ${reasonOf(error)}. ` +
        'Point DATABASE_PATH to a file in a directory the bot may write (the directory is created when missing).',
      { cause: error },
    );
  }
}

/** Host, port and database of a postgres:// URL: enough to tell which server, without the password. */
export function describeDatabaseUrl(url: string): string {
  const parsed = new URL(url);
  return `${parsed.hostname || 'localhost'}:${parsed.port || '5432'}${parsed.pathname || '/'}`;
}

function describePath(file: string): string {
  const absolute = path.resolve(file);
  return absolute === file ? file : `${file} (${absolute})`;
}

function reasonOf(error: unknown): string {
  if (error instanceof AggregateError && error.errors.length > 0) return reasonOf(error.errors[0]);
  if (error instanceof Error) return error.message || ('code' in error ? String(error.code) : error.name);
  return String(error);
}
