// The 09:00 fan-out of a sharded bot: 1,000 quiz channels (100 guilds × 10) whose daily slot is the same minute,
// served by two `npm start` processes (SHARD_COUNT=2, one shard each) on one PostgreSQL database, through the
// emulator enforcing Discord's global limit of 50 requests per second. Both processes hold a permit of the window
// they share in PostgreSQL (50 permits, each held from before its request is sent until one second after its
// answer: src/store/postgres/request-pacer.ts) around every request; the point is posts per second close to the
// 50/s floor with no global 429.
// Measured on the shared 2-core machine (load average 5–10, the two pacers run alternately): the former timetable of
// turns at 47/s, 42.1 and 41.5 posts/s with 3 and 4 global 429s (in a traced run the oldest request of a refused
// second had reached the emulator 181 ms after its turn: 84 ms woken late, the rest on the way); the permits, 46.3,
// 46.9 and 47.1 posts/s (median 46.9), no global 429 in any run.
// Needs a PostgreSQL server (TEST_DATABASE_URL, default the local one); without one the member reports `skipped`.
// Takes about two and a half minutes: the processes start, then wait for the slot minute (up to 110 s), then post.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openPostgresStore } from '../../src/store/postgres/open-postgres-store.js';
import { teamNoteDir } from '../fixture-dirs.js';
import { testToken } from '../e2e/bot-harness.js';
import { type ScriptProcess, startScript } from '../e2e/script-process.js';
import { type EmulatedChannel, guildIdForShard, startDiscordEmulator } from '../emulator/index.js';
import { round } from './bench-stats.js';

const databaseUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const shardCount = 2;
const guildCount = 100;
const channelsPerGuild = 10;
const globalRateLimit = 50;
/** Both processes must be ready before the slot: starting takes seconds, more on a loaded machine. */
const startupAllowanceMs = 50_000;

export type ShardsBenchResult =
  | {
      processes: number;
      guilds: number;
      channels: number;
      posts: number;
      seconds: number;
      postsPerSecond: number;
      globalLimitHits: number;
      peakRequestsPerSecond: number;
    }
  | { skipped: string };

async function reachable(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await client.end().catch(() => {});
  }
}

/** The first whole minute at least `allowanceMs` away, in UTC, as a daily cron and as a time. */
function nextSlot(allowanceMs: number): { cron: string; at: Date } {
  const at = new Date(Math.ceil((Date.now() + allowanceMs) / 60_000) * 60_000);
  return { cron: `${at.getUTCMinutes()} ${at.getUTCHours()} * * *`, at };
}

