import { randomBytes } from 'node:crypto';

export const discordEpochMs = 1_420_070_400_000n;
let increment = 0n;

/**
 * A Discord-shaped snowflake (18-19 digits from today's clock). discord.js' rate-limit router only
 * recognises ids of 17-19 digits as major parameters, so short fake ids would route differently.
 */
export function createSnowflake(at: number = Date.now()): string {
  increment = (increment + 1n) & 0xfffn;
  return (((BigInt(at) - discordEpochMs) << 22n) | (1n << 17n) | increment).toString();
}

/** Interaction tokens travel in URL paths: only `[A-Za-z0-9_-]`, long like Discord's. */
export function createToken(): string {
  return randomBytes(48).toString('base64url');
}

export function timestampOfSnowflake(id: string): number {
  return Number((BigInt(id) >> 22n) + discordEpochMs);
}
