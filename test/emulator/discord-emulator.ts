import type { AddressInfo } from 'node:net';
import type { Server, ServerResponse } from 'node:http';
import { performance } from 'node:perf_hooks';
import { GatewayCloseCodes, GatewayDispatchEvents, GatewayIntentBits, MessageFlags, OverwriteType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { APIAllowedMentions, APIApplicationCommand, APIInteraction, APIMessage, APIUser } from 'discord-api-types/v10';
import { createApplicationRoutes } from './application-routes.js';
import { InteractionBuilder } from './build-interactions.js';
import type { BuiltInteraction, InteractionPlace, SlashOptions } from './build-interactions.js';
import { createChannelRoutes } from './channel-routes.js';
import type { EmulatorContext } from './context.js';
import type { ClickPlace, EmulatorOptions, SlashPlace } from './emulator-options.js';
import { FaultRegistry } from './faults.js';
import type { FaultHandle, FaultSpec } from './faults.js';
import { Gateway } from './gateway.js';
import type { DispatchRoute, GatewayLogEntry, GatewaySessionInfo, ShardInfo } from './gateway.js';
import { GlobalRateLimit, measurePosts } from './global-rate-limit.js';
import type { RateCounters } from './global-rate-limit.js';
import { GuildHandle } from './guild-handle.js';
import type { NewGuildOptions, NewMemberOptions } from './guild-handle.js';
import { InteractionHandle } from './interaction-handle.js';
import { createInteractionRoutes } from './interaction-routes.js';
import { createRestServer } from './rest-server.js';
import { createUserRoutes } from './user-routes.js';
import type { RecordedRequest } from './rest-server.js';
import { assertGuildId, assertShardCount, guildIdForShard } from './shards.js';
import { Waiters } from './waiters.js';
import type { WaitOptions } from './waiters.js';
import { World } from './world.js';
import { isDmChannel } from './world.js';
import type { EmulatedChannel, EmulatedDmChannel, EmulatedGuild, EmulatedMember, InteractionRecord, StoredMessage } from './world.js';

/**
 * A local Discord (REST v10 + gateway) with one guild, "Study Group": #general, #docker, and #locked
 * where the bot may not send messages; an owner, an admin (Manage Server) and ordinary members.
 * `addGuild` adds more; `shardCount` spreads them over gateway shards as Discord does.
 */
export class DiscordEmulator {
  private readonly world: World;
  readonly guild: EmulatedGuild;
  readonly shardCount: number;
  readonly channels: { readonly general: EmulatedChannel; readonly docker: EmulatedChannel; readonly locked: EmulatedChannel };
  readonly owner: EmulatedMember;
  /** A member with Manage Server (0x20), not the owner. */
  readonly admin: EmulatedMember;
  /** Ordinary members: alice, bob, minji (locale ko), dave. */
  readonly members: readonly EmulatedMember[];

  private readonly settings: EmulatorContext['settings'];
  private readonly faults = new FaultRegistry();
  private readonly waiters: Waiters;
  private readonly builder: InteractionBuilder;
  private readonly recorded: RecordedRequest[] = [];
  private readonly errors: unknown[] = [];
  private readonly server: Server;
  private readonly hung: Set<ServerResponse>;
  private readonly gateway: Gateway;
  private readonly globalLimit: GlobalRateLimit;
  private readonly guildHandles: GuildHandle[] = [];
  private countersSince = 0;
  private readonly log: (line: string) => void;
  private port = 0;
  private closed = false;

  constructor(options: EmulatorOptions = {}) {
    this.log = options.log ?? (process.env.DISCORD_EMULATOR_LOG === '1' ? (line) => process.stderr.write(`[emulator] ${line}\n`) : () => {});
    this.settings = {
      interactionTimeoutMs: options.interactionTimeoutMs ?? 3_000,
      interactionTokenLifetimeMs: options.interactionTokenLifetimeMs ?? 15 * 60_000,
      nonceWindowMs: options.nonceWindowMs ?? 5 * 60_000,
    };
    this.world = new World(options.botName ?? 'concept-bot');
    this.waiters = new Waiters(this.world, options.defaultWaitMs ?? 3_000);
    const attachmentSizeLimit = options.attachmentSizeLimit ?? 10 * 1024 * 1024;
    this.builder = new InteractionBuilder(this.world, attachmentSizeLimit);

    this.shardCount = options.shardCount ?? 1;
    assertShardCount(this.shardCount);
    this.globalLimit = new GlobalRateLimit(options.globalRateLimit ?? 50);

    const world = this.world;
    if (options.guildId !== undefined) assertGuildId(options.guildId);
    const home = this.createGuild('Study Group', {
      id: options.guildId,
      locale: options.guildLocale ?? 'en-US',
      members: [{ name: 'Alice' }, { name: 'Bob' }, { name: 'Minji', locale: 'ko' }, { name: 'Dave' }],
    });
    this.guild = home.guild;
    this.owner = home.owner;
    this.admin = home.admin;
    this.members = home.members;
    this.channels = {
      general: home.general,
      docker: world.addChannel(this.guild, 'docker'),
      locked: world.addChannel(this.guild, 'locked', [
        { id: world.bot.id, type: OverwriteType.Member, allow: '0', deny: PermissionFlagsBits.SendMessages.toString() },
      ]),
    };

    const context: EmulatorContext = {
      world,
      settings: this.settings,
      gatewayUrl: () => this.gatewayUrl,
      baseUrl: () => `http://127.0.0.1:${this.port}`,
      dispatch: (event, data, route) => this.gateway.dispatch(event, data, route),
      now: () => performance.now(),
    };
    const { server, hung } = createRestServer({
      routes: [
        ...createApplicationRoutes(context, { shardCount: this.shardCount, maxConcurrency: options.maxConcurrency ?? this.shardCount }),
        ...createChannelRoutes(context),
        ...createInteractionRoutes(context),
        ...createUserRoutes(context),
      ],
      faults: this.faults,
      globalRateLimit: this.globalLimit,
      maxUploadBytes: attachmentSizeLimit,
      serveFile: (path) => this.servedFile(path),
      token: options.token,
      record: (request) => this.recorded.push(request),
      changed: () => world.notify(),
      log: this.log,
      internalError: (error) => {
        this.errors.push(error);
        this.log(`internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      },
    });
    this.server = server;
    this.hung = hung;
    this.gateway = new Gateway(server, {
      world,
      token: options.token,
      shardCount: this.shardCount,
      refuseDuplicateShards: options.refuseDuplicateShards ?? this.shardCount > 1,
      heartbeatIntervalMs: options.heartbeatIntervalMs ?? 41_250,
      url: () => this.gatewayUrl,
      changed: () => world.notify(),
      log: this.log,
    });
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve, reject) => {
      this.server.once('error', reject);
      this.server.listen(0, '127.0.0.1', () => resolve());
    });
    this.port = (this.server.address() as AddressInfo).port;
  }

  /** For discord.js `rest.api` / `DISCORD_API_URL` (without `/v10`). */
  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  get gatewayUrl(): string {
    return `ws://127.0.0.1:${this.port}`;
  }

  get applicationId(): string {
    return this.world.applicationId;
  }

  get bot(): APIUser {
    return this.world.bot;
  }

  /** Every REST request so far, in arrival order. */
  get requests(): readonly RecordedRequest[] {
    return this.recorded;
  }

  /** Connects, identifies, resumes and closes on the gateway. */
  get gatewayLog(): readonly GatewayLogEntry[] {
    return this.gateway.log;
  }

  /** Errors inside the emulator itself (answered with 500); a test may assert this stays empty. */
  get internalErrors(): readonly unknown[] {
    return this.errors;
  }

  gatewaySessions(): GatewaySessionInfo[] {
    return this.gateway.sessionInfo();
  }

  // ---- shards and the global rate limit -----------------------------------------------------------

  /** One entry per shard id `0..shardCount-1`: whether a session serves it, and what it was dispatched. */
  shards(): ShardInfo[] {
    return this.gateway.shardInfo();
  }

  /** Ids of the shards with a connected session, ascending. */
  connectedShards(): number[] {
    return this.shards()
      .filter((shard) => shard.connected)
      .map((shard) => shard.id);
  }

  /** The shard that hears a guild's events: `(guild_id >> 22) % shardCount`. */
  shardOf(guild: EmulatedGuild | GuildHandle | string): number {
    return this.gateway.shardOf(typeof guild === 'string' ? guild : guild.id);
  }

  /** Global-limit hits and request/post rates since the start or the last `resetRateCounters()`. */
  rateCounters(): RateCounters {
    return {
      globalLimitHits: this.globalLimit.globalLimitHits,
      peakRequestsPerSecond: this.globalLimit.peakRequestsPerSecond,
      ...measurePosts(this.recorded, this.countersSince),
    };
  }

  /** Count from now on, e.g. after a benchmark's warm-up (the global limit's window itself is kept). */
  resetRateCounters(): void {
    this.globalLimit.resetCounters();
    this.countersSince = Date.now();
  }

  // ---- guilds ------------------------------------------------------------------------------------

  /** Every guild the bot is in, "Study Group" first. */
  get guilds(): readonly GuildHandle[] {
    return this.guildHandles;
  }

  /**
   * Another guild the bot is in, with an owner, an admin, `members` and #general. Its id is `id`, or lands on
   * `shardId`, or is fresh. Bots already connected hear GUILD_CREATE on the guild's shard (the bot joined it).
   */
  addGuild(name: string, options: NewGuildOptions = {}): GuildHandle {
    if (options.id !== undefined && options.shardId !== undefined) throw new Error('addGuild takes an id or a shardId, not both');
    if (options.id !== undefined) assertGuildId(options.id);
    const id = options.shardId === undefined ? options.id : guildIdForShard(options.shardId, this.shardCount);
    const handle = this.createGuild(name, {
      id,
      locale: options.locale ?? 'en-US',
      members: (options.members ?? []).map((member) => ({ name: member })),
    });
    this.gateway.dispatch(GatewayDispatchEvents.GuildCreate, this.world.toGuildCreate(handle.guild), {
      guildId: handle.id,
      intent: GatewayIntentBits.Guilds,
    });
    return handle;
  }

  /** A member of the first guild; `addGuild(...).addMember` for another. */
  addMember(name: string, options: NewMemberOptions = {}): EmulatedMember {
    return this.home.addMember(name, options);
  }

  /** A member of the first guild by user name or display name, e.g. `member('alice')`. */
  member(name: string): EmulatedMember {
    return this.home.member(name);
  }

  /**
   * A new text channel in the first guild (CHANNEL_CREATE reaches connected bots); `botDeny` withholds permissions
   * from the bot there; `type: ChannelType.GuildVoice` makes it a voice channel (whose text chat takes commands).
   */
  addChannel(name: string, options: { botDeny?: bigint; type?: EmulatedChannel['type'] } = {}): EmulatedChannel {
    return this.home.addChannel(name, options);
  }

  /** Replace the bot's own permission overwrite in a channel (CHANNEL_UPDATE reaches connected bots). */
  setBotPermissions(channel: EmulatedChannel, overwrite: { allow?: bigint; deny?: bigint }): void {
    channel.overwrites = [
      ...channel.overwrites.filter((existing) => existing.id !== this.world.bot.id),
      { id: this.world.bot.id, type: OverwriteType.Member, allow: (overwrite.allow ?? 0n).toString(), deny: (overwrite.deny ?? 0n).toString() },
    ];
    this.world.notify();
    this.gateway.dispatch(GatewayDispatchEvents.ChannelUpdate, this.world.toApiChannel(channel), channelRoute(channel));
  }

  /** Later posts there answer 404 10003 (CHANNEL_DELETE reaches connected bots). */
  deleteChannel(channel: EmulatedChannel): void {
    channel.deleted = true;
    this.world.notify();
    this.gateway.dispatch(GatewayDispatchEvents.ChannelDelete, this.world.toApiChannel(channel), channelRoute(channel));
  }

  // ---- acting as users --------------------------------------------------------------------------

  /**
   * A member runs a registered slash command: `slash('/quiz-admin schedule', { cron: '0 9 * * *' }, emulator.admin)`.
   * Option types come from the registered definition; unknown or missing options throw here, as Discord's
   * client would not let the user send them.
   */
  slash(command: string, options: SlashOptions, asUser: EmulatedMember, place: SlashPlace = {}): InteractionHandle {
    return this.deliver(this.builder.slash(command, options, asUser, place, place), asUser, place.craft);
  }

  /** A member types into `focusedName` (its current text in `options`) and Discord asks for choices. */
  autocomplete(command: string, options: SlashOptions, focusedName: string, asUser: EmulatedMember, place: InteractionPlace = {}): InteractionHandle {
    return this.deliver(this.builder.autocomplete(command, options, focusedName, asUser, place), asUser);
  }

  /**
   * A member clicks a button on `message` as they see it (pass an older snapshot to model a stale client);
   * the payload carries the message as currently stored. Missing or disabled buttons throw.
   */
  click(message: APIMessage | string, customId: string, asUser: EmulatedMember, place: ClickPlace = {}): InteractionHandle {
    return this.deliver(this.builder.component(this.snapshotOf(message), customId, asUser, place), asUser, place.craft);
  }

  select(message: APIMessage | string, customId: string, values: string[], asUser: EmulatedMember, place: ClickPlace = {}): InteractionHandle {
    return this.deliver(this.builder.component(this.snapshotOf(message), customId, asUser, place, values), asUser);
  }

  // ---- reading what the bot did -----------------------------------------------------------------

  /** Messages visible in a channel, oldest first (ephemeral replies only with `includeEphemeral`). */
  channelMessages(channel: EmulatedChannel | string, options: { includeEphemeral?: boolean } = {}): APIMessage[] {
    const channelId = typeof channel === 'string' ? channel : channel.id;
    return this.storedIn(channelId, options.includeEphemeral ?? false).map((stored) => structuredClone(stored.message));
  }

  message(messageId: string): APIMessage | undefined {
    const stored = this.world.messages.get(messageId);
    return stored && !stored.deleted ? structuredClone(stored.message) : undefined;
  }

  /** The `allowed_mentions` the bot last sent for a message (undefined when it sent none: everything pings). */
  allowedMentionsOf(message: APIMessage | string): APIAllowedMentions | undefined {
    return this.world.messages.get(typeof message === 'string' ? message : message.id)?.allowedMentions;
  }

  /** The `nonce` the bot posted the message with (Discord does not return it when the message is read later). */
  nonceOf(message: APIMessage | string): string | number | undefined {
    return this.world.messages.get(typeof message === 'string' ? message : message.id)?.nonce;
  }

  /** The first visible (not "thinking…") message in the channel satisfying `predicate`, existing or future. */
  waitForMessage(
    channel: EmulatedChannel | string,
    predicate: (message: APIMessage) => boolean = () => true,
    timeoutMs?: number,
  ): Promise<APIMessage> {
    const channelId = typeof channel === 'string' ? channel : channel.id;
    return this.waiters.waitFor(
      () => {
        // Checked after every change: read the stored messages, copy only the match.
        const found = this.storedIn(channelId, false).find(
          ({ message }) => ((message.flags ?? 0) & MessageFlags.Loading) === 0 && predicate(message),
        );
        return found && structuredClone(found.message);
      },
      { timeoutMs, description: `a message in channel ${this.describeChannel(channelId)}` },
      () =>
        `messages there: ${
          this.channelMessages(channelId)
            .map((message) => JSON.stringify(message.content.slice(0, 80)))
            .join(', ') || 'none'
        }`,
    );
  }

  /** The message once it has been edited and satisfies `predicate`. */
  waitForEdit(message: APIMessage | string, predicate: (message: APIMessage) => boolean = () => true, timeoutMs?: number): Promise<APIMessage> {
    const messageId = typeof message === 'string' ? message : message.id;
    return this.waiters.waitFor(
      () => {
        const current = this.message(messageId);
        return current && current.edited_timestamp && predicate(current) ? current : undefined;
      },
      { timeoutMs, description: `an edit of message ${messageId}` },
      () => `message now: ${JSON.stringify(this.message(messageId) ?? null).slice(0, 500)}`,
    );
  }

  /** The first recorded request (past or future) satisfying `predicate` that has been answered. */
  waitForRequest(predicate: (request: RecordedRequest) => boolean, timeoutMs?: number): Promise<RecordedRequest> {
    return this.waiters.waitFor(() => this.recorded.find((request) => request.status !== 0 && predicate(request)), {
      timeoutMs,
      description: 'a matching request',
    });
  }

  /** Resolves with the first truthy result of `check`, re-checked after every change in the emulator. */
  waitFor<T>(check: () => T | undefined | null | false, options: WaitOptions = {}): Promise<T> {
    return this.waiters.waitFor(check, options);
  }

  /** Commands as registered: all (global first), or only `'global'`, or one guild's. */
  registeredCommands(scope?: 'global' | { guildId: string }): APIApplicationCommand[] {
    if (scope === 'global') return structuredClone(this.world.commands.get('global') ?? []);
    if (scope) return structuredClone(this.world.commands.get(scope.guildId) ?? []);
    const guildScopes = [...this.world.commands.keys()].filter((key) => key !== 'global');
    return structuredClone(['global', ...guildScopes].flatMap((key) => this.world.commands.get(key) ?? []));
  }

  // ---- direct messages and attachments ------------------------------------------------------------

  /** The member refuses DMs from the bot (privacy settings, a block): the bot's posts to their DM answer 403 50007. */
  closeDms(member: EmulatedMember): void {
    this.world.closedDmUserIds.add(member.id);
    this.world.notify();
  }

  openDms(member: EmulatedMember): void {
    this.world.closedDmUserIds.delete(member.id);
    this.world.notify();
  }

  /** The bot's DM channel with the member, once the bot opened it (`POST /users/@me/channels`). */
  dmChannel(member: EmulatedMember): EmulatedDmChannel | undefined {
    return this.world.dmChannelOf(member.id);
  }

  /** What the bot sent the member in their DM, oldest first (ephemeral replies there only with `includeEphemeral`). */
  directMessages(member: EmulatedMember, options: { includeEphemeral?: boolean } = {}): APIMessage[] {
    const channel = this.world.dmChannelOf(member.id);
    return channel ? this.channelMessages(channel.id, options) : [];
  }

  /** The first DM to the member satisfying `predicate`, existing or future (the DM may not be open yet). */
  waitForDirectMessage(member: EmulatedMember, predicate: (message: APIMessage) => boolean = () => true, timeoutMs?: number): Promise<APIMessage> {
    return this.waiters.waitFor(
      () => {
        const found = this.directMessages(member).find((message) => ((message.flags ?? 0) & MessageFlags.Loading) === 0 && predicate(message));
        return found;
      },
      { timeoutMs, description: `a DM to ${member.name}` },
      () =>
        `DMs to ${member.name}: ${
          this.directMessages(member)
            .map((message) => JSON.stringify(message.content.slice(0, 80)))
            .join(', ') || 'none'
        }`,
    );
  }

  /** The bytes the bot uploaded for an attachment (also served at its `url`). */
  attachmentBytes(attachment: { id: string } | string): Buffer | undefined {
    return this.world.files.get(typeof attachment === 'string' ? attachment : attachment.id)?.bytes;
  }

  // ---- faults -----------------------------------------------------------------------------------

  /** Make matching REST requests fail (or hang, or wait) `times` times. */
  injectFault(spec: FaultSpec): FaultHandle {
    return this.faults.add(spec);
  }

  clearFaults(): void {
    this.faults.clear();
  }

  /** Close every gateway socket: 4000/1001 → the client resumes; 1000 → it identifies anew. */
  closeGateway(code: number, reason?: string): void {
    this.gateway.closeAll(code, reason);
  }

  /** `closeGateway` for the sockets of one shard only: the other shards keep running. */
  closeShard(shardId: number, code: number, reason?: string): void {
    this.gateway.closeAll(code, reason, shardId);
  }

  /** Op 7 (to one shard's sockets when `shardId` is given): the client reconnects and resumes. */
  sendReconnect(shardId?: number): void {
    this.gateway.sendReconnect(shardId);
  }

  /**
   * Answer every later identify by closing the socket with `code` (4004 Authentication failed, 4014 Disallowed
   * intents), as Discord does when it refuses the token on the gateway; `acceptIdentify()` ends it.
   */
  rejectIdentify(code: number = GatewayCloseCodes.AuthenticationFailed): void {
    this.gateway.rejectIdentify(code);
  }

  acceptIdentify(): void {
    this.gateway.rejectIdentify(undefined);
  }

  /** Op 9 (to one shard when `shardId` is given): resumable → the client resumes; otherwise it identifies anew (after a few seconds). */
  invalidateSession(resumable: boolean, shardId?: number): void {
    this.gateway.invalidateSessions(resumable, shardId);
  }

  /** Terminates gateway sockets and hung requests, then stops listening. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.waiters.rejectAll('the emulator was closed');
    await this.gateway.close();
    for (const response of this.hung) response.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private deliver<Payload extends APIInteraction>(
    built: BuiltInteraction<Payload>,
    asUser: EmulatedMember,
    craft?: (payload: Payload) => void,
  ): InteractionHandle {
    if (this.closed) throw new Error('the emulator is closed');
    const guildId = isDmChannel(built.channel) ? undefined : built.channel.guildId;
    // Routed by where the user acted, not by what a craft wrote into the payload: Discord knows the real guild.
    const shardId = this.gateway.shardOf(guildId);
    if (!this.gateway.hasSessions(shardId)) {
      const which = this.shardCount > 1 ? ` on shard ${shardId} (${guildId === undefined ? 'DMs' : `the shard of guild ${guildId}`})` : '';
      throw new Error(`no bot is connected to the gateway${which} (wait for the client to be ready)`);
    }
    craft?.(built.payload);
    const payload = built.payload as { id: string; token: string };
    const record: InteractionRecord = {
      id: payload.id,
      token: payload.token,
      payload: built.payload,
      guildId,
      channelId: built.channel.id,
      userId: asUser.id,
      dispatchedAt: performance.now(),
      response: undefined,
      ackMs: undefined,
      attempts: [],
      originalMessageId: undefined,
      sourceMessageId: built.sourceMessageId,
      followUpIds: [],
    };
    this.world.interactions.set(record.id, record);
    this.world.interactionsByToken.set(record.token, record);
    this.gateway.dispatch(GatewayDispatchEvents.InteractionCreate, built.payload, { guildId });
    this.world.notify();
    return new InteractionHandle(this.world, this.waiters, record, this.settings.interactionTimeoutMs, () => performance.now());
  }

  private get home(): GuildHandle {
    const first = this.guildHandles[0];
    if (!first) throw new Error('the emulator has no guild');
    return first;
  }

  private createGuild(
    name: string,
    plan: { id: string | undefined; locale: string; members: readonly { name: string; locale?: string }[] },
  ): GuildHandle {
    const guild = this.world.addGuild(name, { locale: plan.locale, id: plan.id });
    const handle = new GuildHandle(this.world, guild, plan.members, (channel) =>
      this.gateway.dispatch(GatewayDispatchEvents.ChannelCreate, this.world.toApiChannel(channel), channelRoute(channel)),
    );
    this.guildHandles.push(handle);
    return handle;
  }

  private storedIn(channelId: string, includeEphemeral: boolean): StoredMessage[] {
    if (includeEphemeral) {
      return [...this.world.messages.values()].filter((stored) => stored.message.channel_id === channelId && !stored.deleted);
    }
    return (this.world.channelMessageIds.get(channelId) ?? [])
      .map((id) => this.world.messages.get(id))
      .filter((stored): stored is StoredMessage => stored !== undefined && !stored.deleted);
  }

  private snapshotOf(message: APIMessage | string): APIMessage {
    if (typeof message !== 'string') return message;
    const current = this.message(message);
    if (!current) throw new Error(`message ${message} does not exist`);
    return current;
  }

  private describeChannel(channelId: string): string {
    const channel = this.world.messageChannel(channelId);
    if (!channel) return channelId;
    return isDmChannel(channel) ? `the DM with ${channel.recipient.username}` : `#${channel.name}`;
  }

  /** `/attachments/<channel>/<id>/<name>` and its `/media/...` proxy twin, as the attachment's url names them. */
  private servedFile(path: string): { contentType: string | undefined; bytes: Buffer } | undefined {
    const match = /^(?:\/media)?\/attachments\/[^/]+\/([^/]+)\/[^/]+$/.exec(path);
    const file = match ? this.world.files.get(match[1] ?? '') : undefined;
    return file && { contentType: file.contentType, bytes: file.bytes };
  }
}

/** Channel events reach bots with the Guilds intent on the channel's guild's shard. */
function channelRoute(channel: EmulatedChannel): DispatchRoute {
  return { guildId: channel.guildId, intent: GatewayIntentBits.Guilds };
}

/** Start an emulator on 127.0.0.1 with a random port. Always `await emulator.close()` afterwards. */
export async function startDiscordEmulator(options: EmulatorOptions = {}): Promise<DiscordEmulator> {
  const emulator = new DiscordEmulator(options);
  await emulator.listen();
  return emulator;
}

export type Emulator = DiscordEmulator;