export async function runShardsBench(log: (line: string) => void): Promise<ShardsBenchResult> {
  log(
    `shards (a fan-out of ${guildCount * channelsPerGuild} channels over ${shardCount} processes on PostgreSQL, global limit ${globalRateLimit}/s)`,
  );
  const unreachable = await reachable(databaseUrl);
  if (unreachable !== undefined) {
    log(`  skipped: no PostgreSQL server at TEST_DATABASE_URL (${unreachable})`);
    return { skipped: `no PostgreSQL server: ${unreachable}` };
  }
  const schema = `shards_bench_${randomBytes(6).toString('hex')}`;
  const botUrl = new URL(databaseUrl);
  botUrl.searchParams.set('options', `-c search_path=${schema}`);
  const store = await openPostgresStore(databaseUrl, { schema, poolSize: 4 });
  const emulator = await startDiscordEmulator({ shardCount, guildId: guildIdForShard(0, shardCount), globalRateLimit });
  const processes: ScriptProcess[] = [];
  try {
    const channels: { guildId: string; adminId: string; channel: EmulatedChannel }[] = [];
    for (let index = 0; index < guildCount; index++) {
      const guild = index === 0 ? emulator.guilds[0]! : emulator.addGuild(`Guild ${index + 1}`, { shardId: index % shardCount });
      for (let number = 0; number < channelsPerGuild; number++)
        channels.push({ guildId: guild.id, adminId: guild.admin.id, channel: guild.addChannel(`quiz-${number + 1}`) });
    }
    const slot = nextSlot(startupAllowanceMs);
    for (const { guildId, adminId, channel } of channels) {
      await store.saveSchedule({
        guildId,
        channelId: channel.id,
        cron: slot.cron,
        timezone: 'UTC',
        noteId: null,
        closeAfterMinutes: null,
        createdBy: adminId,
        createdAt: new Date(),
      });
    }

    const environment = {
      DISCORD_TOKEN: testToken,
      DISCORD_API_URL: emulator.apiUrl,
      DATABASE_URL: botUrl.toString(),
      SHARD_COUNT: String(shardCount),
      DOCS_DIR: teamNoteDir,
      LOG_LEVEL: 'warn',
    };
    for (let shard = 0; shard < shardCount; shard++) processes.push(startScript('src/main.ts', { ...environment, SHARD_IDS: String(shard) }));
    // LOG_LEVEL=warn keeps 1,000 post lines out of the bench; readiness shows as every shard connected.
    const readyBy = Date.now() + startupAllowanceMs + 60_000;
    while (emulator.connectedShards().length < shardCount || emulator.registeredCommands('global').length === 0) {
      const exited = processes.find((started) => started.child.exitCode !== null);
      if (exited) throw new Error(`a shard process exited before the fan-out:\n${exited.output()}`);
      if (Date.now() > readyBy) throw new Error('the shard processes did not connect in time');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    if (Date.now() > slot.at.getTime()) log('  (the processes were ready only after the slot: the fan-out is their start-up catch-up)');
    emulator.resetRateCounters();
    const fanOutFrom = Date.now();

    const postedEverywhere = () => channels.every(({ channel }) => emulator.channelMessages(channel).length > 0);
    const deadline = slot.at.getTime() + 180_000;
    while (!postedEverywhere()) {
      if (Date.now() > deadline)
        throw new Error(
          `only ${channels.filter(({ channel }) => emulator.channelMessages(channel).length > 0).length} of ${channels.length} channels got their post`,
        );
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const counters = emulator.rateCounters();
    // What else counted toward the limit while the posts went out (a post's own retries after a 429 included).
    const otherRequests: Record<string, number> = {};
    for (const request of emulator.requests) {
      if (request.at < fanOutFrom || !request.authorized) continue;
      const route = `${request.method} ${request.path.replace(/\d{5,}/g, ':id')}`;
      if (route === 'POST /channels/:id/messages' && request.status < 300) continue;
      otherRequests[route] = (otherRequests[route] ?? 0) + 1;
    }
    const postTimes = emulator.requests
      .filter((request) => request.at >= fanOutFrom && request.method === 'POST' && request.status === 200)
      .map((request) => request.at);
    const firstPost = Math.min(...postTimes);
    const perFiveSeconds: number[] = [];
    for (const at of postTimes) {
      const bucket = Math.floor((at - firstPost) / 5000);
      perFiveSeconds[bucket] = (perFiveSeconds[bucket] ?? 0) + 1;
    }
    log(`  other requests: ${JSON.stringify(otherRequests)}; posts per 5 s: ${perFiveSeconds.join(' ')}`);
    // What filled the second before each global 429: the routes Discord counted, to tell unpaced requests from bunching.
    for (const refused of emulator.requests.filter((request) => request.status === 429 && request.at >= fanOutFrom).slice(0, 3)) {
      const counted = emulator.requests.filter(
        (request) => request.authorized && request.status !== 429 && request.at > refused.at - 1000 && request.at <= refused.at,
      );
      const routes: Record<string, number> = {};
      for (const request of counted) {
        const route = `${request.method} ${request.path.replace(/\d{5,}/g, ':id')}`;
        routes[route] = (routes[route] ?? 0) + 1;
      }
      log(`  global 429 at +${refused.at - fanOutFrom} ms: the second before it held ${JSON.stringify(routes)}`);
    }
    const posts = counters.posts;
    const seconds = counters.postsPerSecond > 0 ? posts / counters.postsPerSecond : 0;
    const result = {
      processes: shardCount,
      guilds: guildCount,
      channels: channels.length,
      posts,
      seconds: round(seconds, 1),
      postsPerSecond: round(counters.postsPerSecond, 1),
      globalLimitHits: counters.globalLimitHits,
      peakRequestsPerSecond: counters.peakRequestsPerSecond,
      postsPerFiveSeconds: perFiveSeconds,
    };
    log(
      `  ${posts} posts in ${result.seconds} s: ${result.postsPerSecond}/s (floor ${globalRateLimit}/s; target ≥ ${round(globalRateLimit / 1.1, 1)}/s), ` +
        `peak ${result.peakRequestsPerSecond} requests/s, global 429s: ${result.globalLimitHits}`,
    );
    return result;
  } finally {
    for (const started of processes) started.child.kill('SIGTERM');
    await Promise.all(processes.map((started) => Promise.race([started.exited, new Promise((resolve) => setTimeout(resolve, 10_000))])));
    for (const started of processes) if (started.child.exitCode === null && started.child.signalCode === null) started.child.kill('SIGKILL');
    await emulator.close();
    await store.close();
    const admin = new pg.Client(databaseUrl);
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS ${pg.escapeIdentifier(schema)} CASCADE`);
    await admin.end();
  }
}
