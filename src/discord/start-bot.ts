import path from 'node:path';
import { type Client, type ClientOptions, DiscordAPIError, DiscordjsErrorCodes, Events, GatewayCloseCodes, RESTJSONErrorCodes } from 'discord.js';
import { type Config, ConfigError, requireToken } from '../config.js';
import type { KnowledgeBase } from '../kb/types.js';
import { buildKnowledgeBase, readNoteFiles } from '../kb/load-knowledge-base.js';
import { DailyReminders } from '../learning/daily-reminders.js';
import { listReportConcepts } from '../learning/report-concepts.js';
import { WeeklyReports } from '../learning/weekly-reports.js';
import { createLogger, type Logger } from '../logger.js';
import { type Clock, systemClock } from '../quiz/ports.js';
import { QuizRunner } from '../quiz/quiz-runner.js';
import { QuizScores } from '../quiz/scores.js';
import { ConceptIndex } from '../search/concept-index.js';
import type { QuizStore } from '../quiz/quiz-store.js';
import { openConfiguredStore } from '../store/open-configured-store.js';
import { scopeStoreToGuilds } from '../quiz/guild-scoped-store.js';
import { BotOperations } from './bot-operations.js';
import type { BotContext, Command } from './command.js';
import { createClient } from './create-client.js';
import { pacedMakeRequest } from './request-pacing.js';
import { describeShards, shardClientOptions } from './shard-options.js';
import { DiscordLearningGateway } from './discord-learning-gateway.js';
import { DiscordQuizGateway } from './discord-quiz-gateway.js';
import { createInteractionRouter, indexCommands } from './interaction-router.js';
import { registerCommands } from './register-commands.js';

export interface StartBotOptions {
  logger?: Logger;
  clock?: Clock;
  /**
   * The bot's slash commands (`commands/index.ts`, passed in by `src/main.ts`): registration and the interaction
   * router both take this one list. The Discord layer imports no command itself.
   */
  commands: readonly Command[];
  /** Notes already loaded instead of reading `config.docsDir` (tests that need one exact knowledge base). */
  knowledgeBase?: KnowledgeBase;
  /** Client options over the defaults, e.g. short REST timeouts and guild wait against the emulator. */
  clientOptions?: Partial<ClientOptions>;
  /**
   * Discord closed the gateway for good after start-up (4004: the token was reset; 4014: intents revoked):
   * discord.js will not reconnect, so the bot would sit there deaf. `npm start` exits so a supervisor notices.
   */
  onGatewayLost?: (closeCode: number, explanation: string) => void;
  /** Shortest gap a schedule may leave between posts (default 10 minutes); tests lower it to see seconds-level crons fire. */
  minScheduleGapMs?: number;
}

export interface RunningBot {
  client: Client<true>;
  context: BotContext;
  /** The bot's database, for what the operator and tests check after the fact; commands never see it. */
  store: QuizStore;
  /** Stop the quiz schedules, let posts in flight finish, disconnect, close the database. Safe to call twice. */
  stop(): Promise<void>;
}

/** Broken notes never stop the bot: each problem is a warning naming file and line. */
function logKnowledgeBase(kb: KnowledgeBase, logger: Logger): void {
  for (const problem of kb.problems) {
    logger.warn({ file: problem.file, line: problem.line, severity: problem.severity }, `note problem: ${problem.message}`);
  }
  logger.info(
    { docsDir: kb.docsDir, documents: kb.documents.length, concepts: kb.concepts.length, problems: kb.problems.length },
    'knowledge base loaded',
  );
}

function describePath(file: string): string {
  const absolute = path.resolve(file);
  return absolute === file ? file : `${file} (${absolute})`;
}

/**
 * The notes, or an error naming DOCS_DIR: a bot without notes has nothing to explain or ask, and a wrong folder
 * is the operator's to fix. Broken notes are not that: each is a warning and the rest load.
 */
async function loadNotes(config: Config, logger: Logger): Promise<KnowledgeBase> {
  const notes = await readNoteFiles(config.docsDir, config.noteReadLimits);
  const fix = 'Point DOCS_DIR to the folder of your markdown notes (every *.md below it is read).';
  if (notes.folderProblem !== undefined) throw new ConfigError(`DOCS_DIR=${config.docsDir}: ${notes.folderProblem}. ${fix}`);
  const kb = buildKnowledgeBase(config.docsDir, notes.files, notes.problems);
  logKnowledgeBase(kb, logger);
  if (notes.files.length === 0) {
    throw new ConfigError(
      `DOCS_DIR=${describePath(config.docsDir)} holds no readable *.md notes${kb.problems.length > 0 ? ' (see the warnings above)' : ''}. ${fix}`,
    );
  }
  return kb;
}

