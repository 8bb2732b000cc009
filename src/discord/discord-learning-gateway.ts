import { type Client, DiscordAPIError, type GuildBasedChannel, PermissionFlagsBits, RESTJSONErrorCodes, type SendableChannels } from 'discord.js';
import { DirectMessagesClosedError, type LearningGateway, type ReminderMessage, type TeamReportPost } from '../learning/ports.js';
import type { Logger } from '../logger.js';
import { ChannelUnavailableError } from '../quiz/ports.js';
import { toChannelUnavailable } from './discord-quiz-gateway.js';
import { buildReminderMessage, buildTeamReportPost } from './learning-views.js';

/** What a report channel needs, named as Discord's channel settings name them. */
const reportPermissions = [
  { name: 'View Channel', flag: PermissionFlagsBits.ViewChannel },
  { name: 'Send Messages', flag: PermissionFlagsBits.SendMessages },
  { name: 'Attach Files', flag: PermissionFlagsBits.AttachFiles },
] as const;

type ReportChannel = SendableChannels & GuildBasedChannel;

/** The Discord side of reminders and the weekly report: DMs and report posts through the logged-in client. */
export class DiscordLearningGateway implements LearningGateway {
  constructor(
    private readonly client: Client,
    private readonly logger: Logger,
  ) {}

  async findMissingReportPermissions(guildId: string, channelId: string): Promise<string[]> {
    const channel = this.client.guilds.cache.get(guildId)?.channels.cache.get(channelId);
    if (!channel || !channel.isTextBased()) {
      throw new ChannelUnavailableError('unknown-channel', `Unknown Channel: ${channelId} is not a text channel of this server the bot can see`);
    }
    const me = channel.guild.members.me ?? (await channel.guild.members.fetchMe());
    const granted = channel.permissionsFor(me);
    return reportPermissions.filter((permission) => !granted.has(permission.flag)).map((permission) => permission.name);
  }

  teamNameOf(guildId: string): string | undefined {
    return this.client.guilds.cache.get(guildId)?.name;
  }

  async postTeamReport(post: TeamReportPost): Promise<{ messageId: string }> {
    const channel = await this.resolveChannel(post.guildId, post.channelId);
    try {
      const message = await channel.send(buildTeamReportPost(post.data, post.png, post.language));
      return { messageId: message.id };
    } catch (error) {
      throw toChannelUnavailable(error);
    }
  }

  async sendReminder(message: ReminderMessage): Promise<void> {
    const serverName = this.client.guilds.cache.get(message.guildId)?.name ?? message.guildId;
    try {
      await this.client.users.send(message.userId, buildReminderMessage(message.dueCount, serverName, message.language));
      this.logger.debug({ guildId: message.guildId, userId: message.userId }, 'review reminder delivered');
    } catch (error) {
      if (error instanceof DiscordAPIError && error.code === RESTJSONErrorCodes.CannotSendMessagesToThisUser) {
        throw new DirectMessagesClosedError(message.userId);
      }
      throw error;
    }
  }

  private async resolveChannel(guildId: string, channelId: string): Promise<ReportChannel> {
    const channel = this.client.guilds.cache.get(guildId)?.channels.cache.get(channelId) ?? (await this.fetchChannel(channelId));
    if (!channel || !channel.isSendable() || !('guild' in channel) || channel.guild.id !== guildId) {
      throw new ChannelUnavailableError('unknown-channel', `Unknown Channel: ${channelId} is not a text channel of this server`);
    }
    return channel;
  }

  private async fetchChannel(channelId: string) {
    try {
      return await this.client.channels.fetch(channelId);
    } catch (error) {
      throw toChannelUnavailable(error);
    }
  }
}
