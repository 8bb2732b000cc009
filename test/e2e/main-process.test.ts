// `npm start` as an operator runs it: the real entry point in a child process against the emulator. Ctrl-C, a
// wrong notes folder, someone else's database: each ends the way the README says, with the exit code it names.
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { createSignalJudge, repeatedSignalWindowMs } from '../../src/stop-signals.js';
import { type DiscordEmulator, startDiscordEmulator } from '../emulator/index.js';
import { testToken } from './bot-harness.js';

const repositoryRoot = path.resolve(import.meta.dirname, '../..');
const fixtureNotes = path.join(repositoryRoot, 'test/fixtures/notes');

interface BotProcess {
  child: ChildProcess;
  /** Everything the process wrote, stdout and stderr. */
  output(): string;
  /** Resolves once `text` appears in the output. */
  waitForOutput(text: string, timeoutMs?: number): Promise<void>;
  exited: Promise<number | null>;
}

let emulator: DiscordEmulator | undefined;
const directories: string[] = [];
const children: ChildProcess[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await emulator?.close();
  emulator = undefined;
  for (const directory of directories.splice(0)) fs.rmSync(directory, { recursive: true, force: true });
});

function makeDirectory(): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-main-'));
  directories.push(directory);
  return directory;
}

/**
 * `node --import tsx src/main.ts`, as `npm start` execs it, with only the variables given: it runs in an empty
 * directory, so no `.env` of the working tree is read.
 */
function startMain(environment: Record<string, string>): BotProcess {
  const child = spawn(process.execPath, ['--import', import.meta.resolve('tsx'), path.join(repositoryRoot, 'src/main.ts')], {
    cwd: makeDirectory(),
    env: { PATH: process.env.PATH ?? '', LOG_LEVEL: 'debug', ...environment },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  const listeners = new Set<() => void>();
  const collect = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    for (const listener of listeners) listener();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    exited,
    waitForOutput: (text, timeoutMs = 60_000) =>
      new Promise((resolve, reject) => {
        const check = () => {
          if (!output.includes(text)) return;
          listeners.delete(check);
          clearTimeout(timer);
          resolve();
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`"${text}" never appeared; output:\n${output}`));
        }, timeoutMs);
        listeners.add(check);
        void exited.then(() =>
          setTimeout(() => {
            if (!output.includes(text)) {
              clearTimeout(timer);
              listeners.delete(check);
              reject(new Error(`the bot exited before "${text}"; output:\n${output}`));
            }
          }, 50),
        );
        check();
      }),
  };
}

async function botEnvironment(overrides: Record<string, string> = {}): Promise<Record<string, string>> {
  emulator ??= await startDiscordEmulator();
  return {
    DISCORD_TOKEN: testToken,
    DISCORD_API_URL: emulator.apiUrl,
    DISCORD_GUILD_ID: emulator.guild.id,
    DOCS_DIR: fixtureNotes,
    DATABASE_PATH: path.join(makeDirectory(), 'quiz.sqlite'),
    ...overrides,
  };
}

describe('stop signals', () => {
  it('take the same signal twice within a moment as one request; a later or a different one forces the exit', () => {
    let now = 0;
    const judge = createSignalJudge(() => now);

    expect(judge('SIGINT')).toBe('stop');
    now += 5;
    expect(judge('SIGINT')).toBe('repeat');
    now += repeatedSignalWindowMs;
    expect(judge('SIGINT')).toBe('force');

    const other = createSignalJudge(() => 0);
    expect(other('SIGINT')).toBe('stop');
    expect(other('SIGTERM')).toBe('force');
  });
});

describe('npm start in a child process', () => {
  it('Ctrl-C delivered twice at once (terminal and npm) stops cleanly with exit 0', async () => {
    const bot = startMain(await botEnvironment());
    await bot.waitForOutput('"msg":"bot ready"');

    // Two deliveries, not one the kernel merged: the second is sent once the first has been handled.
    bot.child.kill('SIGINT');
    await bot.waitForOutput('"msg":"shutting down"');
    bot.child.kill('SIGINT');

    expect(await bot.exited).toBe(0);
    expect(bot.output()).toContain('"msg":"shutting down"');
    expect(bot.output()).toContain('"msg":"bot stopped"');
    expect(bot.output()).not.toContain('second signal');
    expect(bot.output()).toContain('the same signal again at once');
  }, 90_000);

  it('when DOCS_DIR is missing, exits 1 naming DOCS_DIR and never logs in', async () => {
    const missing = path.join(makeDirectory(), 'no-notes');
    const bot = startMain(await botEnvironment({ DOCS_DIR: missing }));

    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain(`DOCS_DIR=${missing}: ${missing} does not exist`);
    expect(emulator?.gatewaySessions()).toEqual([]);
  }, 90_000);

  it("when DATABASE_PATH holds another application's tables, exits 1 naming DATABASE_PATH and leaves the file as it was", async () => {
    const databasePath = path.join(makeDirectory(), 'other-app.sqlite');
    const other = new Database(databasePath);
    other.exec('CREATE TABLE invoices (id INTEGER PRIMARY KEY, total INTEGER)');
    other.close();
    const before = fs.readFileSync(databasePath);
    const bot = startMain(await botEnvironment({ DATABASE_PATH: databasePath }));

    expect(await bot.exited).toBe(1);
    expect(bot.output()).toContain(`DATABASE_PATH=${databasePath}: the file holds tables of another application (invoices)`);
    expect(fs.readFileSync(databasePath).equals(before)).toBe(true);
  }, 90_000);

  it('when DISCORD_API_URL is not a URL or the token holds a line break, exits 1 naming each in one message', async () => {
    const bot = startMain(await botEnvironment({ DISCORD_API_URL: 'localhost:8080/api', DISCORD_TOKEN: 'first-line\nsecond-line' }));

    expect(await bot.exited).toBe(1);
    expect(bot.output()).toMatch(
      /^Invalid configuration \(see \.env\.example\):\n- DISCORD_TOKEN: contains a line break[^\n]*\n- DISCORD_API_URL: must be an http\(s\) URL[^\n]*\n$/,
    );
  }, 90_000);
});
