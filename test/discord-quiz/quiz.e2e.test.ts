// The quiz as members live it: the real bot (startBot, discord.js Client, SQLite store, the real note) against
// the project's local Discord emulator. Restart, fault and load scenarios live in test/e2e/.
import path from 'node:path';
import { ButtonStyle, InteractionResponseType, MessageFlags, PermissionFlagsBits } from 'discord.js';
import type { APIMessage } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commands } from '../../commands/index.js';
import type { Config } from '../../src/config.js';
import { startBot, type RunningBot } from '../../src/discord/start-bot.js';
import { silentLogger } from '../../src/logger.js';
import type { Clock } from '../../src/quiz/ports.js';
import { startDiscordEmulator, type DiscordEmulator, type InteractionHandle } from '../emulator/index.js';
import type { EmulatedMember } from '../emulator/index.js';
import { answerButtonId, answerButtons, isQuestionPost, questionIdOf, replyTo } from '../e2e/bot-harness.js';
import { assertNothingPings } from '../e2e/mention-guard.js';
import { teamNoteDir } from '../fixture-dirs.js';
import { createTempDirectory } from './discord-quiz-kit.js';

/** Friday 27 November 2026, 12:00 in Seoul: the next weekday 09:00 slots are Monday, Tuesday, Wednesday. */
const fridayNoonSeoul = new Date('2026-11-27T03:00:00.000Z');

let emulator: DiscordEmulator;
let bot: RunningBot;
let clock: { current: Date } & Clock;

async function startQuizBot(options: { realClock?: boolean } = {}): Promise<void> {
  emulator = await startDiscordEmulator();
  clock = { current: fridayNoonSeoul, now: () => (options.realClock ? new Date() : clock.current) };
  const config: Config = {
    discordToken: 'emulator-token',
    guildId: emulator.guild.id,
    apiUrl: emulator.apiUrl,
    docsDir: teamNoteDir,
    noteReadLimits: { maxFileBytes: 2 * 1024 * 1024, maxTotalBytes: 50 * 1024 * 1024 },
    databasePath: path.join(createTempDirectory('concept-bot-quiz-e2e-'), 'quiz.sqlite'),
    databaseUrl: undefined,
    shards: { count: undefined, ids: undefined },
    metrics: undefined,
    defaultTimezone: 'Asia/Seoul',
    closeAfterMinutes: undefined,
    graceMinutes: 30,
    logLevel: 'silent',
  };
  bot = await startBot(config, {
    commands,
    logger: silentLogger,
    clock,
    clientOptions: { rest: { timeout: 2_000, retries: 1 }, waitGuildTimeout: 500 },
    // Lowered from the 10 minutes of production so `* * * * * *` posts while the test waits.
    minScheduleGapMs: 1_000,
  });
}

beforeEach(async () => {
  await startQuizBot();
});

afterEach(async () => {
  await bot?.stop();
  await emulator?.close();
  // Member names and typed options are echoed in posts and reveals: none of it may ping.
  if (emulator) assertNothingPings(emulator.requests);
});

/** `/quiz-admin now` in #docker; resolves with the post and the stored question behind it. */
async function postNow() {
  const handle = emulator.slash('/quiz-admin now', { channel: emulator.channels.docker }, emulator.admin);
  const post = await emulator.waitForMessage(emulator.channels.docker, isQuestionPost);
  const questionId = questionIdOf(post);
  const question = await bot.store.getQuestion(questionId);
  if (!question) throw new Error(`question ${questionId} is not stored`);
  return { handle, post, question };
}

function click(post: APIMessage, choice: number, member: EmulatedMember): InteractionHandle {
  return emulator.click(post, answerButtonId(post, choice), member);
}

const [alice, bob, minji, dave] = ['alice', 'bob', 'minji', 'dave'] as const;

