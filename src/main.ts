// npm start: the Discord bot.
import dotenv from 'dotenv';
import { type Config, ConfigError, loadConfig, requireToken } from './config.js';
import { startBot } from './discord/start-bot.js';
import { createLogger } from './logger.js';

dotenv.config({ quiet: true });

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
const logger = createLogger(config.logLevel);
process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));

try {
  await startBot(config, { logger, installSignalHandlers: true });
} catch (error) {
  logger.fatal({ err: error }, 'the bot could not start');
  process.exit(1);
}
