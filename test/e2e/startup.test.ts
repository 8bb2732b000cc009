// Start-up as Discord sees it: login, exactly the bot's commands registered with Korean localizations, ready.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { APIApplicationCommand, APIApplicationCommandOption } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { ConfigError, loadConfig } from '../../src/config.js';
import { explainStartupFailure, startBot } from '../../src/discord/start-bot.js';
import { silentLogger } from '../../src/logger.js';
import { startDiscordEmulator } from '../emulator/index.js';
import { replyTo, startBotHarness, testClientOptions, testToken, type BotHarness } from './bot-harness.js';

const botCommands = ['concepts', 'explain', 'leaderboard', 'quiz', 'quiz-admin'];

let harness: BotHarness | undefined;

function writeFile(file: string, text: string): string {
  fs.writeFileSync(file, text);
  return file;
}

function makeDirectory(directory: string): string {
  fs.mkdirSync(directory);
  return directory;
}

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

/** Every option and subcommand below a command, depth first. */
function optionsOf(options: readonly APIApplicationCommandOption[] | undefined): APIApplicationCommandOption[] {
  return (options ?? []).flatMap((option) => [option, ...optionsOf('options' in option ? option.options : undefined)]);
}

function findCommand(commands: readonly APIApplicationCommand[], name: string): APIApplicationCommand {
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) throw new Error(`/${name} is not registered: ${commands.map((candidate) => candidate.name).join(', ')}`);
  return command;
}