describe('configuring the quiz', () => {
  it('an ordinary member does not see /quiz-admin, and when a server override shows it anyway the handler refuses', async () => {
    const member = emulator.member(alice);

    expect(() => emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker }, member)).toThrow(/cannot see \/quiz-admin/);
    const reply = await replyTo(
      emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker }, member, { ignoreDefaultMemberPermissions: true }),
    );

    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('Manage Server');
    expect(await bot.store.listSchedules(emulator.guild.id)).toEqual([]);
  });

  it('an admin schedules a channel with the defaults and the reply shows the next three post times in the zone', async () => {
    const reply = await replyTo(emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker }, emulator.admin));

    expect(reply.ephemeral).toBe(true);
    const lines = reply.content.split('\n');
    expect(lines.slice(0, 3)).toEqual([
      `Quiz scheduled in <#${emulator.channels.docker.id}>: \`0 9 * * 1-5\` (Asia/Seoul), all notes.`,
      'Each answer is revealed when the next question is posted.',
      'Questions are posted in English, your Discord language.',
    ]);
    const nextPosts = ['Mon, 30 Nov 2026, 09:00', 'Tue, 1 Dec 2026, 09:00', 'Wed, 2 Dec 2026, 09:00'].map((wallClock, day) => {
      const slot = Date.parse('2026-11-30T00:00:00Z') / 1000 + day * 86_400;
      return `• ${wallClock} (<t:${slot}:R>)`;
    });
    expect(lines.slice(-4)).toEqual(['Next posts (Asia/Seoul):', ...nextPosts]);
    expect(await bot.store.getSchedule(emulator.guild.id, emulator.channels.docker.id)).toMatchObject({
      cron: '0 9 * * 1-5',
      timezone: 'Asia/Seoul',
      language: 'en',
      paused: false,
    });
  });

  it('a wrong cron expression gets an ephemeral error naming the field, with an example', async () => {
    const reply = await replyTo(emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker, cron: '61 9 * * *' }, emulator.admin));

    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('I cannot use `61 9 * * *` as a schedule: the minute field `61` is not valid (use 0–59');
    expect(reply.content).toContain('Example: `0 9 * * 1-5` = 09:00 Monday to Friday');
    expect(await bot.store.listSchedules(emulator.guild.id)).toEqual([]);
  });

  it('a Korean admin who limits both day of month and weekday is told in Korean why, with crons to use instead', async () => {
    const admin = emulator.addMember('jiwoo', { admin: true, locale: 'ko' });

    const reply = await replyTo(emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker, cron: '0 9 1-7 * 1' }, admin));

    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('`0 9 1-7 * 1` 표현식으로는 일정을 만들 수 없어요: 날짜(`1-7`)와 요일(`1`)을 함께 제한했어요.');
    expect(reply.content).toContain('`0 9 * * 1#1` = 매월 첫째 월요일 09:00');
    expect(reply.content).not.toMatch(/limits both|weekday/);
    expect(await bot.store.listSchedules(emulator.guild.id)).toEqual([]);
  });

  it("a time zone that changes its clocks gets a note on daylight saving time; the questions speak the scheduling admin's language", async () => {
    const admin = emulator.addMember('jiwoo', { admin: true, locale: 'ko' });

    const reply = await replyTo(
      emulator.slash(
        '/quiz-admin schedule',
        { channel: emulator.channels.docker, cron: '30 8 * * *', timezone: 'Europe/Berlin', 'close-after': 90 },
        admin,
      ),
    );
    await emulator.slash('/quiz-admin now', { channel: emulator.channels.docker }, admin).waitForOriginal();
    const [post] = emulator.channelMessages(emulator.channels.docker);

    expect(reply.content).toContain('정답은 문제를 올리고 90분 뒤에 공개돼요.');
    expect(reply.content).toContain('문제는 지금 쓰는 Discord 언어인 한국어로 올라가요.');
    expect(reply.content).toContain('Europe/Berlin 시간대는 서머타임으로 시계가 바뀌어요.');
    // The server reports English (no Community features); the post follows the admin who scheduled it.
    expect(post?.embeds[0]?.author?.name).toBe('📝 퀴즈');
    expect(post?.embeds[0]?.footer?.text).toBe('처음 누른 답만 인정돼요.');
  });

  it('an unknown time zone gets an ephemeral error naming valid ones', async () => {
    const reply = await replyTo(
      emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker, timezone: 'Mars/Olympus' }, emulator.admin),
    );

    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('`Mars/Olympus` is not a time zone I know');
    expect(reply.content).toContain('`Asia/Seoul`');
  });

  it('a channel the bot cannot post in is refused, naming the missing permission', async () => {
    const reply = await replyTo(emulator.slash('/quiz-admin schedule', { channel: emulator.channels.locked }, emulator.admin));

    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toContain('**Send Messages**');
    expect(await bot.store.listSchedules(emulator.guild.id)).toEqual([]);
  });
});

