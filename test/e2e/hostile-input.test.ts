// The hostile-input drill of issue 8, kept as tests: crafted answer buttons, bot clicks, names that try to
// format or link, and slash payloads Discord itself would never send. The real bot against the emulator, on
// the test notes; each crafted payload is built as a valid one and then changed (`craft`), as an attacker would.
import { ApplicationCommandOptionType, ApplicationIntegrationType, ChannelType, InteractionResponseType } from 'discord-api-types/v10';
import type { APIApplicationCommandInteractionDataSubcommandOption, APIMessage } from 'discord-api-types/v10';
import { afterEach, describe, expect, it } from 'vitest';
import type { CraftedClick, CraftedSlash, EmulatedMember } from '../emulator/index.js';
import { escapeDisplayName } from '../../src/discord/discord-text.js';
import { createSnowflake } from '../emulator/ids.js';
import {
  answerButtonId,
  embedField,
  isQuestionPost,
  questionIdOf,
  replyTo,
  startBotHarness,
  type BotHarness,
  type BotHarnessOptions,
} from './bot-harness.js';

const testNotes = 'test/fixtures/notes';
let harness: BotHarness | undefined;

afterEach(async () => {
  // close() also fails the test when anything the bot sent could ping.
  await harness?.close();
  harness = undefined;
});

async function start(options: BotHarnessOptions = {}): Promise<BotHarness> {
  harness = await startBotHarness({ docsDir: testNotes, ...options });
  return harness;
}

/** `/quiz-admin now` in a channel; the post and its question id. */
async function postQuestion(h: BotHarness, channel = h.emulator.channels.docker): Promise<{ post: APIMessage; questionId: string }> {
  await h.emulator.slash('/quiz-admin now', { channel }, h.emulator.admin).waitForOriginal();
  const post = await h.emulator.waitForMessage(channel, isQuestionPost);
  return { post, questionId: questionIdOf(post) };
}

/** A snapshot of `post` whose first answer button says `customId`: a button an attacker made with devtools. */
function withFirstButton(post: APIMessage, customId: string): APIMessage {
  const tampered = structuredClone(post);
  const row = tampered.components?.[0] as { components: { custom_id?: string }[] } | undefined;
  row!.components[0]!.custom_id = customId;
  return tampered;
}

function warnings(h: BotHarness, message: string | RegExp) {
  return h.logs.filter((line) => line.level === 40 && (typeof message === 'string' ? line.msg === message : message.test(line.msg)));
}

const refusedAnswer = 'answer refused: the click does not come from where its question lives';

