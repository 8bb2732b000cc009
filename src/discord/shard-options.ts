import type { ClientOptions } from 'discord.js';
import type { Config } from '../config.js';
import { ownsGuildsOfShards } from './shard-ownership.js';

/**
 * Gateway shards through discord.js's own client option (`shards` + `shardCount`), not `ShardingManager`: one
 * process runs its shards in one client over one store pool and one set of schedules, and several processes (on
 * one machine or many) split the bot by SHARD_IDS over a shared PostgreSQL. `ShardingManager` would fork a child
 * process per shard on one machine, each with its own store connection and timers, and cannot span machines.
 */
export function shardClientOptions(shards: Config['shards']): Partial<ClientOptions> {
  if (shards.count === undefined) return {};
  if (shards.count === 'auto') return { shards: 'auto' };
  return { shards: shards.ids ?? Array.from({ length: shards.count }, (_, id) => id), shardCount: shards.count };
}

export interface ShardPlan {
  ownsEveryGuild: boolean;
  ownsGuild: (guildId: string) => boolean;
  /** The process that runs shard 0 registers the slash commands; the others would only repeat it. */
  registersCommands: boolean;
  summary: string;
}

export function describeShards(shards: Config['shards']): ShardPlan {
  if (typeof shards.count !== 'number' || shards.ids === undefined || shards.ids.length >= shards.count) {
    const summary =
      shards.count === undefined
        ? 'one shard'
        : shards.count === 'auto'
          ? "Discord's recommended count, all in this process"
          : `all ${shards.count} in this process`;
    return { ownsEveryGuild: true, ownsGuild: () => true, registersCommands: true, summary };
  }
  return {
    ownsEveryGuild: false,
    ownsGuild: ownsGuildsOfShards(shards.ids, shards.count),
    registersCommands: shards.ids.includes(0),
    summary: `shards ${shards.ids.join(', ')} of ${shards.count}`,
  };
}
