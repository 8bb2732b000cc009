import { OverwriteType } from 'discord-api-types/v10';
import type { EmulatedChannel, EmulatedGuild, EmulatedMember, World } from './world.js';

export interface NewGuildOptions {
  /** A snowflake of the test's choosing, e.g. `guildIdForShard(1, 2)`; default a fresh one. */
  id?: string;
  /** Pick a fresh id that lands on this shard of the emulator's `shardCount` (instead of `id`). */
  shardId?: number;
  /** `preferred_locale`, sent as `guild_locale`. Default `en-US`. */
  locale?: string;
  /** Ordinary members besides the owner and the admin, by display name. Default none. */
  members?: readonly string[];
}

/** Member options as `addMember` takes them. */
export interface NewMemberOptions {
  admin?: boolean;
  locale?: string;
}

/**
 * One guild the bot is in, as a test sets it up and acts in it: an owner, an admin (Manage Server), ordinary
 * members and #general. `emulator.addGuild(...)` returns one; the first guild, "Study Group", is `emulator.guilds[0]`.
 */
export class GuildHandle {
  readonly owner: EmulatedMember;
  /** A member with Manage Server (0x20), not the owner. */
  readonly admin: EmulatedMember;
  /** The ordinary members the guild was made with (later `addMember` calls are not listed here). */
  readonly members: readonly EmulatedMember[];
  readonly general: EmulatedChannel;

  constructor(
    private readonly world: World,
    readonly guild: EmulatedGuild,
    members: readonly { name: string; locale?: string }[],
    /** Tells connected bots about a channel made after they connected (CHANNEL_CREATE). */
    private readonly announceChannel: (channel: EmulatedChannel) => void,
  ) {
    this.owner = world.addMember(guild, 'Owner');
    world.setOwner(guild, this.owner);
    this.admin = world.addMember(guild, 'Admin', { admin: true });
    this.members = members.map((member) => world.addMember(guild, member.name, { locale: member.locale }));
    this.general = world.addChannel(guild, 'general');
  }

  get id(): string {
    return this.guild.id;
  }

  get name(): string {
    return this.guild.name;
  }

  addMember(name: string, options: NewMemberOptions = {}): EmulatedMember {
    return this.world.addMember(this.guild, name, options);
  }

  /** A member by user name or display name, e.g. `member('alice')`. */
  member(name: string): EmulatedMember {
    const wanted = name.toLowerCase();
    const found = [...this.guild.members.values()].find((member) => member.name === wanted || member.user.global_name?.toLowerCase() === wanted);
    if (!found) throw new Error(`no member "${name}" in ${this.guild.name}`);
    return found;
  }

  /**
   * A new text channel (CHANNEL_CREATE reaches the guild's shard); `botDeny` withholds permissions from the bot
   * there; `type: ChannelType.GuildVoice` makes it a voice channel (whose text chat takes commands).
   */
  addChannel(name: string, options: { botDeny?: bigint; type?: EmulatedChannel['type'] } = {}): EmulatedChannel {
    const overwrites = options.botDeny ? [{ id: this.world.bot.id, type: OverwriteType.Member, allow: '0', deny: options.botDeny.toString() }] : [];
    const channel = this.world.addChannel(this.guild, name, overwrites, options.type);
    this.announceChannel(channel);
    return channel;
  }
}
