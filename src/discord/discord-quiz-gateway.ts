import {
  type Client,
  DiscordAPIError,
  type GuildBasedChannel,
  type Message,
  PermissionFlagsBits,
  RateLimitError,
  RESTJSONErrorCodes,
  type SendableChannels,
} from 'discord.js';
import { type Language, pickLocale } from '../i18n/locale.js';
import type { Concept, NoteDocument } from '../kb/types.js';
import type { Logger } from '../logger.js';
import { ChannelUnavailableError, type QuizChannelGateway, RateLimitedError } from '../quiz/ports.js';
import type { ClosedQuestion, StoredQuestion } from '../quiz/types.js';
import { buildQuestionPost, buildRevealPost, createAnswerCustomId } from './quiz-views.js';

/** What a quiz channel needs, named as Discord's channel settings name them so an admin can find them. */
const requiredPermissions = [
  { name: 'View Channel', flag: PermissionFlagsBits.ViewChannel },
  { name: 'Send Messages', flag: PermissionFlagsBits.SendMessages },
  { name: 'Embed Links', flag: PermissionFlagsBits.EmbedLinks },
  { name: 'Read Message History', flag: PermissionFlagsBits.ReadMessageHistory },
] as const;

const sendInThreads = { name: 'Send Messages in Threads', flag: PermissionFlagsBits.SendMessagesInThreads } as const;

type QuizChannel = SendableChannels & GuildBasedChannel;

/** Discord keeps at most 25 characters of a nonce. */
const nonceMaxLength = 25;
/** How far back a lost post is looked for: Discord's most per request, and far more than a quiz channel sees in minutes. */
const recentMessagesLimit = 100;

/**
 * The nonce of a question's post, the same on every try (discord.js's retries, a retry after a restart): with
 * `enforce_nonce` Discord answers a repeat within a few minutes with the message it already made.
 */
export function createPostNonce(questionId: string): string {
  return `quiz-${questionId}`.slice(0, nonceMaxLength);
}

/**
 * Discord's answers that mean "this channel cannot take posts until someone acts" become
 * `ChannelUnavailableError`, so the runner pauses the schedule instead of retrying at every slot
 * (Discord bans bots that make too many invalid requests). Anything else is transient and rethrown.
 */
export function toChannelUnavailable(error: unknown, missing: readonly string[] = []): unknown {
  if (!(error instanceof DiscordAPIError)) return error;
  switch (error.code) {
    case RESTJSONErrorCodes.MissingPermissions:
    case RESTJSONErrorCodes.MissingAccess:
      return new ChannelUnavailableError(
        'missing-permissions',
        missing.length > 0 ? `Missing Permissions: ${missing.join(', ')}` : `Missing Permissions (${error.code})`,
        missing,
      );
    case RESTJSONErrorCodes.UnknownChannel:
      return new ChannelUnavailableError('unknown-channel', 'Unknown Channel: it was deleted or the bot cannot see it');
    case RESTJSONErrorCodes.UnknownMessage:
      return new ChannelUnavailableError('unknown-message', 'Unknown Message: the quiz post was deleted');
    default:
      return error;
  }
}

/** discord.js rejects instead of waiting when a rate limit outlasts `rejectOnRateLimit` (see `create-client.ts`). */
function toRateLimited(error: unknown): unknown {
  return error instanceof RateLimitError ? new RateLimitedError(Math.max(error.retryAfter, error.timeToReset)) : error;
}

/** The Discord side of the quiz: checks, posts and reveals in guild channels through the logged-in client. */
export class DiscordQuizGateway implements QuizChannelGateway {
  constructor(
    private readonly client: Client,
    private readonly logger: Logger,
  ) {}

  async findMissingPermissions(guildId: string, channelId: string): Promise<string[]> {
    const channel = this.findCachedChannel(guildId, channelId);
    if (!channel)
      throw new ChannelUnavailableError('unknown-channel', `Unknown Channel: ${channelId} is not a channel of this server the bot can see`);
    if (!channel.isTextBased()) throw new ChannelUnavailableError('unknown-channel', `Unknown Channel: ${channelId} is not a text channel`);
    const me = channel.guild.members.me ?? (await this.request(() => channel.guild.members.fetchMe()));
    const granted = channel.permissionsFor(me);
    // In a thread, Send Messages in Threads is what lets the bot post; Send Messages does not.
    const needed = channel.isThread()
      ? requiredPermissions.map((permission) => (permission.flag === PermissionFlagsBits.SendMessages ? sendInThreads : permission))
      : requiredPermissions;
    return needed.filter((permission) => !granted.has(permission.flag)).map((permission) => permission.name);
  }