describe('start-up', () => {
  it('logs in, registers exactly its five commands for the guild with Korean names and descriptions, and is ready', async () => {
    harness = await startBotHarness();
    const { emulator, bot } = harness;

    const registered = emulator.registeredCommands({ guildId: emulator.guild.id });

    expect(bot.client.isReady()).toBe(true);
    expect(bot.client.user.id).toBe(emulator.bot.id);
    expect(emulator.requests[0]).toMatchObject({ method: 'GET', path: '/gateway/bot', status: 200 });
    expect(registered.map((command) => command.name).sort()).toEqual(botCommands);
    expect(emulator.registeredCommands('global')).toEqual([]);
    for (const command of registered) {
      expect(command.name_localizations?.ko, `/${command.name} Korean name`).toMatch(/\S/);
      expect(command.description_localizations?.ko, `/${command.name} Korean description`).toMatch(/\S/);
      for (const option of optionsOf(command.options)) {
        expect(option.description_localizations?.ko, `/${command.name} ${option.name}: Korean description`).toMatch(/\S/);
      }
    }
  });

  it('registers /quiz-admin for Manage Server only, and every other command for everyone', async () => {
    harness = await startBotHarness();
    const registered = harness.emulator.registeredCommands({ guildId: harness.emulator.guild.id });

    expect(findCommand(registered, 'quiz-admin').default_member_permissions).toBe('32');
    for (const name of botCommands.filter((candidate) => candidate !== 'quiz-admin')) {
      expect(findCommand(registered, name).default_member_permissions ?? null, `/${name}`).toBeNull();
    }
  });

  it('without DISCORD_GUILD_ID registers the same commands globally and answers a command right after ready', async () => {
    harness = await startBotHarness({ guildCommands: false });
    const { emulator } = harness;

    const reply = await replyTo(emulator.slash('/explain', { concept: 'container' }, emulator.member('alice')));

    expect(
      emulator
        .registeredCommands('global')
        .map((command) => command.name)
        .sort(),
    ).toEqual(botCommands);
    expect(emulator.registeredCommands({ guildId: emulator.guild.id })).toEqual([]);
    expect(reply.embeds[0]?.title).toContain('컨테이너');
  });

  it('starts from a hostile notes folder (loops, a FIFO, a link to /dev/zero, absurd nesting), warning about each, and answers', async () => {
    const docsDir = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-hostile-notes-'));
    try {
      fs.cpSync(path.resolve('test/fixtures/notes'), docsDir, { recursive: true });
      fs.symlinkSync('.', path.join(docsDir, 'loop'));
      fs.symlinkSync('.', path.join(docsDir, 'loop-again'));
      execFileSync('mkfifo', [path.join(docsDir, 'pipe.md')]);
      fs.symlinkSync('/dev/zero', path.join(docsDir, 'zero.md'));
      fs.writeFileSync(path.join(docsDir, 'deep.md'), `## 깊은 목록(Deep list)\n\n${'- '.repeat(20_000)}끝\n`);
      harness = await startBotHarness({ docsDir });

      const reply = await replyTo(harness.emulator.slash('/explain', { concept: 'container' }, harness.emulator.member('alice')));

      const warnedFiles = harness.logs.filter((line) => line.level === 40 && line.msg.startsWith('note problem')).map((line) => line.file);
      expect(warnedFiles.sort()).toEqual(['deep.md', 'loop', 'loop-again', 'pipe.md', 'zero.md']);
      expect(harness.logs).toContainEqual(
        expect.objectContaining({
          msg: 'knowledge base loaded',
          documents:
            fs.readdirSync(path.resolve('test/fixtures/notes'), { recursive: true }).filter((file) => String(file).endsWith('.md')).length + 1,
        }),
      );
      expect(reply.embeds[0]?.title).toContain('컨테이너');
    } finally {
      await harness?.close();
      harness = undefined;
      fs.rmSync(docsDir, { recursive: true, force: true });
    }
  });

  it.each([
    ['missing', (directory: string) => path.join(directory, 'no-such-folder'), /DOCS_DIR=.*no-such-folder: .* does not exist/],
    [
      'a file',
      (directory: string) => writeFile(path.join(directory, 'notes.md'), '## 도커(Docker)\n\n- 설명.\n'),
      /DOCS_DIR=.*notes\.md: .* is a file, not a directory/,
    ],
    ['an empty folder', (directory: string) => makeDirectory(path.join(directory, 'empty')), /DOCS_DIR=.*empty.* holds no readable \*\.md notes/],
  ])('when DOCS_DIR is %s, start-up fails naming DOCS_DIR before it logs in or creates the database', async (_case, docsDirIn, expected) => {
    const emulator = await startDiscordEmulator();
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-e2e-'));
    try {
      const databasePath = path.join(directory, 'quiz.sqlite');
      const config = loadConfig({
        DISCORD_TOKEN: testToken,
        DISCORD_API_URL: emulator.apiUrl,
        DOCS_DIR: docsDirIn(directory),
        DATABASE_PATH: databasePath,
      });

      const failure = await startBot(config, { logger: silentLogger, clientOptions: testClientOptions, commands }).then(
        () => new Error('the bot started'),
        (error: unknown) => error,
      );

      expect(failure).toBeInstanceOf(ConfigError);
      expect(explainStartupFailure(failure, config)).toMatch(expected);
      expect(emulator.gatewaySessions()).toEqual([]);
      expect(fs.existsSync(databasePath)).toBe(false);
    } finally {
      await emulator.close();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('when DISCORD_GUILD_ID names a server the bot is not in, start-up fails saying so and closes what it opened', async () => {
    const emulator = await startDiscordEmulator();
    const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'concept-bot-e2e-'));
    try {
      const config = loadConfig({
        DISCORD_TOKEN: testToken,
        DISCORD_API_URL: emulator.apiUrl,
        DISCORD_GUILD_ID: '100000000000000001',
        DATABASE_PATH: path.join(directory, 'quiz.sqlite'),
        LOG_LEVEL: 'silent',
      });

      const failure = await startBot(config, { commands, logger: silentLogger, clientOptions: testClientOptions }).then(
        () => new Error('the bot started'),
        (error: unknown) => error,
      );

      expect(explainStartupFailure(failure, config)).toContain('DISCORD_GUILD_ID=100000000000000001 (50001 Missing Access)');
      await emulator.waitFor(() => emulator.gatewaySessions().length === 0, { description: 'the client to disconnect' });
    } finally {
      await emulator.close();
      fs.rmSync(directory, { recursive: true, force: true });
    }
  });

  it('a second start on the same database registers the commands again without duplicating them', async () => {
    harness = await startBotHarness();
    const { emulator } = harness;
    const first = emulator
      .registeredCommands({ guildId: emulator.guild.id })
      .map((command) => command.id)
      .sort();

    await harness.restartBot();

    const puts = emulator.requests.filter((request) => request.method === 'PUT' && request.path.endsWith('/commands'));
    expect(puts).toHaveLength(2);
    expect(
      emulator
        .registeredCommands({ guildId: emulator.guild.id })
        .map((command) => command.name)
        .sort(),
    ).toEqual(botCommands);
    expect(
      emulator
        .registeredCommands({ guildId: emulator.guild.id })
        .map((command) => command.id)
        .sort(),
    ).toEqual(first);
  });
});
