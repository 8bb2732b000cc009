import type { GatewayDispatchEvents } from 'discord-api-types/v10';
import type { DispatchRoute } from './gateway.js';
import type { World } from './world.js';

/** What the REST routes and the user driver share. */
export interface EmulatorContext {
  readonly world: World;
  readonly settings: {
    readonly interactionTimeoutMs: number;
    readonly interactionTokenLifetimeMs: number;
    /** How long a post sent with `enforce_nonce` makes a repeat of its nonce return it instead of a new message. */
    readonly nonceWindowMs: number;
  };
  gatewayUrl(): string;
  /** `http://127.0.0.1:PORT`: attachment urls point here so that a test can fetch what the bot uploaded. */
  baseUrl(): string;
  /** Sends a gateway event to the sessions of the shard owning `route.guildId` (shard 0 for DMs) that asked for `route.intent`. */
  dispatch(event: GatewayDispatchEvents, data: unknown, route: DispatchRoute): number;
  /** Monotonic milliseconds, for interaction deadlines. */
  now(): number;
}