describe('a click counts only where its question lives', () => {
  it('a button naming the question of another channel is refused, stores nothing, and the real button still works', async () => {
    const h = await start();
    const { emulator } = h;
    const docker = await postQuestion(h, emulator.channels.docker);
    const general = await postQuestion(h, emulator.channels.general);
    const alice = emulator.member('alice');

    const crafted = `quiz:answer:${docker.questionId}:0`;
    const refused = await replyTo(emulator.click(withFirstButton(general.post, crafted), crafted, alice));
    const honest = await replyTo(emulator.click(docker.post, answerButtonId(docker.post, 1), alice));

    expect(refused).toMatchObject({ ephemeral: true, content: expect.stringContaining('does not belong to a quiz question posted here') });
    expect(honest.content).toContain('Answer recorded');
    // Only the honest click counts: the crafted one did not use up Alice's single answer.
    expect(await h.bot.store.getTally(docker.questionId)).toMatchObject({ participants: 1, counts: [0, 1, 0, 0] });
    expect((await h.bot.store.getTally(general.questionId)).participants).toBe(0);
    expect(warnings(h, refusedAnswer)).toContainEqual(expect.objectContaining({ refusal: 'other-channel', questionId: docker.questionId }));
  });

  it("a click that claims another guild, or another copy of the post, is refused in the member's language", async () => {
    const h = await start();
    const { emulator } = h;
    const { post, questionId } = await postQuestion(h);
    const minji = emulator.member('minji');
    const otherGuild = createSnowflake();
    const otherChannel = createSnowflake();
    const fromAnotherGuild = (payload: CraftedClick) => {
      const channel = payload.channel;
      if (!payload.guild || channel.type !== ChannelType.GuildText) throw new Error('the question is posted in a guild text channel');
      payload.guild_id = otherGuild;
      payload.guild.id = otherGuild;
      payload.authorizing_integration_owners = { [ApplicationIntegrationType.GuildInstall]: otherGuild };
      payload.channel = { ...channel, id: otherChannel, guild_id: otherGuild };
      payload.channel_id = otherChannel;
      payload.message = { ...payload.message, id: createSnowflake(), channel_id: otherChannel };
    };
    const fromAnotherCopy = (payload: CraftedClick) => {
      payload.message = { ...payload.message, id: createSnowflake() };
    };

    const guildReply = await replyTo(emulator.click(post, answerButtonId(post, 0), minji, { craft: fromAnotherGuild }));
    const copyReply = await replyTo(emulator.click(post, answerButtonId(post, 0), emulator.member('bob'), { craft: fromAnotherCopy }));

    expect(guildReply).toMatchObject({ ephemeral: true, content: expect.stringContaining('여기에 올라온 퀴즈 문제의 버튼이 아니라서') });
    expect(copyReply).toMatchObject({ ephemeral: true, content: expect.stringContaining('does not belong to a quiz question posted here') });
    expect((await h.bot.store.getTally(questionId)).participants).toBe(0);
    expect(warnings(h, refusedAnswer).map((line) => line.refusal)).toEqual(['other-guild', 'other-message']);
  });

  it("someone else's practice question cannot be answered with a crafted button, and the practice stays open for its member", async () => {
    const h = await start();
    const { emulator } = h;
    const { post } = await postQuestion(h);
    const alice = emulator.member('alice');
    const practice = emulator.slash('/quiz practice', {}, alice, { channel: emulator.channels.docker });
    const shown = await practice.waitForOriginal();
    const practiceButton = (shown.components?.[0] as { components: { custom_id: string }[] }).components[0]!.custom_id;
    const practiceId = practiceButton.split(':')[2]!;

    const refused = await replyTo(emulator.click(withFirstButton(post, practiceButton), practiceButton, emulator.member('bob')));
    const tallyAfterRefusal = await h.bot.store.getTally(practiceId);
    const own = await emulator.click(shown, practiceButton, alice).response();

    expect(refused).toMatchObject({ ephemeral: true, content: expect.stringContaining('belongs to someone else') });
    expect(tallyAfterRefusal.participants).toBe(0);
    // Alice's own click turns her practice message into the result.
    expect(own.type).toBe(InteractionResponseType.UpdateMessage);
  });

  it('a click from a bot user is acknowledged without a change and never stored', async () => {
    const h = await start();
    const { emulator } = h;
    const { post, questionId } = await postQuestion(h);
    const dave = emulator.member('dave');

    const response = await emulator
      .click(post, answerButtonId(post, 0), dave, {
        craft: (payload) => {
          if (!payload.member) throw new Error('a click in a guild channel carries the member');
          payload.member.user.bot = true;
        },
      })
      .response();

    expect(response.type).toBe(InteractionResponseType.DeferredMessageUpdate);
    expect((await h.bot.store.getTally(questionId)).participants).toBe(0);
  });
});

