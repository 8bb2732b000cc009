import type { Client } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiFailure } from '../emulator/api-errors.js';
import { GlobalRateLimit } from '../emulator/global-rate-limit.js';
import { guildIdForShard, startDiscordEmulator } from '../emulator/index.js';
import type { DiscordEmulator, EmulatedChannel, EmulatorOptions, RecordedRequest } from '../emulator/index.js';
import { connectClient, sampleCommands, sleep } from './client-harness.js';

const botToken = 'emulated-bot-token';

describe("Discord's global rate limit", () => {
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const start = async (options: EmulatorOptions = {}) => {
    const emulator = await startDiscordEmulator(options);
    cleanups.push(() => emulator.close());
    return emulator;
  };
  const connect = async (emulator: DiscordEmulator, options: Parameters<typeof connectClient>[1] = {}) => {
    const client = await connectClient(emulator, options);
    cleanups.push(() => client.destroy());
    return client;
  };
  /** Straight HTTP, without discord.js' own limiter: what several processes of one bot together send. */
  const call = (emulator: DiscordEmulator, method: string, path: string, options: { auth?: boolean; body?: unknown } = {}) =>
    fetch(`${emulator.apiUrl}/v10${path}`, {
      method,
      headers: {
        ...(options.auth === false ? {} : { Authorization: `Bot ${botToken}` }),
        ...(options.body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });

  it('counts in a sliding second: of 60 requests at once 50 pass and 10 are refused until the oldest is a second old', () => {
    let now = 10_000;
    const limit = new GlobalRateLimit(50, () => now);
    const outcomes = Array.from({ length: 60 }, (_, index) => {
      now = 10_000 + index; // one request per millisecond
      return refusalOf(() => limit.admit());
    });

    expect(outcomes.filter((outcome) => outcome === undefined)).toHaveLength(50);
    expect(outcomes.slice(50)).toEqual(
      Array.from({ length: 10 }, (_, index) => ({
        status: 429,
        // The oldest request (at 10 000) leaves the window at 11 000.
        body: { message: 'You are being rate limited.', retry_after: (1000 - 50 - index) / 1000, global: true },
        headers: { 'Retry-After': '1', 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': 'global' },
      })),
    );
    now = 10_999;
    expect(refusalOf(() => limit.admit())?.status).toBe(429);
    now = 11_000;
    expect(refusalOf(() => limit.admit())).toBeUndefined();
    expect(limit.globalLimitHits).toBe(11);
    expect(limit.peakRequestsPerSecond).toBe(50);
  });

  it('when the bot fires 60 requests at once, the first 50 pass and the rest get a global 429 with Discord headers and body', async () => {
    const emulator = await start();

    const answers = await Promise.all(Array.from({ length: 60 }, () => call(emulator, 'GET', '/users/@me')));
    const withoutToken = await Promise.all(Array.from({ length: 10 }, () => call(emulator, 'GET', '/gateway', { auth: false })));

    // 10 are refused when all 60 arrive within one second; a busy machine may spread them wider, and then fewer are.
    const refused = answers.filter((answer) => answer.status === 429);
    expect(answers.filter((answer) => answer.status === 200).length).toBeGreaterThanOrEqual(50);
    expect(refused.length).toBeGreaterThan(0);
    expect(refused.length).toBeLessThanOrEqual(10);
    for (const answer of refused) {
      expect(answer.headers.get('x-ratelimit-global')).toBe('true');
      expect(answer.headers.get('x-ratelimit-scope')).toBe('global');
      expect(Number(answer.headers.get('retry-after'))).toBe(1);
      const body = (await answer.json()) as { message: string; retry_after: number; global: boolean };
      expect(body).toEqual({ message: 'You are being rate limited.', retry_after: expect.any(Number) as number, global: true });
      expect(body.retry_after).toBeGreaterThan(0);
      expect(body.retry_after).toBeLessThanOrEqual(1);
    }
    expect(withoutToken.map((answer) => answer.status)).toEqual(Array.from({ length: 10 }, () => 200));
    expect(emulator.rateCounters()).toMatchObject({ globalLimitHits: refused.length, peakRequestsPerSecond: 50 });
    expect(emulator.requests.filter((request) => request.status === 429)).toHaveLength(refused.length);
  });

  it('interaction callbacks are not bound by it: 60 at once all pass while the same moment refuses other requests', async () => {
    const emulator = await start();
    const client = await connect(emulator);
    await client.application!.commands.set(sampleCommands);
    const handles = Array.from({ length: 60 }, (_, index) => emulator.slash('ping', {}, emulator.members[index % 4]!));
    // Login and registration counted too: let their second pass so the count below is this test's alone.
    await sleep(1_050);

    const [callbacks, others] = await Promise.all([
      Promise.all(
        // With the bot token on purpose: the exemption is the route's, whatever the headers.
        handles.map((handle) =>
          call(emulator, 'POST', `/interactions/${handle.id}/${handle.token}/callback`, { body: { type: 4, data: { content: 'pong' } } }),
        ),
      ),
      Promise.all(Array.from({ length: 100 }, () => call(emulator, 'GET', '/users/@me'))),
    ]);

    const refused = others.filter((answer) => answer.status === 429);
    expect(callbacks.map((answer) => answer.status)).toEqual(Array.from({ length: 60 }, () => 204));
    expect(refused.length).toBeGreaterThan(0);
    expect(emulator.rateCounters()).toMatchObject({ globalLimitHits: refused.length, peakRequestsPerSecond: 50 });
    expect(await Promise.all(handles.map(async (handle) => (await handle.response()).type))).toEqual(Array.from({ length: 60 }, () => 4));
  });

  it('with the limit off (0), every request passes and is still counted', async () => {
    const emulator = await start({ globalRateLimit: 0 });

    const answers = await Promise.all(Array.from({ length: 60 }, () => call(emulator, 'GET', '/users/@me')));

    expect(answers.every((answer) => answer.status === 200)).toBe(true);
    expect(emulator.rateCounters()).toMatchObject({ globalLimitHits: 0, peakRequestsPerSecond: 60 });
  });

  it('two discord.js shard processes posting 80 messages together: the 429s are waited out per Retry-After and every post lands once', async () => {
    const emulator = await start({ shardCount: 2, guildId: guildIdForShard(0, 2) });
    const nightOwls = emulator.addGuild('Night Owls', { shardId: 1 });
    const studyChannels = [emulator.channels.general, emulator.channels.docker, emulator.addChannel('notes'), emulator.addChannel('quiz')];
    const owlChannels = [nightOwls.general, nightOwls.addChannel('docker'), nightOwls.addChannel('notes'), nightOwls.addChannel('quiz')];
    // Separate clients, separate REST managers: each keeps its own 50/s, so together they overshoot the bot's limit.
    const zero = await connect(emulator, { shards: [0], shardCount: 2 });
    const one = await connect(emulator, { shards: [1], shardCount: 2 });
    await sleep(1_050);
    emulator.resetRateCounters();
    const postTen = (client: Client, channels: EmulatedChannel[], label: string) =>
      channels.flatMap((channel) =>
        Array.from({ length: 10 }, (_, index) =>
          client.rest.post(`/channels/${channel.id}/messages`, {
            body: { content: `${label} ${channel.name} ${index}`, allowed_mentions: { parse: [] } },
          }),
        ),
      );

    const posted = await Promise.all([...postTen(zero, studyChannels, 'zero'), ...postTen(one, owlChannels, 'one')]);

    const counters = emulator.rateCounters();
    const posts = emulator.requests.filter((request) => request.method === 'POST' && request.path.endsWith('/messages'));
    const refused = posts.filter((request) => request.status === 429);
    expect(posted).toHaveLength(80);
    expect([...studyChannels, ...owlChannels].map((channel) => emulator.channelMessages(channel).length)).toEqual(
      Array.from({ length: 8 }, () => 10),
    );
    expect(refused.length).toBeGreaterThan(0);
    expect(counters.globalLimitHits).toBe(refused.length);
    // No endless loop: each refusal is followed by one wait and a retry, far fewer refusals than posts.
    expect(refused.length).toBeLessThan(80);
    for (const refusal of refused) {
      const retry = posts.find((request) => request.at >= refusal.at && request !== refusal && sameContent(request, refusal));
      const waitedMs = (retry?.at ?? 0) - refusal.at;
      expect(waitedMs).toBeGreaterThanOrEqual(Math.ceil((refusal.response as { retry_after: number }).retry_after) * 1000 - 5);
    }
    expect(counters.posts).toBe(80);
    expect(counters.peakPostsPerSecond).toBeLessThanOrEqual(50);
    expect(counters.peakRequestsPerSecond).toBe(50);
    expect(counters.postsPerSecond).toBeGreaterThan(0);

    emulator.resetRateCounters();
    expect(emulator.rateCounters()).toEqual({ globalLimitHits: 0, peakRequestsPerSecond: 0, posts: 0, postsPerSecond: 0, peakPostsPerSecond: 0 });
  });
});

/** What the limit answered instead of admitting: Discord's 429, or undefined when the request was counted. */
function refusalOf(admit: () => void): { status: number; body: unknown; headers: Record<string, string> } | undefined {
  try {
    admit();
    return undefined;
  } catch (error) {
    if (!(error instanceof ApiFailure)) throw error;
    return { status: error.status, body: error.body, headers: error.headers };
  }
}

function sameContent(a: RecordedRequest, b: RecordedRequest): boolean {
  return (a.body as { content?: string } | undefined)?.content === (b.body as { content?: string } | undefined)?.content;
}
