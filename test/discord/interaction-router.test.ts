import type { Interaction } from 'discord.js';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { type BotContext, type Command, UserFacingError } from '../../src/discord/command.js';
import { createInteractionRouter, indexCommands } from '../../src/discord/interaction-router.js';

type Kind = 'command' | 'button' | 'autocomplete';

interface FakeOptions {
  kind: Kind;
  commandName?: string;
  customId?: string;
  locale?: string;
  deferred?: boolean;
  replied?: boolean;
  failReplies?: boolean;
  /** `interaction.options.data`: the options as the payload carried them. */
  optionData?: unknown[];
}

/** Just enough of a discord.js interaction for the router: the type guards, ids, and the reply methods it may call. */
function fakeInteraction(options: FakeOptions) {
  const sent: { method: string; payload: unknown }[] = [];
  const record = (method: string) =>
    async function (this: { replied: boolean; responded: boolean }, payload: unknown) {
      if (options.failReplies) throw new Error(`${method} failed: Unknown interaction`);
      sent.push({ method, payload });
      if (method === 'respond') this.responded = true;
      else this.replied = true;
    };
  const interaction = {
    commandName: options.commandName,
    customId: options.customId,
    guildId: '100000000000000001',
    user: { id: '200000000000000002' },
    locale: options.locale ?? 'en-US',
    deferred: options.deferred ?? false,
    replied: options.replied ?? false,
    responded: false,
    options: { data: options.optionData ?? [] },
    isAutocomplete: () => options.kind === 'autocomplete',
    isChatInputCommand: () => options.kind === 'command',
    isCommand: () => options.kind === 'command',
    isButton: () => options.kind === 'button',
    isMessageComponent: () => options.kind === 'button',
    reply: record('reply'),
    editReply: record('editReply'),
    followUp: record('followUp'),
    respond: record('respond'),
  };
  return { interaction: interaction as unknown as Interaction, sent };
}

function createHarness(commands: Command[]) {
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: 'debug' }, { write: (line: string) => logs.push(JSON.parse(line) as Record<string, unknown>) });
  const context = { logger } as unknown as BotContext;
  return { route: createInteractionRouter(indexCommands(commands), context), logs };
}

function command(name: string, behaviour: Partial<Omit<Command, 'data'>>): Command {
  return {
    data: { name, toJSON: () => ({ name, description: name }) },
    execute: async () => undefined,
    ...behaviour,
  };
}

const ephemeralFlag = 64;

