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
      noteReadLimits: { maxFileBytes: 2 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024 },
      databasePath: './var/concept-bot.sqlite',
      databaseUrl: undefined,
      shards: { count: undefined, ids: undefined },
      metrics: undefined,
      defaultTimezone: 'Asia/Seoul',
      closeAfterMinutes: undefined,
      graceMinutes: 30,
      logLevel: 'info',
    });
  });

  it('treats a variable left blank in .env as not set, so its default applies', () => {
    const config = loadConfig({ DOCS_DIR: '', DATABASE_PATH: '  ', QUIZ_GRACE_MINUTES: '', DEFAULT_TIMEZONE: '', DISCORD_GUILD_ID: '' });

    expect(config).toMatchObject({
      docsDir: 'data/docs',
      databasePath: './var/concept-bot.sqlite',
      graceMinutes: 30,
      defaultTimezone: 'Asia/Seoul',
      guildId: undefined,
    });
  });

  it('reads every variable that is set', () => {
    const config = loadConfig({
      DISCORD_TOKEN: 'token',
      DISCORD_GUILD_ID: '123456789012345678',
      DISCORD_API_URL: 'http://127.0.0.1:8080/api',
      DOCS_DIR: 'notes',
      DOCS_MAX_FILE_MB: '0.5',
      DOCS_MAX_TOTAL_MB: '100',
      DATABASE_PATH: '/data/bot.sqlite',
      DATABASE_URL: 'postgres://bot:secret@db:5432/concept_bot',
      SHARD_COUNT: '4',
      SHARD_IDS: '2, 3',
      METRICS_PORT: '9464',
      METRICS_HOST: '127.0.0.1',
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
      noteReadLimits: { maxFileBytes: 512 * 1024, maxTotalBytes: 100 * 1024 * 1024 },
      databasePath: '/data/bot.sqlite',
      databaseUrl: 'postgres://bot:secret@db:5432/concept_bot',
      shards: { count: 4, ids: [2, 3] },
      metrics: { port: 9464, host: '127.0.0.1' },
      defaultTimezone: 'Europe/Berlin',
      closeAfterMinutes: 90,
      graceMinutes: 5,
      logLevel: 'debug',
    });
  });

  it('names every wrong variable in one error', () => {
    const load = () =>
      loadConfig({
        DISCORD_GUILD_ID: 'my-server',
        DEFAULT_TIMEZONE: 'Seoul',
        QUIZ_CLOSE_AFTER_MINUTES: 'soon',
        QUIZ_GRACE_MINUTES: '-1',
        LOG_LEVEL: 'loud',
      });

    expect(load).toThrow(ConfigError);
    expect(load).toThrow(/DISCORD_GUILD_ID[\s\S]*DEFAULT_TIMEZONE[\s\S]*QUIZ_CLOSE_AFTER_MINUTES[\s\S]*QUIZ_GRACE_MINUTES[\s\S]*LOG_LEVEL/);
  });

  it('names a DISCORD_API_URL that is not an http(s) URL, and note limits that are not sizes', () => {
    for (const url of ['localhost:8080/api', 'ftp://example.com/api', 'javascript:alert(1)', 'http://[::1', 'http//127.0.0.1']) {
      expect(() => loadConfig({ DISCORD_API_URL: url }), url).toThrow(
        /^Invalid configuration \(see \.env\.example\):\n- DISCORD_API_URL: must be an http\(s\) URL/,
      );
    }
    expect(() => loadConfig({ DOCS_MAX_FILE_MB: 'big', DOCS_MAX_TOTAL_MB: '0' })).toThrow(
      /DOCS_MAX_FILE_MB: must be a number[\s\S]*DOCS_MAX_TOTAL_MB: must be more than 0/,
    );
  });

  it('names a DISCORD_TOKEN with a line break or space inside, without repeating the token', () => {
    for (const token of ['MTIz.abc\ndef', 'MTIz.abc def', 'MTIz.abc\r\ndef', 'MTIz\u0000abc']) {
      const load = () => loadConfig({ DISCORD_TOKEN: token });

      expect(load).toThrow(ConfigError);
      expect(load).toThrow(
        /^Invalid configuration \(see \.env\.example\):\n- DISCORD_TOKEN: contains a line break, space or other character no token has/,
      );
      expect(load).not.toThrow(/abc|def/);
    }
    expect(loadConfig({ DISCORD_TOKEN: '  MTIz.abc-def_ghi\n' }).discordToken).toBe('MTIz.abc-def_ghi');
  });

  it('the bot explains where to get a token and that the CLI works without one', () => {
    expect(() => requireToken(loadConfig({}))).toThrow(/discord\.com\/developers\/applications[\s\S]*npm run cli/);
    expect(requireToken(loadConfig({ DISCORD_TOKEN: 'abc' }))).toBe('abc');
  });

  it('names a DATABASE_URL that is not a PostgreSQL URL without repeating it (it may hold a password)', () => {
    for (const url of ['mysql://u:hunter2@db/x', 'hunter2', 'postgres//db']) {
      const load = () => loadConfig({ DATABASE_URL: url });

      expect(load, url).toThrow(/- DATABASE_URL: must be a PostgreSQL URL such as postgres:\/\//);
      expect(load, url).not.toThrow(/hunter2/);
    }
    expect(loadConfig({ DATABASE_URL: 'postgresql://localhost/bot' }).databaseUrl).toBe('postgresql://localhost/bot');
  });

  it('reads SHARD_COUNT as auto or a number, and refuses shard ids without a fixed total or beyond it', () => {
    expect(loadConfig({ SHARD_COUNT: 'auto' }).shards).toEqual({ count: 'auto', ids: undefined });
    expect(() => loadConfig({ SHARD_COUNT: 'two' })).toThrow(/- SHARD_COUNT: must be 'auto' or a whole number/);
    expect(() => loadConfig({ SHARD_COUNT: '0' })).toThrow(/- SHARD_COUNT: must be at least 1/);
    expect(() => loadConfig({ SHARD_IDS: '0,1' })).toThrow(/- SHARD_IDS: needs SHARD_COUNT set to a number/);
    expect(() => loadConfig({ SHARD_COUNT: 'auto', SHARD_IDS: '0' })).toThrow(/- SHARD_IDS: needs SHARD_COUNT set to a number/);
    expect(() => loadConfig({ SHARD_COUNT: '2', SHARD_IDS: '1,2' })).toThrow(/- SHARD_IDS: shard 2 does not exist with SHARD_COUNT=2/);
    expect(() => loadConfig({ SHARD_COUNT: '2', SHARD_IDS: '1,1' })).toThrow(/- SHARD_IDS: names a shard twice/);
    expect(() => loadConfig({ SHARD_COUNT: '2', SHARD_IDS: 'one' })).toThrow(/- SHARD_IDS: must be shard numbers separated by commas/);
  });

  it('serves metrics only when METRICS_PORT is set, and names a port that is not one', () => {
    expect(loadConfig({ METRICS_PORT: '9464' }).metrics).toEqual({ port: 9464, host: '0.0.0.0' });
    expect(() => loadConfig({ METRICS_PORT: '70000' })).toThrow(/- METRICS_PORT: must be a port between 1 and 65535/);
    expect(() => loadConfig({ METRICS_PORT: 'x' })).toThrow(/- METRICS_PORT: must be a TCP port number/);
  });
});
