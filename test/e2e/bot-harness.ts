// The real bot against the project's Discord emulator, for end-to-end scenarios and the e2e bench: the config
// comes from `loadConfig` with the emulator's URL, the database is a real SQLite file in a temp dir, and
// everything is torn down so that vitest exits with no handle left open.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ClientOptions } from 'discord.js';
import type { APIButtonComponentWithCustomId, APIInteractionResponse, APIMessage } from 'discord-api-types/v10';
import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import { commands } from '../../commands/index.js';
import { loadConfig, type Config } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/discord/start-bot.js';
import type { KnowledgeBase } from '../../src/kb/types.js';
import { createLogger, type Logger } from '../../src/logger.js';
import type { Clock } from '../../src/quiz/ports.js';
import { startDiscordEmulator, type DiscordEmulator, type EmulatorOptions, type InteractionHandle } from '../emulator/index.js';
import { teamNoteDir } from '../fixture-dirs.js';
import { assertNothingPings } from './mention-guard.js';

/** Small REST limits so that a fault the client retries (5xx, a hung response) settles within a test. */
export const testRestOptions = { timeout: 1_500, retries: 1 } as const;

/** The bot's token in every harness; the logger scrubs it, as `npm start`'s does. */
export const testToken = 'emulated-bot-token';

/**
 * The bot's client options against the emulator: a guild that never arrives must not hold up ready for
 * discord.js's default 15 s, and a new identify after a lost session need not wait the 5 s Discord demands
 * between identifies (the emulator does not enforce it).
 */
export const testClientOptions: Partial<ClientOptions> = {
  rest: testRestOptions,
  waitGuildTimeout: 200,
  ws: { buildIdentifyThrottler: () => Promise.resolve({ waitForIdentify: async () => {} }) },
};

/**
 * Real time plus an offset the test moves: timers and cron keep running in real time, while the bot's idea of
 * "now" (close times, slots, grace) can jump, e.g. to "the bot was down for two hours".
 */
export class ShiftableClock implements Clock {
  private offsetMs = 0;

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** From now on `now()` reads `moment` and moves on from there. */
  setNow(moment: Date): void {
    this.offsetMs = moment.getTime() - Date.now();
  }

  advance(ms: number): void {
    this.offsetMs += ms;
  }
}

/** One structured log line of the bot, as pino wrote it. */
export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface BotHarnessOptions {
  /** Register commands for the emulated guild (DISCORD_GUILD_ID) instead of globally. Default true. */
  guildCommands?: boolean;
  /** `QUIZ_CLOSE_AFTER_MINUTES`. */
  closeAfterMinutes?: number;
  /** `DOCS_DIR`; default the fixture copy of the team's first note (tests never read data/docs). */
  docsDir?: string;
  /** Notes already loaded, instead of reading `docsDir` (a test's hand-made knowledge base). */
  knowledgeBase?: KnowledgeBase;
  emulator?: EmulatorOptions;
  /**
   * Shortest gap a schedule may leave between posts. Default one second, so scenarios can schedule `* * * * * *`
   * and see a slot fire while they wait; production's 10 minutes is tested by passing `null` (the bot's default).
   */
  minScheduleGapMs?: number | null;
}

/** Lets a test schedule `* * * * * *` (one post a second) instead of waiting 10 minutes for a slot. */
export const testMinScheduleGapMs = 1_000;

export interface BotHarness {
  readonly emulator: DiscordEmulator;
  /** The running bot; replaced by `restartBot()`. */
  readonly bot: RunningBot;
  readonly config: Config;
  readonly clock: ShiftableClock;
  /** The bot's log lines at info and above (every instance of this harness), oldest first. */
  readonly logs: readonly LogLine[];
  /** Stop the bot (client destroyed, store closed) and start a new instance on the same database. */
  restartBot(): Promise<RunningBot>;
  stopBot(): Promise<void>;
  startBot(): Promise<RunningBot>;
  /**
   * Stop the bot, close the emulator, remove the temp dir; then fail when any message the bot sent could ping
   * (see `mention-guard.ts`) or the emulator broke. Safe to call twice.
   */
  close(): Promise<void>;
}

/** The bot's real logger (redaction, error serializer), keeping its lines in `into` (DEBUG_E2E=1 also prints them). */
function createCapturingLogger(into: LogLine[]): Logger {
  const echo = process.env.DEBUG_E2E === '1';
  const destination = {
    write(text: string) {
      for (const line of text.split('\n')) {
        if (line.trim() === '') continue;
        into.push(JSON.parse(line) as LogLine);
        if (echo) process.stderr.write(`[bot] ${line}\n`);
      }
    },
  };
  return createLogger(echo ? 'debug' : 'info', { destination, secrets: [testToken] });
}

