import type { NoteReadLimits } from '../kb/read-note-files.js';

/** What every CLI command gets: parsed arguments and where to write. Commands return the exit code. */
export interface CliContext {
  /** Positional arguments after the command words, e.g. `['container']` for `explain container`. */
  positional: string[];
  /** `--name value` and `--flag` (value `true`). */
  flags: Map<string, string | true>;
  json: boolean;
  docsDir: string;
  /** DOCS_MAX_FILE_MB / DOCS_MAX_TOTAL_MB as the bot reads them; the defaults when unset. */
  noteReadLimits?: NoteReadLimits;
  out(text: string): void;
  err(text: string): void;
}

export type CliCommand = (context: CliContext) => Promise<number>;

/** A mistake in the command line; printed without a stack trace, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export function numberFlag(context: CliContext, name: string, fallback: number): number {
  const raw = context.flags.get(name);
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw === true || !Number.isInteger(value) || value < 0) throw new UsageError(`--${name} takes a whole number, got ${String(raw)}`);
  return value;
}