  async postQuestion(question: StoredQuestion, concept: Concept, document: NoteDocument | undefined): Promise<{ messageId: string }> {
    const channel = await this.resolveChannel(question.guildId, question.channelId);
    const view = buildQuestionPost({ question, concept, document, language: languageOfPost(question, channel) });
    const message = await this.request(() => channel.send({ ...view, nonce: createPostNonce(question.id), enforceNonce: true }), channel);
    this.logger.debug(
      { guildId: question.guildId, channelId: question.channelId, questionId: question.id, messageId: message.id },
      'quiz question posted',
    );
    return { messageId: message.id };
  }

  async findQuestionPost(question: StoredQuestion): Promise<{ messageId: string } | null> {
    const channel = await this.resolveChannel(question.guildId, question.channelId);
    const recent = await this.request(() => channel.messages.fetch({ limit: recentMessagesLimit, cache: false }), channel);
    const botId = this.client.user?.id;
    // Oldest first: should a channel ever hold two copies, the first is the one members saw first.
    const found = [...recent.values()]
      .sort((a, b) => a.createdTimestamp - b.createdTimestamp)
      .find((message) => message.author.id === botId && isPostOf(message, question));
    return found ? { messageId: found.id } : null;
  }

  async showResult(closed: ClosedQuestion, concept: Concept | undefined, document: NoteDocument | undefined): Promise<void> {
    const { question } = closed;
    // Practice questions and posts that never went out have no message to edit.
    if (!question.messageId) return;
    const messageId = question.messageId;
    const channel = await this.resolveChannel(question.guildId, question.channelId);
    const view = buildRevealPost({ closed, concept, document, language: languageOfPost(question, channel) });
    // Edit by id: fetching first would cost a request and need Read Message History for nothing.
    await this.request(() => channel.messages.edit(messageId, view), channel);
    this.logger.debug({ guildId: question.guildId, channelId: question.channelId, questionId: question.id, messageId }, 'quiz result shown');
  }

  private findCachedChannel(guildId: string, channelId: string): GuildBasedChannel | undefined {
    return this.client.guilds.cache.get(guildId)?.channels.cache.get(channelId);
  }

  private async resolveChannel(guildId: string, channelId: string): Promise<QuizChannel> {
    const channel = this.findCachedChannel(guildId, channelId) ?? (await this.request(() => this.client.channels.fetch(channelId)));
    if (!channel || !channel.isSendable() || !('guild' in channel) || channel.guild.id !== guildId) {
      throw new ChannelUnavailableError('unknown-channel', `Unknown Channel: ${channelId} is not a text channel of this server`);
    }
    return channel;
  }

  /** Runs a Discord call, turning channel problems into `ChannelUnavailableError` with the missing permissions named. */
  private async request<T>(call: () => Promise<T>, channel?: QuizChannel): Promise<T> {
    try {
      return await call();
    } catch (error) {
      const missing = channel && error instanceof DiscordAPIError && isPermissionError(error) ? await this.listMissingQuietly(channel) : [];
      throw toRateLimited(toChannelUnavailable(error, missing));
    }
  }

  private async listMissingQuietly(channel: QuizChannel): Promise<string[]> {
    try {
      return await this.findMissingPermissions(channel.guild.id, channel.id);
    } catch {
      return [];
    }
  }
}

/**
 * The language the question was posted in, else the server's. A server without Discord's Community features
 * always reports English, so the admin's language stored with the schedule is the better guess for a team.
 */
function languageOfPost(question: StoredQuestion, channel: QuizChannel): Language {
  return pickLocale(question.language ?? channel.guild.preferredLocale);
}

function isPermissionError(error: DiscordAPIError): boolean {
  return error.code === RESTJSONErrorCodes.MissingPermissions || error.code === RESTJSONErrorCodes.MissingAccess;
}

/** The post of this question: by the nonce Discord echoes on a fresh message, else by an answer button of it. */
function isPostOf(message: Message, question: StoredQuestion): boolean {
  if (message.nonce === createPostNonce(question.id)) return true;
  const answerA = createAnswerCustomId(question.id, 0);
  return message.components.some((row) => 'components' in row && row.components.some((part) => 'customId' in part && part.customId === answerA));
}
