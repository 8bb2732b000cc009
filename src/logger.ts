import { pino, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs, one JSON line per event. The token must never reach a log line, so every path where
 * it could hide is redacted, whatever object a caller passes.
 */
export function createLogger(level: string = 'info'): Logger {
  return pino({
    level,
    base: { app: 'concept-bot' },
    redact: {
      paths: ['token', '*.token', '*.*.token', 'discordToken', '*.discordToken', 'headers.authorization', '*.headers.authorization', 'config.discordToken'],
      censor: '[redacted]',
    },
  });
}

/** For tests and the CLI: a logger that writes nothing. */
export const silentLogger: Logger = pino({ level: 'silent' });
