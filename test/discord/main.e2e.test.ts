// `npm start` as an operator runs it: a real process, its exit code and output, against the local emulator.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger.js';
import { type DiscordEmulator, startDiscordEmulator } from '../emulator/index.js';
import { startScript, waitForOutput, type ScriptProcess } from '../e2e/script-process.js';

const secretToken = 'emulator-secret-token-do-not-log';
/** A stack trace line, in plain text or inside a JSON log line. */
const stackTrace = /(\n|\\n)\s+at /;

function logLines(started: ScriptProcess): { level: number; msg: string; [key: string]: unknown }[] {
  return started
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { level: number; msg: string });
}

let emulator: DiscordEmulator | undefined;
let running: ScriptProcess | undefined;
let tempDir: string | undefined;

afterEach(async () => {
  if (running && running.child.exitCode === null) {
    running.child.kill('SIGKILL');
    await running.exited;
  }
  await emulator?.close();
  if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  emulator = undefined;
  running = undefined;
  tempDir = undefined;
});

/** `npm start` against the emulator with a fresh database in a temp dir. */
function startMain(overrides: Record<string, string> = {}): ScriptProcess {
  if (!emulator) throw new Error('start the emulator first');
  tempDir = mkdtempSync(path.join(os.tmpdir(), 'concept-bot-main-e2e-'));
  running = startScript('src/main.ts', {
    DISCORD_TOKEN: secretToken,
    DISCORD_API_URL: emulator.apiUrl,
    DISCORD_GUILD_ID: emulator.guild.id,
    DATABASE_PATH: path.join(tempDir, 'var', 'bot.sqlite'),
    DOCS_DIR: 'test/fixtures/team-note',
    LOG_LEVEL: 'debug',
    ...overrides,
  });
  return running;
}

describe('npm start', () => {
  it('without DISCORD_TOKEN, explains where to get one and exits 1 without a stack trace', async () => {
    running = startScript('src/main.ts', { DISCORD_TOKEN: '' });

    const code = await running.exited;

    expect(code).toBe(1);
    expect(running.output()).toContain('DISCORD_TOKEN is not set.');
    expect(running.output()).toContain('https://discord.com/developers/applications');
    expect(running.output()).toContain('npm run cli -- explain container');
    expect(running.output()).not.toMatch(stackTrace);
  });

  it('logs in, registers the commands, and on SIGTERM stops cleanly with exit 0, never logging the token', async () => {
    emulator = await startDiscordEmulator();
    const main = startMain();
    await waitForOutput(main, '"msg":"bot ready"');
    expect(emulator.registeredCommands({ guildId: emulator.guild.id }).map((command) => command.name)).toContain('explain');

    main.child.kill('SIGTERM');
    const code = await main.exited;

    expect(code).toBe(0);
    expect(main.output()).toContain('"msg":"bot stopped"');
    expect(main.output()).not.toContain(secretToken);
  });

  it('when Discord answers 401 to the token, says so in one line and exits 1, without a stack trace or the token', async () => {
    emulator = await startDiscordEmulator({ token: 'the-token-discord-knows' });
    const main = startMain();

    const code = await main.exited;

    expect(code).toBe(1);
    expect(logLines(main).at(-1)).toMatchObject({ level: 60, msg: expect.stringContaining('Discord refused DISCORD_TOKEN (401 Unauthorized)') });
    expect(main.output()).not.toMatch(stackTrace);
    expect(main.output()).not.toContain(secretToken);
  });

  it('when the gateway refuses the token with close 4004 at login, says so and exits 1', async () => {
    emulator = await startDiscordEmulator();
    emulator.rejectIdentify(4004);
    const main = startMain();

    const code = await main.exited;

    expect(code).toBe(1);
    expect(logLines(main).at(-1)).toMatchObject({ level: 60, msg: expect.stringContaining('close 4004') });
    expect(main.output()).not.toMatch(stackTrace);
  });

  it('when the gateway closes with 4004 after start-up (a reset token), stops cleanly and exits 1 instead of staying deaf', async () => {
    emulator = await startDiscordEmulator();
    const main = startMain();
    await waitForOutput(main, '"msg":"bot ready"');

    emulator.closeGateway(4004, 'Authentication failed.');
    const code = await main.exited;

    expect(code).toBe(1);
    const messages = logLines(main).map((line) => line.msg);
    expect(messages).toContainEqual(expect.stringContaining('gateway lost for good: Discord refused DISCORD_TOKEN on the gateway (close 4004)'));
    expect(messages.at(-1)).toBe('bot stopped');
  });

  it('when DATABASE_PATH cannot be created, names the path and exits 1 at once', async () => {
    emulator = await startDiscordEmulator();
    const main = startMain({ DATABASE_PATH: '/proc/concept-bot/bot.sqlite' });

    const code = await main.exited;

    expect(code).toBe(1);
    expect(logLines(main).at(-1)).toMatchObject({ level: 60, msg: expect.stringContaining('DATABASE_PATH=/proc/concept-bot/bot.sqlite') });
    expect(main.output()).not.toMatch(stackTrace);
    expect(emulator.requests).toEqual([]);
  });

  it('a SIGTERM during start-up lets the start finish, then stops cleanly with exit 0', async () => {
    emulator = await startDiscordEmulator();
    // Discord is slow to answer the login: the signal arrives while the bot is still starting.
    emulator.injectFault({ method: 'GET', path: '/gateway/bot', delayMs: 1_000 });
    const main = startMain();
    await emulator.waitFor(() => emulator?.requests.some((request) => request.path === '/gateway/bot'), {
      timeoutMs: 15_000,
      description: 'the login',
    });

    main.child.kill('SIGTERM');
    const code = await main.exited;

    expect(code).toBe(0);
    const messages = logLines(main).map((line) => line.msg);
    expect(messages.indexOf('shutting down')).toBeLessThan(messages.indexOf('bot ready'));
    expect(messages.at(-1)).toBe('bot stopped');
  });
});

describe('failures nobody caught', () => {
  it('a rejection nobody awaited is logged and the process keeps running; an uncaught exception is logged and exits 1', async () => {
    running = startScript('test/e2e/fixtures/uncaught-failures.ts', {});

    const code = await running.exited;

    expect(code).toBe(1);
    expect(logLines(running).map(({ level, msg, err }) => ({ level, msg, error: (err as { message?: string } | undefined)?.message }))).toEqual([
      { level: 50, msg: 'unhandled promise rejection (kept running)', error: 'a rejection nobody awaited' },
      { level: 30, msg: 'still running after the rejection', error: undefined },
      { level: 60, msg: 'uncaught exception: exiting', error: 'thrown from a timer' },
    ]);
  });
});

describe("npm start's log", () => {
  it('never carries the token, wherever it hides: a config object, a header, a message, an error', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { secrets: [secretToken], destination: { write: (line: string) => void lines.push(line) } });

    logger.info({ config: { discordToken: secretToken }, headers: { authorization: `Bot ${secretToken}` } }, 'configured');
    logger.warn({ detail: `gateway said: bad token ${secretToken}` }, `retrying with ${secretToken}`);
    logger.error({ err: new Error(`401 for token ${secretToken}`) }, 'login failed');

    expect(lines).toHaveLength(3);
    expect(lines.join('')).not.toContain(secretToken);
    expect(lines.join('')).toContain('[redacted]');
  });
});
