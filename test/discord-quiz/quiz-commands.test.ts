import { DiscordAPIError, HTTPError, PermissionFlagsBits } from 'discord.js';
import { describe, expect, it } from 'vitest';
import leaderboard from '../../commands/leaderboard.js';
import quizAdmin from '../../commands/quiz-admin.js';
import quiz from '../../commands/quiz.js';
import { toChannelUnavailable } from '../../src/discord/discord-quiz-gateway.js';
import { ChannelUnavailableError } from '../../src/quiz/ports.js';

interface OptionJson {
  name: string;
  description: string;
  name_localizations?: Record<string, string> | null;
  description_localizations?: Record<string, string> | null;
  choices?: { name: string; value: string | number; name_localizations?: Record<string, string> }[];
  options?: OptionJson[];
}

function everyOption(options: readonly OptionJson[] = []): OptionJson[] {
  return options.flatMap((option) => [option, ...everyOption(option.options)]);
}

describe('the quiz command definitions', () => {
  it('hide /quiz-admin from members without Manage Server and offer it in servers only', () => {
    const json = quizAdmin.data.toJSON();

    expect(json.default_member_permissions).toBe(String(PermissionFlagsBits.ManageGuild));
    expect(json.contexts).toEqual([0]);
    expect((json.options as OptionJson[]).map((option) => option.name)).toEqual([
      'schedule',
      'unschedule',
      'list',
      'now',
      'reveal',
      'report',
      'report-off',
    ]);
  });

  it('describe every command, subcommand and choice in Korean too, within Discord length limits', () => {
    for (const command of [quiz, quizAdmin, leaderboard]) {
      const json = command.data.toJSON();
      expect(json.description_localizations?.ko, json.name).toBeTruthy();
      for (const option of everyOption(json.options as OptionJson[])) {
        expect(option.description_localizations?.ko, `${json.name} ${option.name}`).toBeTruthy();
        expect(option.description.length).toBeLessThanOrEqual(100);
        expect(option.description_localizations?.ko?.length ?? 0).toBeLessThanOrEqual(100);
        for (const choice of option.choices ?? []) expect(choice.name_localizations?.ko, choice.name).toBeTruthy();
      }
    }
  });

  it('offer the leaderboard periods week, month and all as choices', () => {
    const [period] = leaderboard.data.toJSON().options as OptionJson[];

    expect(period?.choices?.map((choice) => choice.value)).toEqual(['week', 'month', 'all']);
  });
});

describe('what Discord answers about a quiz channel', () => {
  const failure = (code: number, status: number) =>
    new DiscordAPIError({ code, message: 'x' }, code, status, 'POST', 'http://127.0.0.1/api/v10/channels/1/messages', { body: undefined });

  it('turns 403 Missing Permissions and Missing Access into a paused channel, naming what is missing', () => {
    const missing = toChannelUnavailable(failure(50013, 403), ['Send Messages', 'Embed Links']);
    const access = toChannelUnavailable(failure(50001, 403));

    expect(missing).toBeInstanceOf(ChannelUnavailableError);
    expect(missing).toMatchObject({ problem: 'missing-permissions', message: 'Missing Permissions: Send Messages, Embed Links' });
    expect(access).toMatchObject({ problem: 'missing-permissions' });
  });

  it('turns 404 Unknown Channel and Unknown Message into their problems', () => {
    expect(toChannelUnavailable(failure(10003, 404))).toMatchObject({ problem: 'unknown-channel' });
    expect(toChannelUnavailable(failure(10008, 404))).toMatchObject({ problem: 'unknown-message' });
  });

  it('leaves other failures as they are, so the runner retries them later', () => {
    const rateLimited = failure(0, 400);
    const serverError = new HTTPError(503, 'Service Unavailable', 'POST', 'http://127.0.0.1/api/v10/channels/1/messages', { body: undefined });

    expect(toChannelUnavailable(rateLimited)).toBe(rateLimited);
    expect(toChannelUnavailable(serverError)).toBe(serverError);
  });
});
