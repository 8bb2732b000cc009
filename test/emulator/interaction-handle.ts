import { InteractionResponseType, MessageFlags } from 'discord-api-types/v10';
import type {
  APIApplicationCommandOptionChoice,
  APIInteraction,
  APIInteractionResponse,
  APIMessage,
  APIPingInteraction,
} from 'discord-api-types/v10';
import type { Waiters } from './waiters.js';
import type { CallbackAttempt, InteractionRecord, World } from './world.js';

const describeAttempts = (attempts: readonly CallbackAttempt[]) =>
  attempts.length === 0
    ? 'the bot never called back'
    : attempts
        .map((attempt) => `callback after ${Math.round(attempt.afterMs)} ms → ${attempt.status}${attempt.code ? ` (code ${attempt.code})` : ''}`)
        .join('; ');

export type EmulatedInteraction = Exclude<APIInteraction, APIPingInteraction>;

/** One interaction a test started, and everything the bot answered to it. */
export class InteractionHandle {
  constructor(
    private readonly world: World,
    private readonly waiters: Waiters,
    private readonly record: InteractionRecord,
    private readonly interactionTimeoutMs: number,
    private readonly now: () => number,
  ) {}

  get id(): string {
    return this.record.id;
  }

  get token(): string {
    return this.record.token;
  }

  /** The INTERACTION_CREATE payload as dispatched. */
  get payload(): EmulatedInteraction {
    return this.record.payload as EmulatedInteraction;
  }

  /** Milliseconds from dispatch to the accepted first callback; undefined until then. */
  get ackMs(): number | undefined {
    return this.record.ackMs;
  }

  get acknowledged(): boolean {
    return this.record.response !== undefined;
  }

  /** Every callback the bot tried, accepted or refused (40060, 10062, 50035 ...). */
  get callbacks(): readonly CallbackAttempt[] {
    return this.record.attempts;
  }

  /** Whether the reply (or deferral) was ephemeral. */
  get ephemeral(): boolean {
    return ((this.original()?.flags ?? 0) & MessageFlags.Ephemeral) !== 0;
  }

  /**
   * The accepted first callback `{ type, data }` (narrow on `type` to read `data`). Rejects once Discord's
   * window (`interactionTimeoutMs`) has passed without one, naming what the bot did instead.
   */
  response(options: { timeoutMs?: number } = {}): Promise<APIInteractionResponse> {
    const remaining = this.record.dispatchedAt + this.interactionTimeoutMs - this.now();
    return this.waiters.waitFor(
      () => this.record.response,
      {
        timeoutMs: options.timeoutMs ?? Math.max(remaining, 0) + 50,
        description: `a response to interaction ${this.describe()}`,
      },
      () => describeAttempts(this.record.attempts),
    );
  }

  /** Autocomplete: the offered choices. */
  async choices(options: { timeoutMs?: number } = {}): Promise<APIApplicationCommandOptionChoice[]> {
    const response = await this.response(options);
    if (response.type !== InteractionResponseType.ApplicationCommandAutocompleteResult) {
      throw new Error(`expected autocomplete choices, got callback type ${response.type}`);
    }
    return response.data.choices ?? [];
  }

  /** The message `@original` points at, as it is now (after edits); undefined before a reply. */
  original(): APIMessage | undefined {
    const stored = this.world.messages.get(this.record.originalMessageId ?? '');
    return stored && !stored.deleted ? structuredClone(stored.message) : undefined;
  }

  /** The original once it is visible (not "thinking…") and satisfies `predicate`: waits out deferrals. */
  waitForOriginal(predicate: (message: APIMessage) => boolean = () => true, options: { timeoutMs?: number } = {}): Promise<APIMessage> {
    return this.waiters.waitFor(
      () => {
        const message = this.original();
        if (!message || ((message.flags ?? 0) & MessageFlags.Loading) !== 0) return undefined;
        return predicate(message) ? message : undefined;
      },
      { timeoutMs: options.timeoutMs, description: `the original response of ${this.describe()}` },
      () => `original now: ${JSON.stringify(this.original() ?? null).slice(0, 500)}; ${describeAttempts(this.record.attempts)}`,
    );
  }

  /** Follow-up messages once there are at least `count` (default 1); `count: 0` returns the current list. */
  followUps(options: { count?: number; timeoutMs?: number } = {}): Promise<APIMessage[]> {
    const count = options.count ?? 1;
    const current = () =>
      this.record.followUpIds
        .map((id) => this.world.messages.get(id))
        .filter((stored) => stored !== undefined && !stored.deleted)
        .map((stored) => structuredClone(stored!.message));
    return this.waiters.waitFor(
      () => {
        const list = current();
        return list.length >= count ? list : undefined;
      },
      { timeoutMs: options.timeoutMs, description: `${count} follow-up(s) to ${this.describe()}` },
    );
  }

  private describe(): string {
    const payload = this.record.payload as { data?: { name?: string; custom_id?: string } };
    return `${payload.data?.name ? `/${payload.data.name}` : (payload.data?.custom_id ?? this.record.id)}`;
  }
}