function waitForReady(client: Client): Promise<Client<true>> {
  return new Promise((resolve) => client.once(Events.ClientReady, resolve));
}

const gatewayCloseExplanations: Partial<Record<number, string>> = {
  [GatewayCloseCodes.AuthenticationFailed]:
    'Discord refused DISCORD_TOKEN on the gateway (close 4004): the token was reset or is wrong. Put the current token from the Developer Portal (Bot → Reset Token) into .env.',
  [GatewayCloseCodes.DisallowedIntents]: 'Discord refused the gateway intents (close 4014): enable them for the bot in the Developer Portal.',
  [GatewayCloseCodes.InvalidIntents]: 'Discord refused the gateway intents as invalid (close 4013).',
  [GatewayCloseCodes.InvalidAPIVersion]: 'Discord refused the gateway API version (close 4012): update discord.js.',
  [GatewayCloseCodes.ShardingRequired]: 'Discord requires sharding for this bot (close 4011).',
  [GatewayCloseCodes.InvalidShard]: 'Discord refused the shard (close 4010).',
};

/** Messages @discordjs/ws rejects `login()` with when the gateway closes for good. */
const gatewayLoginFailures: Record<string, number> = {
  'Authentication failed': GatewayCloseCodes.AuthenticationFailed,
  'Used disallowed intents': GatewayCloseCodes.DisallowedIntents,
  'Used invalid intents': GatewayCloseCodes.InvalidIntents,
  'Used an invalid API version': GatewayCloseCodes.InvalidAPIVersion,
  'Sharding is required': GatewayCloseCodes.ShardingRequired,
  'Invalid shard': GatewayCloseCodes.InvalidShard,
};

/**
 * What the operator should read when the bot cannot start for a reason outside the code (a wrong token, an
 * unreachable API, a database path it cannot write); undefined for anything else, which is a bug to log in full.
 */
export function explainStartupFailure(error: unknown, config: Pick<Config, 'apiUrl' | 'guildId'>): string | undefined {
  if (error instanceof ConfigError) return error.message;
  if (!(error instanceof Error)) return undefined;
  if (
    error instanceof DiscordAPIError &&
    error.code === RESTJSONErrorCodes.MissingAccess &&
    config.guildId &&
    error.url.includes(`/guilds/${config.guildId}/commands`)
  ) {
    return `Discord refused to register the commands in DISCORD_GUILD_ID=${config.guildId} (50001 Missing Access): the bot is not in that server, or was invited without the applications.commands scope. Invite it with the URL in the README, or leave DISCORD_GUILD_ID empty to register globally.`;
  }
  if ((error as { code?: unknown }).code === DiscordjsErrorCodes.TokenInvalid) {
    return 'Discord refused DISCORD_TOKEN (401 Unauthorized): the token was reset or is wrong. Put the current token from the Developer Portal (Bot → Reset Token) into .env.';
  }
  const closeCode = gatewayLoginFailures[error.message];
  if (closeCode !== undefined) return gatewayCloseExplanations[closeCode];
  const networkCode = (error as { code?: unknown }).code ?? (error.cause as { code?: unknown } | undefined)?.code;
  if (
    typeof networkCode === 'string' &&
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT'].includes(networkCode)
  ) {
    return `Cannot reach Discord at ${config.apiUrl ?? 'https://discord.com/api'} (${networkCode}): check the network${config.apiUrl ? ' and DISCORD_API_URL' : ''}.`;
  }
  return undefined;
}

/**
 * Load the notes, open the store, log in, register the commands, start the quiz schedules, and route
 * interactions. Everything opened is closed again when a later step fails.
 */
