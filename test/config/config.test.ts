import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, requireToken } from '../../src/config.js';

describe('configuration from the environment', () => {
  it('uses the documented defaults when nothing is set', () => {
    const config = loadConfig({});

    expect(config).toMatchObject({
      discordToken: undefined,
      guildId: undefined,
      apiUrl: undefined,
      docsDir: 'data/docs',
      databasePath: './var/concept-bot.sqlite',
      defaultTimezone: 'Asia/Seoul',
      closeAfterMinutes: undefined,
      graceMinutes: 30,
      logLevel: 'info',
    });
  });

  it('treats a variable left blank in .env as not set, so its default applies', () => {
    const config = loadConfig({ DOCS_DIR: '', DATABASE_PATH: '  ', QUIZ_GRACE_MINUTES: '', DEFAULT_TIMEZONE: '', DISCORD_GUILD_ID: '' });

    expect(config).toMatchObject({ docsDir: 'data/docs', databasePath: './var/concept-bot.sqlite', graceMinutes: 30, defaultTimezone: 'Asia/Seoul', guildId: undefined });
  });

  it('reads every variable that is set', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'token',
      DISCORD_GUILD_ID: '123456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      DOCS_DIR: 'notes',
      DATABASE_PATH: '/data/bot.sqlite',
      DEFAULT_TIMEZONE: 'Europe/Berlin',
      QUIZ_CLOSE_AFTER_MINUTES: '90',
      QUIZ_GRACE_MINUTES: '5',
      LOG_LEVEL: 'debug',
    });

    expect(config).toEqual({
      discordToken: 'token',
      guildId: '123456789012345678',
      apiUrl: 'http://127.0.0.1:8080/api',
      docsDir: 'notes',
      databasePath: '/data/bot.sqlite',
      defaultTimezone: 'Europe/Berlin',
      closeAfterMinutes: 90,
      graceMinutes: 5,
      logLevel: 'debug',
    });
  });

  it('names every wrong variable in one error', () => {
    const load = () => loadConfig({ DISCORD_GUILD_ID: 'my-server', DEFAULT_TIMEZONE: 'Seoul', QUIZ_CLOSE_AFTER_MINUTES: 'soon', QUIZ_GRACE_MINUTES: '-1', LOG_LEVEL: 'loud' });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/DISCORD_GUILD_ID[\s\S]*DEFAULT_TIMEZONE[\s\S]*QUIZ_CLOSE_AFTER_MINUTES[\s\S]*QUIZ_GRACE_MINUTES[\s\S]*LOG_LEVEL/);
  });

  it('the bot explains where to get a token and that the CLI works without one', () => {
    expect(() => requireToken(loadConfig({}))).toThrow(/discord\.com\/developers\/applications[\s\S]*npm run cli/);
    expect(requireToken(loadConfig({ DISCORD_TOKEN: 'abc' }))).toBe('abc');
  });
});
