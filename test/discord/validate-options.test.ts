// The bot's own check of slash command options, against the real definitions of commands/ (what registration
// sends to Discord). Payload options are written as discord.js hands them to the router.
import { ApplicationCommandOptionType as Type, ChannelType } from 'discord.js';
import type { APIApplicationCommandOption, CommandInteractionOption } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import { findOptionProblem } from '../../src/discord/validate-options.js';

const definitionOf = (name: string) => {
  const command = commands.find((candidate) => candidate.data.name === name);
  if (!command) throw new Error(`no command ${name}`);
  return command.data.toJSON();
};

const channelId = '220000000000000001';
const textChannel = { id: channelId, type: ChannelType.GuildText };

/** `/quiz-admin schedule` with `options` under the sub-command. */
function schedule(...options: Partial<CommandInteractionOption>[]): CommandInteractionOption[] {
  return [{ name: 'schedule', type: Type.Subcommand, options: options as CommandInteractionOption[] }];
}
const channelOption = (channel: unknown = textChannel) =>
  ({ name: 'channel', type: Type.Channel, value: channelId, channel }) as Partial<CommandInteractionOption>;

describe('findOptionProblem', () => {
  it('accepts what Discord sends for valid input', () => {
    expect(
      findOptionProblem(
        definitionOf('quiz-admin'),
        schedule(channelOption(), { name: 'close-after', type: Type.Integer, value: 90 }, { name: 'cron', type: Type.String, value: '0 9 * * 1-5' }),
      ),
    ).toBeNull();
    expect(findOptionProblem(definitionOf('explain'), [{ name: 'concept', type: Type.String, value: 'container' }])).toBeNull();
    expect(findOptionProblem(definitionOf('leaderboard'), [])).toBeNull();
    expect(findOptionProblem(definitionOf('quiz-admin'), [{ name: 'list', type: Type.Subcommand, options: [] }])).toBeNull();
  });

  it.each([
    ['close-after −1', schedule(channelOption(), { name: 'close-after', type: Type.Integer, value: -1 }), 'below the minimum 1'],
    ['close-after 0', schedule(channelOption(), { name: 'close-after', type: Type.Integer, value: 0 }), 'below the minimum 1'],
    [
      'close-after "abc"',
      schedule(channelOption(), { name: 'close-after', type: Type.Integer, value: 'abc' }),
      'expected an integer, got string "abc"',
    ],
    ['close-after 2^53', schedule(channelOption(), { name: 'close-after', type: Type.Integer, value: 2 ** 53 }), 'expected an integer'],
    ['close-after 10081', schedule(channelOption(), { name: 'close-after', type: Type.Integer, value: 10081 }), 'above the maximum 10080'],
    ['close-after 1.5', schedule(channelOption(), { name: 'close-after', type: Type.Integer, value: 1.5 }), 'expected an integer'],
    ['a missing channel', schedule(), 'required option "channel" is missing'],
    ['a channel not resolved in the payload', schedule(channelOption(null)), 'the channel is not in the payload'],
    ['a voice channel', schedule(channelOption({ id: channelId, type: ChannelType.GuildVoice })), 'channel type 2, allowed 0, 5'],
    ['a thread', schedule(channelOption({ id: channelId, type: ChannelType.PublicThread })), 'channel type 11'],
    [
      'a channel id that is no id',
      schedule({ name: 'channel', type: Type.Channel, value: '../../x', channel: textChannel } as Partial<CommandInteractionOption>),
      'expected an id',
    ],
    ['a 5,000-character cron', schedule(channelOption(), { name: 'cron', type: Type.String, value: '*'.repeat(5000) }), 'at most 100 allowed'],
    ['a cron given as a number', schedule(channelOption(), { name: 'cron', type: Type.String, value: 5 }), 'expected text'],
    ['a 65-character time zone', schedule(channelOption(), { name: 'timezone', type: Type.String, value: 'A'.repeat(65) }), 'at most 64 allowed'],
    ['an option of the wrong type', schedule(channelOption(), { name: 'cron', type: Type.Integer, value: 5 }), 'type 4 instead of 3'],
    ['an unknown option', schedule(channelOption(), { name: 'everyone', type: Type.Boolean, value: true }), 'unknown option "everyone"'],
    ['an option given twice', schedule(channelOption(), channelOption()), 'given twice'],
  ])('/quiz-admin schedule with %s is refused', (_case, options, problem) => {
    expect(findOptionProblem(definitionOf('quiz-admin'), options)).toContain(problem);
  });

  it('refuses a missing or unknown sub-command, a period outside the choices and an over-long query', () => {
    expect(findOptionProblem(definitionOf('quiz-admin'), [])).toContain('expected one sub-command');
    expect(findOptionProblem(definitionOf('quiz-admin'), [{ name: 'drop-tables', type: Type.Subcommand, options: [] }])).toContain(
      'no sub-command "drop-tables"',
    );
    expect(findOptionProblem(definitionOf('leaderboard'), [{ name: 'period', type: Type.String, value: 'forever' }])).toContain(
      'not one of the choices',
    );
    expect(findOptionProblem(definitionOf('explain'), [{ name: 'concept', type: Type.String, value: 'x'.repeat(101) }])).toContain(
      'at most 100 allowed',
    );
    expect(findOptionProblem(definitionOf('explain'), [])).toContain('required option "concept" is missing');
    expect(
      findOptionProblem(definitionOf('quiz'), [
        { name: 'stats', type: Type.Subcommand, options: [{ name: 'member', type: Type.User, value: '330000000000000003' }] },
      ]),
    ).toContain('the user is not in the payload');
  });

  it('every string option of every command declares a maximum length', () => {
    const unbounded: string[] = [];
    const visit = (command: string, options: readonly APIApplicationCommandOption[]) => {
      for (const option of options) {
        if (option.type === Type.Subcommand || option.type === Type.SubcommandGroup) visit(`${command} ${option.name}`, option.options ?? []);
        else if (option.type === Type.String && option.max_length === undefined && !option.choices?.length)
          unbounded.push(`${command} ${option.name}`);
      }
    };
    for (const command of commands) visit(`/${command.data.name}`, command.data.toJSON().options ?? []);

    expect(unbounded).toEqual([]);
  });
});
