import {
  ChannelType,
  EmbedType,
  GuildDefaultMessageNotifications,
  GuildExplicitContentFilter,
  GuildMFALevel,
  GuildNSFWLevel,
  GuildPremiumTier,
  GuildSystemChannelFlags,
  GuildVerificationLevel,
  MessageFlags,
  MessageType,
  PermissionFlagsBits,
} from 'discord-api-types/v10';
import type {
  APIAllowedMentions,
  ChannelFlags,
  GuildMemberFlags,
  RoleFlags,
  UserFlags,
  APIApplicationCommand,
  APIAttachment,
  APIDMChannel,
  APIEmbed,
  APIGuildMember,
  APIInteraction,
  APIInteractionResponse,
  APIMessage,
  APIOverwrite,
  APIRole,
  APITextChannel,
  APIUser,
  GatewayGuildCreateDispatchData,
  Locale,
} from 'discord-api-types/v10';
import { createSnowflake } from './ids.js';
import { computeChannelPermissions, everyonePermissions } from './permissions.js';
import type { PermissionGuild } from './permissions.js';

const noUserFlags = 0 as UserFlags;
const noMemberFlags = 0 as GuildMemberFlags;

/** A person in a guild, as tests act with it (`emulator.slash(..., asUser)`). */
export interface EmulatedMember {
  readonly id: string;
  readonly guildId: string;
  /** Discord user name (lower case); `user.global_name` holds the display name. */
  readonly name: string;
  readonly admin: boolean;
  readonly roleIds: string[];
  readonly joinedAt: string;
  readonly user: APIUser;
  /** The client language sent as `locale` in this member's interactions. */
  locale: string;
}

export interface EmulatedChannel {
  readonly id: string;
  readonly guildId: string;
  readonly name: string;
  readonly position: number;
  overwrites: APIOverwrite[];
  deleted: boolean;
  /** A text channel unless set: a voice channel also has a text chat where commands can be run. */
  readonly type?: ChannelType.GuildText | ChannelType.GuildVoice;
}

/** The bot's direct-message channel with one user (Discord opens at most one per recipient). */
export interface EmulatedDmChannel {
  readonly id: string;
  readonly type: ChannelType.DM;
  readonly recipient: APIUser;
}

/** Where a message can be posted: a guild channel or a DM. */
export type MessageChannel = EmulatedChannel | EmulatedDmChannel;

export function isDmChannel(channel: MessageChannel): channel is EmulatedDmChannel {
  return channel.type === ChannelType.DM;
}

/** An uploaded file as the emulator's CDN serves it back at the attachment's `url`. */
export interface StoredFile {
  readonly filename: string;
  readonly contentType: string | undefined;
  readonly bytes: Buffer;
}

export interface EmulatedGuild {
  readonly id: string;
  readonly name: string;
  readonly ownerId: string;
  readonly locale: string;
  readonly joinedAt: string;
  readonly roles: Map<string, APIRole>;
  readonly channels: EmulatedChannel[];
  readonly members: Map<string, EmulatedMember>;
  readonly botRoleIds: string[];
  readonly adminRoleId: string;
}

export interface StoredMessage {
  message: APIMessage;
  /** Undefined for direct messages. */
  readonly guildId: string | undefined;
  readonly ephemeral: boolean;
  /** The last `allowed_mentions` the bot sent for this message (Discord does not echo it back). */
  allowedMentions: APIAllowedMentions | undefined;
  readonly interactionId: string | undefined;
  deleted: boolean;
  /** The `nonce` the bot sent with the post. Discord echoes it in the create answer and MESSAGE_CREATE, not in later reads. */
  nonce?: string | number;
}

export interface CallbackAttempt {
  /** Milliseconds after the interaction was dispatched. */
  readonly afterMs: number;
  readonly status: number;
  readonly code: number | undefined;
  readonly body: unknown;
}

export interface InteractionRecord {
  readonly id: string;
  readonly token: string;
  readonly payload: APIInteraction;
  /** Undefined for an interaction in a DM. */
  readonly guildId: string | undefined;
  readonly channelId: string;
  readonly userId: string;
  readonly dispatchedAt: number;
  response: APIInteractionResponse | undefined;
  ackMs: number | undefined;
  readonly attempts: CallbackAttempt[];
  /** The message `@original` points at: a new reply (types 4/5) or the clicked message (types 6/7). */
  originalMessageId: string | undefined;
  readonly sourceMessageId: string | undefined;
  readonly followUpIds: string[];
}

/** Where commands are registered: `'global'`, or the id of a guild. */
export type CommandScope = string;

