// npm start: the Discord bot.
import dotenv from 'dotenv';
import { commands } from '../commands/index.js';
import { type Config, ConfigError, loadConfig, requireToken } from './config.js';
import { explainStartupFailure, type RunningBot, startBot } from './discord/start-bot.js';
import { createLogger, logUncaughtFailures } from './logger.js';
import { createSignalJudge } from './stop-signals.js';

dotenv.config({ quiet: true });

/** Docker sends SIGKILL 10 s after SIGTERM: a stop that hangs must end, and say so, before that. */
const stopDeadlineMs = 9_000;

/** A configuration mistake is the operator's to fix: the message says how, a stack trace would only bury it. */
function readConfig(): Config {
  try {
    const config = loadConfig();
    requireToken(config);
    return config;
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

const config = readConfig();
const logger = createLogger(config.logLevel, { secrets: [config.discordToken] });
logUncaughtFailures(logger);

let stopping = false;
let bot: Promise<RunningBot> | undefined;

/**
 * Stop once, whatever asks first (a signal, a gateway Discord closed for good). A signal during start-up waits
 * for the start to settle, so a question being posted is stored before the client and the store close.
 */
function stopAndExit(exitCode: number): void {
  if (stopping) return;
  stopping = true;
  setTimeout(() => {
    logger.error({ timeoutMs: stopDeadlineMs }, 'clean stop took too long: exiting anyway');
    process.exit(1);
  }, stopDeadlineMs).unref();
  void (async () => {
    try {
      const running = await bot?.catch(() => undefined);
      await running?.stop();
      process.exit(exitCode);
    } catch (error) {
      logger.error({ err: error }, 'shutdown failed');
      process.exit(1);
    }
  })();
}

const judgeSignal = createSignalJudge();
function onSignal(signal: NodeJS.Signals): void {
  const meaning = judgeSignal(signal);
  if (meaning === 'repeat') {
    logger.debug({ signal }, 'the same signal again at once: still stopping cleanly');
    return;
  }
  if (meaning === 'force' || stopping) {
    // A later second Ctrl-C means "now": the operator gave up on the clean stop.
    logger.warn({ signal }, 'second signal: exiting without a clean stop');
    process.exit(1);
  }
  logger.info({ signal }, 'shutting down');
  stopAndExit(0);
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

bot = startBot(config, {
  commands,
  logger,
  onGatewayLost: () => stopAndExit(1),
});
try {
  await bot;
} catch (error) {
  const explanation = explainStartupFailure(error, config);
  if (explanation) logger.fatal(`the bot could not start: ${explanation}`);
  else logger.fatal({ err: error }, 'the bot could not start');
  process.exit(1);
}
