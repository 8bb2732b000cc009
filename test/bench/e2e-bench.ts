// How fast the real bot answers through the emulator: interactions answered per second, and the time from the
// INTERACTION_CREATE dispatch to the accepted response (the emulator measures both ends), for `/explain` and for
// quiz answer clicks. Everything runs in one process on loopback: the numbers include the emulator's own work
// and discord.js's, which is the point (that is where a bot's 3 s go), so compare runs, not absolute values.
import { performance } from 'node:perf_hooks';
import type { EmulatedMember, InteractionHandle } from '../emulator/index.js';
import { answerButtonId, isQuestionPost, startBotHarness, type BotHarness } from '../e2e/bot-harness.js';
import { percentile, round } from './bench-stats.js';

const explainCount = 300;
const clickCount = 500;
/** Interactions in flight at once: a busy guild, well inside what one bot gets from Discord. */
const concurrency = 16;
const warmUpCount = 20;
const explainQueries = ['container', 'docker', 'kernel', '쿠버네티스', 'ㅋㅌㅇㄴ', 'virtual machine', 'cluster', 'instance'];

export interface InteractionStats {
  count: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/**
 * Run `count` interactions with at most `concurrency` in flight, each waiting for its first response; returns
 * the throughput and the dispatch-to-response times.
 */
async function measureInteractions(count: number, start: (index: number) => InteractionHandle): Promise<InteractionStats> {
  const latencies: number[] = [];
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const handle = start(next);
      next += 1;
      await handle.response({ timeoutMs: 10_000 });
      if (handle.ackMs === undefined) throw new Error(`interaction ${handle.id} has no acknowledgement time`);
      latencies.push(handle.ackMs);
    }
  };
  const startedAt = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - startedAt) / 1000;
  return {
    count,
    perSecond: round(count / seconds, 1),
    p50Ms: round(percentile(latencies, 0.5), 1),
    p99Ms: round(percentile(latencies, 0.99), 1),
  };
}

function describeStats(stats: InteractionStats): string {
  return `${stats.perSecond.toFixed(0)}/s, p50 ${stats.p50Ms.toFixed(1)} ms, p99 ${stats.p99Ms.toFixed(1)} ms (${stats.count}, ${concurrency} in flight)`;
}

async function benchExplain(harness: BotHarness, asker: EmulatedMember): Promise<InteractionStats> {
  const { emulator } = harness;
  const explainAt = (index: number) => emulator.slash('/explain', { concept: explainQueries[index % explainQueries.length] ?? 'container' }, asker);
  await measureInteractions(warmUpCount, explainAt);
  return measureInteractions(explainCount, explainAt);
}

async function benchAnswerClicks(harness: BotHarness): Promise<InteractionStats> {
  const { emulator } = harness;
  const members = Array.from({ length: clickCount + warmUpCount }, (_, index) => emulator.addMember(`Bench member ${index + 1}`));
  emulator.slash('/quiz-admin now', { channel: emulator.channels.docker }, emulator.admin);
  const post = await emulator.waitForMessage(emulator.channels.docker, isQuestionPost, 5_000);
  const buttons = [0, 1, 2, 3].map((choice) => answerButtonId(post, choice));
  const clickBy = (offset: number) => (index: number) => {
    const member = members[offset + index];
    if (!member) throw new Error(`no bench member ${offset + index}`);
    return emulator.click(post, buttons[index % 4] ?? '', member);
  };
  await measureInteractions(warmUpCount, clickBy(0));
  return measureInteractions(clickCount, clickBy(warmUpCount));
}

export async function runE2eBench(log: (line: string) => void): Promise<object> {
  log('end to end (the real bot and discord.js against the local Discord emulator, one process, loopback)');
  const harness = await startBotHarness();
  try {
    const explain = await benchExplain(harness, harness.emulator.member('alice'));
    log(`  /explain answered: ${describeStats(explain)}`);
    const answerClicks = await benchAnswerClicks(harness);
    log(`  answer clicks acknowledged: ${describeStats(answerClicks)}`);
    log("  (time = INTERACTION_CREATE dispatched → the bot's first response accepted by the emulator)");
    return { explain, answerClicks };
  } finally {
    await harness.close();
  }
}