describe('the interaction error boundary', () => {
  it('answers a user-facing error with its own message, ephemeral and without mentions', async () => {
    const { route } = createHarness([
      command('concepts', {
        execute: async () => {
          throw new UserFacingError('There is no note `x`.');
        },
      }),
    ]);
    const { interaction, sent } = fakeInteraction({ kind: 'command', commandName: 'concepts' });

    await route(interaction);

    expect(sent).toEqual([{ method: 'reply', payload: { content: 'There is no note `x`.', flags: ephemeralFlag, allowedMentions: { parse: [] } } }]);
  });

  it('logs an unexpected error with its context and apologises in Korean to a Korean user, without details', async () => {
    const { route, logs } = createHarness([
      command('explain', {
        button: async () => {
          throw new Error('database is locked');
        },
      }),
    ]);
    const { interaction, sent } = fakeInteraction({ kind: 'button', customId: 'explain:docker-kubernetes/container', locale: 'ko' });

    await route(interaction);

    const reply = sent[0]?.payload as { content: string; flags: number };
    expect(reply.content).toBe('죄송해요, 처리 중에 문제가 생겼어요. 잠시 후 다시 시도해 주세요.');
    expect(reply.flags).toBe(ephemeralFlag);
    const logged = logs.find((line) => line.msg === 'interaction failed');
    expect(logged).toMatchObject({
      customId: 'explain:docker-kubernetes/container',
      guildId: '100000000000000001',
      userId: '200000000000000002',
      err: { message: 'database is locked' },
    });
  });

  it('edits a deferred command reply instead of leaving it "thinking"', async () => {
    const { route } = createHarness([
      command('quiz', {
        execute: async () => {
          throw new Error('boom');
        },
      }),
    ]);
    const { interaction, sent } = fakeInteraction({ kind: 'command', commandName: 'quiz', deferred: true });

    await route(interaction);

    expect(sent.map((call) => call.method)).toEqual(['editReply']);
    expect(sent[0]?.payload).toMatchObject({
      content: 'Sorry, something went wrong on my side. Please try again in a moment.',
      embeds: [],
      components: [],
    });
  });

  it('follows up ephemerally when the interaction was already answered', async () => {
    const { route } = createHarness([
      command('quiz', {
        button: async () => {
          throw new UserFacingError('You already answered B.');
        },
      }),
    ]);
    const { interaction, sent } = fakeInteraction({ kind: 'button', customId: 'quiz:answer:abc:1', replied: true });

    await route(interaction);

    expect(sent).toEqual([
      { method: 'followUp', payload: { content: 'You already answered B.', flags: ephemeralFlag, allowedMentions: { parse: [] } } },
    ]);
  });

  it('logs a failed apology instead of throwing', async () => {
    const { route, logs } = createHarness([
      command('explain', {
        execute: async () => {
          throw new Error('first failure');
        },
      }),
    ]);
    const { interaction } = fakeInteraction({ kind: 'command', commandName: 'explain', failReplies: true });

    await expect(route(interaction)).resolves.toBeUndefined();

    expect(logs.map((line) => line.msg)).toEqual(['interaction failed', 'could not tell the user about a failed interaction']);
  });

  it('refuses options that do not fit the definition before the handler runs: a warn line, and "not valid" in Korean', async () => {
    let executed = false;
    const definition = {
      name: 'limits',
      description: 'limits',
      options: [{ name: 'minutes', description: 'minutes', type: 4, min_value: 1, max_value: 10080 }],
    };
    const { route, logs } = createHarness([{ data: { name: 'limits', toJSON: () => definition }, execute: async () => void (executed = true) }]);
    const { interaction, sent } = fakeInteraction({
      kind: 'command',
      commandName: 'limits',
      locale: 'ko',
      optionData: [{ name: 'minutes', type: 4, value: 10_081 }],
    });

    await route(interaction);

    expect(executed).toBe(false);
    expect(sent).toEqual([
      { method: 'reply', payload: { content: expect.stringContaining('올바르지 않은 입력'), flags: ephemeralFlag, allowedMentions: { parse: [] } } },
    ]);
    expect(logs).toContainEqual(
      expect.objectContaining({ level: 40, command: 'limits', problem: expect.stringContaining('above the maximum 10080') }),
    );
    expect(logs.some((line) => line.msg === 'interaction failed')).toBe(false);
  });

  it('answers an autocomplete that failed with an empty list', async () => {
    const { route, logs } = createHarness([
      command('explain', {
        autocomplete: async () => {
          throw new Error('index missing');
        },
      }),
    ]);
    const { interaction, sent } = fakeInteraction({ kind: 'autocomplete', commandName: 'explain' });

    await route(interaction);

    expect(sent).toEqual([{ method: 'respond', payload: [] }]);
    expect(logs.some((line) => line.msg === 'autocomplete failed' && line.command === 'explain')).toBe(true);
  });
});

describe('routing', () => {
  it('gives a button to the command named by its custom id prefix, with the rest split into arguments', async () => {
    const received: string[][] = [];
    const { route } = createHarness([
      command('explain', { button: async (_interaction, args) => void received.push(['explain', ...args]) }),
      command('quiz', { button: async (_interaction, args) => void received.push(['quiz', ...args]) }),
    ]);

    await route(fakeInteraction({ kind: 'button', customId: 'quiz:answer:q1:2' }).interaction);

    expect(received).toEqual([['quiz', 'answer', 'q1', '2']]);
  });

  it('tells the user in their language that a button of a removed command no longer works', async () => {
    const { route } = createHarness([command('explain', {})]);
    const { interaction, sent } = fakeInteraction({ kind: 'button', customId: 'old-feature:1', locale: 'ko' });

    await route(interaction);

    expect(sent[0]).toMatchObject({
      method: 'reply',
      payload: { content: '더 이상 사용할 수 없는 버튼이나 명령어예요. 명령어를 다시 실행해 주세요.', flags: ephemeralFlag },
    });
  });

  it('refuses two commands with the same name', () => {
    expect(() => indexCommands([command('explain', {}), command('explain', {})])).toThrow('Two commands are named "explain"');
  });
});
