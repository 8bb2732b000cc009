// `/quiz review` as a member lives it: the real bot (startBot, discord.js Client, SQLite file) against the
// project's Discord emulator, with a hand-made knowledge base and memories written through the store's door.
import type { APIButtonComponentWithCustomId, APIMessage } from 'discord-api-types/v10';
import { InteractionResponseType } from 'discord.js';
import { afterEach, describe, expect, it } from 'vitest';
import { reviewMemory } from '../../src/learning/member-memory.js';
import { embedField, replyTo, startBotHarness, type BotHarness } from '../e2e/bot-harness.js';
import { fillerConcepts, makeKnowledgeBase } from '../quiz/quiz-test-kit.js';

const day = 86_400_000;
const kb = makeKnowledgeBase({
  network: [
    {
      names: ['TCP'],
      statements: ['연결을 맺고 순서와 도착을 보장하는 전송 계층 프로토콜이다.'],
      flashcards: [{ question: 'TCP 3-way handshake의 세 단계는?', answer: 'SYN, SYN-ACK, ACK' }],
    },
    ...fillerConcepts(),
  ],
});

let harness: BotHarness | undefined;

afterEach(async () => {
  // Also fails the test when anything the bot sent could ping.
  await harness?.close();
  harness = undefined;
});

/** The member answered each concept `daysAgo` days ago, rightly: the longer ago, the more overdue now. */
async function remember(h: BotHarness, userId: string, daysAgo: Record<string, number>): Promise<void> {
  const now = h.clock.now().getTime();
  for (const [slug, days] of Object.entries(daysAgo)) {
    await reviewMemory(h.bot.store, {
      guildId: h.emulator.guild.id,
      userId,
      conceptId: `network/${slug}`,
      source: 'channel',
      rating: 'good',
      questionId: null,
      reviewedAt: new Date(now - days * day - 60_000),
    });
  }
}

function reviewButtons(message: APIMessage): APIButtonComponentWithCustomId[] {
  const rows = (message.components ?? []) as { components?: APIButtonComponentWithCustomId[] }[];
  return rows.flatMap((row) => row.components ?? []).filter((button) => button.custom_id?.startsWith('quiz:review:'));
}

function reviewButton(message: APIMessage, verb: string, choice?: number): string {
  const button = reviewButtons(message).find((candidate) => {
    const parts = candidate.custom_id.split(':');
    return parts[2] === verb && (choice === undefined || parts[9] === String(choice));
  });
  if (!button)
    throw new Error(
      `message ${message.id} has no "${verb}" review button (has ${reviewButtons(message)
        .map((b) => b.custom_id)
        .join(', ')})`,
    );
  return button.custom_id;
}

/** The stored question behind a review question's answer buttons. */
async function questionOf(h: BotHarness, message: APIMessage) {
  const item = reviewButton(message, 'answer', 0).split(':')[8]!;
  const question = await h.bot.store.getQuestion(item.slice(1));
  if (!question) throw new Error(`no stored question ${item}`);
  return question;
}

/** The member's click, answered by editing the ephemeral message in place; resolves with the message after the edit. */
async function clickAndRead(h: BotHarness, message: APIMessage, customId: string, member = h.emulator.member('alice')): Promise<APIMessage> {
  const response = await h.emulator.click(message, customId, member).response();
  expect(response.type).toBe(InteractionResponseType.UpdateMessage);
  const updated = h.emulator.message(message.id);
  if (!updated) throw new Error(`message ${message.id} is gone`);
  return updated;
}