export class World {
  readonly applicationId = createSnowflake();
  readonly bot: APIUser;
  readonly guilds = new Map<string, EmulatedGuild>();
  readonly channels = new Map<string, EmulatedChannel>();
  readonly messages = new Map<string, StoredMessage>();
  /** Posts sent with `enforce_nonce`, by author and nonce: Discord returns the same message for a repeat within a few minutes. */
  readonly enforcedNonces = new Map<string, { messageId: string; at: number }>();
  readonly channelMessageIds = new Map<string, string[]>();
  /** Registered commands by scope: `'global'` or a guild id. */
  readonly commands = new Map<CommandScope, APIApplicationCommand[]>();
  readonly interactions = new Map<string, InteractionRecord>();
  readonly interactionsByToken = new Map<string, InteractionRecord>();
  readonly dmChannels = new Map<string, EmulatedDmChannel>();
  private readonly dmChannelIdByUser = new Map<string, string>();
  /** Users who do not accept DMs from this bot (privacy settings, a block): posts to their DM answer 50007. */
  readonly closedDmUserIds = new Set<string>();
  /** Bytes of every uploaded attachment, by attachment id. */
  readonly files = new Map<string, StoredFile>();
  private readonly listeners = new Set<() => void>();

  constructor(botName: string) {
    this.bot = {
      id: this.applicationId,
      username: botName,
      discriminator: '0000',
      global_name: null,
      avatar: null,
      bot: true,
      flags: noUserFlags,
      public_flags: noUserFlags,
    };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Every mutation calls this so that waiting tests re-check their conditions. */
  notify(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** A guild the bot is in; `id` when the test chose one (e.g. to land on a shard), else a fresh snowflake. */
  addGuild(name: string, options: { locale: string; id?: string }): EmulatedGuild {
    const id = options.id ?? createSnowflake();
    if (this.guilds.has(id)) throw new Error(`there is already a guild with id ${id}`);
    const botRole = this.createRole('Concept Bot', 0n, 1, { bot_id: this.bot.id });
    const adminRole = this.createRole('Admin', PermissionFlagsBits.ManageGuild, 2);
    const everyone = this.createRole('@everyone', everyonePermissions, 0);
    const guild: EmulatedGuild = {
      id,
      name,
      ownerId: '',
      locale: options.locale,
      joinedAt: new Date().toISOString(),
      roles: new Map([
        [id, { ...everyone, id }],
        [botRole.id, botRole],
        [adminRole.id, adminRole],
      ]),
      channels: [],
      members: new Map(),
      botRoleIds: [botRole.id],
      adminRoleId: adminRole.id,
    };
    this.guilds.set(id, guild);
    return guild;
  }

  setOwner(guild: EmulatedGuild, member: EmulatedMember): void {
    (guild as { ownerId: string }).ownerId = member.id;
  }

  addChannel(
    guild: EmulatedGuild,
    name: string,
    overwrites: APIOverwrite[] = [],
    type: EmulatedChannel['type'] = ChannelType.GuildText,
  ): EmulatedChannel {
    const channel: EmulatedChannel = {
      id: createSnowflake(),
      guildId: guild.id,
      name,
      position: guild.channels.length,
      overwrites,
      deleted: false,
      type,
    };
    guild.channels.push(channel);
    this.channels.set(channel.id, channel);
    this.channelMessageIds.set(channel.id, []);
    this.notify();
    return channel;
  }

  addMember(guild: EmulatedGuild, name: string, options: { admin?: boolean; locale?: string } = {}): EmulatedMember {
    const id = createSnowflake();
    const username = name.toLowerCase().replace(/[^a-z0-9_.]/g, '') || `user${guild.members.size + 1}`;
    const member: EmulatedMember = {
      id,
      guildId: guild.id,
      name: username,
      admin: options.admin ?? false,
      roleIds: options.admin ? [guild.adminRoleId] : [],
      joinedAt: new Date().toISOString(),
      locale: options.locale ?? 'en-US',
      user: { id, username, discriminator: '0', global_name: name, avatar: null, flags: noUserFlags, public_flags: noUserFlags },
    };
    guild.members.set(id, member);
    this.notify();
    return member;
  }

  /** A guild member's user (any guild) or the bot. */
  userById(id: string): APIUser | undefined {
    if (id === this.bot.id) return this.bot;
    for (const guild of this.guilds.values()) {
      const member = guild.members.get(id);
      if (member) return member.user;
    }
    return undefined;
  }

  /** The DM channel with `user`, opened on first use: Discord answers the same channel for the same recipient. */
  openDmChannel(user: APIUser): EmulatedDmChannel {
    const existing = this.dmChannels.get(this.dmChannelIdByUser.get(user.id) ?? '');
    if (existing) return existing;
    const channel: EmulatedDmChannel = { id: createSnowflake(), type: ChannelType.DM, recipient: user };
    this.dmChannels.set(channel.id, channel);
    this.dmChannelIdByUser.set(user.id, channel.id);
    this.channelMessageIds.set(channel.id, []);
    this.notify();
    return channel;
  }

  dmChannelOf(userId: string): EmulatedDmChannel | undefined {
    return this.dmChannels.get(this.dmChannelIdByUser.get(userId) ?? '');
  }

  /** A guild channel (deleted ones too) or a DM channel. */
  messageChannel(channelId: string): MessageChannel | undefined {
    return this.channels.get(channelId) ?? this.dmChannels.get(channelId);
  }

  toApiDmChannel(channel: EmulatedDmChannel): APIDMChannel {
    const ids = this.channelMessageIds.get(channel.id) ?? [];
    return {
      id: channel.id,
      type: ChannelType.DM,
      recipients: [channel.recipient],
      last_message_id: ids.at(-1) ?? null,
      flags: 0 as ChannelFlags,
      name: null,
    };
  }

  guildOf(channel: EmulatedChannel): EmulatedGuild {
    const guild = this.guilds.get(channel.guildId);
    if (!guild) throw new Error(`channel ${channel.id} belongs to no guild`);
    return guild;
  }

  permissionsIn(channel: EmulatedChannel, subject: { userId: string; roleIds: readonly string[] }): bigint {
    return computeChannelPermissions(this.permissionGuild(this.guildOf(channel)), channel.overwrites, subject);
  }

  botPermissionsIn(channel: EmulatedChannel): bigint {
    return this.permissionsIn(channel, { userId: this.bot.id, roleIds: this.guildOf(channel).botRoleIds });
  }

  memberPermissionsIn(channel: EmulatedChannel, member: EmulatedMember): bigint {
    return this.permissionsIn(channel, { userId: member.id, roleIds: member.roleIds });
  }

  toApiChannel(channel: EmulatedChannel): APITextChannel {
    const ids = this.channelMessageIds.get(channel.id) ?? [];
    return {
      id: channel.id,
      // A voice channel's chat takes messages like a text channel: the same shape serves both here.
      type: (channel.type ?? ChannelType.GuildText) as ChannelType.GuildText,
      guild_id: channel.guildId,
      name: channel.name,
      position: channel.position,
      permission_overwrites: channel.overwrites,
      parent_id: null,
      nsfw: false,
      topic: null,
      rate_limit_per_user: 0,
      last_message_id: ids.at(-1) ?? null,
      flags: 0 as ChannelFlags,
    };
  }

  toApiMember(member: EmulatedMember): APIGuildMember {
    return {
      user: member.user,
      roles: member.roleIds,
      joined_at: member.joinedAt,
      nick: null,
      avatar: null,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: noMemberFlags,
      pending: false,
      communication_disabled_until: null,
    };
  }

  toGuildCreate(guild: EmulatedGuild): GatewayGuildCreateDispatchData {
    const botMember: APIGuildMember = {
      user: this.bot,
      roles: guild.botRoleIds,
      joined_at: guild.joinedAt,
      nick: null,
      deaf: false,
      mute: false,
      flags: noMemberFlags,
    };
    return {
      id: guild.id,
      name: guild.name,
      icon: null,
      splash: null,
      discovery_splash: null,
      banner: null,
      description: null,
      owner_id: guild.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: GuildVerificationLevel.None,
      default_message_notifications: GuildDefaultMessageNotifications.OnlyMentions,
      explicit_content_filter: GuildExplicitContentFilter.Disabled,
      roles: [...guild.roles.values()],
      emojis: [],
      stickers: [],
      features: [],
      mfa_level: GuildMFALevel.None,
      application_id: null,
      system_channel_id: guild.channels[0]?.id ?? null,
      system_channel_flags: GuildSystemChannelFlags.SuppressJoinNotifications,
      rules_channel_id: null,
      public_updates_channel_id: null,
      safety_alerts_channel_id: null,
      vanity_url_code: null,
      premium_tier: GuildPremiumTier.None,
      premium_subscription_count: 0,
      premium_progress_bar_enabled: false,
      preferred_locale: guild.locale as Locale,
      nsfw_level: GuildNSFWLevel.Default,
      hub_type: null,
      incidents_data: null,
      max_members: 500_000,
      joined_at: guild.joinedAt,
      large: false,
      unavailable: false,
      member_count: guild.members.size + 1,
      voice_states: [],
      members: [botMember],
      channels: guild.channels.filter((channel) => !channel.deleted).map((channel) => this.toApiChannel(channel)),
      threads: [],
      presences: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
    };
  }

  /** Stores a new message in its channel; ephemeral ones are kept out of the channel's history. */
  storeMessage(stored: StoredMessage): StoredMessage {
    this.messages.set(stored.message.id, stored);
    if (!stored.ephemeral) this.channelMessageIds.get(stored.message.channel_id)?.push(stored.message.id);
    this.notify();
    return stored;
  }

  createMessage(input: {
    channel: MessageChannel;
    body: Record<string, unknown>;
    attachments: APIAttachment[];
    type?: MessageType;
    interactionId?: string;
    flags?: number;
  }): StoredMessage {
    const flags = input.flags ?? (typeof input.body.flags === 'number' ? input.body.flags : 0);
    const ephemeral = (flags & MessageFlags.Ephemeral) !== 0 && input.interactionId !== undefined;
    const message: APIMessage = {
      id: createSnowflake(),
      channel_id: input.channel.id,
      type: input.type ?? MessageType.Default,
      content: '',
      author: this.bot,
      timestamp: new Date().toISOString(),
      edited_timestamp: null,
      tts: false,
      mention_everyone: false,
      mentions: [],
      mention_roles: [],
      attachments: [],
      embeds: [],
      components: [],
      pinned: false,
      flags: ephemeral ? flags : flags & ~MessageFlags.Ephemeral,
      ...(input.interactionId ? { webhook_id: this.applicationId, application_id: this.applicationId } : {}),
    };
    const stored: StoredMessage = {
      message,
      guildId: isDmChannel(input.channel) ? undefined : input.channel.guildId,
      ephemeral,
      allowedMentions: undefined,
      interactionId: input.interactionId,
      deleted: false,
    };
    this.applyMessageBody(stored, input.body, input.attachments);
    return this.storeMessage(stored);
  }

  /** Edits change only the fields they carry; `null` clears one. */
  applyMessageBody(stored: StoredMessage, body: Record<string, unknown>, attachments: APIAttachment[]): void {
    const message = stored.message;
    if ('content' in body) message.content = typeof body.content === 'string' ? body.content : '';
    // The routes ran the body through validate-message first, so a list of embeds here is a list of embed objects.
    if ('embeds' in body)
      message.embeds = Array.isArray(body.embeds) ? (body.embeds as APIEmbed[]).map((embed) => ({ type: EmbedType.Rich, ...embed })) : [];
    if ('components' in body) message.components = Array.isArray(body.components) ? body.components : [];
    if ('attachments' in body || attachments.length > 0) {
      const kept = Array.isArray(body.attachments)
        ? message.attachments.filter((existing) => (body.attachments as { id?: unknown }[]).some((a) => String(a.id) === existing.id))
        : message.attachments;
      message.attachments = [...kept, ...attachments];
    }
    if (typeof body.flags === 'number') {
      const keep = message.flags ?? 0;
      // Only the suppress-embeds bit may change after sending; ephemerality is fixed at creation.
      message.flags = (keep & ~MessageFlags.SuppressEmbeds) | (body.flags & MessageFlags.SuppressEmbeds);
    }
    if ('allowed_mentions' in body) stored.allowedMentions = body.allowed_mentions ?? undefined;
    this.resolveMentions(stored);
  }

  /** Fills `mentions`, `mention_roles` and `mention_everyone` as Discord would after applying allowed_mentions. */
  private resolveMentions(stored: StoredMessage): void {
    const message = stored.message;
    const allowed = stored.allowedMentions;
    const parse = allowed?.parse;
    const mayPing = (kind: 'users' | 'roles' | 'everyone', id?: string) => {
      if (!allowed) return true;
      if (parse?.includes(kind as never)) return true;
      if (kind === 'users' && id) return allowed.users?.includes(id) ?? false;
      if (kind === 'roles' && id) return allowed.roles?.includes(id) ?? false;
      return false;
    };
    const guild = this.guilds.get(stored.guildId ?? '');
    const userIds = [...message.content.matchAll(/<@!?(\d{17,20})>/g)].map((match) => match[1] ?? '');
    message.mentions = [...new Set(userIds)]
      .filter((id) => mayPing('users', id))
      .map((id) => guild?.members.get(id)?.user ?? (id === this.bot.id ? this.bot : undefined))
      .filter((user): user is APIUser => user !== undefined);
    const roleIds = [...message.content.matchAll(/<@&(\d{17,20})>/g)].map((match) => match[1] ?? '');
    message.mention_roles = [...new Set(roleIds)].filter((id) => guild?.roles.has(id) && mayPing('roles', id));
    message.mention_everyone = /@(everyone|here)\b/.test(message.content) && mayPing('everyone');
  }

  private permissionGuild(guild: EmulatedGuild): PermissionGuild {
    const rolePermissions = new Map([...guild.roles.values()].map((role) => [role.id, BigInt(role.permissions)]));
    return { id: guild.id, ownerId: guild.ownerId, rolePermissions };
  }

  private createRole(name: string, permissions: bigint, position: number, tags?: APIRole['tags']): APIRole {
    return {
      id: createSnowflake(),
      name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      position,
      permissions: permissions.toString(),
      managed: tags?.bot_id !== undefined,
      mentionable: false,
      flags: 0 as RoleFlags,
      ...(tags ? { tags } : {}),
    };
  }
}
