import type { APIChatInputApplicationCommandGuildInteraction, APIInteraction, APIMessageComponentInteraction } from 'discord-api-types/v10';
import type { InteractionPlace } from './build-interactions.js';

/** How a test sets up its emulator: every knob, each with Discord's value or the test-friendly one as default. */
export interface EmulatorOptions {
  /** Discord refuses a first callback later than this with 404 10062. Default 3000. */
  interactionTimeoutMs?: number;
  /** Follow-ups and edits work this long after the interaction. Default 15 minutes. */
  interactionTokenLifetimeMs?: number;
  /**
   * A repeat of a post's nonce with `enforce_nonce` within this long returns the first message. Discord says "the
   * past few minutes" without a number. Default 5 minutes.
   */
  nonceWindowMs?: number;
  /**
   * Requests whose files add up to more get 413 40005, as Discord does; also sent to the bot as interactions'
   * `attachment_size_limit`. Default 10 MiB, Discord's limit for a guild without boosts.
   */
  attachmentSizeLimit?: number;
  /** Sent in HELLO. Default 41250 like Discord, so tests see no heartbeats unless they lower it. */
  heartbeatIntervalMs?: number;
  /** When set, other bot tokens get 401 (REST) and close 4004 (gateway). Default: any token works. */
  token?: string;
  /** The bot's user name. Default `concept-bot`. */
  botName?: string;
  /** The guild's `preferred_locale`, sent as `guild_locale`. Default `en-US`. */
  guildLocale?: string;
  /** The first guild's id, e.g. `guildIdForShard(0, 2)` to put it on shard 0. Default a fresh snowflake. */
  guildId?: string;
  /**
   * How many shards the bot runs: `GET /gateway/bot` answers it, and every IDENTIFY must carry `[id, shardCount]`
   * (another count is refused, 4011 when lower and 4010 when higher). Default 1.
   */
  shardCount?: number;
  /**
   * `session_start_limit.max_concurrency`: how many shards discord.js identifies at once (in buckets of
   * `shard_id % max_concurrency`, 5 s apart). Default `shardCount`, so that tests wait for no bucket; most bots
   * get 1 from Discord. The emulator itself does not enforce it.
   */
  maxConcurrency?: number;
  /**
   * Refuse (close 4010) an IDENTIFY of a shard that already has a connected session. Discord itself lets both
   * sessions run (each then gets the shard's events: the bot answers twice); the refusal shows a deployment
   * mistake at once. Default: on when `shardCount` is above 1.
   */
  refuseDuplicateShards?: boolean;
  /**
   * Discord's bot-wide limit in requests per second over all connections and processes (interaction
   * callbacks are exempt): past it, 429 `{ global: true }`. 0 or Infinity turn it off. Default 50, Discord's.
   */
  globalRateLimit?: number;
  /** Timeout of the wait helpers when a call gives none. Default 3000. */
  defaultWaitMs?: number;
  /** Receives one line per request and gateway event; default silent (or stderr with DISCORD_EMULATOR_LOG=1). */
  log?: (line: string) => void;
}

/**
 * The raw INTERACTION_CREATE payload of a slash command, free to change. It is typed as the valid payload it was
 * built as; a craft that writes a value of the wrong type on purpose says so with a cast at that spot.
 */
export type CraftedSlash = APIChatInputApplicationCommandGuildInteraction;

/** The raw INTERACTION_CREATE payload of a click (a guild's or a DM's shape), free to change like `CraftedSlash`. */
export type CraftedClick = APIMessageComponentInteraction;

export interface CraftPlace<Payload extends APIInteraction> {
  /**
   * Change the payload after it was built and checked, just before dispatch: what a hostile client, a spoofed
   * request or a broken proxy sends (an option of the wrong type, a missing required option, another guild's
   * id, a bot as the clicker). The emulator checks nothing after this.
   */
  craft?: (payload: Payload) => void;
}

export interface ClickPlace extends CraftPlace<CraftedClick> {
  locale?: string;
}

export interface SlashPlace extends InteractionPlace, CraftPlace<CraftedSlash> {
  /** Act as if a server admin had granted the command to this member in Integrations. */
  ignoreDefaultMemberPermissions?: boolean;
}
