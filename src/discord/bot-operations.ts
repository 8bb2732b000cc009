import { type APIRequest, type Client, Events, type Interaction, RESTEvents, type ResponseLike, Status } from 'discord.js';
import { type Config, ConfigError } from '../config.js';
import type { Logger } from '../logger.js';
import { startHealthServer, type HealthServer } from '../ops/health-server.js';
import { createBotMetrics, type BotMetrics, type ShardState } from '../ops/metrics.js';
import { timeStoreCalls } from '../ops/timed-store.js';
import type { QuizEvent, QuizEventListener } from '../quiz/quiz-runner.js';
import { splitCustomId, type InteractionObserver, type InteractionOutcome } from './interaction-router.js';

/** The first callback of an interaction: `/interactions/<id>/<token>/callback` (the token is never kept). */
const interactionCallbackPath = /^\/interactions\/(\d+)\/[^/]+\/callback$/;
/** Interactions waiting for their first callback; a bound, since one that is never answered would stay forever. */
const maxAwaitedReplies = 1_000;
/**
 * The readiness query: a primary-key read of a guild id no guild has (ids are 17-20 digits). It touches the real
 * tables through the store's own connection, as every command does, and changes nothing.
 */
const readinessProbeGuildId = '0';

interface InteractionLabels {
  type: 'command' | 'button' | 'autocomplete';
  command: string;
}

/** The store method `/readyz` calls; synchronous or async, whichever the store is. */
interface ProbedStore {
  getGuildTimezone(guildId: string): unknown;
}

export interface BotOperationsParts {
  client: Client;
  /** The store as opened (not the timed one: probes every few seconds would bury the real calls' latency). */
  store: ProbedStore;
  /** The bot's command names: the only values the `command` label takes besides `unknown`. */
  commandNames: Iterable<string>;
}

/** What each shard of `client` is doing now; empty before login. */
function describeShards(client: Client): ShardState[] {
  return [...client.ws.shards.values()].map((shard) => ({ id: shard.id, ready: shard.status === Status.Ready }));
}

/** Resolves when every shard this process runs is ready; rejects naming the ones that are not. */
async function checkGateway(client: Client): Promise<void> {
  const shards = [...client.ws.shards.values()];
  if (shards.length === 0) throw new Error('not connected yet');
  const waiting = shards.filter((shard) => shard.status !== Status.Ready);
  if (waiting.length > 0) {
    throw new Error(waiting.map((shard) => `shard ${shard.id} ${Status[shard.status] ?? shard.status}`).join(', '));
  }
}

/**
 * Only the status and headers are read. When discord.js handed listeners a clone of a fetch `Response`, the clone's
 * body is cancelled so its copy of the data is not kept; anything else shares the body discord.js is about to
 * read (undici's `request`, Node's default, is emitted as a shallow copy) and must be left alone.
 */
function releaseClonedBody(response: ResponseLike): void {
  if (response instanceof Response && response.body !== null) response.body.cancel().catch(() => undefined);
}

/**
 * The bot's metrics and its `/metrics`, `/healthz` and `/readyz` server (METRICS_PORT): counts interactions,
 * quiz events and Discord's responses, times replies and store calls, and answers readiness from the gateway
 * and the database. `start` before login, so `/readyz` says "not yet" while the bot connects.
 */
export class BotOperations {
  readonly metrics: BotMetrics = createBotMetrics();
  private server: HealthServer | undefined;
  private client: Client | undefined;
  private knownCommands = new Set<string>();
  private readonly awaitedReplies = new Map<string, { labels: InteractionLabels; stopTimer: () => void }>();

  constructor(
    private readonly settings: NonNullable<Config['metrics']>,
    private readonly logger: Logger,
  ) {}

  /** The same store, each call timed into `concept_bot_store_call_seconds`. */
  timeStore<Store extends object>(store: Store): Store {
    return timeStoreCalls(store, this.metrics.storeCallSeconds);
  }

