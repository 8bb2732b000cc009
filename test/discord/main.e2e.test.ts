// `npm start` as an operator runs it: a real process, its exit code and output, against the local emulator.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { type DiscordEmulator, startDiscordEmulator } from '../emulator/index.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const secretToken = 'emulator-secret-token-do-not-log';

interface Started {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

/** The bot process with only the variables given (plus PATH), so a developer's own .env or shell cannot leak in. */
function startMain(environment: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? '', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function waitForOutput(started: Started, text: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!started.output().includes(text)) {
    if (Date.now() > deadline || started.child.exitCode !== null) throw new Error(`"${text}" never appeared; output so far:\n${started.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

let emulator: DiscordEmulator | undefined;
let running: Started | undefined;
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

describe('npm start', () => {
  it('without DISCORD_TOKEN, explains where to get one and exits 1 without a stack trace', async () => {
    running = startMain({ DISCORD_TOKEN: '' });

    const code = await running.exited;

    expect(code).toBe(1);
    expect(running.output()).toContain('DISCORD_TOKEN is not set.');
    expect(running.output()).toContain('https://discord.com/developers/applications');
    expect(running.output()).toContain('npm run cli -- explain container');
    expect(running.output()).not.toMatch(/\n\s+at /);
  });

  it('logs in, registers the commands, and on SIGTERM stops cleanly with exit 0, never logging the token', async () => {
    emulator = await startDiscordEmulator();
    tempDir = mkdtempSync(path.join(os.tmpdir(), 'concept-bot-main-e2e-'));
    running = startMain({
      DISCORD_TOKEN: secretToken,
      DISCORD_API_URL: emulator.apiUrl,
      DISCORD_GUILD_ID: emulator.guild.id,
      DATABASE_PATH: path.join(tempDir, 'var', 'bot.sqlite'),
      DOCS_DIR: 'data/docs',
      LOG_LEVEL: 'debug',
    });
    await waitForOutput(running, '"msg":"bot ready"');
    expect(emulator.registeredCommands({ guildId: emulator.guild.id }).map((command) => command.name)).toContain('explain');

    running.child.kill('SIGTERM');
    const code = await running.exited;

    expect(code).toBe(0);
    expect(running.output()).toContain('"msg":"bot stopped"');
    expect(running.output()).not.toContain(secretToken);
  });
});
