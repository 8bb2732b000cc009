import { createSnowflake, discordEpochMs } from './ids.js';

/** Discord's rule for which shard hears a guild: `(guild_id >> 22) % shard_count` (the id's timestamp part). */
export function shardOfGuild(guildId: string, shardCount: number): number {
  assertShardCount(shardCount);
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/**
 * A fresh guild id that lands on `shardId` of `shardCount`: a snowflake whose timestamp is at most `shardCount`
 * milliseconds before `at` and has the wanted remainder.
 */
export function guildIdForShard(shardId: number, shardCount: number, at: number = Date.now()): string {
  assertShardCount(shardCount);
  if (!Number.isInteger(shardId) || shardId < 0 || shardId >= shardCount) {
    throw new Error(`shard id ${shardId} is not one of 0..${shardCount - 1}`);
  }
  const count = BigInt(shardCount);
  const sinceEpoch = BigInt(at) - discordEpochMs;
  let landing = sinceEpoch - (sinceEpoch % count) + BigInt(shardId);
  if (landing > sinceEpoch) landing -= count;
  return createSnowflake(Number(landing + discordEpochMs));
}

/** A guild id a test chose: Discord's ids are 17-20 digit snowflakes, and discord.js routes only those as ids. */
export function assertGuildId(id: string): void {
  if (!/^\d{17,20}$/.test(id)) throw new Error(`guild id "${id}" is not a snowflake (17-20 digits)`);
}

export function assertShardCount(shardCount: number): void {
  if (!Number.isInteger(shardCount) || shardCount < 1) throw new Error(`shardCount must be a whole number of at least 1, not ${shardCount}`);
}
