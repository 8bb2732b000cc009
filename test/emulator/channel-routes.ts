import { GatewayDispatchEvents, GatewayIntentBits, MessageFlags, PermissionFlagsBits } from 'discord-api-types/v10';
import { failWith } from './api-errors.js';
import type { EmulatorContext } from './context.js';
import type { DispatchRoute } from './gateway.js';
import { acceptUploads, asMessageBody } from './message-bodies.js';
import type { AcceptedUploads } from './message-bodies.js';
import type { Route, RouteResult } from './rest-server.js';
import { assertMessageNotEmpty, validateMessageBody, validateNonce } from './validate-message.js';
import { isDmChannel } from './world.js';
import type { MessageChannel, StoredMessage } from './world.js';

const ok = (body: unknown): RouteResult => ({ status: 200, body });

/** Channel posts, message edits and deletes, and what a bot reads of its guild. */
export function createChannelRoutes(context: EmulatorContext): Route[] {
  const { world } = context;

  const channelOf = (channelId: string | undefined): MessageChannel => {
    const channel = world.messageChannel(channelId ?? '');
    if (!channel || (!isDmChannel(channel) && channel.deleted)) return failWith(404, 10003);
    return channel;
  };

  /**
   * Discord answers 50001 when the bot cannot even see the channel, 50013 when it sees it but may not act.
   * A DM has no permissions to check: whether the user accepts the bot's messages is checked on posting.
   */
  const requirePermissions = (channel: MessageChannel, required: bigint) => {
    if (isDmChannel(channel)) return;
    const granted = world.botPermissionsIn(channel);
    if ((granted & PermissionFlagsBits.ViewChannel) === 0n) failWith(403, 50001, 'Missing Access');
    if ((granted & required) !== required) failWith(403, 50013);
  };

  const messageOf = (channel: MessageChannel, messageId: string | undefined): StoredMessage => {
    const stored = world.messages.get(messageId ?? '');
    if (!stored || stored.deleted || stored.ephemeral || stored.message.channel_id !== channel.id) return failWith(404, 10008);
    return stored;
  };

  const guildOf = (guildId: string | undefined) => {
    const guild = world.guilds.get(guildId ?? '');
    if (!guild) return failWith(404, 10004);
    return guild;
  };

  return [
    {
      method: 'GET',
      pattern: '/channels/:channelId',
      auth: true,
      handle: ({ params }) => {
        const channel = channelOf(params.channelId);
        requirePermissions(channel, 0n);
        return ok(isDmChannel(channel) ? world.toApiDmChannel(channel) : world.toApiChannel(channel));
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages',
      auth: true,
      handle: ({ params, query }) => {
        const channel = channelOf(params.channelId);
        requirePermissions(channel, PermissionFlagsBits.ReadMessageHistory);
        const limit = Math.min(Math.max(Number(query.get('limit') ?? 50), 1), 100);
        const before = query.get('before');
        const after = query.get('after');
        const ids = (world.channelMessageIds.get(channel.id) ?? []).filter((id) => {
          if (before && BigInt(id) >= BigInt(before)) return false;
          if (after && BigInt(id) <= BigInt(after)) return false;
          return !world.messages.get(id)?.deleted;
        });
        const newestFirst = ids.reverse().slice(0, limit);
        return ok(newestFirst.map((id) => world.messages.get(id)?.message));
      },
    },
    {
      method: 'POST',
      pattern: '/channels/:channelId/messages',
      auth: true,
      handle: ({ params, body: rawBody, files }) => {
        const channel = channelOf(params.channelId);
        const body = asMessageBody(rawBody);
        let required = PermissionFlagsBits.SendMessages;
        if (Array.isArray(body.embeds) && body.embeds.length > 0) required |= PermissionFlagsBits.EmbedLinks;
        if (files.length > 0) required |= PermissionFlagsBits.AttachFiles;
        requirePermissions(channel, required);
        // The user's privacy settings (or a block) refuse the bot's DMs; Discord says so only when it posts.
        if (isDmChannel(channel) && world.closedDmUserIds.has(channel.recipient.id)) failWith(403, 50007);
        validateMessageBody(body);
        validateNonce(body);
        const nonce = typeof body.nonce === 'string' || typeof body.nonce === 'number' ? body.nonce : undefined;
        // enforce_nonce: a repeat of the same author's nonce within a few minutes gets the first message, and
        // nothing new is created or dispatched (what makes a retry after a lost answer safe).
        const nonceKey = body.enforce_nonce === true && nonce !== undefined ? `${world.bot.id}:${String(nonce)}` : undefined;
        const earlier = nonceKey ? world.enforcedNonces.get(nonceKey) : undefined;
        const repeated = earlier && context.now() - earlier.at <= context.settings.nonceWindowMs ? world.messages.get(earlier.messageId) : undefined;
        if (repeated && !repeated.deleted) return ok({ ...repeated.message, nonce: repeated.nonce });
        const { uploaded, body: kept } = acceptUploads(context, { files, body, channelId: channel.id });
        assertMessageNotEmpty({ ...body, attachments: uploaded });
        const stored = world.createMessage({ channel, body: kept, attachments: uploaded });
        if (nonce !== undefined) stored.nonce = nonce;
        if (nonceKey) world.enforcedNonces.set(nonceKey, { messageId: stored.message.id, at: context.now() });
        const created = nonce === undefined ? stored.message : { ...stored.message, nonce };
        context.dispatch(GatewayDispatchEvents.MessageCreate, messageEvent(stored, created), messageRoute(stored));
        return ok(created);
      },
    },
    {
      method: 'GET',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: ({ params }) => {
        const channel = channelOf(params.channelId);
        requirePermissions(channel, PermissionFlagsBits.ReadMessageHistory);
        return ok(messageOf(channel, params.messageId).message);
      },
    },
    {
      method: 'PATCH',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: ({ params, body: rawBody, files }) => {
        const channel = channelOf(params.channelId);
        requirePermissions(channel, 0n);
        const stored = messageOf(channel, params.messageId);
        if (stored.message.author.id !== world.bot.id) failWith(403, 50005);
        const body = asMessageBody(rawBody);
        validateMessageBody(body);
        const uploads = acceptUploads(context, { files, body, channelId: channel.id, existing: stored.message.attachments });
        editStoredMessage(context, stored, body, uploads);
        return ok(stored.message);
      },
    },
    {
      method: 'DELETE',
      pattern: '/channels/:channelId/messages/:messageId',
      auth: true,
      handle: ({ params }) => {
        const channel = channelOf(params.channelId);
        requirePermissions(channel, 0n);
        const stored = messageOf(channel, params.messageId);
        if (stored.message.author.id !== world.bot.id) requirePermissions(channel, PermissionFlagsBits.ManageMessages);
        deleteStoredMessage(context, stored);
        return { status: 204 };
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId',
      auth: true,
      handle: ({ params }) => {
        // REST guilds lack the gateway-only parts of GUILD_CREATE.
        const {
          channels: _channels,
          members: _members,
          threads: _threads,
          presences: _presences,
          voice_states: _voice,
          ...guild
        } = world.toGuildCreate(guildOf(params.guildId));
        return ok(guild);
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/channels',
      auth: true,
      handle: ({ params }) =>
        ok(
          guildOf(params.guildId)
            .channels.filter((channel) => !channel.deleted)
            .map((channel) => world.toApiChannel(channel)),
        ),
    },
    { method: 'GET', pattern: '/guilds/:guildId/roles', auth: true, handle: ({ params }) => ok([...guildOf(params.guildId).roles.values()]) },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/members',
      auth: true,
      handle: ({ params, query }) => {
        const limit = Math.min(Math.max(Number(query.get('limit') ?? 1), 1), 1000);
        return ok([...guildOf(params.guildId).members.values()].slice(0, limit).map((member) => world.toApiMember(member)));
      },
    },
    {
      method: 'GET',
      pattern: '/guilds/:guildId/members/:userId',
      auth: true,
      handle: ({ params }) => {
        const guild = guildOf(params.guildId);
        if (params.userId === world.bot.id) {
          return ok({ user: world.bot, roles: guild.botRoleIds, joined_at: guild.joinedAt, deaf: false, mute: false, flags: 0 });
        }
        const member = guild.members.get(params.userId ?? '');
        if (!member) return failWith(404, 10007, 'Unknown Member');
        return ok(world.toApiMember(member));
      },
    },
  ];
}

/** A message as MESSAGE_CREATE/UPDATE carry it: with `guild_id` in a guild, without it in a DM. */
export function messageEvent(stored: StoredMessage, message: object = stored.message): object {
  return stored.guildId === undefined ? message : { ...message, guild_id: stored.guildId };
}

/** Bots hear guild messages with GUILD_MESSAGES on the guild's shard, and DMs with DIRECT_MESSAGES on shard 0. */
export function messageRoute(stored: StoredMessage): DispatchRoute {
  const intent = stored.guildId === undefined ? GatewayIntentBits.DirectMessages : GatewayIntentBits.GuildMessages;
  return { guildId: stored.guildId, intent };
}

/** Merge an edit into a stored message, keep it non-empty, and tell gateways that asked for messages. */
export function editStoredMessage(
  context: EmulatorContext,
  stored: StoredMessage,
  body: Record<string, unknown>,
  uploads: AcceptedUploads,
  options: { finishLoading?: boolean } = {},
): void {
  const before = { message: structuredClone(stored.message), allowedMentions: stored.allowedMentions };
  context.world.applyMessageBody(stored, uploads.body, uploads.uploaded);
  try {
    assertMessageNotEmpty(stored.message);
  } catch (error) {
    stored.message = before.message;
    stored.allowedMentions = before.allowedMentions;
    throw error;
  }
  const loading = ((stored.message.flags ?? 0) & MessageFlags.Loading) !== 0;
  if (options.finishLoading && loading) stored.message.flags = (stored.message.flags ?? 0) & ~MessageFlags.Loading;
  else stored.message.edited_timestamp = new Date().toISOString();
  context.world.notify();
  if (!stored.ephemeral) {
    context.dispatch(GatewayDispatchEvents.MessageUpdate, messageEvent(stored), messageRoute(stored));
  }
}

export function deleteStoredMessage(context: EmulatorContext, stored: StoredMessage): void {
  stored.deleted = true;
  const ids = context.world.channelMessageIds.get(stored.message.channel_id);
  if (ids) {
    const index = ids.indexOf(stored.message.id);
    if (index >= 0) ids.splice(index, 1);
  }
  context.world.notify();
  if (!stored.ephemeral) {
    const deleted = messageEvent(stored, { id: stored.message.id, channel_id: stored.message.channel_id });
    context.dispatch(GatewayDispatchEvents.MessageDelete, deleted, messageRoute(stored));
  }
}