export async function startBot(config: Config, options: StartBotOptions): Promise<RunningBot> {
  const logger = options.logger ?? createLogger(config.logLevel, { secrets: [config.discordToken] });
  const clock = options.clock ?? systemClock;
  const token = requireToken(config);
  const commands = indexCommands(options.commands);

  const kb = options.knowledgeBase ?? (await loadNotes(config, logger));
  const index = ConceptIndex.build(kb.concepts);
  // METRICS_PORT: counts, store timings and the health endpoints; none of it when unset.
  const operations = config.metrics && new BotOperations(config.metrics, logger);
  const opened = await openConfiguredStore(config);
  const openedStore = opened.store;
  const timedStore = operations ? operations.timeStore(openedStore) : openedStore;
  // With shards in several processes, each process's schedules, closes, reveals, reminders and reports are its own
  // guilds' only; reads and writes by id (a member's click) pass through.
  const shards = describeShards(config.shards);
  const store = shards.ownsEveryGuild ? timedStore : scopeStoreToGuilds(timedStore, shards.ownsGuild);
  logger.info({ database: opened.description, shards: shards.summary }, 'store opened');
  let client: Client | undefined;
  let quiz: QuizRunner | undefined;
  let reports: WeeklyReports | undefined;
  let reminders: DailyReminders | undefined;

  try {
    const pacer = opened.createRequestPacer?.((error) => logger.warn({ err: error }, 'shared Discord request pace unavailable: sending without it'));
    client = createClient(config, {
      ...shardClientOptions(config.shards),
      ...options.clientOptions,
      rest: { ...(pacer ? { makeRequest: pacedMakeRequest(pacer) } : {}), ...options.clientOptions?.rest },
    });
    await operations?.start({ client, store: openedStore, commandNames: commands.keys() });
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
      minScheduleGapMs: options.minScheduleGapMs,
      onEvent: operations?.onQuizEvent,
    });
    const scores = new QuizScores({ store, clock, defaultTimezone: config.defaultTimezone });
    // Reminders and the weekly report count the concepts the quiz asks about, worked out when they are needed.
    const askable = quiz.scopeFor.bind(quiz, null);
    const learningGateway = new DiscordLearningGateway(client, logger);
    const learningParts = { store, gateway: learningGateway, clock, logger, defaultTimezone: config.defaultTimezone };
    reports = new WeeklyReports({ ...learningParts, concepts: () => listReportConcepts(kb, askable()), minScheduleGapMs: options.minScheduleGapMs });
    reminders = new DailyReminders({ ...learningParts, scope: () => listReportConcepts(kb, askable()).map((concept) => concept.id) });
    const context: BotContext = { config, logger, clock, kb, index, quiz, scores, reminders, reports };
    const route = createInteractionRouter(commands, context, operations?.onInteraction);
    client.on(Events.InteractionCreate, (interaction) => void route(interaction));
    client.on(Events.Error, (error) => logger.error({ err: error }, 'discord client error'));
    client.on(Events.Warn, (message) => logger.warn({ detail: message }, 'discord client warning'));

    const ready = waitForReady(client);
    await client.login(token);
    const readyClient = await ready;
    logger.info({ user: readyClient.user.tag, guilds: readyClient.guilds.cache.size }, 'logged in to Discord');
    // Registration is the bot's, not each process's: the process running shard 0 does it for all.
    if (shards.registersCommands) await registerCommands(readyClient, commands.values(), config.guildId, logger);
    await quiz.start();
    await reports.start();
    reminders.start();

    const runningQuiz = quiz;
    const runningReports = reports;
    const runningReminders = reminders;
    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> =>
      (stopping ??= (async () => {
        runningQuiz.stop();
        runningReports.stop();
        runningReminders.stop();
        // A post in flight must finish while the client and the store are still open, so its message id
        // is stored and the next start does not post the slot again.
        if (!(await runningQuiz.waitForIdle(5_000))) logger.warn('stopped with quiz posts still in flight');
        await readyClient.destroy();
        await store.close();
        await operations?.stop();
        logger.info('bot stopped');
      })());
    readyClient.on(Events.ShardDisconnect, ({ code }) => {
      if (stopping) return;
      const explanation = gatewayCloseExplanations[code] ?? `Discord closed the gateway with ${code} and discord.js will not reconnect.`;
      logger.error({ closeCode: code }, `gateway lost for good: ${explanation}`);
      options.onGatewayLost?.(code, explanation);
    });
    logger.info({ commands: [...commands.keys()] }, 'bot ready');
    return { client: readyClient, context, store, stop };
  } catch (error) {
    quiz?.stop();
    reports?.stop();
    reminders?.stop();
    await client?.destroy();
    await store.close();
    await operations?.stop();
    throw error;
  }
}
