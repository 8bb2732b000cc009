import { describe, expect, it } from 'vitest';
import { ownsGuildsOfShards, shardOfGuild } from '../../src/discord/shard-ownership.js';

describe('which process owns a guild', () => {
  it("follows Discord's rule: (guild_id >> 22) % shard_count", () => {
    // 41771983423143937 >> 22 = 9959216934; ids past 2^53 need BigInt.
    expect(shardOfGuild('41771983423143937', 4)).toBe(9959216934 % 4);
    expect(shardOfGuild('18446744073709551615', 7)).toBe(Number((18446744073709551615n >> 22n) % 7n));
    expect(shardOfGuild(String(5n << 22n), 3)).toBe(2);
  });

  it('gives every guild exactly one owner among processes with disjoint shard ids', () => {
    const processes = [ownsGuildsOfShards([0, 1], 4), ownsGuildsOfShards([2, 3], 4)];
    for (let n = 0n; n < 40n; n++) {
      const guildId = String((n << 22n) + 12345n);
      expect(processes.filter((owns) => owns(guildId))).toHaveLength(1);
    }
  });

  it('owns every guild when one process runs every shard (or there is one)', () => {
    expect(ownsGuildsOfShards([0], 1)('1234567890123456789')).toBe(true);
    expect(ownsGuildsOfShards([0, 1], 2)(String(1n << 22n))).toBe(true);
  });
});