  async start({ client, store, commandNames }: BotOperationsParts): Promise<void> {
    this.client = client;
    this.knownCommands = new Set(commandNames);
    this.metrics.watchShards(() => describeShards(client));
    client.rest.on(RESTEvents.Response, this.countResponse);
    client.on(Events.InteractionCreate, this.startReplyTimer);
    try {
      this.server = await startHealthServer({
        port: this.settings.port,
        host: this.settings.host,
        registry: this.metrics.registry,
        readiness: [
          { name: 'gateway', check: () => checkGateway(client) },
          {
            name: 'database',
            check: async () => {
              await store.getGuildTimezone(readinessProbeGuildId);
            },
          },
        ],
      });
    } catch (error) {
      this.detach();
      const reason = error instanceof Error ? error.message : String(error);
      throw new ConfigError(
        `Cannot serve metrics on METRICS_HOST=${this.settings.host} METRICS_PORT=${this.settings.port}: ${reason}. ` +
          'Pick a free port (or leave METRICS_PORT empty to serve none).',
        { cause: error },
      );
    }
    this.logger.info({ url: this.server.url, paths: ['/metrics', '/healthz', '/readyz'] }, 'metrics and health server listening');
  }

  /** Handed to the interaction router. Never throws: the router must not fail an interaction over a count. */
  readonly onInteraction: InteractionObserver = (interaction: Interaction, outcome: InteractionOutcome) =>
    this.guard('an interaction', () => {
      const labels = this.labelsOf(interaction);
      this.awaitedReplies.delete(interaction.id);
      if (labels) this.metrics.interactions.inc({ ...labels, outcome });
    });

  /** Handed to the quiz runner. */
  readonly onQuizEvent: QuizEventListener = (event: QuizEvent) => {
    switch (event.kind) {
      case 'post':
        this.metrics.questionPosts.inc({ outcome: event.outcome });
        break;
      case 'answer':
        this.metrics.answers.inc({ outcome: event.outcome === 'already-answered' ? 'duplicate' : event.outcome });
        break;
      case 'reveal':
        this.metrics.reveals.inc({ outcome: event.outcome });
        break;
    }
  };

  /** Stop serving and counting. Safe to call twice, and before `start`. */
  async stop(): Promise<void> {
    this.detach();
    await this.server?.stop();
  }

  private detach(): void {
    this.client?.rest.off(RESTEvents.Response, this.countResponse);
    this.client?.off(Events.InteractionCreate, this.startReplyTimer);
    this.awaitedReplies.clear();
  }

  /**
   * Listeners run inside discord.js (its REST request, its gateway packet): a count that throws must not fail
   * the request or drop the event, so it is logged and lost.
   */
  private guard(what: string, count: () => void): void {
    try {
      count();
    } catch (error) {
      this.logger.warn({ err: error }, `counting ${what} for the metrics failed`);
    }
  }

  private readonly startReplyTimer = (interaction: Interaction): void =>
    this.guard('an interaction', () => {
      const labels = this.labelsOf(interaction);
      if (!labels) return;
      if (this.awaitedReplies.size >= maxAwaitedReplies) {
        const oldest = this.awaitedReplies.keys().next();
        if (!oldest.done) this.awaitedReplies.delete(oldest.value);
      }
      this.awaitedReplies.set(interaction.id, { labels, stopTimer: this.metrics.replySeconds.startTimer(labels) });
    });

  private readonly countResponse = (request: APIRequest, response: ResponseLike): void => {
    this.guard('a Discord response', () => {
      this.metrics.restResponses.inc({ method: request.method.toUpperCase(), code: String(response.status) });
      if (response.status === 429) {
        // Discord names the scope on every 429; a missing header is counted as such rather than guessed.
        const scope = response.headers.get('x-ratelimit-scope') ?? (response.headers.get('x-ratelimit-global') ? 'global' : 'unknown');
        this.metrics.rateLimits.inc({ scope: ['user', 'global', 'shared'].includes(scope) ? scope : 'unknown' });
      }
      const interactionId = interactionCallbackPath.exec(request.path)?.[1];
      const awaited = interactionId === undefined ? undefined : this.awaitedReplies.get(interactionId);
      if (interactionId !== undefined && awaited) {
        this.awaitedReplies.delete(interactionId);
        awaited.stopTimer();
      }
    });
    releaseClonedBody(response);
  };

  /** Labels from the bot's own command names only: a crafted custom id must not mint a new time series. */
  private labelsOf(interaction: Interaction): InteractionLabels | undefined {
    const known = (name: string) => (this.knownCommands.has(name) ? name : 'unknown');
    if (interaction.isAutocomplete()) return { type: 'autocomplete', command: known(interaction.commandName) };
    if (interaction.isChatInputCommand()) return { type: 'command', command: known(interaction.commandName) };
    if (interaction.isButton()) return { type: 'button', command: known(splitCustomId(interaction.customId).name) };
    return undefined;
  }
}