describe('a quiz round', () => {
  it('/quiz-admin now posts a question with answer buttons A–D that ping nobody', async () => {
    const { handle, post, question } = await postNow();

    expect(post.embeds[0]?.description).toContain(question.options[0]);
    expect(answerButtons(post).map((button) => button.custom_id)).toEqual([0, 1, 2, 3].map((choice) => `quiz:answer:${question.id}:${choice}`));
    expect(emulator.allowedMentionsOf(post)).toEqual({ parse: [] });
    const confirmation = await handle.waitForOriginal();
    expect(handle.ephemeral).toBe(true);
    expect(confirmation.content).toContain(`/channels/${emulator.guild.id}/${emulator.channels.docker.id}/${post.id}`);
  });

  it('three members answer, one of them twice: every answer is acknowledged and the first one stands', async () => {
    const { post, question } = await postNow();
    const wrong = (question.answer + 1) % 4;
    const closesAt = `<t:${Math.floor(question.closesAt.getTime() / 1000)}:t>`;

    const aliceReply = await replyTo(click(post, question.answer, emulator.member(alice)));
    const bobReply = await replyTo(click(post, wrong, emulator.member(bob)));
    const minjiFirst = await replyTo(click(post, question.answer, emulator.member(minji)));
    const minjiAgain = await replyTo(click(post, wrong, emulator.member(minji)));

    const letter = (choice: number) => 'ABCD'[choice];
    expect(aliceReply).toEqual({ ephemeral: true, embeds: [], content: expect.stringContaining(`Answer recorded: **${letter(question.answer)}**`) });
    expect(aliceReply.content).toContain(closesAt);
    expect(bobReply.content).toContain(`Answer recorded: **${letter(wrong)}**`);
    expect(minjiFirst.content).toContain(`**${letter(question.answer)}**로 답을 기록했어요`);
    expect(minjiAgain).toEqual({ ephemeral: true, embeds: [], content: `이미 **${letter(question.answer)}**로 답했어요. 처음 고른 답만 인정돼요.` });
    const tally = await bot.store.getTally(question.id);
    expect(tally.participants).toBe(3);
    expect(tally.correct.map((member) => member.userName)).toEqual(['Alice', 'Minji']);
  });

  it('after answering, a member says they guessed: the private buttons re-rate their memory, and after the reveal they no longer can', async () => {
    const { post, question } = await postNow();
    const answered = click(post, question.answer, emulator.member(alice));
    const recorded = await answered.waitForOriginal();
    const confidenceButtons = ((recorded.components ?? []) as { components?: { custom_id?: string; label?: string }[] }[]).flatMap(
      (row) => row.components ?? [],
    );
    expect(confidenceButtons.map((button) => button.label)).toEqual(['Sure', 'Unsure', 'Guessed']);
    expect(confidenceButtons.map((button) => button.custom_id)).toEqual(
      ['sure', 'unsure', 'guessed'].map((word) => `quiz:confidence:${question.id}:${word}`),
    );
    const aliceId = emulator.member(alice).user.id;
    expect((await bot.store.getAnswerReview(question.id, aliceId))?.rating).toBe('good');

    const guessed = emulator.click(recorded, confidenceButtons[2]!.custom_id!, emulator.member(alice));
    expect((await guessed.response()).type).toBe(InteractionResponseType.UpdateMessage);
    const noted = emulator.message(recorded.id)!;

    expect(noted.content).toContain('Noted: Guessed');
    expect(noted.components ?? []).toEqual([]);
    expect(await bot.store.getAnswerReview(question.id, aliceId)).toMatchObject({ rating: 'again', confidence: 'guessed' });

    await emulator.slash('/quiz-admin reveal', { channel: emulator.channels.docker }, emulator.admin).waitForOriginal();
    const late = await replyTo(emulator.click(recorded, confidenceButtons[0]!.custom_id!, emulator.member(alice)));
    expect(late).toEqual({ ephemeral: true, embeds: [], content: 'The result is already out, so how sure you were no longer changes anything.' });
    expect(await bot.store.getAnswerReview(question.id, aliceId)).toMatchObject({ rating: 'again', confidence: 'guessed' });
  });

  it('/quiz-admin reveal edits the post: buttons disabled, answer marked, tally and who was right', async () => {
    const { post, question } = await postNow();
    const wrong = (question.answer + 1) % 4;
    await replyTo(click(post, question.answer, emulator.member(alice)));
    await replyTo(click(post, wrong, emulator.member(bob)));
    await replyTo(click(post, question.answer, emulator.member(minji)));

    const handle = emulator.slash('/quiz-admin reveal', { channel: emulator.channels.docker }, emulator.admin);
    const revealed = await emulator.waitForEdit(post, (message) => answerButtons(message).every((button) => button.disabled));

    const buttons = answerButtons(revealed);
    expect(buttons[question.answer]?.style).toBe(ButtonStyle.Success);
    expect(buttons.filter((button) => button.style === ButtonStyle.Success)).toHaveLength(1);
    const embed = revealed.embeds[0];
    expect(embed?.description).toContain('`███████░░░` 2 · 67%');
    expect(embed?.description).toContain('`███░░░░░░░` 1 · 33%');
    expect(embed?.fields?.find((field) => field.name === 'Participants')?.value).toBe('3');
    expect(embed?.fields?.find((field) => field.name === 'Answered right (2)')?.value).toBe('Alice, Minji');
    expect(emulator.allowedMentionsOf(revealed)).toEqual({ parse: [] });
    const confirmation = await handle.waitForOriginal();
    expect(confirmation.content).toContain('3 answered, 2 right');
  });

  it('/leaderboard ranks the members by points after the reveal, without pinging them', async () => {
    const { post, question } = await postNow();
    const wrong = (question.answer + 1) % 4;
    await replyTo(click(post, question.answer, emulator.member(alice)));
    await replyTo(click(post, wrong, emulator.member(bob)));
    await replyTo(click(post, question.answer, emulator.member(minji)));
    await emulator.slash('/quiz-admin reveal', { channel: emulator.channels.docker }, emulator.admin).waitForOriginal();

    const handle = emulator.slash('/leaderboard', { period: 'week' }, emulator.member(bob));
    const response = await handle.response();

    if (response.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error(`unexpected callback ${response.type}`);
    const lines = (response.data.embeds?.[0]?.description ?? '').split('\n').filter((line) => /Alice|Bob|Minji/.test(line));
    expect(lines).toEqual([
      '🥇 Alice — **1** pt · 100% right · streak 1',
      '🥇 Minji — **1** pt · 100% right · streak 1',
      '🥉 Bob (you) — **0** pts · 0% right',
    ]);
    expect(response.data.allowed_mentions).toEqual({ parse: [] });
  });

  it('a crafted answer button with a choice outside A–D gets a clear note and stores nothing', async () => {
    const { post, question } = await postNow();
    const crafted = `quiz:answer:${question.id}:7`;
    const tampered = structuredClone(post);
    const row = tampered.components?.[0] as { components: { custom_id?: string }[] } | undefined;
    row!.components[3]!.custom_id = crafted;

    const reply = await replyTo(emulator.click(tampered, crafted, emulator.member(dave)));
    const afterwards = await replyTo(click(post, question.answer, emulator.member(dave)));

    expect(reply).toEqual({
      ephemeral: true,
      embeds: [],
      content: 'That button is not an answer to a quiz question. Answer with the A–D buttons under a quiz post.',
    });
    expect(afterwards.content).toContain('Answer recorded');
    expect((await bot.store.getTally(question.id)).participants).toBe(1);
  });

  it('a click after the close gets the closed note with the answer', async () => {
    const { post, question } = await postNow();
    await emulator.slash('/quiz-admin reveal', { channel: emulator.channels.docker }, emulator.admin).waitForOriginal();

    // `post` is the message as Dave's client still shows it: buttons enabled.
    const reply = await replyTo(click(post, 0, emulator.member(dave)));

    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(`This question is closed. The answer was **${'ABCD'[question.answer]}. ${question.options[question.answer]}**.`);
    expect((await bot.store.getTally(question.id)).participants).toBe(0);
  });

  it('the reveal button opens the concept for the clicker only', async () => {
    const { post, question } = await postNow();
    await emulator.slash('/quiz-admin reveal', { channel: emulator.channels.docker }, emulator.admin).waitForOriginal();
    const revealed = emulator.message(post.id)!;

    const response = await emulator.click(revealed, `quiz:explain:${question.conceptId}`, emulator.member(bob)).response();

    if (response.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error(`unexpected callback ${response.type}`);
    expect(Number(response.data.flags ?? 0) & MessageFlags.Ephemeral).not.toBe(0);
    expect(response.data.embeds?.[0]?.footer?.text).toBe(question.conceptId);
  });
});

describe('watching the quiz', () => {
  it('/quiz-admin list shows each schedule with its next post and open question', async () => {
    await replyTo(emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker }, emulator.admin));
    const { post } = await postNow();

    const response = await emulator.slash('/quiz-admin list', {}, emulator.admin).response();

    if (response.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error(`unexpected callback ${response.type}`);
    const [field] = response.data.embeds?.[0]?.fields ?? [];
    expect(field?.name).toBe('#docker');
    expect(field?.value).toContain('`0 9 * * 1-5` · Asia/Seoul · all notes');
    expect(field?.value).toContain(`Next post: <t:${Date.parse('2026-11-30T00:00:00Z') / 1000}:f>`);
    expect(field?.value).toContain(`Open question: https://discord.com/channels/${emulator.guild.id}/${emulator.channels.docker.id}/${post.id}`);
  });

  it('a channel that lost the permission to post: /quiz-admin now names it, and the list shows the problem and the pause', async () => {
    await replyTo(emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker }, emulator.admin));
    emulator.setBotPermissions(emulator.channels.docker, { deny: PermissionFlagsBits.SendMessages });

    const attempt = await emulator.slash('/quiz-admin now', { channel: emulator.channels.docker }, emulator.admin).waitForOriginal();
    const listed = await emulator.slash('/quiz-admin list', {}, emulator.admin).response();

    expect(attempt.content).toContain('I am missing **Send Messages** there');
    if (listed.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error(`unexpected callback ${listed.type}`);
    const value = listed.data.embeds?.[0]?.fields?.[0]?.value ?? '';
    expect(value).toContain('Last problem');
    expect(value).toContain('I am missing **Send Messages** there');
    expect(value).toContain('Paused');
    expect(emulator.channelMessages(emulator.channels.docker)).toEqual([]);
  });

  it('once the permission is back, /quiz-admin now in the paused channel posts and resumes its schedule', async () => {
    await replyTo(emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker }, emulator.admin));
    emulator.setBotPermissions(emulator.channels.docker, { deny: PermissionFlagsBits.SendMessages });
    await emulator.slash('/quiz-admin now', { channel: emulator.channels.docker }, emulator.admin).waitForOriginal();
    emulator.setBotPermissions(emulator.channels.docker, {});

    const retry = await emulator.slash('/quiz-admin now', { channel: emulator.channels.docker }, emulator.admin).waitForOriginal();
    const listed = await emulator.slash('/quiz-admin list', {}, emulator.admin).response();

    expect(retry.content).toContain('the post worked, so it runs again');
    expect(emulator.channelMessages(emulator.channels.docker)).toHaveLength(1);
    expect(await bot.store.getSchedule(emulator.guild.id, emulator.channels.docker.id)).toMatchObject({ paused: false, lastProblem: null });
    if (listed.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error(`unexpected callback ${listed.type}`);
    const value = listed.data.embeds?.[0]?.fields?.[0]?.value ?? '';
    expect(value).toContain(`Next post: <t:${Date.parse('2026-11-30T00:00:00Z') / 1000}:f>`);
    expect(value).not.toContain('Paused');
  });

  it("/quiz stats shows another member's points and streak", async () => {
    const { post, question } = await postNow();
    await replyTo(click(post, question.answer, emulator.member(alice)));
    await emulator.slash('/quiz-admin reveal', { channel: emulator.channels.docker }, emulator.admin).waitForOriginal();

    const response = await emulator.slash('/quiz stats', { member: emulator.member(alice) }, emulator.member(bob)).response();

    if (response.type !== InteractionResponseType.ChannelMessageWithSource) throw new Error(`unexpected callback ${response.type}`);
    const embed = response.data.embeds?.[0];
    expect(embed?.title).toBe('📊 Quiz stats: Alice');
    expect(embed?.fields?.slice(0, 3).map((field) => field.value)).toEqual(['1', '100% of 1 answer', '1']);
  });

  it('the note option suggests notes as the admin types', async () => {
    const choices = await emulator
      .autocomplete('/quiz-admin schedule', { channel: emulator.channels.docker, note: 'dock' }, 'note', emulator.admin)
      .choices();

    expect(choices.map((choice) => choice.value)).toEqual(['docker-kubernetes']);
  });
});

