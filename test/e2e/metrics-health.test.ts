// METRICS_PORT: the real bot against the emulator serves /metrics, /healthz and /readyz, and its counters move with
// what members do. The server listens on 127.0.0.1 at a free port; its log line names the address.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { explainStartupFailure, startBot } from '../../src/discord/start-bot.js';
import { silentLogger } from '../../src/logger.js';
import { startDiscordEmulator } from '../emulator/index.js';
import {
  answerButtonId,
  eventually,
  isQuestionPost,
  questionIdOf,
  replyTo,
  startBotHarness,
  testClientOptions,
  testToken,
  type BotHarness,
  type LogLine,
} from './bot-harness.js';

let harness: BotHarness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const listeningMessage = 'metrics and health server listening';

/** The address of the health server the bot started last (each start picks a new free port). */
function serverUrl(logs: readonly LogLine[]): string | undefined {
  const line = logs.filter((candidate) => candidate.msg === listeningMessage).at(-1);
  return typeof line?.url === 'string' ? line.url : undefined;
}

function requireServerUrl(h: BotHarness): string {
  const url = serverUrl(h.logs);
  if (!url) throw new Error('the bot logged no metrics server address');
  return url;
}

/** One sample of the Prometheus text: `name{a="x",b="y"}` must carry every label given (others may follow). */
function sampleValue(text: string, name: string, labels: Record<string, string> = {}): number | undefined {
  for (const line of text.split('\n')) {
    if (line.startsWith('#') || !line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const present = new Map([...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((pair) => [pair[1], pair[2]]));
    if (Object.entries(labels).every(([key, value]) => present.get(key) === value)) return Number(match[3]);
  }
  return undefined;
}

async function readMetrics(url: string): Promise<string> {
  const response = await fetch(`${url}/metrics`);
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/plain');
  return response.text();
}

async function readiness(url: string): Promise<{ status: number; body: { ready: boolean; checks: Record<string, string> } }> {
  const response = await fetch(`${url}/readyz`);
  return { status: response.status, body: (await response.json()) as { ready: boolean; checks: Record<string, string> } };
}

describe('metrics and health endpoints of the running bot', () => {
  it('a slash command, a quiz post and answer clicks move the interaction, answer, post and REST counters; /readyz and /healthz answer 200', async () => {
    harness = await startBotHarness({ metrics: true });
    const { emulator } = harness;
    const url = requireServerUrl(harness);
    const docker = emulator.channels.docker;
    // Discord asks the bot to slow down once on the post: discord.js waits 0.2 s and sends it again.
    emulator.injectFault({ method: 'POST', path: `/channels/${docker.id}/messages`, status: 429, retryAfterSeconds: 0.2 });

    const before = await readMetrics(url);
    await replyTo(emulator.slash('/explain', { concept: 'container' }, emulator.member('alice')));
    await emulator.autocomplete('/explain', { concept: '컨테' }, 'concept', emulator.member('bob')).choices();
    await replyTo(emulator.slash('/concepts', { note: 'no-such-note' }, emulator.member('bob')));
    await emulator.slash('/quiz-admin now', { channel: docker }, emulator.admin).waitForOriginal();
    const post = await emulator.waitForMessage(docker, isQuestionPost);
    const question = await harness.bot.store.getQuestion(questionIdOf(post));
    if (!question) throw new Error('the posted question is not stored');
    await replyTo(emulator.click(post, answerButtonId(post, question.answer), emulator.member('alice')));
    await replyTo(emulator.click(post, answerButtonId(post, 0), emulator.member('alice')));
    const after = await readMetrics(url);
    const ready = await readiness(url);
    const alive = await fetch(`${url}/healthz`);

    expect(sampleValue(before, 'concept_bot_interactions_total', { type: 'command', command: 'explain' })).toBeUndefined();
    expect(sampleValue(before, 'concept_bot_answers_total', { outcome: 'recorded' })).toBe(0);
    expect(sampleValue(after, 'concept_bot_interactions_total', { type: 'command', command: 'explain', outcome: 'ok' })).toBe(1);
    expect(sampleValue(after, 'concept_bot_interactions_total', { type: 'command', command: 'quiz-admin', outcome: 'ok' })).toBe(1);
    expect(sampleValue(after, 'concept_bot_interactions_total', { type: 'autocomplete', command: 'explain', outcome: 'ok' })).toBe(1);
    expect(sampleValue(after, 'concept_bot_interactions_total', { type: 'command', command: 'concepts', outcome: 'user-error' })).toBe(1);
    expect(sampleValue(after, 'concept_bot_interactions_total', { type: 'button', command: 'quiz', outcome: 'ok' })).toBe(2);
    expect(sampleValue(after, 'concept_bot_interaction_reply_seconds_count', { type: 'command', command: 'explain' })).toBe(1);
    expect(sampleValue(after, 'concept_bot_interaction_reply_seconds_count', { type: 'button', command: 'quiz' })).toBe(2);
    expect(sampleValue(after, 'concept_bot_question_posts_total', { outcome: 'posted' })).toBe(1);
    expect(sampleValue(after, 'concept_bot_answers_total', { outcome: 'recorded' })).toBe(1);
    expect(sampleValue(after, 'concept_bot_answers_total', { outcome: 'duplicate' })).toBe(1);
    expect(sampleValue(after, 'concept_bot_discord_rate_limits_total', { scope: 'user' })).toBe(1);
    expect(sampleValue(after, 'concept_bot_discord_rest_responses_total', { method: 'POST', code: '429' })).toBe(1);
    const callbacksBefore = sampleValue(before, 'concept_bot_discord_rest_responses_total', { method: 'POST', code: '200' }) ?? 0;
    expect(sampleValue(after, 'concept_bot_discord_rest_responses_total', { method: 'POST', code: '200' })).toBeGreaterThan(callbacksBefore);
    expect(sampleValue(after, 'concept_bot_store_call_seconds_count', { method: 'recordAnswer' })).toBe(2);
    expect(sampleValue(after, 'concept_bot_gateway_shard_ready', { shard: '0' })).toBe(1);
    expect(sampleValue(after, 'nodejs_eventloop_lag_p99_seconds')).toBeGreaterThanOrEqual(0);
    expect(after).not.toContain(emulator.member('alice').id);
    expect(after).not.toContain(emulator.guild.id);
    expect(ready).toEqual({ status: 200, body: { ready: true, checks: { gateway: 'ok', database: 'ok' } } });
    expect(alive.status).toBe(200);
  });

  it('/readyz answers 503 naming the gateway while the bot is still connecting, and 200 once it is ready', async () => {
    harness = await startBotHarness({ metrics: true });
    const { emulator } = harness;
    await harness.stopBot();
    const firstUrl = requireServerUrl(harness);
    // Discord leaves the gateway address unanswered: the client gives up after its REST timeout and asks again.
    const held = emulator.injectFault({ method: 'GET', path: '/gateway/bot', hang: true });

    const starting = harness.startBot();
    const url = await eventually(() => serverUrl(harness?.logs ?? []) !== firstUrl && serverUrl(harness?.logs ?? []), {
      description: 'the new instance to serve its endpoints',
    });
    await eventually(() => held.hits > 0, { description: 'the client to ask for the gateway' });
    const connecting = await readiness(url);
    await starting;
    const connected = await readiness(url);

    expect(connecting).toEqual({ status: 503, body: { ready: false, checks: { gateway: 'not connected yet', database: 'ok' } } });
    expect(connected.status).toBe(200);
  });

  it('/readyz answers 503 naming the shard when the gateway is lost for good, and the shard gauge drops to 0', async () => {
    harness = await startBotHarness({ metrics: true });
    const { emulator } = harness;
    const url = requireServerUrl(harness);

    emulator.closeGateway(4004, 'Authentication failed.');
    await eventually(() => harness?.logs.some((line) => line.msg.startsWith('gateway lost for good')), { description: 'the gateway to be lost' });
    const lost = await readiness(url);
    const metrics = await readMetrics(url);
    const alive = await fetch(`${url}/healthz`);

    expect(lost.status).toBe(503);
    expect(lost.body.checks).toEqual({ gateway: expect.stringMatching(/^shard 0 /), database: 'ok' });
    expect(sampleValue(metrics, 'concept_bot_gateway_shard_ready', { shard: '0' })).toBe(0);
    expect(alive.status).toBe(200);
  });

  it('/readyz answers 503 naming the database once the store is closed', async () => {
    harness = await startBotHarness({ metrics: true });
    const url = requireServerUrl(harness);

    await harness.bot.store.close();
    const closed = await readiness(url);

    expect(closed.status).toBe(503);
    expect(closed.body.checks).toEqual({ gateway: 'ok', database: expect.stringContaining('not open') });
  });

  it('stopping the bot stops its server', async () => {
    harness = await startBotHarness({ metrics: true });
    const url = requireServerUrl(harness);

    await harness.stopBot();

    await expect(fetch(`${url}/healthz`)).rejects.toThrow();
  });

  it('a METRICS_PORT another server holds stops the start-up with an error naming it, before the bot logs in', async () => {
    const emulator = await startDiscordEmulator();
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-e2e-'));
    const holder = http.createServer();
    await new Promise<void>((resolve) => holder.listen(0, '127.0.0.1', resolve));
    const { port } = holder.address() as AddressInfo;
    try {
      const config = loadConfig({
        DISCORD_TOKEN: testToken,
        DISCORD_API_URL: emulator.apiUrl,
        DATABASE_PATH: path.join(directory, 'quiz.sqlite'),
        METRICS_PORT: String(port),
        METRICS_HOST: '127.0.0.1',
      });

      const failure = await startBot(config, { commands, logger: silentLogger, clientOptions: testClientOptions }).then(
        () => new Error('the bot started'),
        (error: unknown) => error,
      );

      expect(failure).toBeInstanceOf(ConfigError);
      expect(explainStartupFailure(failure, config)).toContain(`METRICS_HOST=127.0.0.1 METRICS_PORT=${port}`);
      expect(explainStartupFailure(failure, config)).toContain('EADDRINUSE');
      expect(emulator.gatewaySessions()).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => holder.close(() => resolve()));
      await emulator.close();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });
});
