import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';

// The bot's Prometheus metrics, one registry per running bot (two bots in one test process never share counts).
// Labels stay few and bounded: outcomes, command names the bot defines, status codes, store methods. Never a
// user, guild or channel id: each new value is a new time series kept for as long as the process lives.

/** A shard of the gateway connection this process runs, as the client last saw it. */
export interface ShardState {
  id: number;
  ready: boolean;
}

export interface BotMetrics {
  readonly registry: Registry;
  /** `type`: command, button or autocomplete; `command`: the command handling it (`unknown` when none does). */
  readonly interactions: Counter<'type' | 'command' | 'outcome'>;
  /** From the interaction's arrival to Discord's answer to its first callback (reply, defer or update). */
  readonly replySeconds: Histogram<'type' | 'command'>;
  readonly questionPosts: Counter<'outcome'>;
  readonly answers: Counter<'outcome'>;
  readonly reveals: Counter<'outcome'>;
  readonly restResponses: Counter<'method' | 'code'>;
  /** 429 answers by Discord's `X-RateLimit-Scope`: `user` (the bot's own pace), `global`, `shared` (a resource's). */
  readonly rateLimits: Counter<'scope'>;
  readonly storeCallSeconds: Histogram<'method'>;
  /** The shard gauge reads `shards()` at every scrape, so it shows the client's state then, not a copy of it. */
  watchShards(shards: () => readonly ShardState[]): void;
}

/** An interaction is answered within Discord's 3 s or not at all: the buckets cluster below that line. */
const replyBuckets = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 3, 5];
/** An embedded SQLite call takes well under a millisecond; a network database a few; seconds mean trouble. */
const storeBuckets = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 2.5];

/** Counted from the start at 0, so a rate over them exists before the first event (and alerts can say "none yet"). */
const knownOutcomes = {
  questionPosts: ['posted', 'already-open', 'no-question', 'channel-problem', 'rate-limited', 'failed'],
  answers: ['recorded', 'duplicate', 'closed'],
  reveals: ['shown', 'retried', 'given-up'],
  rateLimitScopes: ['user', 'global', 'shared'],
} as const;

function startAtZero<Label extends string>(counter: Counter<Label>, label: Label, values: readonly string[]): Counter<Label> {
  for (const value of values) counter.inc({ [label]: value } as Partial<Record<Label, string>>, 0);
  return counter;
}

export function createBotMetrics(): BotMetrics {
  const registry = new Registry();
  // Process and runtime metrics under their usual names: nodejs_eventloop_lag_*, process_cpu_*, nodejs_heap_*.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];
  let readShards: () => readonly ShardState[] = () => [];
  new Gauge({
    name: 'concept_bot_gateway_shard_ready',
    help: 'Whether each gateway shard this process runs is ready (1) or connecting, resuming or lost (0)',
    labelNames: ['shard'],
    registers,
    collect() {
      this.reset();
      for (const shard of readShards()) this.set({ shard: String(shard.id) }, shard.ready ? 1 : 0);
    },
  });
  return {
    registry,
    interactions: new Counter({
      name: 'concept_bot_interactions_total',
      help: 'Interactions handled, by type, command and outcome (ok, user-error, invalid-input, failed)',
      labelNames: ['type', 'command', 'outcome'],
      registers,
    }),
    replySeconds: new Histogram({
      name: 'concept_bot_interaction_reply_seconds',
      help: "Seconds from an interaction's arrival to Discord's answer to its first response",
      labelNames: ['type', 'command'],
      buckets: replyBuckets,
      registers,
    }),
    questionPosts: startAtZero(
      new Counter({
        name: 'concept_bot_question_posts_total',
        help: 'Quiz post attempts (scheduled or /quiz-admin now), by outcome (posted, already-open, no-question, channel-problem, rate-limited, failed)',
        labelNames: ['outcome'],
        registers,
      }),
      'outcome',
      knownOutcomes.questionPosts,
    ),
    answers: startAtZero(
      new Counter({
        name: 'concept_bot_answers_total',
        help: 'Answer clicks on quiz questions, by outcome (recorded, duplicate, closed, invalid-choice, unknown-question)',
        labelNames: ['outcome'],
        registers,
      }),
      'outcome',
      knownOutcomes.answers,
    ),
    reveals: startAtZero(
      new Counter({
        name: 'concept_bot_reveals_total',
        help: 'Edits of a closed question into its result, by outcome (shown, retried, given-up)',
        labelNames: ['outcome'],
        registers,
      }),
      'outcome',
      knownOutcomes.reveals,
    ),
    restResponses: new Counter({
      name: 'concept_bot_discord_rest_responses_total',
      help: 'Responses of the Discord REST API, by method and HTTP status code',
      labelNames: ['method', 'code'],
      registers,
    }),
    rateLimits: startAtZero(
      new Counter({
        name: 'concept_bot_discord_rate_limits_total',
        help: 'Discord 429 responses, by X-RateLimit-Scope (user, global, shared)',
        labelNames: ['scope'],
        registers,
      }),
      'scope',
      knownOutcomes.rateLimitScopes,
    ),
    storeCallSeconds: new Histogram({
      name: 'concept_bot_store_call_seconds',
      help: 'Seconds per call of the quiz store, by method',
      labelNames: ['method'],
      buckets: storeBuckets,
      registers,
    }),
    watchShards(shards) {
      readShards = shards;
    },
  };
}