describe('member names never format, link or ping', () => {
  const hostileNames = [
    '[free nitro](https://evil.example/a)',
    '**bold**',
    '# heading',
    '<@123456789012345678>',
    '@everyone',
    '`code`',
    '||spoiler||',
  ];

  /** What Discord shows for escaped text: the backslash before punctuation dropped, zero-width spaces invisible. */
  const rendered = (text: string) => text.replace(/\\([^0-9A-Za-z\s])/g, '$1').replace(/\u200b/g, '');
  const linkOrFormatting = /\]\(|https?:\/\/|\*\*|^#|<@\d|@everyone|[^\\]`|\|\|/m;

  it('the reveal post and /leaderboard show each hostile name literally, escaped, with no mentions allowed', async () => {
    const h = await start();
    const { emulator } = h;
    const { post, questionId } = await postQuestion(h);
    const answer = (await h.bot.store.getQuestion(questionId))!.answer;
    const members: EmulatedMember[] = hostileNames.map((name) => emulator.addMember(name));
    for (const member of members) await replyTo(emulator.click(post, answerButtonId(post, answer), member));

    await emulator.slash('/quiz-admin reveal', { channel: emulator.channels.docker }, emulator.admin).waitForOriginal();
    const revealed = await emulator.waitForEdit(post, (message) => /Answered right/.test(JSON.stringify(message.embeds)));
    const board = await emulator.slash('/leaderboard', { period: 'all' }, members[0]!).response();
    const boardText = board.type === InteractionResponseType.ChannelMessageWithSource ? (board.data.embeds?.[0]?.description ?? '') : '';

    const right = embedField(revealed, /Answered right/) ?? '';
    for (const name of hostileNames) {
      expect(rendered(right), name).toContain(name);
      expect(rendered(boardText), name).toContain(name);
    }
    // Between the names' commas, every punctuation mark carries its backslash: nothing is left to format or link.
    expect(right.replace(/\\[!-/:-@[-`{-~]/g, '').replace(/, /g, ' ')).not.toMatch(/[!-/:-@[-`{-~]/);
    expect(right).not.toMatch(linkOrFormatting);
    for (const name of hostileNames) expect(boardText).toContain(escapeDisplayName(name));
    expect(emulator.allowedMentionsOf(revealed)).toEqual({ parse: [] });
    expect(board.type === InteractionResponseType.ChannelMessageWithSource ? board.data.allowed_mentions : undefined).toEqual({ parse: [] });
  });

  it('a name carrying NUL or a line break is kept with the click as spaces (PostgreSQL refuses NUL in text)', async () => {
    const h = await start();
    const { emulator } = h;
    const { post, questionId } = await postQuestion(h);
    const member = emulator.addMember('nul\u0000name\nsecond line');

    await replyTo(emulator.click(post, answerButtonId(post, 0), member));

    const stored = await h.bot.store.getAnswer(questionId, member.id);
    expect(stored?.userName).toBe('nul name second line');
  });

  it('/quiz stats shows a hostile name literally in its title', async () => {
    const h = await start();
    const { emulator } = h;
    const evil = emulator.addMember('[free nitro](https://evil.example/a)');

    const reply = await replyTo(emulator.slash('/quiz stats', { member: evil }, emulator.member('alice')));

    const title = reply.embeds[0]?.title ?? '';
    expect(rendered(title)).toContain('[free nitro](https://evil.example/a)');
    expect(title).not.toMatch(/\]\(|https?:\/\//);
  });
});

describe('every option is validated by the bot too', () => {
  const invalidEnglish = "That input isn't valid";
  const invalidKorean = '올바르지 않은 입력';

  /** The first option of the payload, the sub-command whose options the crafts below change. */
  const subcommandOf = (payload: CraftedSlash): APIApplicationCommandInteractionDataSubcommandOption => {
    const subcommand = payload.data.options?.[0];
    if (subcommand?.type !== ApplicationCommandOptionType.Subcommand) throw new Error('the payload has no sub-command to craft');
    return subcommand;
  };

  /** Replace the value of `name` under the first sub-command; `value` may be of the wrong type for the option. */
  const setOption = (name: string, value: unknown) => (payload: CraftedSlash) => {
    const option = subcommandOf(payload).options?.find((candidate) => candidate.name === name);
    if (!option) throw new Error(`the payload has no option "${name}" to craft`);
    // The wrong type is the point: Discord would never send it, a hostile client can.
    (option as { value: unknown }).value = value;
  };

  it.each([
    ['−1', -1],
    ['0', 0],
    ['"abc"', 'abc'],
    ['2^53', 2 ** 53],
    ['10081 (a week and a minute)', 10_081],
  ])('close-after %s gets an ephemeral "not valid" and a warn line, and nothing is stored', async (_label, value) => {
    const h = await start();
    const { emulator } = h;

    const reply = await replyTo(
      emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker, 'close-after': 60 }, emulator.admin, {
        craft: setOption('close-after', value),
      }),
    );

    expect(reply).toMatchObject({ ephemeral: true, content: expect.stringContaining(invalidEnglish) });
    expect(await h.bot.store.listSchedules(emulator.guild.id)).toEqual([]);
    expect(warnings(h, /options do not fit/)).toContainEqual(
      expect.objectContaining({ command: 'quiz-admin', problem: expect.stringContaining('close-after') }),
    );
    expect(h.logs.filter((line) => line.msg === 'interaction failed')).toEqual([]);
  });

  it('a missing required option, a wrongly typed one, an over-long cron and a voice channel are refused in Korean to a Korean admin', async () => {
    const h = await start();
    const { emulator } = h;
    const admin = emulator.addMember('jiwoo', { admin: true, locale: 'ko' });
    const docker = emulator.channels.docker;
    const crafts: ((payload: CraftedSlash) => void)[] = [
      (payload) => void (subcommandOf(payload).options = []),
      setOption('cron', 42),
      setOption('cron', '0 '.repeat(2500)),
      // A voice channel the bot has not cached (a cached one would keep its cached type).
      (payload) => {
        const voiceId = createSnowflake();
        const option = subcommandOf(payload).options?.find((candidate) => candidate.name === 'channel');
        const resolved = payload.data.resolved;
        const cached = resolved?.channels?.[docker.id];
        if (option?.type !== ApplicationCommandOptionType.Channel || !resolved || !cached)
          throw new Error('the payload has no resolved channel option');
        option.value = voiceId;
        resolved.channels = { [voiceId]: { ...cached, id: voiceId, name: 'lounge', type: ChannelType.GuildVoice } };
      },
      (payload) => void (subcommandOf(payload).name = 'drop-tables'),
    ];

    const replies = [];
    for (const craft of crafts)
      replies.push(await replyTo(emulator.slash('/quiz-admin schedule', { channel: docker, cron: '0 9 * * *' }, admin, { craft })));

    for (const reply of replies) expect(reply).toMatchObject({ ephemeral: true, content: expect.stringContaining(invalidKorean) });
    expect(await h.bot.store.listSchedules(emulator.guild.id)).toEqual([]);
    expect(warnings(h, /options do not fit/).map((line) => line.problem)).toEqual([
      expect.stringContaining('required option "channel" is missing'),
      expect.stringContaining('cron: expected text, got number 42'),
      expect.stringContaining('at most 100 allowed'),
      expect.stringContaining('channel type 2'),
      expect.stringContaining('no sub-command "drop-tables"'),
    ]);
  });

  it('quiz channels are text channels: a voice channel is refused as the option and as the place of /quiz-admin now', async () => {
    const h = await start();
    const { emulator } = h;
    const lounge = emulator.addChannel('lounge', { type: ChannelType.GuildVoice });
    // CHANNEL_CREATE arrives over the gateway on its own time; fetching makes sure the bot knows the channel's type.
    await h.bot.client.channels.fetch(lounge.id);

    const scheduled = await replyTo(emulator.slash('/quiz-admin schedule', { channel: lounge }, emulator.admin));
    const postedHere = await emulator.slash('/quiz-admin now', {}, emulator.admin, { channel: lounge }).waitForOriginal();

    expect(scheduled).toMatchObject({ ephemeral: true, content: expect.stringContaining(invalidEnglish) });
    expect(postedHere.content).toBe('Quiz questions are posted in text or announcement channels only. Pick one with the `channel` option.');
    expect(await h.bot.store.listSchedules(emulator.guild.id)).toEqual([]);
    expect(emulator.channelMessages(lounge).filter(isQuestionPost)).toEqual([]);
  });

  it('a slash /explain with a 5,000-character concept is refused before any search', async () => {
    const h = await start();
    const { emulator } = h;

    const reply = await replyTo(
      emulator.slash('/explain', { concept: 'container' }, emulator.member('alice'), {
        craft: (payload) => {
          const concept = payload.data.options?.[0];
          if (concept?.type !== ApplicationCommandOptionType.String) throw new Error('the payload has no concept option');
          concept.value = 'x'.repeat(5000);
        },
      }),
    );

    expect(reply).toMatchObject({ ephemeral: true, content: expect.stringContaining(invalidEnglish) });
  });

  it('with the production minimum, `* * * * * *` is refused with the gap and an example, and no post follows', async () => {
    const h = await start({ minScheduleGapMs: null });
    const { emulator } = h;
    const admin = emulator.addMember('jiwoo', { admin: true, locale: 'ko' });

    const english = await replyTo(emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker, cron: '* * * * * *' }, emulator.admin));
    const korean = await replyTo(emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker, cron: '*/5 * * * *' }, admin));

    expect(english.ephemeral).toBe(true);
    expect(english.content).toContain('it posts again after only 1 second, and the quiz posts at most once every 10 minutes');
    expect(english.content).toContain('`*/30 * * * *` = every 30 minutes');
    expect(korean.content).toContain('5분 만에 다시 출제돼요. 퀴즈는 10분에 한 번까지만 올릴 수 있어요');
    expect(await h.bot.store.listSchedules(emulator.guild.id)).toEqual([]);
    const accepted = await replyTo(
      emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker, cron: '*/10 * * * *' }, emulator.admin),
    );
    expect(accepted.content).toContain('Quiz scheduled');
  });
});