describe('practice', () => {
  it('a practice question is only for the caller and shows right or wrong at once, without touching the score', async () => {
    const member = emulator.member(alice);
    const handle = emulator.slash('/quiz practice', {}, member);
    const shown = await handle.waitForOriginal();
    expect(handle.ephemeral).toBe(true);
    const questionId = questionIdOf(shown);
    const question = (await bot.store.getQuestion(questionId))!;
    const wrong = (question.answer + 2) % 4;

    const response = await emulator.click(shown, answerButtonId(shown, wrong), member).response();

    expect(response.type).toBe(InteractionResponseType.UpdateMessage);
    const updated = handle.original()!;
    expect(updated.embeds[0]?.title).toContain('Not quite');
    expect(answerButtons(updated).every((button) => button.disabled)).toBe(true);
    expect(answerButtons(updated)[wrong]?.style).toBe(ButtonStyle.Danger);
    expect((await bot.store.getMemberStats(emulator.guild.id, member.id)).answered).toBe(0);
  });
});

describe('the schedule', () => {
  it('forty channels sharing one slot are each posted once, a global rate limit waited out and none skipped', async () => {
    const leapDaySlot = new Date('2028-02-29T00:00:00.000Z');
    const channels = Array.from({ length: 40 }, (_, index) => emulator.addChannel(`study-${index + 1}`));
    await emulator.waitFor(() => channels.every((channel) => bot.client.channels.cache.has(channel.id)));
    clock.current = new Date(leapDaySlot.getTime() - 60_000);
    for (const channel of channels) {
      // A leap-day cron: node-cron's own timer cannot fire during the test, so the test alone decides the slot.
      const scheduled = await bot.context.quiz.scheduleChannel({
        guildId: emulator.guild.id,
        channelId: channel.id,
        cron: '0 9 29 2 *',
        createdBy: emulator.admin.id,
      });
      expect(scheduled.ok).toBe(true);
    }
    const rateLimit = emulator.injectFault({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 429,
      retryAfterSeconds: 0.3,
      global: true,
      times: 2,
    });

    clock.current = leapDaySlot;
    const outcomes = await Promise.all(channels.map((channel) => bot.context.quiz.runSlot(emulator.guild.id, channel.id, leapDaySlot)));

    expect(rateLimit.hits).toBeGreaterThan(0);
    expect(outcomes.filter((outcome) => !outcome.ok)).toEqual([]);
    expect(channels.map((channel) => emulator.channelMessages(channel).filter(isQuestionPost).length)).toEqual(channels.map(() => 1));
  });

  it('posts at the slot of a seconds-level cron', async () => {
    await bot.stop();
    await emulator.close();
    await startQuizBot({ realClock: true });

    await replyTo(emulator.slash('/quiz-admin schedule', { channel: emulator.channels.docker, cron: '* * * * * *' }, emulator.admin));
    const post = await emulator.waitForMessage(emulator.channels.docker, isQuestionPost, 3_000);

    expect(post.embeds[0]?.fields?.some((field) => field.value.includes('<t:'))).toBe(true);
  });
});
