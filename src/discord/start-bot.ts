import { type Client, type ClientOptions, Events } from 'discord.js';
import { type Config, requireToken } from '../config.js';
import type { KnowledgeBase } from '../kb/types.js';
import { loadKnowledgeBase } from '../kb/load-knowledge-base.js';
import { createLogger, type Logger } from '../logger.js';
import { type Clock, systemClock } from '../quiz/ports.js';
import { QuizRunner } from '../quiz/quiz-runner.js';
import { ConceptIndex } from '../search/concept-index.js';
import { openQuizStore } from '../store/sqlite-quiz-store.js';
import type { BotContext, Command } from './command.js';
import { createClient } from './create-client.js';
import { DiscordQuizGateway } from './discord-quiz-gateway.js';
import { createInteractionRouter } from './interaction-router.js';
import { loadCommands } from './load-commands.js';
import { registerCommands } from './register-commands.js';

export interface StartBotOptions {
  logger?: Logger;
  clock?: Clock;
  /** SIGINT/SIGTERM stop the bot cleanly and exit 0: for `npm start`, not for tests sharing a process. */
  installSignalHandlers?: boolean;
  /** Another command list than `commands/index.ts` (tests). */
  commands?: readonly Command[];
  /** Client options over the defaults, e.g. short REST timeouts and guild wait against the emulator. */
  clientOptions?: Partial<ClientOptions>;
}

export interface RunningBot {
  client: Client<true>;
  context: BotContext;
  /** Stop the quiz schedules, disconnect, close the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** Broken notes never stop the bot: each problem is a warning naming file and line. */
function logKnowledgeBase(kb: KnowledgeBase, logger: Logger): void {
  for (const problem of kb.problems) {
    logger.warn({ file: problem.file, line: problem.line, severity: problem.severity }, `note problem: ${problem.message}`);
  }
  logger.info({ docsDir: kb.docsDir, documents: kb.documents.length, concepts: kb.concepts.length, problems: kb.problems.length }, 'knowledge base loaded');
}

function waitForReady(client: Client): Promise<Client<true>> {
  return new Promise((resolve) => client.once(Events.ClientReady, resolve));
}

/**
 * Load the notes, open the store, log in, register the commands, start the quiz schedules, and route
 * interactions. Everything opened is closed again when a later step fails.
 */
export async function startBot(config: Config, options: StartBotOptions = {}): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(config.logLevel);
  const clock = options.clock ?? systemClock;
  const token = requireToken(config);
  const commands = loadCommands(options.commands);

  const kb = await loadKnowledgeBase(config.docsDir);
  logKnowledgeBase(kb, logger);
  const index = ConceptIndex.build(kb.concepts);
  const store = openQuizStore(config.databasePath);
  const client = createClient(config, options.clientOptions);
  let quiz: QuizRunner | undefined;

  try {
    const gateway = new DiscordQuizGateway(client, logger);
    quiz = new QuizRunner({
      store,
      kb,
      gateway,
      clock,
      logger,
      defaultTimezone: config.defaultTimezone,
      graceMinutes: config.graceMinutes,
      closeAfterMinutes: config.closeAfterMinutes,
    });
    const context: BotContext = { config, logger, clock, kb, index, store, quiz };
    const route = createInteractionRouter(commands, context);
    client.on(Events.InteractionCreate, (interaction) => void route(interaction));
    client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
    client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord client warning'));

    const ready = waitForReady(client);
    await client.login(token);
    const readyClient = await ready;
    logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'logged in to Discord');
    await registerCommands(readyClient, commands.values(), config.guildId, logger);
    await quiz.start();

    const runningQuiz = quiz;
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        process.off('SIGINT', stopOnSignal);
        process.off('SIGTERM', stopOnSignal);
        runningQuiz.stop();
        // A post in flight must finish while the client and the store are still open, so its message id
        // is stored and the next start does not post the slot again.
        if (!(await runningQuiz.waitForIdle(5_000))) logger.warn('stopped with quiz posts still in flight');
        await client.destroy();
        store.close();
        logger.info('bot stopped');
      })());
    function stopOnSignal(signal: NodeJS.Signals): void {
      logger.info({ signal }, 'shutting down');
      stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(1);
        },
      );
    }
    if (options.installSignalHandlers) {
      process.once('SIGINT', stopOnSignal);
      process.once('SIGTERM', stopOnSignal);
    }
    logger.info({ commands: [...commands.keys()] }, 'bot ready');
    return { client: readyClient, context, stop };
  } catch (error) {
    quiz?.stop();
    await client.destroy();
    store.close();
    throw error;
  }
}
