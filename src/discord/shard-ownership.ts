/**
 * Which guilds this process looks after. Discord delivers a guild's events to shard `(guild_id >> 22) % count`;
 * the same rule decides which process schedules, posts and closes that guild's questions, so every guild has
 * exactly one owner however many processes share the database.
 */
export function shardOfGuild(guildId: string, shardCount: number): number {
  return Number((BigInt(guildId) >> 22n) % BigInt(shardCount));
}

/** The guilds owned by `shardIds` out of `shardCount`; every guild when the process runs all shards. */
export function ownsGuildsOfShards(shardIds: readonly number[], shardCount: number): (guildId: string) => boolean {
  if (shardCount <= 1 || shardIds.length >= shardCount) return () => true;
  const mine = new Set(shardIds);
  return (guildId) => mine.has(shardOfGuild(guildId, shardCount));
}
