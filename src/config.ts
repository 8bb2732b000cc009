import { z } from 'zod';

/** A mistake in the environment the operator can fix; the message says which variable and how. */
export class ConfigError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConfigError';
  }
}

function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

const optionalText = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const snowflake = z
  .string()
  .trim()
  .regex(/^\d{17,20}$/, 'must be a Discord id (17-20 digits)');

/** A postgres:// URL; the message never repeats the value, which may hold a password. */
const postgresUrl = z
  .string()
  .trim()
  .refine((value) => {
    try {
      return ['postgres:', 'postgresql:'].includes(new URL(value).protocol);
    } catch {
      return false;
    }
  }, 'must be a PostgreSQL URL such as postgres://user:password@host:5432/database');

const port = z
  .string()
  .regex(/^\d+$/, 'must be a TCP port number such as 9464')
  .transform(Number)
  .pipe(z.number().int().min(1, 'must be a port between 1 and 65535').max(65_535, 'must be a port between 1 and 65535'));

/** Discord allows at most this many shards per bot without a special arrangement; far more than any team needs. */
const maxShardCount = 4096;

const shardCount = z
  .string()
  .regex(/^(auto|\d+)$/, "must be 'auto' or a whole number of shards such as 2")
  .transform((value) => (value === 'auto' ? 'auto' : Number(value)))
  .refine((value) => value === 'auto' || value >= 1, 'must be at least 1')
  .refine((value) => value === 'auto' || value <= maxShardCount, `must be at most ${maxShardCount}`);

const shardIds = z
  .string()
  .regex(/^\s*\d+(\s*,\s*\d+)*\s*$/, 'must be shard numbers separated by commas, such as 0,1')
  .transform((value) => value.split(',').map((id) => Number(id.trim())))
  .refine((ids) => new Set(ids).size === ids.length, 'names a shard twice');

/** Whole or fractional megabytes, as bytes. */
function megabytes(defaultValue: number, max: number) {
  return z.coerce
    .number({ message: 'must be a number of megabytes such as 2 or 0.5' })
    .positive('must be more than 0 megabytes')
    .max(max, `must be at most ${max} megabytes`)
    .default(defaultValue)
    .transform((value) => Math.floor(value * 1024 * 1024));
}