describe('/quiz review', () => {
  it('due concepts one at a time: card, question, Next, Stop → summary; memories reviewed; an old Next works after a restart', async () => {
    const h = (harness = await startBotHarness({ knowledgeBase: kb, docsDir: 'test/fixtures/notes' }));
    const { emulator } = h;
    const alice = emulator.member('alice');
    const guildId = emulator.guild.id;
    // Most overdue first: the TCP card, then the router, then the hub; the switch and the gateway are not due.
    await remember(h, alice.id, { tcp: 40, router: 25, hub: 15, switch: 0, gateway: 0 });

    const start = emulator.slash('/quiz review', { note: 'network' }, alice);
    const card = await start.waitForOriginal();
    expect(start.ephemeral).toBe(true);
    expect(emulator.allowedMentionsOf(card)).toEqual({ parse: [] });
    expect(card.embeds[0]?.description).toBe('TCP 3-way handshake의 세 단계는?');
    expect(JSON.stringify(card)).not.toContain('SYN-ACK');

    // 1. The card: show the answer, "didn't" → stored as an Again review from the session.
    const shown = await clickAndRead(h, card, reviewButton(card, 'show'));
    expect(embedField(shown, 'Answer')).toContain('SYN, SYN-ACK, ACK');
    const graded = await clickAndRead(h, shown, reviewButton(shown, 'didnt'));
    expect(graded.embeds[0]?.footer?.text).toBe('Reviewed 1 · right 0 · only you see this');

    // 2. Next: the router's question, answered right.
    const routerAsked = await clickAndRead(h, graded, reviewButton(graded, 'next'));
    const routerQuestion = await questionOf(h, routerAsked);
    expect(routerQuestion).toMatchObject({ conceptId: 'network/router', practiceUserId: alice.id });
    const routerAnswered = await clickAndRead(h, routerAsked, reviewButton(routerAsked, 'answer', routerQuestion.answer));
    expect(routerAnswered.embeds[0]?.footer?.text).toBe('Reviewed 2 · right 1 · only you see this');

    const sessionReviews = (await h.bot.store.listMemberReviews(guildId, alice.id)).filter((review) => review.source === 'review');
    expect(sessionReviews.map(({ conceptId, rating }) => ({ conceptId, rating }))).toEqual([
      { conceptId: 'network/tcp', rating: 'again' },
      { conceptId: 'network/router', rating: 'good' },
    ]);
    const router = (await h.bot.store.getMemory({ guildId, userId: alice.id, conceptId: 'network/router' }))!;
    expect(router.state.reps).toBe(2);
    expect(router.state.dueAt).toBeGreaterThan(h.clock.now().getTime());

    // 3. Next: the hub; then Stop → the summary, with the hub still due.
    const hubAsked = await clickAndRead(h, routerAnswered, reviewButton(routerAnswered, 'next'));
    expect((await questionOf(h, hubAsked)).conceptId).toBe('network/hub');
    const summary = await clickAndRead(h, hubAsked, reviewButton(hubAsked, 'stop'));
    expect(embedField(summary, 'Reviewed')).toBe('2');
    expect(embedField(summary, 'Right')).toBe('1');
    expect(embedField(summary, 'Next review')).toBe('1 more concept is due now: `/quiz review` again when you have a minute.');
    expect(reviewButtons(summary)).toEqual([]);

    await h.restartBot();

    // The router's "Next", as alice's client may still show it from before the restart: the session goes on.
    const afterRestart = await clickAndRead(h, routerAnswered, reviewButton(routerAnswered, 'next'));
    const hubQuestion = await questionOf(h, afterRestart);
    expect(hubQuestion.conceptId).toBe('network/hub');
    const hubAnswered = await clickAndRead(h, afterRestart, reviewButton(afterRestart, 'answer', (hubQuestion.answer + 1) % 4));
    expect(hubAnswered.embeds[0]?.footer?.text).toBe('Reviewed 3 · right 1 · only you see this');
    const done = await clickAndRead(h, hubAnswered, reviewButton(hubAnswered, 'next'));
    expect(embedField(done, 'Reviewed')).toBe('3');
    expect(embedField(done, 'Next review')).toMatch(/^Due <t:\d+:[tf]> \(<t:\d+:R>\)\.$/);
  });

  it('with nothing due, it says when the next review is due', async () => {
    const h = (harness = await startBotHarness({ knowledgeBase: kb, docsDir: 'test/fixtures/notes' }));
    const bob = h.emulator.member('bob');
    await remember(h, bob.id, { tcp: 0, router: 0, hub: 0, switch: 0, gateway: 0 });
    const earliest = Math.min(...(await h.bot.store.listMemberMemories(h.emulator.guild.id, bob.id)).map((memory) => memory.state.dueAt));

    const reply = await replyTo(h.emulator.slash('/quiz review', {}, bob));

    expect(reply.ephemeral).toBe(true);
    const unix = Math.floor(earliest / 1000);
    expect(reply.content).toMatch(new RegExp(`^Nothing to review right now\\. Your next review is due <t:${unix}:[tf]> \\(<t:${unix}:R>\\)\\.$`));
    expect((await h.bot.store.listMemberReviews(h.emulator.guild.id, bob.id)).filter((review) => review.source === 'review')).toEqual([]);
  });

  it('a Korean member reviews in Korean, to the summary', async () => {
    const h = (harness = await startBotHarness({ knowledgeBase: kb, docsDir: 'test/fixtures/notes' }));
    const jiwoo = h.emulator.addMember('jiwoo', { locale: 'ko' });
    await remember(h, jiwoo.id, { tcp: 30, router: 0, hub: 0, switch: 0, gateway: 0 });

    const card = await h.emulator.slash('/quiz review', {}, jiwoo).waitForOriginal();
    const shown = await clickAndRead(h, card, reviewButton(card, 'show'), jiwoo);
    const graded = await clickAndRead(h, shown, reviewButton(shown, 'knew'), jiwoo);
    const summary = await clickAndRead(h, graded, reviewButton(graded, 'next'), jiwoo);

    expect(reviewButtons(card).map((button) => button.label)).toEqual(['답 보기', '⏹️ 그만']);
    expect(reviewButtons(graded).map((button) => button.label)).toEqual(['➡️ 다음', '⏹️ 그만']);
    expect(summary.embeds[0]?.title).toBe('복습 끝');
    expect(embedField(summary, '복습한 개념')).toBe('1');
    expect(embedField(summary, '정답')).toBe('1');
    expect(embedField(summary, '다음 복습')).toMatch(/^<t:\d+:[tf]> \(<t:\d+:R>\)에 복습할 때가 돼요\.$/);
  });

  it("a crafted button for another member's review, or a mangled one, gets a clear private note and stores nothing", async () => {
    const h = (harness = await startBotHarness({ knowledgeBase: kb, docsDir: 'test/fixtures/notes' }));
    const { emulator } = h;
    const bob = emulator.member('bob');
    const alice = emulator.member('alice');
    const card = await emulator.slash('/quiz review', {}, bob).waitForOriginal();
    const show = reviewButton(card, 'show');
    const tampered = (customId: string): APIMessage => {
      const copy = structuredClone(card);
      (copy.components?.[0] as { components: { custom_id?: string }[] }).components[0]!.custom_id = customId;
      return copy;
    };
    const foreign = show.replace(`:${bob.id}:`, `:${alice.id}:`).replace(':show:', ':knew:');
    const mangled = show.split(':').slice(0, 6).join(':');

    const foreignReply = await replyTo(emulator.click(tampered(foreign), foreign, bob));
    const mangledReply = await replyTo(emulator.click(tampered(mangled), mangled, bob));

    expect(foreignReply).toEqual({
      ephemeral: true,
      embeds: [],
      content: 'This review belongs to someone else. Start your own with `/quiz review`.',
    });
    expect(mangledReply.content).toBe('That is not a review button I made. Start again with `/quiz review`.');
    expect(await h.bot.store.listMemberReviews(emulator.guild.id, alice.id)).toEqual([]);
    expect(await h.bot.store.listMemberReviews(emulator.guild.id, bob.id)).toEqual([]);
  });
});