/** Start the emulator, then the real bot logged in to it; resolves once the bot is ready and registered. */
export async function startBotHarness(options: BotHarnessOptions = {}): Promise<BotHarness> {
  const emulator = await startDiscordEmulator(options.emulator);
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-e2e-'));
  const clock = new ShiftableClock();
  const logs: LogLine[] = [];
  const logger = createCapturingLogger(logs);
  const config = loadConfig({
    DISCORD_TOKEN: testToken,
    DISCORD_API_URL: emulator.apiUrl,
    ...(options.guildCommands === false ? {} : { DISCORD_GUILD_ID: emulator.guild.id }),
    DATABASE_PATH: path.join(directory, 'quiz.sqlite'),
    DOCS_DIR: options.docsDir ?? teamNoteDir,
    DEFAULT_TIMEZONE: 'Asia/Seoul',
    ...(options.closeAfterMinutes === undefined ? {} : { QUIZ_CLOSE_AFTER_MINUTES: String(options.closeAfterMinutes) }),
    LOG_LEVEL: 'silent',
  });

  let bot: RunningBot | undefined;
  let closed = false;
  const start = async (): Promise<RunningBot> => {
    if (bot) throw new Error('the bot is already running; stop it first');
    const minScheduleGapMs = options.minScheduleGapMs === undefined ? testMinScheduleGapMs : (options.minScheduleGapMs ?? undefined);
    bot = await startBot(config, {
      commands,
      logger,
      clock,
      clientOptions: testClientOptions,
      knowledgeBase: options.knowledgeBase,
      minScheduleGapMs,
    });
    return bot;
  };
  const stop = async (): Promise<void> => {
    const running = bot;
    bot = undefined;
    await running?.stop();
  };

  const harness: BotHarness = {
    emulator,
    get bot() {
      if (!bot) throw new Error('the bot is not running');
      return bot;
    },
    config,
    clock,
    logs,
    startBot: start,
    stopBot: stop,
    async restartBot() {
      await stop();
      return start();
    },
    async close() {
      if (closed) return;
      closed = true;
      try {
        await stop();
      } finally {
        await emulator.close();
        fs.rmSync(directory, { recursive: true, force: true });
      }
      assertNothingPings(emulator.requests);
      if (emulator.internalErrors.length > 0) throw new Error(`the emulator failed inside: ${String(emulator.internalErrors[0])}`);
    },
  };
  try {
    await start();
  } catch (error) {
    await harness.close();
    throw error;
  }
  return harness;
}

// ---- reading what the bot answered ---------------------------------------------------------------------

export interface Reply {
  content: string;
  ephemeral: boolean;
  embeds: NonNullable<Extract<APIInteractionResponse, { type: InteractionResponseType.ChannelMessageWithSource }>['data']['embeds']>;
}

/** The first response of an interaction, which must be a message (callback type 4). */
export async function replyTo(handle: InteractionHandle): Promise<Reply> {
  const response = await handle.response();
  if (response.type !== InteractionResponseType.ChannelMessageWithSource) {
    throw new Error(`expected a message reply (type 4), got callback type ${response.type}`);
  }
  return {
    content: response.data.content ?? '',
    ephemeral: (Number(response.data.flags ?? 0) & MessageFlags.Ephemeral) !== 0,
    embeds: response.data.embeds ?? [],
  };
}

export function answerButtons(message: APIMessage): APIButtonComponentWithCustomId[] {
  const rows = (message.components ?? []) as { components?: unknown[] }[];
  return rows
    .flatMap((row) => row.components ?? [])
    .filter((component): component is APIButtonComponentWithCustomId => {
      const customId = (component as { custom_id?: unknown }).custom_id;
      return typeof customId === 'string' && customId.startsWith('quiz:answer:');
    });
}

export function isQuestionPost(message: APIMessage): boolean {
  return answerButtons(message).length === 4;
}

/** `quiz:answer:<questionId>:<choice>` of a post. */
export function questionIdOf(post: APIMessage): string {
  const questionId = answerButtons(post)[0]?.custom_id.split(':')[2];
  if (!questionId) throw new Error(`message ${post.id} has no answer buttons`);
  return questionId;
}

export function answerButtonId(post: APIMessage, choice: number): string {
  const button = answerButtons(post)[choice];
  if (!button) throw new Error(`message ${post.id} has no answer button ${choice}`);
  return button.custom_id;
}

/** A field of the post's first embed by name (the reveal shows "Participants"). */
export function embedField(message: APIMessage, name: string | RegExp): string | undefined {
  const fields = message.embeds[0]?.fields ?? [];
  return fields.find((field) => (typeof name === 'string' ? field.name === name : name.test(field.name)))?.value;
}

/** Resolves when `check` holds, polling: for state outside the emulator (the store, which answers asynchronously; the logs). */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  options: { timeoutMs?: number; description?: string } = {},
): Promise<T> {
  const deadline = Date.now() + (options.timeoutMs ?? 3_000);
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== null && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${options.description ?? 'a condition'}`);
    await sleep(20);
  }
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