const environmentSchema = z.object({
  // A token pasted with a line break inside fails deep in the HTTP client as "invalid header"; say so here.
  // The message never repeats the value: it is a secret.
  DISCORD_TOKEN: optionalText.pipe(
    z
      .string()
      .regex(/^[\x21-\x7e]+$/, 'contains a line break, space or other character no token has: copy it again from the Developer Portal')
      .optional(),
  ),
  DISCORD_GUILD_ID: optionalText.pipe(snowflake.optional()),
  DISCORD_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL such as http://127.0.0.1:8080/api' }).optional()),
  DOCS_DIR: z.string().trim().default('data/docs'),
  DOCS_MAX_FILE_MB: megabytes(2, 1024),
  DOCS_MAX_TOTAL_MB: megabytes(50, 10_240),
  DATABASE_PATH: z.string().trim().default('./var/concept-bot.sqlite'),
  DATABASE_URL: optionalText.pipe(postgresUrl.optional()),
  SHARD_COUNT: optionalText.pipe(shardCount.optional()),
  SHARD_IDS: optionalText.pipe(shardIds.optional()),
  METRICS_PORT: optionalText.pipe(port.optional()),
  METRICS_HOST: z.string().trim().default('0.0.0.0'),
  DEFAULT_TIMEZONE: z
    .string()
    .trim()
    .default('Asia/Seoul')
    .refine(isKnownTimeZone, { message: 'must be an IANA time zone such as Asia/Seoul or Europe/Berlin' }),
  QUIZ_CLOSE_AFTER_MINUTES: optionalText.pipe(
    z.string().regex(/^\d+$/, 'must be a whole number of minutes').transform(Number).pipe(z.number().int().min(1).max(10080)).optional(),
  ),
  QUIZ_GRACE_MINUTES: z.coerce.number().int().min(0).max(1440).default(30),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export interface Config {
  /** Absent when only the CLI runs; `requireToken` checks it for the bot. */
  discordToken: string | undefined;
  /** Register commands to this guild (instant) instead of globally. */
  guildId: string | undefined;
  /** REST base URL for a proxy or the local emulator (discord.js `rest.api`), without `/v10`. */
  apiUrl: string | undefined;
  docsDir: string;
  /** Notes larger than `maxFileBytes`, and any past `maxTotalBytes` in all, are skipped with a warning. */
  noteReadLimits: { maxFileBytes: number; maxTotalBytes: number };
  databasePath: string;
  /** PostgreSQL instead of the embedded SQLite file (`databasePath` is then unused). */
  databaseUrl: string | undefined;
  /**
   * Gateway shards: `count` for the whole bot ('auto' = Discord's recommendation, undefined = one shard) and the
   * `ids` this process runs (undefined = all of them). Several processes share one bot by running disjoint ids.
   */
  shards: { count: number | 'auto' | undefined; ids: number[] | undefined };
  /** Serve /metrics, /healthz and /readyz on this port; undefined = no HTTP server. */
  metrics: { port: number; host: string } | undefined;
  defaultTimezone: string;
  /** Close questions after this many minutes instead of at the channel's next slot. */
  closeAfterMinutes: number | undefined;
  /** A slot missed while the bot was down is still posted this many minutes late. */
  graceMinutes: number;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
}

/** Read and validate the environment once, at startup. */
export function loadConfig(environment: NodeJS.ProcessEnv = process.env): Config {
  // `DOCS_DIR=` left blank in .env means "not set", not "the current directory": defaults apply.
  const setVariables = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = environmentSchema.safeParse(setVariables);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  const env = parsed.data;
  checkShards(env.SHARD_COUNT, env.SHARD_IDS);
  return {
    discordToken: env.DISCORD_TOKEN,
    guildId: env.DISCORD_GUILD_ID,
    apiUrl: env.DISCORD_API_URL,
    docsDir: env.DOCS_DIR,
    noteReadLimits: { maxFileBytes: env.DOCS_MAX_FILE_MB, maxTotalBytes: env.DOCS_MAX_TOTAL_MB },
    databasePath: env.DATABASE_PATH,
    databaseUrl: env.DATABASE_URL,
    shards: { count: env.SHARD_COUNT, ids: env.SHARD_IDS },
    metrics: env.METRICS_PORT === undefined ? undefined : { port: env.METRICS_PORT, host: env.METRICS_HOST },
    defaultTimezone: env.DEFAULT_TIMEZONE,
    closeAfterMinutes: env.QUIZ_CLOSE_AFTER_MINUTES,
    graceMinutes: env.QUIZ_GRACE_MINUTES,
    logLevel: env.LOG_LEVEL,
  };
}

/**
 * Shard ids only make sense against a fixed total: with 'auto' two processes could be told different totals by
 * Discord and both run the same guilds, or none.
 */
function checkShards(count: number | 'auto' | undefined, ids: number[] | undefined): void {
  if (ids === undefined) return;
  if (typeof count !== 'number') {
    throw new ConfigError(
      'Invalid configuration (see .env.example):\n- SHARD_IDS: needs SHARD_COUNT set to a number (every process must agree on the total)',
    );
  }
  const outOfRange = ids.filter((id) => id >= count);
  if (outOfRange.length > 0) {
    throw new ConfigError(
      `Invalid configuration (see .env.example):\n- SHARD_IDS: shard ${outOfRange.join(', ')} does not exist with SHARD_COUNT=${count} (ids run from 0 to ${count - 1})`,
    );
  }
}

/** Only the notes' size limits, for the CLI, which needs none of the bot's variables but reads the same notes. */
export function loadNoteReadLimits(environment: NodeJS.ProcessEnv = process.env): Config['noteReadLimits'] {
  const schema = environmentSchema.pick({ DOCS_MAX_FILE_MB: true, DOCS_MAX_TOTAL_MB: true });
  const setVariables = Object.fromEntries(Object.entries(environment).filter(([, value]) => value !== undefined && value.trim() !== ''));
  const parsed = schema.safeParse(setVariables);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `- ${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n${lines.join('\n')}`);
  }
  return { maxFileBytes: parsed.data.DOCS_MAX_FILE_MB, maxTotalBytes: parsed.data.DOCS_MAX_TOTAL_MB };
}

/** The bot cannot start without a token; explain where to get one and what works without it. */
export function requireToken(config: Config): string {
  if (!config.discordToken) {
    throw new ConfigError(
      [
        'DISCORD_TOKEN is not set.',
        'Create an application at https://discord.com/developers/applications, open "Bot", press "Reset Token",',
        'and put the token into .env as DISCORD_TOKEN=... (copy .env.example to start).',
        'Without a token you can still try the knowledge base: npm run cli -- explain container',
      ].join('\n'),
    );
  }
  return config.discordToken;
}
