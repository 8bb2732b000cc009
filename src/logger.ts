import { type DestinationStream, type Logger, pino } from 'pino';

export type { Logger };

export interface LoggerOptions {
  /**
   * Strings that must never appear in a log line (the bot token): replaced in every line written, whatever
   * object or message carried them, as the last line of defence behind the redact paths.
   */
  secrets?: readonly (string | undefined)[];
  /** Where lines go; default stdout. Tests pass a stream to read the real lines. */
  destination?: DestinationStream;
}

/**
 * An interaction token in a REST URL (`/interactions/<id>/<token>/callback`, `/webhooks/<app>/<token>/...`)
 * lets anyone answer as the bot for 15 minutes; discord.js puts that URL on every error it throws.
 */
const interactionTokenInUrl = /\/(interactions|webhooks)\/(\d+)\/[\w-]{16,}/g;

function maskInteractionTokens(text: string): string {
  return text.replace(interactionTokenInUrl, '/$1/$2/[redacted]');
}

/**
 * pino's error serializer, minus what must not be logged: interaction tokens in `url`, and the request body
 * (the whole message, with whatever a member typed; Discord's `rawError` already names the offending field).
 */
function serializeError(error: unknown): unknown {
  const serialized: unknown = pino.stdSerializers.err(error as Error);
  if (typeof serialized !== 'object' || serialized === null) return serialized;
  const { requestBody: _requestBody, ...rest } = serialized as Record<string, unknown>;
  for (const [key, value] of Object.entries(rest)) {
    if (typeof value === 'string') rest[key] = maskInteractionTokens(value);
  }
  return rest;
}

function escapeForJson(secret: string): string {
  return JSON.stringify(secret).slice(1, -1);
}

/**
 * Structured logs, one JSON line per event. The token must never reach a log line: the redact paths cover the
 * places it is kept (config, headers), and every written line is scrubbed of the secrets given.
 */
export function createLogger(level: string = 'info', options: LoggerOptions = {}): Logger {
  const secrets = [...new Set((options.secrets ?? []).filter((secret): secret is string => typeof secret === 'string' && secret.length >= 8))].map(
    escapeForJson,
  );
  return pino(
    {
      level,
      base: { app: 'concept-bot' },
      serializers: { err: serializeError },
      redact: {
        paths: [
          'token',
          '*.token',
          '*.*.token',
          'discordToken',
          '*.discordToken',
          'headers.authorization',
          '*.headers.authorization',
          'config.discordToken',
        ],
        censor: '[redacted]',
      },
      hooks: secrets.length === 0 ? {} : { streamWrite: (line) => secrets.reduce((text, secret) => text.split(secret).join('[redacted]'), line) },
    },
    options.destination ?? pino.destination({ dest: 1, sync: true }),
  );
}

/**
 * What no handler caught. A rejected promise nobody awaited is a bug worth a log line, not a reason to drop
 * every member's session: log and keep running. An exception thrown out of a callback leaves the process in
 * an unknown state: log it and exit, so the supervisor (Docker, systemd) starts a clean one.
 */
export function logUncaughtFailures(logger: Logger, exit: (code: number) => void = (code) => process.exit(code)): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection (kept running)');
  });
  process.on('uncaughtException', (error, origin) => {
    logger.fatal({ err: error, origin }, 'uncaught exception: exiting');
    exit(1);
  });
}

/** For tests and the CLI: a logger that writes nothing. */
export const silentLogger: Logger = pino({ level: 'silent' });
